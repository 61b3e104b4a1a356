//! The Gherkin acceptance suite: every `features/*.feature` run against the flows in `flows/`
//! and the simulator, through the step library in `tests/acceptance/steps/`.
//!
//! `cargo test --test acceptance` runs them all; after `--`, cucumber's own options choose:
//! `--name <regex>` (`-n`) scenarios by name, `--tags <expr>` (`-t`, e.g. `@smoke`,
//! `'@D5 and not @R8'`) by tag, `--input <glob>` (`-i`, e.g. `features/cap.feature`) by file.
//! `FLOWSPEC_JUNIT=<path>` also writes a JUnit XML report there. Undefined steps fail the run,
//! and each is listed at the end with the closest known phrase.

#[path = "acceptance/check.rs"]
mod check;
#[path = "acceptance/driver.rs"]
mod driver;
#[path = "acceptance/fixture.rs"]
mod fixture;
#[path = "acceptance/recorder.rs"]
mod recorder;
#[path = "acceptance/scenario.rs"]
mod scenario;
#[path = "acceptance/snapshot.rs"]
mod snapshot;
#[path = "acceptance/steps/mod.rs"]
mod steps;
#[path = "acceptance/table.rs"]
mod table;
#[path = "acceptance/undefined.rs"]
mod undefined;
#[path = "acceptance/vocabulary.rs"]
mod vocabulary;

use cucumber::{World as _, WriterExt as _, cli, writer};
use scenario::Acceptance;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Options cucumber reads with a value after them; any other bare word is a libtest filter.
const VALUED: &[&str] = &[
    "-n",
    "--name",
    "--scenario-name",
    "-t",
    "--tags",
    "-i",
    "--input",
    "-c",
    "--concurrency",
    "--color",
    "--junit-v",
    "--retry",
    "--retry-after",
    "--retry-tag-filter",
];

/// Flags `cargo test` may pass to every test binary; cucumber does not know them.
const LIBTEST: &[&str] = &[
    "--nocapture",
    "--show-output",
    "--quiet",
    "-q",
    "--exact",
    "--ignored",
    "--include-ignored",
    "--test",
    "--bench",
    "--list",
];

fn main() {
    // `cargo test -- --list` asks every test binary for its test names: the scenarios are not
    // libtest tests, so there is nothing to list and nothing should run.
    if std::env::args().any(|arg| arg == "--list") {
        return;
    }
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("cannot start the async runtime: {error}");
            std::process::exit(2);
        }
    };
    let failed = runtime.block_on(run_features());
    std::process::exit(i32::from(failed));
}

/// Runs the features; true when anything failed, was undefined or did not parse.
async fn run_features() -> bool {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let opts = <cli::Opts<_, _, _, cli::Empty> as clap::Parser>::parse_from(cucumber_args());
    let collector = undefined::Collector::default();
    let junit = junit_output();
    let writer = writer::Basic::raw(std::io::stdout(), writer::Coloring::Auto, 0)
        .summarized()
        .tee::<Acceptance, _>(writer::JUnit::for_tee(junit, 0))
        .tee::<Acceptance, _>(
            collector
                .clone()
                .discard_stats_writes()
                .discard_arbitrary_writes(),
        )
        .normalized();
    let result = Acceptance::cucumber()
        .with_writer(writer)
        .fail_on_skipped()
        .before(|feature, _rule, scenario, world| {
            Box::pin(async move {
                world.feature = feature
                    .path
                    .as_deref()
                    .and_then(Path::file_stem)
                    .map(|stem| stem.to_string_lossy().into_owned())
                    .unwrap_or_else(|| feature.name.clone());
                world.scenario = scenario.name.clone();
            })
        })
        .with_cli(opts)
        .run(root.join("features"))
        .await;
    let undefined = collector.found();
    if !undefined.is_empty() {
        let phrases = vocabulary::read(&root.join(vocabulary::STEPS_DIR)).unwrap_or_default();
        println!("\n{}", undefined::report(&undefined, &phrases));
    }
    use cucumber::writer::Stats as _;
    result.execution_has_failed() || !undefined.is_empty()
}

/// The JUnit report's destination: `FLOWSPEC_JUNIT`, or nowhere.
fn junit_output() -> Box<dyn Write> {
    let Some(path) = std::env::var_os("FLOWSPEC_JUNIT") else {
        return Box::new(std::io::sink());
    };
    let path = PathBuf::from(path);
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        // CI points it into target/junit/, which a fresh checkout does not have yet.
        let _ = std::fs::create_dir_all(dir);
    }
    match std::fs::File::create(&path) {
        Ok(file) => Box::new(file),
        Err(error) => {
            eprintln!("FLOWSPEC_JUNIT: cannot write {}: {error}", path.display());
            std::process::exit(2);
        }
    }
}

/// The program's arguments without what `cargo test` adds for libtest harnesses.
fn cucumber_args() -> Vec<String> {
    let mut args = std::env::args();
    let mut kept: Vec<String> = args.next().into_iter().collect();
    let mut takes_value = false;
    for arg in args {
        if takes_value {
            takes_value = false;
            kept.push(arg);
        } else if LIBTEST.contains(&arg.as_str())
            || arg.starts_with("--test-threads")
            || arg.starts_with("--format")
            || arg.starts_with("-Z")
        {
            continue;
        } else if arg.starts_with('-') {
            takes_value = VALUED.contains(&arg.as_str());
            kept.push(arg);
        }
        // A bare word is a libtest name filter (`cargo test foo`): it selects no scenario.
    }
    kept
}
