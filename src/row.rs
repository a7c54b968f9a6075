//! The row: one extraction with its provenance, and the column contract.
//!
//! | column | meaning |
//! |---|---|
//! | `doc` | document id: path relative to the input folder, the path as given, a JSON Lines `id`, or `-` |
//! | `kind` | declared by the families: `entity`, `date`, `acronym`, `amount` |
//! | `type` | the rule's label (COUNTRY, DATE, DEFINITION, ...) |
//! | `text` | exactly the source bytes `start..end` |
//! | `normalized` | canonical name, ISO-style date value or expansion |
//! | `id` | stable canonical id (`JP`, `org:nato`); empty when none |
//! | `start`, `end` | UTF-8 byte offsets into the source, half-open |
//! | `char_start`, `char_end` | the same span in Unicode scalar values |
//! | `line`, `column` | 1-based; column in characters |
//! | `rule` | `file-stem/rule-id` of the rule that produced the row |
//! | `ref_start`, `ref_end` | byte span of second evidence (a long form); empty when none |
//! | `flags` | sorted `;`-separated lowercase words; empty when none |
//!
//! `docs/csv.md` is the user-facing version of this table.

use std::sync::Arc;

use serde::Serialize;

use crate::rules::{Kind, RuleId};

/// The CSV header, in column order.
pub const HEADER: [&str; 16] = [
    "doc",
    "kind",
    "type",
    "text",
    "normalized",
    "id",
    "start",
    "end",
    "char_start",
    "char_end",
    "line",
    "column",
    "rule",
    "ref_start",
    "ref_end",
    "flags",
];

/// One output row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    /// Document id.
    pub doc: Arc<str>,
    /// Entity, date or acronym.
    #[serde(serialize_with = "kind_str")]
    pub kind: Kind,
    /// The type label.
    #[serde(rename = "type")]
    pub ty: Arc<str>,
    /// Source text of the span.
    pub text: String,
    /// Normalized value.
    pub normalized: String,
    /// Canonical id; empty when none.
    pub id: String,
    /// Byte start.
    pub start: usize,
    /// Byte end (exclusive).
    pub end: usize,
    /// Character start.
    pub char_start: usize,
    /// Character end (exclusive).
    pub char_end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// 1-based column of `start`, in characters.
    pub column: usize,
    /// `file-stem/rule-id`.
    pub rule: RuleId,
    /// Byte start of the reference span.
    pub ref_start: Option<usize>,
    /// Byte end of the reference span.
    pub ref_end: Option<usize>,
    /// `;`-separated sorted flags.
    pub flags: String,
    /// A family's key for the row, never a column: an acronym row's short
    /// form as defined (`SSA` for the mention `SSAs`), which keys the
    /// glossary.
    #[serde(skip)]
    pub key: Option<Arc<str>>,
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn kind_str<S: serde::Serializer>(k: &Kind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(k.as_str())
}

impl Row {
    /// The order rows of one document are written in: start, end, kind,
    /// rule, then the remaining fields so that the order is total (`text`
    /// and the derived offsets follow from `start..end`).
    pub fn sort_key(&self) -> impl Ord + '_ {
        (
            self.start,
            self.end,
            self.kind.as_str(),
            &*self.rule,
            &*self.ty,
            &self.normalized,
            &self.id,
            self.ref_start,
            self.ref_end,
            &self.flags,
            &self.key,
        )
    }
}
