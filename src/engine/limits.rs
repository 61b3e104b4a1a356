//! The step limit: a run that keeps going past it is stuck in a loop, and the message names it.

use crate::ids::StepId;

/// Steps a run may enter before it ends with [`crate::outcome::Outcome::StepLimit`].
pub const DEFAULT_STEP_LIMIT: usize = 1000;

/// Steps of a loop shown in full; longer loops show their start and end only.
const SHOWN: usize = 12;

/// Why a run stopped at the step limit: the loop it was in, from the last time it entered
/// `next` until now, e.g. `codice-otp → autenticazione-forte → codice-otp`.
pub(crate) fn loop_message(limit: usize, visited: &[StepId], next: &StepId) -> String {
    let start = visited
        .iter()
        .rposition(|step| step == next)
        .unwrap_or(visited.len());
    let mut cycle: Vec<&str> = visited[start..].iter().map(StepId::as_str).collect();
    cycle.push(next.as_str());
    if cycle.len() > SHOWN {
        let tail = cycle.split_off(cycle.len() - SHOWN / 2);
        cycle.truncate(SHOWN / 2);
        cycle.push("…");
        cycle.extend(tail);
    }
    format!(
        "step limit of {limit} steps reached: the run loops through {}",
        cycle
            .iter()
            .map(|step| if *step == "…" {
                "…".to_owned()
            } else {
                format!("`{step}`")
            })
            .collect::<Vec<_>>()
            .join(" → ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(names: &[&str]) -> Vec<StepId> {
        names.iter().map(|n| StepId::from(*n)).collect()
    }

    #[test]
    fn names_the_repeating_steps() {
        let visited = ids(&["accesso", "otp", "verifica", "otp", "verifica"]);
        assert_eq!(
            loop_message(5, &visited, &StepId::from("otp")),
            "step limit of 5 steps reached: the run loops through `otp` → `verifica` → `otp`"
        );
    }

    #[test]
    fn long_loops_are_shortened() {
        let names: Vec<String> = (0..30).map(|i| format!("s{i}")).collect();
        let visited: Vec<StepId> = names.iter().map(|n| StepId::from(n.as_str())).collect();
        let message = loop_message(30, &visited, &StepId::from("s0"));
        assert!(message.contains("`s0` → `s1`"), "{message}");
        assert!(message.contains(" → … → "), "{message}");
        assert!(message.ends_with("`s29` → `s0`"), "{message}");
    }
}
