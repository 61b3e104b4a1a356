//! The customer area: one method per thing the customer does there.

use super::BankStatus;
use super::{
    Completion, PaymentPage, Redirect, Refusal, ServicePage, ServiceView, Session, Summary,
};
use crate::ids::{CardId, OrderId, PaymentId, ServiceId};
use crate::money::Money;

/// A customer area (Area Clienti). Every method but `login` acts for a [`Session`] and
/// refuses what its username does not own with [`Refusal::Forbidden`] (D11).
// Runs are single-threaded: the futures need not be Send.
#[allow(async_fn_in_trait)]
pub trait CustomerArea {
    /// `area.login`: authenticates with an Aruba username or a PEC address (R2).
    async fn login(&mut self, login: &str) -> Result<Session, Refusal>;
    /// `area.services`: the main page's services (R2: after a PEC login, only that PEC).
    async fn services(&mut self, session: &Session) -> Result<Vec<ServiceView>, Refusal>;
    /// `area.manage`: Gestisci on a service.
    async fn manage(
        &mut self,
        session: &Session,
        service: &ServiceId,
    ) -> Result<ServicePage, Refusal>;
    /// `area.pec_renewal`: the renewal section of the PEC a PEC-address login opened (R2).
    async fn pec_renewal(&mut self, session: &Session) -> Result<ServicePage, Refusal>;
    /// `area.pay`: Paga on an order in Attesa pagamento (R1, D7).
    async fn pay(&mut self, session: &Session, order: &OrderId) -> Result<PaymentPage, Refusal>;
    /// `area.choose_card`: Carta di credito with a registered card, Prosegui (R4).
    async fn choose_card(
        &mut self,
        session: &Session,
        order: &OrderId,
        card: &CardId,
    ) -> Result<Summary, Refusal>;
    /// `area.choose_new_card`: Carta di credito with Nuova carta (or the first card), Prosegui (R4).
    async fn choose_new_card(
        &mut self,
        session: &Session,
        order: &OrderId,
    ) -> Result<Summary, Refusal>;
    /// `area.confirm_summary`: Prosegui on Riepilogo ordine (R5); returns the summary with its cap (D3).
    async fn confirm_summary(
        &mut self,
        session: &Session,
        order: &OrderId,
    ) -> Result<Summary, Refusal>;
    /// `area.authorize_cap`: Autorizza e procedi (R6); returns the amount authorized.
    async fn authorize_cap(&mut self, session: &Session, order: &OrderId)
    -> Result<Money, Refusal>;
    /// `area.charge`: pays with the chosen registered card, server to server (R7, D8).
    /// Asking twice for one order never charges twice (D7).
    async fn charge(
        &mut self,
        session: &Session,
        order: &OrderId,
    ) -> Result<(PaymentId, BankStatus), Refusal>;
    /// `area.redirect`: opens a payment session on the bank's page (R8).
    async fn redirect(&mut self, session: &Session, order: &OrderId) -> Result<Redirect, Refusal>;
    /// `area.complete`: the return page; settles the payment with the bank, once (D5-D7).
    /// `Ok(None)` when the bank did not approve it: nothing changed.
    async fn complete(
        &mut self,
        session: &Session,
        payment: &PaymentId,
    ) -> Result<Option<Completion>, Refusal>;
    /// The bank's server-to-server notification for a payment; idempotent like `complete` (D7).
    async fn notify(&mut self, payment: &PaymentId) -> Result<Option<Completion>, Refusal>;
}
