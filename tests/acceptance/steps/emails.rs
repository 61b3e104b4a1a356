//! Then steps on the emails the customer received (R9, D9, D12), and their snapshots.

use crate::check::{equal, fail};
use crate::scenario::Acceptance;
use crate::snapshot;
use cucumber::then;
use flowspec::adapter::Email;

/// The public test card numbers (rules.md); none may appear whole in an email (D12).
const TEST_CARD_NUMBERS: &[&str] = &[
    "4242424242424242",
    "4000002760003184",
    "4000000000000002",
    "4000000000009995",
    "4000000000000069",
    "4000000000000119",
];

/// The mailbox holds exactly that many emails, over every run of the scenario.
#[then(expr = "the customer received {int} email(s)")]
pub async fn count(world: &mut Acceptance, expected: usize) {
    let emails = world.sim().emails();
    if emails.len() != expected {
        fail(world, "the emails received", expected, listing(emails));
    }
}

/// The last email of that template went to that address.
#[then(expr = "the email {string} was sent to {string}")]
pub async fn sent_to(world: &mut Acceptance, template: String, to: String) {
    let actual = email(world, &template).to.clone();
    equal(world, &format!("the recipient of `{template}`"), to, actual);
}

/// No email of that template was sent (D4, D5, D9).
#[then(expr = "no email {string} was sent")]
pub async fn not_sent(world: &mut Acceptance, template: String) {
    let emails = world.sim().emails();
    if emails.iter().any(|email| email.template == template) {
        fail(
            world,
            "the emails received",
            format!("no `{template}`"),
            listing(emails),
        );
    }
}

/// The auto-renewal activation email was sent (R9, D9).
#[then(expr = "the activation email was sent")]
pub async fn activation_sent(world: &mut Acceptance) {
    let _ = email(world, "attivazione-rinnovo");
}

/// No auto-renewal activation email was sent (R3, D9).
#[then(expr = "the activation email was not sent")]
pub async fn activation_not_sent(world: &mut Acceptance) {
    not_sent(world, "attivazione-rinnovo".to_owned()).await;
}

/// The subject of the last email of that template contains the text.
#[then(expr = "the email {string} has subject containing {string}")]
pub async fn subject_contains(world: &mut Acceptance, template: String, text: String) {
    let subject = email(world, &template).subject.clone();
    if !subject.contains(&text) {
        fail(
            world,
            &format!("the subject of `{template}`"),
            format!("containing {text:?}"),
            subject,
        );
    }
}

/// The body of the last email of that template contains the text (`€ 30,38`, D10).
#[then(expr = "the email {string} contains {string}")]
pub async fn body_contains(world: &mut Acceptance, template: String, text: String) {
    let body = email(world, &template).body.clone();
    if !body.contains(&text) {
        fail(
            world,
            &format!("the body of `{template}`"),
            format!("containing {text:?}"),
            body,
        );
    }
}

/// The last email of that template, headers and body, equals its snapshot under
/// `snapshots/emails/` (named after the feature, the scenario and the template).
#[then(expr = "the email {string} matches its snapshot")]
pub async fn matches_snapshot(world: &mut Acceptance, template: String) {
    let message = email(world, &template).message.clone();
    let name = snapshot::name(&world.feature, &world.scenario, &template);
    let origin = format!(
        "features/{}.feature, scenario \"{}\", email {template}",
        world.feature, world.scenario
    );
    snapshot::assert_email(&name, &origin, &message);
}

/// No email shows a whole test card number, with or without spaces (D12).
#[then(expr = "no email shows a full card number")]
pub async fn no_card_number(world: &mut Acceptance) {
    for email in world.sim().emails() {
        let digits: String = email
            .message
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if let Some(number) = TEST_CARD_NUMBERS.iter().find(|n| digits.contains(*n)) {
            let last4 = &number[number.len() - 4..];
            fail(
                world,
                &format!("the email `{}` (D12)", email.template),
                "at most brand and last four digits",
                format!("the whole number of the card ending in {last4}"),
            );
        }
    }
}

fn email<'w>(world: &'w Acceptance, template: &str) -> &'w Email {
    let emails = world.sim().emails();
    match emails.iter().rev().find(|email| email.template == template) {
        Some(email) => email,
        None => fail(
            world,
            "the emails received",
            format!("a `{template}`"),
            listing(emails),
        ),
    }
}

fn listing(emails: &[Email]) -> String {
    if emails.is_empty() {
        return "none".to_owned();
    }
    let lines: Vec<String> = emails
        .iter()
        .map(|email| format!("`{}` to {}: {}", email.template, email.to, email.subject))
        .collect();
    format!("{}: {}", emails.len(), lines.join("; "))
}
