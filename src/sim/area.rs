//! The simulated customer area: login, services, Paga, the card choice, the order summary and
//! the cap (R1, R2, R4-R6, D2, D3, D11). Paying itself is in [`super::settle`].

use super::state::{Checkout, Core, Shared};
use crate::adapter::{
    BankStatus, Completion, CustomerArea, PaymentPage, Redirect, Refusal, ServicePage, ServiceView,
    Session, Summary,
};
use crate::ids::{CardId, OrderId, PaymentId, ServiceId};
use crate::money::Money;

impl Core {
    /// R2: an Aruba username, or a PEC address that opens only its own PEC.
    fn login(&self, login: &str) -> Result<Session, Refusal> {
        let login = login.trim();
        if let Some(customer) = self.customers.iter().find(|c| c.username.as_str() == login) {
            return Ok(Session {
                username: customer.username.clone(),
                email: customer.email.clone(),
                pec_login: false,
                pec: None,
            });
        }
        self.customers
            .iter()
            .find_map(|customer| {
                let pec = customer
                    .pec_logins
                    .iter()
                    .find(|pec| pec.address.eq_ignore_ascii_case(login))?;
                // The account's contact address gets the emails, whichever login was used.
                Some(Session {
                    username: customer.username.clone(),
                    email: customer.email.clone(),
                    pec_login: true,
                    pec: Some(pec.address.clone()),
                })
            })
            .ok_or(Refusal::UnknownCustomer)
    }

    fn services_of(&self, session: &Session) -> Result<Vec<ServiceView>, Refusal> {
        self.check_session(session)?;
        Ok(self
            .services
            .iter()
            .filter(|s| self.visible_service(session, &s.id).is_ok())
            .map(|s| self.service_view(s))
            .collect())
    }

    fn pec_renewal(&self, session: &Session) -> Result<ServicePage, Refusal> {
        self.check_session(session)?;
        let id = self.pec_service(session).ok_or(Refusal::NotFound)?;
        let service = self.visible_service(session, id)?;
        Ok(self.service_page(service))
    }

    fn payment_page(&self, session: &Session, order: &OrderId) -> Result<PaymentPage, Refusal> {
        let record = self.payable_order(session, order)?;
        Ok(PaymentPage {
            order: self.order_view(&record.order),
            cards: self.cards_of(&session.username),
        })
    }

    /// R4: a registered card of the session's username, or (none) a new card.
    fn choose(
        &mut self,
        session: &Session,
        order: &OrderId,
        card: Option<&CardId>,
    ) -> Result<Summary, Refusal> {
        self.payable_order(session, order)?;
        if let Some(card) = card {
            let record = self.card(card).ok_or(Refusal::NotFound)?;
            if record.owner != session.username {
                return Err(Refusal::Forbidden);
            }
        }
        let checkout = Checkout {
            card: card.cloned(),
            cap: None,
        };
        self.checkouts.insert(order.clone(), checkout);
        self.summary(session, order)
    }

    /// Riepilogo ordine with what D2 and D3 need: the username's auto-renewing services and the
    /// highest renewal price, VAT included, among them and the service being paid.
    pub(super) fn summary(&self, session: &Session, order: &OrderId) -> Result<Summary, Refusal> {
        let record = self.visible_order(session, order)?;
        let paying = &record.order.service;
        let auto_renewing: Vec<ServiceId> = self
            .services
            .iter()
            .filter(|s| s.owner == session.username && s.auto_renew)
            .map(|s| s.id.clone())
            .collect();
        let cap_amount = self
            .services
            .iter()
            .filter(|s| auto_renewing.contains(&s.id) || &s.id == paying)
            .map(|s| s.renewal_net.with_vat())
            .max()
            .unwrap_or(Money::ZERO);
        let card = self
            .checkouts
            .get(order)
            .and_then(|checkout| checkout.card.as_ref())
            .and_then(|id| self.card(id))
            .map(Core::card_view);
        Ok(Summary {
            order: self.order_view(&record.order),
            card,
            auto_renewing,
            cap_amount,
        })
    }

    /// R6, D3: Autorizza e procedi records the cap for the username; it charges nothing.
    fn authorize_cap(&mut self, session: &Session, order: &OrderId) -> Result<Money, Refusal> {
        self.payable_order(session, order)?;
        let amount = self.summary(session, order)?.cap_amount;
        self.caps.insert(session.username.clone(), amount);
        self.checkouts.entry(order.clone()).or_default().cap = Some(amount);
        Ok(amount)
    }
}

/// The [`CustomerArea`] part of a [`super::Simulator`].
#[derive(Debug)]
pub struct SimArea(pub(super) Shared);

impl CustomerArea for SimArea {
    async fn login(&mut self, login: &str) -> Result<Session, Refusal> {
        self.0.lock().login(login)
    }

    async fn services(&mut self, session: &Session) -> Result<Vec<ServiceView>, Refusal> {
        self.0.lock().services_of(session)
    }

    async fn manage(
        &mut self,
        session: &Session,
        service: &ServiceId,
    ) -> Result<ServicePage, Refusal> {
        let core = self.0.lock();
        let service = core.visible_service(session, service)?;
        Ok(core.service_page(service))
    }

    async fn pec_renewal(&mut self, session: &Session) -> Result<ServicePage, Refusal> {
        self.0.lock().pec_renewal(session)
    }

    async fn pay(&mut self, session: &Session, order: &OrderId) -> Result<PaymentPage, Refusal> {
        self.0.lock().payment_page(session, order)
    }

    async fn choose_card(
        &mut self,
        session: &Session,
        order: &OrderId,
        card: &CardId,
    ) -> Result<Summary, Refusal> {
        self.0.lock().choose(session, order, Some(card))
    }

    async fn choose_new_card(
        &mut self,
        session: &Session,
        order: &OrderId,
    ) -> Result<Summary, Refusal> {
        self.0.lock().choose(session, order, None)
    }

    async fn confirm_summary(
        &mut self,
        session: &Session,
        order: &OrderId,
    ) -> Result<Summary, Refusal> {
        self.0.lock().summary(session, order)
    }

    async fn authorize_cap(
        &mut self,
        session: &Session,
        order: &OrderId,
    ) -> Result<Money, Refusal> {
        self.0.lock().authorize_cap(session, order)
    }

    async fn charge(
        &mut self,
        session: &Session,
        order: &OrderId,
    ) -> Result<(PaymentId, BankStatus), Refusal> {
        self.0.lock().charge_registered(session, order)
    }

    async fn redirect(&mut self, session: &Session, order: &OrderId) -> Result<Redirect, Refusal> {
        self.0.lock().redirect(session, order)
    }

    async fn complete(
        &mut self,
        session: &Session,
        payment: &PaymentId,
    ) -> Result<Option<Completion>, Refusal> {
        let mut core = self.0.lock();
        core.payment_of_session(session, payment)?;
        core.settle(payment)
    }

    async fn notify(&mut self, payment: &PaymentId) -> Result<Option<Completion>, Refusal> {
        self.0.lock().settle(payment)
    }
}
