//! Raw bytes to a [`Source`]: the size limit, UTF-8, and the "nothing in it" check.

use super::limits::MAX_FILE_BYTES;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::{Position, Source};

/// Turns the bytes of a file named `name` into a [`Source`], or the one reason it cannot be
/// one: too large (F105), not UTF-8 (F106, located at the first bad byte), or empty (F107).
/// A leading byte-order mark is dropped.
pub fn source_from_bytes(name: impl Into<String>, bytes: &[u8]) -> Result<Source, Diagnostic> {
    let name = name.into();
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::new(
            Code::TooLarge,
            &name,
            format!("the file is larger than {} KiB", MAX_FILE_BYTES / 1024),
        )
        .hint(
            "a flow is a few hundred lines; split the procedure or check the file is the right one",
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => return Err(not_utf8(&name, bytes, error.valid_up_to())),
    };
    if has_no_content(text) {
        return Err(Diagnostic::new(Code::Empty, &name, "the file has no content")
            .hint("a flow starts with `flow:`, `title:`, `guide:`, `products:`, `start:` and `steps:`"));
    }
    Ok(Source::new(name, text))
}

/// F106 at the first byte that is not UTF-8; the valid prefix gives its line and column.
fn not_utf8(name: &str, bytes: &[u8], valid_up_to: usize) -> Diagnostic {
    let prefix = String::from_utf8_lossy(&bytes[..valid_up_to]);
    let line = prefix.matches('\n').count() + 1;
    let column = prefix
        .rsplit('\n')
        .next()
        .map_or(0, |last| last.chars().count())
        + 1;
    let byte = bytes.get(valid_up_to).copied().unwrap_or_default();
    Diagnostic::new(
        Code::Encoding,
        name,
        format!("the file is not UTF-8: byte 0x{byte:02X} at line {line}, column {column}"),
    )
    .at(Some(Position::new(line, column)), 1)
    .hint("save the file as UTF-8 (the guide's accented letters, like `è`, must be UTF-8)")
}

/// True when every line is blank, a comment, or a document marker.
fn has_no_content(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .all(|line| line.is_empty() || line.starts_with('#') || line == "---" || line == "...")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_text_becomes_a_source() {
        let source = source_from_bytes("f.yaml", "flow: paga\ntitle: è\n".as_bytes());
        assert_eq!(
            source.map(|s| s.text),
            Ok("flow: paga\ntitle: è\n".to_string())
        );
    }

    #[test]
    fn byte_order_mark_is_dropped() {
        let source = source_from_bytes("f.yaml", b"\xEF\xBB\xBFflow: x\n");
        assert_eq!(source.map(|s| s.text), Ok("flow: x\n".to_string()));
    }

    #[test]
    fn bad_byte_is_located_in_characters() {
        let bytes = b"flow: x\ntitle: gi\xC3\xA0 \xFF\n";
        let diagnostic = source_from_bytes("f.yaml", bytes).err();
        let diagnostic = diagnostic.as_ref();
        assert_eq!(diagnostic.map(|d| d.code), Some(Code::Encoding));
        // `title: già ` is eleven characters, so the bad byte is column 12 (13 in bytes).
        assert_eq!(
            diagnostic.and_then(|d| d.position),
            Some(Position::new(2, 12))
        );
        assert!(diagnostic.is_some_and(|d| d.message.contains("0xFF")));
    }

    #[test]
    fn blank_and_comment_only_files_are_empty() {
        for text in [
            "",
            "   \n\t\n",
            "# yaml-language-server: $schema=flow.schema.json\n\n# x\n",
            "---\n",
        ] {
            let code = source_from_bytes("f.yaml", text.as_bytes())
                .err()
                .map(|d| d.code);
            assert_eq!(code, Some(Code::Empty), "{text:?}");
        }
    }

    #[test]
    fn oversized_input_is_refused_before_decoding() {
        let mut bytes = vec![b'#'; MAX_FILE_BYTES + 1];
        bytes[0] = 0xFF;
        let code = source_from_bytes("big.yaml", &bytes).err().map(|d| d.code);
        assert_eq!(code, Some(Code::TooLarge));
    }
}
