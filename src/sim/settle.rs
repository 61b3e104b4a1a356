//! Paying an order: the registered-card charge (R7, D8), the redirect to the bank (R8), and
//! settling an approved payment exactly once (R3, R10, D1, D5-D7, D9).

use super::bank::{Payment, Source};
use super::state::{CardRecord, Core, Settlement};
use crate::adapter::{BankStatus, Completion, OrderState, Redirect, Refusal, Session};
use crate::ids::{OrderId, PaymentId};

/// The bank the customer is redirected to (R8).
pub const BANK_NAME: &str = "Banca Sella";

impl Core {
    /// A registered-card payment, server to server (R7, D8). While an earlier request for the
    /// order is approved or waiting for its OTP, asking again returns it: one charge (D7).
    pub(super) fn charge_registered(
        &mut self,
        session: &Session,
        order: &OrderId,
    ) -> Result<(PaymentId, BankStatus), Refusal> {
        let record = self.payable_order(session, order)?;
        let amount = record.order.net.with_vat();
        let pending = self.bank.payments_of(order).find_map(|(id, payment)| {
            let live = matches!(payment.source, Source::Registered { .. })
                && matches!(
                    self.bank.status(id),
                    Some(BankStatus::Approved | BankStatus::ScaRequired)
                );
            live.then(|| id.clone())
        });
        if let Some(id) = pending {
            let status = self.bank.status(&id).unwrap_or(BankStatus::Pending);
            return Ok((id, status));
        }
        let card_id = self
            .checkouts
            .get(order)
            .and_then(|checkout| checkout.card.clone())
            .ok_or_else(|| {
                Refusal::Broken(format!(
                    "no registered card chosen for order `{order}` (area.choose_card first)"
                ))
            })?;
        let card = self.card(&card_id).ok_or(Refusal::NotFound)?;
        if card.owner != session.username {
            return Err(Refusal::Forbidden);
        }
        let source = Source::Registered {
            card: card_id,
            token: card.token.clone(),
        };
        let id = self.open_payment(order, &session.username, amount, source);
        let status = self.confirm_payment(&id)?;
        Ok((id, status))
    }

    /// R8: a payment session on the bank's hosted page for the order's total.
    pub(super) fn redirect(
        &mut self,
        session: &Session,
        order: &OrderId,
    ) -> Result<Redirect, Refusal> {
        let amount = self.payable_order(session, order)?.order.net.with_vat();
        let source = Source::Hosted { entered: None };
        let payment = self.open_payment(order, &session.username, amount, source);
        Ok(Redirect {
            payment,
            bank: BANK_NAME.to_owned(),
            amount,
        })
    }

    /// The payment, if the session may see its order (D11).
    pub(super) fn payment_of_session(
        &self,
        session: &Session,
        payment: &PaymentId,
    ) -> Result<&Payment, Refusal> {
        let found = self.bank.payment(payment).ok_or(Refusal::NotFound)?;
        self.visible_order(session, &found.order)?;
        Ok(found)
    }

    /// Settles an approved payment: the order becomes Pagato, auto-renewal goes on where the
    /// catalog allows it (R3, R10, D1), the card becomes the renewal method and a new card is
    /// registered (D6). A second settlement of the order changes nothing and says so (D7);
    /// an unapproved payment changes nothing (D5).
    pub(super) fn settle(&mut self, payment: &PaymentId) -> Result<Option<Completion>, Refusal> {
        let found = self.bank.payment(payment).ok_or(Refusal::NotFound)?.clone();
        let record = self.order(&found.order).ok_or(Refusal::NotFound)?;
        if let Some(settled) = record.settled.clone() {
            return self
                .completion(&found.order, &settled, false, false)
                .map(Some);
        }
        if self.bank.status(payment) != Some(BankStatus::Approved)
            || record.order.state != OrderState::AttesaPagamento
        {
            return Ok(None);
        }
        let service_id = record.order.service.clone();
        let card = match &found.source {
            Source::Registered { card, .. } => card.clone(),
            Source::Hosted {
                entered: Some(entered),
            } => {
                let token = format!("tok_{}", entered.card);
                self.bank.register_entered(payment, &token);
                self.cards.push(CardRecord {
                    id: entered.card.clone(),
                    owner: found.owner.clone(),
                    brand: entered.brand.clone(),
                    last4: entered.last4.clone(),
                    expiry: entered.expiry.clone(),
                    token,
                });
                entered.card.clone()
            }
            Source::Hosted { entered: None } => return Ok(None),
        };
        let cap = self.checkouts.get(&found.order).and_then(|c| c.cap);
        let settlement = Settlement {
            payment: payment.clone(),
            card: card.clone(),
            cap,
        };
        let auto_renew_product = self
            .service(&service_id)
            .and_then(|s| self.catalog.product(&s.product))
            .is_some_and(|product| product.auto_renew);
        let service = self.service_mut(&service_id).ok_or(Refusal::NotFound)?;
        service.payment_method = Some(card);
        let switched_on = auto_renew_product && !service.auto_renew;
        if auto_renew_product {
            service.auto_renew = true;
        }
        if let Some(record) = self.order_mut(&found.order) {
            record.order.state = OrderState::Pagato;
            record.settled = Some(settlement.clone());
        }
        self.completion(&found.order, &settlement, switched_on, true)
            .map(Some)
    }

    fn completion(
        &self,
        order: &OrderId,
        settled: &Settlement,
        switched_on: bool,
        charged: bool,
    ) -> Result<Completion, Refusal> {
        let record = self.order(order).ok_or(Refusal::NotFound)?;
        let service = self
            .service(&record.order.service)
            .ok_or(Refusal::NotFound)?;
        let card = self.card(&settled.card).ok_or(Refusal::NotFound)?;
        Ok(Completion {
            order: self.order_view(&record.order),
            service: self.service_view(service),
            card: Core::card_view(card),
            auto_renew_switched_on: switched_on,
            cap: settled.cap,
            charged,
        })
    }
}
