//! Where the customer's emails go, and what was delivered.

use serde::Serialize;

/// A delivered email: the RFC 5322 message and the fields checks read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Email {
    /// The template it came from (`conferma-pagamento`).
    pub template: String,
    /// The recipient address.
    pub to: String,
    /// The subject line.
    pub subject: String,
    /// The plain-text body.
    pub body: String,
    /// The whole message, headers and MIME body, as sent.
    pub message: String,
}

/// A mailbox: emails sent during a run, in order.
// Runs are single-threaded: the futures need not be Send.
#[allow(async_fn_in_trait)]
pub trait Mailer {
    /// Delivers a rendered email.
    async fn send(&mut self, email: Email);
    /// Every email delivered so far, oldest first.
    fn delivered(&self) -> &[Email];
}
