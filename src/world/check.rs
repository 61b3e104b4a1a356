//! A world checked against the catalog and against itself: every product, owner, service and
//! card it names must exist, ids are unique, and a card's fixture agrees with its number.

use super::World;
use super::spans::{self, WorldSpans};
use crate::catalog::Catalog;
use crate::diagnostic::{Code, Diagnostic, did_you_mean};
use crate::sim::cards;
use crate::source::Position;
use std::collections::BTreeSet;
use std::fmt;

/// One thing wrong with a world, and the field it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Its stable code.
    pub code: Code,
    /// The field it is about.
    pub place: Place,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: String,
    /// How many characters of the value the caret underlines.
    pub width: usize,
}

/// A field of a world: which list, which entry, which key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// `customers[i].<field>`.
    Customer(usize, &'static str),
    /// `customers[i].pec_logins[j].<field>`.
    PecLogin(usize, usize, &'static str),
    /// `services[i].<field>`.
    Service(usize, &'static str),
    /// `orders[i].<field>`.
    Order(usize, &'static str),
    /// `cards[i].<field>`.
    Card(usize, &'static str),
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Customer(i, key) => write!(f, "customers[{i}].{key}"),
            Place::PecLogin(i, j, key) => write!(f, "customers[{i}].pec_logins[{j}].{key}"),
            Place::Service(i, key) => write!(f, "services[{i}].{key}"),
            Place::Order(i, key) => write!(f, "orders[{i}].{key}"),
            Place::Card(i, key) => write!(f, "cards[{i}].{key}"),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: {} ({})",
            self.code, self.place, self.message, self.hint
        )
    }
}

impl Problem {
    fn new(code: Code, place: Place, message: String, hint: impl Into<String>) -> Problem {
        Problem {
            code,
            place,
            message,
            hint: hint.into(),
            width: 1,
        }
    }

    /// As a diagnostic of file `file`, at the value `spans` found for its field.
    pub(super) fn located(self, file: &str, spans: &WorldSpans) -> Diagnostic {
        let position =
            spans::location(&at(spans, self.place)).and_then(|location| Position::of(&location));
        Diagnostic::new(self.code, file, self.message)
            .at(position, self.width)
            .hint(self.hint)
    }
}

fn at(spans: &WorldSpans, place: Place) -> Option<serde_saphyr::Spanned<serde::de::IgnoredAny>> {
    match place {
        Place::Customer(i, key) => spans.customers.get(i).and_then(|c| match key {
            "username" => c.username.clone(),
            _ => c.email.clone(),
        }),
        Place::PecLogin(i, j, key) => spans
            .customers
            .get(i)
            .and_then(|c| c.pec_logins.get(j))
            .and_then(|p| match key {
                "address" => p.address.clone(),
                _ => p.service.clone(),
            }),
        Place::Service(i, key) => spans.services.get(i).and_then(|s| match key {
            "id" => s.id.clone(),
            "owner" => s.owner.clone(),
            "product" => s.product.clone(),
            _ => s.payment_method.clone(),
        }),
        Place::Order(i, key) => spans.orders.get(i).and_then(|o| match key {
            "id" => o.id.clone(),
            _ => o.service.clone(),
        }),
        Place::Card(i, key) => spans.cards.get(i).and_then(|c| match key {
            "id" => c.id.clone(),
            "owner" => c.owner.clone(),
            "brand" => c.brand.clone(),
            "last4" => c.last4.clone(),
            "expiry" => c.expiry.clone(),
            _ => c.number.clone(),
        }),
    }
}

/// Every problem of `world` against `catalog`, in file order; empty when it is sound.
pub fn problems(world: &World, catalog: &Catalog) -> Vec<Problem> {
    let mut found = Vec::new();
    let usernames: Vec<&str> = world
        .customers
        .iter()
        .map(|c| c.username.as_str())
        .collect();
    let services: Vec<&str> = world.services.iter().map(|s| s.id.as_str()).collect();

    duplicates(
        &usernames,
        |i| Place::Customer(i, "username"),
        "customer",
        &mut found,
    );
    let mut addresses = BTreeSet::new();
    for (i, customer) in world.customers.iter().enumerate() {
        for (j, login) in customer.pec_logins.iter().enumerate() {
            if !addresses.insert(login.address.to_ascii_lowercase()) {
                found.push(Problem::new(
                    Code::DuplicateEntry,
                    Place::PecLogin(i, j, "address"),
                    format!("the PEC address `{}` logs in twice", login.address),
                    "a PEC address opens exactly one PEC service (R2)",
                ));
            }
            match world.services.iter().find(|s| s.id == login.service) {
                None => found.push(unknown(
                    Place::PecLogin(i, j, "service"),
                    "service",
                    login.service.as_str(),
                    &services,
                )),
                Some(service) if service.owner != customer.username => found.push(Problem::new(
                    Code::UnknownReference,
                    Place::PecLogin(i, j, "service"),
                    format!(
                        "the PEC login `{}` opens `{}`, a service of `{}`",
                        login.address, service.id, service.owner
                    ),
                    "a PEC address can open only a service of its own customer (D11)",
                )),
                Some(_) => {}
            }
        }
    }

    duplicates(
        &services,
        |i| Place::Service(i, "id"),
        "service",
        &mut found,
    );
    for (i, service) in world.services.iter().enumerate() {
        if catalog.product(&service.product).is_none() {
            let ids: Vec<&str> = catalog.ids().collect();
            let mut problem = unknown(
                Place::Service(i, "product"),
                "product",
                service.product.as_str(),
                &ids,
            );
            problem.code = Code::UnknownProduct;
            found.push(problem);
        }
        if world.customer(&service.owner).is_none() {
            found.push(unknown(
                Place::Service(i, "owner"),
                "customer",
                service.owner.as_str(),
                &usernames,
            ));
        }
        if let Some(card_id) = &service.payment_method {
            match world.cards.iter().find(|c| &c.id == card_id) {
                None => {
                    let cards: Vec<&str> = world.cards.iter().map(|c| c.id.as_str()).collect();
                    found.push(unknown(
                        Place::Service(i, "payment_method"),
                        "card",
                        card_id.as_str(),
                        &cards,
                    ));
                }
                Some(card) if card.owner != service.owner => found.push(Problem::new(
                    Code::UnknownReference,
                    Place::Service(i, "payment_method"),
                    format!(
                        "the card `{}` belongs to `{}`, not to `{}`",
                        card.id, card.owner, service.owner
                    ),
                    "a service can be renewed only with a card of its own customer (D11)",
                )),
                Some(_) => {}
            }
        }
    }

    let orders: Vec<&str> = world.orders.iter().map(|o| o.id.as_str()).collect();
    duplicates(&orders, |i| Place::Order(i, "id"), "order", &mut found);
    for (i, order) in world.orders.iter().enumerate() {
        if !services.contains(&order.service.as_str()) {
            found.push(unknown(
                Place::Order(i, "service"),
                "service",
                order.service.as_str(),
                &services,
            ));
        }
    }

    let cards: Vec<&str> = world.cards.iter().map(|c| c.id.as_str()).collect();
    duplicates(&cards, |i| Place::Card(i, "id"), "card", &mut found);
    for (i, card) in world.cards.iter().enumerate() {
        if world.customer(&card.owner).is_none() {
            found.push(unknown(
                Place::Card(i, "owner"),
                "customer",
                card.owner.as_str(),
                &usernames,
            ));
        }
        card_fixture(i, card, &mut found);
    }
    found
}

/// A registered card must agree with the test number it stands for.
fn card_fixture(i: usize, card: &super::Card, found: &mut Vec<Problem>) {
    let bad = |key, message: String, hint: &str| {
        Problem::new(Code::BadFixture, Place::Card(i, key), message, hint)
    };
    let digits = cards::digits(&card.number);
    if !cards::luhn_valid(&card.number) {
        // D12: the message names the card by id only, never by its number.
        found.push(bad(
            "number",
            format!("the number of card `{}` fails the Luhn check", card.id),
            "use a public test number of the simulated bank (4242 4242 4242 4242...)",
        ));
        return;
    }
    let last4 = &digits[digits.len().saturating_sub(4)..];
    if card.last4 != last4 {
        found.push(bad(
            "last4",
            format!(
                "card `{}` says last four `{}` but its number ends otherwise",
                card.id, card.last4
            ),
            "write the last four digits of `number`",
        ));
    }
    let brand = cards::brand(&digits);
    if card.brand != brand {
        found.push(bad(
            "brand",
            format!(
                "card `{}` says brand `{}` but its number is a {brand}",
                card.id, card.brand
            ),
            "write the brand the number's prefix gives",
        ));
    }
    if cards::Expiry::parse(&card.expiry).is_none() {
        found.push(bad(
            "expiry",
            format!("`{}` is not an expiry date", card.expiry),
            "write the expiry as MM/YY, e.g. 12/30",
        ));
    }
}

fn unknown(place: Place, what: &str, name: &str, known: &[&str]) -> Problem {
    let hint = match did_you_mean(name, known.iter().copied()) {
        Some(near) => format!("did you mean `{near}`?"),
        None if known.is_empty() => format!("this world defines no {what}"),
        None => format!("known: {}", known.join(", ")),
    };
    let mut problem = Problem::new(
        Code::UnknownReference,
        place,
        format!("unknown {what} `{name}`"),
        hint,
    );
    problem.width = name.chars().count();
    problem
}

fn duplicates(ids: &[&str], place: impl Fn(usize) -> Place, what: &str, found: &mut Vec<Problem>) {
    for (i, id) in ids.iter().enumerate() {
        if ids[..i].contains(id) {
            found.push(Problem::new(
                Code::DuplicateEntry,
                place(i),
                format!("the {what} `{id}` is defined twice"),
                format!("give each {what} its own id"),
            ));
        }
    }
}
