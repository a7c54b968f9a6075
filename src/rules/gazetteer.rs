//! Gazetteer CSV → [`Term`]s: surface forms with their canonical name and id.
//!
//! The CSV has a header. `surface` and `canonical` are required; the other
//! columns are optional and may be left empty in any row:
//!
//! | column | meaning |
//! |---|---|
//! | `surface` | text to find (folded like documents: `ＮＡＴＯ` = `NATO`) |
//! | `canonical` | value of the `normalized` column |
//! | `id` | value of the `id` column (`JP`, `org:nato`) |
//! | `type` | overrides the rule's `type` for this row (`NATIONALITY`) |
//! | `case_sensitive` | `true`/`false`; empty inherits the rule's setting |
//! | `whole_word` | `true`/`false`; empty inherits the rule's setting |
//! | `note`, `source` | free text for people, ignored by the matcher |
//!
//! Any other column is an error, so a misspelt header is caught.

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, SourceFile};
use crate::text::fold;

/// One gazetteer row, ready for the automaton.
#[derive(Clone, Debug)]
pub struct Term {
    /// Folded surface form.
    pub surface: String,
    /// The `normalized` value.
    pub canonical: Arc<str>,
    /// The `id` value; empty when none.
    pub id: Arc<str>,
    /// Per-row type, overriding the rule's.
    pub ty: Option<Arc<str>>,
    /// Whether ASCII case must match exactly.
    pub case_sensitive: bool,
    /// Whether Latin-script edges must be word edges.
    pub whole_word: bool,
    /// 1-based line of the row in the CSV, for messages.
    pub line: usize,
}

const KNOWN: &[&str] = &["surface", "canonical", "id", "type", "case_sensitive", "whole_word", "note", "source"];

/// Reads the gazetteer `file` (already in memory). `case_sensitive` and
/// `whole_word` are the rule's defaults. Problems are pushed to `diags`;
/// rows with problems are left out.
pub fn parse(file: &SourceFile, case_sensitive: bool, whole_word: bool, diags: &mut Vec<Diagnostic>) -> Vec<Term> {
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(file.text().as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            diags.push(csv_error(file, &e));
            return Vec::new();
        }
    };
    let mut col = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        let name = h.trim().trim_start_matches('\u{FEFF}');
        if !KNOWN.contains(&name) {
            let at = file.text().find(h).unwrap_or(0);
            diags.push(
                Diagnostic::error("unknown-column", format!("unknown gazetteer column `{name}`"))
                    .at(file, at, at + h.len())
                    .note(format!("expected columns: {}", KNOWN.join(", "))),
            );
            continue;
        }
        col.insert(name.to_string(), i);
    }
    for required in ["surface", "canonical"] {
        if !col.contains_key(required) {
            diags.push(Diagnostic::error("missing-column", format!("gazetteer has no `{required}` column")).at(
                file,
                0,
                file.text().find('\n').unwrap_or(file.text().len()),
            ));
        }
    }
    if !col.contains_key("surface") || !col.contains_key("canonical") {
        return Vec::new();
    }
    // Column indexes resolved once, not looked up by name in every row: a
    // user's list can have hundreds of thousands of rows.
    let index = |name: &str| col.get(name).copied();
    let [surface_col, canonical_col, id_col, type_col, case_col, word_col] =
        ["surface", "canonical", "id", "type", "case_sensitive", "whole_word"].map(index);
    let mut terms = Vec::new();
    // Shared so that the rows of one name (its surfaces are listed
    // together) hold one string: a row's value is the previous row's when
    // equal, and the few types go through a map. A map of every value
    // cost two hashes and two allocations a row on a user's long list.
    let mut types: HashMap<String, Arc<str>> = HashMap::new();
    let mut intern_type = |s: &str| {
        types.get(s).cloned().unwrap_or_else(|| {
            let a: Arc<str> = Arc::from(s);
            types.insert(s.to_string(), a.clone());
            a
        })
    };
    let empty: Arc<str> = Arc::from("");
    let (mut last_canonical, mut last_id) = (empty.clone(), empty);
    let share = |last: &mut Arc<str>, s: &str| {
        if &**last != s {
            *last = Arc::from(s);
        }
        last.clone()
    };
    let mut seen: HashMap<(String, bool), usize> = HashMap::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                diags.push(csv_error(file, &e));
                if e.is_io_error() {
                    break;
                }
                continue;
            }
        }
        let pos = record.position().map_or(0, |p| p.byte() as usize);
        let line = record.position().map_or(0, |p| p.line() as usize);
        let row_end = file.text()[pos..].find('\n').map_or(file.text().len(), |p| pos + p);
        let get = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("").trim();
        let surface = get(surface_col);
        let canonical = get(canonical_col);
        if surface.is_empty() || canonical.is_empty() {
            diags.push(
                Diagnostic::error("empty-term", "every row needs a `surface` and a `canonical` value")
                    .at(file, pos, row_end),
            );
            continue;
        }
        let case_sensitive = cell_flag(get(case_col), "case_sensitive", case_sensitive, file, (pos, row_end), diags);
        let whole_word = cell_flag(get(word_col), "whole_word", whole_word, file, (pos, row_end), diags);
        let folded = fold(surface).into_owned();
        let key = (if case_sensitive { folded.clone() } else { folded.to_ascii_lowercase() }, case_sensitive);
        match seen.entry(key) {
            Entry::Occupied(prev) => {
                diags.push(
                    Diagnostic::error(
                        "duplicate-term",
                        format!("`{surface}` is already listed on line {}", prev.get()),
                    )
                    .at(file, pos, row_end)
                    .note("list a surface once; an ambiguous surface needs a curated decision"),
                );
                continue;
            }
            Entry::Vacant(v) => {
                v.insert(line);
            }
        }
        let ty = Some(get(type_col)).filter(|t| !t.is_empty()).map(&mut intern_type);
        terms.push(Term {
            surface: folded,
            canonical: share(&mut last_canonical, canonical),
            id: share(&mut last_id, get(id_col)),
            ty,
            case_sensitive,
            whole_word,
            line,
        });
    }
    terms
}

