//! `[tables.<name>]` of a rule file → [`Table`]: a named CSV file that feeds
//! both sides of a rule family, so that one data file decides what the
//! patterns match and how the matches convert.
//!
//! * **Macros from a column.** `macros = { era = "name" }` defines the macro
//!   `{era}` as the alternation of the column's values: folded like
//!   documents, regex-escaped, longest first (so that leftmost-first
//!   matching prefers `平成` over a shorter prefix), duplicates and empty
//!   cells dropped.
//! * **Normalizer data.** The loaded tables are handed to
//!   [`crate::normalize::Resources::load`], where a normalizer that knows a
//!   table by name reads and validates its rows (the era table of the date
//!   normalizers, for instance), reporting bad rows at their CSV line.
//!
//! Adding a row to the CSV therefore extends the patterns and the
//! conversion at once, without touching a rule or Rust.

use std::collections::BTreeMap;

use toml::Spanned;

use super::macros::{Macro, StrLoc};
use super::schema::RawTable;
use crate::diagnostic::{Diagnostic, SourceFile};
use crate::text::fold;

/// A named CSV table, header and rows as text.
#[derive(Clone, Debug)]
pub struct Table {
    /// The name in `[tables.<name>]`.
    pub name: String,
    /// The CSV file.
    pub file: SourceFile,
    /// Header names, trimmed.
    pub columns: Vec<String>,
    /// Data rows, in file order.
    pub rows: Vec<TableRow>,
}

/// One data row of a [`Table`].
#[derive(Clone, Debug)]
pub struct TableRow {
    /// Cells, trimmed; as many as the header has columns.
    pub cells: Vec<String>,
    /// Byte span of the row in the CSV file, for diagnostics.
    pub span: (usize, usize),
}

impl Table {
    /// Parses `file` as a CSV with a header. Rows with the wrong number of
    /// cells are reported and left out.
    pub fn parse(name: &str, file: SourceFile, diags: &mut Vec<Diagnostic>) -> Table {
        let mut table = Table { name: name.to_string(), file, columns: Vec::new(), rows: Vec::new() };
        let text = table.file.text().to_string();
        let mut reader = csv::ReaderBuilder::new().has_headers(true).flexible(true).from_reader(text.as_bytes());
        match reader.headers() {
            Ok(h) => table.columns = h.iter().map(|c| c.trim().trim_start_matches('\u{FEFF}').to_string()).collect(),
            Err(e) => {
                diags.push(Diagnostic::error("invalid-table", format!("table `{name}`: {e}")).in_file(&table.file));
                return table;
            }
        }
        for record in reader.records() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    let at = e.position().map_or(0, |p| p.byte() as usize);
                    diags.push(Diagnostic::error("invalid-table", format!("table `{name}`: {e}")).at(
                        &table.file,
                        at,
                        at + 1,
                    ));
                    continue;
                }
            };
            let start = record.position().map_or(0, |p| p.byte() as usize);
            let span = (start, text[start..].find('\n').map_or(text.len(), |p| start + p));
            if record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            if record.len() != table.columns.len() {
                diags.push(
                    Diagnostic::error(
                        "invalid-table",
                        format!(
                            "table `{name}`: row has {} cells, but the header has {} columns",
                            record.len(),
                            table.columns.len()
                        ),
                    )
                    .at(&table.file, span.0, span.1),
                );
                continue;
            }
            table.rows.push(TableRow { cells: record.iter().map(|c| c.trim().to_string()).collect(), span });
        }
        table
    }

    /// Index of the column `name`.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }

    /// Reports each of `names` that is not a column; true when all are.
    pub fn require_columns(&self, names: &[&str], diags: &mut Vec<Diagnostic>) -> bool {
        let mut ok = true;
        for n in names {
            if self.column(n).is_none() {
                ok = false;
                let header_end = self.file.text().find('\n').unwrap_or(self.file.text().len());
                diags.push(
                    Diagnostic::error("missing-column", format!("table `{}` has no `{n}` column", self.name))
                        .at(&self.file, 0, header_end.max(1))
                        .note(format!("columns: {}", self.columns.join(", "))),
                );
            }
        }
        ok
    }

    /// A diagnostic pointing at `row`.
    pub fn at_row(&self, row: &TableRow, d: Diagnostic) -> Diagnostic {
        d.at(&self.file, row.span.0, row.span.1)
    }

    /// The regex alternation of column `col`'s values: folded, escaped,
    /// longest first, without duplicates or empty cells. Empty when the
    /// column has no values.
    pub fn alternation(&self, col: usize) -> String {
        let mut values: Vec<String> = self
            .rows
            .iter()
            .map(|r| r.cells[col].as_str())
            .filter(|v| !v.is_empty())
            .map(|v| regex_syntax::escape(&fold(v)))
            .collect();
        values.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        values.dedup();
        values.join("|")
    }
}

