//! How the engine gets an email out of a template: the one thing it needs from
//! [`crate::email`], kept as a trait so tests can compose emails without template files.

use crate::adapter::{Clock, Email, Timestamp};
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
        compose(self, template, to, context, &mut ClockRef(clock))
    }
}

/// A borrowed clock trait object, usable where a sized `impl Clock` is asked for.
struct ClockRef<'c>(&'c mut dyn Clock);

impl Clock for ClockRef<'_> {
    fn now(&mut self) -> Timestamp {
        self.0.now()
    }

    fn next_id(&mut self) -> u64 {
        self.0.next_id()
    }
}
