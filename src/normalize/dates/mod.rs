//! Date captures → ISO-style values: `2019-12-03`, `2019-12`, `2019`, and
//! `XXXX-12-03` when the text gives no year.
//!
//! Fields are collected as options and validated together; a missing year is
//! never invented. Japanese era years are converted with the [`ERAS`] table;
//! a date outside its era's span is kept, converted by arithmetic, and
//! flagged `out_of_era`; an impossible day (`2月30日`) is kept and flagged
//! `invalid_date`.

use super::{Fields, Normalized, Resources};

/// A Japanese era: its name and first day (proleptic Gregorian).
#[derive(Clone, Copy, Debug)]
pub struct Era {
    /// Kanji name.
    pub name: &'static str,
    /// First day as (year, month, day).
    pub start: (i32, u32, u32),
}

/// Modern eras, oldest first. The day after an era's last day is the next
/// era's first day.
pub const ERAS: &[Era] = &[
    Era { name: "明治", start: (1868, 1, 25) },
    Era { name: "大正", start: (1912, 7, 30) },
    Era { name: "昭和", start: (1926, 12, 25) },
    Era { name: "平成", start: (1989, 1, 8) },
    Era { name: "令和", start: (2019, 5, 1) },
];

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// Month number of an English month name or abbreviation (`Sept.` too).
pub fn month_from_name(name: &str) -> Option<u32> {
    let lower = name.trim_end_matches('.').to_ascii_lowercase();
    let key = lower.get(..3)?;
    MONTHS.iter().position(|m| *m == key).map(|i| i as u32 + 1)
}

/// Days in `month` of `year` (Gregorian).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

fn number(s: &str) -> Option<u32> {
    s.trim().parse().ok()
}

/// The `date` normalizer: reads `year` or `era` + `era_year`, then `month`
/// or `month_name`, then `day`.
pub fn calendar(f: &Fields<'_>, _: &Resources) -> Option<Normalized> {
    let mut out = Normalized::default();
    let era = f.get("era").map(|name| ERAS.iter().enumerate().find(|(_, e)| e.name == name));
    let year: Option<i32> = match (era, f.get("era_year")) {
        (Some(found), Some(ey)) => {
            let (_, era) = found?;
            let n = if ey == "元" { 1 } else { number(ey)? };
            Some(era.start.0 + n as i32 - 1)
        }
        _ => match f.get("year") {
            Some(y) => Some(number(y)? as i32),
            None => None,
        },
    };
    let month = match (f.get("month"), f.get("month_name")) {
        (Some(m), _) => Some(number(m)?),
        (None, Some(name)) => Some(month_from_name(name)?),
        (None, None) => None,
    };
    let day = match f.get("day") {
        Some(d) => Some(number(d)?),
        None => None,
    };
    if month.is_some_and(|m| !(1..=12).contains(&m)) || day.is_some_and(|d| !(1..=31).contains(&d)) {
        return None;
    }
    if let (Some(m), Some(d)) = (month, day) {
        if d > days_in_month(year.unwrap_or(2000), m) {
            out.flags.insert("invalid_date");
        }
    }
    if let (Some(Some((i, era))), Some(y)) = (era, year) {
        let first = (y, month.unwrap_or(12), day.unwrap_or(31));
        let last = (y, month.unwrap_or(1), day.unwrap_or(1));
        let before_start = first < era.start;
        let after_end = ERAS.get(i + 1).is_some_and(|next| last >= next.start);
        if before_start || after_end {
            out.flags.insert("out_of_era");
        }
    }
    out.value = match (year, month, day) {
        (Some(y), Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
        (Some(y), Some(m), None) => format!("{y:04}-{m:02}"),
        (Some(y), None, None) => format!("{y:04}"),
        (None, Some(m), Some(d)) => format!("XXXX-{m:02}-{d:02}"),
        (None, Some(m), None) => format!("XXXX-{m:02}"),
        _ => return None,
    };
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_names() {
        assert_eq!(month_from_name("Sept."), Some(9));
        assert_eq!(month_from_name("march"), Some(3));
        assert_eq!(month_from_name("Ma"), None);
    }

    #[test]
    fn leap_years() {
        assert_eq!(days_in_month(2020, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2000, 2), 29);
    }
}
