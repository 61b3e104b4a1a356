//! Masking of secret answers (D12): what a trace may show of a card number, a code, an OTP.

/// The bullets every mask starts with.
const BULLETS: &str = "••••";

/// Shortest secret whose last four characters may be shown: a card number has 12 to 19 digits,
/// while a security code or an OTP is short enough that four characters would give most of it.
const SHOW_LAST_FOUR_FROM: usize = 12;

/// `••••` plus the last four characters of a card-number-long secret, `••••` alone otherwise.
/// Spaces are ignored, so `4242 4242 4242 4242` masks as `••••4242` (D12).
pub fn mask(secret: &str) -> String {
    let kept = secret.chars().filter(|c| !c.is_whitespace());
    let count = kept.clone().count();
    let mut masked = String::with_capacity(BULLETS.len() + 4 * 4);
    masked.push_str(BULLETS);
    if count >= SHOW_LAST_FOUR_FROM {
        masked.extend(kept.skip(count - 4));
    }
    masked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn card_numbers_keep_only_their_last_four_digits() {
        assert_eq!(mask("4242 4242 4242 4242"), "••••4242");
        assert_eq!(mask("4000002760003184"), "••••3184");
        assert_eq!(mask(" 4000 0027 6000 318x "), "••••318x");
    }

    #[test]
    fn short_secrets_show_nothing() {
        assert_eq!(mask("123"), "••••");
        assert_eq!(mask("123456"), "••••");
        assert_eq!(mask(""), "••••");
    }
}
