//! Gazetteer automaton × normalized text → term [`Candidate`]s.
//!
//! All overlapping matches are reported (a COUNTRY inside an EVENT name must
//! survive), then filtered per term: exact case for case-sensitive terms,
//! word edges for whole-word terms, and the rule's edge conditions.
//!
//! A compound rule's automaton patterns are its members: at a member hit,
//! each head the member combines with is tested as literal text on either
//! side (`Government of ` before, ` Navy` or `政府` after), and the pair is
//! the candidate, a term of the rule like any other, named by its pair code.
//! This finds what one pattern per pair would, with ~850 patterns instead of
//! 42,035, and no table of the pairs is built.
//!
//! Latin text is often hard-wrapped (`United\nStates`, `U.S. Department\nof
//! Defense`): the automaton runs over a copy of the text in which a single
//! line break between two Latin words is a space, byte for byte the same
//! length, so offsets need no map and the row's `text` keeps the break. Only
//! terms of several words can match differently; the Japanese view already
//! removes breaks between CJK characters.

use super::trace::{Fate, Trace};
use super::{Candidate, Value};
use crate::compile::gazetteer::TermRef;
use crate::compile::Compiled;
use crate::rules::compound::{Compound, Edges};
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
    let folded = g.haystack(std::borrow::Cow::Borrowed(hay));
    g.for_each_match(&folded, |pattern, start, end| {
        let matched = &hay[start..end];
        for t in g.terms_of(pattern) {
            let rule = &c.rules[t.rule as usize];
            let RuleSource::Gazetteer { terms, compound, .. } = &rule.source else { continue };
            if let Some(compound) = compound {
                pairs(c, compound, *t, hay, (start, end), out, trace.as_deref_mut());
                continue;
            }
            let term = &terms[t.term as usize];
            if term.case_sensitive && matched != term.surface {
                if let Some(tr) = trace.as_deref_mut() {
                    tr.drop(start, end, t.rule, Fate::Case { surface: term.surface.clone() });
                }
                continue;
            }
            accept(c, hay, (start, end), *t, term.whole_word, out, trace.as_deref_mut());
        }
    });
}

/// The pairs of a compound rule's member hit `member` (`t.term` is the
/// member): each head of the member whose text stands next to it, when the
/// pair is a term of the rule ([`Compound::is_term`], asked only then), in
/// the member's ASCII case or exactly when the pair is case-sensitive.
fn pairs(
    c: &Compiled,
    compound: &Compound,
    t: TermRef,
    hay: &str,
    (start, end): (usize, usize),
    out: &mut Vec<Candidate>,
    mut trace: Option<&mut Trace>,
) {
    let m = t.term as usize;
    let member = &compound.members[m];
    let exact_member = hay[start..end] == member.surface;
    let near = Edges::around(hay.as_bytes(), start, end);
    for &h in compound.heads_of(m) {
        if !compound.may_fit(h as usize, near) {
            continue;
        }
        let head = &compound.heads[h as usize];
        let Some(s) = start.checked_sub(head.before.len()) else { continue };
        let e = end + head.after.len();
        let (Some(before), Some(after)) = (hay.get(s..start), hay.get(end..e)) else { continue };
        if !before.eq_ignore_ascii_case(&head.before) || !after.eq_ignore_ascii_case(&head.after) {
            continue;
        }
        if !compound.is_term(m, h as usize) {
            continue;
        }
        if (member.case_sensitive || head.case_sensitive)
            && !(exact_member && before == head.before && after == head.after)
        {
            if let Some(tr) = trace.as_deref_mut() {
                tr.drop(s, e, t.rule, Fate::Case { surface: compound.surface(m, h as usize) });
            }
            continue;
        }
        let pair = TermRef { rule: t.rule, term: compound.pair_code(m, h as usize) };
        accept(c, hay, (s, e), pair, compound.whole_word(), out, trace.as_deref_mut());
    }
}

/// Pushes term `t` at `start..end` unless a word edge (when `whole_word`)
/// or the rule's edge conditions reject it.
fn accept(
    c: &Compiled,
    hay: &str,
    (start, end): (usize, usize),
    t: TermRef,
    whole_word: bool,
    out: &mut Vec<Candidate>,
    trace: Option<&mut Trace>,
) {
    if whole_word && !on_word_edges(hay, start, end) {
        if let Some(tr) = trace {
            tr.drop(start, end, t.rule, Fate::WordEdge);
        }
        return;
    }
    if let Some(ctx) = &c.contexts[t.rule as usize] {
        if !ctx.allows(hay, start, end) {
            if let Some(tr) = trace {
                let (condition, pattern) = ctx.failing(hay, start, end).unwrap_or(("?", ""));
                tr.drop(start, end, t.rule, Fate::Context { condition, pattern: pattern.to_string() });
            }
            return;
        }
    }
    out.push(Candidate { start, end, rule: t.rule, value: Value::Term(t.term) });
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
