//! Gazetteer terms of every rule → one [`GazetteerMatcher`]: a single
//! Aho-Corasick automaton over all surfaces, built once (a list of more
//! than 50,000 surfaces per thread is built in parts side by side, whose
//! matches are merged into the one automaton's order).
//!
//! Per-term case sensitivity with one automaton: when any term is
//! case-insensitive the automaton is built over the surfaces with their
//! ASCII letters lower-cased and runs over a lower-cased copy of the text
//! (same length, so the offsets are the text's), and a case-sensitive term
//! is confirmed by comparing the matched bytes of the text itself. This is
//! what aho-corasick's `ascii_case_insensitive` does, as a trie of the same
//! shape reporting the same matches in the same order, but it builds 2.2×
//! cheaper: the option adds both cases of every letter as transitions, and
//! on a user's 200,000-term list that was most of the start-up (4.08 G of
//! 7.22 G instructions). Identical surfaces of several rules share one pattern that fans
//! out to all of them.
//!
//! Case folding beyond ASCII: a case-insensitive term with non-ASCII cased
//! letters (`Côte d'Ivoire`, `Curaçao`) also gets its upper- and lower-case
//! forms as patterns of the same terms, so `CÔTE D'IVOIRE` in a heading
//! matches; the ASCII letters of each form match in any case as before.

use std::borrow::Cow;
use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rayon::prelude::*;

use crate::rules::{Rule, RuleSource};

/// A term of a rule: indexes into `rules[rule].terms[term]`, or, for a
/// compound rule, into its members.
#[derive(Clone, Copy, Debug)]
pub struct TermRef {
    /// Rule index.
    pub rule: u32,
    /// Term index within the rule's gazetteer (of a compound rule, the
    /// member index in the automaton's fan-out, and the pair code once the
    /// matcher has found a head next to the member).
    pub term: u32,
}

/// Patterns per automaton above which the trie is built in parts, side by
/// side: aho-corasick builds one trie on one thread, and a user's list of
/// 200,000 names spent most of its second of start-up there.
const PART_PATTERNS: usize = 50_000;

/// The shared automaton and the fan-out from its patterns to terms.
#[derive(Clone, Debug)]
pub struct GazetteerMatcher {
    /// The automaton, or for a long list its parts over consecutive pattern
    /// ids (each with its first id), whose matches
    /// [`GazetteerMatcher::for_each_match`] merges into one automaton's
    /// order.
    pub(crate) parts: Vec<(AhoCorasick, u32)>,
    /// True when the automaton holds lower-cased surfaces and must run over
    /// a lower-cased text ([`GazetteerMatcher::haystack`]).
    pub(crate) folds_case: bool,
    /// `targets[pattern]` is a range of `refs`.
    pub(crate) targets: Vec<(u32, u32)>,
    pub(crate) refs: Vec<TermRef>,
}

impl GazetteerMatcher {
    /// Builds the automaton over the terms of all gazetteer rules; `None`
    /// when there are none.
    ///
    /// # Panics
    /// Only if aho-corasick rejects the patterns, which it does not for
    /// non-empty patterns under its size limits.
    pub fn build(rules: &[Rule]) -> Option<GazetteerMatcher> {
        let threads = rayon::current_num_threads();
        GazetteerMatcher::build_in(rules, |patterns| threads.min(patterns / PART_PATTERNS).max(1))
    }

