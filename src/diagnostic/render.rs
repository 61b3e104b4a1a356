//! A diagnostic as text: header, `--> file:line:col`, the source line, carets, hint.
//!
//! Hand-rendered rather than through miette's graphical handler so that the output is plain
//! ASCII, has no colours, and stays byte-for-byte stable for snapshots.

use super::Diagnostic;
use crate::source::Source;
use std::fmt::{self, Write};

/// How many columns a tab occupies when the source line is shown; the caret line uses the same
/// expansion so the carets stay under the right characters.
const TAB_WIDTH: usize = 4;

impl Diagnostic {
    /// The diagnostic as text, deterministic and without colours:
    ///
    /// ```text
    /// error[F102]: unknown key `prosegi` in a step
    ///   --> flows/x.yaml:12:5
    ///    |
    /// 12 |     prosegi: paga
    ///    |     ^^^^^^^
    ///    = hint: did you mean `prosegui`?
    /// ```
    ///
    /// The source line is shown when `source` is given and has the line. Columns count
    /// characters, so an accented Italian letter before the caret moves it by one.
    pub fn render(&self, source: Option<&Source>) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = self.write_to(&mut out, source);
        out
    }

    fn write_to(&self, out: &mut String, source: Option<&Source>) -> fmt::Result {
        writeln!(out, "error[{}]: {}", self.code, self.message)?;
        let excerpt = self
            .position
            .and_then(|at| Some((at, source?.line(at.line)?)));
        let gutter = match self.position {
            Some(at) => at.line.to_string().len(),
            None => 1,
        };
        let pad = " ".repeat(gutter);
        match self.position {
            Some(at) => writeln!(out, "{pad}--> {}:{}:{}", self.file, at.line, at.column)?,
            None => writeln!(out, "{pad}--> {}", self.file)?,
        }
        if let Some((at, line)) = excerpt {
            let (shown, before, under) = caret_layout(line, at.column, self.width);
            writeln!(out, "{pad} |")?;
            writeln!(out, "{} | {}", at.line, shown.trim_end())?;
            writeln!(out, "{pad} | {}{}", " ".repeat(before), "^".repeat(under))?;
        }
        if let Some(hint) = &self.hint {
            writeln!(out, "{pad} = hint: {hint}")?;
        }
        Ok(())
    }
}

impl fmt::Display for Diagnostic {
    /// `file:line:col: error[F102]: message` on one line; [`Diagnostic::render`] gives the
    /// excerpt.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some(at) => write!(f, "{}:{}:{}: ", self.file, at.line, at.column)?,
            None => write!(f, "{}: ", self.file)?,
        }
        write!(f, "error[{}]: {}", self.code, self.message)
    }
}

/// The line as shown (tabs expanded, a long line cropped around the column with `...`), how
/// many display columns precede the caret, and how many carets: at least one, and no further
/// than the end of the line (or one past it, for a problem at the end of a line).
fn caret_layout(line: &str, column: usize, width: usize) -> (String, usize, usize) {
    let characters: Vec<char> = line.chars().collect();
    let start = column.max(1) - 1;
    let (from, to) = shown_window(characters.len(), start);
    let mut shown = String::with_capacity(line.len().min(4 * MAX_SHOWN));
    let mut before = 0;
    let mut under = 0;
    if from > 0 {
        shown.push_str(CROPPED);
        before += CROPPED.len();
    }
    for (index, character) in characters.iter().enumerate().take(to).skip(from) {
        let cells = if *character == '\t' { TAB_WIDTH } else { 1 };
        if *character == '\t' {
            shown.push_str(&" ".repeat(TAB_WIDTH));
        } else {
            shown.push(*character);
        }
        if index < start {
            before += cells;
        } else if index < start + width {
            under += cells;
        }
    }
    if to < characters.len() {
        shown.push_str(CROPPED);
    }
    before += start.saturating_sub(characters.len());
    (shown, before, under.max(1))
}

/// The longest stretch of a line shown, in characters; a minified or generated line can be
/// megabytes long.
const MAX_SHOWN: usize = 100;
/// How many characters before the column stay visible when a line is cropped.
const SHOWN_BEFORE: usize = 40;
/// Marks where a long line was cut.
const CROPPED: &str = "...";

