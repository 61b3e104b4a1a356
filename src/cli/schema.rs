//! `flowspec schema`.

/// Runs `flowspec schema`.
pub fn run() -> u8 {
    super::EXIT_USAGE
}
