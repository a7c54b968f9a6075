//! Normalized text → [`Candidate`]s: every matcher pushes into one
//! caller-owned `Vec` that is cleared for each document, then [`overlap`]
//! decides which candidates survive.
//!
//! Candidate spans are byte offsets into the normalized text
//! ([`crate::text::DocumentView::text`]), half-open.

pub mod chunks;
pub mod detector;
pub mod gazetteer;
pub mod overlap;
pub mod pattern;
pub mod trace;

use crate::normalize::Normalized;

/// What a candidate's value is made from.
#[derive(Clone, Debug)]
pub enum Value {
    /// A gazetteer term: the canonical name and id are in the rule's data
    /// (of a compound rule, a pair code whose values
    /// [`crate::rules::RuleSource::term`] fills when asked).
    Term(u32),
    /// A value computed at match time by a normalizer or template. Boxed:
    /// every candidate is then 40 bytes instead of 168 (a gazetteer
    /// candidate allocates nothing), and a large document holds millions.
    Computed(Box<Normalized>),
}

/// A match that may become a row.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// Start in the normalized text.
    pub start: usize,
    /// End in the normalized text (exclusive).
    pub end: usize,
    /// Index of the rule that found it.
    pub rule: u32,
    /// Its value.
    pub value: Value,
}

impl Candidate {
    /// A candidate with a computed value.
    ///
    /// # Panics
    /// When `start > end`.
    pub fn computed(start: usize, end: usize, rule: u32, value: Normalized) -> Candidate {
        assert!(start <= end, "candidate span {start}..{end} is reversed");
        Candidate { start, end, rule, value: Value::Computed(Box::new(value)) }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_candidate_stays_small() {
        assert!(std::mem::size_of::<super::Candidate>() <= 40);
    }
}
