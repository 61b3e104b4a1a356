//! Test data for the email tests: a run's variables built from the adapter's own types.

use crate::adapter::{
    CardView, Clock, Completion, OrderKind, OrderState, OrderView, ServiceView, Timestamp,
};
use crate::catalog::Catalog;
use crate::money::Money;
use minijinja::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The project's own `flows/emails/`.
pub fn emails_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("flows/emails")
}

/// The project's own catalog.
pub fn catalog() -> Catalog {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("flows/catalog.yaml");
    let text = std::fs::read_to_string(path).expect("flows/catalog.yaml is shipped");
    serde_saphyr::from_str(&text).expect("flows/catalog.yaml parses")
}

fn money(text: &str) -> Money {
    Money::parse(text).expect("a test amount")
}

/// A renewal of a PEC box, net `1234.56`, paid with a Visa ending 4242, with `cap` authorized.
pub fn completion(cap: Option<&str>) -> Completion {
    let net = money("1234.56");
    Completion {
        order: OrderView {
            id: "ORD-1001".into(),
            service: "pec-mario".into(),
            product: "pec".into(),
            kind: OrderKind::Renewal,
            state: OrderState::Pagato,
            net,
            vat: net.vat(),
            total: net.with_vat(),
        },
        service: ServiceView {
            id: "pec-mario".into(),
            product: "pec".into(),
            name: "mario.rossi@pec.it".to_owned(),
            renewal_net: money("24.90"),
            renewal_total: money("24.90").with_vat(),
            auto_renew: true,
            payment_method: Some("card-1".into()),
        },
        card: CardView {
            id: "card-1".into(),
            brand: "Visa".to_owned(),
            last4: "4242".to_owned(),
            expiry: "12/30".to_owned(),
        },
        auto_renew_switched_on: true,
        cap: cap.map(money),
        charged: true,
    }
}

/// The variables the engine passes when the email steps run: `esito` and the global `catalog`.
pub fn context(completion: &Completion) -> Value {
    let mut variables = BTreeMap::new();
    variables.insert("esito", Value::from_serialize(completion));
    variables.insert("catalog", Value::from_serialize(catalog()));
    Value::from(variables)
}

/// A clock that stands still at a fixed second and counts ids from 1.
pub struct FixedClock {
    pub now: Timestamp,
    pub last_id: u64,
}

impl FixedClock {
    /// 2026-11-28 10:15:30 UTC, a Saturday.
    pub fn new() -> FixedClock {
        FixedClock {
            now: Timestamp(1_795_860_930),
            last_id: 0,
        }
    }
}

impl Clock for FixedClock {
    fn now(&mut self) -> Timestamp {
        self.now
    }

    fn next_id(&mut self) -> u64 {
        self.last_id += 1;
        self.last_id
    }
}
