//! `flowspec graph FLOW`: prints a flow as a Mermaid flowchart.

use crate::diagnostic::{Code, Diagnostic};
use crate::flow::Flow;
use crate::project::Project;
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

/// Loads and checks one flow file against the catalog and templates of its folder. On
/// failure prints why to stderr and gives the exit code: usage for I/O, findings otherwise.
pub(super) fn load(path: &Path) -> Result<Flow, u8> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let loaded = Project::open(dir).and_then(|project| project.load_flow_file(path));
    loaded.map_err(|diagnostics| {
        for diagnostic in &diagnostics {
            eprintln!("{}", plain(diagnostic));
        }
        if diagnostics.iter().any(|d| d.code == Code::Io) {
            super::EXIT_USAGE
        } else {
            super::EXIT_FINDINGS
        }
    })
}

/// One diagnostic on one or two lines: `file:line:col: error[F001]: message`, then the hint.
fn plain(diagnostic: &Diagnostic) -> String {
    let at = diagnostic
        .position
        .map(|p| format!(":{}:{}", p.line, p.column))
        .unwrap_or_default();
    let mut text = format!(
        "{}{at}: error[{}]: {}",
        diagnostic.file, diagnostic.code, diagnostic.message
    );
    if let Some(hint) = &diagnostic.hint {
        text.push_str(&format!("\n  hint: {hint}"));
    }
    text
}
