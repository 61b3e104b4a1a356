//! The email templates of a project: every `<name>.j2` of `flows/emails/`, checked at load.

use super::missing::missing_path;
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
#[derive(Clone, Debug)]
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
        let compiled = compile(sources).map_err(|more| diagnostics.extend(more));
        match (sender, compiled) {
            (Ok(sender), Ok((environment, files))) if diagnostics.is_empty() => Ok(Templates {
                environment,
                files,
                sender,
            }),
            _ => Err(diagnostics),
        }
    }

    /// Templates from sources already read; each source's file name (`x/<name>.j2`) names it.
    pub fn new(sender: Sender, sources: Vec<Source>) -> Result<Templates, Vec<Diagnostic>> {
        let (environment, files) = compile(sources)?;
        Ok(Templates {
            environment,
            files,
            sender,
        })
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
            .map_err(|error| describe_render_error(file, &error, context, &template))?;
        RenderedEmail::split(&text).map_err(|why| format!("{file}: {why}"))
    }
}

/// Parses every source into one environment: the templates and, by name, their files.
fn compile(
    sources: Vec<Source>,
) -> Result<(Environment<'static>, BTreeMap<String, String>), Vec<Diagnostic>> {
    let mut environment = crate::expr::environment();
    // Block tags on lines of their own leave no blank lines behind: templates stay readable
    // and the emails tidy.
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
        Ok((environment, files))
    } else {
        Err(diagnostics)
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

/// A render error in plain words, at `file:line:column`; an undefined value is named by the
/// variable path that lacked it.
fn describe_render_error(
    file: &str,
    error: &Error,
    context: &minijinja::Value,
    template: &minijinja::Template<'_, '_>,
) -> String {
    let source = error.template_source();
    let range = error.range();
    let location = match (source, range.clone(), error.line()) {
        (Some(text), Some(range), _) => {
            let position = position_at(text, range.start);
            format!("{file}:{}:{}", position.line, position.column)
        }
        (_, _, Some(line)) => format!("{file}:{line}"),
        _ => file.to_owned(),
    };
    let expression = source.zip(range).and_then(|(text, range)| text.get(range));
    let roots: Vec<String> = template.undeclared_variables(false).into_iter().collect();
    let missing = expression.and_then(|expression| missing_path(context, expression, &roots));
    match (error.kind(), missing, expression) {
        (ErrorKind::UndefinedError, Some(path), Some(expression)) => format!(
            "{location}: `{path}` is undefined (in `{expression}`): the run has no such variable or field"
        ),
        (ErrorKind::UndefinedError, None, Some(expression)) => format!(
            "{location}: `{expression}` is undefined: the run has no such variable or field"
        ),
        (_, _, Some(expression)) => format!("{location}: `{expression}`: {error}"),
        (_, _, None) => format!("{location}: {error}"),
    }
}

/// The 1-based line and column (in characters) of a byte offset.
fn position_at(text: &str, offset: usize) -> Position {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    Position::new(line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::email::fixtures::{completion, context, emails_dir};

    fn shipped() -> Templates {
        Templates::load(&emails_dir()).expect("flows/emails loads")
    }

    fn sender() -> Sender {
        Sender {
            name: "Aruba.it".to_owned(),
            address: "noreply@aruba.it".to_owned(),
        }
    }

    fn lines(text: &str) -> Vec<&str> {
        text.lines().collect()
    }

    #[test]
    fn the_shipped_folder_has_both_templates_of_r9_and_a_sender() {
        let templates = shipped();
        assert_eq!(
            templates.names().collect::<Vec<_>>(),
            ["attivazione-rinnovo", "conferma-pagamento"]
        );
        assert!(templates.contains("conferma-pagamento"));
        assert!(!templates.contains("sender"));
        assert_eq!(templates.sender().address, "noreply@aruba.it");
    }

    #[test]
    fn payment_confirmation_shows_amounts_in_italian_and_only_the_last_four_r9_d10_d12() {
        let email = shipped()
            .render("conferma-pagamento", &context(&completion(None)))
            .unwrap();
        assert_eq!(email.subject, "Conferma pagamento ordine ORD-1001");
        let body = lines(&email.body);
        for expected in [
            "Ordine: ORD-1001 (rinnovo)",
            "Servizio: mario.rossi@pec.it",
            "Prodotto: PEC",
            "Imponibile: € 1.234,56",
            "IVA 22%: € 271,60",
            "Totale pagato: € 1.506,16",
            "Carta di credito: Visa che termina con 4242",
        ] {
            assert!(
                body.contains(&expected),
                "no line {expected:?} in\n{}",
                email.body
            );
        }
        assert!(!email.body.contains("12/30"), "the expiry is not shown");
        assert!(email.body.ends_with("Aruba.it\n"));
    }

    #[test]
    fn activation_shows_the_cap_only_when_one_was_authorized_r6_d9() {
        let templates = shipped();
        let with_cap = templates
            .render(
                "attivazione-rinnovo",
                &context(&completion(Some("1506.16"))),
            )
            .unwrap();
        assert_eq!(
            with_cap.subject,
            "Attivazione rinnovo automatico PEC mario.rossi@pec.it"
        );
        assert!(
            with_cap
                .body
                .contains("addebitato sulla carta di credito Visa che termina con 4242.")
        );
        assert!(
            with_cap
                .body
                .contains("Costo del rinnovo: € 30,38 IVA inclusa.")
        );
        assert!(
            with_cap
                .body
                .contains("importo massimo prelevabile di € 1.506,16"),
            "{}",
            with_cap.body
        );

        let without_cap = templates
            .render("attivazione-rinnovo", &context(&completion(None)))
            .unwrap();
        assert!(!without_cap.body.contains("importo massimo prelevabile"));
        assert!(
            !without_cap.body.contains("\n\n\n"),
            "the missing paragraph leaves no gap:\n{}",
            without_cap.body
        );
    }

    #[test]
    fn a_missing_variable_is_an_error_naming_it() {
        let templates = shipped();
        let mut completion = context(&completion(None));
        let without_catalog =
            minijinja::context! { esito => completion.get_attr("esito").unwrap() };
        let error = templates
            .render("conferma-pagamento", &without_catalog)
            .unwrap_err();
        assert!(error.contains("`catalog` is undefined"), "{error}");
        assert!(error.contains("conferma-pagamento.j2:"), "{error}");

        completion = minijinja::context! { esito => minijinja::context! { order => minijinja::context! { id => "ORD-1" } } };
        let error = templates
            .render("conferma-pagamento", &completion)
            .unwrap_err();
        assert!(error.contains("`esito.order.kind` is undefined"), "{error}");
    }

    #[test]
    fn an_unknown_template_lists_the_known_ones() {
        let error = shipped()
            .render("conferma", &context(&completion(None)))
            .unwrap_err();
        assert!(error.contains("conferma-pagamento"), "{error}");
    }

    #[test]
    fn variables_are_the_dotted_paths_a_template_reads() {
        let variables = shipped().variables("attivazione-rinnovo").unwrap();
        assert!(variables.contains("esito.cap"), "{variables:?}");
        assert!(variables.contains("esito.card.last4"), "{variables:?}");
        assert!(
            variables
                .iter()
                .all(|path| !path.starts_with("vat_percent"))
        );
        assert_eq!(shipped().variables("nessuno"), None);
    }

    #[test]
    fn a_syntax_error_is_located_at_its_line_and_column_f008() {
        let source = Source::new(
            "flows/emails/rotto.j2",
            "{# c #}\nOggetto: x\n\nTotale: {{ esito.order.total | }}\n",
        );
        let diagnostics = Templates::new(sender(), vec![source]).unwrap_err();
        assert_eq!(diagnostics.len(), 1);
        let diagnostic = &diagnostics[0];
        assert_eq!(diagnostic.code, Code::BadExpression);
        assert_eq!(diagnostic.file, "flows/emails/rotto.j2");
        assert_eq!(diagnostic.position.map(|p| p.line), Some(4));
        assert!(diagnostic.hint.is_some());
    }

    #[test]
    fn a_template_without_its_subject_line_is_located_f104() {
        let source = Source::new("e/senza-oggetto.j2", "{# c #}\n\n  Gentile Cliente\n");
        let diagnostics = Templates::new(sender(), vec![source]).unwrap_err();
        assert_eq!(diagnostics[0].code, Code::MissingKey);
        assert_eq!(diagnostics[0].position, Some(Position::new(3, 3)));
    }

    #[test]
    fn a_broken_template_file_in_a_folder_is_reported_with_every_other_problem() {
        let dir =
            std::env::temp_dir().join(format!("flowspec-email-broken-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("buono.j2"), "Oggetto: ok\n\ntesto\n").unwrap();
        std::fs::write(
            dir.join("rotto.j2"),
            "Oggetto: x\n\n{% if esito %}\nniente fine\n",
        )
        .unwrap();
        std::fs::write(dir.join("latin1.j2"), b"Oggetto: caff\xe8\n\nx\n").unwrap();
        std::fs::write(dir.join("note.txt"), "not a template").unwrap();
        let result = Templates::load(&dir);
        std::fs::remove_dir_all(&dir).unwrap();

        let diagnostics = result.unwrap_err();
        let codes: Vec<Code> = diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(
            codes,
            [Code::Io, Code::Encoding, Code::BadExpression],
            "{diagnostics:?}"
        );
        assert!(
            diagnostics[0].message.contains("cannot read"),
            "no sender.yaml"
        );
        let broken = &diagnostics[2];
        assert!(broken.file.ends_with("rotto.j2"), "{broken:?}");
        assert!(broken.position.is_some(), "{broken:?}");
    }

    #[test]
    fn a_missing_folder_is_an_io_diagnostic() {
        let diagnostics = Templates::load(Path::new("/nonexistent/flowspec/emails")).unwrap_err();
        assert!(
            diagnostics.iter().all(|d| d.code == Code::Io),
            "{diagnostics:?}"
        );
    }

    #[test]
    fn position_counts_characters_not_bytes() {
        assert_eq!(position_at("è\nàb", 5), Position::new(2, 2));
        assert_eq!(position_at("ab", 0), Position::new(1, 1));
    }
}