/// Which characters `from..to` of a line of `length` characters are shown.
fn shown_window(length: usize, start: usize) -> (usize, usize) {
    if length <= MAX_SHOWN {
        return (0, length);
    }
    let from = start.saturating_sub(SHOWN_BEFORE).min(length - MAX_SHOWN);
    (from, from + MAX_SHOWN)
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::{Code, Diagnostic};
    use crate::source::{Position, Source};

    fn source() -> Source {
        let mut text = String::new();
        for _ in 0..11 {
            text.push_str("# padding\n");
        }
        text.push_str("    prosegi: paga\n");
        text.push_str("  text: \"è già così\": x\n");
        text.push_str("\tcall: area.login\n");
        Source::new("flows/x.yaml", text)
    }

    #[test]
    fn renders_the_documented_shape() {
        let diagnostic = Diagnostic::new(
            Code::UnknownKey,
            "flows/x.yaml",
            "unknown key `prosegi` in a step",
        )
        .at(Some(Position::new(12, 5)), 7)
        .hint("did you mean `prosegui`?");
        let expected = "\
error[F102]: unknown key `prosegi` in a step
  --> flows/x.yaml:12:5
   |
12 |     prosegi: paga
   |     ^^^^^^^
   = hint: did you mean `prosegui`?
";
        assert_eq!(diagnostic.render(Some(&source())), expected);
    }

    /// The source line and the caret line of a rendered diagnostic, without their gutters.
    fn excerpt(rendered: &str) -> (&str, &str) {
        let mut lines = rendered
            .lines()
            .skip(3)
            .map(|line| line.split_once(" | ").map_or("", |(_, text)| text));
        (
            lines.next().unwrap_or_default(),
            lines.next().unwrap_or_default(),
        )
    }

    #[test]
    fn caret_counts_characters_not_bytes() {
        // The `:` after the closing quote: column 21 in characters, 25 in bytes.
        let diagnostic = Diagnostic::new(Code::Syntax, "flows/x.yaml", "unexpected `:`")
            .at(Some(Position::new(13, 21)), 1);
        let rendered = diagnostic.render(Some(&source()));
        let (shown, carets) = excerpt(&rendered);
        let caret_at = carets.chars().position(|c| c == '^');
        assert_eq!(shown.chars().nth(20), Some(':'));
        assert_eq!(caret_at, Some(20));
    }

    #[test]
    fn tabs_are_expanded_on_both_lines() {
        let diagnostic =
            Diagnostic::new(Code::Syntax, "flows/x.yaml", "tab").at(Some(Position::new(14, 2)), 4);
        let rendered = diagnostic.render(Some(&source()));
        assert!(
            rendered.contains("14 |     call: area.login\n"),
            "{rendered}"
        );
        assert!(rendered.contains("   |     ^^^^\n"), "{rendered}");
    }

    #[test]
    fn carets_stop_at_the_end_of_the_line() {
        let diagnostic = Diagnostic::new(Code::WrongType, "flows/x.yaml", "wrong")
            .at(Some(Position::new(12, 14)), 50);
        let rendered = diagnostic.render(Some(&source()));
        let under_paga = format!("   | {}^^^^\n", " ".repeat(13));
        assert!(rendered.contains(&under_paga), "{rendered}");
    }

    #[test]
    fn a_long_line_is_cropped_around_the_column() {
        let line = format!("description: {}x{}", "[".repeat(5_000), "]".repeat(5_000));
        let column = line.find('x').map_or(0, |byte| byte + 1);
        let source = Source::new("f.yaml", format!("{line}\n"));
        let diagnostic =
            Diagnostic::new(Code::TooLarge, "f.yaml", "deep").at(Some(Position::new(1, column)), 1);
        let rendered = diagnostic.render(Some(&source));
        let (shown, carets) = excerpt(&rendered);
        assert!(
            shown.starts_with("...[[[") && shown.ends_with("]]]..."),
            "{shown}"
        );
        assert!(shown.chars().count() <= 106, "{shown}");
        let caret_at = carets.chars().position(|c| c == '^');
        assert_eq!(caret_at.and_then(|at| shown.chars().nth(at)), Some('x'));
    }

    #[test]
    fn without_position_or_source_only_the_header_and_file() {
        let diagnostic = Diagnostic::new(Code::Io, "flows/missing.yaml", "cannot read the file")
            .hint("check the path");
        let expected = "\
error[F108]: cannot read the file
 --> flows/missing.yaml
  = hint: check the path
";
        assert_eq!(diagnostic.render(None), expected);
        let located = diagnostic.clone().at(Some(Position::new(3, 1)), 1);
        assert_eq!(
            located.render(None),
            "error[F108]: cannot read the file\n --> flows/missing.yaml:3:1\n  = hint: check the path\n"
        );
    }

    #[test]
    fn display_is_one_line() {
        let diagnostic = Diagnostic::new(Code::MissingKey, "f.yaml", "missing key `id`")
            .at(Some(Position::new(2, 3)), 1);
        assert_eq!(
            diagnostic.to_string(),
            "f.yaml:2:3: error[F104]: missing key `id`"
        );
    }
}
