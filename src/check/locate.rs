//! Positions inside a YAML string scalar: where its value starts and where a given character
//! of the value sits in the file, for carets that point inside an expression.

use crate::raw::Text;
use crate::source::{Position, Source};

/// Where `text` is written, as serde-saphyr reports it (the scalar's first character, which
/// may be a quote or a block indicator).
pub fn of(text: &Text) -> Option<Position> {
    Position::of(&text.referenced)
}

/// The width of a caret under `text`: its length in characters, at least one.
pub fn width(text: &Text) -> usize {
    text.value.chars().count().max(1)
}

/// Where the character at byte `offset` of `text`'s value is written in `source`.
///
/// The value and the file differ by the scalar's quote or block header and by folded line
/// breaks and indentation, so the two are walked side by side, treating any run of whitespace
/// in the file as matching any run in the value. Escapes in double-quoted scalars can drift the
/// result by a few columns; it never leaves the scalar's lines.
pub fn inside(source: &Source, text: &Text, offset: usize) -> Option<Position> {
    let start = of(text)?;
    let chars: Vec<char> = source.text.chars().collect();
    let mut at = index_of(&source.text, start)?;
    match chars.get(at) {
        Some('"' | '\'') => at += 1,
        Some('>' | '|') => {
            while chars.get(at).is_some_and(|c| *c != '\n') {
                at += 1;
            }
        }
        _ => {}
    }
    let value = text.value.get(..offset.min(text.value.len())).unwrap_or("");
    for wanted in value.chars() {
        if wanted.is_whitespace() {
            while chars.get(at).is_some_and(|c| c.is_whitespace()) {
                at += 1;
            }
        } else {
            while chars.get(at).is_some_and(|c| c.is_whitespace()) {
                at += 1;
            }
            at += 1;
        }
    }
    let rest_starts_with_text = text
        .value
        .get(offset.min(text.value.len())..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| !c.is_whitespace());
    if rest_starts_with_text {
        while chars.get(at).is_some_and(|c| c.is_whitespace()) {
            at += 1;
        }
    }
    Some(position_of(&chars, at.min(chars.len())))
}

/// Where the value of `text` starts: after an opening quote, or at the first line of a block.
pub fn value_start(source: &Source, text: &Text) -> Option<Position> {
    if text.value.is_empty() {
        return of(text);
    }
    inside(source, text, 0)
}

/// The char index in `text` of a 1-based line and column.
fn index_of(text: &str, position: Position) -> Option<usize> {
    let mut line = 1;
    let mut column = 1;
    for (index, c) in text.chars().enumerate() {
        if line == position.line && column == position.column {
            return Some(index);
        }
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    (line == position.line && column == position.column).then(|| text.chars().count())
}

/// The 1-based line and column of char index `index`.
fn position_of(chars: &[char], index: usize) -> Position {
    let before = &chars[..index];
    let line = before.iter().filter(|c| **c == '\n').count() + 1;
    let column = before.iter().rev().take_while(|c| **c != '\n').count() + 1;
    Position::new(line, column)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Doc {
        a: Text,
    }

    fn locate(yaml: &str, offset: usize) -> Position {
        let doc: Doc = serde_saphyr::from_str(yaml).unwrap();
        inside(&Source::new("t.yaml", yaml), &doc.a, offset).unwrap()
    }

    #[test]
    fn plain_scalar_offsets_count_from_the_value() {
        assert_eq!(locate("a: x and y\n", 6), Position::new(1, 10));
    }

    #[test]
    fn quoted_scalar_skips_the_quote() {
        assert_eq!(locate("a: \"x and y\"\n", 0), Position::new(1, 5));
        assert_eq!(locate("a: 'x and y'\n", 6), Position::new(1, 11));
    }

    #[test]
    fn folded_block_follows_line_breaks() {
        let yaml = "a: >-\n  first line\n  and second\n";
        assert_eq!(locate(yaml, 0), Position::new(2, 3));
        assert_eq!(locate(yaml, "first line and ".len()), Position::new(3, 7));
    }
}
