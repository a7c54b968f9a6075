//! The amounts family's tables (`rules/amounts/*.csv`) → lookups for the
//! normalizers: currency surfaces → ISO 4217 codes, scale words and kanji
//! units → powers of ten, qualifiers → flags.
//!
//! The same CSV columns are the macros the patterns match
//! (`{amt_currency_before}`, `{amt_scale}`, ...), so a row added here is
//! matched and converted at once. Lookups are by the folded text, ASCII
//! case ignored and whitespace collapsed, because the patterns match those
//! words case-insensitively and across line breaks.

use std::collections::HashMap;
use std::fmt;

use crate::diagnostic::Diagnostic;
use crate::normalize::collapse_space;
use crate::rules::tables::Table;
use crate::text::fold;

/// What a qualifier says about an amount; the flag it sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bound {
    /// `about`, `約`, `程度`: `approx`.
    Approx,
    /// `more than`, `以上`, `超`: `min`.
    Min,
    /// `up to`, `未満`, `以下`: `max`.
    Max,
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.flag())
    }
}

impl Bound {
    /// The flag name.
    pub fn flag(self) -> &'static str {
        match self {
            Bound::Approx => "approx",
            Bound::Min => "min",
            Bound::Max => "max",
        }
    }
}

/// The amounts normalizers' data.
#[derive(Clone, Debug, Default)]
pub struct AmountData {
    /// Currency surface (key) → ISO 4217 code, from `[tables.currencies]`.
    currencies: HashMap<String, String>,
    /// Scale words and units with their power of ten, longest first, from
    /// `[tables.scales]`.
    units: Vec<(String, u32)>,
    /// Qualifier (key) → bound, from `[tables.qualifiers]`.
    qualifiers: HashMap<String, Bound>,
}

/// The lookup key of a surface: folded like documents, whitespace
/// collapsed, ASCII lowercase (as the relative-date words are keyed).
fn key(s: &str) -> String {
    collapse_space(&fold(s)).to_ascii_lowercase()
}

/// Files the non-empty `before` and `after` cells of a row under `value`,
/// reporting a row with neither and a surface already filed under another
/// value.
fn file_surfaces<V: Clone + PartialEq + fmt::Display>(
    map: &mut HashMap<String, V>,
    cells: [&str; 2],
    value: &V,
    bad: impl Fn(String) -> Diagnostic,
    diags: &mut Vec<Diagnostic>,
) {
    if cells.iter().all(|c| c.is_empty()) {
        diags.push(bad("every row needs a `before` or an `after` surface".into()));
    }
    for s in cells.into_iter().filter(|c| !c.is_empty()) {
        match map.insert(key(s), value.clone()) {
            Some(old) if old != *value => diags.push(bad(format!("`{s}` is already listed as {old}"))),
            _ => {}
        }
    }
}

impl AmountData {
    /// Reads the tables the amounts normalizers know: `currencies`, `scales`
    /// and `qualifiers`. Bad rows are reported at their CSV line.
    pub fn load(tables: &[Table], diags: &mut Vec<Diagnostic>) -> AmountData {
        let mut data = AmountData::default();
        for t in tables {
            match t.name.as_str() {
                "currencies" => data.load_currencies(t, diags),
                "scales" => data.load_scales(t, diags),
                "qualifiers" => data.load_qualifiers(t, diags),
                _ => {}
            }
        }
        data.units.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        data
    }

    fn load_currencies(&mut self, t: &Table, diags: &mut Vec<Diagnostic>) {
        if !t.require_columns(&["before", "after", "code"], diags) {
            return;
        }
        let col = |n: &str| t.column(n).expect("required column");
        let (before, after, code) = (col("before"), col("after"), col("code"));
        for row in &t.rows {
            let bad = |msg: String| t.at_row(row, Diagnostic::error("invalid-currency", msg));
            let c = &row.cells[code];
            if c.len() != 3 || !c.bytes().all(|b| b.is_ascii_uppercase()) {
                diags.push(bad(format!("`code` must be an ISO 4217 code (three capital letters), found `{c}`")));
                continue;
            }
            file_surfaces(&mut self.currencies, [&row.cells[before], &row.cells[after]], c, bad, diags);
        }
    }

    fn load_scales(&mut self, t: &Table, diags: &mut Vec<Diagnostic>) {
        if !t.require_columns(&["unit", "power"], diags) {
            return;
        }
        let (unit, power) = (t.column("unit").expect("required"), t.column("power").expect("required"));
        for row in &t.rows {
            let bad = |msg: String| t.at_row(row, Diagnostic::error("invalid-scale", msg));
            let Some(p) = row.cells[power].parse::<u32>().ok().filter(|p| (1..=24).contains(p)) else {
                diags.push(bad(format!("`power` must be an integer from 1 to 24, found `{}`", row.cells[power])));
                continue;
            };
            let u = key(&row.cells[unit]);
            if u.is_empty() || u.chars().any(|c| c.is_ascii_digit() || c == ',' || c == '.') {
                diags.push(bad(format!("`unit` must be a word without digits, found `{}`", row.cells[unit])));
                continue;
            }
            if self.units.iter().any(|(w, _)| *w == u) {
                diags.push(bad(format!("`{}` is listed twice", row.cells[unit])));
                continue;
            }
            self.units.push((u, p));
        }
    }

