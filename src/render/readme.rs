//! The README's diagram blocks: one per flow, between `<!-- graph:ID -->` and
//! `<!-- /graph:ID -->`, holding the flow's Mermaid source so GitHub draws it.

use super::mermaid;
use crate::flow::Flow;

/// The marker lines around the block of flow `id`.
fn markers(id: &str) -> (String, String) {
    (
        format!("<!-- graph:{id} -->"),
        format!("<!-- /graph:{id} -->"),
    )
}

/// The whole block for `flow`, markers included, ending with a newline.
pub fn readme_block(flow: &Flow) -> String {
    let (open, close) = markers(flow.id.as_str());
    format!("{open}\n```mermaid\n{}```\n{close}\n", mermaid(flow))
}

/// `readme` with the block of each flow replaced by its current diagram; a flow that has no
/// block yet gets one appended at the end. Everything else is kept byte for byte.
pub fn refresh_readme(readme: &str, flows: &[Flow]) -> String {
    let mut out = readme.to_owned();
    for flow in flows {
        let (open, close) = markers(flow.id.as_str());
        let block = readme_block(flow);
        let span = out.find(&open).and_then(|start| {
            let end = out[start..].find(&close)? + start + close.len();
            let end = if out[end..].starts_with('\n') {
                end + 1
            } else {
                end
            };
            Some(start..end)
        });
        match span {
            Some(span) => out.replace_range(span, &block),
            None => {
                if !out.is_empty() && !out.ends_with("\n\n") {
                    out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
                }
                out.push_str(&block);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::fixture::{HEADER, check_yaml};

    fn flow() -> Flow {
        check_yaml(&format!("{HEADER}  - id: a\n    end: paid\n")).unwrap()
    }

    #[test]
    fn appends_then_replaces_in_place() {
        let flow = flow();
        let first = refresh_readme("# Titolo\n", std::slice::from_ref(&flow));
        assert_eq!(first, format!("# Titolo\n\n{}", readme_block(&flow)));
        let stale = first.replace("paid", "old") + "after\n";
        let refreshed = refresh_readme(&stale, std::slice::from_ref(&flow));
        assert_eq!(refreshed, format!("{first}after\n"));
        assert_eq!(refresh_readme(&refreshed, &[flow]), refreshed);
    }
}
