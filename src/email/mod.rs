//! Customer emails: minijinja templates in `flows/emails/` rendered into RFC 5322 messages (R9).
//!
//! 1. [`Templates::load`] reads every `<name>.j2` of a folder and its `sender.yaml`, and reports
//!    a broken template as a located diagnostic.
//! 2. [`Templates::render`] fills a template with the run's variables: the first line is the
//!    subject (`Oggetto: ...`), the rest the body.
//! 3. [`compose`] wraps the result in a message whose date and id come from the [`Clock`], so the
//!    same run always sends the same bytes.

mod message;
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
/// The clock is read only once the template has rendered, so a failed render leaves the run's
/// time and ids untouched.
pub fn compose(
    templates: &Templates,
    name: &str,
    to: &str,
    context: &minijinja::Value,
    clock: &mut impl Clock,
) -> Result<Email, String> {
    let rendered = templates.render(name, context)?;
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
