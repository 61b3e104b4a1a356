//! When steps: the customer's answers to the flow's decisions, running a flow, and the repeats
//! of D7 (paying again, a replayed bank notification).

use super::params::{CardNumber, Expiry};
use crate::scenario::Acceptance;
use crate::{driver, table};
use cucumber::gherkin::Step;
use cucumber::when;

/// The security code typed with every new test card; only the bank's page sees it (D12).
const TEST_CVV: &str = "123";

/// Answers `accesso` (A1/B1): an Aruba username or a PEC address (R2).
#[when(expr = "the customer logs in as {string}")]
pub async fn logs_in(world: &mut Acceptance, login: String) {
    world.answer("accesso", login);
}

/// Answers `ordine` with the order and `servizio` with its service (Gestisci, Paga: A2-A3).
#[when(expr = "the customer pays order {string}")]
pub async fn pays_order(world: &mut Acceptance, order: String) {
    if let Some(service) = world.fixture.service_of(&order) {
        world.answer("servizio", service);
    }
    world.answer("ordine", order);
}

/// Answers `carta` with a registered card from the dropdown (A4, R4).
#[when(expr = "the customer pays with card {string}")]
pub async fn pays_with_card(world: &mut Acceptance, card: String) {
    world.answer("carta", card);
}

/// Nuova carta (B4), then the number, expiry and a security code typed on the bank's page (B7).
#[when(expr = "the customer pays with a new card {card_number} expiring {expiry}")]
pub async fn pays_with_new_card(world: &mut Acceptance, number: CardNumber, expiry: Expiry) {
    world.answer("carta", "nuova");
    world.answer("pagina_banca", "procedi");
    world.answer("numero_carta", number.0);
    world.answer("scadenza", expiry.0);
    world.answer("codice_sicurezza", TEST_CVV);
}

/// Adds an answer to `otp`: each OTP the bank asks for takes the next one (R8, D8).
#[when(expr = "the customer enters OTP {string}")]
pub async fn enters_otp(world: &mut Acceptance, otp: String) {
    world.answer_again("otp", otp);
}

/// Answers `massimale` with annulla instead of Autorizza e procedi (D4).
#[when(expr = "the customer refuses the cap")]
pub async fn refuses_cap(world: &mut Acceptance) {
    world.answer("massimale", "annulla");
}

/// Answers `massimale` with autorizza: Autorizza e procedi (R6).
#[when(expr = "the customer authorizes the cap")]
pub async fn authorizes_cap(world: &mut Acceptance) {
    world.answer("massimale", "autorizza");
}

/// Answers `pagina_banca` with abbandona: the customer leaves Banca Sella's page (D5).
#[when(expr = "the customer abandons the bank page")]
pub async fn abandons_bank_page(world: &mut Acceptance) {
    world.answer("pagina_banca", "abbandona");
}

/// Adds answers from a table NAME | VALUE, as `--choose NAME=VALUE` does.
#[when(expr = "the customer chooses:")]
pub async fn chooses(world: &mut Acceptance, step: &Step) {
    for (name, value) in table::pairs(step) {
        world.answer_again(&name, value);
    }
}

/// Runs the flow with that id (from `flows/`) against the simulator, with the answers given.
#[when(expr = "the customer runs the flow {string}")]
pub async fn runs_flow(world: &mut Acceptance, flow: String) {
    let answers = world.answers.clone();
    driver::run(world, &flow, answers).await;
}

/// Adds the answers of a table NAME | VALUE, then runs the flow.
#[when(expr = "the customer runs the flow {string} choosing:")]
pub async fn runs_flow_choosing(world: &mut Acceptance, flow: String, step: &Step) {
    chooses(world, step).await;
    runs_flow(world, flow).await;
}

/// Runs the flow once more in the same simulator, with the answers as they are now (D5).
#[when(expr = "the customer runs the flow {string} again")]
pub async fn runs_flow_again(world: &mut Acceptance, flow: String) {
    runs_flow(world, flow).await;
}

/// D7: the same flow with the same answers as the last run: a second Paga on the same order.
#[when(expr = "the customer pays the same order again")]
pub async fn pays_again(world: &mut Acceptance) {
    let last = world.last_run();
    let (flow, answers) = (last.flow.clone(), last.answers.clone());
    driver::run(world, &flow, answers).await;
}

/// D7: the bank's server-to-server notification of the last payment arrives once more.
#[when(expr = "the bank notification of the last payment is replayed")]
pub async fn replays_notification(world: &mut Acceptance) {
    driver::replay_notification(world).await;
}
