//! Gazetteer terms of every rule → one [`GazetteerMatcher`]: a single
//! Aho-Corasick automaton over all surfaces, built once.
//!
//! Per-term case sensitivity with one automaton: when any term is
//! case-insensitive the automaton folds ASCII case, and a case-sensitive term
//! is confirmed by comparing the matched bytes. Identical surfaces of several
//! rules share one pattern that fans out to all of them.
//!
//! Case folding beyond ASCII: a case-insensitive term with non-ASCII cased
//! letters (`Côte d'Ivoire`, `Curaçao`) also gets its upper- and lower-case
//! forms as patterns of the same terms, so `CÔTE D'IVOIRE` in a heading
//! matches; the ASCII letters of each form match in any case as before.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

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

/// The shared automaton and the fan-out from its patterns to terms.
#[derive(Clone, Debug)]
pub struct GazetteerMatcher {
    pub(crate) ac: AhoCorasick,
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
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut fan: Vec<Vec<TermRef>> = Vec::new();
        let mut any_insensitive = false;
        // One pattern per distinct form; each fans out to the terms (or,
        // of a compound rule, the members) that have it.
        let mut add = |form: String, target: TermRef| {
            let id = *index.entry(form).or_insert_with_key(|form| {
                patterns.push(form.clone());
                fan.push(Vec::new());
                patterns.len() - 1
            });
            if !fan[id].iter().any(|x| x.rule == target.rule && x.term == target.term) {
                fan[id].push(target);
            }
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
                    let mut forms = vec![surface.to_string(), surface.to_uppercase(), surface.to_lowercase()];
                    forms.dedup();
                    for form in forms {
                        add(form, target);
                    }
                } else {
                    add(surface.to_string(), target);
                }
            }
        }
        if patterns.is_empty() {
            return None;
        }
        // A contiguous NFA, not a DFA: with ~1,600 surfaces (countries in
        // two languages) the DFA took ~30 ms and 15 MiB to build, a third of
        // the 100 ms start-up budget, and searched the seeds no faster; the
        // contiguous NFA builds in a few ms in ~400 KiB (docs/entities.md).
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(any_insensitive)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .expect("gazetteer automaton");
        let mut targets = Vec::with_capacity(fan.len());
        let mut refs = Vec::new();
        for f in fan {
            targets.push((refs.len() as u32, f.len() as u32));
            refs.extend(f);
        }
        Some(GazetteerMatcher { ac, targets, refs })
    }

    /// Number of distinct surfaces in the automaton.
    pub fn pattern_count(&self) -> usize {
        self.ac.patterns_len()
    }

    /// What aho-corasick built, for `rules plan`.
    pub fn describe(&self) -> String {
        format!(
            "{:?} automaton, {} patterns, {} terms, {} KiB",
            self.ac.kind(),
            self.ac.patterns_len(),
            self.refs.len(),
            self.ac.memory_usage() / 1024
        )
    }

    /// The terms that share pattern `pattern`.
    pub(crate) fn terms_of(&self, pattern: usize) -> &[TermRef] {
        let (start, len) = self.targets[pattern];
        &self.refs[start as usize..(start + len) as usize]
    }
}
