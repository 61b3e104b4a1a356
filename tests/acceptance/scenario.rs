//! The state of one scenario: where it is written, the world its Given steps describe, the
//! customer's choices, the simulator and every run of a flow so far.

use crate::fixture::Fixture;
use crate::recorder::Observed;
use flowspec::adapter::{CardView, Completion, OrderView, Refusal, ScriptedChoices, ServiceView};
use flowspec::ids::{OrderId, ServiceId, Username};
use flowspec::money::Money;
use flowspec::sim::Simulator;
use flowspec::trace::Trace;
use flowspec::world::World;
use std::collections::BTreeMap;

/// One scenario's world, in cucumber's sense.
#[derive(Debug, Default, cucumber::World)]
pub struct Acceptance {
    /// The feature file's name without `.feature`, for snapshot names.
    pub feature: String,
    /// The scenario's name, its outline placeholders filled in.
    pub scenario: String,
    /// The Given tables.
    pub fixture: Fixture,
    /// The customer's answers, by decision name, in the order given.
    pub answers: BTreeMap<String, Vec<String>>,
    /// The world the simulator started from, once a flow has run.
    pub world: Option<World>,
    /// The simulated customer area, bank, mailbox and clock; kept across runs (D7).
    pub sim: Option<Simulator>,
    /// Each customer as it was before the first run (D11).
    pub baseline: BTreeMap<Username, CustomerState>,
    /// Every run of a flow, oldest first.
    pub runs: Vec<Run>,
    /// The reply to the last replayed bank notification (D7).
    pub replay: Option<Result<Option<Completion>, Refusal>>,
}

/// One run of a flow.
#[derive(Debug)]
pub struct Run {
    /// The flow id.
    pub flow: String,
    /// The answers it was given.
    pub answers: BTreeMap<String, Vec<String>>,
    /// What the engine recorded.
    pub trace: Trace,
    /// What the customer area showed that the trace only summarises.
    pub observed: Observed,
    /// The trace as the text report prints it.
    pub report: String,
}

/// What a customer owns, as the customer area shows it: compared before and after (D11).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerState {
    /// Its services.
    pub services: Vec<ServiceView>,
    /// The orders of those services.
    pub orders: Vec<OrderView>,
    /// Its registered cards.
    pub cards: Vec<CardView>,
    /// The cap it authorized (R6).
    pub cap: Option<Money>,
}

impl Acceptance {
    /// Replaces the answers to decision `name` by `value`.
    pub fn answer(&mut self, name: &str, value: impl Into<String>) {
        self.answers.insert(name.to_owned(), vec![value.into()]);
    }

    /// Adds `value` after the answers already given to decision `name` (OTP retries).
    pub fn answer_again(&mut self, name: &str, value: impl Into<String>) {
        self.answers
            .entry(name.to_owned())
            .or_default()
            .push(value.into());
    }

    /// The answers of a run: the world file's defaults, then the scenario's.
    pub fn choices(&self, answers: &BTreeMap<String, Vec<String>>) -> ScriptedChoices {
        let mut choices = ScriptedChoices::default();
        if let Some(world) = self.world.as_ref().or(self.fixture.base.as_ref()) {
            for (name, defaults) in &world.choices {
                if !answers.contains_key(name) {
                    for value in &defaults.0 {
                        choices.push(name.as_str(), value.as_str());
                    }
                }
            }
        }
        for (name, values) in answers {
            for value in values {
                choices.push(name.as_str(), value.as_str());
            }
        }
        choices
    }

    /// The last run; a step failure when no flow has run yet.
    pub fn last_run(&self) -> &Run {
        match self.runs.last() {
            Some(run) => run,
            None => panic!(
                "no flow has run yet: add `When the customer runs the flow \"<flow id>\"` before the checks"
            ),
        }
    }

    /// The simulator; a step failure when no flow has run yet.
    pub fn sim(&self) -> &Simulator {
        match &self.sim {
            Some(sim) => sim,
            None => panic!("no flow has run yet, so there is no simulator to look at"),
        }
    }

    /// What `username` owns now, as the customer area shows it.
    pub fn customer_state(&self, username: &Username) -> CustomerState {
        let sim = self.sim();
        let world = self.world.as_ref();
        let service_ids: Vec<ServiceId> = world
            .map(|world| {
                world
                    .services
                    .iter()
                    .filter(|service| &service.owner == username)
                    .map(|service| service.id.clone())
                    .collect()
            })
            .unwrap_or_default();
        let order_ids: Vec<OrderId> = world
            .map(|world| {
                world
                    .orders
                    .iter()
                    .filter(|order| service_ids.contains(&order.service))
                    .map(|order| order.id.clone())
                    .collect()
            })
            .unwrap_or_default();
        CustomerState {
            services: service_ids
                .iter()
                .filter_map(|id| sim.service(id))
                .collect(),
            orders: order_ids.iter().filter_map(|id| sim.order(id)).collect(),
            cards: sim.cards_of(username),
            cap: sim.cap_of(username),
        }
    }
}
