//! The simulated world as it changes during a run: records, what a session may see (R2, D11),
//! and the views the customer area returns.

use super::bank::BankState;
use super::clock::ClockState;
use crate::adapter::{CardView, OrderState, OrderView, Refusal, ServicePage, ServiceView, Session};
use crate::catalog::Catalog;
use crate::ids::{CardId, OrderId, PaymentId, ServiceId, Username};
use crate::money::Money;
use crate::world::{Customer, Order, Service, World};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

/// The state every adapter part of one simulator shares.
#[derive(Clone, Debug)]
pub(super) struct Shared(Arc<Mutex<Core>>);

impl Shared {
    pub fn new(core: Core) -> Shared {
        Shared(Arc::new(Mutex::new(core)))
    }

    /// The state; a panic elsewhere cannot poison a single-threaded run's data.
    pub fn lock(&self) -> MutexGuard<'_, Core> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Customer area, bank and clock state of one run.
#[derive(Debug)]
pub(super) struct Core {
    pub catalog: Catalog,
    pub customers: Vec<Customer>,
    /// In the world's order, which is the order the main page lists them.
    pub services: Vec<Service>,
    pub orders: Vec<OrderRecord>,
    pub cards: Vec<CardRecord>,
    /// The maximum withdrawable amount each username authorized (R6).
    pub caps: BTreeMap<Username, Money>,
    /// The payment procedure under way for each order, from the card choice on.
    pub checkouts: BTreeMap<OrderId, Checkout>,
    pub bank: BankState,
    pub clock: ClockState,
}

/// An order and, once paid, how.
#[derive(Clone, Debug)]
pub(super) struct OrderRecord {
    pub order: Order,
    pub settled: Option<Settlement>,
}

/// How an order was paid: the first settlement is the only one (D7).
#[derive(Clone, Debug)]
pub(super) struct Settlement {
    pub payment: PaymentId,
    pub card: CardId,
    pub cap: Option<Money>,
}

/// A registered card as the customer area keeps it: never the number (D6, D12).
#[derive(Clone, Debug)]
pub(super) struct CardRecord {
    pub id: CardId,
    pub owner: Username,
    pub brand: String,
    pub last4: String,
    pub expiry: String,
    pub token: String,
}

/// The choices made so far while paying an order (R4, R6).
#[derive(Clone, Debug, Default)]
pub(super) struct Checkout {
    /// The registered card chosen; none for a new card.
    pub card: Option<CardId>,
    /// The cap authorized in this procedure.
    pub cap: Option<Money>,
}

impl Core {
    pub fn new(world: &World, catalog: &Catalog) -> Core {
        let mut bank = BankState::default();
        let cards = world
            .cards
            .iter()
            .map(|card| {
                // The number stays on the bank's side, under the token (D8, D12).
                bank.vault(&card.token, &card.number);
                CardRecord {
                    id: card.id.clone(),
                    owner: card.owner.clone(),
                    brand: card.brand.clone(),
                    last4: card.last4.clone(),
                    expiry: card.expiry.clone(),
                    token: card.token.clone(),
                }
            })
            .collect();
        Core {
            catalog: catalog.clone(),
            customers: world.customers.clone(),
            services: world.services.clone(),
            orders: world
                .orders
                .iter()
                .map(|order| OrderRecord {
                    order: order.clone(),
                    settled: None,
                })
                .collect(),
            cards,
            caps: BTreeMap::new(),
            checkouts: BTreeMap::new(),
            bank,
            clock: ClockState::new(world.clock, world.id_seed),
        }
    }

    pub fn customer(&self, username: &Username) -> Option<&Customer> {
        self.customers.iter().find(|c| &c.username == username)
    }

    pub fn service(&self, id: &ServiceId) -> Option<&Service> {
        self.services.iter().find(|s| &s.id == id)
    }

    pub fn service_mut(&mut self, id: &ServiceId) -> Option<&mut Service> {
        self.services.iter_mut().find(|s| &s.id == id)
    }

