//! The step vocabulary read from the step library's sources: every pattern with its keyword and
//! the doc line above it, for the README table and for "did you mean" hints.

use std::path::Path;

/// The folder of the step library, relative to the crate root.
pub const STEPS_DIR: &str = "tests/acceptance/steps";

/// The step files in the order the vocabulary lists them.
const ORDER: &[&str] = &["setup", "choices", "checks", "emails"];

/// One step definition as written in the sources.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrase {
    /// `Given`, `When` or `Then` (`Dato`, `Quando`, `Allora` for the Italian steps).
    pub keyword: &'static str,
    /// The cucumber expression, exactly as in the attribute.
    pub pattern: String,
    /// The first paragraph of the doc comment above the attribute: what the step does.
    pub doc: String,
}

/// Every phrase of every `*.rs` file in `dir`, files in name order, phrases in source order.
pub fn read(dir: &Path) -> Result<Vec<Phrase>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|error| format!("cannot list {}: {error}", dir.display()))?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
        .collect();
    // World setup, then choices and runs, then checks, then emails; Italian phrases last.
    files.sort_by_key(|path| {
        let stem = path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        let base = stem.trim_end_matches("_it");
        let rank = ORDER
            .iter()
            .position(|name| *name == base)
            .unwrap_or(ORDER.len());
        (stem.ends_with("_it"), rank, stem.clone())
    });
    let mut phrases = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file)
            .map_err(|error| format!("cannot read {}: {error}", file.display()))?;
        let italian = file
            .file_stem()
            .is_some_and(|stem| stem.to_string_lossy().ends_with("_it"));
        phrases.extend(parse(&text, italian));
    }
    Ok(phrases)
}

/// The phrases of one source file: each `#[given|when|then(expr = "...")]` with the first
/// paragraph of its doc comment, on one line.
pub fn parse(source: &str, italian: bool) -> Vec<Phrase> {
    let mut phrases = Vec::new();
    let mut doc: Vec<&str> = Vec::new();
    let mut paragraph_done = false;
    for line in source.lines().map(str::trim) {
        if let Some(text) = line.strip_prefix("///") {
            let text = text.trim();
            if text.is_empty() {
                paragraph_done = !doc.is_empty();
            } else if !paragraph_done {
                doc.push(text);
            }
            continue;
        }
        if let Some((kind, pattern)) = attribute(line) {
            phrases.push(Phrase {
                keyword: keyword(kind, italian),
                pattern,
                doc: doc.join(" "),
            });
        } else if line.starts_with("#[") {
            continue;
        }
        doc.clear();
        paragraph_done = false;
    }
    phrases
}

/// `("given", pattern)` for a line `#[given(expr = "pattern")]`.
fn attribute(line: &str) -> Option<(&'static str, String)> {
    for kind in ["given", "when", "then"] {
        let Some(rest) = line
            .strip_prefix("#[")
            .and_then(|rest| rest.strip_prefix(kind))
            .and_then(|rest| rest.strip_prefix("(expr = \""))
        else {
            continue;
        };
        let literal = rest.strip_suffix("\")]")?;
        return Some((kind, literal.replace("\\\"", "\"").replace("\\\\", "\\")));
    }
    None
}

fn keyword(kind: &str, italian: bool) -> &'static str {
    match (kind, italian) {
        ("given", false) => "Given",
        ("when", false) => "When",
        ("then", false) => "Then",
        ("given", true) => "Dato",
        ("when", true) => "Quando",
        _ => {
            if italian {
                "Allora"
            } else {
                "Then"
            }
        }
    }
}

/// The README table: one row per phrase, in the order of [`read`].
// Only tests/step_vocabulary.rs prints the table; the acceptance runner shares the rest.
#[allow(dead_code)]
pub fn markdown_table(phrases: &[Phrase]) -> String {
    let mut out = String::from("| Phrase | What it does |\n|---|---|\n");
    for phrase in phrases {
        out.push_str(&format!(
            "| {} `{}` | {} |\n",
            phrase.keyword,
            phrase.pattern.replace('|', "\\|"),
            phrase.doc.replace('|', "\\|"),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_attributes_with_their_doc_line() {
        let source = r#"
/// Adds the customers
/// of a table.
///
/// More words.
#[given(expr = "the customers:")]
async fn customers(world: &mut Scenario) {}

#[then(expr = "the email {string} contains \"x\"")]
fn no_doc() {}
"#;
        let phrases = super::parse(source, false);
        assert_eq!(phrases.len(), 2);
        assert_eq!(phrases[0].keyword, "Given");
        assert_eq!(phrases[0].pattern, "the customers:");
        assert_eq!(phrases[0].doc, "Adds the customers of a table.");
        assert_eq!(phrases[1].pattern, "the email {string} contains \"x\"");
        assert_eq!(phrases[1].doc, "");
        assert_eq!(super::parse(source, true)[1].keyword, "Allora");
    }
}
