//! The amounts family as one declared unit.

use super::money::{money, percent};
use super::{AmountData, TABLES};
use crate::families::Family;
use crate::normalize::Normalizer;
use crate::rules::Kind;

/// `kind = "amount"`.
pub const KIND: Kind = Kind::new(3, "amount");

static MONEY: Normalizer = Normalizer {
    name: "money",
    summary:
        "a currency amount as ISO 4217 code + exact decimal (JPY 5400500000000), or a range of two (docs/amounts.md)",
    run: money,
    tables: TABLES,
};

static PERCENT: Normalizer = Normalizer {
    name: "percent",
    summary: "a percentage as a plain decimal (3.5%), or a range (3%/5%) (docs/amounts.md)",
    run: percent,
    tables: TABLES,
};

/// Money and percentages (`docs/amounts.md`).
pub static FAMILY: Family = Family {
    name: "amounts",
    summary: "money as ISO 4217 code + exact decimal, and percentages, in English and Japanese",
    kinds: &[KIND],
    normalizers: &[&MONEY, &PERCENT],
    detectors: &[],
    passes: &[],
    settings: None,
    tables: Some(|tables, resources, diags| resources.insert(AmountData::load(tables, diags))),
    outputs: &[],
};
