//! Proleptic Gregorian calendar arithmetic: [`CivilDate`], day counts,
//! ISO weekdays.
//!
//! Normalizing and anchoring need only a handful of operations (is this day
//! valid, which weekday is it, add a day or a month), so they are written
//! here in a few dozen lines instead of pulling in a date library. A
//! `CivilDate` that exists is a valid calendar date: the constructor checks.

use std::fmt;

/// A valid calendar date (proleptic Gregorian).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    year: i32,
    month: u8,
    day: u8,
}

impl CivilDate {
    /// The date `year-month-day`, when it exists.
    pub fn new(year: i32, month: u32, day: u32) -> Option<CivilDate> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(CivilDate { year, month: month as u8, day: day as u8 })
    }

    /// Parses `YYYY-MM-DD`, optionally followed by a time part (`T...` or a
    /// space), which is ignored: the reference date of a record may be a
    /// timestamp.
    pub fn parse_iso(s: &str) -> Option<CivilDate> {
        let s = s.trim();
        let (date, rest) = s.split_at_checked(10)?;
        if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
            return None;
        }
        let b = date.as_bytes();
        if b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &date[r];
            part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok())?
        };
        CivilDate::new(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    /// The day of the month, from 1.
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's `days_from_civil`.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> CivilDate {
        // Howard Hinnant's `civil_from_days`.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        CivilDate { year, month, day }
    }

    /// The date `n` days later (earlier when negative).
    #[must_use]
    pub fn add_days(self, n: i64) -> CivilDate {
        CivilDate::from_days_since_epoch(self.days_since_epoch() + n)
    }

    /// ISO weekday: 1 for Monday to 7 for Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (4).
        (self.days_since_epoch() + 3).rem_euclid(7) as u32 + 1
    }

    /// The date with weekday `weekday` (1 = Monday) nearest to this one:
    /// at most three days before or after.
    #[must_use]
    pub fn nearest_weekday(self, weekday: u32) -> CivilDate {
        let diff = (i64::from(weekday) - i64::from(self.weekday())).rem_euclid(7);
        self.add_days(if diff > 3 { diff - 7 } else { diff })
    }

    /// The latest date with weekday `weekday` strictly before this one
    /// (`last Friday`), or, with `forward`, the earliest strictly after it.
    #[must_use]
    pub fn strict_weekday(self, weekday: u32, forward: bool) -> CivilDate {
        let diff = (i64::from(weekday) - i64::from(self.weekday())).rem_euclid(7);
        if forward {
            self.add_days(if diff == 0 { 7 } else { diff })
        } else {
            self.add_days(if diff == 0 { -7 } else { diff - 7 })
        }
    }

    /// The ISO 8601 week-numbering year and week of this date (`2020-W10`):
    /// the week belongs to the year of its Thursday.
    pub fn iso_week(self) -> (i32, u32) {
        let thursday = self.add_days(4 - i64::from(self.weekday()));
        let jan1 = CivilDate { year: thursday.year, month: 1, day: 1 };
        let ordinal = thursday.days_since_epoch() - jan1.days_since_epoch();
        (thursday.year, (ordinal / 7 + 1) as u32)
    }
}

impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// True for a Gregorian leap year.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1 to 12) of `year`; 0 for a month that does not exist.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// `(year, month)` moved by `n` months.
pub fn add_months(year: i32, month: u32, n: i32) -> (i32, u32) {
    let index = year * 12 + month as i32 - 1 + n;
    (index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_years() {
        assert_eq!(days_in_month(2020, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(days_in_month(2019, 13), 0);
    }

    #[test]
    fn new_checks_the_day() {
        assert!(CivilDate::new(2020, 2, 29).is_some());
        assert!(CivilDate::new(2019, 2, 29).is_none());
        assert!(CivilDate::new(2020, 2, 30).is_none());
        assert!(CivilDate::new(2020, 0, 1).is_none());
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(CivilDate::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
        assert_eq!(CivilDate::new(2000, 3, 1).unwrap().days_since_epoch(), 11_017);
        let mut d = CivilDate::new(1867, 12, 25).unwrap();
        for _ in 0..60_000 {
            let next = d.add_days(1);
            assert_eq!(next.days_since_epoch(), d.days_since_epoch() + 1);
            assert!(CivilDate::new(next.year(), next.month(), next.day()).is_some());
            d = next;
        }
    }

    #[test]
    fn weekdays() {
        // 2022-01-27 was a Thursday; 2019-05-01 a Wednesday.
        assert_eq!(CivilDate::new(2022, 1, 27).unwrap().weekday(), 4);
        assert_eq!(CivilDate::new(2019, 5, 1).unwrap().weekday(), 3);
        assert_eq!(CivilDate::new(1868, 1, 25).unwrap().weekday(), 6);
    }

    #[test]
    fn nearest_weekday_looks_both_ways() {
        let thu = CivilDate::new(2022, 1, 27).unwrap();
        assert_eq!(thu.nearest_weekday(3).to_string(), "2022-01-26");
        assert_eq!(thu.nearest_weekday(4).to_string(), "2022-01-27");
        assert_eq!(thu.nearest_weekday(7).to_string(), "2022-01-30");
        assert_eq!(thu.nearest_weekday(1).to_string(), "2022-01-24");
    }

    #[test]
    fn iso_weeks() {
        let w = |y, m, d| CivilDate::new(y, m, d).unwrap().iso_week();
        assert_eq!(w(2020, 3, 6), (2020, 10));
        assert_eq!(w(2021, 1, 1), (2020, 53));
        assert_eq!(w(2019, 12, 30), (2020, 1));
        let fri = CivilDate::new(2020, 3, 6).unwrap();
        assert_eq!(fri.strict_weekday(5, false).to_string(), "2020-02-28");
        assert_eq!(fri.strict_weekday(5, true).to_string(), "2020-03-13");
        assert_eq!(fri.strict_weekday(1, false).to_string(), "2020-03-02");
    }

    #[test]
    fn parse_iso_dates() {
        assert_eq!(CivilDate::parse_iso("2022-01-27").unwrap().to_string(), "2022-01-27");
        assert_eq!(CivilDate::parse_iso("2022-01-27T10:00:00Z").unwrap().to_string(), "2022-01-27");
        assert!(CivilDate::parse_iso("2022-02-30").is_none());
        assert!(CivilDate::parse_iso("2022/01/27").is_none());
        assert!(CivilDate::parse_iso("2022-1-27").is_none());
        assert!(CivilDate::parse_iso("２０２２-01-27").is_none());
        assert!(CivilDate::parse_iso("2022-01-27x").is_none());
    }

    #[test]
    fn month_arithmetic_rolls_years() {
        assert_eq!(add_months(2019, 12, 1), (2020, 1));
        assert_eq!(add_months(2020, 1, -1), (2019, 12));
        assert_eq!(add_months(2020, 5, 0), (2020, 5));
    }
}
