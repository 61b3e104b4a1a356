//! The customer's decisions: the answers a scenario scripts for each `ask` step.

use std::collections::{BTreeMap, VecDeque};

/// Answers to the flow's decisions, by decision name.
pub trait Choices {
    /// The next answer to decision `name`, if the scenario gave one.
    fn answer(&mut self, name: &str) -> Option<String>;
}

/// Answers given up front: each name has a queue, so a decision asked twice (an OTP retried)
/// takes the next answer each time; the last answer repeats once the queue is down to one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScriptedChoices {
    answers: BTreeMap<String, VecDeque<String>>,
}

impl ScriptedChoices {
    /// Adds an answer to decision `name`, after those already given.
    pub fn push(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.answers
            .entry(name.into())
            .or_default()
            .push_back(value.into());
    }

    /// Replaces every answer to decision `name` by `value`.
    pub fn set(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.answers
            .insert(name.into(), VecDeque::from([value.into()]));
    }

    /// Parses `NAME=VALUE`, as given to `--choose`.
    pub fn push_pair(&mut self, pair: &str) -> Result<(), String> {
        match pair.split_once('=') {
            Some((name, value)) if !name.trim().is_empty() => {
                self.push(name.trim(), value.trim());
                Ok(())
            }
            _ => Err(format!("`{pair}` is not NAME=VALUE")),
        }
    }
}

impl Choices for ScriptedChoices {
    fn answer(&mut self, name: &str) -> Option<String> {
        let queue = self.answers.get_mut(name)?;
        if queue.len() > 1 {
            queue.pop_front()
        } else {
            queue.front().cloned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_consumed_in_order_and_the_last_repeats() {
        let mut choices = ScriptedChoices::default();
        choices.push("otp", "111111");
        choices.push_pair("otp=123456").unwrap();
        assert_eq!(choices.answer("otp").as_deref(), Some("111111"));
        assert_eq!(choices.answer("otp").as_deref(), Some("123456"));
        assert_eq!(choices.answer("otp").as_deref(), Some("123456"));
        assert_eq!(choices.answer("carta"), None);
        assert!(choices.push_pair("=x").is_err());
    }
}
