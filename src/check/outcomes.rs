//! F010 and F012: a `call` routes every outcome of its operation and no other; an `end` names
//! an outcome a flow may end with.

use super::report::Report;
use super::suggest;
use crate::diagnostic::Code;
use crate::operation::Operation;
use crate::outcome::Outcome;
use crate::raw::{RawStep, Text};

/// Checks the `outcomes` of a `call` to `operation`.
pub fn check_routes(step: &RawStep, call: &Text, operation: &Operation, report: &mut Report) {
    for (key, _) in &step.outcomes.0 {
        if operation.outcomes.contains(&key.value.as_str()) {
            continue;
        }
        let hint = suggest::hint(&key.value, operation.outcomes.iter().copied(), || {
            format!(
                "`{}` reports: {}",
                operation.name,
                operation.outcomes.join(", ")
            )
        });
        report.on(
            Code::UnknownOutcome,
            key,
            format!("`{}` has no outcome `{}`", operation.name, key.value),
            hint,
        );
    }
    let missing: Vec<&str> = operation
        .outcomes
        .iter()
        .copied()
        .filter(|outcome| step.outcomes.get(outcome).is_none())
        .collect();
    if !missing.is_empty() {
        report.on(
            Code::UnhandledOutcome,
            call,
            format!(
                "step `{}` does not route the outcome(s) {} of `{}`",
                step.id.value,
                quoted(&missing),
                operation.name
            ),
            format!(
                "add under `outcomes:` a step for each: {}",
                missing
                    .iter()
                    .map(|o| format!("{o}: <step id>"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    }
}

/// The outcome an `end` names, reporting F012 when a flow cannot end with it.
pub fn check_end(end: &Text, report: &mut Report) -> Option<Outcome> {
    let flow_outcomes = || {
        Outcome::ALL
            .into_iter()
            .filter(|o| !o.is_engine_only())
            .map(Outcome::name)
    };
    match Outcome::from_name(&end.value) {
        Some(outcome) if !outcome.is_engine_only() => return Some(outcome),
        Some(outcome) => report.on(
            Code::UnknownOutcome,
            end,
            format!("`{outcome}` is an outcome only the engine gives"),
            format!(
                "end with one of: {}",
                flow_outcomes().collect::<Vec<_>>().join(", ")
            ),
        ),
        None => {
            let hint = suggest::hint(&end.value, flow_outcomes(), || {
                format!(
                    "end with one of: {}",
                    flow_outcomes().collect::<Vec<_>>().join(", ")
                )
            });
            report.on(
                Code::UnknownOutcome,
                end,
                format!("`{}` is not an outcome", end.value),
                hint,
            );
        }
    }
    None
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use crate::check::fixture::{at, diagnostics};
    use crate::diagnostic::Code;

    #[test]
    fn f010_lists_every_unrouted_outcome() {
        let steps = "  - id: a\n    call: area.pay\n    with: { order: \"'o1'\" }\n    outcomes: { ok: fine }\n  - id: fine\n    end: paid\n";
        assert_eq!(at(steps, Code::UnhandledOutcome), vec![(8, 11)]);
        let message = diagnostics(steps)[0].message.clone();
        assert!(
            message.contains("`not_found`, `forbidden`, `not_payable`"),
            "{message}"
        );
    }

    #[test]
    fn f012_unknown_route_and_end_names() {
        let steps = "  - id: a\n    call: area.services\n    outcomes: { ok: b, boh: b }\n  - id: b\n    ask: x\n    answers: { si: fine, no: err }\n  - id: fine\n    end: piad\n  - id: err\n    end: error\n";
        assert_eq!(
            at(steps, Code::UnknownOutcome),
            vec![(9, 24), (14, 10), (16, 10)]
        );
        let hints: Vec<_> = diagnostics(steps)
            .into_iter()
            .filter_map(|d| d.hint)
            .collect();
        assert!(
            hints.contains(&"did you mean `paid`?".to_owned()),
            "{hints:?}"
        );
    }
}
