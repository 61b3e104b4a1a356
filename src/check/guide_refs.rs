//! F015: a step's guide reference names a step of the flow's own procedure.

use super::report::Report;
use crate::diagnostic::Code;
use crate::raw::{RawFlow, Text};

/// The procedures of guide 3.2.2 and how many numbered steps each has: A (registered card)
/// 1-7, B (new card) 1-9, as the guide numbers them.
pub const PROCEDURES: &[(&str, u32)] = &[("A", 7), ("B", 9)];

/// Reports F015 for an unknown procedure letter and for every reference outside it.
pub fn check(raw: &RawFlow, report: &mut Report) {
    let procedure = &raw.guide.procedure;
    let Some((letter, count)) = PROCEDURES.iter().find(|(l, _)| *l == procedure.value) else {
        report.on(
            Code::BadGuideRef,
            procedure,
            format!("the guide has no procedure `{}`", procedure.value),
            "use `A` (registered card) or `B` (new card)",
        );
        return;
    };
    for step in &raw.steps {
        if let Some(guide) = &step.guide
            && !names_step(guide, letter, *count)
        {
            report.on(
Code::BadGuideRef,
guide,
                format!(
                    "`{}` is not a step of procedure {letter}, which has steps {letter}1 to {letter}{count}",
                    guide.value
                ),
                format!("use one of {letter}1..{letter}{count}, or leave `guide` out"),
            );
        }
    }
}

fn names_step(guide: &Text, letter: &str, count: u32) -> bool {
    guide
        .value
        .strip_prefix(letter)
        .and_then(|n| {
            (!n.starts_with('0'))
                .then(|| n.parse::<u32>().ok())
                .flatten()
        })
        .is_some_and(|n| (1..=count).contains(&n))
}

#[cfg(test)]
mod tests {
    use crate::check::fixture::at;
    use crate::diagnostic::Code;

    #[test]
    fn f015_refs_outside_the_procedure() {
        let steps = "  - id: a\n    guide: A7\n    next: b\n  - id: b\n    guide: A8\n    next: c\n  - id: c\n    guide: B1\n    end: paid\n";
        assert_eq!(at(steps, Code::BadGuideRef), vec![(11, 12), (14, 12)]);
    }
}
