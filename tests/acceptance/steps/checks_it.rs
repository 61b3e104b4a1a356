//! Italian Then steps (`Allora`): the checks of `checks.rs` and `emails.rs`.

use crate::scenario::Acceptance;
use cucumber::then;

/// L'esito della procedura (`paid`, `declined`...).
#[then(expr = "l'esito è {string}")]
async fn esito(world: &mut Acceptance, expected: String) {
    super::checks::outcome(world, expected).await;
}

/// Lo stato dell'ordine (`Attesa pagamento`, `Pagato`, `Annullato`).
#[then(expr = "l'ordine {string} è in stato {string}")]
async fn stato(world: &mut Acceptance, order: String, expected: String) {
    super::checks::order_state(world, order, expected).await;
}

/// Il rinnovo automatico del servizio è attivo.
#[then(expr = "il servizio {string} si rinnova automaticamente")]
async fn si_rinnova(world: &mut Acceptance, service: String) {
    super::checks::renews(world, service).await;
}

/// Il rinnovo automatico del servizio non è attivo.
#[then(expr = "il servizio {string} non si rinnova automaticamente")]
async fn non_si_rinnova(world: &mut Acceptance, service: String) {
    super::checks::does_not_renew(world, service).await;
}

/// Il metodo di rinnovo è la carta con quelle ultime quattro cifre (D6).
#[then(expr = "il servizio {string} si rinnova con la carta che termina con {string}")]
async fn carta_rinnovo(world: &mut Acceptance, service: String, last4: String) {
    super::checks::renews_with_card(world, service, last4).await;
}

/// Il numero di carte registrate allo username.
#[then(expr = "il cliente {string} ha {int} carte registrate")]
async fn carte(world: &mut Acceptance, username: String, expected: usize) {
    super::checks::card_count(world, username, expected).await;
}

/// Il numero di addebiti della banca nello scenario (D7).
#[then(expr = "la banca ha addebitato {int} volta/volte")]
async fn addebiti(world: &mut Acceptance, expected: usize) {
    super::checks::charges(world, expected).await;
}

/// L'importo massimo prelevabile richiesto, IVA inclusa (D3).
#[then(expr = "il massimale richiesto è {string}")]
async fn massimale(world: &mut Acceptance, expected: String) {
    super::checks::cap_amount(world, expected).await;
}

/// Il numero di email ricevute nello scenario.
#[then(expr = "il cliente ha ricevuto {int} email")]
async fn email_ricevute(world: &mut Acceptance, expected: usize) {
    super::emails::count(world, expected).await;
}

/// L'ultima email di quel modello è andata a quell'indirizzo.
#[then(expr = "l'email {string} è stata inviata a {string}")]
async fn email_inviata(world: &mut Acceptance, template: String, to: String) {
    super::emails::sent_to(world, template, to).await;
}
