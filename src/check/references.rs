//! F002 and F001: step ids are unique, and every step a flow jumps to exists.

use super::locate;
use super::report::Report;
use super::suggest;
use crate::diagnostic::Code;
use crate::raw::{RawFlow, RawStep, Text};
use std::collections::BTreeMap;

/// Step ids and the index of the step that first defines each.
pub struct Ids<'r> {
    by_name: BTreeMap<&'r str, usize>,
}

impl<'r> Ids<'r> {
    /// The ids of `raw`, reporting F002 for every id defined again.
    pub fn collect(raw: &'r RawFlow, report: &mut Report) -> Ids<'r> {
        let mut by_name: BTreeMap<&'r str, usize> = BTreeMap::new();
        for (index, step) in raw.steps.iter().enumerate() {
            let id = &step.id;
            if let Some(first) = by_name.get(id.value.as_str()) {
                let first_at = locate::of(&raw.steps[*first].id)
                    .map(|p| format!(" (line {})", p.line))
                    .unwrap_or_default();
                report.on(
                    Code::DuplicateId,
                    id,
                    format!("step id `{}` is already used{first_at}", id.value),
                    "give each step its own id; references would otherwise be ambiguous",
                );
            } else {
                by_name.insert(id.value.as_str(), index);
            }
        }
        Ids { by_name }
    }

    /// The index of the step called `id`.
    pub fn get(&self, id: &str) -> Option<usize> {
        self.by_name.get(id).copied()
    }

    /// True when step `index` reuses the id of an earlier step.
    pub fn is_duplicate(&self, index: usize, id: &str) -> bool {
        self.get(id) != Some(index)
    }

    /// Every id, for hints.
    pub fn names(&self) -> impl Iterator<Item = &str> + '_ {
        self.by_name.keys().copied()
    }
}

/// Every step reference of `step`, with the field it is written in.
pub fn targets(step: &RawStep) -> Vec<(&'static str, &Text)> {
    let mut all: Vec<(&'static str, &Text)> = Vec::new();
    all.extend(step.outcomes.0.iter().map(|(_, v)| ("outcome", v)));
    all.extend(step.answers.0.iter().map(|(_, v)| ("answer", v)));
    all.extend(step.then.iter().map(|v| ("then", v)));
    all.extend(step.otherwise.iter().map(|v| ("else", v)));
    all.extend(step.next.iter().map(|v| ("next", v)));
    all
}

/// Reports F001 for `start` and every reference of every step that names no step.
/// Returns, per step, whether all its references resolved.
pub fn check(raw: &RawFlow, ids: &Ids, report: &mut Report) -> Vec<bool> {
    resolve(&raw.start, "start", ids, report);
    raw.steps
        .iter()
        .map(|step| {
            // Resolve every target before judging, so each bad one is reported.
            let resolved: Vec<bool> = targets(step)
                .into_iter()
                .map(|(field, target)| resolve(target, field, ids, report))
                .collect();
            resolved.iter().all(|ok| *ok)
        })
        .collect()
}

/// True when `target` names a step; otherwise reports F001.
fn resolve(target: &Text, field: &str, ids: &Ids, report: &mut Report) -> bool {
    if ids.get(&target.value).is_some() {
        return true;
    }
    let hint = suggest::hint(&target.value, ids.names(), || {
        "define a step with this id, or name an existing one".to_owned()
    });
    report.on(
        Code::UnknownStep,
        target,
        format!(
            "{field} refers to step `{}`, which does not exist",
            target.value
        ),
        hint,
    );
    false
}

#[cfg(test)]
mod tests {
    use crate::check::fixture::{HEADER, at, check_yaml};
    use crate::diagnostic::Code;

    #[test]
    fn f001_unknown_next_is_located_with_a_suggestion() {
        let steps = "  - id: a\n    next: fin\n  - id: fine\n    end: paid\n";
        assert_eq!(at(steps, Code::UnknownStep), vec![(8, 11)]);
        let hint = crate::check::fixture::diagnostics(steps)[0].hint.clone();
        assert_eq!(hint.as_deref(), Some("did you mean `fine`?"));
    }

    #[test]
    fn f001_caret_skips_the_quote_of_a_quoted_reference() {
        let steps = "  - id: a\n    next: \"fin\"\n  - id: fine\n    end: paid\n";
        assert_eq!(at(steps, Code::UnknownStep), vec![(8, 12)]);
    }

    #[test]
    fn f001_unknown_start_and_outcome_target() {
        let yaml = HEADER.replace("start: a", "start: inizio")
            + "  - id: a\n    call: area.services\n    outcomes: { ok: nowhere }\n";
        let codes: Vec<_> = check_yaml(&yaml)
            .unwrap_err()
            .into_iter()
            .filter(|d| d.code == Code::UnknownStep)
            .map(|d| d.position.map(|p| (p.line, p.column)))
            .collect();
        assert_eq!(codes, vec![Some((5, 8)), Some((9, 21))]);
    }

    #[test]
    fn f002_duplicate_id_reported_once_at_the_second() {
        let steps =
            "  - id: a\n    next: fine\n  - id: fine\n    end: paid\n  - id: fine\n    end: paid\n";
        assert_eq!(at(steps, Code::DuplicateId), vec![(11, 9)]);
        assert_eq!(at(steps, Code::Unreachable), vec![]);
    }
}
