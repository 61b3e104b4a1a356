//! A checked flow: every reference resolved, every outcome routed. Only [`crate::check`]
//! builds one, and it is the only form the engine runs.

use crate::ids::{FlowId, ProductId, StepId};
use crate::operation::Operation;
use crate::outcome::Outcome;
use crate::source::Position;

/// Index of a step in [`Flow::steps`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StepIndex(pub usize);

/// A flow that passed every check.
#[derive(Clone, Debug)]
pub struct Flow {
    /// Its id.
    pub id: FlowId,
    /// Its Italian title.
    pub title: String,
    /// The file it came from.
    pub file: String,
    /// Guide section (`3.2.2`).
    pub section: String,
    /// Procedure letter (`A`, `B`).
    pub procedure: String,
    /// The guide's sentence introducing the procedure.
    pub intro: String,
    /// Products it applies to, all in the catalog.
    pub products: Vec<ProductId>,
    /// The first step.
    pub start: StepIndex,
    /// The steps, in file order.
    pub steps: Vec<Step>,
}

impl Flow {
    /// The step at `index`.
    pub fn step(&self, index: StepIndex) -> &Step {
        &self.steps[index.0]
    }

    /// The index of the step called `id`.
    pub fn index_of(&self, id: &str) -> Option<StepIndex> {
        self.steps
            .iter()
            .position(|s| s.id.as_str() == id)
            .map(StepIndex)
    }
}

/// A checked step.
#[derive(Clone, Debug)]
pub struct Step {
    /// Its id.
    pub id: StepId,
    /// The guide step it encodes (`A4`), if any.
    pub guide: Option<String>,
    /// The guide's wording.
    pub text: Option<String>,
    /// UI labels seen or clicked.
    pub ui: Vec<String>,
    /// Rule and decision ids it encodes.
    pub rules: Vec<String>,
    /// What it does.
    pub kind: StepKind,
    /// Conditions checked after it ran.
    pub expect: Vec<Expr>,
    /// Where its id is written.
    pub position: Option<Position>,
}

/// What a step does.
#[derive(Clone, Debug)]
pub enum StepKind {
    /// Calls an adapter operation and routes its outcome.
    Call {
        /// The operation.
        operation: &'static Operation,
        /// Argument name and expression, one per parameter, in parameter order.
        args: Vec<(String, Expr)>,
        /// Variable that receives the reply.
        into: Option<String>,
        /// Outcome name → step, one per outcome of the operation.
        outcomes: Vec<(String, StepIndex)>,
    },
    /// Asks the customer a decision.
    Ask {
        /// The decision's name, as scenarios answer it.
        choice: String,
        /// The question.
        prompt: Option<String>,
        /// Variable that receives the answer.
        into: Option<String>,
        /// Answer → step; empty when any answer is taken and `next` followed.
        answers: Vec<(String, StepIndex)>,
        /// Followed when `answers` is empty.
        next: Option<StepIndex>,
        /// Answer taken when the scenario gives none.
        default: Option<String>,
        /// Mask the answer in traces (D12).
        secret: bool,
    },
    /// Branches on a condition.
    If {
        /// The condition.
        condition: Expr,
        /// What the diagram shows for it.
        label: Option<String>,
        /// Followed when true.
        then: StepIndex,
        /// Followed when false.
        otherwise: StepIndex,
    },
    /// Sends an email from a template.
    Email {
        /// Template name in `flows/emails/`.
        template: String,
        /// The next step.
        next: StepIndex,
    },
    /// A page the customer reads and leaves.
    Show {
        /// The next step.
        next: StepIndex,
    },
    /// Ends the run.
    End {
        /// How.
        outcome: Outcome,
    },
}

impl StepKind {
    /// Every step this one can lead to, with the label of the edge.
    pub fn successors(&self) -> Vec<(Option<&str>, StepIndex)> {
        match self {
            StepKind::Call { outcomes, .. } => outcomes
                .iter()
                .map(|(o, s)| (Some(o.as_str()), *s))
                .collect(),
            StepKind::Ask { answers, next, .. } => {
                let mut all: Vec<_> = answers
                    .iter()
                    .map(|(a, s)| (Some(a.as_str()), *s))
                    .collect();
                all.extend(next.map(|s| (None, s)));
                all
            }
            StepKind::If {
                then, otherwise, ..
            } => vec![(Some("sì"), *then), (Some("no"), *otherwise)],
            StepKind::Email { next, .. } | StepKind::Show { next } => vec![(None, *next)],
            StepKind::End { .. } => Vec::new(),
        }
    }
}

/// A minijinja expression from the flow, with where it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expr {
    /// The expression text.
    pub source: String,
    /// Where the string starts in the flow file.
    pub position: Option<Position>,
}
