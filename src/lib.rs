//! flowspec: documented customer procedures as YAML flows, run by an engine against adapters.
//!
//! The pipeline, in the order data flows through it:
//!
//! 1. [`source`]: a flow file read from disk, kept with its path for diagnostics.
//! 2. [`load`]: YAML → [`raw::RawFlow`] (serde-saphyr, every value with its location).
//! 3. [`check`]: [`raw::RawFlow`] → [`flow::Flow`], the only type the engine accepts (codes `F0xx`).
//! 4. [`render`]: a checked flow as a Mermaid graph or as the guide's numbered procedure.
//! 5. [`engine`]: walks a [`flow::Flow`], asks [`adapter`]s, emits [`trace`] events.
//! 6. [`sim`]: the reference customer area, bank, mailer and clock, loaded from a [`world`].
//! 7. [`email`]: minijinja templates → RFC 5322 messages, amounts in [`money`].
//! 8. [`report`]: a trace as text or JSON.

pub mod adapter;
pub mod catalog;
pub mod check;
pub mod cli;
pub mod diagnostic;
pub mod email;
pub mod engine;
pub mod expr;
pub mod flow;
pub mod ids;
pub mod load;
pub mod money;
pub mod operation;
pub mod outcome;
pub mod project;
pub mod raw;
pub mod render;
pub mod report;
pub mod schema;
pub mod sim;
pub mod source;
pub mod trace;
pub mod world;
