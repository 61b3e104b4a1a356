//! The email templates of a project: every `<name>.j2` of `flows/emails/`, checked at load.

use super::rendered::subject_line_offset;
use super::{RenderedEmail, SENDER_FILE, SUBJECT_PREFIX, Sender};
use crate::diagnostic::{Code, Diagnostic};
use crate::money::VAT_PERCENT;
use crate::source::{Position, Source};
use minijinja::{Environment, Error, ErrorKind};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The extension of a template file: `conferma-pagamento.j2` is the template `conferma-pagamento`.
pub const TEMPLATE_EXTENSION: &str = "j2";

/// A template larger than this is refused rather than read: an email is a page of text.
const MAX_TEMPLATE_BYTES: u64 = 256 * 1024;

/// Names a template may read besides the run's variables: `{{ vat_percent }}` is the IVA rate
/// the amounts were computed with (D10), so no template repeats the number.
const TEMPLATE_GLOBALS: &[&str] = &["vat_percent"];

/// Every template of a folder, parsed, with the sender of the emails.
#[derive(Debug)]
pub struct Templates {
    environment: Environment<'static>,
    /// Template name → its file, for messages.
    files: BTreeMap<String, String>,
    sender: Sender,
}

impl Templates {
    /// Reads `dir/sender.yaml` and every `dir/<name>.j2`, reporting every problem found.
    pub fn load(dir: &Path) -> Result<Templates, Vec<Diagnostic>> {
        let mut diagnostics = Vec::new();
        let sender = read(&dir.join(SENDER_FILE))
            .and_then(|source| Sender::parse(&source))
            .map_err(|diagnostic| diagnostics.push(diagnostic));
        let mut sources = Vec::new();
        for path in template_paths(dir).map_err(|diagnostic| vec![diagnostic])? {
            match read(&path) {
                Ok(source) => sources.push(source),
                Err(diagnostic) => diagnostics.push(diagnostic),
            }
        }
        let templates = sender.map(|sender| Templates::new(sender, sources));
        match templates {
            Ok(Ok(templates)) if diagnostics.is_empty() => Ok(templates),
            Ok(Err(more)) => {
                diagnostics.extend(more);
                Err(diagnostics)
            }
            _ => Err(diagnostics),
        }
    }

    /// Templates from sources already read; each source's file name (`x/<name>.j2`) names it.
    pub fn new(sender: Sender, sources: Vec<Source>) -> Result<Templates, Vec<Diagnostic>> {
        let mut environment = crate::expr::environment();
        // Block tags on lines of their own leave no blank lines behind: templates stay
        // readable and the emails tidy.
        environment.set_trim_blocks(true);
        environment.set_lstrip_blocks(true);
        environment.set_debug(true);
        environment.add_global(TEMPLATE_GLOBALS[0], VAT_PERCENT);
        let mut files = BTreeMap::new();
        let mut diagnostics = Vec::new();
        for source in sources {
            match add(&mut environment, &files, &source) {
                Ok(name) => {
                    files.insert(name, source.name);
                }
                Err(diagnostic) => diagnostics.push(diagnostic),
            }
        }
        if diagnostics.is_empty() {
            Ok(Templates {
                environment,
                files,
                sender,
            })
        } else {
            Err(diagnostics)
        }
    }

    /// The template names, sorted (`attivazione-rinnovo`, `conferma-pagamento`).
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// Whether a template `name` exists.
    pub fn contains(&self, name: &str) -> bool {
        self.files.contains_key(name)
    }

    /// Who the emails come from.
    pub fn sender(&self) -> &Sender {
        &self.sender
    }

    /// The variables template `name` reads, as dotted paths (`esito.order.total`), sorted;
    /// `None` for an unknown template. Lets a checker tell whether a flow sets them.
    pub fn variables(&self, name: &str) -> Option<BTreeSet<String>> {
        let template = self.environment.get_template(name).ok()?;
        let mut variables: BTreeSet<String> =
            template.undeclared_variables(true).into_iter().collect();
        variables.retain(|path| {
            let root = path.split('.').next().unwrap_or(path);
            !TEMPLATE_GLOBALS.contains(&root)
        });
        Some(variables)
    }

    /// Fills template `name` with `context` (a map of the run's variables and `catalog`).
    /// A variable the context lacks is an error that names it.
    pub fn render(&self, name: &str, context: &minijinja::Value) -> Result<RenderedEmail, String> {
        let file = self.files.get(name).ok_or_else(|| {
            let known: Vec<&str> = self.names().collect();
            format!(
                "no email template `{name}` (templates: {})",
                known.join(", ")
            )
        })?;
        let template = self
            .environment
            .get_template(name)
            .map_err(|error| format!("{file}: {error}"))?;
        let text = template
            .render(context)
            .map_err(|error| describe_render_error(file, &error))?;
        RenderedEmail::split(&text).map_err(|why| format!("{file}: {why}"))
    }
}

