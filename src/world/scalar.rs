//! The scalars of a world file YAML leaves ambiguous: a clock given as seconds or as a date,
//! an answer written as a number (`otp: 123456`).

use super::calendar;
use schemars::JsonSchema;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use std::fmt;

/// `clock:` as Unix seconds or an RFC 3339 UTC time.
pub(super) fn start_time<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
    struct StartTime;
    impl Visitor<'_> for StartTime {
        type Value = i64;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("Unix seconds or an RFC 3339 UTC time like 2026-11-28T09:00:00Z")
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<i64, E> {
            Ok(v)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<i64, E> {
            i64::try_from(v).map_err(|_| E::custom("the clock start is too far in the future"))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<i64, E> {
            calendar::parse_rfc3339(v).map_err(E::custom)
        }
    }
    deserializer.deserialize_any(StartTime)
}

/// One answer or a list of answers; numbers and booleans are kept as written (`otp: 123456`).
pub(super) fn answers<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    deserializer.deserialize_any(AnswerVisitor { list: true })
}

struct AnswerVisitor {
    list: bool,
}

impl AnswerVisitor {
    fn one<E>(&self, text: String) -> Result<Vec<String>, E> {
        Ok(vec![text])
    }
}

impl<'de> Visitor<'de> for AnswerVisitor {
    type Value = Vec<String>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if self.list {
            f.write_str("an answer or a list of answers")
        } else {
            f.write_str("an answer (text or number)")
        }
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        self.one(v.to_owned())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        self.one(v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        self.one(v.to_string())
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        self.one(v.to_string())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        if !self.list {
            return Err(de::Error::custom(
                "a list of answers cannot hold another list",
            ));
        }
        let mut all = Vec::new();
        while let Some(Single(one)) = seq.next_element()? {
            all.push(one);
        }
        Ok(all)
    }
}

/// One element of a list of answers.
struct Single(String);

impl<'de> de::Deserialize<'de> for Single {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut one = deserializer.deserialize_any(AnswerVisitor { list: false })?;
        Ok(Single(one.pop().unwrap_or_default()))
    }
}

/// Schema of `clock`: what the file may hold.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub(super) enum StartTimeSchema {
    /// Unix seconds.
    Seconds(i64),
    /// An RFC 3339 UTC time, `2026-11-28T09:00:00Z`.
    Date(String),
}

/// Schema of one entry of `choices`.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub(super) enum AnswersSchema {
    /// One answer, repeated every time the decision is asked.
    One(String),
    /// Answers in order; the last repeats.
    Many(Vec<String>),
}
