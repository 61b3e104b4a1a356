//! The reference simulator: a customer area, a bank, a mailbox and a clock built from a
//! [`World`], implementing every adapter trait, plus an inspection API for tests.
//!
//! The parts share one state (the bank must see the area's orders and the area the bank's
//! payments); each trait method does its work synchronously under that state's lock.

mod area;
mod bank;
pub mod cards;
mod clock;
mod mailer;
mod settle;
mod state;

pub use area::SimArea;
pub use bank::SimBank;
pub use clock::SimClock;
pub use mailer::SimMailer;
pub use settle::BANK_NAME;

use crate::adapter::{CardView, Email, Mailer, OrderView, ServiceView, Target};
use crate::catalog::Catalog;
use crate::ids::{OrderId, PaymentId, ServiceId, Username};
use crate::money::Money;
use crate::world::World;
use state::{Core, Shared};

/// The built-in target: every adapter, simulated.
#[derive(Debug)]
pub struct Simulator {
    area: SimArea,
    bank: SimBank,
    mailer: SimMailer,
    clock: SimClock,
}

impl Simulator {
    /// A simulator in the state `world` describes, its products as `catalog` defines them.
    /// The world should have passed [`crate::world::problems`]; references it cannot resolve
    /// are refused as `not_found` at run time.
    pub fn new(world: &World, catalog: &Catalog) -> Simulator {
        let shared = Shared::new(Core::new(world, catalog));
        Simulator {
            area: SimArea(shared.clone()),
            bank: SimBank(shared.clone()),
            mailer: SimMailer::default(),
            clock: SimClock(shared),
        }
    }

    fn core(&self) -> std::sync::MutexGuard<'_, Core> {
        self.area.0.lock()
    }

    /// The order `id` as the customer area would show it now.
    pub fn order(&self, id: &OrderId) -> Option<OrderView> {
        let core = self.core();
        core.order(id).map(|record| core.order_view(&record.order))
    }

    /// The service `id` as the customer area would show it now.
    pub fn service(&self, id: &ServiceId) -> Option<ServiceView> {
        let core = self.core();
        core.service(id).map(|service| core.service_view(service))
    }

    /// The cards registered to `username`, in registration order (brand, last four, expiry).
    pub fn cards_of(&self, username: &Username) -> Vec<CardView> {
        self.core().cards_of(username)
    }

    /// How many charges the bank took for order `id` (D7: never more than one).
    pub fn charges(&self, id: &OrderId) -> usize {
        let core = self.core();
        core.bank
            .charges()
            .iter()
            .filter(|c| &c.order == id)
            .count()
    }

    /// How many charges the bank took in all.
    pub fn total_charges(&self) -> usize {
        self.core().bank.charges().len()
    }

    /// The amount charged for order `id`, if it was charged.
    pub fn charged_amount(&self, id: &OrderId) -> Option<Money> {
        let core = self.core();
        core.bank
            .charges()
            .iter()
            .find(|c| &c.order == id)
            .map(|c| c.amount)
    }

    /// The payment that settled order `id`, once it is paid through the simulator.
    pub fn settled_by(&self, id: &OrderId) -> Option<PaymentId> {
        let core = self.core();
        core.order(id)
            .and_then(|record| record.settled.as_ref())
            .map(|settled| settled.payment.clone())
    }

    /// The maximum withdrawable amount `username` authorized (R6), if any.
    pub fn cap_of(&self, username: &Username) -> Option<Money> {
        self.core().caps.get(username).copied()
    }

    /// Every email delivered, oldest first.
    pub fn emails(&self) -> &[Email] {
        self.mailer.delivered()
    }
}

impl Target for Simulator {
    type Area = SimArea;
    type Bank = SimBank;
    type Mailer = SimMailer;
    type Clock = SimClock;

    fn parts(&mut self) -> (&mut SimArea, &mut SimBank, &mut SimMailer, &mut SimClock) {
        (
            &mut self.area,
            &mut self.bank,
            &mut self.mailer,
            &mut self.clock,
        )
    }
}
