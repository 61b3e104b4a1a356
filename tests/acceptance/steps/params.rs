//! Custom parameters of the step phrases: a test card number and a card expiry as written.

use std::str::FromStr;

/// A card number written as four groups of four digits (`4242 4242 4242 4242`).
#[derive(Clone, Debug, PartialEq, Eq, cucumber::Parameter)]
#[param(name = "card_number", regex = r"\d{4} \d{4} \d{4} \d{4}")]
pub struct CardNumber(pub String);

impl FromStr for CardNumber {
    type Err = String;
    fn from_str(text: &str) -> Result<CardNumber, String> {
        Ok(CardNumber(text.to_owned()))
    }
}

/// A card expiry `MM/YY`.
#[derive(Clone, Debug, PartialEq, Eq, cucumber::Parameter)]
#[param(name = "expiry", regex = r"\d{2}/\d{2}")]
pub struct Expiry(pub String);

impl FromStr for Expiry {
    type Err = String;
    fn from_str(text: &str) -> Result<Expiry, String> {
        Ok(Expiry(text.to_owned()))
    }
}
