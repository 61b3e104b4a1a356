//! Customer emails: minijinja templates in `flows/emails/` rendered into RFC 5322 messages (R9).
//!
//! 1. [`Templates::load`] reads every `<name>.j2` of a folder and its `sender.yaml`, and reports
//!    a broken template as a located diagnostic.
//! 2. [`Templates::render`] fills a template with the run's variables: the first line is the
//!    subject (`Oggetto: ...`), the rest the body.
//! 3. [`compose`] wraps the result in a message whose date and id come from the [`Clock`], so the
//!    same run always sends the same bytes.

#[cfg(test)]
mod fixtures;
mod message;
mod missing;
mod quoted;
mod rendered;
mod sender;
mod templates;

pub use message::{MESSAGE_ID_DOMAIN, build_message};
pub use rendered::{RenderedEmail, SUBJECT_PREFIX};
pub use sender::{SENDER_FILE, Sender};
pub use templates::{TEMPLATE_EXTENSION, Templates};

use crate::adapter::{Clock, Email};

/// Renders template `name` for `to` and builds the message, dated and numbered by `clock`.
///
/// The clock is read only once the template has rendered and the recipient is known good, so a
/// failed email leaves the run's time and ids untouched.
pub fn compose(
    templates: &Templates,
    name: &str,
    to: &str,
    context: &minijinja::Value,
    clock: &mut (impl Clock + ?Sized),
) -> Result<Email, String> {
    let rendered = templates.render(name, context)?;
    message::check_recipient(to)?;
    let date = clock.now();
    let id = clock.next_id();
    let message = build_message(templates.sender(), to, &rendered, date, id)?;
    Ok(Email {
        template: name.to_owned(),
        to: to.to_owned(),
        subject: rendered.subject,
        body: rendered.body,
        message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use fixtures::{FixedClock, completion, context, emails_dir};

    fn compose_confirmation(clock: &mut FixedClock) -> Result<Email, String> {
        let templates = Templates::load(&emails_dir()).expect("flows/emails loads");
        compose(
            &templates,
            "conferma-pagamento",
            "mario.rossi@pec.it",
            &context(&completion(Some("30.38"))),
            clock,
        )
    }

    fn headers(message: &str) -> Vec<(&str, &str)> {
        let (head, _) = message.split_once("\r\n\r\n").unwrap_or((message, ""));
        head.split("\r\n")
            .filter_map(|line| line.split_once(": "))
            .collect()
    }

    #[test]
    fn a_composed_email_is_a_complete_rfc_5322_message_r9() {
        let email = compose_confirmation(&mut FixedClock::new()).unwrap();
        assert_eq!(email.template, "conferma-pagamento");
        assert_eq!(email.to, "mario.rossi@pec.it");
        assert_eq!(email.subject, "Conferma pagamento ordine ORD-1001");
        assert!(email.body.contains("Totale pagato: € 1.506,16\n"));
        assert_eq!(
            headers(&email.message),
            [
                ("From", "\"Aruba.it\" <noreply@aruba.it>"),
                ("To", "<mario.rossi@pec.it>"),
                ("Subject", "Conferma pagamento ordine ORD-1001"),
                ("Date", "Sat, 28 Nov 2026 10:15:30 +0000"),
                ("Message-ID", "<1.1795860930@flowspec.local>"),
                ("MIME-Version", "1.0"),
                ("Content-Type", "text/plain; charset=\"utf-8\""),
                ("Content-Transfer-Encoding", "quoted-printable"),
            ]
        );
        assert!(
            email
                .message
                .contains("Totale pagato: =E2=82=AC 1.506,16\r\n")
        );
    }

    #[test]
    fn same_inputs_give_the_same_bytes_and_each_email_its_own_id() {
        let first = compose_confirmation(&mut FixedClock::new()).unwrap();
        let again = compose_confirmation(&mut FixedClock::new()).unwrap();
        assert_eq!(first.message.as_bytes(), again.message.as_bytes());

        let mut clock = FixedClock::new();
        let one = compose_confirmation(&mut clock).unwrap();
        let two = compose_confirmation(&mut clock).unwrap();
        assert_ne!(one.message, two.message);
        assert!(
            two.message
                .contains("Message-ID: <2.1795860930@flowspec.local>")
        );
    }

    #[test]
    fn a_failed_render_or_recipient_leaves_the_clock_ids_untouched() {
        let templates = Templates::load(&emails_dir()).unwrap();
        let mut clock = FixedClock::new();
        let missing = compose(
            &templates,
            "conferma-pagamento",
            "mario.rossi@pec.it",
            &minijinja::Value::from(()),
            &mut clock,
        );
        assert!(missing.is_err());
        assert_eq!(clock.last_id, 0);
        let context = context(&completion(None));
        let refused = compose(
            &templates,
            "conferma-pagamento",
            "mario",
            &context,
            &mut clock,
        );
        assert!(refused.unwrap_err().contains("recipient"));
        assert_eq!(clock.last_id, 0);
    }
}
