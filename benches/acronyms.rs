//! Throughput of the acronym detectors, in MB/s of text.
//!
//! The corpus is the five `seeds/` texts repeated as separate documents to
//! about 4 MB. Three measurements, in one run so that their ratios hold on
//! a loaded machine:
//!
//! * `detectors`: the acronym rules alone (`rules/acronyms.toml`): every
//!   definition detector, overlap resolution and the mention pass, on the
//!   normalized text;
//! * `extract/all-rules` and `extract/without-acronyms`: the whole
//!   per-document pipeline (view, all matchers, rows) with every shipped
//!   rule file, and with every file but `acronyms.toml`.
//!
//! ```sh
//! cargo bench --bench acronyms
//! # on the benchmark corpus instead of repeated seeds (docs/performance.md):
//! YOMITORI_BENCH_CORPUS=target/bench-corpus/files cargo bench --bench acronyms
//! ```

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use yomitori::diagnostic::SourceFile;
use yomitori::text::DocumentView;
use yomitori::{Document, Extractor};

const TARGET_BYTES: usize = 4 << 20;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The first files of the benchmark corpus folder named by
/// `YOMITORI_BENCH_CORPUS` up to `TARGET_BYTES`, else the seeds repeated.
fn corpus() -> Vec<Document> {
    if let Ok(dir) = std::env::var("YOMITORI_BENCH_CORPUS") {
        let mut files: Vec<_> =
            walk(Path::new(&dir)).into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
        files.sort();
        let mut docs = Vec::new();
        let mut bytes = 0;
        for f in files {
            if bytes >= TARGET_BYTES {
                break;
            }
            let text = std::fs::read_to_string(&f).expect("corpus file");
            bytes += text.len();
            docs.push(Document::new(f.display().to_string(), text));
        }
        assert!(!docs.is_empty(), "no .txt files in {dir}");
        return docs;
    }
    seeds_repeated()
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("corpus folder") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// The seeds, repeated as documents until they hold `TARGET_BYTES`.
fn seeds_repeated() -> Vec<Document> {
    let mut seeds: Vec<_> = std::fs::read_dir(root().join("seeds"))
        .expect("seeds/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    seeds.sort();
    let texts: Vec<String> = seeds.iter().map(|p| std::fs::read_to_string(p).expect("seed")).collect();
    let mut docs = Vec::new();
    let mut bytes = 0;
    while bytes < TARGET_BYTES {
        for (p, t) in seeds.iter().zip(&texts) {
            bytes += t.len();
            docs.push(Document::new(format!("{}#{}", p.display(), docs.len()), t.clone()));
        }
    }
    docs
}

/// The shipped rule files, optionally without `acronyms.toml`.
fn rules(with_acronyms: bool) -> Extractor {
    let dir = root().join("rules");
    let mut files: Vec<SourceFile> = std::fs::read_dir(&dir)
        .expect("rules/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .filter(|p| with_acronyms || p.file_name().is_some_and(|n| n != "acronyms.toml"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("rule file");
            SourceFile::new(p, text)
        })
        .collect();
    files.sort_by(|a, b| a.path().cmp(b.path()));
    let set = yomitori::rules::load::load_files(&files, &yomitori::families::catalog()).expect("rules load");
    Extractor::from_rules(set).expect("rules compile")
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let views: Vec<String> = docs.iter().map(|d| DocumentView::new(&d.text).text().to_string()).collect();

    let acronyms = yomitori::compile::compile(
        yomitori::rules::load::load_files(
            &[SourceFile::new(
                root().join("rules/acronyms.toml"),
                std::fs::read_to_string(root().join("rules/acronyms.toml")).expect("acronyms.toml"),
            )],
            &yomitori::families::catalog(),
        )
        .expect("acronym rules load"),
    )
    .expect("acronym rules compile");

    let mut group = c.benchmark_group("acronyms");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(8));
    let detectors = yomitori::matchers::detector::resolve(&acronyms, &yomitori::families::detectors());
    group.bench_function("detectors", |b| {
        let (mut cands, mut order, mut keep) = (Vec::new(), Vec::new(), Vec::new());
        b.iter(|| {
            let mut n = 0;
            for hay in &views {
                cands.clear();
                yomitori::matchers::detector::find(&acronyms, &detectors, hay, &mut cands);
                yomitori::matchers::overlap::resolve(&acronyms, &mut cands, &mut order, &mut keep);
                let options = yomitori::normalize::Resources::default();
                let mut cx = yomitori::passes::PassContext::whole(hay, &options);
                yomitori::families::acronyms::mention::find(&acronyms, &mut cx, &mut cands);
                n += cands.len();
            }
            black_box(n)
        });
    });
    for (name, ex) in [("extract/all-rules", rules(true)), ("extract/without-acronyms", rules(false))] {
        group.bench_function(name, |b| {
            let mut scratch = ex.scratch();
            let mut rows = Vec::new();
            b.iter(|| {
                rows.clear();
                for d in &docs {
                    ex.extract_into(d, &mut scratch, &mut rows);
                }
                black_box(rows.len())
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
