//! Acronym rows → the two glossaries, so a reader sees every acronym of a
//! corpus and its conflicting expansions at a glance.
//!
//! **`acronyms.csv`** ([`Glossary`], side output `glossary`): one row per
//! short form per document, with the document's canonical long form and
//! its other spellings:
//!
//! | column | meaning |
//! |---|---|
//! | `doc` | the document |
//! | `short` | the short form as defined (`SSA` also for the mention `SSAs`) |
//! | `long` | the canonical long form: the one with the most rows in the document, then the one with more definitions, then the first, then the Latin one |
//! | `variants` | the document's other long forms of the short form, ` \| `-separated, in order of first occurrence (compared case-insensitively, whitespace collapsed) |
//! | `definitions` | DEFINITION rows of the short form in the document, all long forms |
//! | `mentions` | MENTION rows of the short form in the document (known-expansion mentions included) |
//! | `first_start` | byte offset of the short form's first row in the document |
//!
//! Rows follow the documents' output order, then the short form.
//!
//! **`acronym-pairs.csv`** ([`PairGlossary`], side output `glossary-pairs`):
//! one row per distinct (short form, long form) pair of the corpus, with the
//! number of documents that use the pair:
//!
//! | column | meaning |
//! |---|---|
//! | `short` | the short form as defined |
//! | `long` | the long form, as first written (pairs compare long forms case-insensitively) |
//! | `documents` | documents with at least one row of the pair |
//! | `definitions` | DEFINITION rows of the pair |
//! | `mentions` | MENTION rows of the pair (known-expansion mentions included) |
//! | `first_doc`, `first_start` | where the pair first occurs: document and byte offset |
//!
//! Rows are sorted by short form, then by first occurrence. Its memory grows
//! with the number of distinct pairs; the per-document glossary's with the
//! number of (document, short form) rows, a small fraction of the rows.
//! `docs/acronyms.md` is the user-facing version of these tables.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, Write};
use std::sync::Arc;

use crate::row::Row;
use crate::text::excel;

/// File name of the per-document glossary (beside the rows, and in golden
/// folders).
pub const GLOSSARY: &str = "acronyms.csv";

/// The per-document glossary's CSV header.
pub const GLOSSARY_HEADER: [&str; 7] = ["doc", "short", "long", "variants", "definitions", "mentions", "first_start"];

/// File name of the corpus glossary of pairs.
pub const PAIRS: &str = "acronym-pairs.csv";

/// The corpus glossary's CSV header.
pub const PAIRS_HEADER: [&str; 7] =
    ["short", "long", "documents", "definitions", "mentions", "first_doc", "first_start"];

/// What separates the variants in their cell.
pub const VARIANT_SEPARATOR: &str = " | ";

/// The key by which two long forms are the same one: whitespace collapsed,
/// case folded.
fn long_key(long: &str) -> String {
    crate::normalize::collapse_space(long).to_lowercase()
}

/// The rows of a short form or a pair, by type.
#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    definitions: usize,
    mentions: usize,
}

impl Tally {
    fn count(&mut self, r: &Row) {
        if &*r.ty == "DEFINITION" {
            self.definitions += 1;
        } else {
            self.mentions += 1;
        }
    }
}

/// A glossary cell: text (neutralized for Excel) or a count (never a
/// formula).
enum Cell<'a> {
    Text(Cow<'a, str>),
    Count(usize),
}

impl<'a> Cell<'a> {
    fn text(s: &'a str) -> Cell<'a> {
        Cell::Text(Cow::Borrowed(s))
    }
}

/// Writes `records` under `header` as CSV; with `excel`, a BOM first and
/// every text cell neutralized.
fn write_table<'a, W: Write, const N: usize>(
    mut w: W,
    excel: bool,
    header: [&str; N],
    records: impl Iterator<Item = [Cell<'a>; N]>,
) -> io::Result<W> {
    if excel {
        w.write_all(excel::BOM.as_bytes())?;
    }
    let mut c = csv::Writer::from_writer(w);
    c.write_record(header)?;
    for record in records {
        c.write_record(record.iter().map(|cell| match cell {
            Cell::Text(s) if excel => excel::neutralize(s).into_owned(),
            Cell::Text(s) => s.to_string(),
            Cell::Count(n) => n.to_string(),
        }))?;
    }
    c.into_inner().map_err(csv::IntoInnerError::into_error)
}

#[derive(Clone, Debug)]
struct Entry {
    short: Arc<str>,
    long: String,
    documents: usize,
    tally: Tally,
    first_doc: Arc<str>,
    first: (usize, usize),
    last_doc: usize,
}

/// The corpus glossary: collects the acronym rows of a run, document by
/// document, in input order, into one entry per (short, long) pair.
#[derive(Clone, Debug, Default)]
pub struct PairGlossary {
    entries: HashMap<(Arc<str>, String), Entry>,
    docs: usize,
    /// A document is being added in parts (`docs` counts it already).
    open: bool,
}

impl PairGlossary {
    /// An empty glossary.
    pub fn new() -> PairGlossary {
        PairGlossary::default()
    }

