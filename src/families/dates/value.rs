//! [`DateValue`]: a date expression's value as parts, and how it renders to
//! the `normalized` and `type` columns (ISO 8601 / TIMEX3 style).
//!
//! A value keeps what the text gave and marks what it did not: an unknown
//! year is `XXXX` (`XXXX-10` for `in October`), an unknown month `XX`
//! (`XXXX-XX` for `the same month`), a weekday without a date `XXXX-WXX-3`.
//! The anchoring pass fills the unknown parts in place and renders again,
//! which is why the parts are kept rather than only the string.
//!
//! | parts | value | type |
//! |---|---|---|
//! | year, month, day | `2019-12-03` | `DATE` |
//! | month, day, no year | `XXXX-12-03` | `DATE` |
//! | weekday only | `XXXX-WXX-3` | `DATE` |
//! | season | `2020-FA`, `XXXX-FA` | `DATE` |
//! | with a time | `2022-01-27T02:42`, `T02:42` | `TIME` |
//! | decade | `199X` | `DECADE` |
//! | interval | `2014/2020`, `2019-04/2019-06` | `INTERVAL` |
//! | fiscal year | `2020-04/2021-03` | `FISCAL_YEAR` |
//!
//! A modifier (`early`, `mid-`, `late`, 上旬, 末) leaves the value alone and
//! appends `_START`, `_MID` or `_END` to the type: `early 2019` is `2019`,
//! `DATE_START`.

use std::fmt::{self, Write as _};

use super::calendar::CivilDate;
use super::relative::Relative;

/// The year of a point. Values are kept small: a candidate carries its
/// [`DateValue`] until the row is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Year {
    /// Not given: `XXXX`.
    Unknown,
    /// A Gregorian year.
    Known(i16),
    /// A decade, by its first three digits: `Decade(199)` is `199X`.
    Decade(i16),
    /// A century by its first two digits (`19` for 1900–1999, TIMEX3).
    Century(i16),
}

impl Year {
    /// A known year; years outside ±32767 are clamped (no date rule
    /// matches them).
    pub fn known(year: i32) -> Year {
        Year::Known(year.clamp(i32::from(i16::MIN), i32::from(i16::MAX)) as i16)
    }
}

/// The month part of a point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Month {
    /// Named but not given: `XX` (`the same month`).
    Unknown,
    /// 1 to 12.
    Known(u8),
    /// A season.
    Season(Season),
    /// A quarter of the year, 1 to 4 (`2020-Q3`).
    Quarter(u8),
    /// A half of the year, 1 or 2 (`2021-H1`).
    Half(u8),
    /// An ISO week of the year (`2020-W10`).
    Week(u8),
}

/// A season, as TIMEX3 writes it in the month position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Season {
    /// `SP`.
    Spring,
    /// `SU`.
    Summer,
    /// `FA`.
    Fall,
    /// `WI`.
    Winter,
}

impl Season {
    fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }
}

/// A part of the day (TIMEX3 `TMO`, `TAF`, `TEV`, `TNI`), kept when no
/// clock time is given (`Friday afternoon` → `XXXX-WXX-5TAF`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayPart {
    /// morning, 午前, 朝
    Morning,
    /// afternoon, 午後
    Afternoon,
    /// evening, 夕方
    Evening,
    /// night, tonight, 夜, 晩
    Night,
}

impl DayPart {
    fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }
}

/// The day part of a point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Day {
    /// Named but not given: `XX` (`the same day`).
    Unknown,
    /// 1 to 31 (a day that does not exist in its month is kept and flagged).
    Known(u8),
    /// The weekend of the week in the month position (TIMEX3 `2020-W35-WE`).
    Weekend,
}

/// A point in time with the precision the text gave.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Point {
    /// `None` only for a bare time (`2:42 a.m.`) or a bare weekday.
    pub year: Option<Year>,
    /// Month or season.
    pub month: Option<Month>,
    /// Day of the month.
    pub day: Option<Day>,
    /// ISO weekday (1 = Monday) the expression names: of a bare weekday, or
    /// beside its date (`Sunday, Dec. 6`), where it picks the year of a
    /// year-less day (it is not rendered then).
    pub weekday: Option<u8>,
    /// Hour and minute.
    pub time: Option<(u8, u8)>,
    /// A part of the day, when no clock time is given.
    pub part: Option<DayPart>,
}

