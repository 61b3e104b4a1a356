//! The flow file as written: serde + schemars types, every value with its source location.
//!
//! Nothing here is trusted by the engine: [`crate::check`] turns a [`RawFlow`] into a
//! [`crate::flow::Flow`]. Each step names its kind by exactly one of the keys `call`, `ask`,
//! `if`, `email`, `end` (or only `next`, for a step the customer just reads), so an editor
//! offers each kind once.

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

/// A located string: the text and where it sits in the flow file.
pub type Text = Spanned<String>;

/// One YAML flow file: a documented procedure as steps.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "flowspec flow",
    description = "A documented customer procedure as executable steps."
)]
pub struct RawFlow {
    /// Stable identifier of the flow, in kebab-case (`paga-carta-registrata`). `flowspec run` and the features name the flow by it.
    #[schemars(with = "String")]
    pub flow: Text,
    /// Title of the procedure, in the guide's Italian wording.
    pub title: String,
    /// The guide section and procedure this flow encodes.
    pub guide: RawGuide,
    /// Catalog products this procedure applies to (ids from `flows/catalog.yaml`).
    #[schemars(with = "Vec<String>")]
    pub products: Vec<Text>,
    /// Free text for the reader: what the procedure is for.
    #[serde(default)]
    pub description: Option<String>,
    /// Id of the first step.
    #[schemars(with = "String")]
    pub start: Text,
    /// The steps, in reading order. The engine follows `next`, outcomes and answers, not this order.
    pub steps: Vec<RawStep>,
}

/// Where in the published guide the flow comes from.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawGuide {
    /// Section number of the guide, e.g. `3.2.2`.
    pub section: String,
    /// Procedure letter within the section: `A` (registered card) or `B` (new card).
    #[schemars(with = "String")]
    pub procedure: Text,
    /// The sentence that introduces the procedure in the guide.
    pub intro: String,
}

/// One step. Give it exactly one of `call`, `ask`, `if`, `email`, `end`; a step with none of
/// them is a page the customer reads and leaves through `next`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    /// Unique id of the step within the flow, in kebab-case; other steps jump here by it.
    #[schemars(with = "String")]
    pub id: Text,
    /// The guide step this encodes, e.g. `A4` or `B7`. Several steps may share one guide step; steps the guide does not number have none.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub guide: Option<Text>,
    /// The guide's Italian wording for this step, as the customer reads it.
    #[serde(default)]
    pub text: Option<String>,
    /// UI labels the customer sees or clicks here, exactly as shown (`Gestisci`, `Paga`, `Prosegui`...).
    #[serde(default)]
    pub ui: Vec<String>,
    /// Ids of the rules and decisions this step encodes (`R3`, `D2`...), from the spec.
    #[serde(default)]
    pub rules: Vec<String>,

    /// Kind `call`: an adapter operation, `area.<op>` (customer area) or `bank.<op>` (bank page).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub call: Option<Text>,
    /// For `call`: the operation's arguments, each a minijinja expression.
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, String>")]
    pub with: Entries,
    /// For `call`: where each outcome of the operation leads (outcome → step id). Every outcome must be handled.
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, String>")]
    pub outcomes: Entries,

    /// Kind `ask`: a decision of the customer, by name; the scenario answers it (`--choose name=value`).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub ask: Option<Text>,
    /// For `ask`: the question, in Italian, shown in traces.
    #[serde(default)]
    pub prompt: Option<String>,
    /// For `ask`: the accepted answers and where each leads (answer → step id). Without it any answer is taken and `next` followed.
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, String>")]
    pub answers: Entries,
    /// For `ask`: the answer taken when the scenario gives none.
    #[serde(default)]
    pub default: Option<String>,
    /// For `ask`: the answer is a secret (card number, security code, OTP) and traces show it masked (D12).
    #[serde(default)]
    pub secret: bool,

    /// Kind `if`: a minijinja condition; `then` is followed when it is true, `else` otherwise.
    #[serde(default, rename = "if")]
    #[schemars(with = "Option<String>")]
    pub condition: Option<Text>,
    /// For `if`: the step followed when the condition holds.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub then: Option<Text>,
    /// For `if`: the step followed when the condition does not hold.
    #[serde(default, rename = "else")]
    #[schemars(with = "Option<String>")]
    pub otherwise: Option<Text>,
    /// For `if`: the question the condition answers, shown on the diagram (`Carte registrate?`).
    #[serde(default)]
    pub label: Option<String>,

    /// Kind `email`: the template (in `flows/emails/`) of an email the customer receives here.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub email: Option<Text>,

    /// Kind `end`: the outcome the procedure ends with (`paid`, `declined`, `cap_refused`...).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub end: Option<Text>,

    /// For `call` and `ask`: variable that receives the reply or answer.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub into: Option<Text>,
    /// The step that follows (for `ask` without answers, `email`, and reading steps).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub next: Option<Text>,
    /// Conditions that must hold after the step ran, each a minijinja expression; one that fails ends the run.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub expect: Vec<Text>,
}

/// A YAML mapping of located keys to located strings, in file order.
#[derive(Debug, Default)]
pub struct Entries(pub Vec<(Text, Text)>);

impl Entries {
    /// The value under `key`, if present.
    pub fn get(&self, key: &str) -> Option<&Text> {
        self.0.iter().find(|(k, _)| k.value == key).map(|(_, v)| v)
    }
}

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor;
        impl<'de> serde::de::Visitor<'de> for EntriesVisitor {
            type Value = Entries;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a mapping of names to strings")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Entries, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<Text, Text>()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(EntriesVisitor)
    }
}
