//! F006 and F013: a `call` names an adapter operation and gives exactly its arguments.

use super::report::Report;
use super::suggest;
use crate::diagnostic::Code;
use crate::operation::{self, OPERATIONS, Operation};
use crate::raw::{RawStep, Text};

/// The operation `call` names, reporting F006 when there is none and F013 for its arguments.
pub fn check(step: &RawStep, call: &Text, report: &mut Report) -> Option<&'static Operation> {
    let Some(operation) = operation::find(&call.value) else {
        let hint = suggest::hint(&call.value, OPERATIONS.iter().map(|op| op.name), || {
            let names: Vec<&str> = OPERATIONS.iter().map(|op| op.name).collect();
            format!("known operations: {}", names.join(", "))
        });
        report.on(
            Code::UnknownOperation,
            call,
            format!("`{}` is not an adapter operation", call.value),
            hint,
        );
        return None;
    };
    arguments(step, call, operation, report);
    Some(operation)
}

/// Every parameter given in `with`, and nothing else.
fn arguments(step: &RawStep, call: &Text, operation: &Operation, report: &mut Report) {
    for param in operation.params {
        if step.with.get(param).is_none() {
            report.on(
                Code::BadArgument,
                call,
                format!("`{}` needs the argument `{param}`", operation.name),
                format!("add `with: {{ {param}: <expression> }}`"),
            );
        }
    }
    for (key, _) in &step.with.0 {
        if operation.params.contains(&key.value.as_str()) {
            continue;
        }
        let hint = suggest::hint(&key.value, operation.params.iter().copied(), || {
            if operation.params.is_empty() {
                format!("`{}` takes no arguments; remove it", operation.name)
            } else {
                format!(
                    "`{}` takes: {}",
                    operation.name,
                    operation.params.join(", ")
                )
            }
        });
        report.on(
            Code::BadArgument,
            key,
            format!("`{}` takes no argument `{}`", operation.name, key.value),
            hint,
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::check::fixture::{at, diagnostics};
    use crate::diagnostic::Code;

    #[test]
    fn f006_unknown_operation_suggests_the_closest() {
        let steps = "  - id: a\n    call: area.paga\n    outcomes: { ok: fine }\n  - id: fine\n    end: paid\n";
        assert_eq!(at(steps, Code::UnknownOperation), vec![(8, 11)]);
        assert_eq!(
            diagnostics(steps)[0].hint.as_deref(),
            Some("did you mean `area.pay`?")
        );
    }

    #[test]
    fn f013_missing_and_extra_arguments() {
        let steps = "  - id: a\n    call: area.manage\n    with: { servizio: \"'s1'\" }\n    outcomes: { ok: fine, not_found: fine, forbidden: fine }\n  - id: fine\n    end: paid\n";
        assert_eq!(at(steps, Code::BadArgument), vec![(8, 11), (9, 13)]);
    }
}
