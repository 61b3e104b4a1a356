//! Loading and checking the shipped flows: per file, and the whole `flows/` folder.

use criterion::{Criterion, criterion_group, criterion_main};
use flowspec::load::{parse_yaml, read_source};
use flowspec::raw::RawFlow;
use std::hint::black_box;
use std::path::{Path, PathBuf};

fn flow_files() -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("flows");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|path| {
        path.extension().is_some_and(|ext| ext == "yaml")
            && path.file_name().is_some_and(|name| name != "catalog.yaml")
    });
    files.sort();
    files
}

fn load(criterion: &mut Criterion) {
    let files = flow_files();
    assert!(!files.is_empty(), "no flows to measure");
    for file in &files {
        let name = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let source = read_source(file).unwrap_or_else(|d| panic!("{}", d.render(None)));
        criterion.bench_function(&format!("parse/{name}"), |bench| {
            bench.iter(|| parse_yaml::<RawFlow>(black_box(&source)).map(drop))
        });
    }
    criterion.bench_function("read_and_parse/all", |bench| {
        bench.iter(|| {
            for file in &files {
                let source = read_source(file).unwrap_or_else(|d| panic!("{}", d.render(None)));
                black_box(parse_yaml::<RawFlow>(&source).map(drop)).ok();
            }
        })
    });
}

criterion_group!(benches, load);
criterion_main!(benches);
