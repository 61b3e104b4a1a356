//! Why an adapter refused a request: each reason is an outcome a flow can route.

use serde::Serialize;
use std::fmt;

/// A refusal from the customer area or the bank. `name()` is the outcome a `call` step routes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    /// The login matches no customer.
    UnknownCustomer,
    /// The service, order, card or payment does not exist.
    NotFound,
    /// It exists but belongs to another username, or is outside a PEC-address login (D11).
    Forbidden,
    /// The order is not in Attesa pagamento (R1, D7).
    NotPayable,
    /// The card number fails the Luhn check.
    InvalidNumber,
    /// The card's expiry is in the past.
    ExpiredAtEntry,
    /// The adapter could not do what was asked; the text says why.
    Broken(String),
}

impl Refusal {
    /// The outcome name a flow routes (`not_found`, `forbidden`...); `Broken` has none.
    pub fn name(&self) -> &str {
        match self {
            Refusal::UnknownCustomer => "unknown_customer",
            Refusal::NotFound => "not_found",
            Refusal::Forbidden => "forbidden",
            Refusal::NotPayable => "not_payable",
            Refusal::InvalidNumber => "invalid_number",
            Refusal::ExpiredAtEntry => "expired_at_entry",
            Refusal::Broken(_) => "broken",
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Broken(why) => write!(f, "adapter error: {why}"),
            other => f.write_str(other.name()),
        }
    }
}
