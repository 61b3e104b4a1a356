//! The flows against the published guide they encode, and the README against the flows:
//! any drift in wording, numbering, UI labels (R1-R10) or diagrams fails here.

use flowspec::flow::Flow;
use flowspec::project::Project;
use flowspec::render::{guide, readme_block, refresh_readme};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The guide as shipped with the flows.
const GUIDE: &str = "flows/guida-3.2.2-pagamento-carta.txt";

/// UI labels the rules quote (R1-R8): where the guide step shows one, the flow must too.
const UI_LABELS: &[&str] = &[
    "Gestisci",
    "Paga",
    "Attesa pagamento",
    "Carta di credito",
    "Nuova carta",
    "Prosegui",
    "Riepilogo ordine",
    "Autorizza e procedi",
    "Procedi",
    "Invio dati",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn project() -> Project {
    Project::load(&root().join("flows"))
        .unwrap_or_else(|found| panic!("flows/ does not check: {found:#?}"))
}

fn shipped_guide() -> String {
    std::fs::read_to_string(root().join(GUIDE)).expect("the guide copy is shipped in flows/")
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The numbered steps of the procedure introduced by the line starting with `heading`: item
/// `n` of the result is step `n + 1`, its bullet lines joined to it.
fn procedure(guide: &str, heading: &str) -> Vec<String> {
    let mut steps: Vec<String> = Vec::new();
    let body = guide
        .lines()
        .skip_while(|line| !line.starts_with(heading))
        .skip(1)
        .take_while(|line| line.starts_with(' '));
    for line in body {
        let line = line.trim();
        let numbered = line
            .split_once(". ")
            .filter(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        match numbered {
            Some((n, rest)) => {
                assert_eq!(n, (steps.len() + 1).to_string(), "guide numbering: {line}");
                steps.push(rest.to_owned());
            }
            None => {
                let last = steps.last_mut().expect("a bullet follows a numbered step");
                last.push(' ');
                last.push_str(line);
            }
        }
    }
    steps.into_iter().map(|s| normalise(&s)).collect()
}

/// The guide steps of `flow`'s procedure (A: registered card, B: new card).
fn steps_of(flow: &Flow) -> Vec<String> {
    let heading = match flow.procedure.as_str() {
        "A" => "Per pagare successivamente",
        "B" => "Per pagare e registrare",
        other => panic!("no procedure {other} in the guide"),
    };
    procedure(&shipped_guide(), heading)
}

/// The guide step number a flow step cites.
fn number(flow: &Flow, guide_ref: &str) -> usize {
    guide_ref
        .strip_prefix(flow.procedure.as_str())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{}: bad guide ref {guide_ref}", flow.id))
}

/// True when `label` occurs in `text` as whole words (`Paga` is not in `Pagamento`).
fn shows(text: &str, label: &str) -> bool {
    text.match_indices(label).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + label.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn shipped_guide_is_the_seed_copy() {
    let seed = root().join("../shared/seed/guida-3.2.2-pagamento-carta.txt");
    if !Path::new(&seed).exists() {
        return; // only where shared/ sits beside the repository, as in CI
    }
    let copy = std::fs::read(root().join(GUIDE)).unwrap();
    assert!(
        std::fs::read(seed).unwrap() == copy,
        "{GUIDE} differs from the seed"
    );
}

#[test]
fn guide_has_seven_and_nine_steps() {
    let guide = shipped_guide();
    assert_eq!(procedure(&guide, "Per pagare successivamente").len(), 7);
    assert_eq!(procedure(&guide, "Per pagare e registrare").len(), 9);
    let counts: Vec<_> = flowspec::check::PROCEDURES.to_vec();
    assert_eq!(counts, vec![("A", 7), ("B", 9)]);
}

#[test]
fn flows_cite_every_guide_step_and_only_those() {
    for flow in &project().flows {
        let cited: BTreeSet<usize> = flow
            .steps
            .iter()
            .filter_map(|s| s.guide.as_deref())
            .map(|g| number(flow, g))
            .collect();
        let all: BTreeSet<usize> = (1..=steps_of(flow).len()).collect();
        assert_eq!(cited, all, "{}: guide steps cited", flow.id);
    }
}

#[test]
fn step_texts_are_the_guides_words() {
    for flow in &project().flows {
        let guide_steps = steps_of(flow);
        for step in &flow.steps {
            let (Some(guide_ref), Some(text)) = (&step.guide, &step.text) else {
                continue;
            };
            let guide_text = &guide_steps[number(flow, guide_ref) - 1];
            assert!(
                guide_text.contains(&normalise(text)),
                "{}: step `{}` says {text:?}, which is not in {guide_ref}: {guide_text:?}",
                flow.id,
                step.id
            );
        }
    }
}

#[test]
fn ui_labels_of_each_guide_step_are_in_the_flow() {
    for flow in &project().flows {
        for (index, guide_text) in steps_of(flow).iter().enumerate() {
            let guide_ref = format!("{}{}", flow.procedure, index + 1);
            let ui: BTreeSet<&str> = flow
                .steps
                .iter()
                .filter(|s| s.guide.as_deref() == Some(guide_ref.as_str()))
                .flat_map(|s| s.ui.iter().map(String::as_str))
                .collect();
            for label in UI_LABELS.iter().filter(|l| shows(guide_text, l)) {
                assert!(
                    ui.contains(label),
                    "{}: {guide_ref} shows `{label}` but no step citing it lists it in `ui`",
                    flow.id
                );
            }
        }
    }
}

#[test]
fn rendered_guide_numbers_every_step_from_the_guide() {
    for flow in &project().flows {
        let guide_steps = steps_of(flow);
        let rendered = guide(flow);
        let mut lines = rendered.lines();
        assert_eq!(lines.next(), Some(flow.intro.as_str()));
        let items: Vec<&str> = lines.collect();
        assert_eq!(items.len(), guide_steps.len(), "{rendered}");
        for (index, item) in items.iter().enumerate() {
            let prefix = format!("  {}. ", index + 1);
            assert!(item.starts_with(&prefix), "{item}");
            let first_words: String = item[prefix.len()..].chars().take(20).collect();
            assert!(guide_steps[index].contains(&first_words), "{item}");
        }
    }
}

#[test]
fn readme_diagrams_match_the_flows() {
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let project = project();
    if std::env::var("FLOWSPEC_UPDATE_README").as_deref() == Ok("1") {
        std::fs::write(&path, refresh_readme(&readme, &project.flows)).unwrap();
        return;
    }
    for flow in &project.flows {
        let file = Path::new(&flow.file)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        assert!(
            readme.contains(&readme_block(flow)),
            "README.md: the diagram of `{}` is missing or stale; refresh it with \
             `FLOWSPEC_UPDATE_README=1 cargo test --test render`, or paste the output of \
             `cargo run -- graph flows/{file}` between <!-- graph:{} --> and <!-- /graph:{} -->",
            flow.id,
            flow.id,
            flow.id
        );
    }
}

/// Runs the `flowspec` binary from the repository root.
fn flowspec(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_flowspec"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the flowspec binary runs")
}

#[test]
fn graph_and_guide_commands_print_the_renderings() {
    let project = project();
    let flow = project.flow("paga-nuova-carta").expect("flow B");
    let graph = flowspec(&["graph", "flows/paga-nuova-carta.yaml"]);
    assert_eq!(graph.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&graph.stdout),
        flowspec::render::mermaid(flow)
    );
    let printed = flowspec(&["guide", "flows/paga-nuova-carta.yaml"]);
    assert_eq!(printed.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&printed.stdout), guide(flow));
}

#[test]
fn graph_exits_1_on_diagnostics_and_2_on_unreadable_files() {
    let broken = flowspec(&["graph", "tests/broken/check-f001-unknown-step.yaml"]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&broken.stderr).contains("error[F001]"));
    assert!(broken.stdout.is_empty());
    let missing = flowspec(&["guide", "flows/non-esiste.yaml"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("non-esiste.yaml"));
}
