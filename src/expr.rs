//! The minijinja environment shared by flow expressions and email templates.

use crate::money::Money;
use minijinja::{Environment, Error, ErrorKind, UndefinedBehavior};

/// Names every flow expression may read without setting them.
pub const GLOBALS: &[&str] = &["catalog"];

/// A fresh environment: strict about undefined values, with the `euro` filter.
pub fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.add_filter("euro", euro);
    env
}

/// `{{ amount | euro }}`: a decimal string as `€ 1.234,56` (D10).
fn euro(amount: String) -> Result<String, Error> {
    Money::parse(&amount)
        .map(Money::italian)
        .map_err(|why| Error::new(ErrorKind::InvalidOperation, why))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn euro_filter_formats_decimal_strings() {
        let env = environment();
        let expr = env.compile_expression("amount | euro").unwrap();
        let value = expr
            .eval(minijinja::context! { amount => "1234.5" })
            .unwrap();
        assert_eq!(value.to_string(), "€ 1.234,50");
        assert!(expr.eval(minijinja::context! { amount => "x" }).is_err());
    }
}
