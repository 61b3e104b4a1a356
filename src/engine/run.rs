//! One run of a flow: the walk from `start`, one method per step kind, every event recorded.

use super::Engine;
use super::dispatch::{OpenSession, dispatch};
use super::eval::Scope;
use super::limits::loop_message;
use crate::adapter::{Choices, Mailer, Target};
use crate::flow::{Step, StepIndex, StepKind};
use crate::ids::StepId;
use crate::outcome::Outcome;
use crate::trace::{Argument, Event, Summary, Trace, mask};
use minijinja::Value;

/// Where a step leads.
enum Next {
    /// On to another step.
    Step(StepIndex),
    /// The run ends here.
    End(Outcome, Option<String>),
}

/// The run ends with [`Outcome::Error`] and `message`.
fn error(message: String) -> Next {
    Next::End(Outcome::Error, Some(message))
}

/// Where answer `value` leads: its entry in `answers`, or `next` when any answer is taken;
/// `None` for an answer the step does not accept.
fn follow(
    id: &StepId,
    choice: &str,
    value: &str,
    shown: &str,
    answers: &[(String, StepIndex)],
    next: Option<StepIndex>,
) -> Option<Next> {
    if answers.is_empty() {
        return Some(match next {
            Some(step) => Next::Step(step),
            None => error(format!(
                "decision `{choice}` ({shown}) at step `{id}` has no next step"
            )),
        });
    }
    answers
        .iter()
        .find(|(answer, _)| answer == value)
        .map(|(_, step)| Next::Step(*step))
}

/// The accepted answers, for a message.
fn accepted(answers: &[(String, StepIndex)]) -> String {
    let names: Vec<String> = answers.iter().map(|(a, _)| format!("`{a}`")).collect();
    names.join(", ")
}

/// The state of one run.
pub(super) struct Run<'r, 'a, T, C> {
    engine: &'r Engine<'a>,
    target: &'r mut T,
    choices: &'r mut C,
    scope: Scope,
    session: OpenSession,
    trace: Trace,
}

impl<'r, 'a, T: Target, C: Choices> Run<'r, 'a, T, C> {
    pub fn new(engine: &'r Engine<'a>, target: &'r mut T, choices: &'r mut C) -> Self {
        Run {
            engine,
            target,
            choices,
            scope: Scope::new(engine.catalog.clone()),
            session: None,
            trace: Trace::new(engine.flow.id.clone()),
        }
    }

    /// Walks from `start` until an `end` step, an error or the step limit.
    pub async fn walk(mut self) -> Trace {
        let flow = self.engine.flow;
        let mut index = flow.start;
        let (outcome, message) = loop {
            let step = flow.step(index);
            if self.trace.steps.len() >= self.engine.step_limit {
                let why = loop_message(self.engine.step_limit, &self.trace.steps, &step.id);
                break (Outcome::StepLimit, Some(why));
            }
            self.enter(index, step);
            let next = match self.perform(index, step).await {
                Next::Step(next) => self
                    .check_expectations(index, step)
                    .unwrap_or(Next::Step(next)),
                Next::End(outcome, message) if !outcome.is_engine_only() => self
                    .check_expectations(index, step)
                    .unwrap_or(Next::End(outcome, message)),
                failed => failed,
            };
            match next {
                Next::Step(next) => index = next,
                Next::End(outcome, message) => break (outcome, message),
            }
        };
        self.trace.events.push(Event::RunEnded {
            outcome,
            message: message.clone(),
        });
        self.trace.outcome = outcome;
        self.trace.message = message;
        self.trace
    }

    fn enter(&mut self, index: StepIndex, step: &Step) {
        self.trace.steps.push(step.id.clone());
        self.trace.events.push(Event::StepEntered {
            step: step.id.clone(),
            guide: step.guide.clone(),
            ui: self.engine.labels[index.0].clone(),
        });
    }

    async fn perform(&mut self, index: StepIndex, step: &Step) -> Next {
        match &step.kind {
            StepKind::Show { next } => Next::Step(*next),
            StepKind::End { outcome } => Next::End(*outcome, None),
            StepKind::If {
                then, otherwise, ..
            } => self.branch(index, &step.id, *then, *otherwise),
            StepKind::Ask {
                choice,
                into,
                answers,
                next,
                default,
                secret,
                ..
            } => {
                let (value, shown) =
                    match self.answer(&step.id, choice, default.as_deref(), *secret) {
                        Ok(answer) => answer,
                        Err(end) => return end,
                    };
                let Some(target) = follow(&step.id, choice, &value, &shown, answers, *next) else {
                    return error(format!(
                        "answer `{shown}` to decision `{choice}` at step `{}` is not accepted: answer one of {}",
                        step.id,
                        accepted(answers)
                    ));
                };
                if let Some(into) = into {
                    self.store(into, value, shown, *secret);
                }
                target
            }
            StepKind::Call {
                operation,
                into,
                outcomes,
                ..
            } => {
                self.call(index, &step.id, operation.name, into.as_deref(), outcomes)
                    .await
            }
            StepKind::Email { template, next } => match self.email(template).await {
                Ok(()) => Next::Step(*next),
                Err(why) => error(format!("email `{template}` at step `{}`: {why}", step.id)),
            },
        }
    }

