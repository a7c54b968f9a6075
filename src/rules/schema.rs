//! TOML text → [`RawRuleFile`]: the rule file as written, with the spans of
//! its values kept for diagnostics.
//!
//! Every table denies unknown fields, so a typo in a key is an error at the
//! key. No `flatten` and no untagged enums: both lose spans. Values whose
//! meaning depends on other values (`kind`, `overlap`) stay strings here and
//! are checked in [`validate`](super::validate), where the rule id is known.
//! The format is documented in `docs/rules.md`.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// One rule file: `rules/<family>.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRuleFile {
    /// What this family of rules is for; shown by `yomitori rules explain`.
    #[serde(default)]
    pub description: Option<String>,
    /// Values every rule of the file inherits unless it sets its own.
    #[serde(default)]
    pub defaults: RawDefaults,
    /// Named sub-patterns that patterns reference as `{name}`.
    #[serde(default)]
    pub macros: BTreeMap<String, Spanned<String>>,
    /// Named CSV tables: sources of macros and of normalizer data.
    #[serde(default)]
    pub tables: BTreeMap<String, Spanned<RawTable>>,
    /// `[settings.<family>]`: settings that a family reads itself (see
    /// `crate::rules::catalog::SettingsSpec`); checked here only for their
    /// section name.
    #[serde(default)]
    pub settings: BTreeMap<String, Spanned<toml::Value>>,
    /// The rules, in file order.
    #[serde(default, rename = "rule")]
    pub rules: Vec<Spanned<RawRule>>,
}

/// One `[tables.<name>]`: a CSV file, and macros made from its columns.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTable {
    /// CSV path relative to this file.
    pub path: Spanned<String>,
    /// Macro name → column whose values the macro matches.
    #[serde(default)]
    pub macros: BTreeMap<String, Spanned<String>>,
}

/// File-level defaults (`[defaults]`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDefaults {
    /// Default `kind`.
    pub kind: Option<Spanned<String>>,
    /// Default `type`.
    #[serde(rename = "type")]
    pub ty: Option<Spanned<String>>,
    /// Default overlap `group`.
    pub group: Option<Spanned<String>>,
    /// Default `priority`.
    pub priority: Option<Spanned<i64>>,
    /// Default `overlap` policy.
    pub overlap: Option<Spanned<String>>,
    /// Default `case_sensitive` for gazetteer terms.
    pub case_sensitive: Option<bool>,
    /// Default `whole_word`.
    pub whole_word: Option<bool>,
    /// Default `normalizer` for pattern rules.
    pub normalizer: Option<Spanned<String>>,
}

/// One `[[rule]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    /// Identifier, unique in its file; rows name it as `file-stem/id`.
    pub id: Spanned<String>,
    /// A kind a family declares (`entity`, `date`, `acronym`, `amount`).
    pub kind: Option<Spanned<String>>,
    /// The label in the `type` column (COUNTRY, DATE, DEFINITION, ...).
    #[serde(rename = "type")]
    pub ty: Option<Spanned<String>>,
    /// What the rule is for.
    pub description: Option<String>,
    /// Breaks overlap ties; higher wins.
    pub priority: Option<Spanned<i64>>,
    /// Candidates conflict only with candidates of the same kind and group.
    pub group: Option<Spanned<String>>,
    /// `longest` (default), `priority` or `all`.
    pub overlap: Option<Spanned<String>>,
    /// Gazetteer rule: CSV path relative to this file.
    pub gazetteer: Option<Spanned<String>>,
    /// Compound gazetteer rule: CSV of the members (`docs/rules.md`).
    pub members: Option<Spanned<String>>,
    /// Compound gazetteer rule: CSV of the head words around a member.
    pub heads: Option<Spanned<String>>,
    /// Compound gazetteer rule: gazetteer rules that keep their surfaces
    /// and lend their canonical names to the ids they share.
    #[serde(default)]
    pub curated: Vec<Spanned<String>>,
    /// Default case sensitivity of the gazetteer's terms.
    pub case_sensitive: Option<bool>,
    /// Latin-script edges must be word edges.
    pub whole_word: Option<bool>,
    /// Pattern rule: a regex with named captures and `{macro}` references.
    pub pattern: Option<Spanned<String>>,
    /// Name of the Rust normalizer that turns captures into a value.
    pub normalizer: Option<Spanned<String>>,
    /// Template for the value: `$name` / `${name}` are captures.
    pub value: Option<Spanned<String>>,
    /// Template for the `id` column.
    pub canonical_id: Option<Spanned<String>>,
    /// Pattern rule: report this named capture's span as the row's span;
    /// the rest of the match is context that must be there, and the search
    /// goes on after the capture (look-ahead without the regex cost).
    pub span: Option<Spanned<String>>,
    /// Flags every row of this rule carries.
    #[serde(default)]
    pub flags: Vec<Spanned<String>>,
    /// Context: a regex that must match just before the span.
    pub before: Option<Spanned<String>>,
    /// Context: a regex that must not match just before the span.
    pub not_before: Option<Spanned<String>>,
    /// Context: a regex that must match just after the span.
    pub after: Option<Spanned<String>>,
    /// Context: a regex that must not match just after the span.
    pub not_after: Option<Spanned<String>>,
    /// Detector rule: the name of a built-in detector (`schwartz-hearst`).
    pub detector: Option<Spanned<String>>,
    /// Inline examples, run by `yomitori rules test` and `cargo test`.
    #[serde(default, rename = "example")]
    pub examples: Vec<Spanned<RawExample>>,
}

/// One `[[rule.example]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExample {
    /// Input text.
    pub text: Spanned<String>,
    /// Expected rows; empty means the rule must not match.
    #[serde(default)]
    pub expect: Vec<Spanned<RawExpect>>,
    /// `rule` (default: compare this rule's rows) or `kind` (all rows of the
    /// rule's kind, for negative examples such as "no date in COVID-19").
    pub scope: Option<Spanned<String>>,
    /// Resolve relative dates against this date (`YYYY-MM-DD`).
    pub anchor_date: Option<String>,
    /// Resolve relative dates from the document's own context.
    #[serde(default)]
    pub anchor: bool,
}

/// One expected row of an example. Only the fields given are compared.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExpect {
    /// The matched text (in the example's text).
    pub text: String,
    /// Expected `normalized`.
    pub normalized: Option<String>,
    /// Expected `type`.
    #[serde(rename = "type")]
    pub ty: Option<String>,
    /// Expected `id`.
    pub id: Option<String>,
    /// Expected `flags` (`;`-separated, sorted).
    pub flags: Option<String>,
    /// Expected text of the `ref_start..ref_end` span.
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    /// Expected rule (`file/id`), for `scope = "kind"`.
    pub rule: Option<String>,
}
