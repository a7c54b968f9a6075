//! Documents and their date rows → TimeML files, for TempEval tooling.
//!
//! ```text
//! (Document, [Row]) ─▶ DIR/<doc>.tml   the text with inline TIMEX3 elements
//! ```
//!
//! One file per document, named as brat names its `.txt` (`<doc>.tml`),
//! written atomically:
//!
//! ```xml
//! <?xml version="1.0" encoding="UTF-8"?>
//! <TimeML>
//! <DOCID>news.txt</DOCID>
//! <DCT><TIMEX3 tid="t0" type="DATE" value="2022-01-27" temporalFunction="false" functionInDocument="CREATION_TIME">2022-01-27</TIMEX3></DCT>
//! <TEXT>… met on <TIMEX3 tid="t1" type="DATE" value="2022-01-26" temporalFunction="true" anchorTimeID="t0">Wednesday</TIMEX3> …</TEXT>
//! </TimeML>
//! ```
//!
//! * Only the date family goes in (rows of kind `date`); entities,
//!   acronyms and amounts have no TimeML element.
//! * `type` and `mod` from the row's type: `TIME*` is `TIME`, `DURATION`
//!   and `SET` are themselves, everything else (`DATE`, `INTERVAL`,
//!   `FISCAL_YEAR`, `DECADE`) is `DATE`; an interval with a time of day is
//!   `TIME`. A `_START`, `_MID`, `_END` suffix becomes `mod="START"`,
//!   `"MID"`, `"END"`. A set's `freq=…` flag becomes its `freq`.
//! * `value` is the row's `normalized` as it is (intervals keep their ISO
//!   `start/end` value: a departure from TimeML 1.2.1, `docs/dates.md`).
//! * The `DCT` holds the document's reference date
//!   ([`creation_time`]) as `t0`, when it has one. An anchored row gets
//!   `temporalFunction="true"` and `anchorTimeID`: `t0` when it was
//!   resolved from the reference date, else the TIMEX3 at its reference
//!   span (the antecedent it took its year from), when that is an element.
//! * TIMEX3 elements cannot overlap. Date rows are taken in order of start,
//!   the longer first at one start; a row that starts inside the last kept
//!   one is left out. So a nested row gives way to the one around it, and of
//!   two crossing rows the earlier one stays. Empty rows are left out.
//! * The `TEXT` element's text nodes are the document's text exactly: `&`,
//!   `<`, `>` are escaped and a carriage return is written `&#13;` (an XML
//!   parser turns a literal CR LF into LF). Characters XML 1.0 cannot carry
//!   at all, even escaped (C0 controls but tab and line breaks, U+FFFE,
//!   U+FFFF), are written as U+FFFD, the one change to the text.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::emit::brat::{file_stem, with_suffix, write_file};
use crate::error::{Error, Result};
use crate::extract::Document;
use crate::families::dates::anchor::{creation_time, CreationSource};
use crate::families::dates::{Anchor, KIND};
use crate::row::Row;

/// Writes one `.tml` file per document into a folder.
#[derive(Debug)]
pub struct TimemlWriter {
    dir: PathBuf,
    anchor: Anchor,
    /// File stems written so far, to refuse two documents sharing one.
    stems: BTreeSet<PathBuf>,
}

impl TimemlWriter {
    /// Writes into `dir`, creating it when missing; `anchor` is the run's
    /// anchoring, which decides the reference date as the extractor did.
    ///
    /// # Errors
    /// When the folder cannot be created.
    pub fn new(dir: &Path, anchor: Anchor) -> Result<TimemlWriter> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io("cannot create the output folder", dir, e))?;
        Ok(TimemlWriter { dir: dir.to_path_buf(), anchor, stems: BTreeSet::new() })
    }

    /// The file a document is written to.
    pub fn path_for(&self, doc: &Document) -> PathBuf {
        with_suffix(&self.dir.join(file_stem(&doc.id)), ".tml")
    }

    /// Writes `<stem>.tml` for one document.
    ///
    /// # Errors
    /// When two documents map to one file name, or writing fails.
    pub fn document(&mut self, doc: &Document, rows: &[Row]) -> Result<()> {
        let stem = file_stem(&doc.id);
        if !self.stems.insert(stem.clone()) {
            return Err(Error::usage(format!(
                "timeml: documents `{}` and an earlier one both map to the file {}.tml; give them distinct ids",
                doc.id,
                self.dir.join(&stem).display()
            )));
        }
        write_file(&self.path_for(doc), document(doc, rows, self.anchor).as_bytes())
    }
}

