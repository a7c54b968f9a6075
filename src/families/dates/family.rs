//! The dates family as one declared unit.

use super::{anchor, date, extent, fiscal, Anchor, DateData, FiscalYear, TABLES};
use crate::families::Family;
use crate::normalize::Normalizer;
use crate::passes::Pass;
use crate::rules::Kind;

/// `kind = "date"`.
pub const KIND: Kind = Kind::new(1, "date");

static DATE: Normalizer = Normalizer {
    name: "date",
    summary: "date, time, interval, fiscal year, decade or relative date from its captures (docs/dates.md)",
    run: date,
    tables: TABLES,
};

static TIMEX: Normalizer = Normalizer {
    name: "timex",
    summary: "TIMEX3 duration (P3Y), set (P1Y) or reference word (PRESENT_REF) from its captures (docs/dates.md)",
    run: super::timex::timex,
    tables: &[],
};

/// Dates and times to TIMEX3, Japanese eras (`docs/dates.md`).
pub static FAMILY: Family = Family {
    name: "dates",
    summary: "dates and times as TIMEX3 values, Japanese era years included",
    kinds: &[KIND],
    normalizers: &[&DATE, &TIMEX],
    detectors: &[],
    passes: &[
        Pass { name: "extent-modifiers", run: |c, cx, cands| extent::widen(c, cx.hay, cands) },
        Pass {
            name: "fiscal-year",
            run: |c, cx, cands| {
                let mode = cx.options.get::<FiscalYear>().copied().unwrap_or_default();
                fiscal::resolve(c, cx, cands, mode);
            },
        },
        Pass {
            name: "date-anchoring",
            run: |c, cx, cands| {
                let mode = cx.options.get::<Anchor>().copied().unwrap_or_default();
                anchor::resolve(c, cx, cands, mode);
            },
        },
    ],
    settings: None,
    tables: Some(|tables, resources, diags| resources.insert(DateData::load(tables, diags))),
    outputs: &[],
};
