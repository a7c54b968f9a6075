//! Candidates → the candidates that survive, by [`OverlapPolicy`].
//!
//! Candidates conflict when their spans overlap (nesting included) and they
//! belong to the same overlap group (same kind and `group`, by default the
//! rule's type). Within a group, candidates are ranked by the group's policy
//! and accepted greedily: a candidate survives when it overlaps none already
//! accepted. Ranks end with start and rule index, so the result never
//! depends on the order matchers produced candidates in.
//!
//! Most candidates overlap nothing of their group. So the candidates of a
//! group are swept in order of start and cut into clusters of transitively
//! overlapping spans; a lone candidate is kept at once, and only the rare
//! cluster of several is ranked. Greedy acceptance never crosses a cluster's
//! edge, so this gives the same result as ranking the whole group.

use std::cmp::Reverse;

use super::trace::{Fate, Trace};
use super::Candidate;
use crate::compile::Compiled;
use crate::rules::OverlapPolicy;

/// Keeps the surviving candidates of `cands`, in their original order.
/// `order` and `keep` are scratch space.
pub fn resolve(c: &Compiled, cands: &mut Vec<Candidate>, order: &mut Vec<u32>, keep: &mut Vec<bool>) {
    resolve_traced(c, cands, order, keep, None);
}

/// [`resolve`], recording each candidate that loses, with the candidate it
/// lost to, in `trace` when given.
pub fn resolve_traced(
    c: &Compiled,
    cands: &mut Vec<Candidate>,
    order: &mut Vec<u32>,
    keep: &mut Vec<bool>,
    mut trace: Option<&mut Trace>,
) {
    if cands.len() < 2 {
        return;
    }
    let group = |i: u32| c.rule_group[cands[i as usize].rule as usize];
    order.clear();
    order.extend(0..cands.len() as u32);
    order.sort_unstable_by_key(|&i| (group(i), cands[i as usize].start, cands[i as usize].end, i));
    keep.clear();
    keep.resize(cands.len(), false);
    let mut cluster: Vec<u32> = Vec::new();
    let mut at = 0;
    while at < order.len() {
        // One cluster: same group, each start before the running end.
        let g = group(order[at]);
        let mut end = cands[order[at] as usize].end;
        let mut next = at + 1;
        while next < order.len() && group(order[next]) == g && cands[order[next] as usize].start < end {
            end = end.max(cands[order[next] as usize].end);
            next += 1;
        }
        let members = &order[at..next];
        let policy = c.policies[g as usize];
        if members.len() == 1 || policy == OverlapPolicy::All {
            members.iter().for_each(|&i| keep[i as usize] = true);
        } else {
            cluster.clear();
            cluster.extend_from_slice(members);
            rank(c, cands, policy, &mut cluster);
            let mut accepted: Vec<(usize, usize, u32)> = Vec::new();
            for &i in &cluster {
                let cand = &cands[i as usize];
                if accepted.iter().all(|&(s, e, _)| cand.end <= s || e <= cand.start) {
                    accepted.push((cand.start, cand.end, cand.rule));
                    keep[i as usize] = true;
                } else if let Some(tr) = trace.as_deref_mut() {
                    let &(s, e, winner_rule) = accepted
                        .iter()
                        .find(|&&(s, e, _)| cand.end > s && e > cand.start)
                        .expect("a candidate loses to an overlapping one");
                    tr.drop(cand.start, cand.end, cand.rule, Fate::Overlap { winner_rule, winner: (s, e), policy });
                }
            }
        }
        at = next;
    }
    let mut k = keep.iter();
    cands.retain(|_| *k.next().expect("one flag per candidate"));
}

/// Sorts a cluster best first by `policy`.
fn rank(c: &Compiled, cands: &[Candidate], policy: OverlapPolicy, cluster: &mut [u32]) {
    cluster.sort_unstable_by_key(|&i| {
        let cand = &cands[i as usize];
        let len = (cand.end - cand.start) as i64;
        let prio = i64::from(c.rules[cand.rule as usize].priority);
        let (a, b) = match policy {
            OverlapPolicy::Priority => (prio, len),
            OverlapPolicy::Longest | OverlapPolicy::All => (len, prio),
        };
        (Reverse(a), Reverse(b), cand.start, cand.rule, i)
    });
}
