//! The declarative layer: rule files → [`RuleSet`].
//!
//! [`schema`] reads a file into `RawRule`s that keep their spans;
//! [`validate`] checks them and resolves macros and gazetteers into
//! [`Rule`]s; [`load`] does this for a whole directory and reports every
//! diagnostic at once. Nothing here matches text: [`crate::compile`] turns a
//! `RuleSet` into an `Extractor`.

pub mod acronyms;
pub mod examples;
pub mod gazetteer;
pub mod load;
pub mod macros;
pub mod schema;
pub mod tables;
pub mod tree;
pub mod validate;

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, SourceFile};
pub use acronyms::AcronymSettings;
pub use gazetteer::Term;
pub use load::{load_builtin, load_dir};
use macros::Expanded;
pub use tree::RuleTree;

/// What a rule extracts; the `kind` column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Countries, organizations, people, events, laws.
    Entity,
    /// Dates, times, intervals.
    Date,
    /// Acronym definitions and mentions.
    Acronym,
}

impl Kind {
    /// All kinds, in the order summaries list them.
    pub const ALL: [Kind; 3] = [Kind::Entity, Kind::Date, Kind::Acronym];

    /// The name used in rule files and in the `kind` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Entity => "entity",
            Kind::Date => "date",
            Kind::Acronym => "acronym",
        }
    }

    /// Parses a name from a rule file.
    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How candidates of one overlap group that overlap are resolved.
///
/// Two candidates conflict when they overlap (nesting included) and share a
/// kind and a `group` (by default the group is the rule's type, so a COUNTRY
/// inside an EVENT is kept). With the terms `Sam` and `Samwise` on the text
/// `Samwise`:
///
/// * [`Longest`](OverlapPolicy::Longest): `Samwise` only; ties in length go
///   to the higher priority, then to the earlier start.
/// * [`Priority`](OverlapPolicy::Priority): the higher-priority rule's match,
///   whatever its length; ties go to the longer, then the earlier.
/// * [`All`](OverlapPolicy::All): both, `Sam` and `Samwise`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverlapPolicy {
    /// Keep every candidate.
    All,
    /// The longest candidate wins, then the higher priority.
    Longest,
    /// The higher priority wins, then the longer candidate.
    Priority,
}

impl OverlapPolicy {
    /// Parses the `overlap` value of a rule file.
    pub fn parse(s: &str) -> Option<OverlapPolicy> {
        match s {
            "all" => Some(OverlapPolicy::All),
            "longest" => Some(OverlapPolicy::Longest),
            "priority" => Some(OverlapPolicy::Priority),
            _ => None,
        }
    }

    /// The name used in rule files.
    pub fn as_str(self) -> &'static str {
        match self {
            OverlapPolicy::All => "all",
            OverlapPolicy::Longest => "longest",
            OverlapPolicy::Priority => "priority",
        }
    }
}

/// Text conditions at the edges of a match (the regex crate has no
/// look-around). Each is a regex; `before` must match text ending right at
/// the span's start, `after` text starting right at its end.
#[derive(Clone, Debug, Default)]
pub struct Context {
    /// Must match just before.
    pub before: Option<Expanded>,
    /// Must not match just before.
    pub not_before: Option<Expanded>,
    /// Must match just after.
    pub after: Option<Expanded>,
    /// Must not match just after.
    pub not_after: Option<Expanded>,
}

impl Context {
    /// True when no condition is set.
    pub fn is_empty(&self) -> bool {
        self.before.is_none() && self.not_before.is_none() && self.after.is_none() && self.not_after.is_none()
    }
}

/// A `$name` template for values and ids.
#[derive(Clone, Debug)]
pub struct Template {
    /// Literal text and capture names, in order.
    pub parts: Vec<TemplatePart>,
}

/// One piece of a [`Template`].
#[derive(Clone, Debug)]
pub enum TemplatePart {
    /// Copied as is.
    Literal(String),
    /// The text of a named capture (empty when it did not participate).
    Capture(String),
}

