//! Complete runs of procedures A and B on the simulator, emails included: time per run, and
//! per step through the throughput in steps. Target: at least 20,000 runs a second on one core.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use flowspec::email::Templates;
use flowspec::engine::Engine;
use flowspec::outcome::Outcome;
use flowspec::project::{EMAILS_DIR, Project};
use flowspec::sim::Simulator;
use flowspec::world::World;
use std::hint::black_box;
use std::path::Path;

/// The shipped flows, each with the shipped world whose default answers pay with it.
const CASES: &[(&str, &str, &str)] = &[
    (
        "A registered card",
        "paga-carta-registrata",
        "flows/worlds/esempio.yaml",
    ),
    (
        "B new card",
        "paga-nuova-carta",
        "flows/worlds/nuova-carta.yaml",
    ),
];

fn runs(c: &mut Criterion) {
    let dir = Path::new("flows");
    let project = Project::load(dir).expect("the shipped flows check");
    let templates = Templates::load(&dir.join(EMAILS_DIR)).expect("the shipped templates load");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime");
    let mut group = c.benchmark_group("run");
    for (name, flow, world) in CASES {
        let flow = project.flow(flow).expect("shipped flow");
        let world = World::load_file(Path::new(world), &project.catalog).expect("shipped world");
        let engine = Engine::new(flow, &project.catalog, &templates);
        let once = || {
            let mut target = Simulator::new(&world, &project.catalog);
            let mut choices = world.scripted_choices();
            runtime.block_on(engine.run(&mut target, &mut choices))
        };
        // Benchmark only runs that pay: a broken fixture must not pass for a fast engine.
        let trace = once();
        assert_eq!(trace.outcome, Outcome::Paid, "{name}: {:?}", trace.message);
        assert!(!trace.emails.is_empty(), "{name}: no email sent");
        group.throughput(Throughput::Elements(trace.steps.len() as u64));
        group.bench_function(*name, |b| b.iter(|| black_box(once())));
    }
    group.finish();
}

criterion_group!(benches, runs);
criterion_main!(benches);
