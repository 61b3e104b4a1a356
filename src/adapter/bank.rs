//! The bank's hosted payment page (Banca Sella in the guide): card entry, summary, SCA, status.

use super::Refusal;
use crate::ids::PaymentId;
use serde::Serialize;

/// Card data typed on the bank's page. Only the bank ever sees them (D12).
#[derive(Clone, PartialEq, Eq)]
pub struct CardEntry {
    /// The card number, digits with optional spaces.
    pub number: String,
    /// `MM/YY`.
    pub expiry: String,
    /// The security code.
    pub cvv: String,
}

impl std::fmt::Debug for CardEntry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let digits: String = self.number.chars().filter(char::is_ascii_digit).collect();
        let last4 = &digits[digits.len().saturating_sub(4)..];
        write!(f, "CardEntry(•••• {last4}, {})", self.expiry)
    }
}

/// Where a payment stands at the bank; `name()` is the outcome a flow routes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BankStatus {
    /// Charged.
    Approved,
    /// Waiting for strong customer authentication.
    ScaRequired,
    /// A wrong OTP; more attempts are left.
    Retry,
    /// Declined by the issuer.
    Declined,
    /// Declined: insufficient funds.
    InsufficientFunds,
    /// Declined: the card has expired.
    ExpiredCard,
    /// Three wrong OTPs.
    ScaFailed,
    /// The customer left the page.
    Abandoned,
    /// No answer in time: unknown until the status query.
    Timeout,
    /// The status query found nothing was charged.
    NotCharged,
    /// Card entered, waiting for Invio dati.
    Pending,
}

impl BankStatus {
    /// The outcome name a flow routes.
    pub fn name(self) -> &'static str {
        match self {
            BankStatus::Approved => "approved",
            BankStatus::ScaRequired => "sca_required",
            BankStatus::Retry => "retry",
            BankStatus::Declined => "declined",
            BankStatus::InsufficientFunds => "insufficient_funds",
            BankStatus::ExpiredCard => "expired_card",
            BankStatus::ScaFailed => "sca_failed",
            BankStatus::Abandoned => "abandoned",
            BankStatus::Timeout => "bank_timeout",
            BankStatus::NotCharged => "not_charged",
            BankStatus::Pending => "pending",
        }
    }
}

/// The bank's hosted payment page, one method per page action (R8).
// Runs are single-threaded: the futures need not be Send.
#[allow(async_fn_in_trait)]
pub trait Bank {
    /// `bank.enter_card`: card data, Procedi. Returns brand, last four, expiry for the summary.
    async fn enter_card(
        &mut self,
        payment: &PaymentId,
        card: &CardEntry,
    ) -> Result<super::CardView, Refusal>;
    /// `bank.confirm`: Invio dati on the summary page.
    async fn confirm(&mut self, payment: &PaymentId) -> Result<BankStatus, Refusal>;
    /// `bank.authenticate`: one OTP of the strong authentication; returns the attempts left too.
    async fn authenticate(
        &mut self,
        payment: &PaymentId,
        otp: &str,
    ) -> Result<(BankStatus, u8), Refusal>;
    /// `bank.abandon`: the customer leaves the page.
    async fn abandon(&mut self, payment: &PaymentId) -> Result<BankStatus, Refusal>;
    /// `bank.status`: the status query after a timeout (D5).
    async fn status(&mut self, payment: &PaymentId) -> Result<BankStatus, Refusal>;
}
