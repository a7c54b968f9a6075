//! Recall of entities against a hand-checked list (`tests/data/entities/`):
//! one line per thing a careful reader marks in a document (`doc, type,
//! text, canonical, note`). An expected entity is found when the document
//! has an entity row of the same type whose `normalized` value is the
//! canonical name, anywhere in the document: the list counts things, not
//! mentions, so it can be read and checked by hand.
//!
//! Shared by `cargo test` (module `eval`) and `cargo run --example
//! entity_recall`, which prints the table and the misses.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

/// One expected entity.
pub struct Expected {
    pub doc: String,
    pub ty: String,
    pub text: String,
    pub canonical: String,
}

/// Reads an expected list.
pub fn load_expected(path: &Path) -> Vec<Expected> {
    let mut r = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            Expected { doc: rec[0].into(), ty: rec[1].into(), text: rec[2].into(), canonical: rec[3].into() }
        })
        .collect()
}

/// `(doc, type, normalized)` of every entity row of an extraction CSV.
pub fn found_in_csv(csv_text: &str) -> HashSet<(String, String, String)> {
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let h = r.headers().unwrap().clone();
    let col = |name: &str| h.iter().position(|c| c == name).unwrap();
    let (doc, kind, ty, norm) = (col("doc"), col("kind"), col("type"), col("normalized"));
    r.records()
        .map(|rec| rec.unwrap())
        .filter(|rec| &rec[kind] == "entity")
        .map(|rec| (rec[doc].to_string(), rec[ty].to_string(), rec[norm].to_string()))
        .collect()
}

/// Per type: (expected, found), and the misses; and per type the things
/// the extraction has that the list has not (see [`score`]).
pub struct Recall {
    pub by_type: BTreeMap<String, (usize, usize)>,
    pub misses: Vec<String>,
    /// Per type: (things found, things found that are not expected).
    pub extra_by_type: BTreeMap<String, (usize, usize)>,
    pub extras: Vec<String>,
}

impl Recall {
    /// Recall of one type (1.0 when nothing of the type is expected).
    pub fn of(&self, type_: &str) -> f64 {
        let (n, k) = self.by_type.get(type_).copied().unwrap_or((0, 0));
        if n == 0 {
            1.0
        } else {
            k as f64 / n as f64
        }
    }
}

/// Scores `expected` against the rows found. Precision is counted by things
/// too: a distinct `(doc, type, normalized)` of the extraction, in a document
/// and of a type the list covers, that the list does not have is a wrong
/// row (the list is meant to hold everything a careful reader marks; for
/// the seeds' list, which has only ORG, EVENT and LAW, only those types).
pub fn score(expected: &[Expected], found: &HashSet<(String, String, String)>) -> Recall {
    let mut by_type: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for e in expected {
        let slot = by_type.entry(e.ty.clone()).or_default();
        slot.0 += 1;
        if found.contains(&(e.doc.clone(), e.ty.clone(), e.canonical.clone())) {
            slot.1 += 1;
        } else {
            misses.push(format!("{} {} {:?} -> {:?}", e.doc, e.ty, e.text, e.canonical));
        }
    }
    let docs: HashSet<&str> = expected.iter().map(|e| e.doc.as_str()).collect();
    let wanted: HashSet<(&str, &str, &str)> =
        expected.iter().map(|e| (e.doc.as_str(), e.ty.as_str(), e.canonical.as_str())).collect();
    let mut extra_by_type: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut extras = Vec::new();
    let mut found: Vec<_> =
        found.iter().filter(|(d, t, _)| docs.contains(d.as_str()) && by_type.contains_key(t)).collect();
    found.sort();
    for (d, t, n) in found {
        let slot = extra_by_type.entry(t.clone()).or_default();
        slot.0 += 1;
        if !wanted.contains(&(d.as_str(), t.as_str(), n.as_str())) {
            slot.1 += 1;
            extras.push(format!("{d} {t} {n:?}"));
        }
    }
    Recall { by_type, misses, extra_by_type, extras }
}
