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
use std::collections::{BTreeMap, VecDeque};

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
    // Variables by number, in order of first setter, so sets are bit vectors.
    let mut numbers: BTreeMap<&str, usize> = BTreeMap::new();
    let mut setters: BTreeMap<&str, &str> = BTreeMap::new();
    for (step, variable) in raw.steps.iter().zip(assigned) {
        if let Some(variable) = variable {
            let next = numbers.len();
            numbers.entry(variable).or_insert(next);
            setters.entry(variable).or_insert(step.id.value.as_str());
        }
    }
    let sets: Vec<Option<usize>> = assigned
        .iter()
        .map(|a| a.and_then(|name| numbers.get(name).copied()))
        .collect();
    let entry = definitely_set(graph, start, &sets, numbers.len());
    for (index, step_reads) in reads.iter().enumerate() {
        let Some(before) = &entry[index] else {
            continue; // unreachable: F003 says so
        };
        let mut after = before.clone();
        after.insert(sets[index]);
        let checks = step_reads
            .before
            .iter()
            .map(|r| (r, before))
            .chain(step_reads.after.iter().map(|r| (r, &after)));
        for (read, set) in checks {
            let number = numbers.get(read.name.as_str()).copied();
            if !set.contains(number) && !GLOBALS.contains(&read.name.as_str()) {
                unset(&setters, read, report);
            }
        }
    }
}

/// A set of variable numbers.
#[derive(Clone, PartialEq, Eq)]
struct Bits(Vec<u64>);

impl Bits {
    fn empty(size: usize) -> Bits {
        Bits(vec![0; size.div_ceil(64)])
    }

    fn insert(&mut self, number: Option<usize>) {
        if let Some(n) = number
            && let Some(word) = self.0.get_mut(n / 64)
        {
            *word |= 1 << (n % 64);
        }
    }

    fn contains(&self, number: Option<usize>) -> bool {
        number.is_some_and(|n| self.0.get(n / 64).is_some_and(|w| w & (1 << (n % 64)) != 0))
    }

    fn intersection(&self, other: &Bits) -> Bits {
        Bits(self.0.iter().zip(&other.0).map(|(a, b)| a & b).collect())
    }
}

/// Per step, the variables definitely set on entry, or `None` when no path reaches it.
///
/// A worklist: a step is revisited only when what flows into it changed, and each set only
/// shrinks once set, so large flows stay near linear.
fn definitely_set(
    graph: &Graph,
    start: usize,
    sets: &[Option<usize>],
    variables: usize,
) -> Vec<Option<Bits>> {
    let mut entry: Vec<Option<Bits>> = vec![None; graph.step_count()];
    entry[start] = Some(Bits::empty(variables));
    let mut pending: VecDeque<usize> = VecDeque::from([start]);
    let mut queued = vec![false; graph.step_count()];
    queued[start] = true;
    while let Some(step) = pending.pop_front() {
        queued[step] = false;
        let Some(set) = &entry[step] else { continue };
        let mut out = set.clone();
        out.insert(sets[step]);
        for next in &graph.successors[step] {
            let merged = match &entry[*next] {
                None => out.clone(),
                Some(known) => known.intersection(&out),
            };
            if entry[*next].as_ref() != Some(&merged) {
                entry[*next] = Some(merged);
                if !std::mem::replace(&mut queued[*next], true) {
                    pending.push_back(*next);
                }
            }
        }
    }
    entry
}

/// Reports one unset read; `setters` maps each variable to the first step that sets it.
fn unset(setters: &BTreeMap<&str, &str>, read: &Read, report: &mut Report) {
    let hint = match setters.get(read.name.as_str()) {
        Some(step) => format!(
            "`{}` is set by step `{step}`, but not every path to here passes through it",
            read.name
        ),
        None => {
            let known = setters.keys().copied().chain(GLOBALS.iter().copied());
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
        locate::inside(&report.lines, read.text, offset),
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
