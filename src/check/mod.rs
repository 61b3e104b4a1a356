//! The checker: a [`RawFlow`] as loaded becomes a [`Flow`] the engine can run, or every
//! problem found in it, each with a code `F001`..`F015`, a position and a hint.
//!
//! One pass reports everything: each check below looks at what the earlier ones could
//! resolve and stays quiet about what they already reported.

mod build;
mod expressions;
mod graph;
mod guide_refs;
mod locate;
mod operations;
mod outcomes;
mod products;
mod reachability;
mod references;
mod report;
mod shape;
mod suggest;
mod templates;
mod variables;

pub use guide_refs::PROCEDURES;

use crate::catalog::Catalog;
use crate::diagnostic::{Code, Diagnostic};
use crate::flow::Flow;
use crate::raw::RawFlow;
use crate::source::Source;
use build::Checked;
use graph::Graph;
use references::Ids;
use report::Report;
use shape::Shape;

/// What a flow is checked against, beyond its own file.
pub struct CheckContext<'a> {
    /// The product catalog (F007, and `catalog` in expressions).
    pub catalog: &'a Catalog,
    /// Names of the email templates in `flows/emails/` (F014).
    pub templates: &'a [String],
}

/// Checks `raw`, read from `source`, and builds the [`Flow`]; or returns every problem found.
pub fn check_flow(
    source: &Source,
    raw: RawFlow,
    context: &CheckContext,
) -> Result<Flow, Vec<Diagnostic>> {
    let mut report = Report::new(source);
    let env = crate::expr::environment();
    products::check(&raw, context.catalog, &mut report);
    guide_refs::check(&raw, &mut report);
    let ids = Ids::collect(&raw, &mut report);
    let resolved = references::check(&raw, &ids, &mut report);

    let mut checked = Vec::with_capacity(raw.steps.len());
    let mut sound = Vec::with_capacity(raw.steps.len());
    let mut reads = Vec::with_capacity(raw.steps.len());
    for (step, resolved) in raw.steps.iter().zip(&resolved) {
        let before = report.diagnostics.len();
        let shape = shape::check(step, &mut report);
        sound.push(*resolved && report.diagnostics.len() == before);
        let mut facts = Checked {
            shape,
            operation: None,
            outcome: None,
        };
        match shape {
            Shape::Call => {
                if let Some(call) = &step.call {
                    facts.operation = operations::check(step, call, &mut report);
                    if let Some(operation) = facts.operation {
                        outcomes::check_routes(step, call, operation, &mut report);
                    }
                }
            }
            Shape::Email => {
                if let Some(template) = &step.email {
                    templates::check(template, context.templates, &mut report);
                }
            }
            Shape::End => {
                if let Some(end) = &step.end {
                    facts.outcome = outcomes::check_end(end, &mut report);
                }
            }
            Shape::Ask | Shape::If | Shape::Show | Shape::Ambiguous => {}
        }
        reads.push(expressions::check(step, &env, &mut report));
        checked.push(facts);
    }

    let graph = Graph::of(&raw, &ids);
    let is_end: Vec<bool> = checked.iter().map(|c| c.shape == Shape::End).collect();
    let duplicate: Vec<bool> = (raw.steps.iter().enumerate())
        .map(|(index, step)| ids.is_duplicate(index, &step.id.value))
        .collect();
    let steps = reachability::Steps {
        raw: &raw,
        is_end: &is_end,
        sound: &sound,
        duplicate: &duplicate,
    };
    reachability::check(&steps, &graph, &mut report);
    let assigned: Vec<Option<&str>> = raw
        .steps
        .iter()
        .zip(&checked)
        .map(|(step, facts)| match facts.shape {
            Shape::Call | Shape::Ask => step.into.as_ref().map(|t| t.value.as_str()),
            _ => None,
        })
        .collect();
    variables::check(&raw, &graph, &assigned, &reads, &mut report);

    if !report.is_clean() {
        return Err(report.finish());
    }
    build::flow(source, &raw, &ids, &checked).ok_or_else(|| {
        vec![
            Diagnostic::new(
                Code::StepShape,
                source.name.clone(),
                "the flow passed its checks but a step could not be built",
            )
            .hint("please report this flow file: the checker missed a problem in it"),
        ]
    })
}

