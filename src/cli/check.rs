//! `flowspec check`.

/// Runs `flowspec check`.
pub fn run(_paths: &[std::path::PathBuf]) -> u8 {
    super::EXIT_USAGE
}
