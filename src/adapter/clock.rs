//! Time and ids: the only sources of either in a run, so every run is reproducible.

use serde::Serialize;

/// Seconds since the Unix epoch, UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Timestamp(pub i64);

/// The clock and id source of a run.
pub trait Clock {
    /// The current time.
    fn now(&mut self) -> Timestamp;
    /// A fresh id, unique within the run, from a seeded source.
    fn next_id(&mut self) -> u64;
}