/// Small flows for the unit tests of each check: a fixed header, then the steps given.
#[cfg(test)]
pub(crate) mod fixture {
    use super::*;
    use crate::catalog::Product;
    use crate::ids::ProductId;
    use crate::source::Position;

    /// The lines before the steps; the first step's `- id:` is on line 7.
    pub const HEADER: &str = "flow: t\ntitle: T\nguide: { section: \"3.2.2\", procedure: A, intro: x }\nproducts: [pec]\nstart: a\nsteps:\n";

    fn catalog() -> Catalog {
        let product = |auto_renew| Product {
            name: "P".into(),
            aliases: Vec::new(),
            auto_renew,
            activation_email: auto_renew,
        };
        Catalog {
            products: [
                (ProductId::from("pec"), product(true)),
                (ProductId::from("firma-digitale"), product(false)),
            ]
            .into_iter()
            .collect(),
        }
    }

    /// Checks a whole flow file.
    pub fn check_yaml(yaml: &str) -> Result<Flow, Vec<Diagnostic>> {
        let raw: RawFlow = serde_saphyr::from_str(yaml).expect("test YAML parses");
        let templates = ["conferma-pagamento".to_owned()];
        let context = CheckContext {
            catalog: &catalog(),
            templates: &templates,
        };
        check_flow(&Source::new("t.yaml", yaml), raw, &context)
    }

    /// The diagnostics of the flow made of [`HEADER`] and `steps` (none when it checks).
    pub fn diagnostics(steps: &str) -> Vec<Diagnostic> {
        check_yaml(&format!("{HEADER}{steps}"))
            .err()
            .unwrap_or_default()
    }

    /// Line and column of every diagnostic with `code`, asserting each has a hint.
    pub fn at(steps: &str, code: Code) -> Vec<(usize, usize)> {
        diagnostics(steps)
            .into_iter()
            .filter(|d| d.code == code)
            .map(|d| {
                assert!(d.hint.is_some(), "{d:?}");
                let p = d.position.unwrap_or(Position::new(0, 0));
                (p.line, p.column)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::fixture::{HEADER, check_yaml};
    use proptest::prelude::*;

    /// One step of a random flow: its kind and the (possibly dangling) steps it names.
    fn step(index: usize, kind: u8, a: usize, b: usize, var: u8) -> String {
        let (a, b) = (format!("s{a}"), format!("s{b}"));
        let body = match kind % 6 {
            0 => format!("    next: {a}\n"),
            1 => format!("    if: v{var} and catalog\n    then: {a}\n    else: {b}\n"),
            2 => format!("    ask: q\n    into: v{var}\n    answers: {{ x: {a}, y: {b} }}\n"),
            3 => {
                format!("    call: area.services\n    into: v{var}\n    outcomes: {{ ok: {a} }}\n")
            }
            4 => "    end: paid\n".to_owned(),
            _ => format!(
                "    email: conferma-pagamento\n    next: {a}\n    expect: [\"v{var} +\"]\n"
            ),
        };
        format!("  - id: s{index}\n{body}")
    }

    proptest! {
        /// Whatever the graph, the checker answers without panicking; a flow it accepts has
        /// every edge inside the flow, and every diagnostic is located and has a hint.
        #[test]
        fn any_step_graph_is_checked_or_explained(
            steps in prop::collection::vec((0u8..6, 0usize..12, 0usize..12, 0u8..3), 1..10)
        ) {
            let body: String = steps
                .iter()
                .enumerate()
                .map(|(i, (kind, a, b, var))| step(i, *kind, *a, *b, *var))
                .collect();
            match check_yaml(&format!("{}{body}", HEADER.replace("start: a", "start: s0"))) {
                Ok(flow) => {
                    for step in &flow.steps {
                        for (_, next) in step.kind.successors() {
                            prop_assert!(next.0 < flow.steps.len());
                        }
                    }
                }
                Err(found) => {
                    prop_assert!(!found.is_empty());
                    for d in &found {
                        prop_assert!(d.position.is_some() && d.hint.is_some(), "{:?}", d);
                    }
                }
            }
        }
    }
}
