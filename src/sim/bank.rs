//! The simulated bank (Banca Sella's hosted page and its server-to-server API): payment
//! sessions, card entry, strong authentication, and the ledger of charges (R8, D5, D7, D8).
//!
//! Card numbers live only here, behind [`Secret`], and never leave (D12).

use super::cards::{self, Behaviour, Expiry};
use super::state::{Core, Shared};
use crate::adapter::{Bank, BankStatus, CardEntry, CardView, Refusal};
use crate::ids::{CardId, OrderId, PaymentId, Username};
use crate::money::Money;
use crate::world::calendar;
use std::collections::BTreeMap;
use std::fmt;

/// A card number: its digits are never printed, not even by `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub(super) struct Secret(String);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "•••• {}", cards::last4(&self.0))
    }
}

/// The bank's books.
#[derive(Debug, Default)]
pub(super) struct BankState {
    /// Registered cards' numbers by gateway token.
    vault: BTreeMap<String, Secret>,
    payments: BTreeMap<PaymentId, Payment>,
    /// Every charge taken, oldest first.
    charges: Vec<Charge>,
}

/// A charge taken on a card.
#[derive(Clone, Debug)]
pub(super) struct Charge {
    pub order: OrderId,
    pub amount: Money,
}

/// One payment session.
#[derive(Clone, Debug)]
pub(super) struct Payment {
    pub order: OrderId,
    pub owner: Username,
    pub amount: Money,
    pub source: Source,
    pub stage: Stage,
    pub otp_left: u8,
}

/// What pays: a registered card (server to server, D8) or a card typed on the hosted page (R8).
#[derive(Clone, Debug)]
pub(super) enum Source {
    Registered { card: CardId, token: String },
    Hosted { entered: Option<Entered> },
}

/// A card typed on the hosted page, and the id it will have once registered (D6).
#[derive(Clone, Debug)]
pub(super) struct Entered {
    pub number: Secret,
    pub card: CardId,
    pub brand: String,
    pub last4: String,
    pub expiry: String,
}

/// Where a payment session stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Stage {
    /// The hosted page waits for card data.
    AwaitingCard,
    /// Card entered, waiting for Invio dati.
    AwaitingConfirm,
    /// Waiting for the OTP.
    AwaitingOtp,
    /// Settled at the bank, one way or the other.
    Final(BankStatus),
}

impl BankState {
    /// Keeps a registered card's number under its token.
    pub fn vault(&mut self, token: &str, number: &str) {
        self.vault
            .insert(token.to_owned(), Secret(cards::digits(number)));
    }

    pub fn payment(&self, id: &PaymentId) -> Option<&Payment> {
        self.payments.get(id)
    }

    /// Payments of one order, oldest first.
    pub fn payments_of<'a>(
        &'a self,
        order: &'a OrderId,
    ) -> impl Iterator<Item = (&'a PaymentId, &'a Payment)> {
        self.payments.iter().filter(move |(_, p)| &p.order == order)
    }

    pub fn charges(&self) -> &[Charge] {
        &self.charges
    }

    /// The status a payment reports; a timeout is found, on query, not to have charged (D5).
    pub fn status(&self, id: &PaymentId) -> Option<BankStatus> {
        self.payments.get(id).map(|payment| match payment.stage {
            Stage::AwaitingCard | Stage::AwaitingConfirm => BankStatus::Pending,
            Stage::AwaitingOtp => BankStatus::ScaRequired,
            Stage::Final(BankStatus::Timeout) => BankStatus::NotCharged,
            Stage::Final(status) => status,
        })
    }

    /// Moves a hosted card into the vault under `token`, now that it is registered (D6).
    pub fn register_entered(&mut self, id: &PaymentId, token: &str) {
        let number = match self.payments.get(id).map(|p| &p.source) {
            Some(Source::Hosted {
                entered: Some(entered),
            }) => entered.number.clone(),
            _ => return,
        };
        self.vault.insert(token.to_owned(), number);
    }
}

impl Core {
    /// Opens a payment session for `order`.
    pub(super) fn open_payment(
        &mut self,
        order: &OrderId,
        owner: &Username,
        amount: Money,
        source: Source,
    ) -> PaymentId {
        let id = PaymentId(format!("pay-{}", self.clock.next_id()));
        let stage = match source {
            Source::Registered { .. } => Stage::AwaitingConfirm,
            Source::Hosted { .. } => Stage::AwaitingCard,
        };
        let payment = Payment {
            order: order.clone(),
            owner: owner.clone(),
            amount,
            source,
            stage,
            otp_left: cards::OTP_ATTEMPTS,
        };
        self.bank.payments.insert(id.clone(), payment);
        id
    }

