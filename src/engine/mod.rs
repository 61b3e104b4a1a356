//! Runs a checked flow against a [`Target`]: walks its steps from `start`, calls the adapters,
//! asks the [`Choices`], sends emails and records every event in a [`Trace`].
//!
//! The engine never prints; reports read the trace ([`crate::report`]).

mod compose;
mod dispatch;
mod eval;
mod limits;
mod run;

pub use compose::EmailComposer;
pub use limits::DEFAULT_STEP_LIMIT;

use crate::adapter::{Choices, Target};
use crate::catalog::Catalog;
use crate::flow::Flow;
use crate::trace::{Labels, Trace};
use eval::Compiled;
use minijinja::Value;

/// A flow ready to run: its expressions compiled once, its catalog turned into a value once,
/// so many runs (a benchmark, a feature file) pay for neither again.
pub struct Engine<'a> {
    flow: &'a Flow,
    composer: &'a dyn EmailComposer,
    catalog: Value,
    compiled: Compiled,
    /// Each step's UI labels, by step index, shared by every event that enters it.
    labels: Vec<Labels>,
    step_limit: usize,
}

impl<'a> Engine<'a> {
    /// An engine for `flow`, reading `catalog` in expressions and composing emails with
    /// `templates`; the step limit is [`DEFAULT_STEP_LIMIT`].
    pub fn new(flow: &'a Flow, catalog: &Catalog, templates: &'a dyn EmailComposer) -> Engine<'a> {
        Engine {
            flow,
            composer: templates,
            catalog: Value::from_serialize(catalog),
            compiled: Compiled::new(flow),
            labels: flow
                .steps
                .iter()
                .map(|step| Labels::from(step.ui.as_slice()))
                .collect(),
            step_limit: DEFAULT_STEP_LIMIT,
        }
    }

    /// The same engine, ending runs with [`crate::outcome::Outcome::StepLimit`] after `limit`
    /// steps.
    pub fn with_step_limit(mut self, limit: usize) -> Engine<'a> {
        self.step_limit = limit;
        self
    }

    /// The flow it runs.
    pub fn flow(&self) -> &Flow {
        self.flow
    }

    /// Runs the flow once from its start against `target`, answering decisions from `choices`.
    /// Every way a run can go wrong ends it with an outcome and a message: this never fails.
    pub async fn run<T: Target>(&self, target: &mut T, choices: &mut impl Choices) -> Trace {
        run::Run::new(self, target, choices).walk().await
    }
}
