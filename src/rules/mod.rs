//! The declarative layer: rule files → [`RuleSet`].
//!
//! [`schema`] reads a file into `RawRule`s that keep their spans;
//! [`validate`] checks them and resolves macros and gazetteers into
//! [`Rule`]s; [`load`] does this for a whole directory and reports every
//! diagnostic at once. Nothing here matches text: [`crate::compile`] turns a
//! `RuleSet` into an `Extractor`.

pub mod catalog;
pub mod compound;
pub mod explain;
pub mod gazetteer;
pub mod load;
pub mod macros;
pub mod schema;
pub mod tables;
pub mod tree;
pub mod validate;

use std::borrow::Cow;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, SourceFile};
pub use catalog::Catalog;
pub use gazetteer::Term;
pub use load::{load_builtin, load_dir};
use macros::Expanded;
pub use tree::RuleTree;

/// What a rule extracts; the `kind` column. Kinds are declared by the
/// families (`entity`, `date`, `acronym`, `amount`), each with a rank that
/// orders them in summaries and in overlap-group order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Kind {
    rank: u8,
    name: &'static str,
}

impl Kind {
    /// A kind named `name` (the `kind` value in rule files and the column),
    /// ranked `rank` among the kinds.
    pub const fn new(rank: u8, name: &'static str) -> Kind {
        assert!((rank as usize) < Kind::MAX, "a kind's rank must be below Kind::MAX");
        Kind { rank, name }
    }

    /// How many kinds there can be (ranks `0..MAX`): summaries count rows
    /// in a fixed array.
    pub const MAX: usize = 16;

    /// Its rank: the order of kinds in summaries.
    pub fn rank(self) -> u8 {
        self.rank
    }

    /// The name used in rule files and in the `kind` column.
    pub fn as_str(self) -> &'static str {
        self.name
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

/// A rule's name, `file-stem/id` (`dates/ja-era`): the `rule` column of
/// every row it makes, and what `rules explain` and `explain --rule` take.
/// Cheap to clone (shared).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct RuleId(Arc<str>);

impl RuleId {
    /// The rule named `stem/id`.
    pub fn new(stem: &str, id: &str) -> RuleId {
        RuleId(Arc::from(format!("{stem}/{id}")))
    }

    /// The name as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for RuleId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for RuleId {
    fn from(s: &str) -> RuleId {
        RuleId(Arc::from(s))
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
        /// Its rows; empty for a compound rule, whose member × head pairs
        /// are made when asked for ([`RuleSource::term`]).
        terms: Vec<Term>,
        /// The members and heads of a compound rule (`members` and
        /// `heads`): the automaton holds the members, and the matcher tests
        /// the heads' text next to them.
        compound: Option<Box<compound::Compound>>,
    },
    /// A regex.
    Pattern(PatternRule),
    /// A built-in detector, configured by the file's settings.
    Detector {
        /// The detector's name (`schwartz-hearst`).
        name: String,
    },
}

impl RuleSource {
    /// Term `t` of a gazetteer rule: row `t` of its CSV, or of a compound
    /// rule the pair with code `t`, whose values are filled now
    /// ([`compound::Compound::term`]); `None` for other rules.
    pub fn term(&self, t: u32) -> Option<Cow<'_, Term>> {
        match self {
            RuleSource::Gazetteer { compound: Some(c), .. } => Some(Cow::Owned(c.term(t))),
            RuleSource::Gazetteer { terms, .. } => terms.get(t as usize).map(Cow::Borrowed),
            _ => None,
        }
    }

    /// How many terms a gazetteer rule has (0 for other rules). A compound
    /// rule's pairs are listed to count them: for reports, not matching.
    pub fn term_count(&self) -> usize {
        match self {
            RuleSource::Gazetteer { compound: Some(c), .. } => c.term_codes().len(),
            RuleSource::Gazetteer { terms, .. } => terms.len(),
            _ => 0,
        }
    }
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
    pub name: RuleId,
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
    /// Descriptions of the rule files, by file stem.
    pub families: Vec<(String, Option<String>)>,
    /// The families' data: read from the rule set's `[tables]` and
    /// `[settings.<family>]`.
    pub resources: crate::normalize::Resources,
    /// Warnings found while loading.
    pub warnings: Vec<Diagnostic>,
}
