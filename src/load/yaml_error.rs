//! serde-saphyr errors as diagnostics: which code, where, and what to do about it.

use crate::diagnostic::{Code, Diagnostic, did_you_mean};
use crate::source::{Position, Source};
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::{Error, Location};

/// The diagnostic for the first error serde-saphyr met while parsing `source`.
pub fn diagnose(error: &Error, source: &Source) -> Diagnostic {
    let (error, location) = innermost(error);
    let position = location.as_ref().and_then(Position::of);
    let width = location.map_or(1, |at| at.span().len() as usize);
    let diagnostic =
        |code, message: String| Diagnostic::new(code, &source.name, message).at(position, width);
    match error {
        Error::SerdeUnknownField {
            field, expected, ..
        } => unknown_key(&source.name, field, expected).at(position, field.chars().count()),
        Error::SerdeMissingField { field, .. } => {
            diagnostic(Code::MissingKey, format!("missing key `{field}`"))
                .hint(format!("add `{field}:` to the mapping this key belongs to"))
        }
        Error::DuplicateMappingKey { key, .. } => {
            let key = key.as_deref().unwrap_or("?");
            diagnostic(
                Code::DuplicateKey,
                format!("key `{key}` given twice in one mapping"),
            )
            .at(position, key.chars().count())
            .hint("keep one of the two; YAML does not merge repeated keys")
        }
        Error::SerdeInvalidType {
            unexpected,
            expected,
            ..
        }
        | Error::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => diagnostic(
            Code::WrongType,
            format!("expected {expected}, found {unexpected}"),
        )
        .hint(type_hint(expected)),
        Error::SerdeInvalidLength { len, expected, .. } => diagnostic(
            Code::WrongType,
            format!("expected {expected}, found {len} items"),
        ),
        Error::SerdeUnknownVariant {
            variant, expected, ..
        } => {
            let found = diagnostic(
                Code::WrongType,
                format!(
                    "unknown value `{variant}`, expected one of {}",
                    list(expected)
                ),
            );
            match did_you_mean(variant, expected.iter().copied()) {
                Some(better) => found.hint(format!("did you mean `{better}`?")),
                None => found,
            }
        }
        Error::InvalidScalar { ty, .. } => {
            diagnostic(Code::WrongType, format!("this value is not a valid {ty}"))
                .hint(type_hint(ty))
        }
        Error::NullIntoString { .. } => {
            diagnostic(Code::WrongType, "a value is missing here".into())
                .hint("write a value after the `:`, or remove the key")
        }
        Error::Unexpected { expected, .. } => diagnostic(
            Code::WrongType,
            format!("expected {} here", in_words(expected)),
        )
        .hint(type_hint(expected)),
        Error::InvalidBooleanStrict { .. } => {
            diagnostic(Code::WrongType, "expected `true` or `false`".into())
        }
        Error::Budget {
            breach: BudgetBreach::Documents { .. },
            ..
        } => several_documents(&source.name).at(position, width),
        Error::Budget { breach, .. } => diagnostic(
            Code::TooLarge,
            format!("the file exceeds a limit: {}", breach_in_words(breach)),
        )
        .hint("flows are small and need no anchors, aliases or deep nesting"),
        Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. }
        | Error::AliasReplayCounterOverflow { .. } => diagnostic(
            Code::TooLarge,
            "aliases expand beyond the limit (an alias bomb?)".into(),
        )
        .hint("write the values out instead of repeating them through `*aliases`"),
        Error::IOError { cause } if cause.kind() == std::io::ErrorKind::FileTooLarge => {
            diagnostic(Code::TooLarge, format!("the file exceeds a limit: {cause}"))
        }
        Error::InvalidUtf8Input => diagnostic(Code::Encoding, "the file is not UTF-8".into()),
        Error::MultipleDocuments { .. } => several_documents(&source.name).at(position, width),
        other => syntax(other, source, position, width),
    }
}

fn several_documents(file: &str) -> Diagnostic {
    Diagnostic::new(
        Code::Syntax,
        file,
        "more than one YAML document (`---`) in the file",
    )
    .hint("a flow file holds one document; move the other one to its own file")
}

