//! Recall per entity type against a hand-checked list of expected entities.
//!
//! ```sh
//! cargo run --release -- extract seeds -o /tmp/seeds.csv --no-glossary
//! cargo run --example entity_recall -- tests/data/entities/seeds-expected.csv /tmp/seeds.csv
//! ```
//!
//! Or name a split and let the example extract it with the shipped rules
//! (`--split seeds`, `--split heldout2` … `--split heldout5`): the texts are
//! `seeds/` or `tests/data/entities/<split>/`, the list
//! `tests/data/entities/<split>-expected.csv`.
//!
//! ```sh
//! cargo run --release --example entity_recall -- --totals --split heldout5
//! ```
//!
//! Prints recall and precision per type, every miss and every row the list
//! does not have. With `--totals` (for a held-out list, whose errors must not
//! be read: `heldout5` since the seventh round of issue 17; `heldout2`,
//! `heldout3` and `heldout4`, whose errors have been read and tuned on, are
//! tuning material now) it prints the table only. `cargo test` (module
//! `eval`) holds the seeds to the thresholds of `docs/entities.md`.

#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "../tests/eval/entity_recall.rs"]
mod entity_recall;

use std::path::{Path, PathBuf};

use yomitori::input::{Documents, InputFormat};
use yomitori::pipeline::{Collect, RunOptions};
use yomitori::Extractor;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let totals = args.first().is_some_and(|a| a == "--totals");
    if totals {
        args.remove(0);
    }
    let (expected, text) = match args.as_slice() {
        [flag, split] if flag == "--split" => split_csv(split),
        [expected, extracted] => {
            let text = std::fs::read_to_string(extracted).unwrap_or_else(|e| panic!("{extracted}: {e}"));
            (PathBuf::from(expected), text)
        }
        _ => {
            eprintln!("usage: entity_recall [--totals] (EXPECTED.csv EXTRACTIONS.csv | --split NAME)");
            std::process::exit(2);
        }
    };
    let expected = entity_recall::load_expected(&expected);
    let r = entity_recall::score(&expected, &entity_recall::found_in_csv(&text));
    println!("| type | expected | found | recall | rows (things) | not expected | precision |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let (mut all_n, mut all_k, mut all_f, mut all_x) = (0, 0, 0, 0);
    for (ty, (n, k)) in &r.by_type {
        let (f, x) = r.extra_by_type.get(ty).copied().unwrap_or((0, 0));
        println!("| {ty} | {n} | {k} | {:.3} | {f} | {x} | {:.3} |", r.of(ty), precision(f, x));
        (all_n, all_k, all_f, all_x) = (all_n + n, all_k + k, all_f + f, all_x + x);
    }
    println!(
        "| all | {all_n} | {all_k} | {:.3} | {all_f} | {all_x} | {:.3} |",
        all_k as f64 / all_n.max(1) as f64,
        precision(all_f, all_x)
    );
    if totals {
        return;
    }
    for m in &r.misses {
        println!("miss: {m}");
    }
    for x in &r.extras {
        println!("not expected: {x}");
    }
}

/// The expected list of a split and the CSV the shipped rules give on its
/// texts (the rows `yomitori extract DIR` writes).
fn split_csv(split: &str) -> (PathBuf, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = root.join("tests/data/entities");
    let texts = if split == "seeds" { root.join("seeds") } else { data.join(split) };
    let expected = data.join(format!("{split}-expected.csv"));
    let extractor = Extractor::builder().rules(root.join("rules")).build().unwrap_or_else(|e| panic!("rules: {e}"));
    let docs = Documents::new(std::slice::from_ref(&texts), InputFormat::Text, None)
        .unwrap_or_else(|e| panic!("{}: {e}", texts.display()));
    let mut errors = Collect::default();
    let (outputs, _) = yomitori::check::outputs(&extractor, docs, &RunOptions::default(), &mut errors)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(errors.errors.is_empty(), "{:?}", errors.errors);
    let csv = outputs.into_iter().next().map(|(_, bytes)| String::from_utf8(bytes).unwrap()).unwrap_or_default();
    (expected, csv)
}

fn precision(found: usize, wrong: usize) -> f64 {
    if found == 0 {
        1.0
    } else {
        (found - wrong) as f64 / found as f64
    }
}
