//! F003, F004, F005: every step is reachable from `start`, and every step can reach an `end`.
//!
//! A closed loop (F005) is reported once for all its steps; steps that lead only into such a
//! loop, or into nothing, get F004. Steps whose own references or shape are already reported
//! do not add a second diagnostic: the missing edge may well be the way out.

use super::graph::Graph;
use super::report::Report;
use crate::diagnostic::Code;
use crate::raw::RawFlow;

/// What the reachability checks need to know of each step.
pub struct Steps<'a> {
    /// The flow.
    pub raw: &'a RawFlow,
    /// `is_end[i]`: step `i` is an `end`.
    pub is_end: &'a [bool],
    /// `sound[i]`: step `i` has a good shape and all its references resolved.
    pub sound: &'a [bool],
    /// `duplicate[i]`: step `i` reuses an earlier id (F002), so nothing can lead to it.
    pub duplicate: &'a [bool],
}

/// Reports F003, F005 and F004 on `graph`.
pub fn check(steps: &Steps, graph: &Graph, report: &mut Report) {
    let reachable = graph.reachable();
    if graph.start.is_some() {
        for (index, step) in steps.raw.steps.iter().enumerate() {
            if !reachable[index] && !steps.duplicate[index] {
                report.on(
Code::Unreachable,
&step.id,
                    format!("no path from `start` reaches step `{}`", step.id.value),
                    "lead to it from another step (`next`, an outcome, an answer, `then`/`else`) or remove it",
                );
            }
        }
    }
    let in_closed_loop = closed_loops(steps, graph, report);
    let ends = can_reach(graph, steps.is_end);
    let into_unsound = can_reach(graph, &steps.sound.iter().map(|s| !s).collect::<Vec<_>>());
    for (index, step) in steps.raw.steps.iter().enumerate() {
        let relevant = reachable[index] || graph.start.is_none();
        let skip = in_closed_loop[index] || into_unsound[index] || steps.duplicate[index];
        if ends[index] || !relevant || skip {
            continue;
        }
        report.on(
            Code::NoEnd,
            &step.id,
            format!("no `end` step can be reached from step `{}`", step.id.value),
            "every path must finish at a step with `end: <outcome>`; route this one to one",
        );
    }
}

/// Reports F005 for each loop no step can leave; returns the steps in such loops.
fn closed_loops(steps: &Steps, graph: &Graph, report: &mut Report) -> Vec<bool> {
    let mut in_loop = vec![false; graph.step_count()];
    let components = graph.components();
    let mut component_of = vec![0; graph.step_count()];
    for (number, component) in components.iter().enumerate() {
        for step in component {
            component_of[*step] = number;
        }
    }
    for (number, component) in components.into_iter().enumerate() {
        let cyclic = component.len() > 1 || graph.successors[component[0]].contains(&component[0]);
        let leaves = component.iter().any(|s| {
            graph.successors[*s]
                .iter()
                .any(|t| component_of[*t] != number)
        });
        let has_end = component.iter().any(|s| steps.is_end[*s]);
        let sound = component.iter().all(|s| steps.sound[*s]);
        if !cyclic || leaves || has_end || !sound {
            continue;
        }
        for step in &component {
            in_loop[*step] = true;
        }
        let names: Vec<String> = component
            .iter()
            .map(|s| format!("`{}`", steps.raw.steps[*s].id.value))
            .collect();
        let first = &steps.raw.steps[component[0]].id;
        report.on(
Code::EndlessCycle,
first,
            format!("steps {} loop with no way out", names.join(", ")),
            "give one of them an outcome, answer or `else` that leads out of the loop towards an `end`",
        );
    }
    in_loop
}

/// For each step, whether some step marked in `targets` can be reached from it (itself included).
fn can_reach(graph: &Graph, targets: &[bool]) -> Vec<bool> {
    let predecessors = graph.predecessors();
    let mut seen = targets.to_vec();
    let mut stack: Vec<usize> = (0..graph.step_count()).filter(|s| targets[*s]).collect();
    while let Some(step) = stack.pop() {
        for before in &predecessors[step] {
            if !std::mem::replace(&mut seen[*before], true) {
                stack.push(*before);
            }
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use crate::check::fixture::{at, diagnostics};
    use crate::diagnostic::Code;

    #[test]
    fn f003_unreachable_step() {
        let steps = "  - id: a\n    next: fine\n  - id: orfano\n    next: fine\n  - id: fine\n    end: paid\n";
        assert_eq!(at(steps, Code::Unreachable), vec![(9, 9)]);
    }

    #[test]
    fn f004_and_f005_loop_with_no_exit() {
        let steps = "  - id: a\n    next: b\n  - id: b\n    next: c\n  - id: c\n    next: b\n  - id: fine\n    end: paid\n";
        assert_eq!(at(steps, Code::NoEnd), vec![(7, 9)]);
        assert_eq!(at(steps, Code::EndlessCycle), vec![(9, 9)]);
        let cycle = diagnostics(steps)
            .into_iter()
            .find(|d| d.code == Code::EndlessCycle)
            .map(|d| d.message);
        assert_eq!(
            cycle.as_deref(),
            Some("steps `b`, `c` loop with no way out")
        );
    }

    #[test]
    fn a_loop_with_an_exit_is_fine() {
        let steps = "  - id: a\n    ask: otp\n    answers: { giusto: fine, sbagliato: a }\n  - id: fine\n    end: paid\n";
        assert_eq!(diagnostics(steps), vec![]);
    }
}
