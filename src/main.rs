//! The `flowspec` command line.

fn main() -> std::process::ExitCode {
    flowspec::cli::main()
}
