//! How a run ends: the outcomes a flow's `end` steps name, plus the engine's own.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The final outcome of a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Outcome {
    /// The order was paid (R7, R8).
    Paid,
    /// The bank declined the card (D5).
    Declined,
    /// The bank declined the card for insufficient funds (D5).
    InsufficientFunds,
    /// The bank declined the card as expired (D5).
    ExpiredCard,
    /// Strong customer authentication failed, e.g. three wrong OTPs (D5).
    ScaFailed,
    /// The customer abandoned the bank's page (D5).
    Abandoned,
    /// The bank did not answer in time; the status query settled it as not charged (D5).
    BankTimeout,
    /// The card data were refused at entry (number fails Luhn, expiry in the past).
    InvalidCard,
    /// The customer refused the cap authorization (D4).
    CapRefused,
    /// The order is not in Attesa pagamento (D7).
    NotPayable,
    /// The customer asked for something of another username (D11).
    Forbidden,
    /// The login matches no customer.
    UnknownCustomer,
    /// A service, order or card that does not exist.
    NotFound,
    /// Engine: the scenario gave no answer to a decision that has no default.
    NoAnswer,
    /// Engine: the run exceeded its step limit (a loop with no exit).
    StepLimit,
    /// Engine: a step's `expect` did not hold.
    ExpectationFailed,
    /// Engine: an expression failed at run time or an adapter broke its contract.
    Error,
}

impl Outcome {
    /// Every outcome, in declaration order.
    pub const ALL: [Outcome; 17] = [
        Outcome::Paid,
        Outcome::Declined,
        Outcome::InsufficientFunds,
        Outcome::ExpiredCard,
        Outcome::ScaFailed,
        Outcome::Abandoned,
        Outcome::BankTimeout,
        Outcome::InvalidCard,
        Outcome::CapRefused,
        Outcome::NotPayable,
        Outcome::Forbidden,
        Outcome::UnknownCustomer,
        Outcome::NotFound,
        Outcome::NoAnswer,
        Outcome::StepLimit,
        Outcome::ExpectationFailed,
        Outcome::Error,
    ];

    /// The snake_case name used in flows, traces and features.
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Paid => "paid",
            Outcome::Declined => "declined",
            Outcome::InsufficientFunds => "insufficient_funds",
            Outcome::ExpiredCard => "expired_card",
            Outcome::ScaFailed => "sca_failed",
            Outcome::Abandoned => "abandoned",
            Outcome::BankTimeout => "bank_timeout",
            Outcome::InvalidCard => "invalid_card",
            Outcome::CapRefused => "cap_refused",
            Outcome::NotPayable => "not_payable",
            Outcome::Forbidden => "forbidden",
            Outcome::UnknownCustomer => "unknown_customer",
            Outcome::NotFound => "not_found",
            Outcome::NoAnswer => "no_answer",
            Outcome::StepLimit => "step_limit",
            Outcome::ExpectationFailed => "expectation_failed",
            Outcome::Error => "error",
        }
    }

    /// Parses a snake_case name.
    pub fn from_name(name: &str) -> Option<Outcome> {
        Outcome::ALL.into_iter().find(|o| o.name() == name)
    }

    /// True for the outcomes only the engine produces; a flow's `end` cannot name them.
    pub fn is_engine_only(self) -> bool {
        matches!(
            self,
            Outcome::NoAnswer | Outcome::StepLimit | Outcome::ExpectationFailed | Outcome::Error
        )
    }

    /// True when the procedure reached its goal.
    pub fn is_success(self) -> bool {
        self == Outcome::Paid
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for outcome in Outcome::ALL {
            assert_eq!(Outcome::from_name(outcome.name()), Some(outcome));
        }
        assert_eq!(Outcome::from_name("pagato"), None);
    }
}
