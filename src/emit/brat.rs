//! Documents and their rows → brat standoff files, for brat and INCEpTION.
//!
//! ```text
//! (Document, [Row]) ─▶ DIR/<doc>.txt   the exact source text
//!                   ─▶ DIR/<doc>.ann   T, R and # lines
//! finish            ─▶ DIR/annotation.conf   the types that occurred
//! ```
//!
//! brat offsets are character offsets into the `.txt` (Unicode scalar
//! values, as Python counts them; the CSV's `char_start`/`char_end`). An
//! annotation's text sits on one line of the `.ann` file, so a span with a
//! line break (a name split by PDF extraction) becomes a discontinuous span,
//! one fragment per line, `T3 ⇥ COUNTRY 1237 1239;1240 1243 ⇥ エス トニア`
//! (⇥ is a tab):
//! the fragments joined by a space, as brat writes them.
//!
//! Each row is one `T` line typed by the row's type, with one
//! `AnnotatorNotes` line carrying `normalized`, `id`, `rule` and `flags`
//! (tabs, line breaks and backslashes escaped as `\t`, `\n`, `\\`). A row
//! with a reference span (an acronym's long form, the date that anchored a
//! date) gets a `T` line for that span too, typed `LONG_FORM` for acronyms
//! and `EVIDENCE` otherwise (one per distinct span), and an `R` line:
//! `Long_form` from a definition, `Refers_to` from anything else.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

use crate::emit::atomic::AtomicFile;
use crate::emit::units::UnitOffsets;
use crate::error::{Error, Result};
use crate::extract::Document;
use crate::row::Row;

/// Writes brat files for one run into a folder.
#[derive(Debug)]
pub struct BratWriter {
    dir: PathBuf,
    /// File stems written so far, to refuse two documents sharing one.
    stems: BTreeSet<PathBuf>,
    /// Entity types and relation types seen, for `annotation.conf`.
    entity_types: BTreeSet<String>,
    relation_types: BTreeSet<&'static str>,
}

/// One `.ann` file's text, for a document.
///
/// # Panics
/// When a row's offsets are not character boundaries of the text (rows
/// come from the extractor, whose offsets always are).
pub fn annotations(doc: &Document, rows: &[Row]) -> String {
    annotate(doc, rows).0
}

/// The `.ann` text and the entity and relation types it uses.
fn annotate(doc: &Document, rows: &[Row]) -> (String, BTreeSet<String>, BTreeSet<&'static str>) {
    let text = &doc.text;
    let chars = UnitOffsets::chars(text);
    let mut out = String::new();
    let mut types = BTreeSet::new();
    let mut relations = BTreeSet::new();
    let mut t = 0;
    // Reference spans get one T line each: (start, end, type) → T number.
    let mut refs: BTreeMap<(usize, usize, &str), usize> = BTreeMap::new();
    let mut pending_relations = Vec::new();
    for r in rows {
        t += 1;
        let ty = brat_type(&r.ty);
        write_span(&mut out, t, &ty, text, &chars, r.start, r.end);
        types.insert(ty);
        let mut note = format!("normalized={}", escape_note(&r.normalized));
        for (name, value) in [("id", &r.id), ("rule", &r.rule.to_string()), ("flags", &r.flags)] {
            if !value.is_empty() {
                let _ = write!(note, "; {name}={}", escape_note(value));
            }
        }
        let _ = writeln!(out, "#{t}\tAnnotatorNotes T{t}\t{note}");
        if let (Some(rs), Some(re)) = (r.ref_start, r.ref_end) {
            let acronym = r.kind.as_str() == "acronym";
            let ref_ty = if acronym { "LONG_FORM" } else { "EVIDENCE" };
            let relation = if r.ty.as_ref() == "DEFINITION" && acronym { "Long_form" } else { "Refers_to" };
            pending_relations.push((t, (rs, re, ref_ty), relation));
        }
    }
    for (_, span, _) in &pending_relations {
        if !refs.contains_key(span) {
            t += 1;
            refs.insert(*span, t);
            write_span(&mut out, t, span.2, text, &chars, span.0, span.1);
            types.insert(span.2.to_string());
        }
    }
    for (n, (from, span, relation)) in pending_relations.iter().enumerate() {
        let _ = writeln!(out, "R{}\t{relation} Arg1:T{from} Arg2:T{}", n + 1, refs[span]);
        relations.insert(*relation);
    }
    (out, types, relations)
}

/// One `T` line: the span cut at line breaks into fragments.
fn write_span(out: &mut String, t: usize, ty: &str, text: &str, chars: &UnitOffsets<'_>, start: usize, end: usize) {
    let fragments = fragments(text, start, end);
    let offsets: Vec<String> = fragments.iter().map(|&(s, e)| format!("{} {}", chars.at(s), chars.at(e))).collect();
    let texts: Vec<&str> = fragments.iter().map(|&(s, e)| &text[s..e]).collect();
    let _ = writeln!(out, "T{t}\t{ty} {}\t{}", offsets.join(";"), texts.join(" "));
}

