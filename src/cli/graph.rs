//! `flowspec graph FLOW`: prints a flow as a Mermaid flowchart.

use crate::diagnostic::{Code, Diagnostic};
use crate::flow::Flow;
use crate::load::read_source;
use crate::project::Project;
use crate::source::Source;
use std::path::Path;

/// Runs `flowspec graph`.
pub fn run(flow: &Path) -> u8 {
    match load(flow) {
        Ok(flow) => {
            print!("{}", crate::render::mermaid(&flow));
            super::EXIT_OK
        }
        Err(code) => code,
    }
}

/// Loads and checks one flow file against the catalog and templates of its project. On
/// failure prints why to stderr and gives the exit code: usage for I/O, findings otherwise.
pub(super) fn load(path: &Path) -> Result<Flow, u8> {
    let source = read_source(path).map_err(|d| report(None, &[d]))?;
    let project = Project::for_flow(path).map_err(|found| report(None, &found))?;
    project
        .check_source(&source)
        .map_err(|found| report(Some(&source), &found))
}

/// Prints `diagnostics` and gives the exit code they call for.
fn report(source: Option<&Source>, diagnostics: &[Diagnostic]) -> u8 {
    for diagnostic in diagnostics {
        let shown = source.filter(|s| s.name == diagnostic.file);
        eprintln!("{}", diagnostic.render(shown));
    }
    if diagnostics.iter().any(|d| d.code == Code::Io) {
        super::EXIT_USAGE
    } else {
        super::EXIT_FINDINGS
    }
}
