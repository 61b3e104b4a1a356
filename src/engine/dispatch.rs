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
