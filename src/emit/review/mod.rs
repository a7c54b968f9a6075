//! Documents and their rows → one self-contained HTML review page.
//!
//! ```text
//! (Document, [Row]) ... ─▶ ReviewWriter ─▶ page.html with review.css and
//!                          review.js inlined, the documents as one JSON block
//! ```
//!
//! The page needs no network and no server: open it from a `file://` URL.
//! Rust writes the data, the page's script draws it. Each document's text
//! and rows go into one `<script type="application/json">` block, written
//! document by document as they arrive (memory stays bounded by one
//! document); the script renders the selected document with DOM text nodes
//! only, never `innerHTML`, so hostile document text cannot become markup.
//! Inside the JSON block `<`, `>` and `&` are written as `\u003c` ... so that
//! no document can close the block (`</script>`) or open a comment.
//!
//! Rows carry the CSV's byte offsets (`data-start`, `data-end` on the marks)
//! and, for the script, the same spans in UTF-16 code units, which is what
//! JavaScript strings index.

use std::io::{self, Write};

use serde::Serialize;

use crate::emit::units::UnitOffsets;
use crate::extract::Document;
use crate::row::Row;

/// How many documents a page holds by default. The document list, the
/// counts and the filters stay responsive in a browser at this size; the
/// text of a document is drawn only when it is selected.
pub const DEFAULT_MAX_DOCUMENTS: usize = 500;

const TEMPLATE: &str = include_str!("page.html");
const CSS: &str = include_str!("review.css");
const JS: &str = include_str!("review.js");
/// The template's markers: the title (twice), the stylesheet, the data,
/// the script.
const MARKERS: [&str; 4] = ["@@TITLE@@", "@@CSS@@", "@@DATA@@", "@@JS@@"];

/// Writes a review page, one document at a time.
pub struct ReviewWriter<W: Write> {
    out: W,
    documents: usize,
    /// The template after the data marker: `@@JS@@` and the rest.
    tail: &'static str,
}

/// One document as the page's script reads it.
#[derive(Serialize)]
struct DocData<'a> {
    id: &'a str,
    text: &'a str,
    rows: Vec<RowData<'a>>,
}

/// One row: the CSV fields the page shows, plus UTF-16 spans.
#[derive(Serialize)]
struct RowData<'a> {
    kind: &'a str,
    #[serde(rename = "type")]
    ty: &'a str,
    text: &'a str,
    normalized: &'a str,
    id: &'a str,
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    rule: &'a str,
    ref_start: Option<usize>,
    ref_end: Option<usize>,
    flags: &'a str,
    /// `start..end` in UTF-16 code units.
    u: [usize; 2],
    /// `ref_start..ref_end` in UTF-16 code units.
    ur: Option<[usize; 2]>,
}

impl<W: Write> ReviewWriter<W> {
    /// Writes the page up to the first document. `title` is shown in the
    /// browser's title bar and the page header.
    ///
    /// # Errors
    /// When writing to `out` fails.
    pub fn new(mut out: W, title: &str) -> io::Result<ReviewWriter<W>> {
        let (before_css, rest) = split(TEMPLATE, MARKERS[1]);
        let (css_to_data, tail) = split(rest, MARKERS[2]);
        // The title is filled in after the cuts, so a title that spells a
        // marker cannot move them.
        let title = escape_html(title);
        out.write_all(before_css.replace(MARKERS[0], &title).as_bytes())?;
        out.write_all(CSS.as_bytes())?;
        out.write_all(css_to_data.replace(MARKERS[0], &title).as_bytes())?;
        out.write_all(br#"{"generator":"yomitori "#)?;
        out.write_all(env!("CARGO_PKG_VERSION").as_bytes())?;
        out.write_all(br#"","documents":["#)?;
        Ok(ReviewWriter { out, documents: 0, tail })
    }

    /// Adds one document and its rows (in the order the extractor gives
    /// them).
    ///
    /// # Errors
    /// When writing fails.
    pub fn document(&mut self, doc: &Document, rows: &[Row]) -> io::Result<()> {
        let utf16 = UnitOffsets::utf16(&doc.text);
        let data = DocData {
            id: &doc.id,
            text: &doc.text,
            rows: rows
                .iter()
                .map(|r| RowData {
                    kind: r.kind.as_str(),
                    ty: &r.ty,
                    text: &r.text,
                    normalized: &r.normalized,
                    id: &r.id,
                    start: r.start,
                    end: r.end,
                    line: r.line,
                    column: r.column,
                    rule: &r.rule,
                    ref_start: r.ref_start,
                    ref_end: r.ref_end,
                    flags: &r.flags,
                    u: [utf16.at(r.start), utf16.at(r.end)],
                    ur: r.ref_start.zip(r.ref_end).map(|(s, e)| [utf16.at(s), utf16.at(e)]),
                })
                .collect(),
        };
        let json = serde_json::to_string(&data).map_err(io::Error::other)?;
        if self.documents > 0 {
            self.out.write_all(b",\n")?;
        }
        self.out.write_all(escape_json_for_script(&json).as_bytes())?;
        self.documents += 1;
        Ok(())
    }

    /// Documents written so far.
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// Ends the data and writes the script; returns the writer.
    ///
    /// # Errors
    /// When writing or flushing fails.
    pub fn finish(mut self) -> io::Result<W> {
        let (data_to_js, after_js) = split(self.tail, MARKERS[3]);
        self.out.write_all(b"]}")?;
        self.out.write_all(data_to_js.as_bytes())?;
        self.out.write_all(JS.as_bytes())?;
        self.out.write_all(after_js.as_bytes())?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// The template before and after `marker`.
fn split<'t>(template: &'t str, marker: &str) -> (&'t str, &'t str) {
    template.split_once(marker).unwrap_or_else(|| panic!("review template lacks {marker}"))
}

/// Text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// JSON that can sit inside a `<script>` element: `<`, `>` and `&` only
/// occur inside JSON strings, where their `\u` escapes mean the same; the
/// line and paragraph separators are escaped for older JavaScript engines.
fn escape_json_for_script(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 32);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_in_script_cannot_close_the_block() {
        let json = serde_json::to_string("</script><!-- & \u{2028}").unwrap();
        let escaped = escape_json_for_script(&json);
        assert!(!escaped.contains('<') && !escaped.contains('>') && !escaped.contains('&'), "{escaped}");
        let back: String = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, "</script><!-- & \u{2028}");
    }

    #[test]
    fn titles_are_escaped() {
        assert_eq!(escape_html(r#"<a href="x">'&"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;");
    }
}
