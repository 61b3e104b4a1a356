//! The `flowspec` command line: subcommands and exit codes (0 clean, 1 findings or a failed run,
//! 2 usage or I/O error).

mod check;
mod graph;
mod guide;
mod run;
mod schema;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Executable specifications of documented customer procedures.
#[derive(Debug, Parser)]
#[command(name = "flowspec", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Loads and checks flows; prints every diagnostic (default: flows/).
    Check {
        /// Flow files or folders of flows.
        paths: Vec<PathBuf>,
    },
    /// Prints the JSON Schema of the flow format (or of the catalog).
    Schema {
        /// Which format.
        #[arg(value_enum, default_value = "flow")]
        which: schema::SchemaName,
    },
    /// Prints a flow as a Mermaid flowchart.
    Graph {
        /// The flow file.
        flow: PathBuf,
    },
    /// Prints a flow back as the guide's numbered Italian procedure.
    Guide {
        /// The flow file.
        flow: PathBuf,
    },
    /// Runs a flow against a target and prints the trace.
    Run(run::RunArgs),
}

/// Exit code: everything fine.
pub const EXIT_OK: u8 = 0;
/// Exit code: diagnostics found, or the run did not reach a successful outcome.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: bad usage or an I/O error.
pub const EXIT_USAGE: u8 = 2;

/// Parses the arguments, runs the subcommand and returns its exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return ExitCode::from(if error.use_stderr() {
                EXIT_USAGE
            } else {
                EXIT_OK
            });
        }
    };
    let code = match cli.command {
        Command::Check { paths } => check::run(&paths),
        Command::Schema { which } => schema::run(which),
        Command::Graph { flow } => graph::run(&flow),
        Command::Guide { flow } => guide::run(&flow),
        Command::Run(args) => run::run(&args),
    };
    ExitCode::from(code)
}
