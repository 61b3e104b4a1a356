//! The RFC 5322 message of an email: headers and one text/plain UTF-8 part, byte for byte
//! reproducible from its inputs.

use super::RenderedEmail;
use super::Sender;
use super::quoted::quoted_printable_body;
use super::sender::check_address;
use crate::adapter::Timestamp;
use mail_builder::MessageBuilder;
use mail_builder::encoders::encode::{EncodingType, get_encoding_type};
use mail_builder::headers::date::Date;
use mail_builder::headers::message_id::MessageId;
use mail_builder::headers::raw::Raw;
use mail_builder::mime::{BodyPart, MimePart};

/// The domain of every Message-ID: the ids are the run's own, not any real mail server's.
pub const MESSAGE_ID_DOMAIN: &str = "flowspec.local";

/// Bytes the headers of a message take, with margin.
const HEADROOM: usize = 512;

/// The whole message from `sender` to `to`, dated `date`, with Message-ID
/// `<{id}.{date}@flowspec.local>`.
///
/// Date and Message-ID are always set here: left out, mail-builder would take them from the
/// system clock and a random source. A single text part needs no multipart boundary, the
/// other random value mail-builder could add.
pub fn build_message(
    sender: &Sender,
    to: &str,
    email: &RenderedEmail,
    date: Timestamp,
    id: u64,
) -> Result<String, String> {
    check_recipient(to)?;
    if email.subject.chars().any(char::is_control) {
        return Err(format!(
            "the subject `{}` must be one line without control characters",
            email.subject.escape_debug()
        ));
    }
    if date.0 < 0 {
        return Err(format!("the clock reads {}, before 1970", date.0));
    }
    // Room for the headers and the encoded body up front: growing the buffer byte by byte
    // cost as much as the encoding itself.
    let mut message = Vec::with_capacity(HEADROOM + email.body.len() * 5 / 4);
    MessageBuilder::new()
        .from((sender.name.as_str(), sender.address.as_str()))
        .to(to.trim())
        .subject(email.subject.as_str())
        .date(Date::new(date.0))
        .message_id(MessageId::new(format!(
            "{id}.{}@{MESSAGE_ID_DOMAIN}",
            date.0
        )))
        .header("MIME-Version", Raw::new("1.0"))
        .body(text_part(&email.body))
        .write_to(&mut message)
        .map_err(|error| format!("cannot write the message: {error}"))?;
    String::from_utf8(message).map_err(|error| format!("cannot write the message: {error}"))
}

/// The text/plain part of `body`, as `MessageBuilder::text_body` makes it. A body mail-builder
/// would quote-print (any Italian text) is encoded here instead, much faster and to the same
/// bytes; any other keeps mail-builder's own encoding.
fn text_part(body: &str) -> MimePart<'_> {
    match get_encoding_type(body.as_bytes(), false, true) {
        EncodingType::QuotedPrintable(_) => MimePart::new(
            "text/plain",
            BodyPart::Text(quoted_printable_body(body).into()),
        )
        .transfer_encoding("quoted-printable"),
        _ => MimePart::new("text/plain", BodyPart::Text(body.into())),
    }
}

