//! The acronyms family as one declared unit.

use std::sync::Arc;

use super::glossary::{Glossary, PairGlossary, GLOSSARY, PAIRS};
use super::settings::{settings, AcronymSettings};
use super::{find, mention, schema};
use super::{CUE, JAPANESE, KNOWN, KNOWN_LONG_FORM, LONG_SHORT, MENTION, PDF_GLOSS, SCHWARTZ_HEARST, SHORT_LONG};
use crate::diagnostic::Diagnostic;
use crate::families::{Family, SideOutput};
use crate::matchers::detector::Detector;
use crate::normalize::Payload;
use crate::passes::Pass;
use crate::rules::catalog::{SettingsInput, SettingsSpec};
use crate::rules::Kind;

/// `kind = "acronym"`.
pub const KIND: Kind = Kind::new(2, "acronym");

const fn definitions(name: &'static str) -> Detector {
    Detector { name, find: Some(find) }
}

/// Reads `[settings.acronyms]` of the rule file that has it.
fn load_settings(input: &SettingsInput<'_>, diags: &mut Vec<Diagnostic>) -> Payload {
    match schema::read(input.file.text()) {
        Ok(Some(raw)) => Arc::new(settings(input.file, raw.get_ref(), input.macros, input.tree, diags)),
        Ok(None) => Arc::new(AcronymSettings::default()),
        Err(e) => {
            diags.push(crate::rules::load::toml_error(input.file, &e));
            Arc::new(AcronymSettings::default())
        }
    }
}

/// Acronym definitions, mentions and the glossary (`docs/acronyms.md`).
pub static FAMILY: Family = Family {
    name: "acronyms",
    summary: "acronym definitions (long form and short form) and every later mention",
    kinds: &[KIND],
    normalizers: &[],
    detectors: &[
        definitions(SCHWARTZ_HEARST),
        definitions(LONG_SHORT),
        definitions(SHORT_LONG),
        definitions(KNOWN_LONG_FORM),
        definitions(CUE),
        definitions(JAPANESE),
        definitions(PDF_GLOSS),
        // Rules whose rows the mention pass makes.
        Detector { name: MENTION, find: None },
        Detector { name: KNOWN, find: None },
    ],
    passes: &[Pass { name: "acronym-mentions", run: mention::find }],
    settings: Some(SettingsSpec {
        section: "acronyms",
        load: load_settings,
        default: || Arc::new(AcronymSettings::default()),
    }),
    tables: None,
    outputs: &[
        SideOutput {
            name: "glossary",
            file_name: GLOSSARY,
            new: || Box::new(Glossary::new()),
            int_columns: &["definitions", "mentions", "first_start"],
        },
        SideOutput {
            name: "glossary-pairs",
            file_name: PAIRS,
            new: || Box::new(PairGlossary::new()),
            int_columns: &["documents", "definitions", "mentions", "first_start"],
        },
    ],
};
