//! Surviving date candidates of one document → the same candidates with
//! relative and year-less values resolved: the anchoring pass (`--anchor`,
//! `--anchor-date`, a JSON Lines record's `date`).
//!
//! It runs after overlap resolution, once per document, in the order the
//! expressions appear. Each value that lacks something gets it from one
//! place, and the row's reference span points at that place:
//!
//! * the **reference date**: the anchor date given on the command line or
//!   in the record (no reference span), else the document's **dateline**,
//!   the first full date (year, month, day) in its first ten lines;
//! * the **antecedent**: the nearest preceding date expression that has
//!   the parts needed (a year; a year and month; a full date), itself
//!   possibly resolved by this pass.
//!
//! | expression | resolved from | example |
//! |---|---|---|
//! | year-less date or season (`in October`, `Jan. 7`, `12月3日`, `fall`) | reference date, else antecedent with a year | `Jan. 7` → `2022-01-07` |
//! | anaphoric relative (`the same month`, `the following month`, 同年, 翌月) | antecedent, else reference date | `the following month` after `December` 2019 → `2020-01` |
//! | deictic relative (`this year`, `last year`, 今年, 昨年, 今年度) | reference date, else antecedent | `this year` → `2022` |
//! | weekday (`Wednesday`) | reference date, else antecedent with a full date | `Wednesday` → the Wednesday nearest the date |
//! | bare time (`2:42 a.m.`) | antecedent full date when named by its weekday, else reference date, else antecedent with a full date | `Tuesday, Sept. 17 … 10:45 a.m.` → `2013-09-17T10:45` |
//!
//! A resolved value replaces `normalized` and gets the `anchored` flag; a
//! value that cannot be resolved (nothing to take it from) stays as it was.
//! Limits (no tense, no event knowledge) are documented in `docs/dates.md`.

use super::calendar::{self, CivilDate};
use super::relative::{Base, Relative, Unit};
use super::tense::{tense_at, Tense};
use super::value::{DateValue, Day, Month, Point, Season, Year};
use crate::compile::Compiled;
use crate::matchers::{Candidate, Value};
use crate::normalize::{Normalized, RefSpan};
use crate::passes::PassContext;

/// Whether and how dates without a year are resolved.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Anchor {
    /// Emit TIMEX3 values (`XXXX-10`); the default.
    #[default]
    Off,
    /// Resolve from the document: a record's `date`, the dateline, the
    /// preceding expressions.
    Context,
    /// Resolve against this date (a record's own `date` still takes
    /// precedence), then the preceding expressions.
    Date(CivilDate),
}

/// How many lines from the top a dateline may start in.
const DATELINE_LINES: usize = 10;

/// A span in the normalized text.
type Span = (usize, usize);

/// Where an offer or the reference came from, the row's reference span.
type Source = RefSpan;

/// A value an expression offers to the ones after it: the value, the
/// expression's own span, and the span of the expression its year came
/// from (itself, or the one this pass copied the year from; `None` when the
/// year came from the given anchor date).
#[derive(Clone, Copy)]
struct Offer<T> {
    value: T,
    span: Source,
    year_source: Option<Source>,
}

impl<T> Offer<T> {
    fn earlier(self, to_source: &dyn Fn(usize, usize) -> (usize, usize)) -> Offer<T> {
        Offer {
            value: self.value,
            span: self.span.earlier(to_source),
            year_source: self.year_source.map(|s| s.earlier(to_source)),
        }
    }
}

/// The nearest preceding expression with a year; with a year and month;
/// with a full date (and whether that one was named by its weekday); with
/// a fiscal year.
#[derive(Default)]
struct Antecedents {
    year: Option<Offer<i32>>,
    month: Option<Offer<(i32, u32)>>,
    day: Option<Offer<CivilDate>>,
    /// `day` when it was written with its weekday (`Tuesday, Sept. 17`,
    /// `Monday`): the day a schedule's bare times after it are on.
    weekday_day: Option<Offer<CivilDate>>,
    fiscal_year: Option<Offer<i32>>,
}

