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

/// Where each line of a source starts, so that a position is found without rescanning the
/// whole file for every diagnostic.
pub struct Lines<'s> {
    text: &'s str,
    starts: Vec<usize>,
}

impl<'s> Lines<'s> {
    /// The line index of `source`.
    pub fn new(source: &'s Source) -> Lines<'s> {
        let text = source.text.as_str();
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        Lines { text, starts }
    }

    /// The byte offset of a 1-based line and column (in characters).
    fn byte_at(&self, position: Position) -> Option<usize> {
        let start = *self.starts.get(position.line.checked_sub(1)?)?;
        let end = self
            .starts
            .get(position.line)
            .copied()
            .unwrap_or(self.text.len());
        let line = self.text.get(start..end)?;
        let column = position.column.checked_sub(1)?;
        line.char_indices()
            .map(|(at, _)| at)
            .chain(std::iter::once(line.len()))
            .nth(column)
            .map(|at| start + at)
    }
}

/// Where the character at byte `offset` of `text`'s value is written in the file.
///
/// The value and the file differ by the scalar's quote and by folded line breaks and
/// indentation, so the two are walked side by side, treating any run of whitespace in the
/// file as matching any run in the value. Escapes in double-quoted scalars can drift the
/// result by a few columns; it never leaves the scalar's lines.
pub fn inside(lines: &Lines, text: &Text, offset: usize) -> Option<Position> {
    let start = of(text)?;
    let from = lines.byte_at(start)?;
    let mut walk = Walk {
        chars: lines.text.get(from..)?.chars().peekable(),
        position: start,
    };
    if matches!(walk.chars.peek(), Some('"' | '\'')) {
        walk.advance();
    }
    let value = text.value.get(..offset.min(text.value.len())).unwrap_or("");
    for wanted in value.chars() {
        walk.skip_whitespace();
        if !wanted.is_whitespace() {
            walk.advance();
        }
    }
    let next_is_text = text
        .value
        .get(offset.min(text.value.len())..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| !c.is_whitespace());
    if next_is_text {
        walk.skip_whitespace();
    }
    Some(walk.position)
}

/// Where the value of `text` starts: after an opening quote, or at the first line of a block.
pub fn value_start(lines: &Lines, text: &Text) -> Option<Position> {
    if text.value.is_empty() {
        return of(text);
    }
    inside(lines, text, 0)
}

/// A cursor over the file that knows its line and column.
struct Walk<'s> {
    chars: std::iter::Peekable<std::str::Chars<'s>>,
    position: Position,
}

impl Walk<'_> {
    fn advance(&mut self) {
        match self.chars.next() {
            Some('\n') => self.position = Position::new(self.position.line + 1, 1),
            Some(_) => self.position.column += 1,
            None => {}
        }
    }

    fn skip_whitespace(&mut self) {
        while self.chars.peek().is_some_and(|c| c.is_whitespace()) {
            self.advance();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Doc {
        a: Text,
        #[serde(rename = "è", default)]
        _other: Option<u8>,
    }

    fn locate(yaml: &str, offset: usize) -> Position {
        let doc: Doc = serde_saphyr::from_str(yaml).unwrap();
        let source = Source::new("t.yaml", yaml);
        inside(&Lines::new(&source), &doc.a, offset).unwrap()
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
    fn columns_count_characters_not_bytes() {
        assert_eq!(locate("a: \"èè x\"\n", "èè ".len()), Position::new(1, 8));
        assert_eq!(
            locate("è: 1\na: perché x\n", "perché ".len()),
            Position::new(2, 11)
        );
    }

    #[test]
    fn folded_block_follows_line_breaks() {
        // serde-saphyr locates a block scalar at its first line of content.
        let yaml = "a: >-\n  first line\n  and second\n";
        assert_eq!(locate(yaml, 0), Position::new(2, 3));
        assert_eq!(locate(yaml, "first line and ".len()), Position::new(3, 7));
    }
}
