//! The engine against a small fake customer area and bank (tests/engine/fake.rs): flows A and
//! B end to end, masking of secrets (D12), OTP retries (D8), missing answers, loops and
//! expectations. The same on the reference simulator: tests/engine/on_simulator.rs.

#[path = "engine/fake.rs"]
mod fake;
#[path = "engine/on_simulator.rs"]
mod on_simulator;

use fake::{EMAIL, FakeTarget};
use flowspec::adapter::ScriptedChoices;
use flowspec::check::{CheckContext, check_flow};
use flowspec::email::Templates;
use flowspec::engine::Engine;
use flowspec::flow::Flow;
use flowspec::outcome::Outcome;
use flowspec::project::Project;
use flowspec::raw::RawFlow;
use flowspec::report;
use flowspec::source::Source;
use flowspec::trace::{Event, Trace};
use std::path::Path;

const A: &str = "paga-carta-registrata";
const B: &str = "paga-nuova-carta";

fn project() -> Project {
    Project::load(Path::new("flows")).expect("the shipped flows check")
}

fn templates() -> Templates {
    Templates::load(Path::new("flows/emails")).expect("the shipped templates load")
}

fn choices(pairs: &[&str]) -> ScriptedChoices {
    let mut choices = ScriptedChoices::default();
    for pair in pairs {
        choices.push_pair(pair).expect("NAME=VALUE");
    }
    choices
}

fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime")
        .block_on(future)
}

/// Runs `flow` once on `target`.
fn run_flow(flow: &Flow, target: &mut FakeTarget, answers: &[&str], limit: Option<usize>) -> Trace {
    let project = project();
    let templates = templates();
    let mut engine = Engine::new(flow, &project.catalog, &templates);
    if let Some(limit) = limit {
        engine = engine.with_step_limit(limit);
    }
    block_on(engine.run(target, &mut choices(answers)))
}

/// Runs the shipped flow `id` once on `target`.
fn run(id: &str, target: &mut FakeTarget, answers: &[&str]) -> Trace {
    let project = project();
    let flow = project.flow(id).expect("shipped flow").clone();
    run_flow(&flow, target, answers, None)
}

const A_ANSWERS: &[&str] = &[
    "accesso=mario",
    "servizio=pec-mario",
    "ordine=ord-1",
    "carta=card-1",
];

const B_ANSWERS: &[&str] = &[
    "accesso=mario",
    "servizio=pec-mario",
    "ordine=ord-1",
    "numero_carta=4242 4242 4242 4242",
    "scadenza=12/30",
    "codice_sicurezza=737",
];

fn calls<'t>(trace: &'t Trace, operation: &str) -> Vec<&'t Event> {
    trace
        .events
        .iter()
        .filter(|e| matches!(e, Event::AdapterCalled { operation: op, .. } if op == operation))
        .collect()
}

/// A small flow checked like the shipped ones; `steps` is YAML after `steps:`.
fn small_flow(steps: &str) -> Flow {
    let yaml = format!(
        "flow: giro\ntitle: Giro\nguide: {{ section: \"3.2.2\", procedure: A, intro: x }}\nproducts: [pec]\nstart: accesso\nsteps:\n{steps}"
    );
    let raw: RawFlow = serde_saphyr::from_str(&yaml).expect("test YAML parses");
    let project = project();
    let context = CheckContext {
        catalog: &project.catalog,
        templates: &project.templates,
    };
    check_flow(&Source::new("giro.yaml", yaml.as_str()), raw, &context)
        .unwrap_or_else(|d| panic!("test flow checks: {d:?}"))
}

const LOGIN: &str = "  - id: accesso
    ask: accesso
    into: credenziali
    next: autenticazione
";

#[test]
fn registered_card_pays_and_sends_confirmation_and_activation_r7_r9() {
    let mut target = FakeTarget::new();
    let trace = run(A, &mut target, A_ANSWERS);
    assert_eq!(trace.outcome, Outcome::Paid, "{:?}", trace.message);
    assert!(target.paid());
    assert_eq!(trace.steps.first().map(|s| s.as_str()), Some("accesso"));
    assert_eq!(trace.steps.last().map(|s| s.as_str()), Some("fine-pagato"));
    let templates: Vec<&str> = trace.emails.iter().map(|e| e.template.as_str()).collect();
    assert_eq!(templates, ["conferma-pagamento", "attivazione-rinnovo"]);
    assert!(trace.emails.iter().all(|e| e.to == EMAIL));
    assert_eq!(target.delivered(), trace.emails.as_slice());
    assert_eq!(calls(&trace, "area.charge").len(), 1);
    assert!(matches!(
        trace.events.last(),
        Some(Event::RunEnded {
            outcome: Outcome::Paid,
            ..
        })
    ));
}

