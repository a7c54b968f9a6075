//! The `relative_dates` table → [`RelativeTable`]: words such as `the same
//! month`, `this year`, 同月 and 翌年, and what each refers to.
//!
//! Like the era table, this is data (`rules/dates/relative.csv`), declared as
//! `[tables.relative_dates]`: its surface columns are the macros the
//! patterns use (`{relative_en}`, `{relative_ja}`), and its other columns
//! tell the normalizer and the anchoring pass what the words mean. A new word
//! is a new row (or a new cell). Matched text is looked up ignoring ASCII
//! case and spacing.
//!
//! | column | meaning |
//! |---|---|
//! | any other column (`en`, `ja`) | the words in one language, one column per language so that each language's rules get their own macro (`{relative_en}`, `{relative_ja}`); a cell may be empty |
//! | `unit` | `year`, `month`, `day` or `fiscal_year`: what the expression names |
//! | `offset` | how many units after the base (`-1` for 昨年, `0` for 同月, `1` for 翌月) |
//! | `base` | `previous`: the nearest preceding date in the text (anaphoric: `the same month`, 翌年); `document`: the document's own date (deictic: `this year`, 今年) |
//! | `note` | free text |

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::normalize::collapse_space;
use crate::rules::tables::Table;
use crate::text::fold;

/// What a relative expression names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// A year (`this year`, 同年).
    Year,
    /// A month (`the same month`, 翌月).
    Month,
    /// A day (`the next day`, 同日).
    Day,
    /// An ISO week (`next week`, 先週).
    Week,
    /// The weekend of an ISO week (`the weekend`: `2020-W35-WE`).
    Weekend,
    /// A Japanese fiscal year, April to March (今年度).
    FiscalYear,
}

/// What a relative expression is relative to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base {
    /// The nearest preceding date expression (anaphoric).
    Previous,
    /// The document's date (deictic).
    Document,
}

/// The meaning of one relative expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Relative {
    /// What it names.
    pub unit: Unit,
    /// Units after the base.
    pub offset: i16,
    /// Relative to what.
    pub base: Base,
}

/// Relative expressions by their lookup key.
#[derive(Clone, Debug, Default)]
pub struct RelativeTable {
    by_surface: HashMap<String, Relative>,
}

/// The lookup key of a surface or of matched text: folded, ASCII-lowercased,
/// whitespace collapsed.
fn key(s: &str) -> String {
    collapse_space(&fold(s)).to_ascii_lowercase()
}

impl RelativeTable {
    /// The columns the table must have, besides its surface columns.
    pub const COLUMNS: [&'static str; 3] = ["unit", "offset", "base"];

    /// Reads and checks the `relative_dates` table.
    pub fn from_table(t: &Table, diags: &mut Vec<Diagnostic>) -> RelativeTable {
        let mut out = RelativeTable::default();
        if !t.require_columns(&Self::COLUMNS, diags) {
            return out;
        }
        let col = |n: &str| t.column(n).expect("required column");
        let (unit, offset, base) = (col("unit"), col("offset"), col("base"));
        let surfaces: Vec<usize> = (0..t.columns.len())
            .filter(|&i| !matches!(t.columns[i].as_str(), "unit" | "offset" | "base" | "note"))
            .collect();
        for row in &t.rows {
            let bad = |msg: String| t.at_row(row, Diagnostic::error("invalid-relative-date", msg));
            let unit = match row.cells[unit].as_str() {
                "year" => Unit::Year,
                "month" => Unit::Month,
                "day" => Unit::Day,
                "fiscal_year" => Unit::FiscalYear,
                "week" => Unit::Week,
                "weekend" => Unit::Weekend,
                other => {
                    diags.push(bad(format!(
                        "`unit` must be year, month, week, weekend, day or fiscal_year, found `{other}`"
                    )));
                    continue;
                }
            };
            let Ok(offset) = row.cells[offset].parse::<i16>() else {
                diags.push(bad(format!("`offset` must be a small integer, found `{}`", row.cells[offset])));
                continue;
            };
            let base = match row.cells[base].as_str() {
                "previous" => Base::Previous,
                "document" => Base::Document,
                other => {
                    diags.push(bad(format!("`base` must be previous or document, found `{other}`")));
                    continue;
                }
            };
            let words: Vec<&str> = surfaces.iter().map(|&i| row.cells[i].as_str()).filter(|w| !w.is_empty()).collect();
            if words.is_empty() {
                diags.push(bad("every row needs at least one word in a surface column".into()));
                continue;
            }
            for w in words {
                if out.by_surface.insert(key(w), Relative { unit, offset, base }).is_some() {
                    diags.push(bad(format!("`{w}` is listed twice")));
                }
            }
        }
        out
    }

    /// The meaning of matched text (case and spacing as in the document).
    pub fn get(&self, text: &str) -> Option<Relative> {
        self.by_surface.get(&key(text)).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::SourceFile;

    #[test]
    fn shipped_table_loads_and_looks_up_by_key() {
        let mut diags = Vec::new();
        let text = include_str!("../../../rules/dates/relative.csv");
        let t = Table::parse("relative_dates", SourceFile::new("relative.csv", text), &mut diags);
        let r = RelativeTable::from_table(&t, &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(r.get("The same\nmonth"), Some(Relative { unit: Unit::Month, offset: 0, base: Base::Previous }));
        assert_eq!(r.get("翌月"), Some(Relative { unit: Unit::Month, offset: 1, base: Base::Previous }));
        assert_eq!(r.get("this year").map(|r| r.base), Some(Base::Document));
        assert_eq!(r.get("昨年").map(|r| r.offset), Some(-1));
        assert_eq!(r.get("今年度").map(|r| r.unit), Some(Unit::FiscalYear));
        assert_eq!(r.get("Next week").map(|r| (r.unit, r.offset)), Some((Unit::Week, 1)));
        assert!(r.get("the same decade").is_none());
    }

    #[test]
    fn bad_rows_are_reported() {
        let mut diags = Vec::new();
        let csv = "en,ja,unit,offset,base\nx,,fortnight,0,previous\ny,,year,one,previous\nz,,year,0,later\nw,ｗ,year,0,previous\n,,year,1,document\n";
        let t = Table::parse("relative_dates", SourceFile::new("r.csv", csv), &mut diags);
        RelativeTable::from_table(&t, &mut diags);
        let msgs: Vec<&str> = diags.iter().map(Diagnostic::message).collect();
        assert_eq!(msgs.len(), 5, "{msgs:?}");
        assert!(msgs[3].contains("twice"), "full-width ｗ folds to w: {msgs:?}");
        assert!(msgs[4].contains("at least one word"), "{msgs:?}");
    }
}
