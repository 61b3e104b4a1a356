//! Operation names to adapter methods: one arm per entry of [`crate::operation::OPERATIONS`].
//!
//! Each arm turns the typed reply into the outcome the flow routes and the value `into`
//! stores: `ok`, a [`BankStatus`] name, `paid`/`not_paid`, or the [`Refusal`] name.

use crate::adapter::{Bank, BankStatus, CardEntry, CustomerArea, Refusal, Session, Target};
use crate::ids::{CardId, OrderId, PaymentId, ServiceId};
use minijinja::{Value, context};
use serde::Serialize;

/// What an operation answered: the outcome to route and the data for `into`.
#[derive(Debug)]
pub(crate) struct Reply {
    /// `ok`, `approved`, `not_found`...
    pub outcome: String,
    /// The reply data; none for a refusal.
    pub data: Value,
}

/// The session `area.login` opened, kept by the run for every later `area.*` call.
pub(crate) type OpenSession = Option<Session>;

/// Calls operation `name` with `args` (one per parameter, in order). `Err` when the adapter
/// broke ([`Refusal::Broken`]) or the call cannot be made: the run ends with an error.
pub(crate) async fn dispatch<T: Target>(
    target: &mut T,
    session: &mut OpenSession,
    name: &str,
    args: &[String],
) -> Result<Reply, String> {
    let (area, bank, _, _) = target.parts();
    match name {
        "area.login" => plain(area.login(arg(args, 0)?).await, |opened| {
            let data = Value::from_serialize(&opened);
            *session = Some(opened);
            ("ok", data)
        }),
        "area.services" => ok(area.services(open(session)?).await),
        "area.manage" => ok(area
            .manage(open(session)?, &ServiceId(arg(args, 0)?.into()))
            .await),
        "area.pec_renewal" => ok(area.pec_renewal(open(session)?).await),
        "area.pay" => ok(area.pay(open(session)?, &order(args)?).await),
        "area.choose_card" => {
            let card = CardId(arg(args, 1)?.into());
            ok(area.choose_card(open(session)?, &order(args)?, &card).await)
        }
        "area.choose_new_card" => ok(area.choose_new_card(open(session)?, &order(args)?).await),
        "area.confirm_summary" => ok(area.confirm_summary(open(session)?, &order(args)?).await),
        "area.authorize_cap" => plain(
            area.authorize_cap(open(session)?, &order(args)?).await,
            |amount| ("ok", context! { amount }),
        ),
        "area.charge" => plain(
            area.charge(open(session)?, &order(args)?).await,
            |(payment, status)| (status.name(), context! { payment }),
        ),
        "area.redirect" => ok(area.redirect(open(session)?, &order(args)?).await),
        "area.complete" => plain(
            area.complete(open(session)?, &payment(args)?).await,
            |completion| match completion {
                Some(completion) => ("paid", Value::from_serialize(&completion)),
                None => ("not_paid", Value::from(())),
            },
        ),
        "bank.enter_card" => {
            let card = CardEntry {
                number: arg(args, 1)?.into(),
                expiry: arg(args, 2)?.into(),
                cvv: arg(args, 3)?.into(),
            };
            ok(bank.enter_card(&payment(args)?, &card).await)
        }
        "bank.confirm" => status(bank.confirm(&payment(args)?).await, &payment(args)?),
        "bank.authenticate" => plain(
            bank.authenticate(&payment(args)?, arg(args, 1)?).await,
            |(status, attempts_left)| (status.name(), context! { attempts_left }),
        ),
        // Leaving the page always succeeds; the status says where the payment was left.
        "bank.abandon" => plain(bank.abandon(&payment(args)?).await, |status| {
            let payment = arg(args, 0).unwrap_or_default();
            ("ok", context! { payment, status => status.name() })
        }),
        "bank.status" => status(bank.status(&payment(args)?).await, &payment(args)?),
        other => Err(format!("operation `{other}` has no adapter method")),
    }
}

/// A reply whose data is the `Ok` value itself and whose outcome is `ok`.
fn ok<V: Serialize>(result: Result<V, Refusal>) -> Result<Reply, String> {
    plain(result, |value| ("ok", Value::from_serialize(&value)))
}

/// A bank reply that is only a status: the outcome is its name, the data the payment.
fn status(result: Result<BankStatus, Refusal>, payment: &PaymentId) -> Result<Reply, String> {
    plain(result, |status| (status.name(), context! { payment }))
}

