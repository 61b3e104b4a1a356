//! The JSON Schema of a world file, for editors (`flows/worlds/world.schema.json`).

use super::World;
use serde_json::Value;

/// The schema of a world file, from [`World`].
pub fn world_schema() -> Value {
    schemars::schema_for!(World).to_value()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_schema_is_up_to_date() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/flows/worlds/world.schema.json"
        );
        let generated = crate::schema::to_pretty_json(&world_schema());
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(path, &generated).expect("the schema can be written");
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == generated,
            "flows/worlds/world.schema.json is stale: rerun this test with UPDATE_SCHEMA=1"
        );
    }

    #[test]
    fn every_field_is_documented_and_unknown_keys_are_refused() {
        let schema = world_schema();
        let definitions = schema["$defs"].as_object().expect("definitions");
        let objects: Vec<&Value> = definitions
            .values()
            .chain(std::iter::once(&schema))
            .filter(|definition| definition["properties"].is_object())
            .collect();
        assert!(
            objects.len() >= 6,
            "World, Customer, PecLogin, Service, Order, Card"
        );
        for definition in objects {
            assert_eq!(definition["additionalProperties"], Value::Bool(false));
            for (key, property) in definition["properties"].as_object().into_iter().flatten() {
                assert!(
                    property.get("description").is_some(),
                    "{key} is undocumented"
                );
            }
        }
    }
}
