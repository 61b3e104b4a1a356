//! The loader on arbitrary and mutated input: it never panics, and every refusal carries a
//! loader code (F100..F108) and, once the bytes are text, a position inside the file.
//!
//! Mutations start from the real flows in `flows/`, so most inputs are almost-valid YAML that
//! reaches deep into the parser and the raw model, not noise stopped at the first byte.

use flowspec::diagnostic::Diagnostic;
use flowspec::load::{parse_yaml, source_from_bytes};
use flowspec::raw::RawFlow;
use flowspec::source::Source;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use std::sync::OnceLock;

/// A fixed seed: a failure found once is found again on every run.
fn config(cases: u32) -> Config {
    Config {
        cases,
        rng_seed: RngSeed::Fixed(20_261_128),
        failure_persistence: None,
        ..Config::default()
    }
}

/// The shipped flow files (and the catalog), as bytes.
fn seeds() -> &'static [Vec<u8>] {
    static SEEDS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/flows");
        let mut files: Vec<_> = std::fs::read_dir(folder)
            .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|path| path.extension().is_some_and(|ext| ext == "yaml"));
        files.sort();
        let seeds: Vec<Vec<u8>> = files.iter().filter_map(|f| std::fs::read(f).ok()).collect();
        assert!(seeds.len() >= 2, "no flows to mutate in {folder}");
        seeds
    })
}

/// One edit to a file. Positions are taken modulo the file's length, so any value is valid.
#[derive(Clone, Debug)]
enum Mutation {
    FlipByte { at: usize, mask: u8 },
    Truncate { at: usize },
    DuplicateLine { line: usize },
    DeleteLine { line: usize },
    Reindent { line: usize, by: i8 },
    Insert { at: usize, bytes: Vec<u8> },
    Special { at: usize, byte: u8 },
}

/// Bytes that mean something to YAML.
const SPECIAL: &[u8] = b":-[]{}&*#!|>\"'\t\r\n ,?%@`";

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1..=255u8).prop_map(|(at, mask)| Mutation::FlipByte { at, mask }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
        any::<usize>().prop_map(|line| Mutation::DuplicateLine { line }),
        any::<usize>().prop_map(|line| Mutation::DeleteLine { line }),
        (any::<usize>(), -4..=4i8).prop_map(|(line, by)| Mutation::Reindent { line, by }),
        (any::<usize>(), proptest::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        (any::<usize>(), proptest::sample::select(SPECIAL))
            .prop_map(|(at, byte)| Mutation::Special { at, byte }),
    ]
}

fn apply(mut bytes: Vec<u8>, mutation: &Mutation) -> Vec<u8> {
    let at = |position: usize, len: usize| if len == 0 { 0 } else { position % len };
    match mutation {
        Mutation::FlipByte { at: position, mask } => {
            let index = at(*position, bytes.len());
            if let Some(byte) = bytes.get_mut(index) {
                *byte ^= mask;
            }
        }
        Mutation::Truncate { at: position } => bytes.truncate(at(*position, bytes.len())),
        Mutation::Insert {
            at: position,
            bytes: inserted,
        } => {
            let index = at(*position, bytes.len() + 1);
            bytes.splice(index..index, inserted.iter().copied());
        }
        Mutation::Special { at: position, byte } => {
            let index = at(*position, bytes.len());
            if let Some(slot) = bytes.get_mut(index) {
                *slot = *byte;
            }
        }
        Mutation::DuplicateLine { line }
        | Mutation::DeleteLine { line }
        | Mutation::Reindent { line, .. } => {
            let mut lines: Vec<Vec<u8>> =
                bytes.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
            let index = at(*line, lines.len());
            match mutation {
                Mutation::DuplicateLine { .. } => {
                    let copy = lines[index].clone();
                    lines.insert(index, copy);
                }
                Mutation::DeleteLine { .. } => {
                    lines.remove(index);
                }
                Mutation::Reindent { by, .. } if *by >= 0 => {
                    lines[index].splice(0..0, std::iter::repeat_n(b' ', *by as usize));
                }
                Mutation::Reindent { by, .. } => {
                    let spaces = lines[index].iter().take_while(|b| **b == b' ').count();
                    lines[index].drain(..spaces.min(by.unsigned_abs() as usize));
                }
                _ => {}
            }
            bytes = lines.join(&b'\n');
        }
    }
    bytes
}