impl Point {
    /// A point in `year`.
    pub fn year(year: i32) -> Point {
        Point { year: Some(Year::known(year)), ..Point::default() }
    }

    /// A point at `year-month`.
    pub fn month(year: Option<i32>, month: u32) -> Point {
        Point {
            year: Some(year.map_or(Year::Unknown, Year::known)),
            month: Some(Month::Known(month as u8)),
            ..Point::default()
        }
    }

    /// The known year.
    pub fn known_year(&self) -> Option<i32> {
        match self.year {
            Some(Year::Known(y)) => Some(i32::from(y)),
            _ => None,
        }
    }

    /// The known month number.
    pub fn known_month(&self) -> Option<u32> {
        match self.month {
            Some(Month::Known(m)) => Some(u32::from(m)),
            _ => None,
        }
    }

    /// The known day.
    pub fn known_day(&self) -> Option<u32> {
        match self.day {
            Some(Day::Known(d)) => Some(u32::from(d)),
            _ => None,
        }
    }

    /// The calendar date, when year, month and day are known and valid.
    pub fn date(&self) -> Option<CivilDate> {
        CivilDate::new(self.known_year()?, self.known_month()?, self.known_day()?)
    }

    /// True for a point that has a date part (not a bare time or weekday).
    pub fn has_date(&self) -> bool {
        self.year.is_some()
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.year, self.weekday) {
            (None, Some(w)) => write!(f, "XXXX-WXX-{w}")?,
            (None, None) => {}
            (Some(year), _) => {
                match year {
                    Year::Unknown => f.write_str("XXXX")?,
                    Year::Known(y) => write!(f, "{y:04}")?,
                    Year::Decade(d) => write!(f, "{d:03}")?,
                    Year::Century(c) => write!(f, "{c:02}")?,
                }
                match self.month {
                    None => {}
                    Some(Month::Unknown) => f.write_str("-XX")?,
                    Some(Month::Known(m)) => write!(f, "-{m:02}")?,
                    Some(Month::Season(s)) => write!(f, "-{}", s.code())?,
                    Some(Month::Quarter(q)) => write!(f, "-Q{q}")?,
                    Some(Month::Half(h)) => write!(f, "-H{h}")?,
                    Some(Month::Week(0)) => f.write_str("-WXX")?,
                    Some(Month::Week(w)) => write!(f, "-W{w:02}")?,
                }
                match self.day {
                    None => {}
                    Some(Day::Unknown) => f.write_str("-XX")?,
                    Some(Day::Known(d)) => write!(f, "-{d:02}")?,
                    Some(Day::Weekend) => f.write_str("-WE")?,
                }
            }
        }
        if let Some((h, m)) = self.time {
            write!(f, "T{h:02}:{m:02}")?;
        } else if let Some(part) = self.part {
            write!(f, "T{}", part.code())?;
        }
        Ok(())
    }
}

/// A modifier of a date: TIMEX3's `mod` values for parts of a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Modifier {
    /// `early 2019`, `the beginning of`, 上旬, 初め.
    Start,
    /// `mid-2020`, `the middle of`, 中旬, 半ば.
    Mid,
    /// `late 2020`, `the end of`, 下旬, 末.
    End,
}

/// The value of one date expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateValue {
    /// The point, or the start of an interval.
    pub start: Point,
    /// The end of an interval (`2014/2020`).
    pub end: Option<Point>,
    /// The interval is a Japanese fiscal year (April to March).
    pub fiscal: bool,
    /// A part of the period (`early 2019`).
    pub modifier: Option<Modifier>,
    /// An expression relative to another date, not yet resolved (`the same
    /// month`, 今年); `None` once resolved.
    pub relative: Option<Relative>,
    /// `last` (-1), `this` (0) or `next` (1) before a weekday or season:
    /// which occurrence the anchoring pass takes.
    pub direction: Option<i8>,
}

