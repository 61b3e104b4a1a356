//! A flow as a Mermaid `flowchart TD`: decisions as rhombi with their labels, the customer's
//! choices with their prompts, edges named by outcome or answer, ends as rounded nodes.

use crate::flow::{Flow, StepIndex, StepKind};
use std::collections::BTreeSet;
use std::fmt::Write;

/// The flow as Mermaid source. The same flow always gives the same text.
pub fn mermaid(flow: &Flow) -> String {
    let ids = node_ids(flow);
    let mut out = String::from("flowchart TD\n");
    for (index, step) in flow.steps.iter().enumerate() {
        let id = &ids[index];
        let name = step.id.as_str();
        let node = match &step.kind {
            StepKind::If {
                label, condition, ..
            } => format!(
                "{id}{{\"{}\"}}",
                escape(label.as_deref().unwrap_or(&condition.source))
            ),
            StepKind::Ask { prompt, choice, .. } => {
                format!(
                    "{id}[/\"{}\"/]",
                    escape(prompt.as_deref().unwrap_or(choice))
                )
            }
            StepKind::Call { operation, .. } => {
                format!("{id}[\"{}<br/>{}\"]", escape(name), operation.name)
            }
            StepKind::Email { template, .. } => {
                format!("{id}[[\"email: {}\"]]", escape(template))
            }
            StepKind::Show { .. } => format!("{id}[\"{}\"]", escape(name)),
            StepKind::End { outcome } => format!("{id}([\"{outcome}\"])"),
        };
        let _ = writeln!(out, "    {node}");
    }
    let _ = writeln!(out, "    start((start)) --> {}", ids[flow.start.0]);
    for (index, step) in flow.steps.iter().enumerate() {
        for (label, StepIndex(to)) in step.kind.successors() {
            let arrow = match label {
                Some(label) => format!("-->|\"{}\"|", escape(label)),
                None => "-->".to_owned(),
            };
            let _ = writeln!(out, "    {} {arrow} {}", ids[index], ids[to]);
        }
    }
    out
}

/// A Mermaid-safe node id per step: letters, digits and `_`, prefixed so that no id is a
/// keyword (`end`), suffixed by the index when two step ids sanitize alike.
fn node_ids(flow: &Flow) -> Vec<String> {
    let mut ids: Vec<String> = Vec::with_capacity(flow.steps.len());
    let mut taken: BTreeSet<String> = BTreeSet::new();
    for (index, step) in flow.steps.iter().enumerate() {
        let clean: String = step
            .id
            .as_str()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        let mut id = format!("s_{clean}");
        if taken.contains(&id) {
            id = format!("{id}_{index}");
        }
        taken.insert(id.clone());
        ids.push(id);
    }
    ids
}

/// Text safe inside a quoted Mermaid label.
fn escape(text: &str) -> String {
    text.replace('"', "#quot;")
        .replace('<', "#lt;")
        .replace('>', "#gt;")
        .replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::fixture::{HEADER, check_yaml};

    #[test]
    fn shapes_labels_and_edges() {
        let yaml = format!(
            "{HEADER}  - id: a\n    ask: carta\n    prompt: \"Quale \\\"carta\\\"?\"\n    answers: {{ nuova: end, vecchia: b }}\n  - id: b\n    if: \"true\"\n    label: Carte registrate?\n    then: end\n    else: end-2\n  - id: end\n    end: paid\n  - id: end-2\n    end: declined\n"
        );
        let flow = check_yaml(&yaml).unwrap();
        let text = mermaid(&flow);
        assert_eq!(
            text,
            "flowchart TD\n    s_a[/\"Quale #quot;carta#quot;?\"/]\n    s_b{\"Carte registrate?\"}\n    s_end([\"paid\"])\n    s_end_2([\"declined\"])\n    start((start)) --> s_a\n    s_a -->|\"nuova\"| s_end\n    s_a -->|\"vecchia\"| s_b\n    s_b -->|\"sì\"| s_end\n    s_b -->|\"no\"| s_end_2\n"
        );
    }
}
