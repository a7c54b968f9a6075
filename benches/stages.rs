//! Per-stage micro-benchmarks on committed real text (the seeds, repeated
//! to about 1 MB), with `Throughput::Bytes` so criterion reports MB/s:
//! normalized view, gazetteer scan, regex rules, acronym detector, date
//! normalizer, CSV writing, and the whole per-document extraction.
//!
//! `cargo bench --bench stages`; end-to-end runs against ripgrep are in
//! `scripts/bench.sh`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use regex_automata::Input;
use yomitori::emit::{Format, RowWriter};
use yomitori::matchers::pattern::GroupScratch;
use yomitori::normalize::Fields;
use yomitori::text::DocumentView;
use yomitori::{Document, Extractor};

fn corpus() -> String {
    let mut files: Vec<_> = std::fs::read_dir("seeds").unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let one: String = files.iter().map(|f| std::fs::read_to_string(f).unwrap()).collect::<Vec<_>>().join("\n\n");
    one.repeat((1 << 20) / one.len() + 1)
}

fn stages(c: &mut Criterion) {
    let text = corpus();
    let ex = Extractor::builder().rules("rules").build().unwrap();
    let compiled = ex.compiled();
    let view = DocumentView::new(&text);
    let hay = view.text();
    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(text.len() as u64));

    g.bench_function("view", |b| b.iter(|| black_box(DocumentView::new(black_box(&text))).text().len()));

    let mut out = Vec::new();
    g.bench_function("gazetteer", |b| {
        b.iter(|| {
            out.clear();
            yomitori::matchers::gazetteer::find(compiled, hay, &mut out);
            out.len()
        });
    });

    let mut groups: Vec<GroupScratch> = compiled.groups.iter().map(GroupScratch::new).collect();
    g.bench_function("regex-rules", |b| {
        b.iter(|| {
            out.clear();
            yomitori::matchers::pattern::find(compiled, hay, &mut groups, &mut out);
            out.len()
        });
    });

    let detectors = yomitori::matchers::detector::resolve(compiled, &yomitori::families::detectors());
    g.bench_function("acronym-detector", |b| {
        b.iter(|| {
            out.clear();
            yomitori::matchers::detector::find(compiled, &detectors, hay, &mut out);
            out.len()
        });
    });

    // The date normalizer alone, on the captures of every date match.
    let dates = compiled.groups.iter().find(|g| g.kind.as_str() == "date").expect("a date group");
    let re = dates.regex();
    let matches: Vec<_> = re.captures_iter(Input::new(hay)).collect();
    let resources = &compiled.resources;
    g.throughput(Throughput::Elements(matches.len() as u64));
    g.bench_function("date-normalizer (per match)", |b| {
        b.iter(|| {
            let mut n = 0;
            for caps in &matches {
                let rule = &compiled.rules[dates.rule_of_pattern()[caps.pattern().unwrap().as_usize()] as usize];
                if let yomitori::rules::RuleSource::Pattern(p) = &rule.source {
                    if let Some(norm) = p.normalizer {
                        n += usize::from((norm.run)(&Fields::new(hay, caps), resources).is_some());
                    }
                }
            }
            n
        });
    });

    let rows = ex.extract(&Document::new("bench", text.clone()));
    let mut w = RowWriter::new(Vec::new(), Format::Csv, false).unwrap();
    rows.iter().for_each(|r| w.write(r).unwrap());
    let csv_len = w.finish().unwrap().len();
    g.throughput(Throughput::Bytes(csv_len as u64));
    g.bench_function("csv-writing (output bytes)", |b| {
        b.iter(|| {
            let mut w = RowWriter::new(Vec::with_capacity(csv_len), Format::Csv, false).unwrap();
            rows.iter().for_each(|r| w.write(r).unwrap());
            w.finish().unwrap().len()
        });
    });

    g.throughput(Throughput::Bytes(text.len() as u64));
    let doc = Document::new("bench", text.clone());
    let mut scratch = ex.scratch();
    let mut rows_out = Vec::new();
    g.bench_function("extract (whole document)", |b| {
        b.iter(|| {
            rows_out.clear();
            ex.extract_into(&doc, &mut scratch, &mut rows_out);
            rows_out.len()
        });
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(3));
    targets = stages
}
criterion_main!(benches);
