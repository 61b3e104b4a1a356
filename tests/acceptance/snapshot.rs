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
