//! The limits a flow file must stay within, so that hostile or broken input fails fast (F105).
//!
//! A real flow is a few hundred lines, a dozen levels deep, with no aliases; the limits leave
//! generous room above that and stay far below what takes noticeable time or stack.

use serde_saphyr::Options;
use serde_saphyr::options::DuplicateKeyPolicy;

/// The largest file accepted, in bytes (1 MiB), checked before parsing.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

/// Deepest nesting of mappings and sequences; the deserializer recurses once per level.
pub const MAX_DEPTH: usize = 32;

/// Parser options: strict duplicate keys, one document, and budgets for events, nodes, depth
/// and alias expansion (billion laughs).
pub fn options() -> Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_reader_input_bytes: Some(MAX_FILE_BYTES),
            max_depth: MAX_DEPTH,
            flow_nesting_limit: MAX_DEPTH,
            max_documents: 1,
            max_events: 200_000,
            max_nodes: 100_000,
            max_aliases: 1_000,
            max_anchors: 1_000,
            max_recorded_anchor_events: 10_000,
            max_total_scalar_bytes: MAX_FILE_BYTES,
            max_merge_keys: 100,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: 10_000,
            max_replay_stack_depth: 16,
            max_alias_expansions_per_anchor: 100,
        },
        duplicate_keys: DuplicateKeyPolicy::Error,
        with_snippet: false,
    }
}
