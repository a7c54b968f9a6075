//! Gazetteer automaton × normalized text → term [`Candidate`]s.
//!
//! All overlapping matches are reported (a COUNTRY inside an EVENT name must
//! survive), then filtered per term: exact case for case-sensitive terms,
//! word edges for whole-word terms, and the rule's edge conditions.
//!
//! Latin text is often hard-wrapped (`United\nStates`, `U.S. Department\nof
//! Defense`): the automaton runs over a copy of the text in which a single
//! line break between two Latin words is a space, byte for byte the same
//! length, so offsets need no map and the row's `text` keeps the break. Only
//! terms of several words can match differently; the Japanese view already
//! removes breaks between CJK characters.

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
    let unwrapped = unwrap_latin_lines(hay);
    let hay: &str = &unwrapped;
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

/// `hay` with each single line break between two Latin words replaced by a
/// space (same length); borrowed when there is none.
fn unwrap_latin_lines(hay: &str) -> std::borrow::Cow<'_, str> {
    let bytes = hay.as_bytes();
    let wrap = |i: usize| {
        i > 0
            && i + 1 < bytes.len()
            && (bytes[i - 1].is_ascii_alphanumeric() || matches!(bytes[i - 1], b'.' | b',' | b')'))
            && (bytes[i + 1].is_ascii_alphanumeric() || bytes[i + 1] == b'(')
    };
    let mut at = memchr_newlines(bytes).filter(|&i| wrap(i)).peekable();
    if at.peek().is_none() {
        return std::borrow::Cow::Borrowed(hay);
    }
    let mut out = bytes.to_vec();
    for i in at {
        out[i] = b' ';
    }
    // Only an ASCII newline between ASCII bytes was replaced by an ASCII space.
    std::borrow::Cow::Owned(String::from_utf8(out).expect("still UTF-8"))
}

/// Offsets of the `\n` bytes of `bytes`.
fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes.iter().enumerate().filter(|(_, &b)| b == b'\n').map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::unwrap_latin_lines;

    #[test]
    fn single_breaks_between_latin_words_become_spaces() {
        assert_eq!(unwrap_latin_lines("United\nStates"), "United States");
        assert_eq!(unwrap_latin_lines("U.S. Department\nof Defense (DOD)"), "U.S. Department of Defense (DOD)");
        assert_eq!(unwrap_latin_lines("end.\n\nNext"), "end.\n\nNext");
        assert_eq!(unwrap_latin_lines("エス\nトニア"), "エス\nトニア");
    }
}