    /// [`GazetteerMatcher::build`] in `parts(number of patterns)` automata
    /// (the matches are the same, in the same order, for any number).
    ///
    /// # Panics
    /// As [`GazetteerMatcher::build`].
    pub fn build_in<'r>(rules: &'r [Rule], parts: impl Fn(usize) -> usize) -> Option<GazetteerMatcher> {
        // Surfaces are borrowed from the rules (only the extra case forms
        // of non-ASCII letters are made), and the fan-out is one flat list
        // sorted by pattern, not a vector per pattern: a user's list of
        // 200,000 terms made 600,000 small allocations here.
        let mut index: HashMap<Cow<'r, str>, u32> = HashMap::new();
        let mut patterns: Vec<Cow<'r, str>> = Vec::new();
        let mut fan: Vec<(u32, TermRef)> = Vec::new();
        let mut any_insensitive = false;
        // One pattern per distinct form; each fans out to the terms (or,
        // of a compound rule, the members) that have it.
        let mut add = |form: Cow<'r, str>, target: TermRef| {
            let next = patterns.len() as u32;
            let id = *index.entry(form).or_insert_with_key(|form| {
                patterns.push(form.clone());
                next
            });
            fan.push((id, target));
        };
        for (r, rule) in rules.iter().enumerate() {
            let RuleSource::Gazetteer { terms, compound, .. } = &rule.source else { continue };
            // A compound rule's automaton patterns are its members: the
            // matcher tests the heads around each member hit.
            let surfaces: Vec<(&str, bool)> = match compound {
                Some(c) => c.members.iter().map(|m| (m.surface.as_str(), m.case_sensitive)).collect(),
                None => terms.iter().map(|t| (t.surface.as_str(), t.case_sensitive)).collect(),
            };
            for (t, (surface, case_sensitive)) in surfaces.into_iter().enumerate() {
                any_insensitive |= !case_sensitive;
                let target = TermRef { rule: r as u32, term: t as u32 };
                if !case_sensitive && surface.chars().any(|c| !c.is_ascii() && (c.is_uppercase() || c.is_lowercase())) {
                    let mut forms = vec![
                        Cow::Borrowed(surface),
                        Cow::Owned(surface.to_uppercase()),
                        Cow::Owned(surface.to_lowercase()),
                    ];
                    forms.dedup();
                    for form in forms {
                        add(form, target);
                    }
                } else {
                    add(Cow::Borrowed(surface), target);
                }
            }
        }
        if patterns.is_empty() {
            return None;
        }
        // The targets of a pattern in the order they were added, each once
        // (a target's repeats are next to each other: one term's forms are
        // added together).
        fan.sort_by_key(|&(pattern, _)| pattern);
        fan.dedup_by(|b, a| a.0 == b.0 && a.1.rule == b.1.rule && a.1.term == b.1.term);
        drop(index);
        // A contiguous NFA, not a DFA: with ~1,600 surfaces (countries in
        // two languages) the DFA took ~30 ms and 15 MiB to build, a third of
        // the 100 ms start-up budget, and searched the seeds no faster; the
        // contiguous NFA builds in a few ms in ~400 KiB (docs/entities.md).
        if any_insensitive {
            for p in &mut patterns {
                if p.bytes().any(|b| b.is_ascii_uppercase()) {
                    p.to_mut().make_ascii_lowercase();
                }
            }
        }
        let per = patterns.len().div_ceil(parts(patterns.len()).max(1));
        let parts = patterns
            .par_chunks(per)
            .enumerate()
            .map(|(i, chunk)| {
                let ac = AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .build(chunk.iter().map(|p| p.as_bytes()))
                    .expect("gazetteer automaton");
                (ac, (i * per) as u32)
            })
            .collect();
        let mut targets = Vec::with_capacity(patterns.len());
        let mut refs = Vec::with_capacity(fan.len());
        let mut at = 0;
        for pattern in 0..patterns.len() as u32 {
            let start = refs.len() as u32;
            while at < fan.len() && fan[at].0 == pattern {
                refs.push(fan[at].1);
                at += 1;
            }
            targets.push((start, refs.len() as u32 - start));
        }
        Some(GazetteerMatcher { parts, folds_case: any_insensitive, targets, refs })
    }

    /// Calls `f(pattern, start, end)` for every overlapping match in `hay`
    /// in the order one automaton over all patterns reports them: by end,
    /// longer first, then by pattern (a trie state's matches are its own
    /// patterns, in id order, then its failure state's, which are
    /// shorter). With parts, their matches are collected and sorted so.
    pub fn for_each_match(&self, hay: &str, mut f: impl FnMut(usize, usize, usize)) {
        if let [(ac, _)] = &self.parts[..] {
            for m in ac.find_overlapping_iter(hay) {
                f(m.pattern().as_usize(), m.start(), m.end());
            }
            return;
        }
        let mut hits: Vec<(usize, std::cmp::Reverse<usize>, usize)> = Vec::new();
        for (ac, first) in &self.parts {
            for m in ac.find_overlapping_iter(hay) {
                hits.push((m.end(), std::cmp::Reverse(m.len()), *first as usize + m.pattern().as_usize()));
            }
        }
        hits.sort_unstable();
        for (end, std::cmp::Reverse(len), pattern) in hits {
            f(pattern, end - len, end);
        }
    }

    /// The text the automaton runs over: `text` itself, or its copy with
    /// ASCII letters lower-cased when the automaton folds case (same
    /// length and the same bytes otherwise, so offsets carry over).
    pub fn haystack<'t>(&self, text: std::borrow::Cow<'t, str>) -> std::borrow::Cow<'t, str> {
        if !self.folds_case || !text.bytes().any(|b| b.is_ascii_uppercase()) {
            return text;
        }
        let mut owned = text.into_owned();
        owned.make_ascii_lowercase();
        std::borrow::Cow::Owned(owned)
    }

    /// Number of automata the patterns were built in.
    pub fn part_count(&self) -> usize {
        self.parts.len()
    }

    /// Number of distinct surfaces in the automaton.
    pub fn pattern_count(&self) -> usize {
        self.targets.len()
    }

    /// What aho-corasick built, for `rules plan`.
    pub fn describe(&self) -> String {
        let (ac, _) = &self.parts[0];
        let parts = match self.parts.len() {
            1 => String::new(),
            n => format!(" in {n} parts"),
        };
        format!(
            "{:?} automaton{parts}, {} patterns, {} terms, {} KiB",
            ac.kind(),
            self.pattern_count(),
            self.refs.len(),
            self.parts.iter().map(|(ac, _)| ac.memory_usage()).sum::<usize>() / 1024
        )
    }

    /// The terms that share pattern `pattern`.
    pub(crate) fn terms_of(&self, pattern: usize) -> &[TermRef] {
        let (start, len) = self.targets[pattern];
        &self.refs[start as usize..(start + len) as usize]
    }
}
