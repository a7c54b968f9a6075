//! Scores the date family against hand-annotated TIMEX3 gold:
//! `tests/data/dates/dev/`, `dev2/`, `dev3/` and `dev4/` (may be read while
//! writing rules; `dev3/` was the held-out `heldout2/` until round 4 of
//! issue 12, `dev4/` the held-out `heldout3/` until round 6) and
//! `tests/data/dates/heldout/` and `heldout4/` (never tuned on: only their
//! totals are printed, never their errors). See
//! `tests/data/dates/PROVENANCE.md` for the sources and the annotation
//! format, and `docs/dates.md` for the recorded numbers.
//!
//! ```sh
//! cargo run --release --example date_eval              # the table
//! cargo run --release --example date_eval -- --errors  # and every tuning split's error
//! ```
//!
//! Each document is extracted with the shipped rules and `--anchor-date`
//! set to its creation date (`@dct`). Measures, as in TempEval-3:
//!
//! * strict extent: same character span; relaxed extent: overlapping spans
//!   (each gold and each found expression matched at most once);
//! * type and value: over the relaxed matches, an attribute counts as a true
//!   positive when it is equal; precision divides by the found expressions,
//!   recall by the gold ones.
//!
//! yomitori's type refinements are mapped to TIMEX3 before comparison:
//! `INTERVAL` (of times: `TIME`), `FISCAL_YEAR`, `DECADE` are `DATE`, and the `_START/_MID/_END`
//! suffixes (TIMEX3 `mod`) are dropped.

#![allow(clippy::print_stdout)]

use std::path::{Path, PathBuf};

use yomitori::{Anchor, CivilDate, Document, Extractor};

/// One annotated expression, in characters of the plain text.
#[derive(Clone, Debug)]
struct Timex {
    start: usize,
    end: usize,
    text: String,
    ty: String,
    value: String,
}

/// One gold document: plain text, creation date, language, expressions.
struct GoldDoc {
    name: String,
    lang: String,
    dct: CivilDate,
    text: String,
    gold: Vec<Timex>,
}

/// Reads `@dct`/`@lang` headers, then text with `[[extent|TYPE|VALUE]]`.
fn load(path: &Path) -> GoldDoc {
    let raw = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut dct = None;
    let mut lang = String::new();
    let mut body = raw.as_str();
    while let Some(rest) = body.strip_prefix('@') {
        let (line, after) = rest.split_once('\n').unwrap_or((rest, ""));
        match line.split_once(' ') {
            Some(("dct", d)) => dct = CivilDate::parse_iso(d.trim()),
            Some(("lang", l)) => lang = l.trim().to_string(),
            _ => panic!("{}: unknown header @{line}", path.display()),
        }
        body = after;
    }
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut chars = 0;
    let mut rest = body;
    while let Some(open) = rest.find("[[") {
        let before = &rest[..open];
        text.push_str(before);
        chars += before.chars().count();
        let close = rest[open..].find("]]").map_or_else(|| panic!("{}: unclosed [[", path.display()), |c| open + c);
        let inner = &rest[open + 2..close];
        let mut parts = inner.split('|');
        let (Some(extent), Some(ty), Some(value), None) = (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            panic!("{}: bad annotation [[{inner}]]", path.display())
        };
        let n = extent.chars().count();
        gold.push(Timex {
            start: chars,
            end: chars + n,
            text: extent.to_string(),
            ty: ty.to_string(),
            value: value.to_string(),
        });
        text.push_str(extent);
        chars += n;
        rest = &rest[close + 2..];
    }
    text.push_str(rest);
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    GoldDoc { name, lang, dct: dct.unwrap_or_else(|| panic!("{}: no @dct", path.display())), text, gold }
}

/// A yomitori type as TIMEX3 type: an interval of times is a TIME.
fn timex_type(ty: &str, value: &str) -> String {
    let base = ["_START", "_MID", "_END"].iter().fold(ty, |t, s| t.strip_suffix(s).unwrap_or(t));
    match base {
        "INTERVAL" if value.contains('T') => "TIME".to_string(),
        "INTERVAL" | "FISCAL_YEAR" | "DECADE" => "DATE".to_string(),
        other => other.to_string(),
    }
}

