//! One text → every candidate and what became of it: `yomitori explain`.
//!
//! ```text
//! Document ─ Extractor::extract_traced ─▶ rows + Trace (drops, candidates, survivors)
//!          ─ explain ─▶ Explanation: entries (kept | dropped, why) + rules with no candidate
//! ```
//!
//! Nothing here matches text again: the entries are the trace the matchers
//! and the overlap stage recorded while extracting the rows. The only new
//! search is for a rule that left no trace at all, where a lazy DFA of the
//! rule's own pattern is stepped byte by byte to find how far the text gets
//! into it (the nearest partial match).

use std::fmt;

use regex_automata::hybrid::dfa::DFA;
use regex_automata::{Anchored, Input};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::extract::{Document, Extractor};
use crate::matchers::trace::{Fate, Trace};
use crate::row::Row;
use crate::rules::RuleSource;
use crate::text::DocumentView;

/// What to explain: everything, one rule, and/or what covers one offset.
#[derive(Clone, Debug, Default)]
pub struct Query {
    /// A rule name (`file/id`) or id.
    pub rule: Option<String>,
    /// A byte offset into the text.
    pub at: Option<usize>,
}

/// The explanation of one text.
#[derive(Clone, Debug, Serialize)]
pub struct Explanation {
    /// Candidates and dropped matches, by start.
    pub entries: Vec<Entry>,
    /// Asked-for rules that left no candidate and no drop.
    pub missing: Vec<Missing>,
}

/// One match of one rule and its fate. Spans are byte offsets into the
/// source text, as in the CSV.
#[derive(Clone, Debug, Serialize)]
pub struct Entry {
    /// Start.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// The source text of the span.
    pub text: String,
    /// The rule.
    pub rule: String,
    /// `kept`, `case`, `word_edge`, `context`, `normalizer`, `empty_span`,
    /// `overlap` or `pass`.
    pub outcome: &'static str,
    /// A sentence saying why.
    pub reason: String,
    /// The row, when kept.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<Row>,
    /// For `overlap`: the winner's rule and span.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub winner: Option<(String, usize, usize)>,
}

/// A rule with no candidate where asked.
#[derive(Clone, Debug, Serialize)]
pub struct Missing {
    /// The rule.
    pub rule: String,
    /// Always `no_candidate`.
    pub outcome: &'static str,
    /// Why, with the nearest partial match when the engine can say.
    pub reason: String,
    /// The partial match's span, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial: Option<(usize, usize)>,
}

/// Explains `doc` under `query`.
///
/// # Errors
/// A usage error when the rule is not one of the extractor's, or the
/// offset is past the end of the text or not on a character boundary.
pub fn explain(ex: &Extractor, doc: &Document, query: &Query) -> Result<Explanation> {
    let rules = ex.rules();
    let wanted: Option<Vec<u32>> = match &query.rule {
        None => None,
        Some(id) => {
            let found: Vec<u32> = (0..rules.len() as u32)
                .filter(|&i| rules[i as usize].name.as_str() == id || rules[i as usize].id == *id)
                .collect();
            if found.is_empty() {
                return Err(Error::from_usage(format!("explain: no rule named `{id}`")));
            }
            Some(found)
        }
    };
    if let Some(at) = query.at {
        if at > doc.text.len() || !doc.text.is_char_boundary(at) {
            return Err(Error::from_usage(format!(
                "explain: --at {at} is not a character boundary of the text ({} bytes)",
                doc.text.len()
            )));
        }
    }
    let mut trace = Trace::default();
    let mut rows = Vec::new();
    ex.extract_traced(doc, &mut ex.scratch(), &mut rows, Some(&mut trace));
    let view = DocumentView::new(&doc.text);
    let src = |s: usize, e: usize| view.map().to_source(s, e);
    let name = |r: u32| rules[r as usize].name.to_string();
    let text = |s: usize, e: usize| doc.text[s..e].to_string();
    let mut entries = Vec::new();
    for ev in &trace.events {
        let (s, e) = src(ev.start, ev.end);
        let (outcome, reason, winner) = describe(ex, &doc.text, &view, s, e, &ev.fate);
        entries.push(Entry {
            start: s,
            end: e,
            text: text(s, e),
            rule: name(ev.rule),
            outcome,
            reason,
            row: None,
            winner,
        });
    }
    let mut used = vec![false; rows.len()];
    for &(a, b, r) in &trace.survivors {
        let (s, e) = src(a, b);
        let at = rows.iter().enumerate().position(|(i, row)| {
            !used[i] && row.start == s && row.end == e && row.rule.as_str() == rules[r as usize].name.as_str()
        });
        let entry = Entry {
            start: s,
            end: e,
            text: text(s, e),
            rule: name(r),
            outcome: "kept",
            reason: String::new(),
            row: None,
            winner: None,
        };
        entries.push(match at {
            Some(i) => {
                used[i] = true;
                Entry { reason: "kept: the row below".into(), row: Some(rows[i].clone()), ..entry }
            }
            None => Entry { outcome: "pass", reason: "dropped by a document pass after overlap".into(), ..entry },
        });
    }
    for row in rows.into_iter().zip(&used).filter(|(_, &u)| !u).map(|(r, _)| r) {
        entries.push(Entry {
            start: row.start,
            end: row.end,
            text: row.text.clone(),
            rule: row.rule.to_string(),
            outcome: "kept",
            reason: "kept: made by a document pass (no matcher candidate)".into(),
            row: Some(row),
            winner: None,
        });
    }
    note_other_groups(ex, &mut entries);
    entries.retain(|x| {
        wanted.as_ref().is_none_or(|w| w.iter().any(|&r| rules[r as usize].name.as_str() == x.rule))
            && query.at.is_none_or(|at| x.start <= at && (at < x.end || x.start == x.end))
    });
    entries.sort_by(|a, b| (a.start, a.end, &a.rule, a.outcome).cmp(&(b.start, b.end, &b.rule, b.outcome)));
    let mut missing = Vec::new();
    for &r in wanted.iter().flatten() {
        let rule_name = name(r);
        if entries.iter().all(|x| x.rule != rule_name) {
            let (reason, partial) = no_candidate(ex, r, &doc.text, &view, query.at);
            missing.push(Missing { rule: rule_name, outcome: "no_candidate", reason, partial });
        }
    }
    Ok(Explanation { entries, missing })
}

