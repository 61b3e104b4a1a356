//! Reads flow files and parses YAML into the raw model, turning every failure into a located
//! diagnostic (codes F100..F108).
//!
//! serde-saphyr stops at the first YAML-level error, so [`parse_yaml`] reports one diagnostic;
//! everything after a successful parse (the checker) reports all it finds at once.

mod limits;
mod text;
mod yaml_error;

pub use limits::MAX_FILE_BYTES;
pub use text::source_from_bytes;

use crate::diagnostic::{Code, Diagnostic};
use crate::raw::RawFlow;
use crate::source::Source;
use serde::de::{DeserializeOwned, IgnoredAny};
use std::io::Read;
use std::path::Path;

/// Reads `path` into a [`Source`] named as the path was given.
///
/// Refuses, each with one diagnostic: a file that cannot be read (F108), one larger than
/// [`MAX_FILE_BYTES`] (F105, without reading more than the limit), one that is not UTF-8
/// (F106, at the first bad byte), and one with nothing but blanks and comments (F107).
pub fn read_source(path: &Path) -> Result<Source, Diagnostic> {
    let name = Source::name_of(path);
    let cannot_read = |why: std::io::Error| {
        Diagnostic::new(Code::Io, &name, format!("cannot read the file: {why}"))
            .hint("check that the path exists and is a readable file")
    };
    let file = std::fs::File::open(path).map_err(cannot_read)?;
    let mut bytes = Vec::new();
    // One byte past the limit is enough to know the file is too large.
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    source_from_bytes(name.clone(), &bytes)
}

/// Parses a source as YAML into `T`, with the limits that keep hostile input cheap (F105) and
/// duplicate keys refused (F103). On failure, the diagnostic of the first problem the parser
/// met, located in the source.
///
/// A typed parse stops at the first value of the wrong type, which may come before a limit
/// is reached (an alias bomb under a key that takes text). So when it fails, the file is
/// parsed again into [`IgnoredAny`], which accepts any shape: a limit or syntax error found
/// that way is the one reported. Files that parse pay for one pass only.
pub fn parse_yaml<T: DeserializeOwned>(source: &Source) -> Result<T, Vec<Diagnostic>> {
    let typed = serde_saphyr::from_str_with_options(&source.text, limits::options());
    typed.map_err(|typed_error| {
        let shapeless =
            serde_saphyr::from_str_with_options::<IgnoredAny>(&source.text, limits::options());
        let error = shapeless.err().unwrap_or(typed_error);
        vec![yaml_error::diagnose(&error, source)]
    })
}

/// Reads and parses a flow file: [`read_source`] then [`parse_yaml`] into a [`RawFlow`].
pub fn load_flow(path: &Path) -> Result<(Source, RawFlow), Vec<Diagnostic>> {
    let source = read_source(path).map_err(|diagnostic| vec![diagnostic])?;
    let flow = parse_yaml(&source)?;
    Ok((source, flow))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flows_folder() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("flows")
    }

    #[test]
    fn shipped_flows_load() {
        for name in ["paga-carta-registrata.yaml", "paga-nuova-carta.yaml"] {
            let loaded = load_flow(&flows_folder().join(name));
            let steps = loaded.as_ref().map(|(_, flow)| flow.steps.len());
            assert!(
                steps.is_ok_and(|steps| steps > 5),
                "{name}: {:?}",
                loaded.err()
            );
        }
    }

    #[test]
    fn shipped_catalog_parses_with_the_same_limits() {
        let source = read_source(&flows_folder().join("catalog.yaml"));
        let catalog = source.map(|source| parse_yaml::<crate::catalog::Catalog>(&source).is_ok());
        assert_eq!(catalog, Ok(true));
    }

    #[test]
    fn a_missing_file_is_an_io_diagnostic() {
        let diagnostic = read_source(Path::new("flows/no-such-flow.yaml")).err();
        assert_eq!(diagnostic.as_ref().map(|d| d.code), Some(Code::Io));
        assert_eq!(
            diagnostic.map(|d| d.file),
            Some("flows/no-such-flow.yaml".to_string())
        );
    }

    #[test]
    fn an_oversized_file_is_refused_after_reading_only_the_limit() {
        let path = std::env::temp_dir().join(format!("flowspec-large-{}.yaml", std::process::id()));
        let written = std::fs::write(&path, vec![b'#'; 3 * MAX_FILE_BYTES]);
        assert!(written.is_ok());
        let code = read_source(&path).err().map(|d| d.code);
        let _ = std::fs::remove_file(&path);
        assert_eq!(code, Some(Code::TooLarge));
    }
}
