//! Money in EUR on rust_decimal: net prices, IVA, half-up rounding, Italian formatting (D10).

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// An amount in euro, exact to the cent once rounded. Serialises as a decimal string (`"12.20"`).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money(#[serde(with = "rust_decimal::serde::str")] Decimal);

/// The IVA rate applied to order totals (D10), in percent.
pub const VAT_PERCENT: u32 = 22;

impl Money {
    /// Zero euro.
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// An amount from a decimal.
    pub fn new(amount: Decimal) -> Money {
        Money(amount)
    }

    /// The underlying decimal.
    pub fn amount(self) -> Decimal {
        self.0
    }

    /// Parses `12.20` or `12,20` (a comma as decimal separator, no thousands separator).
    pub fn parse(text: &str) -> Result<Money, String> {
        let normalized = text.trim().replace(',', ".");
        Decimal::from_str(&normalized)
            .map(Money)
            .map_err(|_| format!("`{text}` is not an amount in euro (write it as 12.20)"))
    }

    /// Rounded half-up to the cent.
    pub fn round_cents(self) -> Money {
        Money(
            self.0
                .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
        )
    }

    /// IVA at [`VAT_PERCENT`] on this net amount, rounded half-up to the cent (D10).
    pub fn vat(self) -> Money {
        Money(self.0 * Decimal::from(VAT_PERCENT) / Decimal::from(100)).round_cents()
    }

    /// This net amount plus its IVA.
    pub fn with_vat(self) -> Money {
        Money(self.0 + self.vat().0).round_cents()
    }

    /// The sum of two amounts.
    pub fn plus(self, other: Money) -> Money {
        Money(self.0 + other.0)
    }

    /// Italian format as shown in emails: `€ 1.234,56` (D10).
    pub fn italian(self) -> String {
        let rounded = self.round_cents().0;
        let negative = rounded.is_sign_negative() && !rounded.is_zero();
        let text = format!("{:.2}", rounded.abs());
        let (units, cents) = text.split_once('.').unwrap_or((&text, "00"));
        let mut grouped = String::new();
        for (i, digit) in units.chars().enumerate() {
            if i > 0 && (units.len() - i) % 3 == 0 {
                grouped.push('.');
            }
            grouped.push(digit);
        }
        let sign = if negative { "-" } else { "" };
        format!("€ {sign}{grouped},{cents}")
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.2}", self.0)
    }
}

impl FromStr for Money {
    type Err = String;
    fn from_str(s: &str) -> Result<Money, String> {
        Money::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(text: &str) -> Money {
        Money::parse(text).unwrap()
    }

    #[test]
    fn vat_is_22_percent_rounded_half_up() {
        assert_eq!(m("10").vat(), m("2.20"));
        // 0.125 * 22% = 0.0275 -> 0.03 (half-up), and 0.0225 -> 0.02 (below half).
        assert_eq!(m("0.125").vat(), m("0.03"));
        assert_eq!(m("0.1022727").vat(), m("0.02"));
        // 2.25 * 0.22 = 0.495 -> 0.50: the midpoint goes up.
        assert_eq!(m("2.25").vat(), m("0.50"));
        assert_eq!(m("24.90").with_vat(), m("30.38"));
    }

    #[test]
    fn italian_format_groups_thousands_and_uses_a_comma() {
        assert_eq!(m("1234.56").italian(), "€ 1.234,56");
        assert_eq!(m("5").italian(), "€ 5,00");
        assert_eq!(m("1234567.8").italian(), "€ 1.234.567,80");
        assert_eq!(m("999.995").italian(), "€ 1.000,00");
        assert_eq!(m("0.004").italian(), "€ 0,00");
    }

    #[test]
    fn parse_accepts_comma_and_rejects_garbage() {
        assert_eq!(m("12,5"), m("12.50"));
        assert!(Money::parse("dodici").is_err());
        assert!(Money::parse("").is_err());
    }

    #[test]
    fn serialises_as_a_decimal_string() {
        assert_eq!(serde_json::to_string(&m("12.20")).unwrap(), "\"12.20\"");
    }
}
