//! Loading and checking the shipped flows: parse only, parse and check, per file and for the
//! whole `flows/` folder.

use criterion::{Criterion, criterion_group, criterion_main};
use flowspec::check::{CheckContext, check_flow};
use flowspec::load::{parse_yaml, read_source};
use flowspec::project::Project;
use flowspec::raw::RawFlow;
use std::hint::black_box;
use std::path::{Path, PathBuf};

fn flows_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("flows")
}

fn flow_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(flows_folder())
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|path| {
        path.extension().is_some_and(|ext| ext == "yaml")
            && path.file_name().is_some_and(|name| name != "catalog.yaml")
    });
    files.sort();
    files
}

fn load_and_check(criterion: &mut Criterion) {
    let files = flow_files();
    assert!(!files.is_empty(), "no flows to measure");
    let project = Project::open(&flows_folder()).unwrap_or_else(|d| panic!("{d:?}"));
    let context = CheckContext {
        catalog: &project.catalog,
        templates: &project.templates,
    };
    for file in &files {
        let name = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let source = read_source(file).unwrap_or_else(|d| panic!("{}", d.render(None)));
        criterion.bench_function(&format!("parse/{name}"), |bench| {
            bench.iter(|| parse_yaml::<RawFlow>(black_box(&source)).map(drop))
        });
        criterion.bench_function(&format!("parse_and_check/{name}"), |bench| {
            bench.iter(|| {
                let raw =
                    parse_yaml::<RawFlow>(black_box(&source)).unwrap_or_else(|d| panic!("{d:?}"));
                check_flow(&source, raw, &context).map(drop)
            })
        });
    }
    criterion.bench_function("read_parse_check/all-flows", |bench| {
        bench.iter(|| {
            for file in &files {
                let source = read_source(file).unwrap_or_else(|d| panic!("{}", d.render(None)));
                let raw = parse_yaml::<RawFlow>(&source).unwrap_or_else(|d| panic!("{d:?}"));
                black_box(check_flow(&source, raw, &context).map(drop)).ok();
            }
        })
    });
    criterion.bench_function("project_load/flows", |bench| {
        bench.iter(|| Project::load(black_box(&flows_folder())).map(drop))
    });
}

criterion_group!(benches, load_and_check);
criterion_main!(benches);
