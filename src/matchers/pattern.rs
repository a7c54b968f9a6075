//! Regex groups × normalized text → computed [`Candidate`]s.
//!
//! Each group's multi-pattern regex runs once over the text. A match is
//! accepted when it sits on word edges (if the rule asks), meets its edge
//! conditions and its normalizer accepts it; otherwise the group's other
//! patterns are tried at the same start, in priority order, before the
//! search moves on by one character.

use regex_automata::util::captures::Captures;
use regex_automata::{meta, Anchored, Input};

use super::Candidate;
use crate::compile::{Compiled, PatternGroup};
use crate::normalize::{collapse_space, Fields, Normalized};
use crate::rules::{RuleSource, Template, TemplatePart};
use crate::text::on_word_edges;

/// Per-thread search state of one group.
#[derive(Debug)]
pub struct GroupScratch {
    cache: meta::Cache,
    caps: Captures,
}

impl GroupScratch {
    /// Fresh state for `group`.
    pub fn new(group: &PatternGroup) -> GroupScratch {
        GroupScratch { cache: group.re.create_cache(), caps: group.re.create_captures() }
    }
}

/// Pushes the candidates of every group to `out`.
pub fn find(c: &Compiled, hay: &str, scratch: &mut [GroupScratch], out: &mut Vec<Candidate>) {
    for (group, s) in c.groups.iter().zip(scratch.iter_mut()) {
        find_group(c, group, hay, s, out);
    }
}

fn find_group(c: &Compiled, g: &PatternGroup, hay: &str, s: &mut GroupScratch, out: &mut Vec<Candidate>) {
    let mut at = 0;
    while at < hay.len() {
        let input = Input::new(hay).range(at..);
        g.re.search_captures_with(&mut s.cache, &input, &mut s.caps);
        let Some(m) = s.caps.get_match() else { break };
        let start = m.start();
        if let Some(cand) = accept(c, g, hay, &s.caps) {
            at = cand.end.max(start + 1);
            out.push(cand);
            continue;
        }
        let mut next = None;
        for pid in m.pattern().as_usize() + 1..g.rules.len() {
            let input =
                Input::new(hay).range(start..).anchored(Anchored::Pattern(regex_automata::PatternID::must(pid)));
            g.re.search_captures_with(&mut s.cache, &input, &mut s.caps);
            if s.caps.is_match() {
                if let Some(cand) = accept(c, g, hay, &s.caps) {
                    next = Some(cand);
                    break;
                }
            }
        }
        match next {
            Some(cand) => {
                at = cand.end.max(start + 1);
                out.push(cand);
            }
            None => at = start + hay[start..].chars().next().map_or(1, char::len_utf8),
        }
    }
}

fn accept(c: &Compiled, g: &PatternGroup, hay: &str, caps: &Captures) -> Option<Candidate> {
    let m = caps.get_match()?;
    let rule_ix = g.rules[m.pattern().as_usize()];
    let rule = &c.rules[rule_ix as usize];
    let RuleSource::Pattern(p) = &rule.source else { return None };
    let (start, end) = (m.start(), m.end());
    if rule.whole_word && !on_word_edges(hay, start, end) {
        return None;
    }
    if let Some(ctx) = &c.contexts[rule_ix as usize] {
        if !ctx.allows(hay, start, end) {
            return None;
        }
    }
    let fields = Fields::new(hay, caps);
    let mut value = match (p.normalizer, &p.value) {
        (Some(n), _) => (n.run)(&fields, &c.resources)?,
        (None, Some(t)) => Normalized::value(render(t, &fields)),
        (None, None) => Normalized::value(collapse_space(&hay[start..end])),
    };
    if value.id.is_empty() {
        if let Some(t) = &p.canonical_id {
            value.id = render(t, &fields);
        }
    }
    Some(Candidate::computed(start, end, rule_ix, value))
}

/// Fills a template from the captures.
fn render(t: &Template, f: &Fields<'_>) -> String {
    let mut out = String::new();
    for part in &t.parts {
        match part {
            TemplatePart::Literal(s) => out.push_str(s),
            TemplatePart::Capture(name) => out.push_str(&collapse_space(f.get(name).unwrap_or(""))),
        }
    }
    out
}