    fn load_qualifiers(&mut self, t: &Table, diags: &mut Vec<Diagnostic>) {
        if !t.require_columns(&["before", "after", "flag"], diags) {
            return;
        }
        let col = |n: &str| t.column(n).expect("required column");
        let (before, after, flag) = (col("before"), col("after"), col("flag"));
        for row in &t.rows {
            let bad = |msg: String| t.at_row(row, Diagnostic::error("invalid-qualifier", msg));
            let bound = match row.cells[flag].as_str() {
                "approx" => Bound::Approx,
                "min" => Bound::Min,
                "max" => Bound::Max,
                other => {
                    diags.push(bad(format!("`flag` must be approx, min or max, found `{other}`")));
                    continue;
                }
            };
            file_surfaces(&mut self.qualifiers, [&row.cells[before], &row.cells[after]], &bound, bad, diags);
        }
    }

    /// The ISO 4217 code of a currency surface as matched.
    pub fn currency(&self, surface: &str) -> Option<&str> {
        self.currencies.get(&key(surface)).map(String::as_str)
    }

    /// The bound a qualifier as matched expresses.
    pub fn qualifier(&self, word: &str) -> Option<Bound> {
        self.qualifiers.get(&key(word)).copied()
    }

    /// The longest unit that `text` starts with (ASCII case ignored), with
    /// its length in `text` and its power of ten.
    pub fn unit_at(&self, text: &str) -> Option<(usize, u32)> {
        self.units.iter().find_map(|(u, p)| {
            let head = text.get(..u.len())?;
            head.eq_ignore_ascii_case(u).then_some((u.len(), *p))
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::diagnostic::SourceFile;

    /// The shipped tables, loaded as the rule set loads them.
    pub(crate) fn shipped() -> AmountData {
        let mut diags = Vec::new();
        let tables = [
            ("currencies", include_str!("../../../rules/amounts/currencies.csv")),
            ("scales", include_str!("../../../rules/amounts/scales.csv")),
            ("qualifiers", include_str!("../../../rules/amounts/qualifiers.csv")),
        ]
        .map(|(name, text)| Table::parse(name, SourceFile::new(format!("{name}.csv"), text.to_string()), &mut diags));
        let data = AmountData::load(&tables, &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        data
    }

    #[test]
    fn shipped_tables_load() {
        let d = shipped();
        assert_eq!(d.currency("US\n dollars"), Some("USD"));
        assert_eq!(d.currency("Euros"), Some("EUR"));
        assert_eq!(d.currency("円"), Some("JPY"));
        assert_eq!(d.currency("￥"), Some("JPY"), "folded like documents");
        assert_eq!(d.qualifier("About"), Some(Bound::Approx));
        assert_eq!(d.qualifier("以上"), Some(Bound::Min));
        assert_eq!(d.qualifier("up  to"), Some(Bound::Max));
        assert_eq!(d.unit_at("千億円"), Some(("千億".len(), 11)), "longest unit first");
        assert_eq!(d.unit_at("Billion yen"), Some((7, 9)));
        assert_eq!(d.unit_at("円"), None);
    }

    #[test]
    fn bad_rows_are_reported_at_their_line() {
        let mut diags = Vec::new();
        let t = |name: &str, text: &str, diags: &mut Vec<Diagnostic>| {
            Table::parse(name, SourceFile::new(format!("{name}.csv"), text.to_string()), diags)
        };
        let tables = [
            t("currencies", "before,after,code\n$,dollars,usd\n,,USD\n¥,yen,JPY\n¥,,CNY\n", &mut diags),
            t("scales", "unit,power\nmillion,6\nbillion,x\n万,4\n万,5\n", &mut diags),
            t("qualifiers", "before,after,flag\nabout,,approx\nover,,more\n", &mut diags),
        ];
        let _ = AmountData::load(&tables, &mut diags);
        let got: Vec<(&str, usize)> = diags.iter().map(|d| (d.code(), d.location().unwrap().1)).collect();
        assert_eq!(
            got,
            [
                ("invalid-currency", 2),
                ("invalid-currency", 3),
                ("invalid-currency", 5),
                ("invalid-scale", 3),
                ("invalid-scale", 5),
                ("invalid-qualifier", 3),
            ]
        );
        let mut diags = Vec::new();
        let _ = AmountData::load(&[t("scales", "word,power\nmillion,6\n", &mut diags)], &mut diags);
        assert_eq!(diags[0].code(), "missing-column");
    }
}
