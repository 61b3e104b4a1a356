//! Quoted-printable body encoding, byte for byte what mail-builder writes, without its
//! per-byte writes and per-escape allocations.

/// The longest encoded line before a soft break, as mail-builder counts it.
const LINE: usize = 76;

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// `body` quoted-printable encoded with CRLF line ends: exactly what
/// `mail_builder::encoders::quoted_printable::quoted_printable_encode(body, _, true)` writes,
/// quirks included (a `\r` escapes nothing and a line's length counts as mail-builder counts
/// it), so a message built from it is the one mail-builder would have built.
pub(super) fn quoted_printable_body(body: &str) -> String {
    let input = body.as_bytes();
    let mut out = String::with_capacity(input.len() + input.len() / 8 + 16);
    let mut written = 0;
    let mut previous = 0u8;
    for (pos, &byte) in input.iter().enumerate() {
        let trailing_blank = matches!(byte, b' ' | b'\t')
            && (matches!(&input[pos + 1..], [b'\n', ..] | [b'\r', b'\n', ..])
                || pos == input.len() - 1);
        if byte == b'=' || byte >= 127 || trailing_blank {
            if written + 3 > LINE {
                out.push_str("=\r\n");
                written = 0;
            }
            out.push('=');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0f)]));
            written += 3;
        } else if byte == b'\n' {
            out.push_str(if previous == b'\r' { "\n" } else { "\r\n" });
            written = 0;
        } else {
            previous = byte;
            if written + 1 > LINE {
                out.push_str("=\r\n");
                written = 0;
            }
            // Below 127 here: one ASCII character.
            out.push(char::from(byte));
            written += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use mail_builder::encoders::quoted_printable::quoted_printable_encode;
    use proptest::prelude::*;

    fn mail_builder(body: &str) -> String {
        let mut out = Vec::new();
        quoted_printable_encode(body.as_bytes(), &mut out, true).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn italian_text_long_lines_and_trailing_blanks_encode_as_mail_builder_does() {
        let long = "Totale pagato: € 1.506,16 ".repeat(9);
        for body in [
            "",
            "Gentile Cliente,\n\nè stato effettuato.\n",
            "a = b \nriga con tab\t\r\nfine ",
            long.as_str(),
            "\r\r\n\n=\n",
        ] {
            assert_eq!(quoted_printable_body(body), mail_builder(body), "{body:?}");
        }
        assert_eq!(quoted_printable_body("€ 1,00\n"), "=E2=82=AC 1,00\r\n");
    }

    proptest! {
        #[test]
        fn any_text_encodes_as_mail_builder_does(body in "[a-z =\t\r\n€èà]{0,300}") {
            prop_assert_eq!(quoted_printable_body(&body), mail_builder(&body));
        }
    }
}
