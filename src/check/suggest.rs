//! "Did you mean" hints for the checker, on top of [`crate::diagnostic::did_you_mean`].

use crate::diagnostic::did_you_mean;

/// "did you mean `x`?" for the closest candidate, or the fallback when nothing is close.
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
    fn hint_suggests_or_falls_back() {
        assert_eq!(hint("pga", ["paga"], String::new), "did you mean `paga`?");
        assert_eq!(hint("zzz", ["paga"], || "none".into()), "none");
    }
}
