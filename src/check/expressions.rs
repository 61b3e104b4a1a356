//! F008: every expression of a step (`with` values, `if`, `expect`) compiles, with the caret on
//! the failing spot inside the string; and which variables each one reads.

use super::locate;
use super::report::Report;
use crate::diagnostic::Code;
use crate::raw::{RawStep, Text};
use minijinja::Environment;

/// A variable an expression reads.
pub struct Read<'r> {
    /// The variable's name.
    pub name: String,
    /// The expression reading it.
    pub text: &'r Text,
}

/// The variables a step reads, split by when they are read.
#[derive(Default)]
pub struct Reads<'r> {
    /// Read by `with` and `if`, before the step's `into` is set.
    pub before: Vec<Read<'r>>,
    /// Read by `expect`, after the step ran.
    pub after: Vec<Read<'r>>,
}

/// Compiles the expressions of `step`, reporting F008, and returns what the good ones read.
pub fn check<'r>(step: &'r RawStep, env: &Environment, report: &mut Report) -> Reads<'r> {
    let mut reads = Reads::default();
    let before = step
        .with
        .0
        .iter()
        .map(|(_, value)| value)
        .chain(step.condition.iter());
    for text in before {
        reads.before.extend(compile(text, env, report));
    }
    for text in &step.expect {
        reads.after.extend(compile(text, env, report));
    }
    reads
}

/// The variables `text` reads, or none after reporting why it does not compile.
fn compile<'r>(text: &'r Text, env: &Environment, report: &mut Report) -> Vec<Read<'r>> {
    match env.compile_expression(&text.value) {
        Ok(expression) => {
            let mut names: Vec<String> =
                expression.undeclared_variables(false).into_iter().collect();
            // HashSet order is not stable; diagnostics must be.
            names.sort();
            names.into_iter().map(|name| Read { name, text }).collect()
        }
        Err(error) => {
            let range = error.range().unwrap_or(0..text.value.len());
            let start = range.start.min(text.value.len());
            let width = text
                .value
                .get(start..range.end.min(text.value.len()))
                .map(|s| s.chars().count())
                .unwrap_or(1);
            let detail = error
                .detail()
                .map(str::to_owned)
                .unwrap_or_else(|| error.kind().to_string());
            report.add(
                Code::BadExpression,
                locate::inside(&report.lines, text, start),
                width,
                format!(
                    "expression `{}` does not compile: {detail}",
                    text.value.trim()
                ),
                "write a minijinja expression, e.g. `pagina.order.id` or `x and not y`",
            );
            Vec::new()
        }
    }
}

/// The byte offset of the first read of `name` as a whole word in `expression`.
pub fn offset_of(expression: &str, name: &str) -> Option<usize> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    expression.match_indices(name).map(|(at, _)| at).find(|at| {
        let before = expression[..*at].chars().next_back();
        let after = expression[at + name.len()..].chars().next();
        !before.is_some_and(|c| is_word(c) || c == '.') && !after.is_some_and(is_word)
    })
}

#[cfg(test)]
mod tests {
    use super::offset_of;
    use crate::check::fixture::{at, diagnostics};
    use crate::diagnostic::Code;

    const END: &str = "  - id: fine\n    end: paid\n";

    #[test]
    fn finds_whole_word_reads_only() {
        assert_eq!(offset_of("pagina.x and pag", "pag"), Some(13));
        assert_eq!(offset_of("a.pag", "pag"), None);
    }

    #[test]
    fn f008_caret_inside_a_quoted_condition() {
        let steps =
            format!("  - id: a\n    if: \"x == = y\"\n    then: fine\n    else: fine\n{END}");
        assert_eq!(at(&steps, Code::BadExpression), vec![(8, 15)]);
    }

    #[test]
    fn f008_caret_inside_a_with_value() {
        let steps = format!(
            "  - id: a\n    call: area.pay\n    with: {{ order: x | | y }}\n    outcomes: {{ ok: fine, not_found: fine, forbidden: fine, not_payable: fine }}\n{END}"
        );
        let found = at(&steps, Code::BadExpression);
        assert_eq!(found, vec![(9, 24)], "{:?}", diagnostics(&steps));
    }

    #[test]
    fn f008_caret_inside_a_folded_block() {
        let steps = format!(
            "  - id: a\n    if: >-\n      true\n      and (\n    then: fine\n    else: fine\n{END}"
        );
        let found = at(&steps, Code::BadExpression);
        assert_eq!(found.len(), 1, "{:?}", diagnostics(&steps));
        assert_eq!(found[0].0, 10, "{:?}", diagnostics(&steps));
    }
}
