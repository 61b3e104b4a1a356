//! `flowspec graph`.

/// Runs `flowspec graph`.
pub fn run(_flow: &std::path::Path) -> u8 {
    super::EXIT_USAGE
}