impl Antecedents {
    /// Records what `v` offers. An unresolved relative and an interval
    /// offer nothing; a point (`late 2020` included) what it knows.
    /// `written` is the value as the text wrote it, before this pass.
    fn record(&mut self, v: &DateValue, span: Source, year_source: Option<Source>, written: &DateValue) {
        let offer = |value| Offer { value, span, year_source };
        if v.relative.is_some() {
            return;
        }
        if v.fiscal {
            if let Some(y) = v.start.known_year() {
                self.fiscal_year = Some(offer(y));
                // 昭和六十三年度 … 翌々年: a fiscal year lends its first year
                // to a relative year after it.
                self.year = Some(offer(y));
            }
            return;
        }
        if v.end.is_some() {
            return;
        }
        let p = &v.start;
        let Some(y) = p.known_year() else { return };
        self.year = Some(Offer { value: y, span, year_source });
        if let Some(m) = p.known_month() {
            self.month = Some(Offer { value: (y, m), span, year_source });
            self.fiscal_year = Some(Offer { value: if m >= 4 { y } else { y - 1 }, span, year_source });
            if let Some(d) = p.date() {
                self.day = Some(Offer { value: d, span, year_source });
                // A schedule's day stays through the bare times after it.
                if written.start.weekday.is_some() {
                    self.weekday_day = self.day;
                } else if written.start.has_date() {
                    self.weekday_day = None;
                }
            }
        }
    }
}

/// The reference date and its span (`None`: the given anchor date).
#[derive(Clone, Copy)]
struct Reference {
    date: CivilDate,
    span: Option<Source>,
    /// Inferred from the document (`anchor_inferred`), not given or a
    /// dateline.
    inferred: bool,
}

/// Resolves the date candidates of one document in place. `record_date` is
/// the document's own date (`YYYY-MM-DD`), used when anchoring is on.
pub fn resolve(c: &Compiled, cx: &mut PassContext<'_>, cands: &mut [Candidate], anchor: Anchor) {
    if anchor == Anchor::Off {
        return;
    }
    let (hay, record_date) = (cx.hay, cx.doc_date);
    let carried: Carried = cx.carried();
    let mut order: Vec<usize> = (0..cands.len())
        .filter(|&i| {
            c.rules[cands[i].rule as usize].kind == super::KIND
                && matches!(&cands[i].value, Value::Computed(n) if n.payload::<DateValue>().is_some())
        })
        .collect();
    order.sort_by_key(|&i| (cands[i].start, cands[i].end));
    let given = given_date(anchor, record_date);
    // A document's reference is chosen once, in its first section (the
    // dateline is there; the dominant year is counted there).
    let reference = if carried.begun {
        carried.reference
    } else if let Some(date) = given {
        Some(Reference { date, span: None, inferred: false })
    } else {
        let mentions: Vec<Mention> = order.iter().filter_map(|&i| mention_of(&cands[i])).collect();
        document_reference(&mentions, dateline_limit(hay))
    };
    let mut before = carried.before;
    for i in order {
        let (at, end) = (cands[i].start, cands[i].end);
        let span = RefSpan::Here(at, end);
        let Value::Computed(n) = &mut cands[i].value else { continue };
        let Some(v) = n.payload::<DateValue>().copied() else { continue };
        let written = v;
        let mut year_source = Some(span);
        let tense = || tense_at(hay, at, end);
        if let Some(r) = resolve_one(&v, reference, &before, &tense) {
            year_source = r.year_source.unwrap_or(Some(span));
            let from_inferred = r.by_reference && reference.is_some_and(|x| x.inferred);
            apply(n, r.value, r.source);
            if from_inferred {
                n.flags.insert("anchor_inferred");
            }
        }
        if let Some(v) = n.payload::<DateValue>() {
            before.record(v, span, year_source, &written);
        }
    }
    if cx.carrying() {
        let to_source = cx.to_source;
        let reference = reference.map(|r| Reference { span: r.span.map(|s| s.earlier(to_source)), ..r });
        let before = Antecedents {
            year: before.year.map(|x| x.earlier(to_source)),
            month: before.month.map(|x| x.earlier(to_source)),
            day: before.day.map(|x| x.earlier(to_source)),
            weekday_day: before.weekday_day.map(|x| x.earlier(to_source)),
            fiscal_year: before.fiscal_year.map(|x| x.earlier(to_source)),
        };
        cx.carry(Carried { begun: true, reference, before });
    }
}

