//! A target that passes every call to another one and remembers what the checks need but the
//! trace only summarises: the summaries shown (the cap asked, D3) and the payments opened (D7).

use flowspec::adapter::{
    Bank, BankStatus, CardEntry, CardView, Clock, Completion, CustomerArea, Email, Mailer,
    PaymentPage, Redirect, Refusal, ServicePage, ServiceView, Session, Summary, Target, Timestamp,
};
use flowspec::ids::{CardId, OrderId, PaymentId, ServiceId};
use flowspec::money::Money;

/// What the customer area showed during one run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Observed {
    /// Every Riepilogo ordine confirmed (R5), with the cap the next page would ask (D3).
    pub summaries: Vec<Summary>,
    /// Every cap authorized with Autorizza e procedi (R6).
    pub caps_authorized: Vec<Money>,
    /// Every payment opened, by a charge (A) or a redirect to the bank (B), in order.
    pub payments: Vec<PaymentId>,
}

/// `inner`'s adapters, watched.
pub struct Recording<'t, T: Target> {
    area: Area<'t, T::Area>,
    bank: Pass<'t, T::Bank>,
    mailer: Pass<'t, T::Mailer>,
    clock: Pass<'t, T::Clock>,
}

impl<'t, T: Target> Recording<'t, T> {
    /// Watches `inner` for one run.
    pub fn new(inner: &'t mut T) -> Recording<'t, T> {
        let (area, bank, mailer, clock) = inner.parts();
        Recording {
            area: Area {
                inner: area,
                observed: Observed::default(),
            },
            bank: Pass(bank),
            mailer: Pass(mailer),
            clock: Pass(clock),
        }
    }

    /// What was observed.
    pub fn observed(self) -> Observed {
        self.area.observed
    }
}

impl<'t, T: Target> Target for Recording<'t, T> {
    type Area = Area<'t, T::Area>;
    type Bank = Pass<'t, T::Bank>;
    type Mailer = Pass<'t, T::Mailer>;
    type Clock = Pass<'t, T::Clock>;

    fn parts(
        &mut self,
    ) -> (
        &mut Self::Area,
        &mut Self::Bank,
        &mut Self::Mailer,
        &mut Self::Clock,
    ) {
        (
            &mut self.area,
            &mut self.bank,
            &mut self.mailer,
            &mut self.clock,
        )
    }
}

/// A customer area that records what [`Observed`] lists.
pub struct Area<'t, A> {
    inner: &'t mut A,
    observed: Observed,
}

/// An adapter passed through untouched.
pub struct Pass<'t, X>(&'t mut X);

impl<A: CustomerArea> CustomerArea for Area<'_, A> {
    async fn login(&mut self, login: &str) -> Result<Session, Refusal> {
        self.inner.login(login).await
    }

    async fn services(&mut self, session: &Session) -> Result<Vec<ServiceView>, Refusal> {
        self.inner.services(session).await
    }

    async fn manage(
        &mut self,
        session: &Session,
        service: &ServiceId,
    ) -> Result<ServicePage, Refusal> {
        self.inner.manage(session, service).await
    }

    async fn pec_renewal(&mut self, session: &Session) -> Result<ServicePage, Refusal> {
        self.inner.pec_renewal(session).await
    }

    async fn pay(&mut self, session: &Session, order: &OrderId) -> Result<PaymentPage, Refusal> {
        self.inner.pay(session, order).await
    }

    async fn choose_card(
        &mut self,
        session: &Session,
        order: &OrderId,
        card: &CardId,
    ) -> Result<Summary, Refusal> {
        self.inner.choose_card(session, order, card).await
    }

    async fn choose_new_card(
        &mut self,
        session: &Session,
        order: &OrderId,
    ) -> Result<Summary, Refusal> {
        self.inner.choose_new_card(session, order).await
    }

    async fn confirm_summary(
        &mut self,
        session: &Session,
        order: &OrderId,
    ) -> Result<Summary, Refusal> {
        let reply = self.inner.confirm_summary(session, order).await;
        if let Ok(summary) = &reply {
            self.observed.summaries.push(summary.clone());
        }
        reply
    }

    async fn authorize_cap(
        &mut self,
        session: &Session,
        order: &OrderId,
    ) -> Result<Money, Refusal> {
        let reply = self.inner.authorize_cap(session, order).await;
        if let Ok(amount) = &reply {
            self.observed.caps_authorized.push(*amount);
        }
        reply
    }

    async fn charge(
        &mut self,
        session: &Session,
        order: &OrderId,
    ) -> Result<(PaymentId, BankStatus), Refusal> {
        let reply = self.inner.charge(session, order).await;
        if let Ok((payment, _)) = &reply {
            self.observed.payments.push(payment.clone());
        }
        reply
    }

    async fn redirect(&mut self, session: &Session, order: &OrderId) -> Result<Redirect, Refusal> {
        let reply = self.inner.redirect(session, order).await;
        if let Ok(redirect) = &reply {
            self.observed.payments.push(redirect.payment.clone());
        }
        reply
    }

    async fn complete(
        &mut self,
        session: &Session,
        payment: &PaymentId,
    ) -> Result<Option<Completion>, Refusal> {
        self.inner.complete(session, payment).await
    }

    async fn notify(&mut self, payment: &PaymentId) -> Result<Option<Completion>, Refusal> {
        self.inner.notify(payment).await
    }
}

impl<B: Bank> Bank for Pass<'_, B> {
    async fn enter_card(
        &mut self,
        payment: &PaymentId,
        card: &CardEntry,
    ) -> Result<CardView, Refusal> {
        self.0.enter_card(payment, card).await
    }

    async fn confirm(&mut self, payment: &PaymentId) -> Result<BankStatus, Refusal> {
        self.0.confirm(payment).await
    }

    async fn authenticate(
        &mut self,
        payment: &PaymentId,
        otp: &str,
    ) -> Result<(BankStatus, u8), Refusal> {
        self.0.authenticate(payment, otp).await
    }

    async fn abandon(&mut self, payment: &PaymentId) -> Result<BankStatus, Refusal> {
        self.0.abandon(payment).await
    }

    async fn status(&mut self, payment: &PaymentId) -> Result<BankStatus, Refusal> {
        self.0.status(payment).await
    }
}

impl<M: Mailer> Mailer for Pass<'_, M> {
    async fn send(&mut self, email: Email) {
        self.0.send(email).await;
    }

    fn delivered(&self) -> &[Email] {
        self.0.delivered()
    }
}

impl<C: Clock> Clock for Pass<'_, C> {
    fn now(&mut self) -> Timestamp {
        self.0.now()
    }

    fn next_id(&mut self) -> u64 {
        self.0.next_id()
    }
}
