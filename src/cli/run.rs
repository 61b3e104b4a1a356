//! `flowspec run`: loads a flow with its folder's catalog and templates and a world, runs it on
//! the chosen target and prints the report. Exit 0 when the order was paid, 1 for any other
//! outcome, 2 when the inputs cannot be used.

use crate::adapter::ScriptedChoices;
use crate::diagnostic::Diagnostic;
use crate::email::Templates;
use crate::engine::Engine;
use crate::project::{EMAILS_DIR, Project};
use crate::report;
use crate::sim::Simulator;
use crate::source::Source;
use crate::trace::Trace;
use crate::world::World;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

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
pub fn run(args: &RunArgs) -> u8 {
    match execute(args) {
        Ok(trace) => {
            let shown = match args.format {
                Format::Text => report::text(&trace),
                Format::Json => report::json(&trace),
            };
            print!("{shown}");
            if trace.succeeded() {
                super::EXIT_OK
            } else {
                super::EXIT_FINDINGS
            }
        }
        Err(problem) => {
            eprint!("{problem}");
            super::EXIT_USAGE
        }
    }
}

/// Loads everything, runs the flow once and returns its trace; or every problem, rendered.
fn execute(args: &RunArgs) -> Result<Trace, String> {
    // A malformed --choose is a usage error, reported before any file is read.
    overridden(ScriptedChoices::default(), &args.choose)?;
    let dir = match args.flow.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let project = Project::open(dir).map_err(|found| rendered(&found))?;
    let flow = project
        .load_flow_file(&args.flow)
        .map_err(|found| rendered(&found))?;
    let templates = Templates::load(&dir.join(EMAILS_DIR)).map_err(|found| rendered(&found))?;
    let world =
        World::load_file(&args.world, &project.catalog).map_err(|found| rendered(&found))?;
    let mut choices = overridden(world.scripted_choices(), &args.choose)?;
    let engine = Engine::new(&flow, &project.catalog, &templates);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|error| format!("error: cannot start the runtime: {error}\n"))?;
    // One arm per implementation of the adapters: a new target plugs in here only.
    let trace = match args.target {
        TargetName::Sim => {
            let mut target = Simulator::new(&world, &project.catalog);
            runtime.block_on(engine.run(&mut target, &mut choices))
        }
    };
    Ok(trace)
}

/// `base` with the `--choose` answers: a name given there loses the world's answers and takes
/// the given ones, in order (an OTP retried gives two).
fn overridden(mut base: ScriptedChoices, pairs: &[String]) -> Result<ScriptedChoices, String> {
    let mut given: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for pair in pairs {
        match pair.split_once('=') {
            Some((name, value)) if !name.trim().is_empty() => {
                given.entry(name.trim()).or_default().push(value.trim());
            }
            _ => {
                return Err(format!(
                    "error: --choose `{pair}` is not NAME=VALUE\n  = hint: e.g. --choose carta=card-1\n"
                ));
            }
        }
    }
    for (name, values) in given {
        for (i, value) in values.into_iter().enumerate() {
            if i == 0 {
                base.set(name, value);
            } else {
                base.push(name, value);
            }
        }
    }
    Ok(base)
}

/// Diagnostics rendered with their source lines, each file read once.
fn rendered(diagnostics: &[Diagnostic]) -> String {
    let mut sources: BTreeMap<&str, Option<Source>> = BTreeMap::new();
    let mut out = String::new();
    for diagnostic in diagnostics {
        let source = sources.entry(diagnostic.file.as_str()).or_insert_with(|| {
            std::fs::read_to_string(&diagnostic.file)
                .ok()
                .map(|text| Source::new(diagnostic.file.clone(), text))
        });
        out.push_str(&diagnostic.render(source.as_ref()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::adapter::Choices;

    #[test]
    fn choose_replaces_the_world_answers_of_its_names_only() {
        let mut world = ScriptedChoices::default();
        world.push("carta", "card-1");
        world.push("otp", "123456");
        let pairs = ["otp=111111".to_owned(), "otp=123456".to_owned()];
        let mut choices = overridden(world, &pairs).unwrap();
        assert_eq!(choices.answer("carta").as_deref(), Some("card-1"));
        assert_eq!(choices.answer("otp").as_deref(), Some("111111"));
        assert_eq!(choices.answer("otp").as_deref(), Some("123456"));
        let bad = overridden(ScriptedChoices::default(), &["otp".to_owned()]).unwrap_err();
        assert!(bad.contains("NAME=VALUE"), "{bad}");
    }
}
