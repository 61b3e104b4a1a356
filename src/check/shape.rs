//! F011: each step has one kind, the fields that kind needs, and no field of another kind.

use super::locate;
use super::report::Report;
use crate::diagnostic::Code;
use crate::raw::{RawStep, Text};
use crate::source::Position;

/// The kind a step was written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `call`.
    Call,
    /// `ask`.
    Ask,
    /// `if`.
    If,
    /// `email`.
    Email,
    /// `end`.
    End,
    /// None of them: a page read and left through `next`.
    Show,
    /// Several kinds at once: nothing can be built from it.
    Ambiguous,
}

impl Shape {
    fn name(self) -> &'static str {
        match self {
            Shape::Call => "call",
            Shape::Ask => "ask",
            Shape::If => "if",
            Shape::Email => "email",
            Shape::End => "end",
            Shape::Show => "reading (no kind)",
            Shape::Ambiguous => "ambiguous",
        }
    }
}

/// A field present on a step, with the kinds that take it.
struct Field {
    name: &'static str,
    position: Option<Position>,
    width: usize,
    allowed: &'static [Shape],
}

/// The shape of `step`, reporting F011 for every misplaced or missing field.
pub fn check(step: &RawStep, report: &mut Report) -> Shape {
    let id = &step.id;
    let kinds: Vec<(Shape, &Text)> = [
        (Shape::Call, step.call.as_ref()),
        (Shape::Ask, step.ask.as_ref()),
        (Shape::If, step.condition.as_ref()),
        (Shape::Email, step.email.as_ref()),
        (Shape::End, step.end.as_ref()),
    ]
    .into_iter()
    .filter_map(|(shape, text)| text.map(|t| (shape, t)))
    .collect();
    let shape = match kinds.as_slice() {
        [] => Shape::Show,
        [(shape, _)] => *shape,
        [_, (second, text), ..] => {
            let names: Vec<&str> = kinds.iter().map(|(s, _)| s.name()).collect();
            report.add(
                Code::StepShape,
                report.at(text),
                1,
                format!(
                    "step `{}` has several kinds ({}); a step does one thing",
                    id.value,
                    names.join(", ")
                ),
                format!(
                    "keep one of them and move `{}` to a step of its own, joined by `next`",
                    second.name()
                ),
            );
            return Shape::Ambiguous;
        }
    };
    misplaced_fields(step, shape, report);
    missing_fields(step, shape, report);
    shape
}

/// Fields given that `shape` does not take.
fn misplaced_fields(step: &RawStep, shape: Shape, report: &mut Report) {
    use Shape::{Ask, Call, Email, If, Show};
    let id_at = report.at(&step.id);
    let entries_at = |entries: &crate::raw::Entries| {
        entries
            .0
            .first()
            .map(|(key, _)| (report.at(key), locate::width(key)))
    };
    let text_at = |text: &Option<Text>| text.as_ref().map(|t| (report.at(t), locate::width(t)));
    let flag_at = |present: bool| present.then_some((id_at, 1));
    type Candidate = (
        &'static str,
        Option<(Option<Position>, usize)>,
        &'static [Shape],
    );
    let candidates: [Candidate; 11] = [
        ("with", entries_at(&step.with), &[Call]),
        ("outcomes", entries_at(&step.outcomes), &[Call]),
        ("into", text_at(&step.into), &[Call, Ask]),
        ("prompt", flag_at(step.prompt.is_some()), &[Ask]),
        ("answers", entries_at(&step.answers), &[Ask]),
        ("default", flag_at(step.default.is_some()), &[Ask]),
        ("secret", flag_at(step.secret), &[Ask]),
        ("then", text_at(&step.then), &[If]),
        ("else", text_at(&step.otherwise), &[If]),
        ("label", flag_at(step.label.is_some()), &[If]),
        ("next", text_at(&step.next), &[Ask, Email, Show]),
    ];
    let fields = candidates.into_iter().filter_map(|(name, at, allowed)| {
        at.map(|(position, width)| Field {
            name,
            position,
            width,
            allowed,
        })
    });
    for field in fields {
        if field.allowed.contains(&shape) {
            continue;
        }
        let takers: Vec<&str> = field.allowed.iter().map(|s| s.name()).collect();
        report.add(
            Code::StepShape,
            field.position,
            field.width,
            format!(
                "`{}` does not belong on the {} step `{}`",
                field.name,
                shape.name(),
                step.id.value
            ),
            format!(
                "`{}` is for {} steps; remove it here",
                field.name,
                takers.join(" and ")
            ),
        );
    }
}