#[test]
fn new_card_pays_on_the_bank_page_r8() {
    let mut target = FakeTarget::new();
    let trace = run(B, &mut target, B_ANSWERS);
    assert_eq!(trace.outcome, Outcome::Paid, "{:?}", trace.message);
    assert_eq!(calls(&trace, "bank.enter_card").len(), 1);
    assert_eq!(calls(&trace, "bank.confirm").len(), 1);
    // The dropdown's Nuova carta is the step's default (R4).
    assert_eq!(trace.answers("carta").collect::<Vec<_>>(), ["nuova"]);
    assert_eq!(trace.emails.len(), 2);
}

#[test]
fn card_number_and_security_code_never_reach_the_reports_d12() {
    let mut target = FakeTarget::new();
    let trace = run(B, &mut target, B_ANSWERS);
    assert_eq!(trace.outcome, Outcome::Paid, "{:?}", trace.message);
    let text = report::text(&trace);
    let json = report::json(&trace);
    for shown in [&text, &json] {
        assert!(!shown.contains("4242 4242 4242 4242"), "{shown}");
        assert!(!shown.contains("4242424242424242"), "{shown}");
        assert!(!shown.contains("737"), "{shown}");
    }
    assert_eq!(
        trace.answers("numero_carta").collect::<Vec<_>>(),
        ["••••4242"]
    );
    assert_eq!(
        trace.answers("codice_sicurezza").collect::<Vec<_>>(),
        ["••••"]
    );
    let Some(Event::AdapterCalled { arguments, .. }) = calls(&trace, "bank.enter_card").first()
    else {
        panic!("bank.enter_card was called");
    };
    let shown: Vec<(&str, &str)> = arguments
        .iter()
        .map(|a| (a.name.as_str(), a.value.as_str()))
        .collect();
    assert_eq!(
        shown,
        [
            ("payment", "pay-1"),
            ("number", "••••4242"),
            ("expiry", "12/30"),
            ("cvv", "••••")
        ]
    );
    assert!(text.contains("numero_carta = ••••4242"), "{text}");
}

#[test]
fn a_wrong_otp_is_retried_then_the_right_one_pays_d8() {
    let mut target = FakeTarget::new().with_sca();
    let mut answers = A_ANSWERS.to_vec();
    answers.extend(["otp=111111", "otp=123456"]);
    let trace = run(A, &mut target, &answers);
    assert_eq!(trace.outcome, Outcome::Paid, "{:?}", trace.message);
    assert_eq!(calls(&trace, "bank.authenticate").len(), 2);
    assert_eq!(trace.answers("otp").collect::<Vec<_>>(), ["••••", "••••"]);
    let replies: Vec<&str> = trace
        .events
        .iter()
        .filter_map(|e| match e {
            Event::AdapterReplied { outcome, .. } => Some(outcome.as_str()),
            _ => None,
        })
        .collect();
    assert!(
        replies.windows(2).any(|w| w == ["retry", "approved"]),
        "{replies:?}"
    );
    assert!(!report::json(&trace).contains("123456"));
}

#[test]
fn three_wrong_otps_fail_the_payment_d5() {
    let mut target = FakeTarget::new().with_sca();
    let mut answers = A_ANSWERS.to_vec();
    answers.push("otp=000000");
    let trace = run(A, &mut target, &answers);
    assert_eq!(trace.outcome, Outcome::ScaFailed);
    assert_eq!(calls(&trace, "bank.authenticate").len(), 3);
    assert!(trace.emails.is_empty());
    assert!(!target.paid());
}

#[test]
fn the_same_run_gives_the_same_bytes() {
    let first = run(B, &mut FakeTarget::new(), B_ANSWERS);
    let second = run(B, &mut FakeTarget::new(), B_ANSWERS);
    assert_eq!(report::json(&first), report::json(&second));
    assert_eq!(report::text(&first), report::text(&second));
}

#[test]
fn a_decision_without_answer_or_default_ends_with_no_answer() {
    let trace = run(A, &mut FakeTarget::new(), &A_ANSWERS[..3]);
    assert_eq!(trace.outcome, Outcome::NoAnswer);
    let message = trace.message.unwrap_or_default();
    assert!(message.contains("`carta`"), "{message}");
    assert!(message.contains("--choose carta="), "{message}");
    assert_eq!(trace.steps.last().map(|s| s.as_str()), Some("scegli-carta"));
}