/// What the pass knows at the end of a section, for the next one.
#[derive(Default)]
struct Carried {
    /// A section was resolved: `reference` is the document's.
    begun: bool,
    reference: Option<Reference>,
    before: Antecedents,
}

/// The date the document's reference is given as: the record's `date`, else
/// `--anchor-date`.
fn given_date(anchor: Anchor, record_date: Option<&str>) -> Option<CivilDate> {
    record_date.and_then(CivilDate::parse_iso).or(match anchor {
        Anchor::Date(d) => Some(d),
        _ => None,
    })
}

/// A date expression as the reference-date rules read it: where it is, the
/// full date it names (a point with year, month and day) and the year it
/// names (a point that is neither a fiscal year, an interval nor a
/// relative). The anchoring pass reads mentions from its candidates,
/// [`creation_time`] from the rows; [`document_reference`] is the one rule.
#[derive(Clone, Copy, Debug)]
struct Mention {
    span: Span,
    date: Option<CivilDate>,
    year: Option<i32>,
}

/// The mention a date candidate makes, before this pass resolves it.
fn mention_of(c: &Candidate) -> Option<Mention> {
    let Value::Computed(n) = &c.value else { return None };
    let v = n.payload::<DateValue>()?;
    let point = v.end.is_none() && v.relative.is_none();
    Some(Mention {
        span: (c.start, c.end),
        date: point.then(|| v.start.date()).flatten(),
        year: (point && !v.fiscal).then(|| v.start.known_year()).flatten(),
    })
}

/// The byte offset where the lines a dateline may start in end.
fn dateline_limit(hay: &str) -> usize {
    memchr::memchr_iter(b'\n', hay.as_bytes()).nth(DATELINE_LINES - 1).unwrap_or(hay.len())
}

/// How many explicit dates must name a document's dominant year before it
/// is taken as the year the document is about.
const INFERRED_MIN_MENTIONS: usize = 3;

