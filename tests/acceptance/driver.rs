//! Runs flows of the project in `flows/` against the simulator, and replays bank notifications.

use crate::recorder::Recording;
use crate::scenario::{Acceptance, Run};
use flowspec::adapter::{CustomerArea, Target};
use flowspec::diagnostic::Diagnostic;
use flowspec::email::Templates;
use flowspec::engine::Engine;
use flowspec::project::{EMAILS_DIR, Project};
use flowspec::sim::Simulator;
use flowspec::trace::Trace;
use flowspec::world::World;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::rc::Rc;

thread_local! {
    // Scenarios run on one thread: the project and its email templates are loaded and checked
    // once for all of them.
    static PROJECT: Rc<Project> = load_project();
    static TEMPLATES: Rc<Templates> = load_templates();
}

fn flows_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("flows")
}

fn load_project() -> Rc<Project> {
    match Project::load(&flows_dir()) {
        Ok(project) => Rc::new(project),
        Err(diagnostics) => panic!("flows/ does not load:\n{}", listing(&diagnostics)),
    }
}

fn load_templates() -> Rc<Templates> {
    match Templates::load(&flows_dir().join(EMAILS_DIR)) {
        Ok(templates) => Rc::new(templates),
        Err(diagnostics) => panic!(
            "flows/{EMAILS_DIR} does not load:\n{}",
            listing(&diagnostics)
        ),
    }
}

/// The project in `flows/`, loaded once.
pub fn project() -> Rc<Project> {
    PROJECT.with(Rc::clone)
}

/// The world file `flows/worlds/<name>.yaml`, checked against the catalog.
pub fn load_world(name: &str) -> World {
    let path = flows_dir().join("worlds").join(format!("{name}.yaml"));
    let project = project();
    match World::load_file(&path, &project.catalog) {
        Ok(world) => world,
        Err(diagnostics) => panic!(
            "the world `{name}` does not load:\n{}",
            listing(&diagnostics)
        ),
    }
}

/// Runs the flow `flow_id` with `answers` in the scenario's simulator, built from its Given
/// tables on the first run, and records the run.
pub async fn run(world: &mut Acceptance, flow_id: &str, answers: BTreeMap<String, Vec<String>>) {
    let project = project();
    let Some(flow) = project.flow(flow_id) else {
        let known: Vec<&str> = project.flows.iter().map(|f| f.id.as_str()).collect();
        panic!("no flow `{flow_id}` in flows/; known: {}", known.join(", "));
    };
    start_simulator(world, &project);
    let mut choices = world.choices(&answers);
    let templates = TEMPLATES.with(Rc::clone);
    let engine = Engine::new(flow, &project.catalog, templates.as_ref());
    let Some(sim) = world.sim.as_mut() else {
        unreachable!("start_simulator always leaves a simulator")
    };
    let mut recording = Recording::new(sim);
    let trace = engine.run(&mut recording, &mut choices).await;
    let observed = recording.observed();
    let report = report(&trace);
    world.runs.push(Run {
        flow: flow_id.to_owned(),
        answers,
        trace,
        observed,
        report,
    });
}

fn start_simulator(world: &mut Acceptance, project: &Project) {
    if world.sim.is_some() {
        return;
    }
    let built = world.fixture.build(&project.catalog);
    world.sim = Some(Simulator::new(&built, &project.catalog));
    world.world = Some(built);
    let usernames: Vec<_> = world
        .world
        .iter()
        .flat_map(|w| w.customers.iter().map(|c| c.username.clone()))
        .collect();
    for username in usernames {
        let state = world.customer_state(&username);
        world.baseline.insert(username, state);
    }
}

/// D7: the bank notifies the customer area of the last payment once more.
pub async fn replay_notification(world: &mut Acceptance) {
    let Some(payment) = world
        .runs
        .iter()
        .rev()
        .find_map(|run| run.observed.payments.last().cloned())
    else {
        panic!("no payment was opened by the runs so far: nothing to replay")
    };
    let Some(sim) = world.sim.as_mut() else {
        panic!("no flow has run yet: nothing to replay")
    };
    let (area, _, _, _) = sim.parts();
    world.replay = Some(area.notify(&payment).await);
}

/// The trace as the text report prints it.
pub fn report(trace: &Trace) -> String {
    flowspec::report::text(trace)
}

fn listing(diagnostics: &[Diagnostic]) -> String {
    let lines: Vec<String> = diagnostics
        .iter()
        .map(|d| {
            let at = d
                .position
                .map(|p| format!(":{}:{}", p.line, p.column))
                .unwrap_or_default();
            let hint = d
                .hint
                .as_deref()
                .map(|h| format!(" ({h})"))
                .unwrap_or_default();
            format!("  {} {}{at}: {}{hint}", d.code, d.file, d.message)
        })
        .collect();
    lines.join("\n")
}
