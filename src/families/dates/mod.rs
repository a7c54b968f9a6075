//! Date captures → [`DateValue`] → the `normalized` and `type` columns: the
//! `date` normalizers that the rules in `rules/dates*.toml` call.
//!
//! The patterns decide which text is a date and name its parts with
//! captures; this module converts the parts. Fields are collected as
//! options and validated together ([`Parts`]); a missing year is never
//! invented (it renders as `XXXX` until the anchoring pass resolves it).
//! Nothing here silently corrects the text: an impossible day (`2月30日`)
//! is kept and flagged `invalid_date`, an era date outside its era
//! (`平成31年5月`) is converted by arithmetic and flagged `out_of_era`, and a
//! white-paper year that disagrees with its era year (`18（令和元）年`) is
//! converted from the era year and flagged `era_mismatch`.
//!
//! The submodules, in the order a value is built:
//!
//! * [`numerals`]: Arabic, full-width and kanji numbers (`三十一`, `二〇一九`);
//! * [`names`]: month, weekday and season names;
//! * [`era`]: the era table (`rules/dates/eras.csv`), exact to the day;
//! * [`relative`]: relative words (`the same month`, 翌年) from
//!   `rules/dates/relative.csv`;
//! * [`calendar`]: valid dates, weekdays and day arithmetic;
//! * [`value`]: the value model and its rendering;
//! * [`anchor`]: the document-level pass that resolves relative and
//!   year-less values (`--anchor`);
//! * [`extent`]: the pass that widens duration and time rows over their
//!   modifiers (`less than four months`, `10年以上`).
//!
//! Capture names are documented in `docs/dates.md`.

pub mod anchor;
pub mod calendar;
pub mod era;
pub mod extent;
pub mod family;
pub mod fiscal;
pub mod names;
pub mod numerals;
pub mod relative;
pub mod tense;
pub mod timex;
pub mod value;

pub use anchor::Anchor;
pub use calendar::CivilDate;
pub use family::{FAMILY, KIND};
pub use fiscal::FiscalYear;
pub use value::DateValue;

use crate::diagnostic::Diagnostic;
use crate::normalize::{Fields, Flags, Normalized, Resources};
use crate::rules::tables::Table;
use era::{Era, EraTable};
use relative::{Base, Relative};
use relative::{RelativeTable, Unit};
use value::{Day, DayPart, Modifier, Month, Point, Season, Year};

/// The date normalizers' data: the era table and the relative words.
#[derive(Clone, Debug, Default)]
pub struct DateData {
    /// `[tables.eras]`.
    pub eras: EraTable,
    /// `[tables.relative_dates]`.
    pub relative: RelativeTable,
}

impl DateData {
    /// Reads the tables the date normalizers know: `eras` and
    /// `relative_dates`. Others are ignored here.
    pub fn load(tables: &[Table], diags: &mut Vec<Diagnostic>) -> DateData {
        let mut data = DateData::default();
        for t in tables {
            match t.name.as_str() {
                "eras" => data.eras = EraTable::from_table(t, diags),
                "relative_dates" => data.relative = RelativeTable::from_table(t, diags),
                _ => {}
            }
        }
        data
    }
}

/// The tables the `date` normalizers need, by the capture that needs them.
pub const TABLES: &[(&str, &str)] = &[
    ("era", "eras"),
    ("era_abbr", "eras"),
    ("end_era", "eras"),
    ("end_era_abbr", "eras"),
    ("relative", "relative_dates"),
];

