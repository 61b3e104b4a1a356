//! A file's text with its display name, and positions within it.

use std::path::Path;

/// A flow, catalog, world or template file as read, kept for diagnostics.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The path as the user gave it, used in `file:line:col`.
    pub name: String,
    /// The whole text.
    pub text: String,
}

impl Source {
    /// A source from a name and its text.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Source {
        Source {
            name: name.into(),
            text: text.into(),
        }
    }

    /// The display name of a path.
    pub fn name_of(path: &Path) -> String {
        path.display().to_string()
    }

    /// The 1-based line `line`, without its newline, if it exists.
    pub fn line(&self, line: usize) -> Option<&str> {
        self.text.lines().nth(line.checked_sub(1)?)
    }
}

/// A 1-based line and column (in characters) within a [`Source`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl Position {
    /// A position from 1-based line and column.
    pub fn new(line: usize, column: usize) -> Position {
        Position { line, column }
    }

    /// The position of a serde-saphyr location, if it is known.
    pub fn of(location: &serde_saphyr::Location) -> Option<Position> {
        let (line, column) = (location.line(), location.column());
        (line > 0).then(|| Position::new(line as usize, column.max(1) as usize))
    }
}
