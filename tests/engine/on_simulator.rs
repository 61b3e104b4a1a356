//! Flows A and B end to end on the reference simulator, with the shipped worlds.

use super::{calls, project, small_flow, templates};
use flowspec::adapter::ScriptedChoices;
use flowspec::engine::Engine;
use flowspec::flow::Flow;
use flowspec::ids::OrderId;
use flowspec::outcome::Outcome;
use flowspec::report;
use flowspec::sim::Simulator;
use flowspec::trace::{Event, Trace};
use flowspec::world::World;
use std::path::Path;

const WORLD_A: &str = "flows/worlds/esempio.yaml";
const WORLD_B: &str = "flows/worlds/nuova-carta.yaml";

fn world(path: &str) -> World {
    World::load_file(Path::new(path), &project().catalog).expect("shipped world loads")
}

/// The world's answers, minus `without`, with `overrides` replacing the world's for their names.
fn answers(world: &World, without: &[&str], overrides: &[(&str, &[&str])]) -> ScriptedChoices {
    let mut choices = ScriptedChoices::default();
    for (name, given) in &world.choices {
        if without.contains(&name.as_str()) || overrides.iter().any(|(n, _)| n == name) {
            continue;
        }
        for answer in &given.0 {
            choices.push(name.clone(), answer.clone());
        }
    }
    for (name, values) in overrides {
        for value in *values {
            choices.push(*name, *value);
        }
    }
    choices
}

/// Runs `flow` on a fresh simulator of `world`; returns the trace and the simulator after it.
fn run_on(
    flow: &Flow,
    world: &World,
    mut choices: ScriptedChoices,
    limit: usize,
) -> (Trace, Simulator) {
    let project = project();
    let templates = templates();
    let engine = Engine::new(flow, &project.catalog, &templates).with_step_limit(limit);
    let mut simulator = Simulator::new(world, &project.catalog);
    let trace = super::block_on(engine.run(&mut simulator, &mut choices));
    (trace, simulator)
}

fn shipped(id: &str) -> Flow {
    project().flow(id).expect("shipped flow").clone()
}

fn run_default(id: &str, world_path: &str) -> (Trace, Simulator) {
    let world = world(world_path);
    let choices = world.scripted_choices();
    run_on(&shipped(id), &world, choices, 1000)
}

#[test]
fn procedure_a_pays_with_the_registered_card_after_the_cap_r6_r7_r9() {
    let (trace, simulator) = run_default(super::A, WORLD_A);
    assert_eq!(trace.outcome, Outcome::Paid, "{:?}", trace.message);
    assert_eq!(calls(&trace, "area.authorize_cap").len(), 1);
    assert_eq!(simulator.charges(&OrderId::from("ordine-pec-mario")), 1);
    let templates: Vec<&str> = trace.emails.iter().map(|e| e.template.as_str()).collect();
    assert_eq!(templates, ["conferma-pagamento", "attivazione-rinnovo"]);
    assert_eq!(simulator.emails(), trace.emails.as_slice());
}

#[test]
fn procedure_b_pays_with_a_new_card_on_the_bank_page_r8_d6() {
    let (trace, simulator) = run_default(super::B, WORLD_B);
    assert_eq!(trace.outcome, Outcome::Paid, "{:?}", trace.message);
    assert_eq!(calls(&trace, "area.redirect").len(), 1);
    assert_eq!(calls(&trace, "bank.enter_card").len(), 1);
    assert_eq!(trace.emails.len(), simulator.emails().len());
    assert!(!trace.emails.is_empty());
}

#[test]
fn both_procedures_give_byte_identical_traces_across_runs() {
    for (flow, world) in [(super::A, WORLD_A), (super::B, WORLD_B)] {
        let (first, _) = run_default(flow, world);
        let (second, _) = run_default(flow, world);
        assert_eq!(report::json(&first), report::json(&second), "{flow}");
        assert_eq!(report::text(&first), report::text(&second), "{flow}");
    }
}

#[test]
fn the_card_number_never_appears_in_either_report_d12() {
    let world = world(WORLD_B);
    let number: String = world.choices["numero_carta"].0[0].clone();
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let cvv = world.choices["codice_sicurezza"].0[0].clone();
    let (trace, _) = run_on(&shipped(super::B), &world, world.scripted_choices(), 1000);
    assert_eq!(trace.outcome, Outcome::Paid, "{:?}", trace.message);
    for shown in [report::text(&trace), report::json(&trace)] {
        assert!(!shown.contains(&number), "full number shown");
        assert!(!shown.contains(&digits), "full number shown");
        assert!(shown.contains(&format!("••••{}", &digits[digits.len() - 4..])));
    }
    let values = trace.events.iter().flat_map(|event| match event {
        Event::ChoiceAnswered { value, .. } => vec![value.as_str()],
        Event::StateChanged { value, .. } => vec![value.as_str()],
        Event::AdapterCalled { arguments, .. } => {
            arguments.iter().map(|a| a.value.as_str()).collect()
        }
        _ => Vec::new(),
    });
    assert!(
        values.into_iter().all(|value| value != cvv),
        "security code shown"
    );
}

#[test]
fn an_otp_retried_then_correct_pays_d8() {
    let world = world(WORLD_B);
    let choices = answers(&world, &[], &[("otp", &["111111", "123456"])]);
    let (trace, simulator) = run_on(&shipped(super::B), &world, choices, 1000);
    assert_eq!(trace.outcome, Outcome::Paid, "{:?}", trace.message);
    assert_eq!(calls(&trace, "bank.authenticate").len(), 2);
    assert_eq!(trace.answers("otp").count(), 2);
    assert_eq!(simulator.total_charges(), 1);
}

#[test]
fn a_missing_answer_ends_with_no_answer_naming_it() {
    let world = world(WORLD_A);
    let choices = answers(&world, &["ordine"], &[]);
    let (trace, simulator) = run_on(&shipped(super::A), &world, choices, 1000);
    assert_eq!(trace.outcome, Outcome::NoAnswer);
    assert!(trace.message.unwrap_or_default().contains("`ordine`"));
    assert_eq!(simulator.total_charges(), 0);
}

#[test]
fn a_looping_flow_stops_at_the_step_limit_naming_the_loop() {
    let flow = small_flow(&format!(
        "{}  - id: autenticazione
    call: area.login
    with: {{ login: credenziali }}
    into: sessione
    outcomes: {{ ok: elenco, unknown_customer: fine }}
  - id: elenco
    call: area.services
    outcomes: {{ ok: giro }}
  - id: giro
    ask: giro
    answers: {{ ancora: elenco, basta: fine }}
  - id: fine
    end: not_found
",
        super::LOGIN
    ));
    let world = world(WORLD_A);
    let choices = answers(&world, &[], &[("giro", &["ancora"])]);
    let (trace, _) = run_on(&flow, &world, choices, 25);
    assert_eq!(trace.outcome, Outcome::StepLimit);
    let message = trace.message.unwrap_or_default();
    // Where the limit falls in the loop decides which of its steps the message starts from.
    assert!(
        message.ends_with("`elenco` → `giro` → `elenco`")
            || message.ends_with("`giro` → `elenco` → `giro`"),
        "{message}"
    );
    assert_eq!(trace.steps.len(), 25);
}