/// The captured text of the parts of one end of an expression.
#[derive(Clone, Copy, Debug, Default)]
struct Texts<'a> {
    year: Option<&'a str>,
    western: Option<&'a str>,
    era: Option<&'a str>,
    era_abbr: Option<&'a str>,
    era_year: Option<&'a str>,
    fy: Option<&'a str>,
    fiscal_year: Option<&'a str>,
    decade: Option<&'a str>,
    month: Option<&'a str>,
    month_name: Option<&'a str>,
    day: Option<&'a str>,
    weekday: Option<&'a str>,
    season: Option<&'a str>,
    hour: Option<&'a str>,
    minute: Option<&'a str>,
    ampm: Option<&'a str>,
    quarter: Option<&'a str>,
    half: Option<&'a str>,
    century: Option<&'a str>,
    daypart: Option<&'a str>,
    /// 元旦, 元日: the first of January of the year before it.
    new_year_day: Option<&'a str>,
    holiday: Option<&'a str>,
    /// A month of a fiscal year (平成二年度の七月): January to March are in
    /// the year after the fiscal year's.
    fy_month: Option<&'a str>,
    num_a: Option<&'a str>,
    num_b: Option<&'a str>,
    yy: Option<&'a str>,
}

impl<'a> Texts<'a> {
    /// The slot of part `name`, when it is one.
    fn slot(&mut self, name: &str) -> Option<&mut Option<&'a str>> {
        Some(match name {
            "year" => &mut self.year,
            "western" => &mut self.western,
            "era" => &mut self.era,
            "era_abbr" => &mut self.era_abbr,
            "era_year" => &mut self.era_year,
            "fy" => &mut self.fy,
            "fiscal_year" => &mut self.fiscal_year,
            "decade" => &mut self.decade,
            "month" => &mut self.month,
            "month_name" => &mut self.month_name,
            "day" => &mut self.day,
            "weekday" => &mut self.weekday,
            "season" => &mut self.season,
            "hour" => &mut self.hour,
            "minute" => &mut self.minute,
            "ampm" => &mut self.ampm,
            "quarter" => &mut self.quarter,
            "half" => &mut self.half,
            "century" => &mut self.century,
            "daypart" => &mut self.daypart,
            "new_year_day" => &mut self.new_year_day,
            "holiday" => &mut self.holiday,
            "fy_month" => &mut self.fy_month,
            "num_a" => &mut self.num_a,
            "num_b" => &mut self.num_b,
            "yy" => &mut self.yy,
            _ => return None,
        })
    }
}

/// Every capture of a date match, read in one pass over its groups: the
/// start (or the point), the end of an interval (`end_` names), and the
/// captures that concern the whole expression. Unknown names are ignored.
#[derive(Clone, Copy, Debug, Default)]
struct Captured<'a> {
    start: Texts<'a>,
    end: Texts<'a>,
    relative: Option<&'a str>,
    to: bool,
    modifier: Option<Modifier>,
    /// `last`/`next`/`this` before a weekday, or 昨/今/明 before a part of
    /// the day: the direction or day offset it gives.
    direction: Option<&'a str>,
    /// `N units ago/earlier/later`, N年前, N日後.
    ago_amount: Option<&'a str>,
    ago_unit: Option<&'a str>,
    ago_dir: Option<&'a str>,
    /// A two-digit end year must be the next year (`2019-20`, not `2020-03`).
    next_year: bool,
    /// Months written with 期 (`4-6月期`): a quarter or half when they are one.
    period: bool,
}

