//! Email snapshots under `snapshots/emails/`, one per feature, scenario and template.
//!
//! With `CI` set, insta neither writes nor accepts: a new or changed email fails the step.
//! Locally a change leaves a `.snap.new` beside the snapshot for `cargo insta review`.

/// `pay-registered-card__r7-a-registered-card-pays__conferma-pagamento`: stable while the
/// feature file, the scenario's name and the template keep theirs.
pub fn name(feature: &str, scenario: &str, template: &str) -> String {
    format!("{}__{}__{}", slug(feature), slug(scenario), slug(template))
}

/// Asserts the whole message (headers and body) against the snapshot `name`, described by
/// where it comes from. A mismatch panics, which cucumber reports as a failed step.
pub fn assert_email(name: &str, origin: &str, message: &str) {
    insta::with_settings!({
        snapshot_path => "../../snapshots/emails",
        prepend_module_to_snapshot => false,
        omit_expression => true,
        description => origin,
    }, {
        insta::assert_snapshot!(name, message);
    });
}

/// The message's headers as sent, then its body decoded, so a reviewer reads the Italian text
/// rather than its quoted-printable transfer encoding (the email unit tests check the encoding).
pub fn readable(email: &flowspec::adapter::Email) -> String {
    let headers = email
        .message
        .split_once("\r\n\r\n")
        .or_else(|| email.message.split_once("\n\n"))
        .map_or(email.message.as_str(), |(headers, _)| headers);
    format!("{}\n\n{}", headers.replace("\r\n", "\n"), email.body)
}

fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}
