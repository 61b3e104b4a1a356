//! A checked flow rendered for people: a Mermaid diagram, the guide's numbered procedure, and
//! the README's diagram blocks kept in step with the flows.

mod graph;
mod guide;
mod readme;

pub use graph::mermaid;
pub use guide::guide;
pub use readme::{readme_block, refresh_readme};