/// A document's reference date when none is given, from its mentions in
/// text order:
///
/// * the **dateline**: the first full date that starts before `limit` (the
///   end of the first [`DATELINE_LINES`] lines), as in a news article;
/// * else the year the document is about: the year its points name most
///   often, when it is named at least [`INFERRED_MIN_MENTIONS`] times and
///   more often than any other year. It stands as its last day, so that a
///   past-tense month falls in that year and a future one not before it. A
///   yearly report (seed 003, the Diplomatic Bluebook 2021 on 2020: 28
///   mentions of 2020, 18 of 2019) is about its dominant year, not the year
///   of its latest flashback (`announced in June 2019`). A short text with
///   no clear dominant year has none, and keeps the preceding expressions as
///   its source. The reference span is the first mention of that year.
fn document_reference(mentions: &[Mention], limit: usize) -> Option<Reference> {
    let dateline = mentions.iter().take_while(|m| m.span.0 < limit).find_map(|m| {
        let date = m.date?;
        Some(Reference { date, span: Some(RefSpan::Here(m.span.0, m.span.1)), inferred: false })
    });
    if dateline.is_some() {
        return dateline;
    }
    let mut counts: Vec<(i32, usize, Span)> = Vec::new();
    for m in mentions {
        let Some(y) = m.year else { continue };
        match counts.iter_mut().find(|c| c.0 == y) {
            Some(c) => c.1 += 1,
            None => counts.push((y, 1, m.span)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    let &(year, n, span) = counts.first()?;
    let runner_up = counts.get(1).map_or(0, |c| c.1);
    (n >= INFERRED_MIN_MENTIONS && n > runner_up).then_some(())?;
    Some(Reference { date: CivilDate::new(year, 12, 31)?, span: Some(RefSpan::Here(span.0, span.1)), inferred: true })
}

/// The first month a point covers, for comparing with the reference date.
fn first_month(p: &Point) -> Option<u32> {
    Some(match p.month? {
        Month::Known(m) => u32::from(m),
        Month::Quarter(q) => u32::from(q) * 3 - 2,
        Month::Half(h) => u32::from(h) * 6 - 5,
        Month::Season(s) => match s {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        },
        Month::Unknown | Month::Week(_) => return None,
    })
}

/// The last month a point covers.
fn last_month(p: &Point) -> Option<u32> {
    Some(match p.month? {
        Month::Quarter(q) => u32::from(q) * 3,
        Month::Half(h) => u32::from(h) * 6,
        Month::Season(Season::Winter) => 14,
        _ => first_month(p)? + u32::from(matches!(p.month, Some(Month::Season(_)))) * 2,
    })
}

/// How many days before the reference date a future-tense day stays in the
/// reference year (see [`tensed_year`]).
const RECENT_DAYS: i64 = 60;

/// The year of a year-less point by the tense of its sentence: past → the
/// latest occurrence that has begun by the reference date; future → the
/// earliest that has not ended before it; otherwise the reference year.
fn tensed_year(p: &Point, end: Option<&Point>, r: CivilDate, tense: Tense) -> i32 {
    let y = r.year();
    // In January and February the winter under way began the year before
    // (今冬 on 2023-01-01 is 2022-WI).
    if end.is_none() && p.month == Some(Month::Season(Season::Winter)) && r.month() <= 2 {
        return y - 1;
    }
    let (Some(first), Some(last)) = (first_month(p), last_month(end.unwrap_or(p))) else { return y };
    // A day named with its weekday (`Sunday, Dec. 6`): the year, of the
    // reference year and the two around it, in which that day is that
    // weekday, the nearest one first.
    if let (Some(w), Some(d)) = (p.weekday, p.known_day()) {
        let fits = |year: i32| CivilDate::new(year, first, d).is_some_and(|c| c.weekday() == u32::from(w));
        if let Some(year) = [y, y - 1, y + 1].into_iter().find(|&year| fits(year)) {
            return year;
        }
    }
    let day = |q: &Point, default| q.known_day().unwrap_or(default);
    let begun = (first, day(p, 1)) <= (r.month(), r.day());
    let ended = (last, day(end.unwrap_or(p), 31)) < (r.month(), r.day());
    // A day a week or less after the reference date, in a past-tense
    // sentence, is a plan told in the past (`予定されていた…取りやめとなりました`),
    // not the same day a year before.
    let soon = p.known_day().is_some_and(|d| {
        CivilDate::new(y, first, d)
            .is_some_and(|date| (0..=7).contains(&(date.days_since_epoch() - r.days_since_epoch())))
    });
    // A day at most [`RECENT_DAYS`] before the reference date, in a
    // future-tense sentence, is a day just past told in a list of plans or
    // a quotation (`Jan. 16` on a page of 2018-01-18), not the same day a
    // year later.
    let recent = end.is_none()
        && p.known_day().is_some_and(|d| {
            CivilDate::new(y, first, d)
                .is_some_and(|date| (1..=RECENT_DAYS).contains(&(r.days_since_epoch() - date.days_since_epoch())))
        });
    match tense {
        Tense::Past if !begun && !soon => y - 1,
        Tense::Future if ended && !recent => y + 1,
        _ => y,
    }
}

fn apply(n: &mut Normalized, v: DateValue, source: Option<Source>) {
    n.value = v.render();
    let ty = v.type_name();
    n.ty = (ty != "DATE").then_some(ty);
    n.flags.insert("anchored");
    n.reference = source;
    n.payload = Some(std::sync::Arc::new(v));
}

/// A resolved value.
struct Resolved {
    value: DateValue,
    /// The expression it was resolved from, the row's reference (`None`:
    /// the given anchor date).
    source: Option<Source>,
    /// Where the resolved year came from, when not from this expression
    /// itself (`None`): passed on to the expressions after it.
    year_source: Option<Option<Source>>,
    /// Resolved from the reference date (not an antecedent).
    by_reference: bool,
}

fn resolve_one(
    v: &DateValue,
    reference: Option<Reference>,
    before: &Antecedents,
    tense: &dyn Fn() -> Tense,
) -> Option<Resolved> {
    if let Some(rel) = v.relative {
        return resolve_relative(v, rel, reference, before, tense);
    }
    let p = &v.start;
    // A bare weekday or time: a full date is needed. A bare time whose
    // nearest preceding full date was named by its weekday is on that day
    // (a schedule: `Tuesday, Sept. 17 … 10:45 a.m.`), else on the reference
    // date; a weekday counts from the reference date.
    if !p.has_date() {
        let scheduled = before.weekday_day.filter(|_| p.weekday.is_none());
        let by_antecedent = scheduled.is_some();
        let base = match (reference, scheduled) {
            (_, Some(day)) => day,
            (Some(r), None) => Offer { value: r.date, span: RefSpan::Here(0, 0), year_source: r.span },
            (None, None) => before.day?,
        };
        let by_reference = reference.is_some() && !by_antecedent;
        let source = if by_reference { base.year_source } else { Some(base.span) };
        // `last Friday` and `next Friday` are exact. A bare weekday follows
        // the tense: in a past-tense sentence the latest one before the
        // reference date, in a future one the next; otherwise (and when it
        // is the reference date's own weekday) the nearest one.
        let date = match (p.weekday, v.direction) {
            (Some(w), Some(d @ (-1 | 1))) => base.value.strict_weekday(u32::from(w), d > 0),
            (Some(w), Some(_)) => base.value.nearest_weekday(u32::from(w)),
            (Some(w), None) => match tense() {
                t @ (Tense::Past | Tense::Future) if base.value.weekday() != u32::from(w) => {
                    base.value.strict_weekday(u32::from(w), t == Tense::Future)
                }
                _ => base.value.nearest_weekday(u32::from(w)),
            },
            (None, _) => base.value,
        };
        let point = Point { time: p.time, part: p.part, ..point_of(date) };
        let year_source = (date.year() == base.value.year()).then_some(base.year_source);
        // A range of bare times (`13:46～14:13`) is on the same day.
        let end = v.end.map(|e| if e.has_date() { e } else { Point { time: e.time, part: e.part, ..point_of(date) } });
        return Some(Resolved { value: DateValue { start: point, end, ..*v }, source, year_source, by_reference });
    }
    // A year-less date, season or interval: a year is needed.
    let unknown = |p: &Point| p.year == Some(Year::Unknown);
    if !unknown(p) && !v.end.as_ref().is_some_and(unknown) {
        return None;
    }
    let (year, source) = match reference {
        Some(r) => (tensed_year(p, v.end.as_ref(), r.date, tense()), r.span),
        None => before.year.map(|o| (o.value, o.year_source))?,
    };
    let mut out = *v;
    out.start.year = Some(Year::known(year));
    if let Some(end) = &mut out.end {
        // `from November to February`: the end rolls into the next year.
        let key = |p: &Point| (p.known_month().unwrap_or(1), p.known_day().unwrap_or(1));
        let y = if key(end) < key(&out.start) { year + 1 } else { year };
        end.year = Some(Year::known(y));
    }
    // A day without its month (`4日には`): the month of the nearest
    // preceding date, else the reference date's.
    if out.start.month == Some(Month::Unknown) && out.start.known_day().is_some() {
        let month = before.month.map(|o| o.value).or(reference.map(|r| (r.date.year(), r.date.month())));
        let (y, m) = month?;
        for p in std::iter::once(&mut out.start).chain(out.end.as_mut()) {
            if p.month == Some(Month::Unknown) {
                p.year = Some(Year::known(y));
                p.month = Some(Month::Known(m as u8));
            }
        }
    }
    Some(Resolved { value: out, source, year_source: Some(source), by_reference: reference.is_some() })
}

fn resolve_relative(
    v: &DateValue,
    rel: Relative,
    reference: Option<Reference>,
    before: &Antecedents,
    tense: &dyn Fn() -> Tense,
) -> Option<Resolved> {
    let fy_of = |d: CivilDate| if d.month() >= 4 { d.year() } else { d.year() - 1 };
    // The base as an offer: the reference date, or the antecedent for the unit.
    let from_reference = || {
        let r = reference?;
        Some((Offer { value: r.date, span: RefSpan::Here(0, 0), year_source: r.span }, r.span))
    };
    let offset = i32::from(rel.offset);
    let compute = |base: CivilDate| -> (DateValue, i32) {
        match rel.unit {
            Unit::Year => {
                let y = base.year() + offset;
                (DateValue::point(Point::year(y)), y)
            }
            Unit::Month => {
                let (y, m) = calendar::add_months(base.year(), base.month(), offset);
                (DateValue::point(Point::month(Some(y), m)), y)
            }
            Unit::Day => {
                let d = base.add_days(i64::from(rel.offset));
                (DateValue::point(point_of(d)), d.year())
            }
            Unit::FiscalYear => {
                let y = fy_of(base) + offset;
                (DateValue::fiscal_year(Some(y)), y)
            }
            Unit::Week => {
                let (y, w) = base.add_days(7 * i64::from(rel.offset)).iso_week();
                (
                    DateValue::point(Point {
                        year: Some(Year::known(y)),
                        month: Some(Month::Week(w as u8)),
                        ..Point::default()
                    }),
                    y,
                )
            }
            Unit::Weekend => {
                // The Saturday of the base's week, moved by the offset; `the
                // weekend` in a past-tense sentence is the one before the
                // base, unless the base is itself on a weekend.
                let saturday = base.add_days(6 - i64::from(base.weekday()));
                let back = offset == 0 && base.weekday() < 6 && tense() == Tense::Past;
                let weeks = i64::from(rel.offset) - i64::from(back);
                let (y, w) = saturday.add_days(7 * weeks).iso_week();
                (
                    DateValue::point(Point {
                        year: Some(Year::known(y)),
                        month: Some(Month::Week(w as u8)),
                        day: Some(Day::Weekend),
                        ..Point::default()
                    }),
                    y,
                )
            }
        }
    };
    // An antecedent lends a stand-in date with the parts it has.
    let from_antecedent = || -> Option<(Offer<CivilDate>, Option<Source>)> {
        let stand_in = |o: Offer<(i32, u32, u32)>| {
            let (y, m, d) = o.value;
            Some((Offer { value: CivilDate::new(y, m, d)?, span: o.span, year_source: o.year_source }, Some(o.span)))
        };
        let lift = |o: Offer<i32>, m, d| Offer { value: (o.value, m, d), span: o.span, year_source: o.year_source };
        match rel.unit {
            Unit::Year => stand_in(lift(before.year?, 1, 1)),
            Unit::Month => {
                let o = before.month?;
                stand_in(Offer { value: (o.value.0, o.value.1, 1), span: o.span, year_source: o.year_source })
            }
            Unit::Day | Unit::Week | Unit::Weekend => before.day.map(|o| (o, Some(o.span))),
            // A fiscal year stands in as its April.
            Unit::FiscalYear => stand_in(lift(before.fiscal_year?, 4, 1)),
        }
    };
    // Only the source asked for first is computed when it gives a base.
    let by_antecedent = || from_antecedent().map(|a| (a, false));
    let by_reference = || from_reference().map(|r| (r, true));
    let ((base, source), by_reference) = match rel.base {
        Base::Previous => by_antecedent().or_else(by_reference)?,
        Base::Document => by_reference().or_else(by_antecedent)?,
    };
    let (mut out, year) = compute(base.value);
    // The finer parts the text gave: 同年12月, 翌月3日.
    match rel.unit {
        Unit::Year if v.start.known_month().is_some() => {
            out.start.month = v.start.month;
            out.start.day = v.start.day;
        }
        Unit::Month if v.start.known_day().is_some() => out.start.day = v.start.day,
        _ => {}
    }
    out.modifier = v.modifier;
    out.start.part = v.start.part;
    out.start.time = v.start.time;
    // The year is the base's when the offset did not change it.
    let year_source = (year == base.value.year()).then_some(base.year_source);
    Some(Resolved { value: out, source, year_source, by_reference })
}

fn point_of(d: CivilDate) -> Point {
    Point {
        year: Some(Year::known(d.year())),
        month: Some(Month::Known(d.month() as u8)),
        day: Some(Day::Known(d.day() as u8)),
        ..Point::default()
    }
}

/// Where a document's creation time ([`creation_time`]) comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CreationSource {
    /// The record's `date` or `--anchor-date`: no span in the text.
    Given,
    /// The dateline: the first full date in the first lines.
    Dateline,
    /// The document's dominant year (`anchor_inferred`); the span is its
    /// first mention.
    Inferred,
}

/// A document's reference date as the anchoring pass chose it, for the
/// TimeML `DCT` (`emit::timeml`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CreationTime {
    /// The TIMEX3 value: a date (`2022-01-27`), or for an inferred
    /// reference the year alone (`2020`), which is all the text gives.
    pub value: String,
    /// The source byte span of the dateline or of the first mention of the
    /// inferred year.
    pub span: Option<(usize, usize)>,
    /// Where it comes from.
    pub source: CreationSource,
}

/// The reference date [`resolve`] used for a document, recovered from its
/// rows: the record's `date` (also with anchoring off: it is the document's
/// own metadata), else `--anchor-date`, else with anchoring on the dateline
/// or the inferred year, chosen by the pass's own rule
/// ([`document_reference`]) over the mentions the rows make. A row the pass resolved
/// (`anchored`) is left out of both, as the pass ran before it was
/// resolved. `text` is the source text the rows' offsets point into.
pub fn creation_time(
    text: &str,
    rows: &[crate::row::Row],
    anchor: Anchor,
    record_date: Option<&str>,
) -> Option<CreationTime> {
    let given = given_date(anchor, record_date);
    if let Some(d) = given {
        return Some(CreationTime { value: d.to_string(), span: None, source: CreationSource::Given });
    }
    if anchor == Anchor::Off {
        return None;
    }
    let flagged = |r: &crate::row::Row, f: &str| r.flags.split(';').any(|x| x == f);
    let mut dates: Vec<&crate::row::Row> =
        rows.iter().filter(|r| r.kind == super::KIND && !flagged(r, "anchored")).collect();
    dates.sort_by_key(|r| (r.start, r.end));
    // The pass counts lines in the normalized view, which deletes some line
    // breaks (`docs/dates.md`); map its limit back to the source.
    let view = crate::text::DocumentView::new(text);
    let limit = dateline_limit(view.text());
    let limit = view.map().to_source(limit, limit).0;
    let mentions: Vec<Mention> = dates.iter().copied().map(row_mention).collect();
    let r = document_reference(&mentions, limit)?;
    Some(if r.inferred {
        CreationTime { value: r.date.year().to_string(), span: r.span.map(row_span), source: CreationSource::Inferred }
    } else {
        CreationTime { value: r.date.to_string(), span: r.span.map(row_span), source: CreationSource::Dateline }
    })
}

/// A reference span of [`creation_time`]: its mentions are rows, in source
/// bytes already.
fn row_span(s: Source) -> (usize, usize) {
    match s {
        RefSpan::Here(a, b) | RefSpan::Earlier(a, b) => (a, b),
    }
}

/// The mention a date row makes, read back from its value: what
/// [`mention_of`] gives for the candidate the row came from.
fn row_mention(r: &crate::row::Row) -> Mention {
    let point = !r.normalized.contains('/') && !r.ty.starts_with("FISCAL_YEAR");
    // The pass reads the date normalizer's points; the `timex` values
    // (durations, sets, `PRESENT_REF`) never start with a year.
    let date_or_time = r.ty.starts_with("DATE") || r.ty.starts_with("TIME");
    let v = r.normalized.as_str();
    let year = v
        .get(..4)
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
        .filter(|_| matches!(v.as_bytes().get(4), None | Some(b'-' | b'T')))
        .and_then(|y| y.parse().ok());
    Mention {
        span: (r.start, r.end),
        date: CivilDate::parse_iso(v).filter(|_| point),
        year: year.filter(|_| point && date_or_time),
    }
}
