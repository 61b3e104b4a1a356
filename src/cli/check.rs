//! `flowspec check`: loads and checks flow files, prints every diagnostic and a one-line
//! summary on stderr.
//!
//! A flow is checked against the catalog and email templates of its own folder when that
//! folder has a `catalog.yaml`, else against those of `flows/` (so a flow kept elsewhere, like
//! the broken examples under `tests/`, is checked against the real catalog).

use crate::check::{CheckContext, check_flow};
use crate::diagnostic::{Code, Diagnostic};
use crate::load::{parse_yaml, read_source};
use crate::project::{CATALOG_FILE, Project};
use crate::raw::RawFlow;
use crate::source::Source;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The folder checked when no path is given.
const DEFAULT_FOLDER: &str = "flows";

/// Runs `flowspec check`: 0 when every flow is clean, 1 when any has diagnostics, 2 when a path
/// does not exist or a file cannot be read.
pub fn run(paths: &[PathBuf]) -> u8 {
    let paths = if paths.is_empty() {
        vec![PathBuf::from(DEFAULT_FOLDER)]
    } else {
        paths.to_vec()
    };
    let files = match flow_files(&paths) {
        Ok(files) => files,
        Err(message) => {
            eprintln!("error: {message}");
            return super::EXIT_USAGE;
        }
    };
    let mut problems = 0;
    let mut unreadable = false;
    let mut projects = Projects::default();
    for file in &files {
        let (source, diagnostics) = check_file(file, &mut projects);
        for diagnostic in &diagnostics {
            eprintln!("{}", diagnostic.render(source.as_ref()));
            unreadable |= diagnostic.code == Code::Io;
        }
        problems += diagnostics.len();
    }
    eprintln!("{}", summary(files.len(), problems));
    if unreadable {
        super::EXIT_USAGE
    } else if problems > 0 {
        super::EXIT_FINDINGS
    } else {
        super::EXIT_OK
    }
}

/// The catalog and templates each flow is checked against, opened once per folder.
#[derive(Default)]
struct Projects {
    opened: BTreeMap<PathBuf, Result<Project, Vec<Diagnostic>>>,
}

impl Projects {
    /// The project of `flow`'s folder, or of `flows/` when its folder has no catalog.
    fn for_flow(&mut self, flow: &Path) -> Result<&Project, &mut Vec<Diagnostic>> {
        let folder = flow.parent().filter(|dir| dir.join(CATALOG_FILE).is_file());
        let folder = folder.map_or_else(|| PathBuf::from(DEFAULT_FOLDER), Path::to_path_buf);
        self.opened
            .entry(folder)
            .or_insert_with_key(|folder| Project::open(folder))
            .as_mut()
            .map(|project| &*project)
    }
}

/// Every diagnostic of one flow file, with its source when it could be read: the first YAML
/// problem if it does not parse, else everything the checker finds. A folder whose catalog is
/// broken has its diagnostics given once, with the first flow that needs it.
fn check_file(path: &Path, projects: &mut Projects) -> (Option<Source>, Vec<Diagnostic>) {
    let source = match read_source(path) {
        Ok(source) => source,
        Err(diagnostic) => return (None, vec![diagnostic]),
    };
    let raw = match parse_yaml::<RawFlow>(&source) {
        Ok(raw) => raw,
        Err(diagnostics) => return (Some(source), diagnostics),
    };
    match projects.for_flow(path) {
        Ok(project) => {
            let diagnostics = check_loaded(&source, raw, project);
            (Some(source), diagnostics)
        }
        Err(diagnostics) => (None, std::mem::take(diagnostics)),
    }
}

/// The checks that run once a flow has parsed, against the project's catalog and templates.
fn check_loaded(source: &Source, raw: RawFlow, project: &Project) -> Vec<Diagnostic> {
    let context = CheckContext {
        catalog: &project.catalog,
        templates: &project.templates,
    };
    check_flow(source, raw, &context).err().unwrap_or_default()
}

/// The files named, with each folder replaced by the flows directly inside it (`*.yaml`
/// except `catalog.yaml`; `worlds/` is a subfolder and so left out), sorted.
fn flow_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut inside = flows_in(path)?;
            if inside.is_empty() {
                return Err(format!("no flow files (`*.yaml`) in `{}`", path.display()));
            }
            files.append(&mut inside);
        } else if path.exists() {
            files.push(path.clone());
        } else {
            return Err(format!("`{}` does not exist", path.display()));
        }
    }
    Ok(files)
}

/// The flow files directly inside `folder`, sorted by name.
fn flows_in(folder: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = std::fs::read_dir(folder)
        .map_err(|why| format!("cannot read the folder `{}`: {why}", folder.display()))?;
    let mut flows: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| is_flow_file(path))
        .collect();
    flows.sort();
    Ok(flows)
}

fn is_flow_file(path: &Path) -> bool {
    path.is_file()
        && path.extension().is_some_and(|ext| ext == "yaml")
        && path.file_name().is_some_and(|name| name != "catalog.yaml")
}

/// `checked 2 files: no problems` or `checked 2 files: 3 problems`.
fn summary(files: usize, problems: usize) -> String {
    let files = plural(files, "file", "files");
    match problems {
        0 => format!("checked {files}: no problems"),
        _ => format!(
            "checked {files}: {}",
            plural(problems, "problem", "problems")
        ),
    }
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_give_their_flows_without_the_catalog() {
        let folder = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/flows"));
        let files = flow_files(&[folder]).unwrap_or_default();
        let names: Vec<_> = files
            .iter()
            .filter_map(|file| file.file_name()?.to_str())
            .collect();
        assert!(names.contains(&"paga-carta-registrata.yaml"), "{names:?}");
        assert!(names.contains(&"paga-nuova-carta.yaml"), "{names:?}");
        assert!(!names.contains(&"catalog.yaml"));
        assert!(names.iter().all(|name| name.ends_with(".yaml")));
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
    }

    #[test]
    fn a_missing_path_is_a_usage_error() {
        let error = flow_files(&[PathBuf::from("no/such/flow.yaml")]).err();
        assert_eq!(error.as_deref(), Some("`no/such/flow.yaml` does not exist"));
    }

    #[test]
    fn summary_counts_in_words() {
        assert_eq!(summary(2, 0), "checked 2 files: no problems");
        assert_eq!(summary(1, 1), "checked 1 file: 1 problem");
        assert_eq!(summary(3, 4), "checked 3 files: 4 problems");
    }
}
