//! The engine's only window on the world: one trait per system, one method per capability.
//!
//! The simulator ([`crate::sim`]) implements them all; an HTTP client against a real customer
//! area can implement the same traits without touching the engine or the flows.

mod bank;
mod choices;
mod clock;
mod customer_area;
mod mailer;
mod refusal;
mod view;

pub use bank::{Bank, BankStatus, CardEntry};
pub use choices::{Choices, ScriptedChoices};
pub use clock::{Clock, Timestamp};
pub use customer_area::CustomerArea;
pub use mailer::{Email, Mailer};
pub use refusal::Refusal;
pub use view::{
    CardView, Completion, OrderKind, OrderState, OrderView, PaymentPage, Redirect, ServicePage,
    ServiceView, Session, Summary,
};

/// The adapters of one run, chosen at run time (`--target`).
pub trait Target {
    /// The customer area.
    type Area: CustomerArea;
    /// The bank's hosted payment page.
    type Bank: Bank;
    /// Where the customer's emails arrive.
    type Mailer: Mailer;
    /// Time and ids.
    type Clock: Clock;

    /// The customer area, the bank, the mailer and the clock, borrowed together.
    fn parts(
        &mut self,
    ) -> (
        &mut Self::Area,
        &mut Self::Bank,
        &mut Self::Mailer,
        &mut Self::Clock,
    );
}
