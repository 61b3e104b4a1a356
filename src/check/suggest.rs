//! "Did you mean" hints for the checker, on top of [`crate::diagnostic::did_you_mean`].

use crate::diagnostic::did_you_mean;

/// Past this many candidates no suggestion is searched: a real flow has a few dozen names,
/// and a generated one with thousands of bad references must not cost quadratic time.
const MAX_CANDIDATES: usize = 1000;

/// "did you mean `x`?" for the closest candidate, or the fallback when nothing is close.
pub fn hint<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    fallback: impl FnOnce() -> String,
) -> String {
    let candidates: Vec<&str> = candidates.into_iter().take(MAX_CANDIDATES + 1).collect();
    if candidates.len() > MAX_CANDIDATES {
        return fallback();
    }
    match did_you_mean(name, candidates) {
        Some(close) => format!("did you mean `{close}`?"),
        None => fallback(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hint_suggests_or_falls_back() {
        assert_eq!(hint("pga", ["paga"], String::new), "did you mean `paga`?");
        assert_eq!(hint("zzz", ["paga"], || "none".into()), "none");
    }
}
