//! Undefined steps: a writer that collects them during the run, and the closest known phrase
//! for each, printed once the run is over.

use crate::vocabulary::Phrase;
use cucumber::event::{self, StepError};
use cucumber::{Event, World, Writer, cli, gherkin, parser};
use std::sync::{Arc, Mutex};

/// A step no definition matched, where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Undefined {
    /// `features/cap.feature:12`.
    pub place: String,
    /// The step as written, keyword included.
    pub text: String,
    /// The step without its keyword.
    pub value: String,
}

/// Collects undefined steps; clones share one list, so the runner can read it after the run.
#[derive(Clone, Debug, Default)]
pub struct Collector {
    found: Arc<Mutex<Vec<Undefined>>>,
}

impl Collector {
    /// The undefined steps seen so far, in the order they were reported, without repeats.
    pub fn found(&self) -> Vec<Undefined> {
        let found = self
            .found
            .lock()
            .map(|found| found.clone())
            .unwrap_or_default();
        let mut unique: Vec<Undefined> = Vec::new();
        for item in found {
            if !unique.contains(&item) {
                unique.push(item);
            }
        }
        unique
    }

    fn record(&self, feature: &gherkin::Feature, step: &gherkin::Step) {
        let file = feature
            .path
            .as_deref()
            .map(|path| {
                let text = path.display().to_string();
                match text.find("features/") {
                    Some(start) => text[start..].to_owned(),
                    None => text,
                }
            })
            .unwrap_or_else(|| feature.name.clone());
        let item = Undefined {
            place: format!("{file}:{}", step.position.line),
            text: format!("{}{}", step.keyword, step.value),
            value: step.value.clone(),
        };
        if let Ok(mut found) = self.found.lock() {
            found.push(item);
        }
    }
}

impl<W: World> Writer<W> for Collector {
    type Cli = cli::Empty;

    async fn handle_event(
        &mut self,
        event: parser::Result<Event<event::Cucumber<W>>>,
        _cli: &Self::Cli,
    ) {
        use event::{Cucumber, Feature, RetryableScenario, Rule, Scenario, Step};
        let Ok(event) = event else { return };
        let (feature, scenario_event) = match event.value {
            Cucumber::Feature(feature, Feature::Scenario(_, scenario)) => (feature, scenario),
            Cucumber::Feature(feature, Feature::Rule(_, Rule::Scenario(_, scenario))) => {
                (feature, scenario)
            }
            _ => return,
        };
        let RetryableScenario { event, .. } = scenario_event;
        match event {
            Scenario::Step(step, Step::Failed(_, _, _, StepError::NotFound))
            | Scenario::Background(step, Step::Failed(_, _, _, StepError::NotFound))
            | Scenario::Step(step, Step::Skipped)
            | Scenario::Background(step, Step::Skipped) => self.record(&feature, &step),
            _ => {}
        }
    }
}

/// The known phrase closest to `step`, with its similarity in `0.0..=1.0`.
pub fn closest<'a>(step: &str, phrases: &'a [Phrase]) -> Option<(&'a Phrase, f64)> {
    let shape = shape_of(step);
    phrases
        .iter()
        .map(|phrase| {
            let score = strsim::normalized_levenshtein(&shape, &phrase.pattern.to_lowercase());
            (phrase, score)
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
}

/// A step's text with its arguments replaced by the parameter names a pattern would use, so
/// `pays order "ord-1"` compares with `pays order {string}` on the words alone.
fn shape_of(step: &str) -> String {
    let mut unquoted = String::new();
    let mut chars = step.chars();
    while let Some(c) = chars.next() {
        if c == '"' {
            chars.by_ref().find(|&inner| inner == '"');
            unquoted.push_str("{string}");
        } else {
            unquoted.push(c);
        }
    }
    unquoted
        .split(' ')
        .map(|word| {
            if !word.is_empty() && word.chars().all(|c| c.is_ascii_digit()) {
                "{int}".to_owned()
            } else {
                word.to_lowercase()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The report printed after a run with undefined steps: each one with the closest phrase.
pub fn report(undefined: &[Undefined], phrases: &[Phrase]) -> String {
    let mut out = String::new();
    for step in undefined {
        out.push_str(&format!(
            "undefined step at {}: {}\n",
            step.place, step.text
        ));
        match closest(&step.value, phrases) {
            Some((phrase, _)) => out.push_str(&format!(
                "  did you mean: {} {}\n  ({})\n",
                phrase.keyword, phrase.pattern, phrase.doc
            )),
            None => out.push_str("  no step phrase is defined at all\n"),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_misspelt_step_points_to_the_phrase_it_meant() {
        let phrase = |pattern: &str| crate::vocabulary::Phrase {
            keyword: "When",
            pattern: pattern.to_owned(),
            doc: String::new(),
        };
        let phrases = [
            phrase("the customer pays order {string}"),
            phrase("the customer pays with card {string}"),
            phrase("the bank charged {int} time(s)"),
        ];
        let closest = |step: &str| super::closest(step, &phrases).map(|(p, _)| p.pattern.clone());
        assert_eq!(
            closest("the customer pays wiht card \"visa-1\"").as_deref(),
            Some("the customer pays with card {string}")
        );
        assert_eq!(
            closest("the bank charges 2 times").as_deref(),
            Some("the bank charged {int} time(s)")
        );
        assert_eq!(super::closest("anything", &[]), None);
    }

    #[test]
    fn arguments_are_compared_as_parameters() {
        assert_eq!(
            super::shape_of("order \"ord 1\" costs 12 euro"),
            "order {string} costs {int} euro"
        );
    }
}
