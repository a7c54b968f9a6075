//! The extraction families. Each folder is one declared unit: its
//! `family.rs` says what it brings (kinds, normalizers, detectors, document
//! passes, settings, tables, side outputs) in one [`Family`] value, and
//! [`FAMILIES`] lists them. The generic stages never name a family: they
//! are handed the [`Catalog`] (rules), the detectors (matchers) and the
//! passes by `crate::extract`, which reads them from here.
//!
//! * [`entities`]: countries, organizations, people, events, laws;
//! * [`dates`]: dates and times to TIMEX3, Japanese eras;
//! * [`acronyms`]: definitions, mentions and the glossary;
//! * [`amounts`]: money and percentages.

pub mod acronyms;
pub mod amounts;
pub mod dates;
pub mod entities;

use std::io::{self, Write};

use crate::matchers::detector::Detector;
use crate::normalize::{Normalizer, COLLAPSE_SPACE};
use crate::passes::Pass;
use crate::row::Row;
use crate::rules::catalog::{Catalog, SettingsSpec, TablesFn};
use crate::rules::Kind;

/// What one family brings.
#[derive(Debug)]
pub struct Family {
    /// Its name (the folder's).
    pub name: &'static str,
    /// One line for `yomitori rules plan` and the docs.
    pub summary: &'static str,
    /// The kinds its rules may have.
    pub kinds: &'static [Kind],
    /// Normalizers its pattern rules may call.
    pub normalizers: &'static [&'static Normalizer],
    /// Detectors its rules may name.
    pub detectors: &'static [Detector],
    /// Document passes, run after overlap resolution in family order.
    pub passes: &'static [Pass],
    /// Its `[settings.<section>]`, if it has settings.
    pub settings: Option<SettingsSpec>,
    /// Reads the `[tables]` it knows by name into its data.
    pub tables: Option<TablesFn>,
    /// Files it writes beside the rows (the acronym glossary).
    pub outputs: &'static [SideOutput],
}

/// A file a family builds from all rows of a run, such as the acronym
/// glossary.
#[derive(Debug)]
pub struct SideOutput {
    /// Its name (`glossary`), as the command line knows it.
    pub name: &'static str,
    /// Its file name beside the output, and in golden folders.
    pub file_name: &'static str,
    /// A fresh, empty collector.
    pub new: fn() -> Box<dyn SideCollector>,
    /// The columns that hold integers, typed so in a Parquet side output
    /// (the others are strings).
    pub int_columns: &'static [&'static str],
}

/// Collects rows for a side output, in output order, and writes it.
pub trait SideCollector: Send {
    /// Adds rows of the current document: called once or more per document
    /// (once per section of a large one, `crate::pipeline::Part`), then
    /// [`end_document`](SideCollector::end_document).
    fn add(&mut self, rows: &[Row]);
    /// The current document is done.
    fn end_document(&mut self);
    /// Writes the file (with `excel`, neutralized as the rows are).
    ///
    /// # Errors
    /// The writer's error.
    fn write(&self, w: &mut dyn Write, excel: bool) -> io::Result<()>;
}

/// Every family, in the order of their kinds' ranks.
pub static FAMILIES: &[&Family] = &[&entities::FAMILY, &dates::FAMILY, &acronyms::FAMILY, &amounts::FAMILY];

/// What the rules layer validates rule files against: the union of the
/// families' declarations, plus the generic `collapse-space` normalizer.
pub fn catalog() -> Catalog {
    let mut c = Catalog { normalizers: vec![&COLLAPSE_SPACE], ..Catalog::default() };
    for f in FAMILIES {
        c.kinds.extend_from_slice(f.kinds);
        c.normalizers.extend_from_slice(f.normalizers);
        c.detectors.extend(f.detectors.iter().map(|d| d.name));
        c.settings.extend(f.settings);
        c.tables.extend(f.tables);
    }
    c.kinds.sort();
    c.normalizers.sort_by_key(|n| n.name);
    c
}

/// Every detector of every family.
pub fn detectors() -> Vec<Detector> {
    FAMILIES.iter().flat_map(|f| f.detectors.iter().copied()).collect()
}

/// Every document pass, in family order.
pub fn passes() -> Vec<Pass> {
    FAMILIES.iter().flat_map(|f| f.passes.iter().copied()).collect()
}

/// Every side output of the shipped families (the acronym glossary).
pub fn side_outputs() -> impl Iterator<Item = &'static SideOutput> {
    FAMILIES.iter().flat_map(|f| f.outputs.iter())
}
