//! "Did you mean `x`?": the closest known name to a misspelt one.

/// The candidate closest to `word`, if one is close enough to be a plausible typo.
///
/// Close enough means an edit distance (insertions, deletions, substitutions, swaps of two
/// neighbours; case ignored) of at most a third of the word's length, and at least one edit
/// allowed, so `nxt` finds `next` but `zzz` finds nothing. Ties go to the alphabetically first
/// candidate so the hint never depends on the order the candidates come in. A word equal to a
/// candidate gets no suggestion: there is nothing to correct.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let lowered = word.to_lowercase();
    let length = lowered.chars().count();
    let allowed = (length / 3).max(1);
    candidates
        .into_iter()
        .filter(|candidate| *candidate != word)
        .map(|candidate| {
            let distance = strsim::damerau_levenshtein(&lowered, &candidate.to_lowercase());
            (distance, candidate)
        })
        .filter(|(distance, _)| *distance <= allowed && *distance < length)
        .min()
        .map(|(_, candidate)| candidate.to_string())
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    const STEP_KEYS: &[&str] = &["id", "call", "next", "outcomes", "answers", "else", "end"];

    #[test]
    fn one_letter_off_is_found() {
        assert_eq!(
            did_you_mean("outcome", STEP_KEYS.iter().copied()).as_deref(),
            Some("outcomes")
        );
        assert_eq!(
            did_you_mean("nxt", STEP_KEYS.iter().copied()).as_deref(),
            Some("next")
        );
        assert_eq!(
            did_you_mean("prosegi", ["prosegui", "paga"]).as_deref(),
            Some("prosegui")
        );
    }

    #[test]
    fn swapped_letters_and_case_are_typos() {
        assert_eq!(
            did_you_mean("clal", STEP_KEYS.iter().copied()).as_deref(),
            Some("call")
        );
        assert_eq!(
            did_you_mean("Call", STEP_KEYS.iter().copied()).as_deref(),
            Some("call")
        );
    }

    #[test]
    fn unrelated_words_get_no_suggestion() {
        assert_eq!(did_you_mean("zzz", STEP_KEYS.iter().copied()), None);
        assert_eq!(did_you_mean("description", STEP_KEYS.iter().copied()), None);
        assert_eq!(did_you_mean("x", STEP_KEYS.iter().copied()), None);
    }

    #[test]
    fn an_exact_name_needs_no_correction() {
        assert_eq!(did_you_mean("call", STEP_KEYS.iter().copied()), None);
    }

    #[test]
    fn ties_do_not_depend_on_candidate_order() {
        let forward = did_you_mean("ent", ["end", "env"]);
        let backward = did_you_mean("ent", ["env", "end"]);
        assert_eq!(forward, backward);
        assert_eq!(forward.as_deref(), Some("end"));
    }
}