impl<'a> Captured<'a> {
    fn read(f: &Fields<'a>) -> Captured<'a> {
        let mut c = Captured::default();
        for (name, text) in f.named() {
            match name {
                "relative" => c.relative = c.relative.or(Some(text)),
                "to" => c.to = true,
                "mod_start" => c.modifier = Some(Modifier::Start),
                "mod_mid" => c.modifier = Some(Modifier::Mid),
                "mod_end" => c.modifier = Some(Modifier::End),
                "direction" => c.direction = c.direction.or(Some(text)),
                "ago_amount" => c.ago_amount = c.ago_amount.or(Some(text)),
                "ago_unit" => c.ago_unit = c.ago_unit.or(Some(text)),
                "ago_dir" => c.ago_dir = c.ago_dir.or(Some(text)),
                "next_year" => c.next_year = true,
                "period" => c.period = true,
                "both_fy" => {
                    c.start.fy = Some(text);
                    c.end.fy = Some(text);
                }
                _ => {
                    let slot = match name.strip_prefix("end_") {
                        Some(part) => c.end.slot(part),
                        None => c.start.slot(name),
                    };
                    if let Some(slot) = slot {
                        *slot = slot.or(Some(text));
                    }
                }
            }
        }
        c
    }
}

/// The fields of one end of an expression, as the text gave them.
#[derive(Clone, Copy, Debug, Default)]
struct Parts<'r> {
    year: Option<i32>,
    era: Option<&'r Era>,
    /// A Western year written beside an era year, and its digit count.
    western: Option<(i32, usize)>,
    fiscal: bool,
    decade: Option<i32>,
    month: Option<u32>,
    season: Option<Season>,
    day: Option<u32>,
    weekday: Option<u32>,
    time: Option<(u32, u32)>,
    quarter: Option<u8>,
    half: Option<u8>,
    century: Option<i32>,
    part: Option<DayPart>,
}

impl Parts<'_> {
    fn is_empty(&self) -> bool {
        self.year.is_none()
            && self.decade.is_none()
            && self.month.is_none()
            && self.season.is_none()
            && self.day.is_none()
            && self.weekday.is_none()
            && self.time.is_none()
            && self.quarter.is_none()
            && self.half.is_none()
            && self.century.is_none()
            && self.part.is_none()
    }

    /// The first and last day the parts cover, when the year is known:
    /// a fiscal year runs April to March.
    fn span(&self) -> Option<(CivilDate, CivilDate)> {
        let y = self.year?;
        if self.fiscal {
            return Some((CivilDate::new(y, 4, 1)?, CivilDate::new(y + 1, 3, 31)?));
        }
        let (m1, m2) = self.month.map_or((1, 12), |m| (m, m));
        let last_day = calendar::days_in_month(y, m2);
        let (d1, d2) = self.day.map_or((1, last_day), |d| (d.min(last_day), d.min(last_day)));
        Some((CivilDate::new(y, m1, d1)?, CivilDate::new(y, m2, d2)?))
    }

    fn point(&self) -> Point {
        if let Some(d) = self.decade {
            return Point { year: Some(Year::Decade(d as i16)), ..Point::default() };
        }
        if let Some(c) = self.century {
            return Point { year: Some(Year::Century(c as i16)), ..Point::default() };
        }
        let month = self
            .season
            .map(Month::Season)
            .or(self.quarter.map(Month::Quarter))
            .or(self.half.map(Month::Half))
            .or(self.month.map(|m| Month::Known(m as u8)));
        let day = self.day.map(|d| Day::Known(d as u8));
        // A day without its month (`5日`) leaves the month open: XXXX-XX-05.
        let month = month.or(day.map(|_| Month::Unknown));
        let dated = self.year.is_some() || month.is_some() || day.is_some();
        Point {
            year: dated.then(|| self.year.map_or(Year::Unknown, Year::known)),
            month,
            day,
            weekday: self.weekday.map(|w| w as u8),
            time: self.time.map(|(h, m)| (h as u8, m as u8)),
            part: if self.time.is_some() { None } else { self.part },
        }
    }
}

