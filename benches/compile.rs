//! Start-up: loading and compiling all shipped rules (`rules/`) into an
//! `Extractor`, the cost every run pays before its first document. The
//! budget is 100 ms; `yomitori rules plan` prints the same figure for one
//! run. Run with `cargo bench --bench compile`.

use criterion::{criterion_group, criterion_main, Criterion};
use yomitori::rules::load_dir;
use yomitori::Extractor;

fn rules_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules")
}

fn startup(c: &mut Criterion) {
    let dir = rules_dir();
    let mut g = c.benchmark_group("startup");
    g.sample_size(20);
    g.bench_function("load", |b| {
        b.iter(|| load_dir(&dir, &yomitori::families::catalog()).expect("shipped rules load"));
    });
    g.bench_function("load+compile", |b| {
        b.iter(|| Extractor::builder().rules(&dir).build().expect("shipped rules compile"));
    });
    g.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);