/// What the parser expected, as a reader would say it.
fn in_words(expected: &str) -> &str {
    if expected.contains("sequence") {
        "a list"
    } else if expected.contains("mapping") {
        "a mapping (`key: value` pairs)"
    } else if expected.contains("string") || expected.contains("scalar") {
        "a text value"
    } else {
        expected
    }
}

/// Which limit of [`super::limits`] a file went over.
fn breach_in_words(breach: &BudgetBreach) -> &'static str {
    match breach {
        BudgetBreach::Depth { .. } => "nested too deeply",
        BudgetBreach::Events { .. } | BudgetBreach::Nodes { .. } => "too many values",
        BudgetBreach::Aliases { .. }
        | BudgetBreach::AliasAnchorRatio { .. }
        | BudgetBreach::RecordedAnchorEvents { .. }
        | BudgetBreach::RecordedAnchorBytes { .. } => "too many aliases",
        BudgetBreach::Anchors { .. } => "too many anchors",
        BudgetBreach::Documents { .. } => "more than one document",
        BudgetBreach::ScalarBytes { .. } | BudgetBreach::InputBytes { .. } => "too much text",
        BudgetBreach::MergeKeys { .. } => "too many merge keys",
        _ => "a parser limit",
    }
}

/// Follows alias wrappers to the error that happened, located where the alias was used.
fn innermost(error: &Error) -> (&Error, Option<Location>) {
    let location = error.location();
    let mut error = error.without_snippet();
    while let Error::AliasError { error: inner, .. } = error {
        error = inner.without_snippet();
    }
    (error, location)
}

/// F102, with a "did you mean" among the keys serde expected, and the mapping it is in when
/// the expected keys tell which one it is.
fn unknown_key(file: &str, field: &str, expected: &[&str]) -> Diagnostic {
    let place = owner(expected)
        .map(|owner| format!(" in {owner}"))
        .unwrap_or_default();
    let diagnostic = Diagnostic::new(
        Code::UnknownKey,
        file,
        format!("unknown key `{field}`{place}"),
    );
    match did_you_mean(field, expected.iter().copied()) {
        Some(better) => diagnostic.hint(format!("did you mean `{better}`?")),
        None => diagnostic.hint(format!("the keys here are {}", list(expected))),
    }
}

/// serde names the expected fields but not the struct; a field only one struct of the flow
/// and catalog formats has is enough to name the mapping in words.
fn owner(expected: &[&str]) -> Option<&'static str> {
    const OWNERS: &[(&str, &str)] = &[
        ("outcomes", "a step"),
        ("steps", "the flow"),
        ("procedure", "`guide`"),
        ("auto_renew", "a product"),
        ("products", "the catalog"),
    ];
    OWNERS
        .iter()
        .find(|(field, _)| expected.contains(field))
        .map(|(_, owner)| *owner)
}

/// A hint for a value of the wrong type, from what was expected.
fn type_hint(expected: &str) -> String {
    if expected.contains("sequence") || expected.contains("Vec") {
        "write a list: `[a, b]` or one `- item` per line".into()
    } else if expected.contains("map") {
        "write a mapping: `key: value` pairs, indented under this key".into()
    } else if expected.contains("bool") {
        "write `true` or `false`".into()
    } else {
        "write a plain text value; quote it if it starts with a special character".into()
    }
}

/// Everything else is a YAML syntax problem (F100); tabs in indentation get their own hint.
fn syntax(error: &Error, source: &Source, position: Option<Position>, width: usize) -> Diagnostic {
    let message = plain_message(error);
    if message.contains("recursion limit") || message.contains("nesting limit") {
        return Diagnostic::new(
            Code::TooLarge,
            &source.name,
            "the file exceeds a limit: nested too deeply",
        )
        .at(position, width)
        .hint("flows are small and need no deep nesting");
    }
    let tab_named = message.contains("tab");
    if let Some(tab) = first_indenting_tab(source, position, tab_named) {
        return Diagnostic::new(Code::Syntax, &source.name, "a tab in the indentation")
            .at(Some(tab), 1)
            .hint("YAML indents with spaces only; replace the tab with spaces");
    }
    Diagnostic::new(Code::Syntax, &source.name, message)
        .at(position, width)
        .hint("check the indentation, the `:` after each key and the closing quotes and brackets")
}

