//! Italian Given steps (`Dato`): the same world setup as `setup.rs`.

use crate::scenario::Acceptance;
use cucumber::gherkin::Step;
use cucumber::given;

/// I clienti da una tabella: username, email, pec logins.
#[given(expr = "i clienti:")]
async fn clienti(world: &mut Acceptance, step: &Step) {
    super::setup::customers(world, step).await;
}

/// I servizi da una tabella: id, owner, product, renewal price, auto-renewal.
#[given(expr = "i servizi:")]
async fn servizi(world: &mut Acceptance, step: &Step) {
    super::setup::services(world, step).await;
}

/// Gli ordini da una tabella: id, service, kind, amount, state.
#[given(expr = "gli ordini:")]
async fn ordini(world: &mut Acceptance, step: &Step) {
    super::setup::orders(world, step).await;
}

/// Le carte registrate da una tabella: id, owner, brand, last4, expiry, test number.
#[given(expr = "le carte registrate:")]
async fn carte(world: &mut Acceptance, step: &Step) {
    super::setup::cards(world, step).await;
}

/// Parte dal mondo `flows/worlds/<nome>.yaml`.
#[given(expr = "il mondo {string}")]
async fn mondo(world: &mut Acceptance, name: String) {
    super::setup::world_file(world, name).await;
}
