//! `flowspec schema`: prints the JSON Schema editors use to check and complete flow files.

use crate::schema::{catalog_schema, flow_schema};

/// Which file format's schema to print.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemaName {
    /// A flow file (`flows/*.yaml`).
    #[default]
    Flow,
    /// The product catalog (`flows/catalog.yaml`).
    Catalog,
}

/// Runs `flowspec schema`: the schema as pretty JSON on stdout.
pub fn run(which: SchemaName) -> u8 {
    let schema = match which {
        SchemaName::Flow => flow_schema(),
        SchemaName::Catalog => catalog_schema(),
    };
    print!("{}", crate::schema::to_pretty_json(&schema));
    super::EXIT_OK
}
