//! Then steps on the run and on the simulator afterwards: outcome, orders, auto-renewal,
//! payment method, cap, cards, charges, steps visited, D7 and D11.

use crate::check::{equal, fail};
use crate::fixture;
use crate::scenario::Acceptance;
use crate::table;
use cucumber::gherkin::Step;
use cucumber::then;
use flowspec::ids::{OrderId, ServiceId, Username};
use flowspec::money::Money;

/// The run ended with that outcome (`paid`, `declined`, `cap_refused`, `forbidden`...).
#[then(expr = "the outcome is {string}")]
pub async fn outcome(world: &mut Acceptance, expected: String) {
    let actual = world.last_run().trace.outcome.name().to_owned();
    equal(world, "the outcome of the run", expected, actual);
}

/// The order is now in that state (`Attesa pagamento`, `Pagato`, `Annullato`).
#[then(expr = "order {string} is in state {string}")]
pub async fn order_state(world: &mut Acceptance, order: String, expected: String) {
    if fixture::state(&expected).is_none() {
        panic!("`{expected}` is not an order state: write Attesa pagamento, Pagato or Annullato");
    }
    let actual = match world.sim().order(&OrderId(order.clone())) {
        Some(view) => view.state.label().to_owned(),
        None => fail(
            world,
            &format!("order {order}"),
            "an order",
            "no such order",
        ),
    };
    equal(
        world,
        &format!("the state of order {order}"),
        expected,
        actual,
    );
}

/// Automatic renewal of the service is on (R3, R10).
#[then(expr = "service {string} renews automatically")]
pub async fn renews(world: &mut Acceptance, service: String) {
    auto_renewal(world, &service, true);
}

/// Automatic renewal of the service is off (R3, D4, D5).
#[then(expr = "service {string} does not renew automatically")]
pub async fn does_not_renew(world: &mut Acceptance, service: String) {
    auto_renewal(world, &service, false);
}

fn auto_renewal(world: &Acceptance, service: &str, expected: bool) {
    let actual = service_view(world, service).auto_renew;
    let show = |on: bool| if on { "on" } else { "off" };
    equal(
        world,
        &format!("auto-renewal of service {service}"),
        show(expected),
        show(actual),
    );
}

fn service_view(world: &Acceptance, service: &str) -> flowspec::adapter::ServiceView {
    match world.sim().service(&ServiceId(service.to_owned())) {
        Some(view) => view,
        None => fail(
            world,
            &format!("service {service}"),
            "a service",
            "no such service",
        ),
    }
}

/// The service's renewals are charged to the registered card with those last four digits (D6).
#[then(expr = "service {string} renews with the card ending in {string}")]
pub async fn renews_with_card(world: &mut Acceptance, service: String, last4: String) {
    let view = service_view(world, &service);
    let owner = owner_of(world, &service);
    let cards = world.sim().cards_of(&owner);
    let actual = match &view.payment_method {
        None => "no payment method".to_owned(),
        Some(id) => match cards.iter().find(|card| &card.id == id) {
            Some(card) => format!("{} ending in {}", card.brand, card.last4),
            None => format!("card {id}, not registered to {owner}"),
        },
    };
    if !actual.ends_with(&format!("ending in {last4}")) {
        fail(
            world,
            &format!("the renewal payment method of service {service}"),
            format!("a card ending in {last4}"),
            actual,
        );
    }
}

fn owner_of(world: &Acceptance, service: &str) -> Username {
    world
        .world
        .as_ref()
        .and_then(|w| w.services.iter().find(|s| s.id.as_str() == service))
        .map(|s| s.owner.clone())
        .unwrap_or_else(|| fail(world, &format!("service {service}"), "a service", "none"))
}

/// The username has exactly that many registered cards (D5: a failure registers none).
#[then(expr = "customer {string} has {int} registered card(s)")]
pub async fn card_count(world: &mut Acceptance, username: String, expected: usize) {
    let cards = world.sim().cards_of(&Username(username.clone()));
    let listed: Vec<String> = cards
        .iter()
        .map(|card| format!("{} {}", card.brand, card.last4))
        .collect();
    if cards.len() != expected {
        fail(
            world,
            &format!("the registered cards of {username}"),
            format!("{expected} card(s)"),
            format!("{} card(s): [{}]", cards.len(), listed.join(", ")),
        );
    }
}

/// The username has a registered card with those last four digits (D6), never the number (D12).
#[then(expr = "customer {string} has a registered card ending in {string}")]
pub async fn card_ending(world: &mut Acceptance, username: String, last4: String) {
    let cards = world.sim().cards_of(&Username(username.clone()));
    if !cards.iter().any(|card| card.last4 == last4) {
        let listed: Vec<String> = cards.iter().map(|card| card.last4.clone()).collect();
        fail(
            world,
            &format!("the registered cards of {username}"),
            format!("one ending in {last4}"),
            format!("endings [{}]", listed.join(", ")),
        );
    }
}

