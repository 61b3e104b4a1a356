//! A flow read back as the guide's numbered Italian procedure: the intro, then one numbered
//! item per guide step, made of the texts of the flow steps that cite it, in file order.

use crate::flow::Flow;
use std::collections::BTreeMap;
use std::fmt::Write;

/// The procedure as the guide numbers it. Steps without a guide reference or a text are
/// engine detail the guide does not describe, so they are left out.
pub fn guide(flow: &Flow) -> String {
    let mut items: BTreeMap<u32, Vec<&str>> = BTreeMap::new();
    for step in &flow.steps {
        let number = step
            .guide
            .as_deref()
            .and_then(|g| g.strip_prefix(flow.procedure.as_str()))
            .and_then(|n| n.parse::<u32>().ok());
        if let (Some(number), Some(text)) = (number, step.text.as_deref()) {
            items.entry(number).or_default().push(text.trim());
        }
    }
    let mut out = format!("{}\n", flow.intro);
    let last = items.keys().next_back().copied();
    for (number, texts) in &items {
        let mut item = sentence(texts);
        if !item.ends_with(['.', ';', ':']) {
            item.push(if Some(*number) == last { '.' } else { ';' });
        }
        let _ = writeln!(out, "  {number}. {item}");
    }
    out
}

/// The texts of one guide step as one sentence: a text that opens with a capital letter
/// starts a new sentence, as it does in the guide.
fn sentence(texts: &[&str]) -> String {
    let mut joined = String::new();
    for text in texts {
        if !joined.is_empty() {
            let starts_sentence = text.chars().next().is_some_and(char::is_uppercase);
            if starts_sentence && !joined.ends_with(['.', ';', ':']) {
                joined.push('.');
            }
            joined.push(' ');
        }
        joined.push_str(text);
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::fixture::{HEADER, check_yaml};

    #[test]
    fn numbers_by_guide_ref_and_joins_texts_in_file_order() {
        let yaml = format!(
            "{HEADER}  - id: a\n    guide: A2\n    text: dalla pagina principale\n    next: b\n  - id: b\n    guide: A1\n    text: autenticarsi\n    next: c\n  - id: c\n    guide: A2\n    text: selezionare Gestisci\n    next: e\n  - id: e\n    guide: A2\n    text: Se con PEC\n    next: d\n  - id: d\n    guide: A2\n    next: fine\n  - id: fine\n    end: paid\n"
        );
        let flow = check_yaml(&yaml).unwrap();
        assert_eq!(
            guide(&flow),
            "x\n  1. autenticarsi;\n  2. dalla pagina principale selezionare Gestisci. Se con PEC.\n"
        );
    }
}
