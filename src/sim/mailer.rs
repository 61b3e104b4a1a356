//! The simulated mailbox: every email delivered during a run, in order.

use crate::adapter::{Email, Mailer};

/// The [`Mailer`] part of a [`super::Simulator`].
#[derive(Clone, Debug, Default)]
pub struct SimMailer {
    delivered: Vec<Email>,
}

impl Mailer for SimMailer {
    async fn send(&mut self, email: Email) {
        self.delivered.push(email);
    }

    fn delivered(&self) -> &[Email] {
        &self.delivered
    }
}
