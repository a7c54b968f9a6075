//! The `eras` table → [`EraTable`]: Japanese era names, abbreviations and
//! their spans, exact to the day.
//!
//! The table is data (`rules/dates/eras.csv`), declared in a rule file as
//! `[tables.eras]`. The same rows give the patterns their era macros (`{era}`,
//! `{era_latin}`, `{era_kanji}`) and give the date normalizer the arithmetic
//! and the boundaries, so adding the era after 令和 is one new CSV row.
//!
//! Columns:
//!
//! | column | meaning |
//! |---|---|
//! | `name` | the era name (`令和`) |
//! | `first_day` | the first day of year 1 (元年), `YYYY-MM-DD`; year N of the era is `first_day.year + N - 1` |
//! | `last_day` | the last day, when it is not the day before the next era's first day (an era that ended on the day the next began: 明治 → 大正, 大正 → 昭和); empty otherwise, and empty for the current era |
//! | `latin` | one-letter abbreviation used in forms (`R` in `R2.3.15`) |
//! | `kanji` | one-kanji abbreviation (`令` in `令2.3.15`) |
//! | `note` | free text |

use crate::diagnostic::Diagnostic;
use crate::rules::tables::Table;

use super::calendar::CivilDate;

/// One era.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Era {
    /// Kanji name.
    pub name: String,
    /// First day of its year 1.
    pub first_day: CivilDate,
    /// Last day; `None` for the current era.
    pub last_day: Option<CivilDate>,
    /// Latin abbreviation (`R`), may be empty.
    pub latin: String,
    /// Kanji abbreviation (`令`), may be empty.
    pub kanji: String,
}

impl Era {
    /// The Gregorian year of era year `n` (1 for 元年).
    pub fn year(&self, n: u32) -> i32 {
        self.first_day.year() + n as i32 - 1
    }

    /// True when any day of `first..=last` lies within the era.
    pub fn overlaps(&self, first: CivilDate, last: CivilDate) -> bool {
        last >= self.first_day && self.last_day.is_none_or(|end| first <= end)
    }
}

/// All eras of the table, oldest first.
#[derive(Clone, Debug, Default)]
pub struct EraTable {
    eras: Vec<Era>,
}

