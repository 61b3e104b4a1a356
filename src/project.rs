//! A flows folder as one checked whole: its catalog, its email templates and its flows.

use crate::catalog::Catalog;
use crate::check::{CheckContext, check_flow};
use crate::diagnostic::{Code, Diagnostic};
use crate::flow::Flow;
use crate::load::{parse_yaml, read_source};
use crate::raw::RawFlow;
use crate::source::Source;
use std::path::{Path, PathBuf};

/// The catalog's file name inside a flows folder; every other `*.yaml` there is a flow.
pub const CATALOG_FILE: &str = "catalog.yaml";
/// The flows folder used when none is named.
pub const DEFAULT_DIR: &str = "flows";
/// The folder of email templates inside a flows folder, one `<name>.j2` each.
pub const EMAILS_DIR: &str = "emails";

/// A flows folder, loaded and checked.
#[derive(Clone, Debug)]
pub struct Project {
    /// The folder (`flows/`).
    pub dir: PathBuf,
    /// The product catalog from `catalog.yaml`.
    pub catalog: Catalog,
    /// Names of the email templates in `emails/`, sorted.
    pub templates: Vec<String>,
    /// Every flow of the folder, sorted by file name.
    pub flows: Vec<Flow>,
}

impl Project {
    /// Loads the catalog, the templates and every flow of `dir`, all checked; or every
    /// diagnostic of every file.
    pub fn load(dir: &Path) -> Result<Project, Vec<Diagnostic>> {
        let mut project = Project::open(dir)?;
        let mut diagnostics = Vec::new();
        for path in flow_files(dir)? {
            match project.load_flow_file(&path) {
                Ok(flow) => project.flows.push(flow),
                Err(found) => diagnostics.extend(found),
            }
        }
        if diagnostics.is_empty() {
            Ok(project)
        } else {
            Err(diagnostics)
        }
    }

    /// Loads the catalog and the templates of `dir` but no flow: enough to check one flow
    /// file without the others having to be clean.
    pub fn open(dir: &Path) -> Result<Project, Vec<Diagnostic>> {
        let catalog = load_catalog(&dir.join(CATALOG_FILE))?;
        let templates = template_names(&dir.join(EMAILS_DIR)).map_err(|d| vec![d])?;
        Ok(Project {
            dir: dir.to_path_buf(),
            catalog,
            templates,
            flows: Vec::new(),
        })
    }

    /// The catalog and templates a flow file is checked against, without loading any flow: its
    /// own folder when that holds a `catalog.yaml`, else the default folder `flows/` (so a
    /// stray flow, such as a test fixture, is checked against the real catalog).
    pub fn for_flow(path: &Path) -> Result<Project, Vec<Diagnostic>> {
        match path.parent() {
            Some(dir) if dir.join(CATALOG_FILE).is_file() => Project::open(dir),
            Some(dir) if dir.as_os_str().is_empty() && Path::new(CATALOG_FILE).is_file() => {
                Project::open(Path::new("."))
            }
            _ => Project::open(Path::new(DEFAULT_DIR)),
        }
    }

    /// The flow whose id is `id`.
    pub fn flow(&self, id: &str) -> Option<&Flow> {
        self.flows.iter().find(|f| f.id.as_str() == id)
    }

    /// Reads, parses and checks one flow file against this project's catalog and templates.
    pub fn load_flow_file(&self, path: &Path) -> Result<Flow, Vec<Diagnostic>> {
        let source = read_source(path).map_err(|d| vec![d])?;
        self.check_source(&source)
    }

    /// Parses and checks a flow already read.
    pub fn check_source(&self, source: &Source) -> Result<Flow, Vec<Diagnostic>> {
        let raw: RawFlow = parse_yaml(source)?;
        let context = CheckContext {
            catalog: &self.catalog,
            templates: &self.templates,
        };
        check_flow(source, raw, &context)
    }
}

fn load_catalog(path: &Path) -> Result<Catalog, Vec<Diagnostic>> {
    let source = read_source(path).map_err(|d| vec![d])?;
    parse_yaml(&source)
}

/// The stems of `dir/*.j2`, sorted; none when the folder does not exist.
fn template_names(dir: &Path) -> Result<Vec<String>, Diagnostic> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let mut names: Vec<String> = files_with_extension(dir, "j2")?
        .iter()
        .filter_map(|p| p.file_stem().and_then(|s| s.to_str()).map(str::to_owned))
        .collect();
    names.sort();
    Ok(names)
}

/// Every `dir/*.yaml` but the catalog, sorted.
fn flow_files(dir: &Path) -> Result<Vec<PathBuf>, Vec<Diagnostic>> {
    let mut files = files_with_extension(dir, "yaml").map_err(|d| vec![d])?;
    files.retain(|p| p.file_name().is_some_and(|n| n != CATALOG_FILE));
    Ok(files)
}

fn files_with_extension(dir: &Path, extension: &str) -> Result<Vec<PathBuf>, Diagnostic> {
    let io_error = |error: std::io::Error| {
        Diagnostic::new(
            Code::Io,
            Source::name_of(dir),
            format!("cannot list the folder: {error}"),
        )
        .hint("check the path of the flows folder")
    };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io_error)? {
        let path = entry.map_err(io_error)?.path();
        if path.is_file() && path.extension().is_some_and(|e| e == extension) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flows_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("flows")
    }

    #[test]
    fn open_reads_the_catalog() {
        let project = Project::open(&flows_dir()).unwrap();
        assert!(project.catalog.ids().any(|id| id == "firma-digitale"));
        assert!(project.flows.is_empty());
    }

    #[test]
    fn a_flow_outside_a_flows_folder_uses_the_default_catalog() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let own = Project::for_flow(&flows_dir().join("paga-nuova-carta.yaml")).unwrap();
        assert_eq!(own.dir, flows_dir());
        let stray = Project::for_flow(&root.join("tests/broken/check-f001-unknown-step.yaml"));
        assert_eq!(stray.map(|p| p.dir).ok(), Some(PathBuf::from(DEFAULT_DIR)));
    }

    #[test]
    fn missing_folder_is_an_io_diagnostic() {
        let found = Project::load(Path::new("/nonexistent/flowspec")).unwrap_err();
        assert_eq!(found[0].code, Code::Io);
    }

    /// Each `tests/broken/check-fNNN-*.yaml` reports its code, located and with a hint.
    #[test]
    fn broken_check_files_report_their_code() {
        let project = Project::open(&flows_dir()).unwrap();
        let broken = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken");
        let mut seen = 0;
        for path in files_with_extension(&broken, "yaml").unwrap() {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let Some(code) = name.strip_prefix("check-f").and_then(|r| r.get(..3)) else {
                continue;
            };
            let found = project.load_flow_file(&path).unwrap_err();
            let expected = format!("F{code}");
            assert!(
                found.iter().any(|d| d.code.as_str() == expected),
                "{name}: {found:#?}"
            );
            for d in &found {
                assert!(d.position.is_some() && d.hint.is_some(), "{name}: {d:?}");
            }
            seen += 1;
        }
        assert!(seen >= 9, "only {seen} check-*.yaml files");
    }
}