/// The tables declared by one rule file, read and parsed, with the macros
/// they define. Paths are relative to the rule file's folder.
pub fn load(
    file: &SourceFile,
    raw: &BTreeMap<String, Spanned<RawTable>>,
    tree: &super::tree::RuleTree,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(Table, Vec<(String, Macro)>)> {
    let mut out = Vec::new();
    for (name, t) in raw {
        let t_ref = t.get_ref();
        let path = super::validate::resolve(file.path(), t_ref.path.get_ref());
        let text = match tree.read(&path) {
            Ok(text) => text.into_owned(),
            Err(e) => {
                if let Some(d) = super::tree::utf8_diagnostic(&path, &e) {
                    diags.push(d);
                    continue;
                }
                diags.push(
                    Diagnostic::error(
                        "missing-table",
                        format!("cannot read table `{name}` at `{}`: {e}", path.display()),
                    )
                    .at(file, t_ref.path.span().start, t_ref.path.span().end)
                    .note("the path is relative to the rule file's folder"),
                );
                continue;
            }
        };
        let table = Table::parse(name, SourceFile::new(path, text), diags);
        let mut macros = Vec::new();
        for (macro_name, column) in &t_ref.macros {
            let span = column.span();
            let Some(col) = table.column(column.get_ref()) else {
                diags.push(
                    Diagnostic::error(
                        "unknown-column",
                        format!("table `{name}` has no column `{}` for macro `{macro_name}`", column.get_ref()),
                    )
                    .at(file, span.start, span.end)
                    .note(format!("columns: {}", table.columns.join(", "))),
                );
                continue;
            };
            let text = table.alternation(col);
            if text.is_empty() {
                diags.push(
                    Diagnostic::error(
                        "empty-macro",
                        format!(
                            "column `{}` of table `{name}` has no values; macro `{macro_name}` would match nothing",
                            column.get_ref()
                        ),
                    )
                    .at(file, span.start, span.end),
                );
                continue;
            }
            let loc = StrLoc::of_value(file, span);
            macros.push((macro_name.clone(), Macro { text, loc, generated: true }));
        }
        out.push((table, macros));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternation_is_folded_escaped_and_longest_first() {
        let file = SourceFile::new("t.csv", "name,x\n平成,1\n令和,2\nＡ.Ｂ,3\n,4\n平成,5\nlonger,6\n");
        let mut diags = Vec::new();
        let t = Table::parse("t", file, &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(t.alternation(0), "longer|令和|平成|A\\.B");
    }

    #[test]
    fn short_rows_are_reported_at_their_line() {
        let file = SourceFile::new("t.csv", "a,b\n1,2\n3\n");
        let mut diags = Vec::new();
        let t = Table::parse("t", file, &mut diags);
        assert_eq!(t.rows.len(), 1);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code(), "invalid-table");
        assert_eq!(diags[0].location().unwrap().1, 3);
    }
}
