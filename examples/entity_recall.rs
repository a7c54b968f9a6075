//! Recall per entity type against a hand-checked list of expected entities.
//!
//! ```sh
//! cargo run --release -- extract seeds -o /tmp/seeds.csv --no-glossary
//! cargo run --example entity_recall -- tests/data/entities/seeds-expected.csv /tmp/seeds.csv
//! ```
//!
//! Prints recall per type and every miss. `cargo test` (module `eval`)
//! holds the seeds to the thresholds of `docs/entities.md`.

#![allow(clippy::print_stdout, clippy::print_stderr)]

#[path = "../tests/eval/entity_recall.rs"]
mod entity_recall;

use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [expected, extracted] = args.as_slice() else {
        eprintln!("usage: entity_recall EXPECTED.csv EXTRACTIONS.csv");
        std::process::exit(2);
    };
    let expected = entity_recall::load_expected(Path::new(expected));
    let text = std::fs::read_to_string(extracted).unwrap_or_else(|e| panic!("{extracted}: {e}"));
    let r = entity_recall::score(&expected, &entity_recall::found_in_csv(&text));
    println!("| type | expected | found | recall |");
    println!("|---|---:|---:|---:|");
    for (ty, (n, k)) in &r.by_type {
        println!("| {ty} | {n} | {k} | {:.3} |", r.of(ty));
    }
    for m in &r.misses {
        println!("miss: {m}");
    }
}
