//! Where the references of a world file sit, so a check can point at the offending value.
//!
//! A second, lenient reading of the same text: only the located fields, nothing else.

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_saphyr::{Location, Spanned};

type At = Option<Spanned<IgnoredAny>>;

/// The located fields of a world file.
#[derive(Debug, Default, Deserialize)]
pub(super) struct WorldSpans {
    #[serde(default)]
    pub customers: Vec<CustomerSpans>,
    #[serde(default)]
    pub services: Vec<ServiceSpans>,
    #[serde(default)]
    pub orders: Vec<OrderSpans>,
    #[serde(default)]
    pub cards: Vec<CardSpans>,
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct CustomerSpans {
    #[serde(default)]
    pub username: At,
    #[serde(default)]
    pub email: At,
    #[serde(default)]
    pub pec_logins: Vec<PecLoginSpans>,
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct PecLoginSpans {
    #[serde(default)]
    pub address: At,
    #[serde(default)]
    pub service: At,
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct ServiceSpans {
    #[serde(default)]
    pub id: At,
    #[serde(default)]
    pub owner: At,
    #[serde(default)]
    pub product: At,
    #[serde(default)]
    pub payment_method: At,
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct OrderSpans {
    #[serde(default)]
    pub id: At,
    #[serde(default)]
    pub service: At,
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct CardSpans {
    #[serde(default)]
    pub id: At,
    #[serde(default)]
    pub owner: At,
    #[serde(default)]
    pub brand: At,
    #[serde(default)]
    pub last4: At,
    #[serde(default)]
    pub expiry: At,
    #[serde(default)]
    pub number: At,
}

impl WorldSpans {
    /// The located fields of `text`; none when it cannot be read (the caller has parsed it).
    pub fn parse(text: &str) -> WorldSpans {
        serde_saphyr::from_str(text).unwrap_or_default()
    }
}

/// Where a located field's value starts.
pub(super) fn location(at: &At) -> Option<Location> {
    at.as_ref().map(|spanned| spanned.referenced)
}
