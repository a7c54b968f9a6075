//! Gazetteer automaton × normalized text → term [`Candidate`]s.
//!
//! All overlapping matches are reported (a COUNTRY inside an EVENT name must
//! survive), then filtered per term: exact case for case-sensitive terms,
//! word edges for whole-word terms, and the rule's edge conditions.

use super::trace::{Fate, Trace};
use super::{Candidate, Value};
use crate::compile::Compiled;
use crate::rules::RuleSource;
use crate::text::on_word_edges;

/// Pushes the gazetteer candidates of `hay` to `out`.
pub fn find(c: &Compiled, hay: &str, out: &mut Vec<Candidate>) {
    find_traced(c, hay, out, None);
}

/// [`find`], recording each rejected term match in `trace` when given.
pub fn find_traced(c: &Compiled, hay: &str, out: &mut Vec<Candidate>, mut trace: Option<&mut Trace>) {
    let Some(g) = &c.gazetteer else { return };
    for m in g.ac.find_overlapping_iter(hay) {
        let (start, end) = (m.start(), m.end());
        let matched = &hay[start..end];
        for t in g.terms_of(m.pattern().as_usize()) {
            let rule = &c.rules[t.rule as usize];
            let RuleSource::Gazetteer { terms, .. } = &rule.source else { continue };
            let term = &terms[t.term as usize];
            if term.case_sensitive && matched != term.surface {
                if let Some(tr) = trace.as_deref_mut() {
                    tr.drop(start, end, t.rule, Fate::Case { surface: term.surface.clone() });
                }
                continue;
            }
            if term.whole_word && !on_word_edges(hay, start, end) {
                if let Some(tr) = trace.as_deref_mut() {
                    tr.drop(start, end, t.rule, Fate::WordEdge);
                }
                continue;
            }
            if let Some(ctx) = &c.contexts[t.rule as usize] {
                if !ctx.allows(hay, start, end) {
                    if let Some(tr) = trace.as_deref_mut() {
                        let (condition, pattern) = ctx.failing(hay, start, end).unwrap_or(("?", ""));
                        tr.drop(start, end, t.rule, Fate::Context { condition, pattern: pattern.to_string() });
                    }
                    continue;
                }
            }
            out.push(Candidate { start, end, rule: t.rule, value: Value::Term(t.term) });
        }
    }
}