    fn payment_mut(&mut self, id: &PaymentId) -> Result<&mut Payment, Refusal> {
        self.bank.payments.get_mut(id).ok_or(Refusal::NotFound)
    }

    /// Procedi on the hosted page: the number must pass Luhn, the expiry must not be past (R8).
    pub(super) fn enter_card(
        &mut self,
        id: &PaymentId,
        card: &CardEntry,
    ) -> Result<CardView, Refusal> {
        let (year, month) = calendar::year_month(self.clock.peek());
        let payment = self.bank.payments.get(id).ok_or(Refusal::NotFound)?;
        match (&payment.source, payment.stage) {
            (Source::Hosted { .. }, Stage::AwaitingCard | Stage::AwaitingConfirm) => {}
            _ => return Err(closed(id)),
        }
        let cvv_ok = (3..=4).contains(&card.cvv.trim().len())
            && card.cvv.trim().chars().all(|c| c.is_ascii_digit());
        if !cards::luhn_valid(&card.number) || !cvv_ok {
            return Err(Refusal::InvalidNumber);
        }
        // A malformed expiry is refused like a past one: the card cannot be used.
        let expiry = Expiry::parse(&card.expiry).ok_or(Refusal::ExpiredAtEntry)?;
        if !expiry.valid_in(year, month) {
            return Err(Refusal::ExpiredAtEntry);
        }
        let digits = cards::digits(&card.number);
        let card_id = CardId(format!("carta-{}", self.clock.next_id()));
        let entered = Entered {
            brand: cards::brand(&digits).to_owned(),
            last4: cards::last4(&digits).to_owned(),
            expiry: card.expiry.trim().to_owned(),
            number: Secret(digits),
            card: card_id.clone(),
        };
        let view = CardView {
            id: card_id,
            brand: entered.brand.clone(),
            last4: entered.last4.clone(),
            expiry: entered.expiry.clone(),
        };
        let payment = self.payment_mut(id)?;
        payment.source = Source::Hosted {
            entered: Some(entered),
        };
        payment.stage = Stage::AwaitingConfirm;
        Ok(view)
    }

    /// Invio dati (R8) or a registered card's server-to-server request (D8): the test-card
    /// table decides. Asking again returns the same answer and never charges twice (D7).
    pub(super) fn confirm_payment(&mut self, id: &PaymentId) -> Result<BankStatus, Refusal> {
        let (year, month) = calendar::year_month(self.clock.peek());
        let payment = self.bank.payments.get(id).ok_or(Refusal::NotFound)?;
        match payment.stage {
            Stage::Final(status) => return Ok(status),
            Stage::AwaitingOtp => return Ok(BankStatus::ScaRequired),
            Stage::AwaitingCard => return Err(Refusal::InvalidNumber),
            Stage::AwaitingConfirm => {}
        }
        let (digits, expiry) = match &payment.source {
            Source::Hosted {
                entered: Some(entered),
            } => (entered.number.0.clone(), entered.expiry.clone()),
            Source::Hosted { entered: None } => return Err(Refusal::InvalidNumber),
            Source::Registered { token, card } => {
                let number = self.bank.vault.get(token).ok_or_else(|| {
                    Refusal::Broken(format!("the bank knows no card for `{card}`"))
                })?;
                let expiry = self
                    .card(card)
                    .map(|c| c.expiry.clone())
                    .unwrap_or_default();
                (number.0.clone(), expiry)
            }
        };
        // A registered card may have expired since it was saved.
        let lapsed = Expiry::parse(&expiry).is_some_and(|e| !e.valid_in(year, month));
        let behaviour = if lapsed {
            Behaviour::ExpiredCard
        } else {
            cards::behaviour(&digits)
        };
        let status = match behaviour {
            Behaviour::Approve => {
                self.take_charge(id);
                BankStatus::Approved
            }
            Behaviour::ChallengeThenApprove => {
                self.payment_mut(id)?.stage = Stage::AwaitingOtp;
                return Ok(BankStatus::ScaRequired);
            }
            Behaviour::Decline => BankStatus::Declined,
            Behaviour::InsufficientFunds => BankStatus::InsufficientFunds,
            Behaviour::ExpiredCard => BankStatus::ExpiredCard,
            Behaviour::Timeout => BankStatus::Timeout,
        };
        self.payment_mut(id)?.stage = Stage::Final(status);
        Ok(status)
    }