/// A reply shaped by `shape`; a refusal as its outcome name; a broken adapter as `Err`.
fn plain<V>(
    result: Result<V, Refusal>,
    shape: impl FnOnce(V) -> (&'static str, Value),
) -> Result<Reply, String> {
    match result {
        Ok(value) => {
            let (outcome, data) = shape(value);
            Ok(Reply {
                outcome: outcome.to_owned(),
                data,
            })
        }
        Err(Refusal::Broken(why)) => Err(format!("adapter error: {why}")),
        Err(refusal) => Ok(Reply {
            outcome: refusal.name().to_owned(),
            data: Value::from(()),
        }),
    }
}

/// The session the customer opened; `area.*` calls before `area.login` cannot run.
fn open(session: &OpenSession) -> Result<&Session, String> {
    session
        .as_ref()
        .ok_or_else(|| "no session: `area.login` must succeed before other `area.*` calls".into())
}

/// Argument `index`, which the checker guarantees is there.
fn arg(args: &[String], index: usize) -> Result<&str, String> {
    args.get(index)
        .map(String::as_str)
        .ok_or_else(|| format!("argument {} is missing", index + 1))
}

fn order(args: &[String]) -> Result<OrderId, String> {
    arg(args, 0).map(|id| OrderId(id.into()))
}

fn payment(args: &[String]) -> Result<PaymentId, String> {
    arg(args, 0).map(|id| PaymentId(id.into()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::adapter::{
        CardView, Clock, Completion, Email, Mailer, PaymentPage, Redirect, ServicePage,
        ServiceView, Summary, Timestamp,
    };
    use crate::ids::Username;
    use crate::money::Money;
    use crate::operation::OPERATIONS;

    /// A target whose every method breaks, saying which one it is: a call that reaches it
    /// proves the operation name is wired to the right method.
    struct Broken;

    fn broken<T>(method: &str) -> Result<T, Refusal> {
        Err(Refusal::Broken(method.to_owned()))
    }

    impl CustomerArea for Broken {
        async fn login(&mut self, _: &str) -> Result<Session, Refusal> {
            broken("login")
        }
        async fn services(&mut self, _: &Session) -> Result<Vec<ServiceView>, Refusal> {
            broken("services")
        }
        async fn manage(&mut self, _: &Session, _: &ServiceId) -> Result<ServicePage, Refusal> {
            broken("manage")
        }
        async fn pec_renewal(&mut self, _: &Session) -> Result<ServicePage, Refusal> {
            broken("pec_renewal")
        }
        async fn pay(&mut self, _: &Session, _: &OrderId) -> Result<PaymentPage, Refusal> {
            broken("pay")
        }
        async fn choose_card(
            &mut self,
            _: &Session,
            _: &OrderId,
            _: &CardId,
        ) -> Result<Summary, Refusal> {
            broken("choose_card")
        }
        async fn choose_new_card(&mut self, _: &Session, _: &OrderId) -> Result<Summary, Refusal> {
            broken("choose_new_card")
        }
        async fn confirm_summary(&mut self, _: &Session, _: &OrderId) -> Result<Summary, Refusal> {
            broken("confirm_summary")
        }
        async fn authorize_cap(&mut self, _: &Session, _: &OrderId) -> Result<Money, Refusal> {
            broken("authorize_cap")
        }
        async fn charge(
            &mut self,
            _: &Session,
            _: &OrderId,
        ) -> Result<(PaymentId, BankStatus), Refusal> {
            broken("charge")
        }
        async fn redirect(&mut self, _: &Session, _: &OrderId) -> Result<Redirect, Refusal> {
            broken("redirect")
        }
        async fn complete(
            &mut self,
            _: &Session,
            _: &PaymentId,
        ) -> Result<Option<Completion>, Refusal> {
            broken("complete")
        }
        async fn notify(&mut self, _: &PaymentId) -> Result<Option<Completion>, Refusal> {
            broken("notify")
        }
    }

    impl Bank for Broken {
        async fn enter_card(&mut self, _: &PaymentId, _: &CardEntry) -> Result<CardView, Refusal> {
            broken("enter_card")
        }
        async fn confirm(&mut self, _: &PaymentId) -> Result<BankStatus, Refusal> {
            broken("confirm")
        }
        async fn authenticate(
            &mut self,
            _: &PaymentId,
            _: &str,
        ) -> Result<(BankStatus, u8), Refusal> {
            broken("authenticate")
        }
        async fn abandon(&mut self, _: &PaymentId) -> Result<BankStatus, Refusal> {
            broken("abandon")
        }
        async fn status(&mut self, _: &PaymentId) -> Result<BankStatus, Refusal> {
            broken("status")
        }
    }

    impl Mailer for Broken {
        async fn send(&mut self, _: Email) {}
        fn delivered(&self) -> &[Email] {
            &[]
        }
    }

    impl Clock for Broken {
        fn now(&mut self) -> Timestamp {
            Timestamp(0)
        }
        fn next_id(&mut self) -> u64 {
            0
        }
    }

    struct BrokenTarget(Broken, Broken, Broken, Broken);

    impl Target for BrokenTarget {
        type Area = Broken;
        type Bank = Broken;
        type Mailer = Broken;
        type Clock = Broken;
        fn parts(&mut self) -> (&mut Broken, &mut Broken, &mut Broken, &mut Broken) {
            (&mut self.0, &mut self.1, &mut self.2, &mut self.3)
        }
    }

    fn block_on<F: std::future::Future>(future: F) -> F::Output {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(future)
    }

    #[test]
    fn every_operation_reaches_its_own_adapter_method() {
        let mut target = BrokenTarget(Broken, Broken, Broken, Broken);
        let mut session = Some(Session {
            username: Username::from("mario"),
            email: "mario@example.it".into(),
            pec_login: false,
            pec: None,
        });
        for operation in OPERATIONS {
            let args = vec!["x".to_owned(); operation.params.len()];
            let method = operation.name.split_once('.').map(|(_, m)| m).unwrap();
            let result = block_on(dispatch(&mut target, &mut session, operation.name, &args));
            assert_eq!(
                result.unwrap_err(),
                format!("adapter error: {method}"),
                "{}",
                operation.name
            );
        }
    }

    #[test]
    fn area_calls_need_a_session_and_unknown_names_are_refused() {
        let mut target = BrokenTarget(Broken, Broken, Broken, Broken);
        let no_session = block_on(dispatch(&mut target, &mut None, "area.services", &[]));
        assert!(no_session.unwrap_err().contains("area.login"));
        let unknown = block_on(dispatch(&mut target, &mut None, "area.paga", &[]));
        assert!(unknown.unwrap_err().contains("`area.paga`"));
    }
}
