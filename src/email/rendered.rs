//! A rendered template split into subject and body: the subject is the template's first line.

/// What the first line of every template starts with; the rest of that line is the subject.
///
/// A line rather than a `{% set %}` block because a product owner edits it as plain text and
/// sees it exactly where a mail client shows it: on top.
pub const SUBJECT_PREFIX: &str = "Oggetto:";

/// A template filled with a run's variables.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderedEmail {
    /// The subject, one line.
    pub subject: String,
    /// The plain-text body, ending with a newline.
    pub body: String,
}

impl RenderedEmail {
    /// Splits rendered text into the `Oggetto:` line and the body below it.
    pub fn split(text: &str) -> Result<RenderedEmail, String> {
        let text = text.trim_start();
        let Some(rest) = text.strip_prefix(SUBJECT_PREFIX) else {
            return Err(format!(
                "the email does not start with `{SUBJECT_PREFIX} ...`: the first line is the subject"
            ));
        };
        let (subject, body) = rest.split_once('\n').unwrap_or((rest, ""));
        let subject = subject.trim();
        if subject.is_empty() {
            return Err(format!("the line `{SUBJECT_PREFIX}` has no subject"));
        }
        let body = without_leading_blank_lines(body).trim_end();
        if body.is_empty() {
            return Err("the email has a subject but no body".to_owned());
        }
        Ok(RenderedEmail {
            subject: subject.to_owned(),
            body: format!("{body}\n"),
        })
    }
}

/// The byte offset in a template source where the subject line must start, or where something
/// else stands instead of it. Leading `{# comments #}` and blank lines do not count.
pub(super) fn subject_line_offset(source: &str) -> Result<usize, usize> {
    let mut rest = source;
    loop {
        rest = rest.trim_start();
        match rest
            .strip_prefix("{#")
            .and_then(|comment| comment.split_once("#}"))
        {
            Some((_, after)) => rest = after,
            None => break,
        }
    }
    let offset = source.len() - rest.len();
    if rest.starts_with(SUBJECT_PREFIX) {
        Ok(offset)
    } else {
        Err(offset)
    }
}

fn without_leading_blank_lines(text: &str) -> &str {
    let mut rest = text;
    while let Some((line, after)) = rest.split_once('\n') {
        if !line.trim().is_empty() {
            break;
        }
        rest = after;
    }
    rest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_line_is_the_subject_and_blank_lines_around_the_body_go() {
        let email = RenderedEmail::split(
            "\nOggetto:  Pagamento confermato \n\n\nGentile Cliente,\n  riga\n\n",
        )
        .unwrap();
        assert_eq!(email.subject, "Pagamento confermato");
        assert_eq!(email.body, "Gentile Cliente,\n  riga\n");
    }

    #[test]
    fn a_missing_or_empty_subject_or_body_is_an_error() {
        assert!(
            RenderedEmail::split("Gentile Cliente")
                .unwrap_err()
                .contains("Oggetto:")
        );
        assert!(
            RenderedEmail::split("Oggetto:   \n\ntesto")
                .unwrap_err()
                .contains("no subject")
        );
        assert!(
            RenderedEmail::split("Oggetto: x\n\n  \n")
                .unwrap_err()
                .contains("no body")
        );
    }

    #[test]
    fn subject_line_may_follow_comments_but_nothing_else() {
        let source = "{# one #}\n{#- two\n lines -#}\n\nOggetto: x";
        assert_eq!(
            subject_line_offset(source),
            Ok(source.find("Oggetto").unwrap())
        );
        assert_eq!(subject_line_offset("{# c #}\nCiao\nOggetto: x"), Err(8));
        assert_eq!(subject_line_offset(""), Err(0));
    }
}