/// Lines as YAML counts them: `\r\n`, `\n` and a lone `\r` each end one.
fn yaml_lines(text: &str) -> Vec<&str> {
    text.split("\r\n")
        .flat_map(|part| part.split(['\n', '\r']))
        .collect()
}

fn is_loader_code(diagnostic: &Diagnostic) -> bool {
    let code = diagnostic.code.as_str();
    ("F100"..="F108").contains(&code)
}

/// The property: no panic, loader codes only, parse errors located inside the text.
fn loads_or_diagnoses(bytes: &[u8]) -> Result<(), TestCaseError> {
    let source: Source = match source_from_bytes("fuzz.yaml", bytes) {
        Ok(source) => source,
        Err(diagnostic) => {
            prop_assert!(is_loader_code(&diagnostic), "{diagnostic:?}");
            let _ = diagnostic.render(None);
            return Ok(());
        }
    };
    let Err(diagnostics) = parse_yaml::<RawFlow>(&source) else {
        return Ok(());
    };
    prop_assert!(!diagnostics.is_empty());
    let lines = yaml_lines(&source.text);
    for diagnostic in &diagnostics {
        prop_assert!(is_loader_code(diagnostic), "{diagnostic:?}");
        let position = diagnostic.position;
        prop_assert!(position.is_some(), "no position: {diagnostic:?}");
        let Some(position) = position else { continue };
        prop_assert!(position.line >= 1 && position.column >= 1, "{diagnostic:?}");
        // One past the last line or column: the parser may stop at the end of the input.
        prop_assert!(
            position.line <= lines.len() + 1,
            "line out of the file: {diagnostic:?}"
        );
        if let Some(line) = lines.get(position.line - 1) {
            prop_assert!(
                position.column <= line.chars().count() + 1,
                "column past the end of line {:?}: {diagnostic:?}",
                line
            );
        }
        let rendered = diagnostic.render(Some(&source));
        prop_assert!(rendered.starts_with("error[F1"), "{rendered}");
    }
    Ok(())
}

/// Pieces of YAML and of flows, to build token soups that look almost right.
const TOKENS: &[&str] = &[
    "flow:",
    "title:",
    "steps:",
    "start:",
    "guide:",
    "products:",
    "- id: ",
    "call: ",
    "ask: ",
    "if: ",
    "next: ",
    "outcomes:",
    "with: ",
    "\n",
    "\n  ",
    "\n    ",
    "  ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    ": ",
    "&a ",
    "*a",
    "\"",
    "'",
    "#",
    "|",
    ">",
    "---\n",
    "\t",
    "è già",
    "pec",
    "area.login",
    "true",
    "42",
    "~",
    "!tag ",
    "? ",
    "<<: ",
    "%YAML 1.2\n",
];

proptest! {
    #![proptest_config(config(6_000))]

    #[test]
    fn mutated_flows_are_loaded_or_diagnosed(
        seed in any::<prop::sample::Index>(),
        mutations in proptest::collection::vec(mutation(), 1..5),
    ) {
        let flows = seeds();
        let original = flows[seed.index(flows.len())].clone();
        let bytes = mutations.iter().fold(original, apply);
        loads_or_diagnoses(&bytes)?;
    }
}

proptest! {
    #![proptest_config(config(2_000))]

    #[test]
    fn token_soup_is_loaded_or_diagnosed(
        tokens in proptest::collection::vec(proptest::sample::select(TOKENS), 0..120),
    ) {
        loads_or_diagnoses(tokens.concat().as_bytes())?;
    }
}

proptest! {
    #![proptest_config(config(2_000))]

    #[test]
    fn random_bytes_are_loaded_or_diagnosed(
        bytes in proptest::collection::vec(any::<u8>(), 0..600),
    ) {
        loads_or_diagnoses(&bytes)?;
    }
}