/// A regex rule.
#[derive(Clone, Debug)]
pub struct PatternRule {
    /// The regex after macro expansion.
    pub pattern: Expanded,
    /// Named captures of the pattern.
    pub captures: Vec<String>,
    /// Rust normalizer turning captures into a value.
    pub normalizer: Option<&'static crate::normalize::Normalizer>,
    /// Value template, used when there is no normalizer.
    pub value: Option<Template>,
    /// Template for the `id` column.
    pub canonical_id: Option<Template>,
    /// The capture whose span is the row's span (`span = "name"`).
    pub span: Option<String>,
}

/// Where a rule's candidates come from.
#[derive(Clone, Debug)]
pub enum RuleSource {
    /// Terms from a CSV file, found with the shared Aho-Corasick automaton.
    Gazetteer {
        /// The CSV path.
        path: PathBuf,
        /// Its rows.
        terms: Vec<Term>,
    },
    /// A regex.
    Pattern(PatternRule),
    /// A built-in detector, configured by the file's settings.
    Detector {
        /// The detector's name (`schwartz-hearst`).
        name: String,
    },
}

/// An inline example: a text and the rows the rule must produce on it.
#[derive(Clone, Debug)]
pub struct Example {
    /// Input text.
    pub text: String,
    /// Expected rows, in order of position.
    pub expect: Vec<Expect>,
    /// Compare against all rows of the rule's kind instead of its own rows.
    pub kind_scope: bool,
    /// Resolve relative dates against this date.
    pub anchor_date: Option<String>,
    /// Resolve relative dates from context.
    pub anchor: bool,
    /// Where the example is, for failure reports.
    pub span: (usize, usize),
}

/// An expected row; `None` fields are not compared.
#[derive(Clone, Debug)]
pub struct Expect {
    /// Matched text.
    pub text: String,
    /// `normalized`.
    pub normalized: Option<String>,
    /// `type`.
    pub ty: Option<String>,
    /// `id`.
    pub id: Option<String>,
    /// `flags`.
    pub flags: Option<String>,
    /// Text of the reference span.
    pub reference: Option<String>,
    /// `rule`.
    pub rule: Option<String>,
}

/// A validated rule, ready to compile.
#[derive(Clone, Debug)]
pub struct Rule {
    /// `file-stem/id`, the value of the `rule` column.
    pub name: Arc<str>,
    /// The id within its file.
    pub id: String,
    /// The file it is in.
    pub file: SourceFile,
    /// Its span in the file.
    pub span: (usize, usize),
    /// Entity, date or acronym.
    pub kind: Kind,
    /// The `type` label.
    pub ty: Arc<str>,
    /// What it is for.
    pub description: Option<String>,
    /// Breaks overlap ties; higher wins.
    pub priority: i32,
    /// Overlap group.
    pub group: Arc<str>,
    /// Overlap policy of its group.
    pub overlap: OverlapPolicy,
    /// Latin-script edges must be word edges.
    pub whole_word: bool,
    /// Flags every row carries.
    pub flags: Vec<String>,
    /// Edge conditions.
    pub context: Context,
    /// Where candidates come from.
    pub source: RuleSource,
    /// Inline examples.
    pub examples: Vec<Example>,
}

impl Rule {
    /// A diagnostic about this rule, pointing at the rule.
    pub fn diagnostic(&self, d: Diagnostic) -> Diagnostic {
        d.rule(self.id.clone()).at(&self.file, self.span.0, self.span.0 + "[[rule]]".len())
    }
}

/// All rules of a directory, validated.
#[derive(Clone, Debug, Default)]
pub struct RuleSet {
    /// Rules in load order: files by name, then file order.
    pub rules: Vec<Rule>,
    /// Acronym detector settings.
    pub acronyms: AcronymSettings,
    /// Descriptions of the rule files, by file stem.
    pub families: Vec<(String, Option<String>)>,
    /// Normalizer data read from the rule set's `[tables]`.
    pub resources: crate::normalize::Resources,
    /// Warnings found while loading.
    pub warnings: Vec<Diagnostic>,
}
