//! Failed checks: what was expected, what was found, and the report of the run that led there.

use crate::scenario::Acceptance;
use std::fmt::Display;

/// Fails the step: `what` was `expected` but is `actual`; the last run's report follows.
pub fn fail(world: &Acceptance, what: &str, expected: impl Display, actual: impl Display) -> ! {
    let report = match world.runs.last() {
        Some(run) => format!(
            "run of `{}` (outcome {}):\n{}",
            run.flow,
            run.trace.outcome,
            indent(&run.report)
        ),
        None => "no flow has run".to_owned(),
    };
    panic!("{what}\n  expected: {expected}\n  actual:   {actual}\n\n{report}")
}

/// Fails the step unless `actual == expected`.
pub fn equal<T: PartialEq + Display>(world: &Acceptance, what: &str, expected: T, actual: T) {
    if expected != actual {
        fail(world, what, expected, actual);
    }
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|line| format!("    {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}
