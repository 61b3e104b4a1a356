//! A tiny deterministic customer area and bank for engine tests: one customer, one PEC service,
//! one order in Attesa pagamento, one registered card; the bank follows the test cards of
//! rules.md (4242… approved, 4000 0027 6000 3184 asks an OTP, `123456` authenticates).

use flowspec::adapter::{
    Bank, BankStatus, CardEntry, CardView, Clock, Completion, CustomerArea, Email, Mailer,
    OrderKind, OrderState, OrderView, PaymentPage, Redirect, Refusal, ServicePage, ServiceView,
    Session, Summary, Target, Timestamp,
};
use flowspec::ids::{CardId, OrderId, PaymentId, ProductId, ServiceId, Username};
use flowspec::money::Money;
use std::cell::RefCell;
use std::rc::Rc;

/// The customer's contact address: every email goes there.
pub const EMAIL: &str = "mario.rossi@example.it";

/// What the area and the bank share: where the order and its payment stand.
#[derive(Debug, Default)]
struct Ledger {
    paid: bool,
    approved: bool,
    /// The registered card (or the card entered) asks for strong authentication.
    sca: bool,
    otp_failures: u8,
    entered: Option<CardView>,
    /// `area.pay` breaks, as an unreachable database would.
    broken: bool,
}

type Shared = Rc<RefCell<Ledger>>;

/// The fake customer area.
pub struct FakeArea(Shared);
/// The fake bank page.
pub struct FakeBank(Shared);
/// A mailbox.
#[derive(Default)]
pub struct FakeMailer(Vec<Email>);
/// A clock that starts at a fixed instant and counts ids from one.
pub struct FakeClock(i64, u64);

/// The four adapters together.
pub struct FakeTarget {
    area: FakeArea,
    bank: FakeBank,
    mailer: FakeMailer,
    clock: FakeClock,
}

impl FakeTarget {
    /// A fresh world: the order is unpaid, the registered card needs no OTP.
    pub fn new() -> FakeTarget {
        let ledger = Shared::default();
        FakeTarget {
            area: FakeArea(Rc::clone(&ledger)),
            bank: FakeBank(ledger),
            mailer: FakeMailer::default(),
            clock: FakeClock(1_790_000_000, 0),
        }
    }

    /// The registered card asks for strong authentication (D8).
    pub fn with_sca(self) -> FakeTarget {
        self.area.0.borrow_mut().sca = true;
        self
    }

    /// `area.pay` fails as a broken adapter.
    pub fn broken(self) -> FakeTarget {
        self.area.0.borrow_mut().broken = true;
        self
    }

    /// The emails delivered.
    pub fn delivered(&self) -> &[Email] {
        self.mailer.delivered()
    }

    /// True once the order is paid.
    pub fn paid(&self) -> bool {
        self.area.0.borrow().paid
    }
}

impl Target for FakeTarget {
    type Area = FakeArea;
    type Bank = FakeBank;
    type Mailer = FakeMailer;
    type Clock = FakeClock;

    fn parts(
        &mut self,
    ) -> (
        &mut FakeArea,
        &mut FakeBank,
        &mut FakeMailer,
        &mut FakeClock,
    ) {
        (
            &mut self.area,
            &mut self.bank,
            &mut self.mailer,
            &mut self.clock,
        )
    }
}

fn money(text: &str) -> Money {
    Money::parse(text).unwrap_or_default()
}

fn service() -> ServiceView {
    ServiceView {
        id: ServiceId::from("pec-mario"),
        product: ProductId::from("pec"),
        name: "mario.rossi@pec.it".into(),
        renewal_net: money("24.90"),
        renewal_total: money("30.38"),
        auto_renew: false,
        payment_method: None,
    }
}

fn order(paid: bool) -> OrderView {
    OrderView {
        id: OrderId::from("ord-1"),
        service: ServiceId::from("pec-mario"),
        product: ProductId::from("pec"),
        kind: OrderKind::Renewal,
        state: if paid {
            OrderState::Pagato
        } else {
            OrderState::AttesaPagamento
        },
        net: money("24.90"),
        vat: money("5.48"),
        total: money("30.38"),
    }
}

fn registered_card() -> CardView {
    CardView {
        id: CardId::from("card-1"),
        brand: "Visa".into(),
        last4: "4242".into(),
        expiry: "12/30".into(),
    }
}

fn summary(card: Option<CardView>) -> Summary {
    Summary {
        order: order(false),
        card,
        auto_renewing: Vec::new(),
        cap_amount: money("30.38"),
    }
}

fn luhn(digits: &[u32]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            if i % 2 == 1 {
                (d * 2) % 9 + u32::from(*d == 9) * 9
            } else {
                *d
            }
        })
        .sum();
    !digits.is_empty() && sum.is_multiple_of(10)
}

impl CustomerArea for FakeArea {
    async fn login(&mut self, login: &str) -> Result<Session, Refusal> {
        match login {
            "mario" => Ok(Session {
                username: Username::from("mario"),
                pec_login: false,
                pec: None,
                email: EMAIL.into(),
            }),
            _ => Err(Refusal::UnknownCustomer),
        }
    }

    async fn services(&mut self, _: &Session) -> Result<Vec<ServiceView>, Refusal> {
        Ok(vec![service()])
    }

    async fn manage(&mut self, _: &Session, id: &ServiceId) -> Result<ServicePage, Refusal> {
        match id.as_str() {
            "pec-mario" => Ok(ServicePage {
                service: service(),
                orders: vec![order(self.0.borrow().paid)],
            }),
            "pec-altrui" => Err(Refusal::Forbidden),
            _ => Err(Refusal::NotFound),
        }
    }