    fn branch(
        &mut self,
        index: StepIndex,
        id: &StepId,
        then: StepIndex,
        otherwise: StepIndex,
    ) -> Next {
        let Some(condition) = &self.engine.compiled.step(index.0).condition else {
            return error(format!("step `{id}` has no condition"));
        };
        match condition.eval(&self.scope) {
            Ok(value) => {
                let result = value.is_true();
                self.trace.events.push(Event::ConditionEvaluated {
                    expression: condition.source.clone(),
                    result,
                });
                Next::Step(if result { then } else { otherwise })
            }
            Err(why) => error(format!("condition at step `{id}`: {why}")),
        }
    }

    /// The answer to decision `choice`, or its default, recorded (masked when secret); as
    /// `(value, shown)`. No answer and no default ends the run with [`Outcome::NoAnswer`].
    fn answer(
        &mut self,
        id: &StepId,
        choice: &str,
        default: Option<&str>,
        secret: bool,
    ) -> Result<(String, String), Next> {
        let (value, defaulted) = match (self.choices.answer(choice), default) {
            (Some(value), _) => (value, false),
            (None, Some(default)) => (default.to_owned(), true),
            (None, None) => {
                return Err(Next::End(
                    Outcome::NoAnswer,
                    Some(format!(
                        "no answer to decision `{choice}` at step `{id}`: give one with --choose {choice}=VALUE"
                    )),
                ));
            }
        };
        let shown = if secret { mask(&value) } else { value.clone() };
        self.trace.events.push(Event::ChoiceAnswered {
            name: choice.to_owned(),
            value: shown.clone(),
            defaulted,
        });
        Ok((value, shown))
    }

    /// Sets variable `into` to an answer; `shown` is what the trace may say of it.
    fn store(&mut self, into: &str, value: String, shown: String, secret: bool) {
        self.scope.set(into, Value::from(value), secret);
        self.trace.events.push(Event::StateChanged {
            variable: into.to_owned(),
            value: Summary::text(shown),
        });
    }

    async fn call(
        &mut self,
        index: StepIndex,
        id: &StepId,
        operation: &str,
        into: Option<&str>,
        outcomes: &[(String, StepIndex)],
    ) -> Next {
        let mut values = Vec::new();
        let mut arguments = Vec::new();
        for (name, expr) in &self.engine.compiled.step(index.0).args {
            let value = match expr.eval(&self.scope) {
                Ok(value) => value,
                Err(why) => return error(format!("argument `{name}` at step `{id}`: {why}")),
            };
            let text = match value.as_str() {
                Some(text) => text.to_owned(),
                None if value.is_none() || value.is_undefined() => {
                    return error(format!(
                        "argument `{name}` at step `{id}`: `{}` has no value",
                        expr.source
                    ));
                }
                None => value.to_string(),
            };
            let secret = expr.reads_secret(&self.scope) || self.scope.is_secret_value(&text);
            arguments.push(Argument {
                name: name.clone(),
                value: if secret { mask(&text) } else { text.clone() },
            });
            values.push(text);
        }
        self.trace.events.push(Event::AdapterCalled {
            operation: operation.to_owned(),
            arguments,
        });
        let reply = match dispatch(self.target, &mut self.session, operation, &values).await {
            Ok(reply) => reply,
            Err(why) => return error(format!("`{operation}` at step `{id}`: {why}")),
        };
        // Summarised only if a report reads it: most runs (a bench, a feature) never do.
        let data = Summary::of(reply.data.clone());
        self.trace.events.push(Event::AdapterReplied {
            outcome: reply.outcome.clone(),
            data: data.clone(),
        });
        if let Some(into) = into
            && !reply.data.is_none()
        {
            let value = data;
            self.scope.set(into, reply.data, false);
            self.trace.events.push(Event::StateChanged {
                variable: into.to_owned(),
                value,
            });
        }
        match outcomes
            .iter()
            .find(|(outcome, _)| *outcome == reply.outcome)
        {
            Some((_, step)) => Next::Step(*step),
            None => error(format!(
                "`{operation}` replied `{}`, which step `{id}` does not route",
                reply.outcome
            )),
        }
    }

    async fn email(&mut self, template: &str) -> Result<(), String> {
        let to = match &self.session {
            Some(session) => session.email.clone(),
            None => return Err("no session: nobody to send it to".into()),
        };
        let (_, _, mailer, clock) = self.target.parts();
        let email =
            self.engine
                .composer
                .compose(template, &to, &self.scope.email_context(), clock)?;
        self.trace.events.push(Event::EmailSent {
            template: email.template.clone(),
            to: email.to.clone(),
            subject: email.subject.clone(),
        });
        mailer.send(email.clone()).await;
        self.trace.emails.push(email);
        Ok(())
    }

    /// Evaluates the step's `expect` expressions; the first that does not hold ends the run.
    fn check_expectations(&mut self, index: StepIndex, step: &Step) -> Option<Next> {
        for expect in &self.engine.compiled.step(index.0).expect {
            let held = match expect.eval(&self.scope) {
                Ok(value) => value.is_true(),
                Err(why) => {
                    return Some(error(format!(
                        "expectation after step `{}`: {why}",
                        step.id
                    )));
                }
            };
            self.trace.events.push(Event::ExpectationChecked {
                expression: expect.source.clone(),
                held,
            });
            if !held {
                return Some(Next::End(
                    Outcome::ExpectationFailed,
                    Some(format!(
                        "expectation `{}` did not hold after step `{}`",
                        expect.source, step.id
                    )),
                ));
            }
        }
        None
    }
}
