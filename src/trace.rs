//! What a run did, in order: the events the engine emitted, the emails sent and how it ended.
//!
//! A trace is plain data: the same flow, world and choices always give the same trace, byte for
//! byte once serialised. Secrets never enter it, only their masks (D12).

mod event;
mod labels;
mod mask;
mod summary;

pub use event::{Argument, Event};
pub use labels::Labels;
pub use mask::mask;
pub use summary::{Summary, summarize};

use crate::adapter::Email;
use crate::ids::{FlowId, StepId};
use crate::outcome::Outcome;
use serde::Serialize;

/// Events a run of procedure A or B records, rounded up: a first guess for the list's size.
const EVENTS_PER_RUN: usize = 128;

/// The record of one run of a flow.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Trace {
    /// The flow that ran.
    pub flow: FlowId,
    /// Every event, in the order it happened.
    pub events: Vec<Event>,
    /// How the run ended.
    pub outcome: Outcome,
    /// Why, when the outcome needs explaining (a failed expectation, a missing answer...).
    pub message: Option<String>,
    /// The emails the run sent, in order.
    pub emails: Vec<Email>,
    /// The steps visited, in order; a step visited twice appears twice.
    pub steps: Vec<StepId>,
}

impl Trace {
    /// An empty trace of `flow`, to be filled by the engine; its outcome is set when it ends.
    /// Room for a whole procedure's events is taken at once: growing the list step by step
    /// cost a run more than some of its steps.
    pub fn new(flow: FlowId) -> Trace {
        Trace {
            flow,
            events: Vec::with_capacity(EVENTS_PER_RUN),
            outcome: Outcome::Error,
            message: None,
            emails: Vec::new(),
            steps: Vec::with_capacity(EVENTS_PER_RUN / 4),
        }
    }

    /// True when the run reached the procedure's goal.
    pub fn succeeded(&self) -> bool {
        self.outcome.is_success()
    }

    /// The answers recorded for decision `name`, masked when secret, in order.
    pub fn answers(&self, name: &str) -> impl Iterator<Item = &str> {
        self.events.iter().filter_map(move |event| match event {
            Event::ChoiceAnswered {
                name: asked, value, ..
            } if asked == name => Some(value.as_str()),
            _ => None,
        })
    }
}
