//! `flowspec check` on broken input: one snapshot of the exit code and the full stderr per
//! file in `tests/broken/`, plus cases generated here because they are too large or not text
//! (a 10 MB file, bytes that are not UTF-8, nesting thousands deep, an alias bomb).

use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs `flowspec check <args>` in `folder`; the exit code and stderr, as one text.
fn check(folder: &Path, args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_flowspec"))
        .arg("check")
        .args(args)
        .current_dir(folder)
        .output()
        .unwrap_or_else(|why| panic!("cannot run flowspec: {why}"));
    let code = output
        .status
        .code()
        .map_or("none".to_string(), |c| c.to_string());
    let stderr = String::from_utf8_lossy(&output.stderr);
    format!("exit code: {code}\n\n{stderr}")
}

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

macro_rules! snapshot {
    ($name:expr, $value:expr) => {
        insta::with_settings!(
            { snapshot_path => "../snapshots/diagnostics", prepend_module_to_snapshot => false },
            { insta::assert_snapshot!($name, $value) }
        )
    };
}

#[test]
fn broken() {
    insta::glob!("broken/*.yaml", |path| {
        let relative = path.strip_prefix(manifest_dir()).unwrap_or(path);
        let relative = relative.to_string_lossy().replace('\\', "/");
        let report = check(manifest_dir(), &[&relative]);
        // Every broken file is refused, with at least one coded diagnostic.
        assert!(report.starts_with("exit code: 1\n"), "{report}");
        assert!(report.contains("error[F"), "{report}");
        insta::with_settings!(
            { snapshot_path => "../snapshots/diagnostics", prepend_module_to_snapshot => false },
            { insta::assert_snapshot!(report) }
        );
    });
}

/// A scratch folder for the generated files, named after the case so tests do not collide.
fn scratch(case: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!(
        "flowspec-diagnostics-{}-{case}",
        std::process::id()
    ));
    std::fs::create_dir_all(&folder)
        .unwrap_or_else(|why| panic!("cannot create {folder:?}: {why}"));
    folder
}

fn generated(case: &str, file: &str, bytes: &[u8]) -> String {
    let folder = scratch(case);
    std::fs::write(folder.join(file), bytes).unwrap_or_else(|why| panic!("cannot write: {why}"));
    let report = check(&folder, &[file]);
    let _ = std::fs::remove_dir_all(&folder);
    report
}

#[test]
fn generated_ten_megabytes_is_refused_before_parsing() {
    let mut text = String::from("flow: enorme\ndescription: >\n");
    while text.len() < 10 * 1024 * 1024 {
        text.push_str("  Procedura A: il cliente paga un ordine in Attesa pagamento.\n");
    }
    let report = generated("large", "enorme.yaml", text.as_bytes());
    assert!(report.contains("error[F105]"), "{report}");
    snapshot!("generated-ten-megabytes", report);
}

#[test]
fn generated_bytes_that_are_not_utf8() {
    let mut bytes = b"flow: prova\ntitle: Pagamento gi\xC3\xA0 effettuato\n".to_vec();
    bytes.extend_from_slice(b"description: carta di cr\xE9dito\n");
    let report = generated("latin1", "latin1.yaml", &bytes);
    assert!(report.contains("error[F106]"), "{report}");
    snapshot!("generated-not-utf8", report);
}

#[test]
fn generated_block_nesting_thousands_deep() {
    let mut text = String::from("flow: profonda\nproducts:\n");
    for level in 1..=700 {
        text.push_str(&" ".repeat(2 * level));
        text.push_str("-\n");
    }
    let report = generated("block", "profonda.yaml", text.as_bytes());
    assert!(report.contains("error[F105]"), "{report}");
    snapshot!("generated-block-nesting", report);
}

#[test]
fn generated_flow_nesting_a_hundred_thousand_deep() {
    let text = format!(
        "flow: profonda\ndescription: {}x{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let report = generated("flow", "parentesi.yaml", text.as_bytes());
    assert!(report.contains("error[F105]"), "{report}");
    snapshot!("generated-flow-nesting", report);
}

#[test]
fn generated_alias_bomb_doubling_sixty_times() {
    let mut text = String::from("a0: &a0 [lol]\n");
    for level in 1..=60 {
        let previous = level - 1;
        text.push_str(&format!(
            "a{level}: &a{level} [*a{previous}, *a{previous}]\n"
        ));
    }
    let report = generated("aliases", "risate.yaml", text.as_bytes());
    assert!(report.contains("error[F105]"), "{report}");
    snapshot!("generated-alias-bomb", report);
}

#[test]
fn missing_path_is_a_usage_error() {
    let report = check(manifest_dir(), &["tests/broken/no-such-flow.yaml"]);
    assert!(report.starts_with("exit code: 2\n"), "{report}");
    snapshot!("missing-path", report);
}

#[test]
fn shipped_flows_are_clean() {
    let report = check(manifest_dir(), &["flows"]);
    assert!(report.starts_with("exit code: 0\n"), "{report}");
    snapshot!("shipped-flows", report);
}