impl EraTable {
    /// The columns the table must have.
    pub const COLUMNS: [&'static str; 5] = ["name", "first_day", "last_day", "latin", "kanji"];

    /// Reads and checks the `eras` table: dates valid, eras in order, names
    /// and abbreviations unique. Bad rows are reported at their line.
    pub fn from_table(t: &Table, diags: &mut Vec<Diagnostic>) -> EraTable {
        if !t.require_columns(&Self::COLUMNS, diags) {
            return EraTable::default();
        }
        let col = |n: &str| t.column(n).expect("required column");
        let (name, first, last, latin, kanji) =
            (col("name"), col("first_day"), col("last_day"), col("latin"), col("kanji"));
        let mut eras: Vec<Era> = Vec::new();
        let mut explicit_last: Vec<bool> = Vec::new();
        for row in &t.rows {
            let bad = |msg: String| t.at_row(row, Diagnostic::error("invalid-era", msg));
            let date = |i: usize| CivilDate::parse_iso(&row.cells[i]).filter(|_| row.cells[i].len() == 10);
            let era_name = row.cells[name].clone();
            if era_name.is_empty() {
                diags.push(bad("every era needs a `name`".into()));
                continue;
            }
            let Some(first_day) = date(first) else {
                diags.push(bad(format!(
                    "era `{era_name}`: `first_day` must be a date YYYY-MM-DD, found `{}`",
                    row.cells[first]
                )));
                continue;
            };
            let last_day = match row.cells[last].as_str() {
                "" => None,
                s => match date(last) {
                    Some(d) if d >= first_day => Some(d),
                    Some(d) => {
                        diags.push(bad(format!("era `{era_name}`: `last_day` {d} is before `first_day` {first_day}")));
                        continue;
                    }
                    None => {
                        diags.push(bad(format!(
                            "era `{era_name}`: `last_day` must be a date YYYY-MM-DD or empty, found `{s}`"
                        )));
                        continue;
                    }
                },
            };
            if let Some(prev) = eras.last() {
                if first_day <= prev.first_day {
                    diags.push(bad(format!(
                        "era `{era_name}` begins on {first_day}, not after `{}` ({}); list eras oldest first",
                        prev.name, prev.first_day
                    )));
                    continue;
                }
            }
            let era = Era {
                name: era_name,
                first_day,
                last_day,
                latin: row.cells[latin].clone(),
                kanji: row.cells[kanji].clone(),
            };
            let clash = eras.iter().find(|e| {
                e.name == era.name
                    || (!era.latin.is_empty() && e.latin == era.latin)
                    || (!era.kanji.is_empty() && e.kanji == era.kanji)
            });
            if let Some(other) = clash {
                diags.push(bad(format!(
                    "era `{}` repeats the name or an abbreviation of era `{}`",
                    era.name, other.name
                )));
                continue;
            }
            explicit_last.push(last_day.is_some());
            eras.push(era);
        }
        // An era without an explicit last day ends the day before the next begins.
        for i in 0..eras.len().saturating_sub(1) {
            let next_first = eras[i + 1].first_day;
            match eras[i].last_day {
                None => eras[i].last_day = Some(next_first.add_days(-1)),
                Some(last) if explicit_last[i] && last > next_first => {
                    let row = &t.rows[t.rows.iter().position(|r| r.cells[name] == eras[i].name).unwrap_or(0)];
                    diags.push(t.at_row(
                        row,
                        Diagnostic::error(
                            "invalid-era",
                            format!(
                                "era `{}` ends on {last}, after `{}` began on {next_first}",
                                eras[i].name,
                                eras[i + 1].name
                            ),
                        ),
                    ));
                }
                Some(_) => {}
            }
        }
        EraTable { eras }
    }

    /// The eras, oldest first.
    pub fn eras(&self) -> &[Era] {
        &self.eras
    }

    /// The era named `name` (`令和`).
    pub fn by_name(&self, name: &str) -> Option<&Era> {
        self.eras.iter().find(|e| e.name == name)
    }

    /// The era with the abbreviation `abbr`: Latin (`R`, `r`) or kanji (`令`).
    pub fn by_abbreviation(&self, abbr: &str) -> Option<&Era> {
        self.eras.iter().find(|e| (!e.latin.is_empty() && e.latin.eq_ignore_ascii_case(abbr)) || e.kanji == abbr)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::diagnostic::SourceFile;

    /// The shipped table.
    pub(crate) fn shipped() -> EraTable {
        let text = include_str!("../../../rules/dates/eras.csv");
        let mut diags = Vec::new();
        let t = Table::parse("eras", SourceFile::new("rules/dates/eras.csv", text), &mut diags);
        let eras = EraTable::from_table(&t, &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        eras
    }

    fn d(s: &str) -> CivilDate {
        CivilDate::parse_iso(s).unwrap()
    }

    /// The era(s) whose span holds `day`.
    fn eras_on(t: &EraTable, day: &str) -> Vec<String> {
        t.eras().iter().filter(|e| e.overlaps(d(day), d(day))).map(|e| e.name.clone()).collect()
    }

    #[test]
    fn shipped_table_has_the_modern_eras() {
        let t = shipped();
        let names: Vec<&str> = t.eras().iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["明治", "大正", "昭和", "平成", "令和"]);
        assert_eq!(t.by_name("令和").unwrap().year(1), 2019);
        assert_eq!(t.by_name("平成").unwrap().year(31), 2019);
        assert_eq!(t.by_name("昭和").unwrap().year(64), 1989);
        assert_eq!(t.by_name("大正").unwrap().year(15), 1926);
        assert_eq!(t.by_name("明治").unwrap().year(45), 1912);
        assert_eq!(t.by_abbreviation("H").unwrap().name, "平成");
        assert_eq!(t.by_abbreviation("r").unwrap().name, "令和");
        assert_eq!(t.by_abbreviation("昭").unwrap().name, "昭和");
        assert!(t.by_abbreviation("X").is_none());
    }

    #[test]
    fn boundaries_day_by_day() {
        let t = shipped();
        // 昭和 → 平成: 昭和64年 ran only to 1989-01-07.
        assert_eq!(eras_on(&t, "1989-01-06"), ["昭和"]);
        assert_eq!(eras_on(&t, "1989-01-07"), ["昭和"]);
        assert_eq!(eras_on(&t, "1989-01-08"), ["平成"]);
        assert_eq!(eras_on(&t, "1989-01-09"), ["平成"]);
        // 平成 → 令和.
        assert_eq!(eras_on(&t, "2019-04-29"), ["平成"]);
        assert_eq!(eras_on(&t, "2019-04-30"), ["平成"]);
        assert_eq!(eras_on(&t, "2019-05-01"), ["令和"]);
        assert_eq!(eras_on(&t, "2019-05-02"), ["令和"]);
        // 明治 → 大正 and 大正 → 昭和 changed during a day: both eras name it.
        assert_eq!(eras_on(&t, "1912-07-29"), ["明治"]);
        assert_eq!(eras_on(&t, "1912-07-30"), ["明治", "大正"]);
        assert_eq!(eras_on(&t, "1912-07-31"), ["大正"]);
        assert_eq!(eras_on(&t, "1926-12-24"), ["大正"]);
        assert_eq!(eras_on(&t, "1926-12-25"), ["大正", "昭和"]);
        assert_eq!(eras_on(&t, "1926-12-26"), ["昭和"]);
        // Before the first era, and far into the current one.
        assert!(eras_on(&t, "1868-01-24").is_empty());
        assert_eq!(eras_on(&t, "1868-01-25"), ["明治"]);
        assert_eq!(eras_on(&t, "2100-01-01"), ["令和"]);
    }

    #[test]
    fn every_day_from_1868_to_2030_has_an_era_and_at_most_two() {
        let t = shipped();
        let mut day = d("1868-01-25");
        while day <= d("2030-12-31") {
            let n = t.eras().iter().filter(|e| e.overlaps(day, day)).count();
            let changeover = day == d("1912-07-30") || day == d("1926-12-25");
            assert_eq!(n, if changeover { 2 } else { 1 }, "{day}");
            day = day.add_days(1);
        }
    }

    fn load(csv: &str) -> (EraTable, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let t = Table::parse("eras", SourceFile::new("eras.csv", csv.to_string()), &mut diags);
        let eras = EraTable::from_table(&t, &mut diags);
        (eras, diags)
    }

    #[test]
    fn a_new_era_is_one_row() {
        let base = include_str!("../../../rules/dates/eras.csv");
        let (t, diags) = load(&format!("{base}新元,2045-03-01,,N,新,a hypothetical next era\n"));
        assert!(diags.is_empty(), "{diags:?}");
        let reiwa = t.by_name("令和").unwrap();
        assert_eq!(reiwa.last_day, Some(d("2045-02-28")));
        assert_eq!(t.by_name("新元").unwrap().year(2), 2046);
    }

    #[test]
    fn bad_rows_are_reported() {
        let (_, diags) =
            load("name,first_day,last_day,latin,kanji\nA,2000-01-01,,A,甲\nB,1999-01-01,,B,乙\nC,2001-02-30,,C,丙\nD,2002-01-01,,A,丁\n");
        let msgs: Vec<String> = diags.iter().map(|d| d.message().to_string()).collect();
        assert_eq!(diags.len(), 3, "{msgs:?}");
        assert!(msgs[0].contains("not after `A`"), "{msgs:?}");
        assert!(msgs[1].contains("`first_day` must be a date"), "{msgs:?}");
        assert!(msgs[2].contains("repeats"), "{msgs:?}");
        let (_, diags) = load("name,first_day\nA,2000-01-01\n");
        assert_eq!(diags[0].code(), "missing-column");
    }
}