/// The first tab in the leading whitespace of a line, up to the line after the error (the
/// parser often stops at the scalar before the tabbed line), or anywhere when the parser's
/// message is about a tab.
fn first_indenting_tab(
    source: &Source,
    error_at: Option<Position>,
    anywhere: bool,
) -> Option<Position> {
    let last_line = match error_at {
        Some(at) if !anywhere => at.line + 1,
        _ => usize::MAX,
    };
    source
        .text
        .lines()
        .take(last_line)
        .enumerate()
        .find_map(|(index, line)| {
            let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
            let column = line[..indent].find('\t')?;
            Some(Position::new(index + 1, column + 1))
        })
}

/// The parser's own message, without its trailing location (the diagnostic carries that).
fn plain_message(error: &Error) -> String {
    let message = error.to_string();
    let message = message.lines().next().unwrap_or_default();
    match message.find(" at line ") {
        Some(cut) => message[..cut].to_string(),
        None => message.to_string(),
    }
}

/// `a`, `b` and `c`.
fn list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    match quoted.split_last() {
        None => "none".into(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raw::RawFlow;

    fn first_error(text: &str) -> Diagnostic {
        let source = Source::new("f.yaml", text);
        match crate::load::parse_yaml::<RawFlow>(&source) {
            Ok(_) => panic!("parsed: {text}"),
            Err(diagnostics) => diagnostics
                .into_iter()
                .next()
                .unwrap_or_else(|| panic!("none")),
        }
    }

    #[test]
    fn unknown_key_names_its_mapping_and_suggests() {
        let diagnostic = first_error("flow: x\ntitel: y\n");
        assert_eq!(diagnostic.code, Code::UnknownKey);
        assert_eq!(diagnostic.message, "unknown key `titel` in the flow");
        assert_eq!(diagnostic.hint.as_deref(), Some("did you mean `title`?"));
        assert_eq!(diagnostic.position, Some(Position::new(2, 1)));
        assert_eq!(diagnostic.width, 5);
    }

    #[test]
    fn unknown_key_without_a_close_name_lists_the_keys() {
        let diagnostic = unknown_key("f.yaml", "zzz", &["section", "procedure", "intro"]);
        assert_eq!(diagnostic.message, "unknown key `zzz` in `guide`");
        assert_eq!(
            diagnostic.hint.as_deref(),
            Some("the keys here are `section`, `procedure` and `intro`")
        );
    }

    #[test]
    fn a_tab_anywhere_in_the_indentation_is_named() {
        let diagnostic = first_error("flow: x\nsteps:\n  - id: a\n\tend: paid\n");
        assert_eq!(diagnostic.code, Code::Syntax);
        assert_eq!(diagnostic.message, "a tab in the indentation");
        assert_eq!(diagnostic.position, Some(Position::new(4, 1)));
    }

    #[test]
    fn duplicate_keys_are_refused_not_merged() {
        let diagnostic = first_error("flow: x\nflow: y\n");
        assert_eq!(diagnostic.code, Code::DuplicateKey);
        assert_eq!(diagnostic.position, Some(Position::new(2, 1)));
    }

    #[test]
    fn limits_win_over_type_errors() {
        // The nesting sits where a string is expected: the limit is still what is reported.
        let text = format!("description: {}x{}\n", "[".repeat(50), "]".repeat(50));
        assert_eq!(first_error(&text).code, Code::TooLarge);
    }

    #[test]
    fn lists_read_as_prose() {
        assert_eq!(list(&[]), "none");
        assert_eq!(list(&["a"]), "`a`");
        assert_eq!(list(&["a", "b", "c"]), "`a`, `b` and `c`");
    }
}
