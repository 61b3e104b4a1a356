//! How the engine gets an email out of a template: the one thing it needs from
//! [`crate::email`], kept as a trait so the engine does not depend on how emails are rendered.

use crate::adapter::Email;
use minijinja::Value;

/// Renders the email of an `email` step.
pub trait EmailComposer {
    /// The email of template `template` for `to`, rendered with `context`: the run's variables
    /// (secret answers left out, D12) and the `catalog`. `Err` says why it could not be.
    fn compose(&self, template: &str, to: &str, context: &Value) -> Result<Email, String>;
}
