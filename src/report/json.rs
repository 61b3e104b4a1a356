//! The JSON report: the trace as it is, pretty-printed.

use crate::trace::Trace;

/// The trace as pretty JSON, with a final newline.
pub fn json(trace: &Trace) -> String {
    // A trace holds only strings, numbers, booleans, lists and structs: serialising it cannot
    // fail, and the fallback keeps the signature honest without a panic.
    let mut out = serde_json::to_string_pretty(trace)
        .unwrap_or_else(|error| format!("{{\"error\": \"{error}\"}}"));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::FlowId;
    use crate::trace::Event;

    #[test]
    fn events_are_tagged_by_kind() {
        let mut trace = Trace::new(FlowId::from("paga"));
        trace.events.push(Event::ChoiceAnswered {
            name: "otp".into(),
            value: "••••".into(),
            defaulted: false,
        });
        let value: serde_json::Value = serde_json::from_str(&json(&trace)).unwrap();
        assert_eq!(value["flow"], "paga");
        assert_eq!(value["outcome"], "error");
        assert_eq!(value["events"][0]["event"], "choice_answered");
        assert_eq!(value["events"][0]["value"], "••••");
    }
}