    pub fn order(&self, id: &OrderId) -> Option<&OrderRecord> {
        self.orders.iter().find(|o| &o.order.id == id)
    }

    pub fn order_mut(&mut self, id: &OrderId) -> Option<&mut OrderRecord> {
        self.orders.iter_mut().find(|o| &o.order.id == id)
    }

    pub fn card(&self, id: &CardId) -> Option<&CardRecord> {
        self.cards.iter().find(|c| &c.id == id)
    }

    /// The PEC service a PEC-address login opens (R2).
    pub fn pec_service(&self, session: &Session) -> Option<&ServiceId> {
        let address = session.pec.as_deref()?;
        self.customer(&session.username)?
            .pec_logins
            .iter()
            .find(|login| login.address.eq_ignore_ascii_case(address))
            .map(|login| &login.service)
    }

    /// A session must name a customer, and a PEC login one of its PEC addresses.
    pub fn check_session(&self, session: &Session) -> Result<(), Refusal> {
        let known = self.customer(&session.username).is_some()
            && (!session.pec_login || self.pec_service(session).is_some());
        if known {
            Ok(())
        } else {
            Err(Refusal::Forbidden)
        }
    }

    /// A service the session may see: its username's, and after a PEC login only that PEC
    /// (R2, D11). Unknown ids are `NotFound`, others' `Forbidden`.
    pub fn visible_service(&self, session: &Session, id: &ServiceId) -> Result<&Service, Refusal> {
        self.check_session(session)?;
        let service = self.service(id).ok_or(Refusal::NotFound)?;
        if service.owner != session.username {
            return Err(Refusal::Forbidden);
        }
        if session.pec_login && self.pec_service(session) != Some(&service.id) {
            return Err(Refusal::Forbidden);
        }
        Ok(service)
    }

    /// An order the session may see (D11).
    pub fn visible_order(&self, session: &Session, id: &OrderId) -> Result<&OrderRecord, Refusal> {
        let record = self.order(id).ok_or(Refusal::NotFound)?;
        self.visible_service(session, &record.order.service)?;
        Ok(record)
    }

    /// An order the session may pay: visible and in Attesa pagamento (R1, D7).
    pub fn payable_order(&self, session: &Session, id: &OrderId) -> Result<&OrderRecord, Refusal> {
        let record = self.visible_order(session, id)?;
        if record.order.state == OrderState::AttesaPagamento {
            Ok(record)
        } else {
            Err(Refusal::NotPayable)
        }
    }

    pub fn service_view(&self, service: &Service) -> ServiceView {
        ServiceView {
            id: service.id.clone(),
            product: service.product.clone(),
            name: service.name.clone(),
            renewal_net: service.renewal_net,
            renewal_total: service.renewal_net.with_vat(),
            auto_renew: service.auto_renew,
            payment_method: service.payment_method.clone(),
        }
    }

    /// An order with its IVA and total (D10).
    pub fn order_view(&self, order: &Order) -> OrderView {
        let product = self
            .service(&order.service)
            .map(|s| s.product.clone())
            .unwrap_or_else(|| "".into());
        OrderView {
            id: order.id.clone(),
            service: order.service.clone(),
            product,
            kind: order.kind,
            state: order.state,
            net: order.net,
            vat: order.net.vat(),
            total: order.net.with_vat(),
        }
    }

    pub fn card_view(card: &CardRecord) -> CardView {
        CardView {
            id: card.id.clone(),
            brand: card.brand.clone(),
            last4: card.last4.clone(),
            expiry: card.expiry.clone(),
        }
    }

    pub fn cards_of(&self, username: &Username) -> Vec<CardView> {
        self.cards
            .iter()
            .filter(|c| &c.owner == username)
            .map(Core::card_view)
            .collect()
    }

    pub fn service_page(&self, service: &Service) -> ServicePage {
        ServicePage {
            service: self.service_view(service),
            orders: self
                .orders
                .iter()
                .filter(|o| o.order.service == service.id)
                .map(|o| self.order_view(&o.order))
                .collect(),
        }
    }
}
