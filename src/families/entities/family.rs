//! The entities family as one declared unit.

use super::{link_people, person_name, proper_name, PERSON_MENTIONS};
use crate::families::Family;
use crate::matchers::detector::Detector;
use crate::normalize::Normalizer;
use crate::passes::Pass;
use crate::rules::Kind;

/// `kind = "entity"`.
pub const KIND: Kind = Kind::new(0, "entity");

static PERSON_NAME: Normalizer = Normalizer {
    name: "person-name",
    summary: "a person's name from the `name` capture, upper-case words title-cased (RIEKO MIKI -> Rieko Miki)",
    run: person_name,
    tables: &[],
};

static PROPER_NAME: Normalizer = Normalizer {
    name: "proper-name",
    summary: "a name from the `name` capture, whitespace collapsed, a leading `The` dropped",
    run: proper_name,
    tables: &[],
};

/// Countries, organizations, people, events, laws (`docs/entities.md`).
pub static FAMILY: Family = Family {
    name: "entities",
    summary: "countries, organizations, people, events and laws, with canonical names and ids",
    kinds: &[KIND],
    normalizers: &[&PERSON_NAME, &PROPER_NAME],
    // The `person-mentions` rule carries the rows of the linking pass.
    detectors: &[Detector { name: PERSON_MENTIONS, find: None }],
    passes: &[Pass { name: "person-linking", run: |c, cx, cands| link_people(c, cx.hay, cands) }],
    settings: None,
    tables: None,
    outputs: &[],
};