/// Adds to each kept entry the kept entries it overlaps from other overlap
/// groups, which never compete with it (a COUNTRY inside an EVENT name).
fn note_other_groups(ex: &Extractor, entries: &mut [Entry]) {
    let group = |name: &str| {
        ex.rules()
            .iter()
            .find(|r| r.name.as_str() == name)
            .map(|r| format!("{}/{}", r.kind, r.group))
            .unwrap_or_default()
    };
    let kept: Vec<(usize, usize, String, String)> = entries
        .iter()
        .filter(|e| e.outcome == "kept")
        .map(|e| (e.start, e.end, e.rule.clone(), group(&e.rule)))
        .collect();
    for e in entries.iter_mut().filter(|e| e.outcome == "kept") {
        let own = group(&e.rule);
        let others: Vec<String> = kept
            .iter()
            .filter(|(s, t, _, g)| *g != own && *s < e.end && e.start < *t)
            .map(|(s, t, r, g)| format!("{r} at {s}..{t} (group {g})"))
            .collect();
        if !others.is_empty() {
            e.reason = format!(
                "{}; it overlaps {}, of another overlap group than its own ({own}), so both are kept",
                e.reason,
                others.join(", ")
            );
        }
    }
}

/// The outcome name, the sentence and the winner of a drop at `s..e`
/// (source offsets).
fn describe(
    ex: &Extractor,
    source: &str,
    view: &DocumentView<'_>,
    s: usize,
    e: usize,
    fate: &Fate,
) -> (&'static str, String, Option<(String, usize, usize)>) {
    match fate {
        Fate::Case { surface } => ("case", format!("the term is case-sensitive and is written `{surface}`"), None),
        Fate::WordEdge => (
            "word_edge",
            format!("not on word edges: the match touches a word character in {}", around(source, s, e)),
            None,
        ),
        Fate::Context { condition, pattern } => {
            let verb = if condition.starts_with("not_") { "matches" } else { "does not match" };
            let side = if condition.ends_with("before") { "before" } else { "after" };
            (
                "context",
                format!(
                    "failed the context condition `{condition}`: `{pattern}` {verb} the text {side} it, {}",
                    around(source, s, e)
                ),
                None,
            )
        }
        Fate::Normalizer { name, summary } => (
            "normalizer",
            format!("rejected by its normalizer `{name}` ({summary}): it gives no value for this text"),
            None,
        ),
        Fate::EmptySpan { capture } => {
            ("empty_span", format!("the row's capture `{capture}` is empty or did not take part in the match"), None)
        }
        Fate::Overlap { winner_rule, winner, policy } => {
            let (ws, we) = view.map().to_source(winner.0, winner.1);
            let w = ex.rules()[*winner_rule as usize].name.to_string();
            (
                "overlap",
                format!(
                    "lost an overlap to {w} at {ws}..{we} `{}` (overlap group policy `{}`)",
                    &source[ws..we],
                    policy.as_str()
                ),
                Some((w, ws, we)),
            )
        }
    }
}

/// `…before|match|after…` with up to 20 characters each side.
fn around(source: &str, s: usize, e: usize) -> String {
    let before: String = source[..s].chars().rev().take(20).collect::<Vec<_>>().into_iter().rev().collect();
    let after: String = source[e..].chars().take(20).collect();
    format!("`…{}|{}|{}…`", before.escape_debug(), source[s..e].escape_debug(), after.escape_debug())
}