/// The TimeML text of one document.
///
/// # Panics
/// When a row's offsets are not character boundaries of the text (rows
/// come from the extractor, whose offsets always are).
pub fn document(doc: &Document, rows: &[Row], anchor: Anchor) -> String {
    let text = &doc.text;
    let dct = creation_time(text, rows, anchor, doc.date.as_deref());
    let kept = timex_rows(rows);
    let tids: BTreeMap<(usize, usize), usize> =
        kept.iter().enumerate().map(|(i, r)| ((r.start, r.end), i + 1)).collect();
    let mut out = String::with_capacity(text.len() + 64 * kept.len() + 256);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n<DOCID>");
    escape_text(&mut out, &doc.id);
    out.push_str("</DOCID>\n");
    if let Some(d) = &dct {
        out.push_str("<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"");
        escape_attr(&mut out, &d.value);
        out.push_str("\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">");
        escape_text(&mut out, &d.value);
        out.push_str("</TIMEX3></DCT>\n");
    }
    out.push_str("<TEXT>");
    let mut at = 0;
    for (i, r) in kept.iter().enumerate() {
        escape_text(&mut out, &text[at..r.start]);
        let (ty, modifier) = timex_type(&r.ty, &r.normalized);
        let _ = write!(out, "<TIMEX3 tid=\"t{}\" type=\"{ty}\" value=\"", i + 1);
        escape_attr(&mut out, &r.normalized);
        out.push('"');
        if let Some(m) = modifier {
            let _ = write!(out, " mod=\"{m}\"");
        }
        if let Some(freq) = r.flags.split(';').find_map(|f| f.strip_prefix("freq=")) {
            out.push_str(" freq=\"");
            escape_attr(&mut out, freq);
            out.push('"');
        }
        if r.flags.split(';').any(|f| f == "anchored") {
            out.push_str(" temporalFunction=\"true\"");
            let from_reference = match (&dct, r.ref_start.zip(r.ref_end)) {
                (Some(d), None) => d.source == CreationSource::Given,
                (Some(d), Some(span)) => d.span == Some(span) || r.flags.split(';').any(|f| f == "anchor_inferred"),
                (None, _) => false,
            };
            let anchor_tid = if from_reference {
                Some(0)
            } else {
                r.ref_start.zip(r.ref_end).and_then(|span| tids.get(&span).copied())
            };
            if let Some(t) = anchor_tid {
                let _ = write!(out, " anchorTimeID=\"t{t}\"");
            }
        }
        out.push('>');
        escape_text(&mut out, &text[r.start..r.end]);
        out.push_str("</TIMEX3>");
        at = r.end;
    }
    escape_text(&mut out, &text[at..]);
    out.push_str("</TEXT>\n</TimeML>\n");
    out
}

/// The date rows that become TIMEX3 elements, in text order, none
/// overlapping: by start, the longer first at one start; a row starting
/// before the end of the last kept one is left out.
fn timex_rows(rows: &[Row]) -> Vec<&Row> {
    let mut dates: Vec<&Row> = rows.iter().filter(|r| r.kind == KIND && r.start < r.end).collect();
    dates.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut kept: Vec<&Row> = Vec::with_capacity(dates.len());
    for r in dates {
        if kept.last().is_none_or(|last| r.start >= last.end) {
            kept.push(r);
        }
    }
    kept
}

/// TIMEX3 `type` and `mod` for a row's type (see the module doc).
fn timex_type(ty: &str, value: &str) -> (&'static str, Option<&'static str>) {
    let (base, modifier) = if let Some(b) = ty.strip_suffix("_START") {
        (b, Some("START"))
    } else if let Some(b) = ty.strip_suffix("_MID") {
        (b, Some("MID"))
    } else if let Some(b) = ty.strip_suffix("_END") {
        (b, Some("END"))
    } else {
        (ty, None)
    };
    let has_time = |v: &str| v.split('/').any(|p| p.contains('T'));
    let t = match base {
        "TIME" => "TIME",
        "DURATION" => "DURATION",
        "SET" => "SET",
        "INTERVAL" if has_time(value) => "TIME",
        _ => "DATE",
    };
    (t, modifier)
}

/// A character XML 1.0 allows (production `Char`).
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Appends `s` as element content: `&`, `<`, `>` escaped, CR as `&#13;`.
fn escape_text(out: &mut String, s: &str) {
    let mut from = 0;
    for (i, c) in s.char_indices() {
        let rep = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '\r' => "&#13;",
            c if !xml_char(c) => "\u{FFFD}",
            _ => continue,
        };
        out.push_str(&s[from..i]);
        out.push_str(rep);
        from = i + c.len_utf8();
    }
    out.push_str(&s[from..]);
}

/// Appends `s` as a double-quoted attribute value: as content, plus `"`,
/// `'` and the whitespace an XML parser would turn into spaces.
fn escape_attr(out: &mut String, s: &str) {
    let mut from = 0;
    for (i, c) in s.char_indices() {
        let rep = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&apos;",
            '\t' => "&#9;",
            '\n' => "&#10;",
            '\r' => "&#13;",
            c if !xml_char(c) => "\u{FFFD}",
            _ => continue,
        };
        out.push_str(&s[from..i]);
        out.push_str(rep);
        from = i + c.len_utf8();
    }
    out.push_str(&s[from..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(s: &str) -> String {
        let mut out = String::new();
        escape_text(&mut out, s);
        out
    }

    #[test]
    fn text_is_escaped_and_keeps_carriage_returns() {
        assert_eq!(escaped("a & b <c> 令和\r\n"), "a &amp; b &lt;c&gt; 令和&#13;\n");
        assert_eq!(escaped("x\u{c}y"), "x\u{FFFD}y");
        let mut a = String::new();
        escape_attr(&mut a, "\"'\t");
        assert_eq!(a, "&quot;&apos;&#9;");
    }

    #[test]
    fn types_and_modifiers() {
        assert_eq!(timex_type("DATE", "2020"), ("DATE", None));
        assert_eq!(timex_type("FISCAL_YEAR_END", "2020-04/2021-03"), ("DATE", Some("END")));
        assert_eq!(timex_type("DECADE_START", "199"), ("DATE", Some("START")));
        assert_eq!(timex_type("TIME_MID", "T10:00"), ("TIME", Some("MID")));
        assert_eq!(timex_type("INTERVAL", "2014/2020"), ("DATE", None));
        assert_eq!(timex_type("INTERVAL", "T10:00/T12:00"), ("TIME", None));
        assert_eq!(timex_type("DURATION", "P3Y"), ("DURATION", None));
        assert_eq!(timex_type("SET", "P1Y"), ("SET", None));
    }
}
