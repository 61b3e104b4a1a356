//! `flowspec run`.

use std::path::PathBuf;

/// Arguments of `flowspec run`.
#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// The flow file.
    pub flow: PathBuf,
    /// The world fixture (customers, services, orders, cards).
    #[arg(long)]
    pub world: PathBuf,
    /// An answer to a decision of the flow, NAME=VALUE; repeat for several (an OTP retried).
    #[arg(long = "choose", value_name = "NAME=VALUE")]
    pub choose: Vec<String>,
    /// Report format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Which adapters run the flow.
    #[arg(long, value_enum, default_value = "sim")]
    pub target: TargetName,
}

/// Report formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A readable trace.
    Text,
    /// The trace as JSON.
    Json,
}

/// Implementations of the adapters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum TargetName {
    /// The built-in reference simulator.
    Sim,
}

/// Runs `flowspec run`.
pub fn run(_args: &RunArgs) -> u8 {
    super::EXIT_USAGE
}
