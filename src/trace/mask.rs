//! Masking of secret answers (D12): what a trace may show of a card number, a code, an OTP.

/// The bullets every mask starts with.
const BULLETS: &str = "••••";

/// Shortest secret whose last four characters may be shown: a card number has 12 to 19 digits,
/// while a security code or an OTP is short enough that four characters would give most of it.
const SHOW_LAST_FOUR_FROM: usize = 12;

/// `••••` plus the last four characters of a card-number-long secret, `••••` alone otherwise.
/// Spaces are ignored, so `4242 4242 4242 4242` masks as `••••4242` (D12).
pub fn mask(secret: &str) -> String {
    let chars: Vec<char> = secret.chars().filter(|c| !c.is_whitespace()).collect();
    if chars.len() < SHOW_LAST_FOUR_FROM {
        return BULLETS.to_owned();
    }
    let last_four: String = chars[chars.len() - 4..].iter().collect();
    format!("{BULLETS}{last_four}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn card_numbers_keep_only_their_last_four_digits() {
        assert_eq!(mask("4242 4242 4242 4242"), "••••4242");
        assert_eq!(mask("4000002760003184"), "••••3184");
    }

    #[test]
    fn short_secrets_show_nothing() {
        assert_eq!(mask("123"), "••••");
        assert_eq!(mask("123456"), "••••");
        assert_eq!(mask(""), "••••");
    }
}
