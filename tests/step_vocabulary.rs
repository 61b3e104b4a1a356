//! Keeps the README's step vocabulary (between `<!-- steps -->` and `<!-- /steps -->`) equal to
//! the phrases the step library defines. `FLOWSPEC_UPDATE_README=1` rewrites the section.

#[path = "acceptance/vocabulary.rs"]
mod vocabulary;

// Here only for its unit tests: the acceptance runner is harness-less and runs none.
#[allow(dead_code)]
#[path = "acceptance/undefined.rs"]
mod undefined;

use std::path::PathBuf;

const START: &str = "<!-- steps -->";
const END: &str = "<!-- /steps -->";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The section's text between the markers, as generated from the sources.
fn generated() -> String {
    let phrases =
        vocabulary::read(&root().join(vocabulary::STEPS_DIR)).unwrap_or_else(|why| panic!("{why}"));
    format!("\n{}", vocabulary::markdown_table(&phrases))
}

#[test]
fn readme_lists_exactly_the_step_phrases() {
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap_or_else(|why| panic!("README.md: {why}"));
    let (Some(start), Some(end)) = (readme.find(START), readme.find(END)) else {
        panic!("README.md has no `{START}` ... `{END}` section for the step vocabulary");
    };
    let current = &readme[start + START.len()..end];
    let wanted = generated();
    if current == wanted {
        return;
    }
    if std::env::var_os("FLOWSPEC_UPDATE_README").is_some() {
        let updated = format!(
            "{}{wanted}{}",
            &readme[..start + START.len()],
            &readme[end..]
        );
        std::fs::write(&path, updated).unwrap_or_else(|why| panic!("README.md: {why}"));
        return;
    }
    let missing: Vec<&str> = wanted
        .lines()
        .filter(|line| !current.lines().any(|have| have == *line))
        .collect();
    let stale: Vec<&str> = current
        .lines()
        .filter(|line| !wanted.lines().any(|want| want == *line))
        .collect();
    panic!(
        "README.md's step vocabulary is out of date with tests/acceptance/steps/*.rs\n\
         missing rows:\n{}\nstale rows:\n{}\n\
         run `FLOWSPEC_UPDATE_README=1 cargo test --test step_vocabulary` to rewrite it",
        missing.join("\n"),
        stale.join("\n")
    );
}

#[test]
fn every_phrase_is_documented_and_unique() {
    let phrases =
        vocabulary::read(&root().join(vocabulary::STEPS_DIR)).unwrap_or_else(|why| panic!("{why}"));
    assert!(
        phrases.len() > 20,
        "only {} phrases were found",
        phrases.len()
    );
    for (i, phrase) in phrases.iter().enumerate() {
        assert!(
            !phrase.doc.is_empty(),
            "`{}` has no doc line",
            phrase.pattern
        );
        assert!(
            phrases[i + 1..]
                .iter()
                .all(|other| other.pattern != phrase.pattern),
            "`{}` is defined twice",
            phrase.pattern
        );
    }
}