/// The template files of `dir`, sorted by path so loading never depends on directory order.
fn template_paths(dir: &Path) -> Result<Vec<std::path::PathBuf>, Diagnostic> {
    let io_error = |error: std::io::Error| {
        Diagnostic::new(
            Code::Io,
            Source::name_of(dir),
            format!("cannot read the email templates folder: {error}"),
        )
        .hint("the email templates live in flows/emails/, one `<name>.j2` file each")
    };
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io_error)? {
        let path = entry.map_err(io_error)?.path();
        let is_template = path
            .extension()
            .is_some_and(|extension| extension == TEMPLATE_EXTENSION);
        if is_template && path.is_file() {
            paths.push(path);
        }
    }
    paths.sort();
    Ok(paths)
}

/// A file as a [`Source`], or a diagnostic saying why it cannot be one.
fn read(path: &Path) -> Result<Source, Diagnostic> {
    let name = Source::name_of(path);
    let io_error = |error: std::io::Error| {
        Diagnostic::new(Code::Io, &name, format!("cannot read the file: {error}"))
    };
    let size = std::fs::metadata(path).map_err(io_error)?.len();
    if size > MAX_TEMPLATE_BYTES {
        return Err(Diagnostic::new(
            Code::TooLarge,
            &name,
            format!("the file has {size} bytes, more than the {MAX_TEMPLATE_BYTES} allowed"),
        ));
    }
    let bytes = std::fs::read(path).map_err(io_error)?;
    String::from_utf8(bytes)
        .map(|text| Source::new(&name, text))
        .map_err(|error| {
            Diagnostic::new(
                Code::Encoding,
                &name,
                format!("the file is not UTF-8: {error}"),
            )
            .hint("save the file as UTF-8")
        })
}

/// Parses one template into the environment and returns its name.
fn add(
    environment: &mut Environment<'static>,
    files: &BTreeMap<String, String>,
    source: &Source,
) -> Result<String, Diagnostic> {
    let suffix = format!(".{TEMPLATE_EXTENSION}");
    let file_name = Path::new(&source.name)
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or(&source.name);
    let name = match file_name.strip_suffix(&suffix) {
        Some(name) if !name.is_empty() => name.to_owned(),
        _ => {
            return Err(Diagnostic::new(
                Code::Io,
                &source.name,
                format!("`{file_name}` is not a template file"),
            )
            .hint(format!("name email templates `<name>{suffix}`")));
        }
    };
    if files.contains_key(&name) {
        return Err(Diagnostic::new(
            Code::DuplicateId,
            &source.name,
            format!("a second email template named `{name}`"),
        ));
    }
    if let Err(offset) = subject_line_offset(&source.text) {
        return Err(Diagnostic::new(
            Code::MissingKey,
            &source.name,
            format!("the template must start with its subject line `{SUBJECT_PREFIX} ...`"),
        )
        .at(Some(position_at(&source.text, offset)), 1)
        .hint(format!(
            "write `{SUBJECT_PREFIX} <subject>` as the first line (after the `{{# ... #}}` comment), then a blank line and the body"
        )));
    }
    environment
        .add_template_owned(name.clone(), source.text.clone())
        .map_err(|error| syntax_diagnostic(source, &error))?;
    Ok(name)
}

/// F008 at the place minijinja points to.
fn syntax_diagnostic(source: &Source, error: &Error) -> Diagnostic {
    let (position, width) = match error.range() {
        Some(range) => (
            Some(position_at(&source.text, range.start)),
            source
                .text
                .get(range)
                .map_or(1, |text| text.chars().count()),
        ),
        None => (error.line().map(|line| Position::new(line, 1)), 1),
    };
    let detail = error.detail().unwrap_or("invalid template");
    Diagnostic::new(
        Code::BadExpression,
        &source.name,
        format!("template syntax error: {detail}"),
    )
    .at(position, width)
    .hint("variables are written `{{ esito.order.id }}`, blocks `{% if ... %} ... {% endif %}`")
}

/// A render error in plain words; an undefined value is named by the expression that read it.
fn describe_render_error(file: &str, error: &Error) -> String {
    let line = error
        .line()
        .map_or(String::new(), |line| format!(":{line}"));
    let expression = error
        .template_source()
        .zip(error.range())
        .and_then(|(text, range)| text.get(range));
    match (error.kind(), expression) {
        (ErrorKind::UndefinedError, Some(expression)) => format!(
            "{file}{line}: `{expression}` is undefined: the run has no such variable or field"
        ),
        (_, Some(expression)) => format!("{file}{line}: `{expression}`: {error}"),
        (_, None) => format!("{file}{line}: {error}"),
    }
}

/// The 1-based line and column (in characters) of a byte offset.
fn position_at(text: &str, offset: usize) -> Position {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    Position::new(line, before[line_start..].chars().count() + 1)
}