impl DateValue {
    /// A point value.
    pub fn point(p: Point) -> DateValue {
        DateValue { start: p, end: None, fiscal: false, modifier: None, relative: None, direction: None }
    }

    /// The Japanese fiscal year that starts in April of `year` (`None`:
    /// unknown year, `XXXX-04/XXXX-03`).
    pub fn fiscal_year(year: Option<i32>) -> DateValue {
        DateValue {
            start: Point::month(year, 4),
            end: Some(Point::month(year.map(|y| y + 1), 3)),
            fiscal: true,
            modifier: None,
            relative: None,
            direction: None,
        }
    }

    /// The `type` column: the base type and the modifier suffix.
    pub fn type_name(&self) -> &'static str {
        use Modifier::{End, Mid, Start};
        let base = if self.fiscal {
            0
        } else if self.end.is_some() {
            return "INTERVAL";
        } else if matches!(self.start.year, Some(Year::Decade(_))) {
            1
        } else if self.start.time.is_some() || self.start.part.is_some() {
            2
        } else {
            3
        };
        const NAMES: [[&str; 4]; 4] = [
            ["FISCAL_YEAR", "FISCAL_YEAR_START", "FISCAL_YEAR_MID", "FISCAL_YEAR_END"],
            ["DECADE", "DECADE_START", "DECADE_MID", "DECADE_END"],
            ["TIME", "TIME_START", "TIME_MID", "TIME_END"],
            ["DATE", "DATE_START", "DATE_MID", "DATE_END"],
        ];
        let m = match self.modifier {
            None => 0,
            Some(Start) => 1,
            Some(Mid) => 2,
            Some(End) => 3,
        };
        NAMES[base][m]
    }

    /// The `normalized` column.
    pub fn render(&self) -> String {
        let mut s = String::with_capacity(24);
        let _ = write!(s, "{}", self.start);
        if let Some(end) = &self.end {
            let _ = write!(s, "/{end}");
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(year: Option<Year>, month: Option<Month>, day: Option<Day>) -> Point {
        Point { year, month, day, ..Point::default() }
    }

    #[test]
    fn renders_timex_values() {
        let k = |y| Some(Year::Known(y));
        assert_eq!(p(k(2019), Some(Month::Known(12)), Some(Day::Known(3))).to_string(), "2019-12-03");
        assert_eq!(p(k(2019), Some(Month::Known(12)), None).to_string(), "2019-12");
        assert_eq!(p(k(2019), None, None).to_string(), "2019");
        assert_eq!(p(Some(Year::Unknown), Some(Month::Known(1)), Some(Day::Known(7))).to_string(), "XXXX-01-07");
        assert_eq!(p(Some(Year::Unknown), Some(Month::Unknown), None).to_string(), "XXXX-XX");
        assert_eq!(p(Some(Year::Unknown), Some(Month::Season(Season::Fall)), None).to_string(), "XXXX-FA");
        assert_eq!(p(Some(Year::Decade(199)), None, None).to_string(), "199");
        assert_eq!(Point { weekday: Some(3), ..Point::default() }.to_string(), "XXXX-WXX-3");
        assert_eq!(Point { time: Some((2, 42)), ..Point::default() }.to_string(), "T02:42");
        let with_time = Point { time: Some((2, 42)), ..p(k(2022), Some(Month::Known(1)), Some(Day::Known(27))) };
        assert_eq!(with_time.to_string(), "2022-01-27T02:42");
    }

    #[test]
    fn fiscal_years_and_types() {
        let fy = DateValue::fiscal_year(Some(2020));
        assert_eq!(fy.render(), "2020-04/2021-03");
        assert_eq!(fy.type_name(), "FISCAL_YEAR");
        assert_eq!(DateValue::fiscal_year(None).render(), "XXXX-04/XXXX-03");
        let mut early = DateValue::point(Point::year(2019));
        early.modifier = Some(Modifier::Start);
        assert_eq!((early.render().as_str(), early.type_name()), ("2019", "DATE_START"));
        let range = DateValue { end: Some(Point::year(2020)), ..DateValue::point(Point::year(2014)) };
        assert_eq!((range.render().as_str(), range.type_name()), ("2014/2020", "INTERVAL"));
    }
}
