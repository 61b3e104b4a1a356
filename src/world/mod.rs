//! A world fixture: the customers, services, orders and cards a simulated run starts from.
//!
//! Worlds live in `flows/worlds/*.yaml`. [`World::load`] parses one and checks it against the
//! product catalog; tests and the acceptance suite may also build a [`World`] field by field.

pub mod calendar;
mod check;
mod scalar;
mod schema;
mod spans;

use crate::adapter::{OrderKind, OrderState, ScriptedChoices};
use crate::catalog::Catalog;
use crate::diagnostic::Diagnostic;
use crate::ids::{CardId, OrderId, ProductId, ServiceId, Username};
use crate::money::Money;
use crate::source::Source;
use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::BTreeMap;

pub use check::{Place, Problem, problems};
pub use schema::world_schema;

/// Everything a simulated run starts from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "flowspec world",
    description = "Customers, services, orders and cards of a simulated run, with default answers."
)]
pub struct World {
    /// Start time of the simulated clock: Unix seconds, or an RFC 3339 UTC time
    /// (`2026-11-28T09:00:00Z`); 0 when absent. Every `now()` advances it by one second.
    #[serde(default, deserialize_with = "scalar::start_time")]
    #[schemars(with = "scalar::StartTimeSchema")]
    pub clock: i64,
    /// First id the simulated clock hands out (payment sessions, new cards), 1 when absent;
    /// then +1 each.
    #[serde(default = "default_id_seed")]
    pub id_seed: u64,
    /// The customers, by Aruba username.
    #[serde(default)]
    pub customers: Vec<Customer>,
    /// Their services.
    #[serde(default)]
    pub services: Vec<Service>,
    /// Orders of those services.
    #[serde(default)]
    pub orders: Vec<Order>,
    /// Registered cards.
    #[serde(default)]
    pub cards: Vec<Card>,
    /// Default answers to a flow's decisions (`ask` names), used when a run gives none:
    /// `NAME: VALUE`, or `NAME: [VALUE, ...]` for a decision asked several times (OTP retries).
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, scalar::AnswersSchema>")]
    pub choices: BTreeMap<String, Answers>,
}

fn default_id_seed() -> u64 {
    1
}

/// A customer of the customer area.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Customer {
    /// The Aruba username (`mario.rossi`): logs in and owns services and cards.
    #[schemars(with = "String")]
    pub username: Username,
    /// Where the customer's emails go.
    pub email: String,
    /// PEC addresses that can log in by themselves (R2): each opens only its own PEC service.
    #[serde(default)]
    pub pec_logins: Vec<PecLogin>,
}

/// A PEC address that logs in to the customer area on its own (R2).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PecLogin {
    /// The PEC address typed at login (`mario.rossi@pec.it`).
    pub address: String,
    /// The PEC service that address opens.
    #[schemars(with = "String")]
    pub service: ServiceId,
}

/// A service of a customer (a PEC box, a SPID identity, a Firma Digitale...).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// Its id, unique in the world.
    #[schemars(with = "String")]
    pub id: ServiceId,
    /// The username that owns it.
    #[schemars(with = "String")]
    pub owner: Username,
    /// Its product, an id of `flows/catalog.yaml`.
    #[schemars(with = "String")]
    pub product: ProductId,
    /// What the customer reads (`mario.rossi@pec.it`).
    pub name: String,
    /// Renewal price net of VAT, a decimal string (`"24.90"`).
    #[schemars(with = "String")]
    pub renewal_net: Money,
    /// Whether automatic renewal is already on.
    #[serde(default)]
    pub auto_renew: bool,
    /// The registered card renewals are charged to, if any.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub payment_method: Option<CardId>,
}

/// An order of a service (R1).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Order {
    /// Its id, unique in the world.
    #[schemars(with = "String")]
    pub id: OrderId,
    /// The service it is for.
    #[schemars(with = "String")]
    pub service: ServiceId,
    /// `purchase` or `renewal`.
    #[schemars(with = "String")]
    pub kind: OrderKind,
    /// Net amount of its lines, a decimal string; IVA is added on top (D10).
    #[schemars(with = "String")]
    pub net: Money,
    /// `Attesa pagamento`, `Pagato` or `Annullato`.
    #[schemars(with = "String")]
    pub state: OrderState,
}

