//! What the customer sees: the data adapters return, serialisable for flow expressions.
//!
//! Cards appear only as brand, last four digits and expiry (D12). Amounts are decimal
//! strings (`"12.20"`), never floats (D10).

use crate::ids::{CardId, OrderId, PaymentId, ProductId, ServiceId, Username};
use crate::money::Money;
use serde::Serialize;

/// An authenticated customer (R2).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Session {
    /// The username every request acts for (D11).
    pub username: Username,
    /// Where the customer's emails go.
    pub email: String,
    /// True when the login was a PEC address: only that PEC is visible (R2).
    pub pec_login: bool,
    /// The PEC address used to log in, if any.
    pub pec: Option<String>,
}

/// A service as the main page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ServiceView {
    /// Its id.
    pub id: ServiceId,
    /// Its product in the catalog.
    pub product: ProductId,
    /// What the customer reads (`mario@pec.it`, `SPID Mario Rossi`).
    pub name: String,
    /// Renewal price, net of VAT.
    pub renewal_net: Money,
    /// Renewal price, VAT included.
    pub renewal_total: Money,
    /// Whether automatic renewal is on.
    pub auto_renew: bool,
    /// The card renewals are charged to, if any.
    pub payment_method: Option<CardId>,
}

/// Purchase or renewal (R1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderKind {
    /// A first purchase.
    Purchase,
    /// A renewal.
    Renewal,
}

/// An order's state, as the customer area shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub enum OrderState {
    /// Waiting for payment: the only state that shows Paga (R1).
    #[serde(rename = "Attesa pagamento")]
    AttesaPagamento,
    /// Paid.
    #[serde(rename = "Pagato")]
    Pagato,
    /// Cancelled: cannot be paid.
    #[serde(rename = "Annullato")]
    Annullato,
}

impl OrderState {
    /// The label the customer area shows.
    pub fn label(self) -> &'static str {
        match self {
            OrderState::AttesaPagamento => "Attesa pagamento",
            OrderState::Pagato => "Pagato",
            OrderState::Annullato => "Annullato",
        }
    }
}

/// An order as listed under its service.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OrderView {
    /// Its id.
    pub id: OrderId,
    /// The service it is for.
    pub service: ServiceId,
    /// The service's product.
    pub product: ProductId,
    /// Purchase or renewal.
    pub kind: OrderKind,
    /// Its state.
    pub state: OrderState,
    /// Net total of its lines.
    pub net: Money,
    /// IVA on the net total (D10).
    pub vat: Money,
    /// Net plus IVA.
    pub total: Money,
}

/// A registered card: never its number nor its security code (D6, D12).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CardView {
    /// Its id in the customer area.
    pub id: CardId,
    /// `Visa`, `Mastercard`...
    pub brand: String,
    /// Last four digits.
    pub last4: String,
    /// `MM/YY`.
    pub expiry: String,
}

/// Gestisci: a service with its orders.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ServicePage {
    /// The service.
    pub service: ServiceView,
    /// Its orders, oldest first.
    pub orders: Vec<OrderView>,
}

/// Paga: the payment page of an order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PaymentPage {
    /// The order being paid.
    pub order: OrderView,
    /// The dropdown of registered cards (R4).
    pub cards: Vec<CardView>,
}

/// Riepilogo ordine (R5), and after it the cap the next page asks for when D2 applies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// The order.
    pub order: OrderView,
    /// The chosen registered card; none for a new card.
    pub card: Option<CardView>,
    /// The username's services with automatic renewal active (for D2).
    pub auto_renewing: Vec<ServiceId>,
    /// D3: highest renewal price with VAT among auto-renewing services and this one.
    pub cap_amount: Money,
}

/// The redirect to the bank's page (R8).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Redirect {
    /// The payment session on the bank's page.
    pub payment: PaymentId,
    /// The bank's name as shown (`Banca Sella`).
    pub bank: String,
    /// The amount the bank will charge.
    pub amount: Money,
}

/// The settled payment, back in the customer area.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Completion {
    /// The order, now Pagato.
    pub order: OrderView,
    /// The service it paid.
    pub service: ServiceView,
    /// The card charged.
    pub card: CardView,
    /// True when this payment turned auto-renewal from off to on (D9).
    pub auto_renew_switched_on: bool,
    /// The cap authorized in this procedure, if any (R6).
    pub cap: Option<Money>,
    /// False when the payment had already been settled: nothing was charged again (D7).
    pub charged: bool,
}
