//! JSON Schemas of the flow and catalog files, for editors (the `yaml-language-server`
//! modeline at the top of each file in `flows/` points at them).

use crate::catalog::Catalog;
use crate::raw::RawFlow;
use serde_json::{Value, json};

/// The keys that each name a step kind; a step takes at most one of them.
const STEP_KINDS: &[&str] = &["call", "ask", "if", "email", "end"];

/// The schema of a flow file, from [`RawFlow`], with the rule that a step has at most one kind
/// so an editor flags `call` and `ask` on the same step.
pub fn flow_schema() -> Value {
    let mut schema = schemars::schema_for!(RawFlow).to_value();
    if let Some(step) = schema
        .pointer_mut("/$defs/RawStep")
        .and_then(Value::as_object_mut)
    {
        step.insert("not".into(), several_kinds());
    }
    schema
}

/// The schema of `flows/catalog.yaml`, from [`Catalog`].
pub fn catalog_schema() -> Value {
    schemars::schema_for!(Catalog).to_value()
}

/// A schema as written to `flows/*.schema.json`: pretty, with a trailing newline.
pub fn to_pretty_json(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Matches a step that has two kind keys or more.
fn several_kinds() -> Value {
    let mut pairs = Vec::new();
    for (index, first) in STEP_KINDS.iter().enumerate() {
        for second in &STEP_KINDS[index + 1..] {
            pairs.push(json!({ "required": [first, second] }));
        }
    }
    json!({
        "description": "A step has at most one of `call`, `ask`, `if`, `email`, `end`.",
        "anyOf": pairs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn committed(name: &str) -> String {
        let path = format!("{}/flows/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|why| panic!("cannot read {path}: {why}"))
    }

    /// Every `properties` object in the schema, with where it is.
    fn properties(value: &Value, at: &str, found: &mut Vec<(String, String, Value)>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::Object(props)) = map.get("properties") {
                    for (name, property) in props {
                        found.push((at.to_string(), name.clone(), property.clone()));
                    }
                }
                for (key, child) in map {
                    properties(child, &format!("{at}/{key}"), found);
                }
            }
            Value::Array(items) => {
                for (index, child) in items.iter().enumerate() {
                    properties(child, &format!("{at}/{index}"), found);
                }
            }
            _ => {}
        }
    }

    fn undocumented(schema: &Value) -> Vec<String> {
        let mut found = Vec::new();
        properties(schema, "", &mut found);
        assert!(
            found.len() > 10,
            "the schema has too few properties to be real"
        );
        found
            .into_iter()
            .filter(|(_, _, property)| property.get("description").is_none())
            .map(|(at, name, _)| format!("{at}/properties/{name}"))
            .collect()
    }

    #[test]
    fn every_flow_property_is_described() {
        assert_eq!(undocumented(&flow_schema()), Vec::<String>::new());
    }

    #[test]
    fn every_catalog_property_is_described() {
        let mut found = Vec::new();
        properties(&catalog_schema(), "", &mut found);
        let missing: Vec<_> = found
            .iter()
            .filter(|(_, _, property)| property.get("description").is_none())
            .map(|(at, name, _)| format!("{at}/{name}"))
            .collect();
        assert!(!found.is_empty());
        assert_eq!(missing, Vec::<String>::new());
    }

    #[test]
    fn step_schema_refuses_two_kinds() {
        let schema = flow_schema();
        let pairs = schema
            .pointer("/$defs/RawStep/not/anyOf")
            .and_then(Value::as_array);
        // Five kinds, every unordered pair of them.
        assert_eq!(pairs.map(Vec::len), Some(10));
        let step = schema
            .pointer("/$defs/RawStep/properties")
            .and_then(Value::as_object);
        for kind in STEP_KINDS {
            assert!(
                step.is_some_and(|props| props.contains_key(*kind)),
                "{kind}"
            );
        }
    }

    #[test]
    fn committed_flow_schema_is_current() {
        assert!(
            committed("flow.schema.json") == to_pretty_json(&flow_schema()),
            "flows/flow.schema.json is stale: run `cargo run -- schema > flows/flow.schema.json`"
        );
    }

    #[test]
    fn committed_catalog_schema_is_current() {
        assert!(
            committed("catalog.schema.json") == to_pretty_json(&catalog_schema()),
            "flows/catalog.schema.json is stale: run `cargo run -- schema catalog > flows/catalog.schema.json`"
        );
    }
}