/// Why rule `r` has no candidate, and the nearest partial match of its
/// pattern (source span) when the engine can say.
fn no_candidate(
    ex: &Extractor,
    r: u32,
    source: &str,
    view: &DocumentView<'_>,
    at: Option<usize>,
) -> (String, Option<(usize, usize)>) {
    let where_ = at.map_or_else(|| "in the text".to_string(), |a| format!("at byte {a}"));
    match &ex.rules()[r as usize].source {
        s @ RuleSource::Gazetteer { .. } => (format!("none of its {} terms occurs {where_}", s.term_count()), None),
        RuleSource::Detector { name } => (format!("its detector `{name}` found nothing {where_}"), None),
        RuleSource::Pattern(p) => {
            let hay = view.text();
            // The offset in the normalized text: the view only ever shortens.
            let at_n = at.map(|a| (0..=hay.len()).rev().find(|&n| view.map().to_source_start(n) <= a).unwrap_or(0));
            match nearest_partial(&p.pattern.text, hay, at_n) {
                Err(why) => (
                    format!("its pattern does not match {where_}; the engine cannot say how near it gets ({why})"),
                    None,
                ),
                Ok(None) => (format!("its pattern does not match {where_}, not even its first character"), None),
                Ok(Some(Partial { start, end, full: true })) => {
                    let (s, e) = view.map().to_source(start, end);
                    (
                        format!(
                            "its pattern matches `{}` at {s}..{e}, but the search of its group had moved past that \
                             start (an earlier match there was accepted)",
                            &source[s..e]
                        ),
                        Some((s, e)),
                    )
                }
                Ok(Some(Partial { start, end, full: false })) => {
                    let (s, e) = view.map().to_source(start, end);
                    let next = source[e..]
                        .chars()
                        .next()
                        .map_or("the end of the text".to_string(), |c| format!("`{}`", c.escape_debug()));
                    (
                        format!(
                            "its pattern does not match {where_}; nearest partial match: `{}` at {s}..{e}, where it cannot continue with {next}",
                            source[s..e].escape_debug()
                        ),
                        Some((s, e)),
                    )
                }
            }
        }
    }
}

/// The longest prefix of a match of `pattern` that the text holds: a
/// normalized-text span, and whether it is a whole match.
struct Partial {
    start: usize,
    end: usize,
    full: bool,
}

/// Steps an anchored lazy DFA of `pattern` from each start (every
/// character of the text, or those up to 256 bytes before `at`) until it
/// dies, and keeps the start that got furthest.
fn nearest_partial(pattern: &str, hay: &str, at: Option<usize>) -> std::result::Result<Option<Partial>, String> {
    let dfa = DFA::new(pattern).map_err(|e| e.to_string())?;
    let mut cache = dfa.create_cache();
    let starts: Vec<usize> = match at {
        Some(a) => (a.saturating_sub(256)..=a).filter(|&s| hay.is_char_boundary(s)).collect(),
        None => hay.char_indices().map(|(i, _)| i).collect(),
    };
    let mut best: Option<Partial> = None;
    for s in starts {
        let input = Input::new(hay).range(s..).anchored(Anchored::Yes);
        let mut state = dfa.start_state_forward(&mut cache, &input).map_err(|e| e.to_string())?;
        let mut furthest = s;
        let mut full = false;
        for (i, &b) in hay.as_bytes()[s..].iter().enumerate() {
            state = dfa.next_state(&mut cache, state, b).map_err(|e| e.to_string())?;
            if state.is_dead() {
                break;
            }
            if state.is_quit() {
                return Err("the pattern needs an engine that the lazy DFA quits for".into());
            }
            // Match states are reported one byte late.
            full |= state.is_match();
            furthest = s + i + 1;
            if furthest - s > 4096 {
                break;
            }
        }
        if !full {
            let eoi = dfa.next_eoi_state(&mut cache, state).map_err(|e| e.to_string())?;
            full = eoi.is_match() && furthest == hay.len();
        }
        while !hay.is_char_boundary(furthest) {
            furthest -= 1;
        }
        let better =
            best.as_ref().is_none_or(|b| (full && !b.full) || (full == b.full && furthest - s > b.end - b.start));
        if furthest > s && better {
            best = Some(Partial { start: s, end: furthest, full });
        }
    }
    Ok(best)
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kept = self.entries.iter().filter(|e| e.outcome == "kept").count();
        writeln!(f, "{} matches: {kept} kept, {} dropped", self.entries.len(), self.entries.len() - kept)?;
        for e in &self.entries {
            let mark = if e.outcome == "kept" { "kept   " } else { "dropped" };
            writeln!(f, "{mark} {}..{} `{}` {}", e.start, e.end, e.text.escape_debug(), e.rule)?;
            match &e.row {
                Some(r) => {
                    let id = if r.id.is_empty() { String::new() } else { format!(" id {}", r.id) };
                    let flags = if r.flags.is_empty() { String::new() } else { format!(" flags {}", r.flags) };
                    writeln!(f, "        {} {} `{}`{id}{flags}", r.kind, r.ty, r.normalized)?;
                    if let Some((_, note)) = e.reason.split_once("; ") {
                        writeln!(f, "        {note}")?;
                    }
                }
                None => writeln!(f, "        {}: {}", e.outcome, e.reason)?,
            }
        }
        for m in &self.missing {
            writeln!(f, "no candidate: {}\n        {}", m.rule, m.reason)?;
        }
        Ok(())
    }
}