/// Reads the fields named by `names`. `None` rejects the match: a month 13,
/// an unknown era, a number that does not parse.
fn read<'r>(t: &Texts<'_>, eras: &'r EraTable) -> Option<Parts<'r>> {
    let mut p = Parts::default();
    if let Some(y) = t.year {
        p.year = Some(numerals::parse(y).filter(|y| (1000..=9999).contains(y))? as i32);
    }
    if let Some(w) = t.western {
        p.western = Some((numerals::parse(w)? as i32, w.trim().chars().count()));
    }
    let era = match (t.era, t.era_abbr) {
        (Some(name), _) => Some(eras.by_name(name.trim())?),
        (None, Some(abbr)) => Some(eras.by_abbreviation(abbr.trim())?),
        (None, None) => None,
    };
    if let Some(era) = era {
        let n = match t.era_year.map(str::trim) {
            Some("元") => 1,
            Some(n) => numerals::parse(n).filter(|n| (1..=99).contains(n))?,
            None => return None,
        };
        p.era = Some(era);
        p.year = Some(era.year(n));
    }
    if let Some(y) = t.fiscal_year {
        p.year = Some(numerals::parse(y).filter(|y| (1000..=9999).contains(y))? as i32);
        p.fiscal = true;
    }
    p.fiscal |= t.fy.is_some();
    if let Some(d) = t.decade {
        p.decade = Some(numerals::parse(d).filter(|d| (100..=999).contains(d))? as i32);
    }
    p.month = match (t.month, t.month_name) {
        (Some(m), _) => Some(numerals::parse(m).filter(|m| (1..=12).contains(m))?),
        (None, Some(name)) => Some(names::month(name)?),
        (None, None) => None,
    };
    if let Some(d) = t.day {
        p.day = Some(numerals::parse(d).filter(|d| (1..=31).contains(d))?);
    }
    if t.new_year_day.is_some() {
        (p.month, p.day) = (Some(1), Some(1));
    }
    if let Some(h) = t.holiday {
        let (m, d) = names::holiday(h)?;
        (p.month, p.day) = (Some(m), Some(d));
    }
    if let Some(m) = t.fy_month {
        let m = numerals::parse(m).filter(|m| (1..=12).contains(m))?;
        p.fiscal = false;
        p.month = Some(m);
        p.year = p.year.map(|y| if m <= 3 { y + 1 } else { y });
    }
    if let (Some(a), Some(b)) = (t.num_a, t.num_b) {
        // Numeric month and day (`3/5/2020`): a first number over 12 is the
        // day (`25/12/2020`); otherwise U.S. order, month first.
        let (a, b) = (numerals::parse(a)?, numerals::parse(b)?);
        let (m, d) = if a > 12 { (b, a) } else { (a, b) };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        p.month = Some(m);
        p.day = Some(d);
    }
    if let Some(q) = t.quarter {
        p.quarter = Some(names::ordinal(q).filter(|q| (1..=4).contains(q))? as u8);
    }
    if let Some(h) = t.half {
        p.half = Some(names::ordinal(h).filter(|h| (1..=2).contains(h))? as u8);
    }
    if let Some(c) = t.century {
        // `the 19th century` is the 1800s: TIMEX3 `18`.
        p.century = Some(names::ordinal(c).filter(|c| (1..=30).contains(c))? as i32 - 1);
    }
    if let Some(part) = t.daypart {
        p.part = Some(names::day_part(part)?);
    }
    if let Some(w) = t.weekday {
        p.weekday = Some(names::weekday(w)?);
    }
    if let Some(s) = t.season {
        p.season = Some(names::season(s)?);
    }
    if let Some(h) = t.hour {
        let mut hour = numerals::parse(h)?;
        // Japanese minutes may be captured with their 分, or as 半 (half past).
        let minute = match t.minute.map(|m| m.trim().trim_end_matches('分')) {
            None => 0,
            Some("半") => 30,
            Some(m) => numerals::parse(m)?,
        };
        match t.ampm.map(names::is_afternoon) {
            Some(None) => return None,
            Some(Some(pm)) => {
                // 午前零時 is midnight, 午後0時 noon.
                if !(0..=12).contains(&hour) {
                    return None;
                }
                hour = hour % 12 + if pm { 12 } else { 0 };
            }
            None => {}
        }
        if hour > 23 || minute > 59 {
            return None;
        }
        p.time = Some((hour, minute));
    }
    Some(p)
}