/// Refuses a recipient that is not a plain address (it could inject headers).
pub(super) fn check_recipient(to: &str) -> Result<(), String> {
    check_address(to).map_err(|why| format!("cannot send to the recipient: {why}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sender() -> Sender {
        Sender {
            name: "Aruba.it".to_owned(),
            address: "noreply@aruba.it".to_owned(),
        }
    }

    fn email(subject: &str) -> RenderedEmail {
        RenderedEmail {
            subject: subject.to_owned(),
            body: "Totale: € 1.234,56\nCarta: Visa che termina con 4242\n".to_owned(),
        }
    }

    /// 2026-11-28 10:15:30 UTC, a Saturday.
    const SATURDAY: Timestamp = Timestamp(1_795_860_930);

    fn header<'m>(message: &'m str, name: &str) -> Vec<&'m str> {
        let (head, _) = message.split_once("\r\n\r\n").unwrap_or((message, ""));
        head.split("\r\n")
            .filter_map(|line| line.strip_prefix(name)?.strip_prefix(": "))
            .collect()
    }

    #[test]
    fn headers_are_the_ones_given_each_once_and_no_other_date_or_id() {
        let message =
            build_message(&sender(), "mario@pec.it", &email("Conferma"), SATURDAY, 7).unwrap();
        assert_eq!(
            header(&message, "From"),
            ["\"Aruba.it\" <noreply@aruba.it>"]
        );
        assert_eq!(header(&message, "To"), ["<mario@pec.it>"]);
        assert_eq!(header(&message, "Subject"), ["Conferma"]);
        assert_eq!(
            header(&message, "Date"),
            ["Sat, 28 Nov 2026 10:15:30 +0000"]
        );
        assert_eq!(
            header(&message, "Message-ID"),
            ["<7.1795860930@flowspec.local>"]
        );
        assert_eq!(header(&message, "MIME-Version"), ["1.0"]);
        assert_eq!(
            header(&message, "Content-Type"),
            ["text/plain; charset=\"utf-8\""]
        );
        assert!(!message.contains("boundary"), "{message}");
    }

    #[test]
    fn a_non_ascii_subject_is_encoded_and_the_body_is_quoted_printable() {
        let message = build_message(
            &sender(),
            "mario@pec.it",
            &email("Il pagamento è confermato"),
            SATURDAY,
            1,
        )
        .unwrap();
        let subject = header(&message, "Subject").join("");
        assert!(subject.starts_with("=?utf-8?"), "{subject}");
        assert!(
            !message.contains('è') && !message.contains('€'),
            "{message}"
        );
        assert_eq!(
            header(&message, "Content-Transfer-Encoding"),
            ["quoted-printable"]
        );
        assert!(message.contains("Totale: =E2=82=AC 1.234,56"), "{message}");
    }

    #[test]
    fn same_inputs_give_the_same_bytes_and_another_id_another_message_id() {
        let build = |id| build_message(&sender(), "mario@pec.it", &email("Conferma"), SATURDAY, id);
        assert_eq!(build(3), build(3));
        assert_ne!(build(3), build(4));
    }

    #[test]
    fn messages_are_the_bytes_mail_builder_writes_from_the_plain_body() {
        for body in [
            "Totale: € 1.234,56\nCarta: Visa che termina con 4242\n",
            "Solo ASCII, riga corta.\n",
            "Riga con spazio finale \nfine\n",
            &"è".repeat(200),
        ] {
            let email = RenderedEmail {
                subject: "Conferma".to_owned(),
                body: body.to_owned(),
            };
            let plain = MessageBuilder::new()
                .from(("Aruba.it", "noreply@aruba.it"))
                .to("mario@pec.it")
                .subject("Conferma")
                .date(Date::new(SATURDAY.0))
                .message_id(MessageId::new("7.1795860930@flowspec.local"))
                .header("MIME-Version", Raw::new("1.0"))
                .text_body(body)
                .write_to_string()
                .unwrap();
            let built = build_message(&sender(), "mario@pec.it", &email, SATURDAY, 7).unwrap();
            assert_eq!(built, plain, "{body:?}");
        }
    }

    #[test]
    fn a_header_injection_or_bad_clock_is_refused() {
        let injected = build_message(&sender(), "a@b.it\r\nBcc: x@y.it", &email("x"), SATURDAY, 1);
        assert!(injected.unwrap_err().contains("recipient"));
        let subject = build_message(&sender(), "a@b.it", &email("x\r\nBcc: x@y.it"), SATURDAY, 1);
        assert!(subject.unwrap_err().contains("one line"));
        let clock = build_message(&sender(), "a@b.it", &email("x"), Timestamp(-1), 1);
        assert!(clock.unwrap_err().contains("1970"));
    }
}