/// The bank took exactly that many charges in the whole scenario (D4, D5, D7).
#[then(expr = "the bank charged {int} time(s)")]
pub async fn charges(world: &mut Acceptance, expected: usize) {
    let actual = world.sim().total_charges();
    equal(
        world,
        "the number of charges the bank took",
        expected,
        actual,
    );
}

/// The last run showed the cap page: the step `autorizza-massimale` was visited (R6, D2).
#[then(expr = "the customer was asked for the cap")]
pub async fn asked_cap(world: &mut Acceptance) {
    cap_asked(world, true);
}

/// The last run never showed the cap page (D2).
#[then(expr = "the customer was not asked for the cap")]
pub async fn not_asked_cap(world: &mut Acceptance) {
    cap_asked(world, false);
}

fn cap_asked(world: &Acceptance, expected: bool) {
    let actual = visits(world, "autorizza-massimale") > 0;
    let show = |asked: bool| if asked { "the cap page" } else { "no cap page" };
    equal(
        world,
        "the cap prompt (R6, D2)",
        show(expected),
        show(actual),
    );
}

/// The cap amount shown on Riepilogo ordine for the prompt, VAT included (D3): `61.00`.
#[then(expr = "the cap asked was {string}")]
pub async fn cap_amount(world: &mut Acceptance, expected: String) {
    cap_asked(world, true);
    let expected = match Money::parse(expected.trim_start_matches('€').trim()) {
        Ok(amount) => amount,
        Err(why) => panic!("the cap in the step: {why}"),
    };
    let actual = world
        .last_run()
        .observed
        .summaries
        .last()
        .map(|summary| summary.cap_amount);
    match actual {
        Some(actual) => equal(
            world,
            "the cap amount (D3)",
            expected.italian(),
            actual.italian(),
        ),
        None => fail(
            world,
            "the cap amount (D3)",
            expected.italian(),
            "no Riepilogo ordine",
        ),
    }
}

/// The last run went through that step.
#[then(expr = "the run visited step {string}")]
pub async fn visited(world: &mut Acceptance, id: String) {
    if visits(world, &id) == 0 {
        fail(
            world,
            "the steps visited",
            format!("`{id}` among them"),
            path(world),
        );
    }
}

/// The last run went through that step exactly that many times (OTP retries).
#[then(expr = "the run visited step {string} {int} time(s)")]
pub async fn visited_times(world: &mut Acceptance, id: String, expected: usize) {
    let actual = visits(world, &id);
    if actual != expected {
        fail(
            world,
            &format!("visits of step `{id}`"),
            expected,
            format!("{actual}, in {}", path(world)),
        );
    }
}

/// The last run never went through that step.
#[then(expr = "the run did not visit step {string}")]
pub async fn not_visited(world: &mut Acceptance, id: String) {
    if visits(world, &id) > 0 {
        fail(
            world,
            "the steps visited",
            format!("no `{id}`"),
            path(world),
        );
    }
}

/// The last run went through the steps of the one-column table, in that order (others between).
#[then(expr = "the run visited the steps:")]
pub async fn visited_in_order(world: &mut Acceptance, step: &Step) {
    let expected = table::list(step);
    let steps = &world.last_run().trace.steps;
    let mut remaining = steps.iter();
    for wanted in &expected {
        if !remaining.any(|visited| visited.as_str() == wanted) {
            fail(
                world,
                "the steps visited, in order",
                expected.join(" → "),
                path(world),
            );
        }
    }
}

fn visits(world: &Acceptance, step: &str) -> usize {
    world
        .last_run()
        .trace
        .steps
        .iter()
        .filter(|visited| visited.as_str() == step)
        .count()
}

fn path(world: &Acceptance) -> String {
    let steps: Vec<&str> = world
        .last_run()
        .trace
        .steps
        .iter()
        .map(|step| step.as_str())
        .collect();
    steps.join(" → ")
}

/// D11: the customer's services, orders, cards and cap are as they were before the first run.
#[then(expr = "nothing of customer {string} has changed")]
pub async fn unchanged(world: &mut Acceptance, username: String) {
    let username = Username(username);
    let Some(before) = world.baseline.get(&username).cloned() else {
        panic!("customer {username} is not in the world")
    };
    let now = world.customer_state(&username);
    if before != now {
        fail(
            world,
            &format!("what customer {username} owns (D11)"),
            format!("{before:?}"),
            format!("{now:?}"),
        );
    }
}

/// D7: the replayed notification settled nothing new: no charge, no change.
#[then(expr = "the replayed notification charged nothing")]
pub async fn replay_charged_nothing(world: &mut Acceptance) {
    let actual = match &world.replay {
        None => panic!(
            "no notification was replayed: add `When the bank notification of the last payment is replayed`"
        ),
        Some(Ok(None)) => "nothing settled".to_owned(),
        Some(Ok(Some(completion))) if !completion.charged => {
            "already settled, not charged".to_owned()
        }
        Some(Ok(Some(_))) => "charged again".to_owned(),
        Some(Err(refusal)) => format!("refused: {refusal}"),
    };
    if actual == "charged again" || actual.starts_with("refused: adapter error") {
        fail(
            world,
            "the replayed notification (D7)",
            "no second charge",
            actual,
        );
    }
}
