//! How the engine gets an email out of a template: the one thing it needs from
//! [`crate::email`], kept as a trait so tests can compose emails without template files.

use crate::adapter::{Clock, Email};
use crate::email::{Templates, compose};
use minijinja::Value;

/// Renders the email of an `email` step.
pub trait EmailComposer {
    /// The email of template `template` for `to`, rendered with `context`: the run's variables
    /// (secret answers left out, D12) and the `catalog`; dated and numbered by `clock`.
    /// `Err` says why it could not be.
    fn compose(
        &self,
        template: &str,
        to: &str,
        context: &Value,
        clock: &mut dyn Clock,
    ) -> Result<Email, String>;
}

impl EmailComposer for Templates {
    fn compose(
        &self,
        template: &str,
        to: &str,
        context: &Value,
        clock: &mut dyn Clock,
    ) -> Result<Email, String> {
        compose(self, template, to, context, clock)
    }
}