    async fn pec_renewal(&mut self, _: &Session) -> Result<ServicePage, Refusal> {
        Err(Refusal::NotFound)
    }

    async fn pay(&mut self, _: &Session, id: &OrderId) -> Result<PaymentPage, Refusal> {
        let ledger = self.0.borrow();
        if ledger.broken {
            return Err(Refusal::Broken(
                "the orders database does not answer".into(),
            ));
        }
        match id.as_str() {
            "ord-1" if ledger.paid => Err(Refusal::NotPayable),
            "ord-1" => Ok(PaymentPage {
                order: order(false),
                cards: vec![registered_card()],
            }),
            _ => Err(Refusal::NotFound),
        }
    }

    async fn choose_card(
        &mut self,
        _: &Session,
        _: &OrderId,
        card: &CardId,
    ) -> Result<Summary, Refusal> {
        match card.as_str() {
            "card-1" => Ok(summary(Some(registered_card()))),
            _ => Err(Refusal::NotFound),
        }
    }

    async fn choose_new_card(&mut self, _: &Session, _: &OrderId) -> Result<Summary, Refusal> {
        Ok(summary(None))
    }

    async fn confirm_summary(&mut self, _: &Session, _: &OrderId) -> Result<Summary, Refusal> {
        Ok(summary(Some(registered_card())))
    }

    async fn authorize_cap(&mut self, _: &Session, _: &OrderId) -> Result<Money, Refusal> {
        Ok(money("30.38"))
    }

    async fn charge(
        &mut self,
        _: &Session,
        _: &OrderId,
    ) -> Result<(PaymentId, BankStatus), Refusal> {
        let mut ledger = self.0.borrow_mut();
        ledger.entered = Some(registered_card());
        let status = if ledger.sca {
            BankStatus::ScaRequired
        } else {
            ledger.approved = true;
            BankStatus::Approved
        };
        Ok((PaymentId::from("pay-1"), status))
    }

    async fn redirect(&mut self, _: &Session, _: &OrderId) -> Result<Redirect, Refusal> {
        Ok(Redirect {
            payment: PaymentId::from("pay-1"),
            bank: "Banca Sella".into(),
            amount: money("30.38"),
        })
    }

    async fn complete(
        &mut self,
        _: &Session,
        payment: &PaymentId,
    ) -> Result<Option<Completion>, Refusal> {
        self.notify(payment).await
    }

    async fn notify(&mut self, _: &PaymentId) -> Result<Option<Completion>, Refusal> {
        let mut ledger = self.0.borrow_mut();
        if !ledger.approved {
            return Ok(None);
        }
        let charged = !ledger.paid;
        ledger.paid = true;
        Ok(Some(Completion {
            order: order(true),
            service: ServiceView {
                auto_renew: true,
                ..service()
            },
            card: ledger.entered.clone().unwrap_or_else(registered_card),
            auto_renew_switched_on: charged,
            cap: None,
            charged,
        }))
    }
}

impl Bank for FakeBank {
    async fn enter_card(&mut self, _: &PaymentId, card: &CardEntry) -> Result<CardView, Refusal> {
        let digits: Vec<u32> = card.number.chars().filter_map(|c| c.to_digit(10)).collect();
        if !luhn(&digits) {
            return Err(Refusal::InvalidNumber);
        }
        let last4: String = digits[digits.len().saturating_sub(4)..]
            .iter()
            .map(|d| d.to_string())
            .collect();
        let view = CardView {
            id: CardId::from("card-new"),
            brand: "Visa".into(),
            last4: last4.clone(),
            expiry: card.expiry.clone(),
        };
        let mut ledger = self.0.borrow_mut();
        ledger.sca = last4 == "3184";
        ledger.entered = Some(view.clone());
        Ok(view)
    }

    async fn confirm(&mut self, _: &PaymentId) -> Result<BankStatus, Refusal> {
        let mut ledger = self.0.borrow_mut();
        if ledger.sca {
            Ok(BankStatus::ScaRequired)
        } else {
            ledger.approved = true;
            Ok(BankStatus::Approved)
        }
    }

    async fn authenticate(
        &mut self,
        _: &PaymentId,
        otp: &str,
    ) -> Result<(BankStatus, u8), Refusal> {
        let mut ledger = self.0.borrow_mut();
        if otp == "123456" {
            ledger.approved = true;
            return Ok((BankStatus::Approved, 3 - ledger.otp_failures));
        }
        ledger.otp_failures += 1;
        match 3 - ledger.otp_failures.min(3) {
            0 => Ok((BankStatus::ScaFailed, 0)),
            left => Ok((BankStatus::Retry, left)),
        }
    }

    async fn abandon(&mut self, _: &PaymentId) -> Result<BankStatus, Refusal> {
        Ok(BankStatus::Abandoned)
    }

    async fn status(&mut self, _: &PaymentId) -> Result<BankStatus, Refusal> {
        Ok(if self.0.borrow().approved {
            BankStatus::Approved
        } else {
            BankStatus::NotCharged
        })
    }
}

impl Mailer for FakeMailer {
    async fn send(&mut self, email: Email) {
        self.0.push(email);
    }

    fn delivered(&self) -> &[Email] {
        &self.0
    }
}

impl Clock for FakeClock {
    fn now(&mut self) -> Timestamp {
        self.0 += 60;
        Timestamp(self.0)
    }

    fn next_id(&mut self) -> u64 {
        self.1 += 1;
        self.1
    }
}