#[test]
fn an_answer_not_offered_names_the_accepted_ones() {
    let mut answers = B_ANSWERS.to_vec();
    answers.push("carta=vecchia");
    let trace = run(B, &mut FakeTarget::new(), &answers);
    assert_eq!(trace.outcome, Outcome::Error);
    let message = trace.message.unwrap_or_default();
    assert!(
        message.contains("`vecchia`") && message.contains("`nuova`"),
        "{message}"
    );
}

#[test]
fn a_refusal_is_routed_as_an_outcome() {
    let trace = run(A, &mut FakeTarget::new(), &["accesso=luigi"]);
    assert_eq!(trace.outcome, Outcome::UnknownCustomer);
    assert_eq!(
        trace.steps.last().map(|s| s.as_str()),
        Some("fine-cliente-sconosciuto")
    );
}

#[test]
fn an_order_already_paid_is_refused_the_second_time_d7() {
    let mut target = FakeTarget::new();
    assert_eq!(run(A, &mut target, A_ANSWERS).outcome, Outcome::Paid);
    let second = run(A, &mut target, A_ANSWERS);
    assert_eq!(second.outcome, Outcome::NotPayable);
    assert!(second.emails.is_empty());
    assert_eq!(target.delivered().len(), 2);
}

#[test]
fn a_broken_adapter_ends_the_run_with_an_error() {
    let trace = run(A, &mut FakeTarget::new().broken(), A_ANSWERS);
    assert_eq!(trace.outcome, Outcome::Error);
    let message = trace.message.unwrap_or_default();
    assert!(
        message.contains("area.pay") && message.contains("does not answer"),
        "{message}"
    );
}

#[test]
fn a_loop_stops_at_the_step_limit_naming_its_steps() {
    let flow = small_flow(&format!(
        "{LOGIN}  - id: autenticazione
    call: area.login
    with: {{ login: credenziali }}
    into: sessione
    outcomes: {{ ok: giro, unknown_customer: fine }}
  - id: giro
    ask: giro
    answers: {{ ancora: pagina, basta: fine }}
  - id: pagina
    next: giro
  - id: fine
    end: not_found
"
    ));
    let trace = run_flow(
        &flow,
        &mut FakeTarget::new(),
        &["accesso=mario", "giro=ancora"],
        Some(40),
    );
    assert_eq!(trace.outcome, Outcome::StepLimit);
    assert_eq!(trace.steps.len(), 40);
    let message = trace.message.unwrap_or_default();
    assert!(message.contains("`giro` → `pagina` → `giro`"), "{message}");
}

#[test]
fn an_expectation_that_fails_ends_the_run_naming_it() {
    let flow = small_flow(&format!(
        "{LOGIN}  - id: autenticazione
    call: area.login
    with: {{ login: credenziali }}
    into: sessione
    expect: [\"sessione.username == 'mario'\", \"sessione.pec_login\"]
    outcomes: {{ ok: fine, unknown_customer: fine }}
  - id: fine
    end: paid
"
    ));
    let trace = run_flow(&flow, &mut FakeTarget::new(), &["accesso=mario"], None);
    assert_eq!(trace.outcome, Outcome::ExpectationFailed);
    assert!(
        trace
            .message
            .unwrap_or_default()
            .contains("`sessione.pec_login`")
    );
    let held: Vec<bool> = trace
        .events
        .iter()
        .filter_map(|e| match e {
            Event::ExpectationChecked { held, .. } => Some(*held),
            _ => None,
        })
        .collect();
    assert_eq!(held, [true, false]);
}

/// The text report of a whole run, pinned: one line per event, the outcome, the emails.
#[test]
fn text_report_of_procedure_b_with_an_otp_retry() {
    let mut answers = B_ANSWERS.to_vec();
    answers[3] = "numero_carta=4000 0027 6000 3184";
    answers.extend(["otp=654321", "otp=123456"]);
    let trace = run(B, &mut FakeTarget::new(), &answers);
    assert_eq!(trace.outcome, Outcome::Paid, "{:?}", trace.message);
    insta::with_settings!(
        { snapshot_path => "../snapshots/reports", prepend_module_to_snapshot => false },
        { insta::assert_snapshot!("fake_b_otp_retry", report::text(&trace)) }
    );
}