/// The pieces of `start..end` between line breaks (`\n`, `\r`), without
/// them; a span that is only line breaks keeps one empty fragment at its
/// start, so that every row has its `T` line.
fn fragments(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = start;
    for (i, b) in text.as_bytes()[start..end].iter().enumerate() {
        if matches!(b, b'\n' | b'\r') {
            if from < start + i {
                out.push((from, start + i));
            }
            from = start + i + 1;
        }
    }
    if from < end {
        out.push((from, end));
    }
    if out.is_empty() {
        out.push((start, start));
    }
    out
}

/// A type name brat accepts: letters, digits, `_` and `-`; anything else
/// becomes `_`.
fn brat_type(ty: &str) -> String {
    let t: String = ty.chars().map(|c| if c.is_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
    if t.is_empty() {
        "_".to_string()
    } else {
        t
    }
}

fn escape_note(s: &str) -> String {
    s.replace('\\', "\\\\").replace('\t', "\\t").replace('\n', "\\n").replace('\r', "\\r")
}

impl BratWriter {
    /// Writes into `dir`, creating it when missing. Files of other
    /// documents already there are left alone; a document's own files are
    /// replaced atomically.
    ///
    /// # Errors
    /// When the folder cannot be created.
    pub fn new(dir: &Path) -> Result<BratWriter> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io("cannot create the output folder", dir, e))?;
        Ok(BratWriter {
            dir: dir.to_path_buf(),
            stems: BTreeSet::new(),
            entity_types: BTreeSet::new(),
            relation_types: BTreeSet::new(),
        })
    }

    /// Writes `<stem>.txt` and `<stem>.ann` for one document.
    ///
    /// # Errors
    /// When two documents map to one file name, or writing fails.
    pub fn document(&mut self, doc: &Document, rows: &[Row]) -> Result<()> {
        let stem = file_stem(&doc.id);
        if !self.stems.insert(stem.clone()) {
            return Err(Error::usage(format!(
                "brat: documents `{}` and an earlier one both map to the files {}.txt/.ann; give them distinct ids",
                doc.id,
                self.dir.join(&stem).display()
            )));
        }
        let (ann, types, relations) = annotate(doc, rows);
        self.entity_types.extend(types);
        self.relation_types.extend(relations);
        let base = self.dir.join(&stem);
        write_file(&with_suffix(&base, ".txt"), doc.text.as_bytes())?;
        write_file(&with_suffix(&base, ".ann"), ann.as_bytes())
    }

    /// Writes `annotation.conf` with the types used, so that brat shows them
    /// without further configuration.
    ///
    /// # Errors
    /// When writing fails.
    pub fn finish(self) -> Result<()> {
        let mut conf = String::from("# Written by yomitori: the types of this collection.\n[entities]\n");
        for t in &self.entity_types {
            let _ = writeln!(conf, "{t}");
        }
        conf.push_str("\n[relations]\n");
        for r in &self.relation_types {
            let (from, to) = if *r == "Long_form" { ("DEFINITION", "LONG_FORM") } else { ("<ENTITY>", "<ENTITY>") };
            let _ = writeln!(conf, "{r}\tArg1:{from}, Arg2:{to}");
        }
        conf.push_str("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n[events]\n\n[attributes]\n");
        write_file(&self.dir.join("annotation.conf"), conf.as_bytes())
    }
}

pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut f = AtomicFile::create(path)?;
    f.write_all(bytes).map_err(|e| Error::io("cannot write the output", path, e))?;
    f.commit()
}

pub(crate) fn with_suffix(base: &Path, suffix: &str) -> PathBuf {
    let mut s = base.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// The file stem for a document id: its relative path without `.txt`,
/// with `..`, roots and empty parts dropped, so that no id writes outside
/// the folder; stdin (`-`) is `stdin`.
pub(crate) fn file_stem(id: &str) -> PathBuf {
    let id = id.strip_suffix(".txt").unwrap_or(id);
    let mut stem = PathBuf::new();
    for c in Path::new(id).components() {
        if let Component::Normal(part) = c {
            stem.push(part);
        }
    }
    if stem.as_os_str().is_empty() || id == "-" {
        PathBuf::from("stdin")
    } else {
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_with_line_breaks_become_fragments() {
        let text = "xエス\r\nトニアy";
        let start = text.find('エ').unwrap();
        let end = text.find('y').unwrap();
        let f = fragments(text, start, end);
        let got: Vec<&str> = f.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(got, ["エス", "トニア"]);
    }

    #[test]
    fn document_ids_stay_inside_the_folder() {
        assert_eq!(file_stem("../../etc/passwd"), PathBuf::from("etc/passwd"));
        assert_eq!(file_stem("/abs/a.txt"), PathBuf::from("abs/a"));
        assert_eq!(file_stem("-"), PathBuf::from("stdin"));
        assert_eq!(file_stem("sub/doc.txt"), PathBuf::from("sub/doc"));
    }

    #[test]
    fn type_names_are_brat_names() {
        assert_eq!(brat_type("FISCAL_YEAR"), "FISCAL_YEAR");
        assert_eq!(brat_type("a b/c"), "a_b_c");
    }
}
