//! F014: an `email` step names a template of `flows/emails/`.

use super::report::Report;
use super::suggest;
use crate::diagnostic::Code;
use crate::raw::Text;

/// Reports F014 when `template` is not one of `templates`.
pub fn check(template: &Text, templates: &[String], report: &mut Report) {
    if templates.contains(&template.value) {
        return;
    }
    let hint = suggest::hint(
        &template.value,
        templates.iter().map(String::as_str),
        || {
            format!(
                "add flows/emails/{}.j2, or name an existing template",
                template.value
            )
        },
    );
    report.on(
        Code::UnknownTemplate,
        template,
        format!("there is no email template `{}`", template.value),
        hint,
    );
}

#[cfg(test)]
mod tests {
    use crate::check::fixture::{at, diagnostics};
    use crate::diagnostic::Code;

    #[test]
    fn f014_unknown_template() {
        let steps = "  - id: a\n    email: conferma-pagamentoo\n    next: fine\n  - id: fine\n    end: paid\n";
        assert_eq!(at(steps, Code::UnknownTemplate), vec![(8, 12)]);
        assert_eq!(
            diagnostics(steps)[0].hint.as_deref(),
            Some("did you mean `conferma-pagamento`?")
        );
    }
}