/// A registered card. The customer area knows brand, last four, expiry and token; the number
/// is the bank's side of the fixture, never shown (D12).
#[derive(Clone, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Card {
    /// Its id in the customer area (`visa-4242`).
    #[schemars(with = "String")]
    pub id: CardId,
    /// The username it is registered to.
    #[schemars(with = "String")]
    pub owner: Username,
    /// `Visa`, `Mastercard`... as derived from the number.
    pub brand: String,
    /// The last four digits of the number.
    pub last4: String,
    /// `MM/YY`.
    pub expiry: String,
    /// The gateway token the customer area charges (`tok_visa4242`).
    pub token: String,
    /// The public test number (see the bank's test cards) the simulated bank charges.
    pub number: String,
}

impl std::fmt::Debug for Card {
    // D12: a card's number never reaches a log or a test failure message.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Card")
            .field("id", &self.id)
            .field("owner", &self.owner)
            .field("brand", &self.brand)
            .field("last4", &self.last4)
            .field("expiry", &self.expiry)
            .field("token", &self.token)
            .finish_non_exhaustive()
    }
}

/// Answers to one decision, in the order they are given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answers(pub Vec<String>);

impl<'de> Deserialize<'de> for Answers {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        scalar::answers(deserializer).map(Answers)
    }
}

impl World {
    /// Parses a world file and checks it against `catalog`: every problem is a located
    /// diagnostic with a hint.
    pub fn load(source: &Source, catalog: &Catalog) -> Result<World, Vec<Diagnostic>> {
        let world: World = crate::load::parse_yaml(source)?;
        let spans = spans::WorldSpans::parse(&source.text);
        let found = check::problems(&world, catalog);
        if found.is_empty() {
            Ok(world)
        } else {
            Err(found
                .into_iter()
                .map(|problem| problem.located(&source.name, &spans))
                .collect())
        }
    }

    /// Reads and loads the world file at `path` (unreadable, oversized, non-UTF-8 or empty
    /// files are refused like flow files).
    pub fn load_file(path: &std::path::Path, catalog: &Catalog) -> Result<World, Vec<Diagnostic>> {
        let source = crate::load::read_source(path).map_err(|diagnostic| vec![diagnostic])?;
        World::load(&source, catalog)
    }

    /// The world's default answers as scripted choices; `--choose` answers replace them with
    /// [`ScriptedChoices::set`] or add to them with [`ScriptedChoices::push`].
    pub fn scripted_choices(&self) -> ScriptedChoices {
        let mut choices = ScriptedChoices::default();
        for (name, Answers(answers)) in &self.choices {
            for answer in answers {
                choices.push(name.clone(), answer.clone());
            }
        }
        choices
    }

