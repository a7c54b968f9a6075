//! The entities family as one declared unit.

use super::names::{body_name, drop_relabelled, event_name, law_name, proper_name, EntityData};
use super::short_forms::{acronym_entities, ACRONYM_ENTITIES};
use super::{link_people, office_holder_surname, person_name, PERSON_MENTIONS};
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

static OFFICE_HOLDER_SURNAME: Normalizer = Normalizer {
    name: "office-holder-surname",
    summary: "a kanji surname one office holder has, before a title naming no office (岸田大臣 -> Fumio Kishida); others rejected",
    run: office_holder_surname,
    tables: &[],
};

static PROPER_NAME: Normalizer = Normalizer {
    name: "proper-name",
    summary: "a name from the `name` capture, whitespace collapsed, a leading `The` dropped",
    run: proper_name,
    tables: &[],
};

static EVENT_NAME: Normalizer = Normalizer {
    name: "event-name",
    summary: "proper-name with the stable id `event:<slug of the name>`",
    run: event_name,
    tables: &[],
};

static LAW_NAME: Normalizer = Normalizer {
    name: "law-name",
    summary: "proper-name with the stable id `law:<slug>`; a document symbol (A/RES/75/201) is a name",
    run: law_name,
    tables: &[],
};

static BODY_NAME: Normalizer = Normalizer {
    name: "body-name",
    summary: "proper-name with the stable id `org:<slug>`; a name with an edition ordinal is rejected",
    run: body_name,
    tables: &[],
};

/// Countries, organizations, people, events, laws (`docs/entities.md`).
pub static FAMILY: Family = Family {
    name: "entities",
    summary: "countries, organizations, people, events and laws, with canonical names and ids",
    kinds: &[KIND],
    normalizers: &[&PERSON_NAME, &OFFICE_HOLDER_SURNAME, &PROPER_NAME, &EVENT_NAME, &LAW_NAME, &BODY_NAME],
    // The `person-mentions` rule carries the rows of the linking pass, the
    // `acronym-entities` rule those of short forms named by a definition.
    detectors: &[Detector { name: PERSON_MENTIONS, find: None }, Detector { name: ACRONYM_ENTITIES, find: None }],
    // One row per span and meaning first (a pattern row on a known name's
    // span in another group is dropped), then short forms that a
    // definition names get the entity's rows, then people are linked.
    passes: &[
        Pass { name: "one-row-per-span", run: |c, _, cands| drop_relabelled(c, cands) },
        Pass { name: "acronym-entities", run: acronym_entities },
        Pass { name: "person-linking", run: link_people },
    ],
    settings: None,
    // Office holders and place names (`[tables.office_holders]`,
    // `[tables.country_names]`, `[tables.nationality_names]`).
    tables: Some(|tables, resources, diags| resources.insert(EntityData::load(tables, diags))),
    outputs: &[],
};
