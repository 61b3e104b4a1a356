//! Who the customer's emails come from: `sender.yaml` beside the templates, data not code.

use crate::diagnostic::{Code, Diagnostic};
use crate::source::{Position, Source};
use serde::Deserialize;
use serde_saphyr::Spanned;

/// The file in the templates folder that names the sender.
pub const SENDER_FILE: &str = "sender.yaml";

/// The `From` of every email: a display name and a no-reply address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sender {
    /// What the mail client shows (`Aruba.it`).
    pub name: String,
    /// The address (`noreply@aruba.it`).
    pub address: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSender {
    name: Spanned<String>,
    address: Spanned<String>,
}

impl Sender {
    /// Reads `sender.yaml`: `name` and `address`, both required.
    pub fn parse(source: &Source) -> Result<Sender, Diagnostic> {
        let raw: RawSender = serde_saphyr::from_str(&source.text).map_err(|error| {
            Diagnostic::new(Code::Syntax, &source.name, error.to_string())
                .at(error.location().as_ref().and_then(Position::of), 1)
                .hint("write two keys: `name: Aruba.it` and `address: noreply@aruba.it`")
        })?;
        let located = |field: &Spanned<String>, message: String, hint: &str| {
            Diagnostic::new(Code::WrongType, &source.name, message)
                .at(Position::of(&field.referenced), field.value.chars().count())
                .hint(hint)
        };
        if let Err(why) = check_address(&raw.address.value) {
            return Err(located(
                &raw.address,
                format!("the sender address {why}"),
                "write a plain address such as `noreply@aruba.it`",
            ));
        }
        let name = raw.name.value.trim();
        if name.is_empty() || name.chars().any(char::is_control) {
            return Err(located(
                &raw.name,
                "the sender name must be one non-empty line".to_owned(),
                "write the name the customer sees, such as `Aruba.it`",
            ));
        }
        Ok(Sender {
            name: name.to_owned(),
            address: raw.address.value.trim().to_owned(),
        })
    }
}

/// Accepts `local@domain` with no spaces, brackets or control characters: anything else could
/// break the header it is written into.
pub(super) fn check_address(address: &str) -> Result<(), String> {
    let address = address.trim();
    let forbidden = |c: char| c.is_whitespace() || c.is_control() || "<>()[],;:\"\\".contains(c);
    match address.split_once('@') {
        _ if address.chars().any(forbidden) => Err(format!(
            "`{address}` contains a space, a bracket or a control character"
        )),
        Some((local, domain))
            if !local.is_empty() && domain.contains('.') && !domain.contains('@') =>
        {
            Ok(())
        }
        _ => Err(format!(
            "`{address}` is not an address like `nome@dominio.it`"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Sender, Diagnostic> {
        Sender::parse(&Source::new("emails/sender.yaml", text))
    }

    #[test]
    fn reads_name_and_address() {
        let sender = parse("name: Aruba.it\naddress: noreply@aruba.it\n").unwrap();
        assert_eq!(sender.name, "Aruba.it");
        assert_eq!(sender.address, "noreply@aruba.it");
    }

    #[test]
    fn a_bad_address_is_located_on_its_value() {
        let error = parse("name: Aruba.it\naddress: noreply at aruba\n").unwrap_err();
        assert_eq!(error.code, Code::WrongType);
        assert_eq!(error.position.map(|p| p.line), Some(2));
        assert!(
            error.message.contains("noreply at aruba"),
            "{}",
            error.message
        );
    }

    #[test]
    fn a_missing_or_unknown_key_is_a_syntax_diagnostic() {
        assert_eq!(parse("name: Aruba.it\n").unwrap_err().code, Code::Syntax);
        let error = parse("name: A\naddress: a@b.it\nreply: x\n").unwrap_err();
        assert!(error.message.contains("reply"), "{}", error.message);
    }

    #[test]
    fn addresses_that_could_break_a_header_are_refused() {
        assert!(check_address("mario.rossi@pec.it").is_ok());
        for bad in [
            "",
            "mario",
            "@pec.it",
            "mario@pec",
            "a@b.it\r\nBcc: x@y.it",
            "<a@b.it>",
            "a@@b.it",
        ] {
            assert!(check_address(bad).is_err(), "{bad:?} accepted");
        }
    }
}