/// Flags that concern one end's own fields.
fn check(p: &Parts<'_>, flags: &mut Flags) {
    if let (Some(m), Some(d)) = (p.month, p.day) {
        // Without a year, 2月29日 may be a leap day: only 30 and 31 are wrong.
        if d > calendar::days_in_month(p.year.unwrap_or(2000), m) {
            flags.insert("invalid_date");
        }
    }
    if let (Some(era), Some((first, last))) = (p.era, p.span()) {
        if !era.overlaps(first, last) {
            flags.insert("out_of_era");
        }
    }
    if let (Some((western, digits)), Some(year)) = (p.western, p.year) {
        let agrees = if digits <= 2 { year.rem_euclid(100) == western } else { year == western };
        if !agrees {
            flags.insert("era_mismatch");
        }
    }
    if let (Some(w), Some(date)) = (p.weekday, p.point().date()) {
        if date.weekday() != w {
            flags.insert("weekday_mismatch");
        }
    }
}

/// Fills the parts an interval's end leaves to its start and the other way
/// round (`2019年4月～6月`, `June to October 2020`, `7–8 January 2020`), and
/// rolls the end into the next year when it would otherwise come first
/// (`November 2019 to February`).
fn complete_interval(a: &mut Parts<'_>, b: &mut Parts<'_>) -> Option<()> {
    // A clock time alone at the end (`5月29日19:23~20:08`) is on the start's day.
    if b.time.is_some() && b.year.is_none() && b.month.is_none() && b.day.is_none() {
        (b.year, b.month, b.day) = (a.year, a.month, a.day);
    }
    if b.day.is_some() && b.month.is_none() {
        b.month = a.month;
    }
    if a.day.is_some() && a.month.is_none() {
        a.month = b.month;
    }
    let key = |p: &Parts<'_>| (p.month.unwrap_or(1), p.day.unwrap_or(1));
    match (a.year, b.year) {
        (Some(y), None) if b.decade.is_none() => b.year = Some(if key(b) < key(a) { y + 1 } else { y }),
        (None, Some(y)) if a.decade.is_none() => a.year = Some(if key(b) < key(a) { y - 1 } else { y }),
        _ => {}
    }
    // An interval that ends before it starts is not one (`between 2020 and 2015`).
    if let (Some(ya), Some(yb)) = (a.year, b.year) {
        let last_a = if a.fiscal { (ya + 1, 3, 31) } else { (ya, a.month.unwrap_or(1), a.day.unwrap_or(1)) };
        let last_b = if b.fiscal { (yb + 1, 3, 31) } else { (yb, b.month.unwrap_or(12), b.day.unwrap_or(31)) };
        if last_b < last_a {
            return None;
        }
    }
    Some(())
}

/// The point of one end of an interval; a fiscal year stands for its first
/// month at the start and its last month at the end.
fn interval_end(p: &Parts<'_>, is_end: bool) -> Point {
    if p.fiscal {
        let y = p.year.map(|y| if is_end { y + 1 } else { y });
        return Point::month(y, if is_end { 3 } else { 4 });
    }
    p.point()
}

/// Months written with 期 (`4-6月期`, `一〜六月期`) that make a calendar
/// quarter or half become it (`Q2`, `H1`): the start takes the quarter and
/// the end is emptied. Other months (`4～9月期`) stay an interval.
fn quarter_of_months(a: &mut Parts<'_>, b: &mut Parts<'_>) {
    let (Some(m1), Some(m2)) = (a.month, b.month) else { return };
    if a.day.is_some() || b.day.is_some() || b.year.is_some_and(|y| Some(y) != a.year) {
        return;
    }
    match (m1, m2) {
        (1, 3) | (4, 6) | (7, 9) | (10, 12) => a.quarter = Some(m2.div_ceil(3) as u8),
        (1, 6) | (7, 12) => a.half = Some(m2.div_ceil(6) as u8),
        _ => return,
    }
    a.month = None;
    *b = Parts::default();
}