    /// Adds the rows of the next document.
    pub fn add(&mut self, rows: &[Row]) {
        self.add_part(rows);
        self.open = false;
    }

    /// Adds rows of the current document (a part of it).
    fn add_part(&mut self, rows: &[Row]) {
        if !self.open {
            self.docs += 1;
            self.open = true;
        }
        for r in rows {
            let (true, Some(short)) = (r.kind == super::KIND, &r.key) else { continue };
            let long_key = long_key(&r.normalized);
            let seq = (self.docs, r.start);
            let e = self.entries.entry((short.clone(), long_key)).or_insert_with(|| Entry {
                short: short.clone(),
                long: r.normalized.clone(),
                documents: 0,
                tally: Tally::default(),
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
            e.tally.count(r);
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
    pub fn write<W: Write>(&self, w: W, excel: bool) -> io::Result<W> {
        let mut entries: Vec<&Entry> = self.entries.values().collect();
        entries.sort_by(|a, b| (&a.short, a.first, &a.long).cmp(&(&b.short, b.first, &b.long)));
        write_table(
            w,
            excel,
            PAIRS_HEADER,
            entries.into_iter().map(|e| {
                [
                    Cell::text(&e.short),
                    Cell::text(&e.long),
                    Cell::Count(e.documents),
                    Cell::Count(e.tally.definitions),
                    Cell::Count(e.tally.mentions),
                    Cell::text(&e.first_doc),
                    Cell::Count(e.first.1),
                ]
            }),
        )
    }

    /// The glossary as CSV bytes.
    pub fn to_csv(&self) -> Vec<u8> {
        self.write(Vec::new(), false).expect("writing to memory")
    }
}

impl crate::families::SideCollector for PairGlossary {
    fn add(&mut self, rows: &[Row]) {
        self.add_part(rows);
    }

    fn end_document(&mut self) {
        self.open = false;
    }

    fn write(&self, w: &mut dyn Write, excel: bool) -> io::Result<()> {
        PairGlossary::write(self, w, excel).map(|_| ())
    }
}

/// One long form of a short form within one document.
#[derive(Clone, Debug)]
struct Spelling {
    long: String,
    key: String,
    tally: Tally,
    first: usize,
}

impl Spelling {
    /// The canonical spelling sorts first: most rows, most definitions,
    /// earliest, then a Latin long form (the one mentions of a Latin short
    /// form expand to when a Japanese long form and an English gloss share a
    /// span), then byte order for determinism.
    fn rank(&self) -> (std::cmp::Reverse<usize>, std::cmp::Reverse<usize>, usize, bool, &str) {
        use std::cmp::Reverse;
        (
            Reverse(self.tally.definitions + self.tally.mentions),
            Reverse(self.tally.definitions),
            self.first,
            !self.long.is_ascii(),
            &self.long,
        )
    }
}

/// One row of the per-document glossary, ready to write.
#[derive(Clone, Debug)]
struct DocumentEntry {
    doc: Arc<str>,
    short: Arc<str>,
    long: String,
    variants: Vec<String>,
    tally: Tally,
    first_start: usize,
}

/// The per-document glossary (`acronyms.csv`): one canonical long form per
/// short form per document, with the variants listed.
#[derive(Clone, Debug, Default)]
pub struct Glossary {
    entries: Vec<DocumentEntry>,
    /// The spellings of the document being added in parts, by short form.
    open: HashMap<Arc<str>, Vec<Spelling>>,
    /// That document.
    open_doc: Option<Arc<str>>,
}

impl Glossary {
    /// An empty glossary.
    pub fn new() -> Glossary {
        Glossary::default()
    }

    /// Adds the rows of the next document.
    pub fn add(&mut self, rows: &[Row]) {
        self.add_part(rows);
        self.end_document();
    }

    /// Adds rows of the current document (a part of it).
    fn add_part(&mut self, rows: &[Row]) {
        for r in rows {
            let (true, Some(short)) = (r.kind == super::KIND, &r.key) else { continue };
            self.open_doc.get_or_insert_with(|| r.doc.clone());
            let key = long_key(&r.normalized);
            let spellings = self.open.entry(short.clone()).or_default();
            let i = if let Some(i) = spellings.iter().position(|s| s.key == key) {
                i
            } else {
                let long = r.normalized.clone();
                spellings.push(Spelling { long, key, tally: Tally::default(), first: r.start });
                spellings.len() - 1
            };
            let s = &mut spellings[i];
            if r.start < s.first {
                s.first = r.start;
                s.long.clone_from(&r.normalized);
            }
            s.tally.count(r);
        }
    }

    /// The current document is done: one entry per short form.
    fn end_document(&mut self) {
        let Some(doc) = self.open_doc.take() else { return };
        let mut shorts: Vec<(Arc<str>, Vec<Spelling>)> = self.open.drain().collect();
        shorts.sort_by(|a, b| a.0.cmp(&b.0));
        for (short, mut spellings) in shorts {
            let first_start = spellings.iter().map(|s| s.first).min().unwrap_or(0);
            let tally = Tally {
                definitions: spellings.iter().map(|s| s.tally.definitions).sum(),
                mentions: spellings.iter().map(|s| s.tally.mentions).sum(),
            };
            spellings.sort_by(|a, b| a.rank().cmp(&b.rank()));
            let mut rest = spellings.split_off(1);
            rest.sort_by_key(|s| s.first);
            self.entries.push(DocumentEntry {
                doc: doc.clone(),
                short,
                long: std::mem::take(&mut spellings[0].long),
                variants: rest.into_iter().map(|s| s.long).collect(),
                tally,
                first_start,
            });
        }
    }

    /// Number of (document, short form) rows.
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
    pub fn write<W: Write>(&self, w: W, excel: bool) -> io::Result<W> {
        write_table(
            w,
            excel,
            GLOSSARY_HEADER,
            self.entries.iter().map(|e| {
                [
                    Cell::text(&e.doc),
                    Cell::text(&e.short),
                    Cell::text(&e.long),
                    Cell::Text(Cow::Owned(e.variants.join(VARIANT_SEPARATOR))),
                    Cell::Count(e.tally.definitions),
                    Cell::Count(e.tally.mentions),
                    Cell::Count(e.first_start),
                ]
            }),
        )
    }

    /// The glossary as CSV bytes.
    pub fn to_csv(&self) -> Vec<u8> {
        self.write(Vec::new(), false).expect("writing to memory")
    }
}

impl crate::families::SideCollector for Glossary {
    fn add(&mut self, rows: &[Row]) {
        self.add_part(rows);
    }

    fn end_document(&mut self) {
        Glossary::end_document(self);
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
        let mut g = PairGlossary::new();
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

    #[test]
    fn one_canonical_long_form_per_short_form_per_document() {
        let mut g = Glossary::new();
        g.add(&[
            row("a.txt", "DEFINITION", "UNDP", "UN Development Programme", 10),
            row("a.txt", "DEFINITION", "EEZ", "exclusive economic zone", 20),
            row("a.txt", "DEFINITION", "UNDP", "United Nations Development Programme", 90),
            row("a.txt", "MENTION", "UNDP", "United Nations Development Programme", 120),
            row("a.txt", "MENTION", "EEZ", "Exclusive  Economic Zone", 140),
        ]);
        g.add(&[]);
        // A Japanese long form and an English gloss on one span, one row
        // each: the Latin one is canonical.
        g.add(&[
            row("c.txt", "DEFINITION", "SSA", "宇宙状況監視", 5),
            row("c.txt", "DEFINITION", "SSA", "Space Situational Awareness", 5),
        ]);
        let csv = String::from_utf8(g.to_csv()).unwrap();
        assert_eq!(
            csv,
            "doc,short,long,variants,definitions,mentions,first_start\n\
             a.txt,EEZ,exclusive economic zone,,1,1,20\n\
             a.txt,UNDP,United Nations Development Programme,UN Development Programme,2,1,10\n\
             c.txt,SSA,Space Situational Awareness,宇宙状況監視,2,0,5\n"
        );
        assert_eq!(g.len(), 3);
    }

    #[test]
    fn variants_in_order_of_first_occurrence() {
        let mut g = Glossary::new();
        g.add(&[
            row("a.txt", "DEFINITION", "X", "Third", 30),
            row("a.txt", "DEFINITION", "X", "Second", 20),
            row("a.txt", "DEFINITION", "X", "First", 10),
            row("a.txt", "MENTION", "X", "Third", 40),
        ]);
        let csv = String::from_utf8(g.to_csv()).unwrap();
        assert!(csv.ends_with("a.txt,X,Third,First | Second,3,1,10\n"), "{csv}");
    }
}
