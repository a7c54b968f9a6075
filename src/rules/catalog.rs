//! What the rules layer validates against, declared by the families and
//! handed to the loader: kinds, normalizers, detector names, settings
//! sections and table readers. The rules layer knows no family by name;
//! `crate::families` builds the [`Catalog`] of the shipped families.

use super::macros::Macros;
use super::tables::Table;
use super::tree::RuleTree;
use super::Kind;
use crate::diagnostic::{Diagnostic, SourceFile};
use crate::normalize::{Normalizer, Payload, Resources};

/// A family's `[settings.<section>]` of a rule file.
#[derive(Clone, Copy, Debug)]
pub struct SettingsSpec {
    /// The section name (`acronyms` for `[settings.acronyms]`).
    pub section: &'static str,
    /// Reads the section from the rule file that has it. The file's whole
    /// text is given so that the family can deserialize its section with
    /// spans relative to the file, for caret diagnostics.
    pub load: fn(&SettingsInput<'_>, &mut Vec<Diagnostic>) -> Payload,
    /// The settings when no rule file has the section.
    pub default: fn() -> Payload,
}

/// What a settings reader is given.
pub struct SettingsInput<'a> {
    /// The rule file with the section.
    pub file: &'a SourceFile,
    /// The rule set's macros (settings may hold regexes).
    pub macros: &'a Macros,
    /// Where data files named by the settings are read from.
    pub tree: &'a RuleTree,
}

/// Reads the tables a family knows by name into its data.
pub type TablesFn = fn(&[Table], &mut Resources, &mut Vec<Diagnostic>);

/// Everything the loader validates rule files against.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    /// The kinds rules may have, in the order summaries list them.
    pub kinds: Vec<Kind>,
    /// Normalizers by name.
    pub normalizers: Vec<&'static Normalizer>,
    /// Detector names a rule may give with `detector = "..."`.
    pub detectors: Vec<&'static str>,
    /// Settings sections.
    pub settings: Vec<SettingsSpec>,
    /// Table readers.
    pub tables: Vec<TablesFn>,
}

impl Catalog {
    /// The kind called `name`.
    pub fn kind(&self, name: &str) -> Option<Kind> {
        self.kinds.iter().copied().find(|k| k.as_str() == name)
    }

    /// The normalizer called `name`.
    pub fn normalizer(&self, name: &str) -> Option<&'static Normalizer> {
        self.normalizers.iter().copied().find(|n| n.name == name)
    }

    /// The settings section called `name`.
    pub fn settings(&self, name: &str) -> Option<&SettingsSpec> {
        self.settings.iter().find(|s| s.section == name)
    }

    /// `a, b or c`, for diagnostics.
    pub fn kind_names(&self) -> String {
        let names: Vec<&str> = self.kinds.iter().map(|k| k.as_str()).collect();
        match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            _ => names.join(""),
        }
    }
}
