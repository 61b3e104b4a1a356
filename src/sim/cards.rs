//! Card numbers as the simulated bank reads them: Luhn, brand, expiry, and the test-card table
//! of rules.md that decides every payment's outcome.

/// The digits of a number typed with spaces or dashes.
pub fn digits(number: &str) -> String {
    number.chars().filter(char::is_ascii_digit).collect()
}

/// True when `number` is 12 to 19 digits (spaces and dashes allowed) passing the Luhn check.
pub fn luhn_valid(number: &str) -> bool {
    if number
        .chars()
        .any(|c| !(c.is_ascii_digit() || c == ' ' || c == '-'))
    {
        return false;
    }
    let digits = digits(number);
    if !(12..=19).contains(&digits.len()) {
        return false;
    }
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// The brand a card number's prefix gives.
pub fn brand(digits: &str) -> &'static str {
    let prefix = |n: usize| digits.get(..n).and_then(|p| p.parse::<u32>().ok());
    match (prefix(1), prefix(2), prefix(4)) {
        (Some(4), _, _) => "Visa",
        (_, Some(51..=55), _) | (_, _, Some(2221..=2720)) => "Mastercard",
        (_, Some(34 | 37), _) => "American Express",
        _ => "Carta",
    }
}

/// The last four digits.
pub fn last4(digits: &str) -> &str {
    &digits[digits.len().saturating_sub(4)..]
}

/// A card's expiry month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Expiry {
    /// Full year (`2030`).
    pub year: i64,
    /// 1-12.
    pub month: u32,
}

impl Expiry {
    /// Parses `MM/YY` (20YY).
    pub fn parse(text: &str) -> Option<Expiry> {
        let (month, year) = text.trim().split_once('/')?;
        if month.len() != 2 || year.len() != 2 {
            return None;
        }
        let month: u32 = month.parse().ok()?;
        let year: i64 = year.parse().ok()?;
        (1..=12).contains(&month).then_some(Expiry {
            year: 2000 + year,
            month,
        })
    }

    /// True when the card still works in `(year, month)`: it is valid through its month.
    pub fn valid_in(self, year: i64, month: u32) -> bool {
        (self.year, self.month) >= (year, month)
    }
}

/// What the simulated bank does with a card (rules.md, "Test cards and codes").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Behaviour {
    /// Approved, no strong authentication.
    Approve,
    /// Approved after the OTP challenge.
    ChallengeThenApprove,
    /// Declined by the issuer.
    Decline,
    /// Declined: insufficient funds.
    InsufficientFunds,
    /// Declined: expired card.
    ExpiredCard,
    /// No answer in time; nothing is charged, as the status query then reports.
    Timeout,
}

/// The OTP that passes strong authentication.
pub const GOOD_OTP: &str = "123456";
/// Wrong OTPs that end an attempt as strong-authentication failure.
pub const OTP_ATTEMPTS: u8 = 3;

/// The bank's decision for a card number: the test table, any other valid number approved.
pub fn behaviour(digits: &str) -> Behaviour {
    match digits {
        "4000002760003184" => Behaviour::ChallengeThenApprove,
        "4000000000000002" => Behaviour::Decline,
        "4000000000009995" => Behaviour::InsufficientFunds,
        "4000000000000069" => Behaviour::ExpiredCard,
        "4000000000000119" => Behaviour::Timeout,
        _ => Behaviour::Approve,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: [&str; 6] = [
        "4242 4242 4242 4242",
        "4000 0027 6000 3184",
        "4000 0000 0000 0002",
        "4000 0000 0000 9995",
        "4000 0000 0000 0069",
        "4000 0000 0000 0119",
    ];

    #[test]
    fn every_test_card_passes_luhn_and_is_a_visa() {
        for number in TABLE {
            assert!(luhn_valid(number), "{number}");
            assert_eq!(brand(&digits(number)), "Visa");
        }
        assert!(!luhn_valid("4242 4242 4242 4241"));
        assert!(!luhn_valid("4242"));
        assert!(!luhn_valid("4242x4242 4242 4242"));
        assert_eq!(brand("5555555555554444"), "Mastercard");
        assert_eq!(brand("378282246310005"), "American Express");
    }

    #[test]
    fn the_table_decides_and_other_numbers_are_approved() {
        let decided: Vec<Behaviour> = TABLE.iter().map(|n| behaviour(&digits(n))).collect();
        assert_eq!(
            decided,
            [
                Behaviour::Approve,
                Behaviour::ChallengeThenApprove,
                Behaviour::Decline,
                Behaviour::InsufficientFunds,
                Behaviour::ExpiredCard,
                Behaviour::Timeout
            ]
        );
        assert_eq!(behaviour("5555555555554444"), Behaviour::Approve);
    }

    #[test]
    fn expiry_is_valid_through_its_month() {
        let expiry = Expiry::parse("11/26").unwrap();
        assert!(expiry.valid_in(2026, 11));
        assert!(!expiry.valid_in(2026, 12));
        assert!(Expiry::parse("13/26").is_none());
        assert!(Expiry::parse("1/26").is_none());
        assert!(Expiry::parse("aa/bb").is_none());
    }
}
