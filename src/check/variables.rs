//! F009: a variable is set (by an earlier step's `into`) on every path that reaches a read.
//!
//! Forward dataflow: the variables definitely set on entry to a step are the intersection of
//! those set on exit from each of its (reachable) predecessors; a step's `into` adds its
//! variable on exit. `expect` is evaluated after the step, so it also sees the step's own `into`.

use super::expressions::{Read, Reads, offset_of};
use super::graph::Graph;
use super::locate;
use super::report::Report;
use super::suggest;
use crate::diagnostic::Code;
use crate::expr::GLOBALS;
use crate::raw::RawFlow;
use std::collections::BTreeSet;

/// Reports F009 for every read of a variable not definitely set there.
pub fn check(
    raw: &RawFlow,
    graph: &Graph,
    assigned: &[Option<&str>],
    reads: &[Reads],
    report: &mut Report,
) {
    let Some(start) = graph.start else {
        return;
    };
    let entry = definitely_set(graph, start, assigned);
    for (index, step_reads) in reads.iter().enumerate() {
        let Some(before) = &entry[index] else {
            continue; // unreachable: F003 says so
        };
        let mut after = before.clone();
        after.extend(assigned[index].map(str::to_owned));
        let checks = step_reads
            .before
            .iter()
            .map(|r| (r, before))
            .chain(step_reads.after.iter().map(|r| (r, &after)));
        for (read, set) in checks {
            if !set.contains(&read.name) && !GLOBALS.contains(&read.name.as_str()) {
                unset(raw, assigned, read, report);
            }
        }
    }
}

/// Per step, the variables definitely set on entry, or `None` when no path reaches it.
fn definitely_set(
    graph: &Graph,
    start: usize,
    assigned: &[Option<&str>],
) -> Vec<Option<BTreeSet<String>>> {
    let predecessors = graph.predecessors();
    let mut entry: Vec<Option<BTreeSet<String>>> = vec![None; graph.step_count()];
    entry[start] = Some(BTreeSet::new());
    let mut changed = true;
    while changed {
        changed = false;
        for step in 0..graph.step_count() {
            let mut incoming: Option<BTreeSet<String>> = (step == start).then(BTreeSet::new);
            for before in &predecessors[step] {
                let Some(set) = &entry[*before] else { continue };
                let mut out = set.clone();
                out.extend(assigned[*before].map(str::to_owned));
                incoming = Some(match incoming {
                    None => out,
                    Some(so_far) => so_far.intersection(&out).cloned().collect(),
                });
            }
            if incoming != entry[step] && incoming.is_some() {
                entry[step] = incoming;
                changed = true;
            }
        }
    }
    entry
}

fn unset(raw: &RawFlow, assigned: &[Option<&str>], read: &Read, report: &mut Report) {
    let setter = assigned
        .iter()
        .position(|a| *a == Some(read.name.as_str()))
        .map(|index| raw.steps[index].id.value.as_str());
    let hint = match setter {
        Some(step) => format!(
            "`{}` is set by step `{step}`, but not every path to here passes through it",
            read.name
        ),
        None => {
            let known = assigned
                .iter()
                .flatten()
                .copied()
                .chain(GLOBALS.iter().copied());
            suggest::hint(&read.name, known, || {
                format!(
                    "set it with `into: {}` on an earlier `call` or `ask`",
                    read.name
                )
            })
        }
    };
    let offset = offset_of(&read.text.value, &read.name).unwrap_or(0);
    report.add(
        Code::UnsetVariable,
        locate::inside(report.source, read.text, offset),
        read.name.chars().count(),
        format!("variable `{}` may be read before it is set", read.name),
        hint,
    );
}

#[cfg(test)]
mod tests {
    use crate::check::fixture::{at, diagnostics};
    use crate::diagnostic::Code;

    const BRANCHES: &str = "  - id: a\n    ask: scelta\n    answers: { si: b, no: c }\n  - id: b\n    ask: carta\n    into: carta\n    next: c\n";

    #[test]
    fn f009_read_on_a_path_that_skips_the_setter() {
        let steps = format!(
            "{BRANCHES}  - id: c\n    if: catalog.products and carta == \"x\"\n    then: fine\n    else: fine\n  - id: fine\n    end: paid\n"
        );
        assert_eq!(at(&steps, Code::UnsetVariable), vec![(15, 30)]);
        let hint = diagnostics(&steps)[0].hint.clone();
        assert_eq!(
            hint.as_deref(),
            Some("`carta` is set by step `b`, but not every path to here passes through it")
        );
    }

    #[test]
    fn f009_unknown_name_suggests_a_set_one() {
        let steps = format!(
            "{BRANCHES}  - id: c\n    if: cartta\n    then: fine\n    else: fine\n  - id: fine\n    end: paid\n"
        );
        assert_eq!(at(&steps, Code::UnsetVariable), vec![(15, 9)]);
        assert_eq!(
            diagnostics(&steps)[0].hint.as_deref(),
            Some("did you mean `carta`?")
        );
    }

    #[test]
    fn expect_sees_the_steps_own_into_and_loops_keep_what_is_set() {
        let steps = "  - id: a\n    ask: otp\n    into: otp\n    expect: [\"otp != ''\"]\n    next: b\n  - id: b\n    ask: ancora\n    answers: { si: a, no: c }\n  - id: c\n    if: otp\n    then: fine\n    else: fine\n  - id: fine\n    end: paid\n";
        assert_eq!(diagnostics(steps), vec![]);
    }
}
