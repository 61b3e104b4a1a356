//! Short one-line summaries of reply data and variables, for events and report lines.

use minijinja::value::{Value, ValueKind};
use serde::{Serialize, Serializer};
use std::fmt::{self, Write};
use std::sync::OnceLock;

/// What an event says of a value: a text fixed when the event is made (a masked answer, D12),
/// or a reply value summarised by [`summarize`] only when a report reads it, so a run that is
/// never printed does not pay for the text. Either way it reads, compares and serialises as
/// that one line of text.
#[derive(Clone)]
pub struct Summary {
    value: Value,
    text: OnceLock<String>,
}

impl Summary {
    /// The summary of `value`, written when first read. Values are immutable, so the text is
    /// the one [`summarize`] would give now.
    pub fn of(value: Value) -> Summary {
        Summary {
            value,
            text: OnceLock::new(),
        }
    }

    /// A summary that is exactly `text`.
    pub fn text(text: String) -> Summary {
        Summary {
            value: Value::UNDEFINED,
            text: OnceLock::from(text),
        }
    }

    /// The line of text.
    pub fn as_str(&self) -> &str {
        self.text.get_or_init(|| summarize(&self.value))
    }
}

impl From<String> for Summary {
    fn from(text: String) -> Summary {
        Summary::text(text)
    }
}

impl From<&str> for Summary {
    fn from(text: &str) -> Summary {
        Summary::text(text.to_owned())
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl Serialize for Summary {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl PartialEq for Summary {
    fn eq(&self, other: &Summary) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Summary {}

impl PartialEq<str> for Summary {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Summary {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// Longest summary, in characters, before it is cut with `…`.
const LIMIT: usize = 96;

/// `value` on one line: maps as `{key: value, …}`, lists as `[a, b]`, at most [`LIMIT`]
/// characters. Key order is the value's own, so the same value always gives the same text.
pub fn summarize(value: &Value) -> String {
    let mut out = String::with_capacity(BUDGET + 16);
    let whole = write_value(value, &mut out);
    if whole && out.chars().count() <= LIMIT {
        return out;
    }
    let mut cut: String = out.chars().take(LIMIT - 1).collect();
    cut.push('…');
    cut
}

/// Bytes written before walking stops: enough for [`LIMIT`] characters of mostly ASCII text,
/// so a big reply (a page of services) costs no more than a small one.
const BUDGET: usize = LIMIT + LIMIT / 2;

/// Writes `value`; false when it stopped at the budget, leaving the text incomplete.
fn write_value(value: &Value, out: &mut String) -> bool {
    if out.len() > BUDGET {
        return false;
    }
    match value.kind() {
        ValueKind::Undefined | ValueKind::None => out.push_str("none"),
        // minijinja shows booleans as `True`; flows and JSON write `true`.
        ValueKind::Bool => out.push_str(if value.is_true() { "true" } else { "false" }),
        ValueKind::Map => {
            out.push('{');
            let pairs = value.as_object().and_then(|map| map.try_iter_pairs());
            for (i, (key, item)) in pairs.into_iter().flatten().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                let _ = write!(out, "{key}: ");
                if !write_value(&item, out) {
                    return false;
                }
            }
            out.push('}');
        }
        ValueKind::Seq | ValueKind::Iterable => {
            out.push('[');
            for (i, item) in value.try_iter().into_iter().flatten().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                if !write_value(&item, out) {
                    return false;
                }
            }
            out.push(']');
        }
        _ => {
            let _ = write!(out, "{value}");
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn maps_and_lists_read_on_one_line() {
        let mut map = BTreeMap::new();
        map.insert("id", Value::from("ord-1"));
        map.insert(
            "cards",
            Value::from(vec![Value::from("card-1"), Value::from(2)]),
        );
        map.insert("cap", Value::from(()));
        map.insert("paid", Value::from(false));
        assert_eq!(
            summarize(&Value::from(map)),
            "{cap: none, cards: [card-1, 2], id: ord-1, paid: false}"
        );
    }

    #[test]
    fn long_values_are_cut_with_an_ellipsis() {
        let long = Value::from("x".repeat(500));
        let text = summarize(&long);
        assert_eq!(text.chars().count(), LIMIT);
        assert!(text.ends_with('…'));
        let many = Value::from((0..500).map(Value::from).collect::<Vec<_>>());
        let text = summarize(&many);
        assert!(text.starts_with("[0, 1, 2, "), "{text}");
        assert_eq!(text.chars().count(), LIMIT);
        assert!(text.ends_with('…'));
    }

    #[test]
    fn a_lazy_summary_reads_serialises_and_compares_as_its_text() {
        let mut map = BTreeMap::new();
        map.insert("id", Value::from("ord-1"));
        map.insert("paid", Value::from(true));
        let lazy = Summary::of(Value::from(map));
        let fixed = Summary::text("{id: ord-1, paid: true}".to_owned());
        assert_eq!(lazy.to_string(), "{id: ord-1, paid: true}");
        assert_eq!(lazy, fixed);
        assert!(lazy == "{id: ord-1, paid: true}");
        assert_eq!(format!("{lazy:?}"), format!("{fixed:?}"));
        assert_eq!(
            serde_json::to_string(&lazy).unwrap(),
            r#""{id: ord-1, paid: true}""#
        );
        assert_ne!(Summary::of(Value::from(())), fixed);
        assert_eq!(Summary::of(Value::from(())).as_str(), "none");
    }
}
