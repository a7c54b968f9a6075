//! Acronym rows → the corpus glossary: one CSV row per distinct (short form,
//! long form) pair, so a reader sees every acronym of a corpus and its
//! conflicting expansions at a glance.
//!
//! | column | meaning |
//! |---|---|
//! | `short` | the short form as defined (`SSA` also for the mention `SSAs`) |
//! | `long` | the long form, as first written (pairs compare long forms case-insensitively) |
//! | `documents` | documents with at least one row of the pair |
//! | `definitions` | DEFINITION rows of the pair |
//! | `mentions` | MENTION rows of the pair (known-expansion mentions included) |
//! | `first_doc`, `first_start` | where the pair first occurs: document and byte offset |
//!
//! Rows are sorted by short form, then by first occurrence. Memory grows with
//! the number of distinct pairs, not with the corpus. `docs/acronyms.md` is
//! the user-facing version of this table.

use std::collections::HashMap;
use std::io::{self, Write};
use std::sync::Arc;

use crate::row::Row;
use crate::text::excel;

/// File name of the glossary (beside the rows, and in golden folders).
pub const GLOSSARY: &str = "acronyms.csv";

/// The glossary's CSV header.
pub const GLOSSARY_HEADER: [&str; 7] =
    ["short", "long", "documents", "definitions", "mentions", "first_doc", "first_start"];

#[derive(Clone, Debug)]
struct Entry {
    short: Arc<str>,
    long: String,
    documents: usize,
    definitions: usize,
    mentions: usize,
    first_doc: Arc<str>,
    first: (usize, usize),
    last_doc: usize,
}

/// Collects the acronym rows of a run, document by document, in input
/// order.
#[derive(Clone, Debug, Default)]
pub struct Glossary {
    entries: HashMap<(Arc<str>, String), Entry>,
    docs: usize,
}

impl Glossary {
    /// An empty glossary.
    pub fn new() -> Glossary {
        Glossary::default()
    }

    /// Adds the rows of the next document.
    pub fn add(&mut self, rows: &[Row]) {
        self.docs += 1;
        for r in rows {
            let (true, Some(short)) = (r.kind == super::KIND, &r.key) else { continue };
            let long_key = crate::normalize::collapse_space(&r.normalized).to_lowercase();
            let seq = (self.docs, r.start);
            let e = self.entries.entry((short.clone(), long_key)).or_insert_with(|| Entry {
                short: short.clone(),
                long: r.normalized.clone(),
                documents: 0,
                definitions: 0,
                mentions: 0,
                first_doc: r.doc.clone(),
                first: seq,
                last_doc: 0,
            });
            if seq < e.first {
                e.first = seq;
                e.first_doc = r.doc.clone();
                e.long.clone_from(&r.normalized);
            }
            if e.last_doc != self.docs {
                e.last_doc = self.docs;
                e.documents += 1;
            }
            if &*r.ty == "DEFINITION" {
                e.definitions += 1;
            } else {
                e.mentions += 1;
            }
        }
    }

    /// Number of distinct pairs.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no acronym row was added.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Writes the glossary as CSV (with `excel`: BOM and neutralized cells).
    ///
    /// # Errors
    /// When writing fails.
    pub fn write<W: Write>(&self, mut w: W, excel: bool) -> io::Result<W> {
        if excel {
            w.write_all(excel::BOM.as_bytes())?;
        }
        let mut entries: Vec<&Entry> = self.entries.values().collect();
        entries.sort_by(|a, b| (&a.short, a.first, &a.long).cmp(&(&b.short, b.first, &b.long)));
        let mut c = csv::Writer::from_writer(w);
        c.write_record(GLOSSARY_HEADER)?;
        let cell = |s: &str| if excel { excel::neutralize(s).into_owned() } else { s.to_string() };
        for e in entries {
            c.write_record([
                cell(&e.short),
                cell(&e.long),
                e.documents.to_string(),
                e.definitions.to_string(),
                e.mentions.to_string(),
                cell(&e.first_doc),
                e.first.1.to_string(),
            ])?;
        }
        c.into_inner().map_err(csv::IntoInnerError::into_error)
    }

    /// The glossary as CSV bytes.
    pub fn to_csv(&self) -> Vec<u8> {
        self.write(Vec::new(), false).expect("writing to memory")
    }
}

impl crate::families::SideCollector for Glossary {
    fn add(&mut self, rows: &[Row]) {
        Glossary::add(self, rows);
    }

    fn write(&self, w: &mut dyn Write, excel: bool) -> io::Result<()> {
        Glossary::write(self, w, excel).map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(doc: &str, ty: &str, short: &str, long: &str, start: usize) -> Row {
        Row {
            doc: doc.into(),
            kind: crate::families::acronyms::KIND,
            ty: ty.into(),
            text: short.into(),
            normalized: long.into(),
            id: String::new(),
            start,
            end: start + short.len(),
            char_start: start,
            char_end: start + short.len(),
            line: 1,
            column: start + 1,
            rule: "acronyms/x".into(),
            ref_start: None,
            ref_end: None,
            flags: String::new(),
            key: Some(short.into()),
        }
    }

    #[test]
    fn one_row_per_pair_with_counts() {
        let mut g = Glossary::new();
        g.add(&[
            row("a.txt", "DEFINITION", "EEZ", "exclusive economic zone", 10),
            row("a.txt", "MENTION", "EEZ", "exclusive economic zone", 40),
            row("a.txt", "DEFINITION", "EEZ", "Exclusive Economic Zone", 90),
        ]);
        g.add(&[]);
        g.add(&[row("c.txt", "DEFINITION", "EEZ", "Exclusive Economic Zones", 5)]);
        let csv = String::from_utf8(g.to_csv()).unwrap();
        assert_eq!(
            csv,
            "short,long,documents,definitions,mentions,first_doc,first_start\n\
             EEZ,exclusive economic zone,1,2,1,a.txt,10\n\
             EEZ,Exclusive Economic Zones,1,1,0,c.txt,5\n"
        );
    }
}