    /// The customer called `username`, if any.
    pub fn customer(&self, username: &Username) -> Option<&Customer> {
        self.customers.iter().find(|c| &c.username == username)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;

    fn catalog() -> Catalog {
        let text = include_str!("../../flows/catalog.yaml");
        serde_saphyr::from_str(text).expect("the shipped catalog parses")
    }

    fn load(text: &str) -> Result<World, Vec<Diagnostic>> {
        World::load(&Source::new("mondo.yaml", text), &catalog())
    }

    const SMALL: &str = "\
clock: 1795856400
customers:
  - username: mario.rossi
    email: mario@example.it
services:
  - id: pec-mario
    owner: mario.rossi
    product: pec
    name: mario@pec.it
    renewal_net: 24.90
orders:
  - id: o1
    service: pec-mario
    kind: renewal
    net: \"24.90\"
    state: Attesa pagamento
choices:
  otp: [111111, 123456]
  carta: visa
";

    #[test]
    fn a_small_world_loads_with_amounts_states_and_answers() {
        let world = load(SMALL).unwrap();
        assert_eq!(world.clock, 1_795_856_400);
        assert_eq!(world.id_seed, 1);
        assert_eq!(
            world.services[0].renewal_net,
            Money::parse("24.90").unwrap()
        );
        assert_eq!(world.orders[0].state, OrderState::AttesaPagamento);
        assert_eq!(world.orders[0].kind, OrderKind::Renewal);
        let mut choices = world.scripted_choices();
        use crate::adapter::Choices;
        assert_eq!(choices.answer("otp").as_deref(), Some("111111"));
        assert_eq!(choices.answer("otp").as_deref(), Some("123456"));
        assert_eq!(choices.answer("carta").as_deref(), Some("visa"));
    }

    #[test]
    fn the_clock_may_be_an_rfc3339_time() {
        let world = load("clock: \"2026-11-28T09:00:00Z\"\n").unwrap();
        assert_eq!(world.clock, 1_795_856_400);
        let errors = load("clock: \"ieri\"\n").unwrap_err();
        assert_eq!(errors[0].position.map(|p| p.line), Some(1));
        assert!(
            errors[0].message.contains("RFC 3339"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn an_unknown_product_points_at_it_with_a_did_you_mean() {
        let text = SMALL.replace("product: pec", "product: pecc");
        let errors = load(&text).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        let error = &errors[0];
        assert_eq!(error.code, Code::UnknownProduct);
        assert_eq!(error.file, "mondo.yaml");
        assert_eq!(error.position, Some(crate::source::Position::new(8, 14)));
        assert_eq!(error.hint.as_deref(), Some("did you mean `pec`?"));
        let shown = error.render(Some(&Source::new("mondo.yaml", text.as_str())));
        assert_eq!(
            shown,
            [
                "error[F007]: unknown product `pecc`",
                " --> mondo.yaml:8:14",
                "  |",
                "8 |     product: pecc",
                "  |              ^^^^",
                "  = hint: did you mean `pec`?",
                "",
            ]
            .join("\n")
        );
    }

    #[test]
    fn unknown_owner_and_service_references_are_located() {
        let text = SMALL
            .replace("owner: mario.rossi", "owner: mario.rosi")
            .replace("service: pec-mario", "service: pec-maria");
        let errors = load(&text).unwrap_err();
        let found: Vec<(Code, usize, Option<&str>)> = errors
            .iter()
            .map(|e| (e.code, e.position.map_or(0, |p| p.line), e.hint.as_deref()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    Code::UnknownReference,
                    7,
                    Some("did you mean `mario.rossi`?")
                ),
                (
                    Code::UnknownReference,
                    13,
                    Some("did you mean `pec-mario`?")
                ),
            ]
        );
    }

    #[test]
    fn malformed_yaml_and_unknown_keys_are_located() {
        let errors = load("customers:\n  - username: [mario\n").unwrap_err();
        assert_eq!(errors[0].code, Code::Syntax);
        assert!(errors[0].position.is_some());
        assert!(errors[0].hint.is_some());

        let errors =
            load("customers:\n  - username: mario\n    email: m@x.it\n    phone: 1\n").unwrap_err();
        assert_eq!(errors[0].code, Code::UnknownKey, "{:?}", errors[0]);
        assert_eq!(errors[0].position.map(|p| p.line), Some(4));

        let errors = load(&SMALL.replace("Attesa pagamento", "In attesa")).unwrap_err();
        assert_eq!(errors[0].code, Code::WrongType, "{:?}", errors[0]);
        assert_eq!(errors[0].position.map(|p| p.line), Some(16));

        let missing = World::load_file(
            std::path::Path::new("flows/worlds/nessuno.yaml"),
            &catalog(),
        );
        assert_eq!(missing.unwrap_err()[0].code, Code::Io);
    }

    #[test]
    fn a_card_must_agree_with_its_test_number_and_never_shows_it() {
        let text = format!(
            "{SMALL}cards:\n  - id: c1\n    owner: mario.rossi\n    brand: Mastercard\n    last4: \"4243\"\n    expiry: 12/30\n    token: t\n    number: 4242 4242 4242 4242\n"
        );
        let errors = load(&text).unwrap_err();
        let codes: Vec<(Code, &str)> = errors
            .iter()
            .map(|e| (e.code, e.message.as_str()))
            .collect();
        assert_eq!(codes.len(), 2, "{codes:?}");
        assert!(errors.iter().all(|e| e.code == Code::BadFixture));
        for error in &errors {
            assert!(!error.message.contains("4242 4242"), "{}", error.message);
        }
        let world = load(&text.replace("Mastercard", "Visa").replace("4243", "4242")).unwrap();
        assert!(!format!("{world:?}").contains("4242 4242"));
    }

    #[test]
    fn the_shipped_worlds_load() {
        for name in ["esempio", "nuova-carta"] {
            let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join(format!("flows/worlds/{name}.yaml"));
            let world = World::load_file(&path, &catalog());
            assert!(world.is_ok(), "{name}: {world:?}");
        }
    }
}