/// Converts the captures of a date match.
fn convert(f: &Fields<'_>, res: &Resources) -> Option<Normalized> {
    let data = res.get::<DateData>()?;
    let mut flags = Flags::default();
    let mut c = Captured::read(f);
    // An elided era at the end of a range (`令和2～4年度`) is the start's.
    if c.end.era_year.is_some() && c.end.era.is_none() && c.end.era_abbr.is_none() {
        c.end.era = c.start.era;
        c.end.era_abbr = c.start.era_abbr;
    }
    if let (Some(amount), Some(unit)) = (c.ago_amount, c.ago_unit) {
        return ago(amount, unit, c.ago_dir.unwrap_or("ago"), c.modifier);
    }
    let direction = match c.direction {
        Some(d) => Some(names::direction(d)?),
        None => None,
    };
    let mut value = if let Some(text) = c.relative {
        // A relative word, possibly with the finer parts it leaves open:
        // 同年12月 (a month of the same year), 翌月3日 (a day of the next month).
        let rel = data.relative.get(text)?;
        let parts = read(&c.start, &data.eras)?;
        // 昨日30日, 同日3日: a relative day that names its day of the month.
        // TimeML marks the two words as one date; the number decides it,
        // a day of the month resolved like `30日` alone (the month of the
        // preceding date, else the reference date's).
        if matches!(rel.unit, Unit::Day) && parts.day.is_some() && parts.month.is_none() && parts.time.is_none() {
            let day = parts.day.map(|d| Day::Known(d as u8));
            let point = Point { year: Some(Year::Unknown), month: Some(Month::Unknown), day, ..Point::default() };
            return Some(finish(DateValue::point(point), flags));
        }
        let finer_allowed = match rel.unit {
            Unit::Year => true,
            Unit::Month => parts.month.is_none(),
            Unit::Day | Unit::FiscalYear | Unit::Week | Unit::Weekend => parts.month.is_none() && parts.day.is_none(),
        };
        if !finer_allowed || parts.year.is_some() {
            return None;
        }
        check(&parts, &mut flags);
        let month = parts.month.map(|m| Month::Known(m as u8));
        let day = parts.day.map(|d| Day::Known(d as u8));
        let unknown = Some(Year::Unknown);
        let mut v = match rel.unit {
            Unit::Year => DateValue::point(Point { year: unknown, month, day, ..Point::default() }),
            Unit::Month => {
                DateValue::point(Point { year: unknown, month: Some(Month::Unknown), day, ..Point::default() })
            }
            Unit::Day => DateValue::point(Point {
                year: unknown,
                month: Some(Month::Unknown),
                day: Some(Day::Unknown),
                ..Point::default()
            }),
            Unit::FiscalYear => DateValue::fiscal_year(None),
            Unit::Week => DateValue::point(Point { year: unknown, month: Some(Month::Week(0)), ..Point::default() }),
            Unit::Weekend => DateValue::point(Point {
                year: unknown,
                month: Some(Month::Week(0)),
                day: Some(Day::Weekend),
                ..Point::default()
            }),
        };
        v.relative = Some(rel);
        v.start.part = parts.part;
        // 本日午前7時10分: the day named relatively, at a clock time.
        v.start.time = parts.time.map(|(h, m)| (h as u8, m as u8));
        v
    } else {
        let mut a = read(&c.start, &data.eras)?;
        let mut end = read(&c.end, &data.eras)?;
        if let Some(yy) = c.end.yy {
            // A two-digit end year (`2019-20`, `2019～21年`) continues the start's.
            let y = a.year?;
            let mut e = y - y.rem_euclid(100) + numerals::parse(yy)? as i32;
            if e <= y {
                e += 100;
            }
            if e - y > 20 || (c.next_year && e != y + 1) {
                return None;
            }
            end.year = Some(e);
        }
        if c.period {
            quarter_of_months(&mut a, &mut end);
        }
        if let (Some(offset), true) = (direction, a.part.is_some() && a.weekday.is_none()) {
            // 昨夜, 今晩, this morning: a part of a day named relatively.
            let rel = Relative { unit: Unit::Day, offset: i16::from(offset), base: Base::Document };
            let point = Point {
                year: Some(Year::Unknown),
                month: Some(Month::Unknown),
                day: Some(Day::Unknown),
                part: a.part,
                ..Point::default()
            };
            let mut v = DateValue::point(point);
            v.relative = Some(rel);
            return Some(finish(v, flags));
        }
        // A range pattern marks its connective with `to`; its end may not
        // be empty (`2019年から` alone is not a range).
        if end.is_empty() && c.to && !(c.period && (a.quarter.is_some() || a.half.is_some())) {
            return None;
        }
        if end.is_empty() {
            if a.is_empty() {
                return None;
            }
            check(&a, &mut flags);
            if a.fiscal {
                if a.month.is_some() || a.day.is_some() {
                    return None;
                }
                DateValue::fiscal_year(a.year)
            } else {
                DateValue::point(a.point())
            }
        } else {
            let mut b = end;
            if a.is_empty() {
                return None;
            }
            complete_interval(&mut a, &mut b)?;
            check(&a, &mut flags);
            check(&b, &mut flags);
            DateValue { end: Some(interval_end(&b, true)), ..DateValue::point(interval_end(&a, false)) }
        }
    };
    value.modifier = c.modifier;
    value.direction = direction;
    Some(finish(value, flags))
}

