//! What the matchers and the overlap stage drop, and why: the record that
//! `yomitori explain` is built from.
//!
//! The matchers take an `Option<&mut Trace>`; extraction passes `None`, and
//! then the only cost is one branch where a match is rejected (rejections
//! are the rare path: `docs/review.md` has the instruction counts). With a
//! trace, each rejected match or candidate is pushed as an [`Event`] with
//! its [`Fate`], in the order the stages met it.

use crate::rules::OverlapPolicy;

/// Why a match did not become a candidate, or a candidate lost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fate {
    /// A case-sensitive gazetteer term matched in another case.
    Case {
        /// The term as written in the gazetteer.
        surface: String,
    },
    /// The match touches a word character at an edge (`Oman` in `Romania`).
    WordEdge,
    /// An edge condition failed.
    Context {
        /// `before`, `not_before`, `after` or `not_after`.
        condition: &'static str,
        /// The condition's regex (macros expanded).
        pattern: String,
    },
    /// The rule's normalizer returned no value for the match.
    Normalizer {
        /// Its name.
        name: &'static str,
        /// What it does (normalizers give no reason of their own).
        summary: &'static str,
    },
    /// `span = "capture"` names a capture that is empty or did not take
    /// part in the match.
    EmptySpan {
        /// The capture's name.
        capture: String,
    },
    /// The candidate overlaps a better one of its overlap group.
    Overlap {
        /// The rule of the candidate that won.
        winner_rule: u32,
        /// Its span in the normalized text.
        winner: (usize, usize),
        /// The group's policy.
        policy: OverlapPolicy,
    },
}

/// One dropped match or candidate; spans are in the normalized text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// Start.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// The rule.
    pub rule: u32,
    /// What became of it.
    pub fate: Fate,
}

/// The events of one document.
#[derive(Clone, Debug, Default)]
pub struct Trace {
    /// Dropped matches and candidates, in the order they were met.
    pub events: Vec<Event>,
    /// Every candidate the matchers produced, before overlap:
    /// `(start, end, rule)`.
    pub candidates: Vec<(usize, usize, u32)>,
    /// The candidates that survived overlap.
    pub survivors: Vec<(usize, usize, u32)>,
}

impl Trace {
    /// Records a drop.
    pub fn drop(&mut self, start: usize, end: usize, rule: u32, fate: Fate) {
        self.events.push(Event { start, end, rule, fate });
    }
}
