//! A trace as something to read: a text report for people, JSON for tools. Both are pure
//! functions of the trace, so the same run always prints the same bytes.

mod json;
mod text;

pub use json::json;
pub use text::text;
