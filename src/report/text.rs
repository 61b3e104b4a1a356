//! The text report: one line per event under its guide step and step id, the outcome, then
//! every email in full. UI labels stay in Italian as the flow writes them.

use crate::adapter::Email;
use crate::trace::{Event, Trace};
use std::fmt::Write;

/// Width of the guide column (`A7`, `B9`), with its gap.
const GUIDE_WIDTH: usize = 4;

/// The trace as readable text, with a final newline.
pub fn text(trace: &Trace) -> String {
    let step_width = trace
        .steps
        .iter()
        .map(|step| step.as_str().chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let mut out = format!("flow {}\n", trace.flow);
    let (mut guide, mut step) = (String::new(), String::new());
    for event in &trace.events {
        if let Event::StepEntered {
            step: entered,
            guide: entered_guide,
            ..
        } = event
        {
            guide = entered_guide.clone().unwrap_or_default();
            step = entered.to_string();
        }
        if let Some(line) = line(event) {
            let _ = writeln!(out, "{guide:<GUIDE_WIDTH$}{step:<step_width$}{line}");
        }
    }
    let _ = write!(out, "esito: {}", trace.outcome);
    if let Some(message) = &trace.message {
        let _ = write!(out, " — {message}");
    }
    out.push('\n');
    for (number, email) in trace.emails.iter().enumerate() {
        let _ = write!(
            out,
            "\n── email {}/{}: {} ──\n",
            number + 1,
            trace.emails.len(),
            email.template
        );
        write_email(&mut out, email);
    }
    out
}

/// The event's line after the columns; the run's end has its own line instead.
fn line(event: &Event) -> Option<String> {
    Some(match event {
        Event::StepEntered { ui, .. } if ui.is_empty() => "▶".to_owned(),
        Event::StepEntered { ui, .. } => {
            let labels: Vec<String> = ui.iter().map(|label| format!("[{label}]")).collect();
            format!("▶ {}", labels.join(" "))
        }
        Event::ConditionEvaluated { expression, result } => {
            format!("◇ {expression} → {}", if *result { "sì" } else { "no" })
        }
        Event::ChoiceAnswered {
            name,
            value,
            defaulted,
        } => format!(
            "? {name} = {value}{}",
            if *defaulted { " (default)" } else { "" }
        ),
        Event::AdapterCalled {
            operation,
            arguments,
        } => {
            let arguments: Vec<String> = arguments
                .iter()
                .map(|argument| format!("{}: {}", argument.name, argument.value))
                .collect();
            format!("→ {operation}({})", arguments.join(", "))
        }
        Event::AdapterReplied { outcome, data } if data == "none" => format!("← {outcome}"),
        Event::AdapterReplied { outcome, data } => format!("← {outcome} {data}"),
        Event::StateChanged { variable, value } => format!("· {variable} = {value}"),
        Event::EmailSent {
            template,
            to,
            subject,
        } => format!("✉ {template} → {to}: {subject}"),
        Event::ExpectationChecked { expression, held } => {
            format!("{} {expression}", if *held { "✓" } else { "✗" })
        }
        Event::RunEnded { .. } => return None,
    })
}

/// The message's headers as sent, then the plain-text body (the encoded MIME body is for mail
/// clients, not for people).
fn write_email(out: &mut String, email: &Email) {
    let message = email.message.replace("\r\n", "\n");
    let headers = message
        .split_once("\n\n")
        .map_or(message.as_str(), |(headers, _)| headers);
    out.push_str(headers.trim_end());
    out.push_str("\n\n");
    out.push_str(email.body.trim_end());
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{FlowId, StepId};
    use crate::outcome::Outcome;

    #[test]
    fn one_line_per_event_under_guide_and_step() {
        let mut trace = Trace::new(FlowId::from("paga-carta-registrata"));
        trace.steps.push(StepId::from("scegli-carta"));
        trace.events = vec![
            Event::StepEntered {
                step: StepId::from("scegli-carta"),
                guide: Some("A4".into()),
                ui: vec!["Prosegui".to_owned()].into(),
            },
            Event::ChoiceAnswered {
                name: "carta".into(),
                value: "card-1".into(),
                defaulted: false,
            },
            Event::RunEnded {
                outcome: Outcome::Paid,
                message: None,
            },
        ];
        trace.outcome = Outcome::Paid;
        trace.emails.push(Email {
            template: "conferma-pagamento".into(),
            to: "mario@example.it".into(),
            subject: "Conferma pagamento".into(),
            body: "Gentile cliente,\n".into(),
            message: "To: mario@example.it\r\nSubject: Conferma pagamento\r\n\r\nR2VudGlsZQ==\r\n"
                .into(),
        });
        assert_eq!(
            text(&trace),
            "flow paga-carta-registrata\n\
             A4  scegli-carta  ▶ [Prosegui]\n\
             A4  scegli-carta  ? carta = card-1\n\
             esito: paid\n\
             \n── email 1/1: conferma-pagamento ──\n\
             To: mario@example.it\nSubject: Conferma pagamento\n\nGentile cliente,\n"
        );
    }
}