    /// One OTP: `123456` approves, three wrong ones fail the attempt (R8, D5).
    pub(super) fn authenticate(
        &mut self,
        id: &PaymentId,
        otp: &str,
    ) -> Result<(BankStatus, u8), Refusal> {
        let payment = self.payment_mut(id)?;
        match payment.stage {
            Stage::AwaitingOtp => {}
            Stage::Final(status) => return Ok((status, payment.otp_left)),
            _ => {
                return Err(Refusal::Broken(format!(
                    "payment `{id}` is not waiting for strong authentication"
                )));
            }
        }
        if otp.trim() == cards::GOOD_OTP {
            payment.stage = Stage::Final(BankStatus::Approved);
            let left = payment.otp_left;
            self.take_charge(id);
            return Ok((BankStatus::Approved, left));
        }
        payment.otp_left = payment.otp_left.saturating_sub(1);
        if payment.otp_left == 0 {
            payment.stage = Stage::Final(BankStatus::ScaFailed);
            Ok((BankStatus::ScaFailed, 0))
        } else {
            Ok((BankStatus::Retry, payment.otp_left))
        }
    }

    /// The customer leaves the hosted page: an unsettled payment ends abandoned (D5).
    pub(super) fn abandon(&mut self, id: &PaymentId) -> Result<BankStatus, Refusal> {
        let payment = self.payment_mut(id)?;
        match payment.stage {
            Stage::Final(status) => Ok(status),
            _ => {
                payment.stage = Stage::Final(BankStatus::Abandoned);
                Ok(BankStatus::Abandoned)
            }
        }
    }

    /// Charges the payment's amount, unless its order was charged already: the bank dedupes on
    /// the merchant's order reference, so a second tab never charges twice (D7).
    fn take_charge(&mut self, id: &PaymentId) {
        let Some(payment) = self.bank.payments.get(id) else {
            return;
        };
        if self.bank.charges.iter().any(|c| c.order == payment.order) {
            return;
        }
        let charge = Charge {
            order: payment.order.clone(),
            amount: payment.amount,
        };
        self.bank.charges.push(charge);
    }
}

fn closed(id: &PaymentId) -> Refusal {
    Refusal::Broken(format!("payment `{id}` no longer takes card data"))
}

/// The [`Bank`] part of a [`super::Simulator`].
#[derive(Debug)]
pub struct SimBank(pub(super) Shared);

impl Bank for SimBank {
    async fn enter_card(
        &mut self,
        payment: &PaymentId,
        card: &CardEntry,
    ) -> Result<CardView, Refusal> {
        self.0.lock().enter_card(payment, card)
    }

    async fn confirm(&mut self, payment: &PaymentId) -> Result<BankStatus, Refusal> {
        let mut core = self.0.lock();
        match core.bank.payment(payment).map(|p| &p.source) {
            Some(Source::Hosted { .. }) => core.confirm_payment(payment),
            Some(Source::Registered { .. }) => Err(Refusal::Broken(format!(
                "payment `{payment}` is a registered-card payment, not a hosted page"
            ))),
            None => Err(Refusal::NotFound),
        }
    }

    async fn authenticate(
        &mut self,
        payment: &PaymentId,
        otp: &str,
    ) -> Result<(BankStatus, u8), Refusal> {
        self.0.lock().authenticate(payment, otp)
    }

    async fn abandon(&mut self, payment: &PaymentId) -> Result<BankStatus, Refusal> {
        self.0.lock().abandon(payment)
    }

    async fn status(&mut self, payment: &PaymentId) -> Result<BankStatus, Refusal> {
        self.0.lock().bank.status(payment).ok_or(Refusal::NotFound)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_shows_only_its_last_four_digits() {
        let secret = Secret(cards::digits("4000 0027 6000 3184"));
        assert_eq!(format!("{secret:?}"), "•••• 3184");
    }

    #[test]
    fn a_timeout_reads_as_not_charged_and_an_open_page_as_pending() {
        let mut bank = BankState::default();
        let payment = |stage| Payment {
            order: OrderId::from("o1"),
            owner: Username::from("u"),
            amount: Money::ZERO,
            source: Source::Hosted { entered: None },
            stage,
            otp_left: cards::OTP_ATTEMPTS,
        };
        bank.payments.insert(
            PaymentId::from("p1"),
            payment(Stage::Final(BankStatus::Timeout)),
        );
        bank.payments
            .insert(PaymentId::from("p2"), payment(Stage::AwaitingCard));
        assert_eq!(
            bank.status(&PaymentId::from("p1")),
            Some(BankStatus::NotCharged)
        );
        assert_eq!(
            bank.status(&PaymentId::from("p2")),
            Some(BankStatus::Pending)
        );
        assert_eq!(bank.status(&PaymentId::from("p3")), None);
    }
}
