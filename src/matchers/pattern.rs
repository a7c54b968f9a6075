//! Regex groups × normalized text → computed [`Candidate`]s.
//!
//! Each group's multi-pattern regex runs once over the text. A match is
//! accepted when it sits on word edges (if the rule asks), meets its edge
//! conditions and its normalizer accepts it; otherwise the group's other
//! patterns are tried at the same start, in priority order, before the
//! search moves on by one character.

use regex_automata::util::captures::Captures;
use regex_automata::{meta, Anchored, Input, PatternID};

use super::trace::{Fate, Trace};
use super::Candidate;
use crate::compile::{Compiled, PatternGroup};
use crate::normalize::{collapse_space, Fields, Normalized};
use crate::rules::{RuleSource, Template, TemplatePart};
use crate::text::on_word_edges;

/// Per-thread search state of one group.
#[derive(Debug)]
pub struct GroupScratch {
    cache: meta::Cache,
    /// Cache and captures of each pattern's own regex, made on first use.
    singles: Vec<Option<(meta::Cache, Captures)>>,
}

impl GroupScratch {
    /// Fresh state for `group`.
    pub fn new(group: &PatternGroup) -> GroupScratch {
        GroupScratch { cache: group.re.create_cache(), singles: (0..group.len()).map(|_| None).collect() }
    }
}

/// Pushes the candidates of every group to `out`.
pub fn find(c: &Compiled, hay: &str, scratch: &mut [GroupScratch], out: &mut Vec<Candidate>) {
    find_traced(c, hay, scratch, out, None);
}

/// [`find`], recording each rejected match in `trace` when given.
pub fn find_traced(
    c: &Compiled,
    hay: &str,
    scratch: &mut [GroupScratch],
    out: &mut Vec<Candidate>,
    mut trace: Option<&mut Trace>,
) {
    for (group, s) in c.groups.iter().zip(scratch.iter_mut()) {
        find_group(c, group, hay, s, out, trace.as_deref_mut());
    }
}

fn find_group(
    c: &Compiled,
    g: &PatternGroup,
    hay: &str,
    s: &mut GroupScratch,
    out: &mut Vec<Candidate>,
    mut trace: Option<&mut Trace>,
) {
    let mut at = 0;
    while at < hay.len() {
        // Spans first (the DFAs alone); captures only for matches that pass
        // the cheap checks, which most rejected matches do not.
        let Some(m) = g.re.search_with(&mut s.cache, &Input::new(hay).range(at..)) else { break };
        let start = m.start();
        let mut found = accept(c, g, hay, s, m.pattern().as_usize(), start, m.end());
        if let (Err(why), Some(tr)) = (&found, trace.as_deref_mut()) {
            record(c, g, hay, tr, m.pattern().as_usize(), start, m.end(), *why);
        }
        for pid in m.pattern().as_usize() + 1..g.rules.len() {
            if found.is_ok() {
                break;
            }
            let input = Input::new(hay).range(start..).anchored(Anchored::Pattern(PatternID::must(pid)));
            if let Some(m2) = g.re.search_with(&mut s.cache, &input) {
                found = accept(c, g, hay, s, pid, start, m2.end());
                if let (Err(why), Some(tr)) = (&found, trace.as_deref_mut()) {
                    record(c, g, hay, tr, pid, start, m2.end(), *why);
                }
            }
        }
        let found = found.ok();
        match found {
            Some(cand) => {
                at = cand.end.max(start + 1);
                out.push(cand);
            }
            None => at = start + hay[start..].chars().next().map_or(1, char::len_utf8),
        }
    }
}

/// Why [`accept`] turned a match down; the trace spells it out.
#[derive(Clone, Copy, Debug)]
enum Reject {
    WordEdge,
    Context,
    Normalizer,
    EmptySpan,
}

/// Records a rejected match of pattern `pid` with what `why` means for its
/// rule.
#[allow(clippy::too_many_arguments)]
fn record(
    c: &Compiled,
    g: &PatternGroup,
    hay: &str,
    tr: &mut Trace,
    pid: usize,
    start: usize,
    end: usize,
    why: Reject,
) {
    let rule_ix = g.rules[pid];
    let RuleSource::Pattern(p) = &c.rules[rule_ix as usize].source else { return };
    let fate = match why {
        Reject::WordEdge => Fate::WordEdge,
        Reject::Context => {
            let ctx = c.contexts[rule_ix as usize].as_ref();
            let (condition, pattern) = ctx.and_then(|x| x.failing(hay, start, end)).unwrap_or(("?", ""));
            Fate::Context { condition, pattern: pattern.to_string() }
        }
        Reject::Normalizer => match p.normalizer {
            Some(n) => Fate::Normalizer { name: n.name, summary: n.summary },
            None => return,
        },
        Reject::EmptySpan => Fate::EmptySpan { capture: p.span.clone().unwrap_or_default() },
    };
    tr.drop(start, end, rule_ix, fate);
}

/// The candidate of pattern `pid` matching `start..end`, when the rule
/// accepts it: word edges, edge conditions, then the value (captures are
/// computed here, for this span only).
fn accept(
    c: &Compiled,
    g: &PatternGroup,
    hay: &str,
    s: &mut GroupScratch,
    pid: usize,
    start: usize,
    end: usize,
) -> Result<Candidate, Reject> {
    let rule_ix = g.rules[pid];
    let rule = &c.rules[rule_ix as usize];
    let RuleSource::Pattern(p) = &rule.source else { unreachable!("a pattern group holds pattern rules") };
    if rule.whole_word && !on_word_edges(hay, start, end) {
        return Err(Reject::WordEdge);
    }
    if let Some(ctx) = &c.contexts[rule_ix as usize] {
        if !ctx.allows(hay, start, end) {
            return Err(Reject::Context);
        }
    }
    // The same leftmost-first match, by the pattern's own regex anchored to
    // the span; look-around still sees the text outside the span.
    let single = g.single(pid);
    let (cache, caps) = s.singles[pid].get_or_insert_with(|| (single.create_cache(), single.create_captures()));
    let input = Input::new(hay).range(start..end).anchored(Anchored::Yes);
    single.search_captures_with(cache, &input, caps);
    debug_assert_eq!(caps.get_match().map(|m| (m.start(), m.end())), Some((start, end)));
    let fields = Fields::new(hay, caps);
    let mut value = match (p.normalizer, &p.value) {
        (Some(n), _) => (n.run)(&fields, &c.resources).ok_or(Reject::Normalizer)?,
        (None, Some(t)) => Normalized::value(render(t, &fields)),
        (None, None) => Normalized::value(collapse_space(&hay[start..end])),
    };
    if value.id.is_empty() {
        if let Some(t) = &p.canonical_id {
            value.id = render(t, &fields);
        }
    }
    // With `span = "name"` the row is the capture, and the search goes on
    // after it: the rest of the match is look-ahead (or look-behind) context.
    let (row_start, row_end) = match &p.span {
        None => (start, end),
        Some(name) => fields.span(name).filter(|(a, b)| a < b).ok_or(Reject::EmptySpan)?,
    };
    Ok(Candidate::computed(row_start, row_end, rule_ix, value))
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
