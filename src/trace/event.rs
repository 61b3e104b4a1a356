//! The events of a run: one per thing the engine did, each small enough for one report line.

use super::{Labels, Summary};
use crate::ids::StepId;
use crate::outcome::Outcome;
use serde::Serialize;

/// Something the engine did. Values that came from a secret answer are masked (D12).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// The engine entered a step.
    StepEntered {
        /// The step.
        step: StepId,
        /// The guide step it encodes (`A4`), if any.
        guide: Option<String>,
        /// The UI labels the customer sees there, in Italian as the guide writes them.
        ui: Labels,
    },
    /// An `if` condition was evaluated.
    ConditionEvaluated {
        /// The condition as written in the flow.
        expression: String,
        /// Its value.
        result: bool,
    },
    /// A decision was answered.
    ChoiceAnswered {
        /// The decision's name.
        name: String,
        /// The answer; `••••` and at most the last four characters when it is secret.
        value: String,
        /// True when the scenario gave none and the step's `default` was taken.
        defaulted: bool,
    },
    /// An adapter operation was called.
    AdapterCalled {
        /// `area.pay`, `bank.confirm`...
        operation: String,
        /// The arguments, in parameter order.
        arguments: Vec<Argument>,
    },
    /// An adapter operation replied.
    AdapterReplied {
        /// The outcome the step routes (`ok`, `approved`, `not_found`...).
        outcome: String,
        /// A short summary of the reply data.
        data: Summary,
    },
    /// A variable was set by `into`.
    StateChanged {
        /// The variable.
        variable: String,
        /// A short summary of its value; masked when it came from a secret.
        value: Summary,
    },
    /// An email was sent.
    EmailSent {
        /// The template it came from.
        template: String,
        /// The recipient.
        to: String,
        /// The subject line.
        subject: String,
    },
    /// An `expect` expression was evaluated after its step ran.
    ExpectationChecked {
        /// The expression as written in the flow.
        expression: String,
        /// Whether it held.
        held: bool,
    },
    /// The run ended.
    RunEnded {
        /// How.
        outcome: Outcome,
        /// Why, when it needs explaining.
        message: Option<String>,
    },
}

/// One argument of an adapter call, its value masked when it came from a secret.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Argument {
    /// The parameter name.
    pub name: String,
    /// The value, or its mask.
    pub value: String,
}
