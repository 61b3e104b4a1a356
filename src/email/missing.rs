//! Names the variable a template lacked: minijinja points at a whole expression, the reader
//! wants the first dotted path in it that the run's variables do not have.

use minijinja::Value;

/// The first dotted path of `expression` (such as `esito.order.kind` in
/// `if esito.order.kind == "renewal"`) whose shortest missing prefix in `context` it returns.
/// Only paths starting at one of `roots` count, so keywords and filters are not mistaken for
/// variables.
pub(super) fn missing_path(context: &Value, expression: &str, roots: &[String]) -> Option<String> {
    dotted_paths(expression)
        .into_iter()
        .filter(|path| roots.iter().any(|root| root == path[0]))
        .find_map(|path| first_missing_prefix(context, &path))
}

fn first_missing_prefix(context: &Value, path: &[&str]) -> Option<String> {
    let mut value = context.clone();
    for (depth, segment) in path.iter().enumerate() {
        match value.get_attr(segment) {
            Ok(next) if !next.is_undefined() => value = next,
            _ => return Some(path[..=depth].join(".")),
        }
    }
    None
}

/// The `a.b.c` paths of an expression, each as its segments; string literals and paths that
/// follow a `]` or `.` (fields of a subscript) are skipped.
fn dotted_paths(expression: &str) -> Vec<Vec<&str>> {
    let bytes = expression.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut paths = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'"' || b == b'\'' {
            i += expression[i + 1..]
                .find(b as char)
                .map_or(bytes.len(), |end| end + 2);
        } else if (b.is_ascii_alphabetic() || b == b'_')
            && (i == 0 || !matches!(bytes[i - 1], b'.' | b']') && !is_ident(bytes[i - 1]))
        {
            let mut segments = Vec::new();
            let mut start = i;
            loop {
                while i < bytes.len() && is_ident(bytes[i]) {
                    i += 1;
                }
                segments.push(&expression[start..i]);
                let continues = bytes.get(i) == Some(&b'.')
                    && bytes
                        .get(i + 1)
                        .is_some_and(|&next| next.is_ascii_alphabetic() || next == b'_');
                if !continues {
                    break;
                }
                i += 1;
                start = i;
            }
            paths.push(segments);
        } else {
            i += 1;
        }
    }
    paths
}

#[cfg(test)]
mod tests {
    use super::*;
    use minijinja::context;

    fn roots(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| (*name).to_owned()).collect()
    }

    #[test]
    fn paths_skip_strings_and_fields_of_subscripts() {
        let paths = dotted_paths(
            r#"if esito.order.kind == "renewal.x" and catalog.products[esito.service.product].name"#,
        );
        assert_eq!(
            paths,
            [
                vec!["if"],
                vec!["esito", "order", "kind"],
                vec!["and"],
                vec!["catalog", "products"],
                vec!["esito", "service", "product"],
            ]
        );
    }

    #[test]
    fn names_the_shortest_missing_prefix_of_a_variable_path() {
        let context = context! { esito => context! { order => context! { id => "ORD-1" } } };
        let roots = roots(&["esito", "catalog"]);
        let expression = r#"if esito.order.kind == "renewal""#;
        assert_eq!(
            missing_path(&context, expression, &roots).as_deref(),
            Some("esito.order.kind")
        );
        assert_eq!(
            missing_path(&context, "catalog.products", &roots).as_deref(),
            Some("catalog")
        );
        assert_eq!(
            missing_path(&context, "esito.order.id | upper", &roots),
            None
        );
    }
}
