//! "Did you mean" hints: the closest known name to a misspelt one.

/// The candidate closest to `name`, when one is close enough to be a likely typo.
///
/// Closeness is the normalised Damerau-Levenshtein similarity, so a swapped pair of letters
/// counts as one edit; a candidate that merely shares a prefix (`area.pay` for `area.p`) also
/// qualifies, because a truncated name is a common slip.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let mut best: Option<(f64, &'a str)> = None;
    for candidate in candidates {
        if candidate == name {
            continue;
        }
        let score = strsim::normalized_damerau_levenshtein(name, candidate);
        let prefix = name.len() >= 3 && candidate.starts_with(name);
        let good = score >= 0.7 || prefix;
        if good && best.is_none_or(|(top, _)| score > top) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// A hint sentence for [`did_you_mean`], or the fallback when nothing is close.
pub fn hint<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    fallback: impl FnOnce() -> String,
) -> String {
    match did_you_mean(name, candidates) {
        Some(close) => format!("did you mean `{close}`?"),
        None => fallback(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_name() {
        let ids = ["scegli-carta", "scegli-ordine", "paga"];
        assert_eq!(did_you_mean("scegli-cart", ids), Some("scegli-carta"));
        assert_eq!(did_you_mean("scegli-ordnie", ids), Some("scegli-ordine"));
        assert_eq!(did_you_mean("completamente-diverso", ids), None);
    }

    #[test]
    fn hint_falls_back_when_nothing_is_close() {
        assert_eq!(hint("pga", ["paga"], String::new), "did you mean `paga`?");
        assert_eq!(hint("zzz", ["paga"], || "none".into()), "none");
    }
}