/// Fields `shape` needs that are not given.
fn missing_fields(step: &RawStep, shape: Shape, report: &mut Report) {
    let id = &step.id.value;
    match shape {
        Shape::Show if step.next.is_none() => missing(
            step,
            report,
            format!("step `{id}` has no kind and no `next`"),
            "give it one of `call`, `ask`, `if`, `email`, `end`, or a `next` step",
        ),
        Shape::Email if step.next.is_none() => missing(
            step,
            report,
            format!("email step `{id}` has no `next`"),
            "add `next: <step id>` for the step after the email",
        ),
        Shape::If => {
            if step.then.is_none() {
                missing(
                    step,
                    report,
                    format!("if step `{id}` has no `then`"),
                    "add `then: <step id>` for when the condition holds",
                );
            }
            if step.otherwise.is_none() {
                missing(
                    step,
                    report,
                    format!("if step `{id}` has no `else`"),
                    "add `else: <step id>` for when the condition does not hold",
                );
            }
        }
        Shape::Ask => ask_routes(step, report),
        _ => {}
    }
}

/// Reports a missing field at the step's id.
fn missing(step: &RawStep, report: &mut Report, message: String, hint: &str) {
    report.on(Code::StepShape, &step.id, message, hint);
}

/// An `ask` routes either by `answers` or by `next`, and its default is one of the answers.
fn ask_routes(step: &RawStep, report: &mut Report) {
    let id = &step.id;
    let has_answers = !step.answers.0.is_empty();
    match (&step.next, has_answers) {
        (Some(next), true) => report.on(
            Code::StepShape,
            next,
            format!("ask step `{}` has both `answers` and `next`", id.value),
            "with `answers` each answer names its step; remove `next`",
        ),
        (None, false) => report.on(
            Code::StepShape,
            id,
            format!("ask step `{}` has neither `answers` nor `next`", id.value),
            "add `next: <step id>`, or `answers` mapping each answer to a step",
        ),
        _ => {}
    }
    if let Some(default) = &step.default
        && has_answers
        && step.answers.get(default).is_none()
    {
        let answers: Vec<&str> = step
            .answers
            .0
            .iter()
            .map(|(k, _)| k.value.as_str())
            .collect();
        report.on(
            Code::StepShape,
            id,
            format!(
                "the default `{default}` of ask step `{}` is not one of its answers",
                id.value
            ),
            format!("use one of: {}", answers.join(", ")),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::check::fixture::at;
    use crate::diagnostic::Code;

    const END: &str = "  - id: fine\n    end: paid\n";

    #[test]
    fn f011_field_of_another_kind() {
        let steps =
            format!("  - id: a\n    ask: carta\n    with: {{ x: y }}\n    next: fine\n{END}");
        assert_eq!(at(&steps, Code::StepShape), vec![(9, 13)]);
    }

    #[test]
    fn f011_if_without_else() {
        let steps = format!("  - id: a\n    if: \"true\"\n    then: fine\n{END}");
        assert_eq!(at(&steps, Code::StepShape), vec![(7, 9)]);
    }

    #[test]
    fn f011_answers_with_next() {
        let steps =
            format!("  - id: a\n    ask: x\n    answers: {{ si: fine }}\n    next: fine\n{END}");
        assert_eq!(at(&steps, Code::StepShape), vec![(10, 11)]);
    }

    #[test]
    fn f011_no_kind_and_no_next() {
        let steps = format!("  - id: a\n    text: leggere\n{END}");
        assert_eq!(at(&steps, Code::StepShape), vec![(7, 9)]);
    }

    #[test]
    fn f011_two_kinds() {
        let steps = format!("  - id: a\n    ask: x\n    end: paid\n    next: fine\n{END}");
        assert_eq!(at(&steps, Code::StepShape), vec![(9, 10)]);
    }

    #[test]
    fn f011_default_not_an_answer() {
        let steps = format!(
            "  - id: a\n    ask: x\n    default: forse\n    answers: {{ si: fine }}\n{END}"
        );
        assert_eq!(at(&steps, Code::StepShape), vec![(7, 9)]);
    }
}
