//! The simulated clock: starts at the world's time, advances one second per reading, and hands
//! out sequential ids from the world's seed, so every run is reproducible.

use super::state::Shared;
use crate::adapter::{Clock, Timestamp};

/// Time and id counters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct ClockState {
    now: i64,
    next_id: u64,
}

impl ClockState {
    pub fn new(start: i64, id_seed: u64) -> ClockState {
        ClockState {
            now: start,
            next_id: id_seed,
        }
    }

    /// The current time, then one second later for the next reading.
    pub fn tick(&mut self) -> Timestamp {
        let now = self.now;
        self.now = self.now.saturating_add(1);
        Timestamp(now)
    }

    /// The current time without advancing it (for the bank's expiry checks).
    pub fn peek(&self) -> i64 {
        self.now
    }

    pub fn next_id(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id = self.next_id.wrapping_add(1);
        id
    }
}

/// The [`Clock`] part of a [`super::Simulator`].
#[derive(Debug)]
pub struct SimClock(pub(super) Shared);

impl Clock for SimClock {
    fn now(&mut self) -> Timestamp {
        self.0.lock().clock.tick()
    }

    fn next_id(&mut self) -> u64 {
        self.0.lock().clock.next_id()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_advances_one_second_per_reading_and_ids_count_up() {
        let mut clock = ClockState::new(100, 7);
        assert_eq!(clock.tick(), Timestamp(100));
        assert_eq!(clock.tick(), Timestamp(101));
        assert_eq!(clock.peek(), 102);
        assert_eq!((clock.next_id(), clock.next_id()), (7, 8));
    }
}