fn found(ex: &Extractor, doc: &GoldDoc) -> Vec<Timex> {
    let ex = ex.with_anchor(Anchor::Date(doc.dct));
    ex.extract(&Document::new(doc.name.as_str(), doc.text.as_str()))
        .into_iter()
        .filter(|r| r.kind.as_str() == "date")
        .map(|r| Timex {
            start: r.char_start,
            end: r.char_end,
            text: r.text,
            ty: timex_type(&r.ty, &r.normalized),
            value: r.normalized,
        })
        .collect()
}

#[derive(Default, Clone, Copy)]
struct Counts {
    gold: usize,
    found: usize,
    strict: usize,
    relaxed: usize,
    ty: usize,
    value: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.gold += o.gold;
        self.found += o.found;
        self.strict += o.strict;
        self.relaxed += o.relaxed;
        self.ty += o.ty;
        self.value += o.value;
    }
}

fn prf(tp: usize, found: usize, gold: usize) -> (f64, f64, f64) {
    let p = if found == 0 { 0.0 } else { tp as f64 / found as f64 };
    let r = if gold == 0 { 0.0 } else { tp as f64 / gold as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

/// Scores one document; errors go to `errors`.
fn score(doc: &GoldDoc, sys: &[Timex], errors: &mut Vec<String>) -> Counts {
    let mut c = Counts { gold: doc.gold.len(), found: sys.len(), ..Counts::default() };
    let mut used = vec![false; sys.len()];
    for g in &doc.gold {
        let hit = sys.iter().enumerate().find(|(i, s)| !used[*i] && s.start < g.end && g.start < s.end);
        let Some((i, s)) = hit else {
            errors.push(format!("  FN {} `{}` {} {}", doc.name, g.text, g.ty, g.value));
            continue;
        };
        used[i] = true;
        c.relaxed += 1;
        let strict = s.start == g.start && s.end == g.end;
        c.strict += usize::from(strict);
        c.ty += usize::from(s.ty == g.ty);
        c.value += usize::from(s.value == g.value);
        if !strict || s.ty != g.ty || s.value != g.value {
            errors.push(format!(
                "  ~~ {} gold `{}` {} {} | found `{}` {} {}",
                doc.name, g.text, g.ty, g.value, s.text, s.ty, s.value
            ));
        }
    }
    for (s, _) in sys.iter().zip(&used).filter(|(_, u)| !**u) {
        errors.push(format!("  FP {} `{}` {} {}", doc.name, s.text, s.ty, s.value));
    }
    c
}

fn main() {
    let show_errors = std::env::args().any(|a| a == "--errors");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ex = Extractor::builder().rules(root.join("rules")).build().expect("shipped rules build");
    println!("| split | lang | docs | gold | found | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 | type F1 | value F1 |");
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for split in ["dev", "dev2", "dev3", "dev4", "heldout", "heldout4"] {
        let dir = root.join("tests/data/dates").join(split);
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        let docs: Vec<GoldDoc> = paths.iter().map(|p| load(p)).collect();
        let mut all = Counts::default();
        let mut errors = Vec::new();
        for lang in ["en", "ja"] {
            let mut c = Counts::default();
            let mut n = 0;
            for doc in docs.iter().filter(|d| d.lang == lang) {
                n += 1;
                c.add(score(doc, &found(&ex, doc), &mut errors));
            }
            print_row(split, lang, n, c);
            all.add(c);
        }
        print_row(split, "all", docs.len(), all);
        // The held-out errors are never printed: only their totals.
        if show_errors && !is_heldout(split) {
            for e in &errors {
                println!("{e}");
            }
        }
    }
}

/// A held-out split: scored, but its errors are never printed (reading them
/// would make it a tuning split).
fn is_heldout(split: &str) -> bool {
    split.starts_with("heldout")
}

fn print_row(split: &str, lang: &str, docs: usize, c: Counts) {
    let (sp, sr, sf) = prf(c.strict, c.found, c.gold);
    let (rp, rr, rf) = prf(c.relaxed, c.found, c.gold);
    let (_, _, tf) = prf(c.ty, c.found, c.gold);
    let (_, _, vf) = prf(c.value, c.found, c.gold);
    println!(
        "| {split} | {lang} | {docs} | {} | {} | {sp:.2} | {sr:.2} | {sf:.2} | {rp:.2} | {rr:.2} | {rf:.2} | {tf:.2} | {vf:.2} |",
        c.gold, c.found
    );
}