fn finish(value: DateValue, flags: Flags) -> Normalized {
    let ty = value.type_name();
    Normalized {
        value: value.render(),
        flags,
        ty: (ty != "DATE").then_some(ty),
        payload: Some(std::sync::Arc::new(value)),
        ..Normalized::default()
    }
}

/// `three years ago`, `a year earlier`, `two days later`, 3年前, 5日後: a
/// relative of the unit, from the document's date (`ago`, 前) or from the
/// preceding expression (`earlier`, `later`, 後). A vague amount (`several
/// months earlier`) is `PAST_REF` or `FUTURE_REF`.
fn ago(amount: &str, unit: &str, dir: &str, modifier: Option<Modifier>) -> Option<Normalized> {
    let (unit, scale) = names::unit(unit)?;
    let (sign, base) = match dir.trim().to_ascii_lowercase().as_str() {
        "ago" | "前" => (-1, Base::Document),
        "earlier" | "before" | "previously" => (-1, Base::Previous),
        "later" | "after" | "後" => (1, Base::Previous),
        "from now" | "hence" => (1, Base::Document),
        _ => return None,
    };
    let Some(n) = names::amount(amount)? else {
        let value = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
        return Some(Normalized::value(value));
    };
    let offset = i16::try_from(i64::from(n) * i64::from(scale) * i64::from(sign)).ok()?;
    let (unit, month, day) = match unit {
        names::TimeUnit::Year => (Unit::Year, None, None),
        names::TimeUnit::Month => (Unit::Month, Some(Month::Unknown), None),
        names::TimeUnit::Week => (Unit::Week, Some(Month::Week(0)), None),
        names::TimeUnit::Day => (Unit::Day, Some(Month::Unknown), Some(Day::Unknown)),
        _ => return None,
    };
    let mut v = DateValue::point(Point { year: Some(Year::Unknown), month, day, ..Point::default() });
    v.relative = Some(Relative { unit, offset, base });
    v.modifier = modifier;
    Some(finish(v, Flags::default()))
}

/// The `date` normalizer: a date, time, interval, fiscal year, decade or
/// relative expression from its captures (see `docs/dates.md`).
pub fn date(f: &Fields<'_>, res: &Resources) -> Option<Normalized> {
    convert(f, res)
}
