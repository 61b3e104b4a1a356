//! The diagnostics one check pass collects, every one with a position and a hint.

use super::locate::{self, Lines};
use crate::diagnostic::{Code, Diagnostic};
use crate::raw::Text;
use crate::source::{Position, Source};

/// Diagnostics found so far in one flow file.
pub struct Report<'s> {
    /// The file being checked, to name it and to locate inside its strings.
    pub source: &'s Source,
    /// Where its lines start, to locate inside its strings.
    pub lines: Lines<'s>,
    /// Everything found, in the order found.
    pub diagnostics: Vec<Diagnostic>,
}

impl<'s> Report<'s> {
    /// An empty report on `source`.
    pub fn new(source: &'s Source) -> Report<'s> {
        Report {
            source,
            lines: Lines::new(source),
            diagnostics: Vec::new(),
        }
    }

    /// Where the value of `text` starts: after its opening quote, if it has one, so that
    /// carets sit under the value itself.
    pub fn at(&self, text: &Text) -> Option<Position> {
        locate::value_start(&self.lines, text)
    }

    /// Records one problem about the located string `text`, underlining the whole of it.
    pub fn on(
        &mut self,
        code: Code,
        text: &Text,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        let position = self.at(text);
        self.add(code, position, locate::width(text), message, hint);
    }

    /// Records one problem.
    pub fn add(
        &mut self,
        code: Code,
        position: Option<Position>,
        width: usize,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        let diagnostic = Diagnostic::new(code, self.source.name.clone(), message)
            .at(position, width)
            .hint(hint);
        self.diagnostics.push(diagnostic);
    }

    /// True when nothing was recorded.
    pub fn is_clean(&self) -> bool {
        self.diagnostics.is_empty()
    }

    /// The diagnostics sorted by position, so output reads top to bottom.
    pub fn finish(mut self) -> Vec<Diagnostic> {
        self.diagnostics
            .sort_by_key(|d| (d.position.unwrap_or_default(), d.code));
        self.diagnostics
    }
}
