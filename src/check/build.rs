//! Assembles the checked [`Flow`] once every check passed.

use super::locate::{self, Lines};
use super::references::Ids;
use super::shape::Shape;
use crate::flow::{Expr, Flow, Step, StepIndex, StepKind};
use crate::ids::{FlowId, ProductId, StepId};
use crate::operation::Operation;
use crate::outcome::Outcome;
use crate::raw::{RawFlow, RawStep, Text};
use crate::source::Source;

/// What the checks learnt about one step.
pub struct Checked {
    /// Its kind.
    pub shape: Shape,
    /// For a `call`, the operation.
    pub operation: Option<&'static Operation>,
    /// For an `end`, the outcome.
    pub outcome: Option<Outcome>,
}

/// The flow, or `None` if some piece the checks vouched for is missing after all.
pub fn flow(source: &Source, raw: &RawFlow, ids: &Ids, checked: &[Checked]) -> Option<Flow> {
    let lines = Lines::new(source);
    let builder = Builder { lines: &lines, ids };
    let steps = raw
        .steps
        .iter()
        .zip(checked)
        .map(|(step, facts)| builder.step(step, facts))
        .collect::<Option<Vec<Step>>>()?;
    Some(Flow {
        id: FlowId(raw.flow.value.clone()),
        title: raw.title.clone(),
        file: source.name.clone(),
        section: raw.guide.section.clone(),
        procedure: raw.guide.procedure.value.clone(),
        intro: raw.guide.intro.clone(),
        products: raw
            .products
            .iter()
            .map(|p| ProductId(p.value.clone()))
            .collect(),
        start: builder.index(&raw.start)?,
        steps,
    })
}

struct Builder<'a> {
    lines: &'a Lines<'a>,
    ids: &'a Ids<'a>,
}

impl Builder<'_> {
    fn step(&self, step: &RawStep, facts: &Checked) -> Option<Step> {
        Some(Step {
            id: StepId(step.id.value.clone()),
            guide: step.guide.as_ref().map(|g| g.value.clone()),
            text: step.text.clone(),
            ui: step.ui.clone(),
            rules: step.rules.clone(),
            kind: self.kind(step, facts)?,
            expect: step.expect.iter().map(|e| self.expr(e)).collect(),
            position: locate::of(&step.id),
        })
    }

    fn kind(&self, step: &RawStep, facts: &Checked) -> Option<StepKind> {
        let into = step.into.as_ref().map(|t| t.value.clone());
        Some(match facts.shape {
            Shape::Call => {
                let operation = facts.operation?;
                let args = operation
                    .params
                    .iter()
                    .map(|p| Some(((*p).to_owned(), self.expr(step.with.get(p)?))))
                    .collect::<Option<_>>()?;
                let outcomes = operation
                    .outcomes
                    .iter()
                    .map(|o| Some(((*o).to_owned(), self.index(step.outcomes.get(o)?)?)))
                    .collect::<Option<_>>()?;
                StepKind::Call {
                    operation,
                    args,
                    into,
                    outcomes,
                }
            }
            Shape::Ask => {
                let answers: Vec<(String, StepIndex)> = step
                    .answers
                    .0
                    .iter()
                    .map(|(k, v)| Some((k.value.clone(), self.index(v)?)))
                    .collect::<Option<_>>()?;
                let next = match &step.next {
                    Some(next) if answers.is_empty() => Some(self.index(next)?),
                    _ => None,
                };
                StepKind::Ask {
                    choice: step.ask.as_ref()?.value.clone(),
                    prompt: step.prompt.clone(),
                    into,
                    answers,
                    next,
                    default: step.default.clone(),
                    secret: step.secret,
                }
            }
            Shape::If => StepKind::If {
                condition: self.expr(step.condition.as_ref()?),
                label: step.label.clone(),
                then: self.index(step.then.as_ref()?)?,
                otherwise: self.index(step.otherwise.as_ref()?)?,
            },
            Shape::Email => StepKind::Email {
                template: step.email.as_ref()?.value.clone(),
                next: self.index(step.next.as_ref()?)?,
            },
            Shape::Show => StepKind::Show {
                next: self.index(step.next.as_ref()?)?,
            },
            Shape::End => StepKind::End {
                outcome: facts.outcome?,
            },
            Shape::Ambiguous => return None,
        })
    }

    fn index(&self, target: &Text) -> Option<StepIndex> {
        self.ids.get(&target.value).map(StepIndex)
    }

    fn expr(&self, text: &Text) -> Expr {
        Expr {
            source: text.value.clone(),
            position: locate::value_start(self.lines, text),
        }
    }
}