/// A CSV error of `file` as an `invalid-csv` diagnostic at its byte (shared
/// by every CSV the rules load).
pub(crate) fn csv_error(file: &SourceFile, e: &csv::Error) -> Diagnostic {
    let pos = e.position().map_or(0, |p| p.byte() as usize);
    Diagnostic::error("invalid-csv", e.to_string()).at(file, pos, pos + 1)
}

/// The `true`/`false` cell `value` of column `name` in the row at `at` of
/// `file`; `default` when empty or invalid (invalid is reported). Shared
/// by gazetteer and compound-rule CSVs, so that both accept the same words.
pub(super) fn cell_flag(
    value: &str,
    name: &str,
    default: bool,
    file: &SourceFile,
    at: (usize, usize),
    diags: &mut Vec<Diagnostic>,
) -> bool {
    match value {
        "" => default,
        "true" | "yes" | "1" => true,
        "false" | "no" | "0" => false,
        other => {
            diags.push(
                Diagnostic::error("invalid-value", format!("`{name}` must be true or false, found `{other}`"))
                    .at(file, at.0, at.1),
            );
            default
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rows_and_defaults() {
        let file = SourceFile::new(
            "g.csv",
            "surface,canonical,id,case_sensitive\nＮＡＴＯ,North Atlantic Treaty Organization,org:nato,\njapan,Japan,JP,false\n",
        );
        let mut diags = Vec::new();
        let terms = parse(&file, true, true, &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(terms[0].surface, "NATO");
        assert!(terms[0].case_sensitive);
        assert!(!terms[1].case_sensitive);
        assert_eq!(&*terms[1].id, "JP");
        assert_eq!(terms[1].line, 3);
    }

    #[test]
    fn reports_unknown_column_and_duplicates() {
        let file = SourceFile::new("g.csv", "surface,canonical,colour\nJapan,Japan,red\nJapan,Nippon,blue\n");
        let mut diags = Vec::new();
        let terms = parse(&file, true, true, &mut diags);
        let codes: Vec<_> = diags.iter().map(Diagnostic::code).collect();
        assert_eq!(codes, ["unknown-column", "duplicate-term"]);
        assert_eq!(terms.len(), 1);
        assert_eq!(diags[1].location().unwrap().1, 3);
    }
}
