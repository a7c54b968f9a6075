//! Candidates → the candidates that survive, by [`OverlapPolicy`].
//!
//! Candidates conflict when their spans overlap (nesting included) and they
//! belong to the same overlap group (same kind and `group`, by default the
//! rule's type). Within a group, candidates are ranked by the group's policy
//! and accepted greedily: a candidate survives when it overlaps none already
//! accepted. Ranks end with start and rule index, so the result never
//! depends on the order matchers produced candidates in.

use std::cmp::Reverse;
use std::collections::BTreeMap;

use super::Candidate;
use crate::compile::Compiled;
use crate::rules::OverlapPolicy;

/// Keeps the surviving candidates of `cands`, in their original order.
/// `order` and `keep` are scratch space.
pub fn resolve(c: &Compiled, cands: &mut Vec<Candidate>, order: &mut Vec<u32>, keep: &mut Vec<bool>) {
    if cands.len() < 2 {
        return;
    }
    order.clear();
    order.extend(0..cands.len() as u32);
    let key = |i: &u32| {
        let cand = &cands[*i as usize];
        let group = c.rule_group[cand.rule as usize];
        let policy = c.policies[group as usize];
        let len = cand.end - cand.start;
        let prio = c.rules[cand.rule as usize].priority;
        let (a, b) = match policy {
            OverlapPolicy::Priority => (i64::from(prio), len as i64),
            OverlapPolicy::Longest | OverlapPolicy::All => (len as i64, i64::from(prio)),
        };
        (group, Reverse(a), Reverse(b), cand.start, cand.rule, *i)
    };
    order.sort_unstable_by_key(key);
    keep.clear();
    keep.resize(cands.len(), false);
    // Accepted spans of the current group: start -> end, disjoint.
    let mut accepted: BTreeMap<usize, usize> = BTreeMap::new();
    let mut current = None;
    for &i in order.iter() {
        let cand = &cands[i as usize];
        let group = c.rule_group[cand.rule as usize];
        if current != Some(group) {
            current = Some(group);
            accepted.clear();
        }
        if c.policies[group as usize] == OverlapPolicy::All {
            keep[i as usize] = true;
            continue;
        }
        let (s, e) = (cand.start, cand.end);
        let clash_before = accepted.range(..=s).next_back().is_some_and(|(_, &pe)| pe > s);
        let clash_after = accepted.range(s..).next().is_some_and(|(&ps, _)| ps < e);
        // Equal spans: `range(..=s)` finds the one at `s` and `pe > s` holds
        // unless both are empty, which validation forbids.
        if !clash_before && !clash_after {
            accepted.insert(s, e);
            keep[i as usize] = true;
        }
    }
    let mut k = keep.iter();
    cands.retain(|_| *k.next().expect("one flag per candidate"));
}
