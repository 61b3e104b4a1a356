//! Italian When steps (`Quando`): the customer's answers and runs, as in `choices.rs`.

use super::params::{CardNumber, Expiry};
use crate::scenario::Acceptance;
use cucumber::when;

/// Risponde `accesso` con uno username Aruba.
#[when(expr = "il cliente accede come {string}")]
async fn accede(world: &mut Acceptance, login: String) {
    super::choices::logs_in(world, login).await;
}

/// Risponde `accesso` con un indirizzo PEC (R2).
#[when(expr = "il cliente accede con l'indirizzo PEC {string}")]
async fn accede_pec(world: &mut Acceptance, login: String) {
    super::choices::logs_in(world, login).await;
}

/// Risponde `ordine` e `servizio`: Gestisci e Paga sull'ordine.
#[when(expr = "il cliente paga l'ordine {string}")]
async fn paga_ordine(world: &mut Acceptance, order: String) {
    super::choices::pays_order(world, order).await;
}

/// Risponde `carta` con una carta registrata del menu a tendina.
#[when(expr = "il cliente sceglie la carta {string}")]
async fn sceglie_carta(world: &mut Acceptance, card: String) {
    super::choices::pays_with_card(world, card).await;
}

/// Nuova carta, poi numero, scadenza e codice di sicurezza sulla pagina della banca.
#[when(expr = "il cliente paga con una nuova carta {card_number} con scadenza {expiry}")]
async fn nuova_carta(world: &mut Acceptance, number: CardNumber, expiry: Expiry) {
    super::choices::pays_with_new_card(world, number, expiry).await;
}

/// Aggiunge una risposta a `otp`.
#[when(expr = "il cliente inserisce il codice OTP {string}")]
async fn inserisce_otp(world: &mut Acceptance, otp: String) {
    super::choices::enters_otp(world, otp).await;
}

/// Annulla invece di Autorizza e procedi (D4).
#[when(expr = "il cliente rifiuta il massimale")]
async fn rifiuta_massimale(world: &mut Acceptance) {
    super::choices::refuses_cap(world).await;
}

/// Abbandona la pagina di Banca Sella (D5).
#[when(expr = "il cliente abbandona la pagina della banca")]
async fn abbandona(world: &mut Acceptance) {
    super::choices::abandons_bank_page(world).await;
}

/// Esegue il flusso con le risposte date.
#[when(expr = "il cliente esegue il flusso {string}")]
async fn esegue(world: &mut Acceptance, flow: String) {
    super::choices::runs_flow(world, flow).await;
}
