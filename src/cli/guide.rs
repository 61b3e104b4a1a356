//! `flowspec guide FLOW`: prints a flow back as the guide's numbered Italian procedure.

use std::path::Path;

/// Runs `flowspec guide`.
pub fn run(flow: &Path) -> u8 {
    match super::graph::load(flow) {
        Ok(flow) => {
            print!("{}", crate::render::guide(&flow));
            super::EXIT_OK
        }
        Err(code) => code,
    }
}
