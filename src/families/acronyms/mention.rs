//! Surviving definitions × normalized text → MENTION candidates: the
//! document-level pass that runs after overlap resolution.
//!
//! Every later occurrence of a defined short form in the same document is a
//! mention: whole word, case-sensitive, expanded to the nearest definition
//! before it, with that definition's long form as reference. Acronyms the
//! known-expansions file lists are mentions too wherever the document has
//! not defined them before that point, expanded from the file, without
//! reference: one forward pass decides every occurrence, so the pass could
//! run chunk by chunk with its state carried (issue 13).
//!
//! No automaton or regex is built per document. The text is scanned for
//! *pieces* (runs of ASCII letters and digits) that contain a capital; a
//! piece is looked up, first in a set of the first pieces of every short
//! form (one hash lookup, no allocation), and only then are the longest
//! keys that start there (up to four pieces joined by `-`, `/` or a space:
//! `IFC-IOR`, `AML/CFT`, `UN PKOs`) looked up in the defined and known
//! tables. So `EU` in `EUR` or `SSA` in `SSAxyz` is no mention; `EU` in
//! `Japan-EU`, `SSA` in `SSA多国間` and `QZS` in `QZS-6` are.
//!
//! Plurals: `SSAs` after `SSA` is a mention of SSA with flag `plural`; after
//! a plural definition (`foreign terrorist fighters (FTFs)`) the singular
//! `FTF` is a mention too, without flag. Occurrences inside a definition's
//! short form are not mentions; occurrences inside a long form are.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use super::short_form::is_plural;
use super::{KNOWN, MENTION};
use crate::compile::Compiled;
use crate::families::acronyms::settings::AcronymSettings;
use crate::families::acronyms::settings::{first_piece, KeyHash};
use crate::matchers::{Candidate, Value};
use crate::normalize::{collapse_space, Normalized, RefSpan};
use crate::passes::PassContext;
use crate::rules::RuleSource;
use crate::text::on_word_edges;

/// Most pieces in one short form.
const MAX_PIECES: usize = 4;

/// A definition a mention can point to.
struct Def {
    short: (usize, usize),
    key: Arc<str>,
    long: String,
    reference: Option<RefSpan>,
    priority: i32,
}

/// The definitions still in force at the end of a section, for the
/// sections after it (their spans in source bytes).
#[derive(Default)]
struct Carried {
    defs: Vec<Def>,
}

/// Appends the mentions of the defined and known acronyms to `cands`.
pub fn find(c: &Compiled, cx: &mut PassContext<'_>, cands: &mut Vec<Candidate>) {
    let hay = cx.hay;
    let mut mention_rule = None;
    let mut known_rule = None;
    for (i, r) in c.rules.iter().enumerate() {
        if let RuleSource::Detector { name } = &r.source {
            match name.as_str() {
                MENTION => mention_rule = Some(i as u32),
                KNOWN => known_rule = Some(i as u32),
                _ => {}
            }
        }
    }
    if mention_rule.is_none() && known_rule.is_none() {
        return;
    }
    let settings = c.resources.get::<AcronymSettings>();
    let known = known_rule.and(settings.and_then(|s| s.known.as_ref()));
    let mut defs: Vec<Def> = cands
        .iter()
        .filter(|cand| c.rules[cand.rule as usize].kind == super::KIND)
        .filter_map(|cand| match &cand.value {
            Value::Computed(n) => n.key.as_ref().map(|key| Def {
                short: (cand.start, cand.end),
                key: key.clone(),
                long: n.value.clone(),
                reference: n.reference,
                priority: c.rules[cand.rule as usize].priority,
            }),
            Value::Term(_) => None,
        })
        .collect();
    let carried: Carried = cx.carried();
    if defs.is_empty() && carried.defs.is_empty() && known.is_none() {
        return;
    }
    // In text order; at one span the higher priority is applied last, so it wins.
    defs.sort_by_key(|d| (d.short.1, d.short.0, d.priority));
    let mut shorts: Vec<(usize, usize)> = defs.iter().map(|d| d.short).collect();
    shorts.sort_unstable();
    // Definitions of earlier sections come first, in the order they were
    // applied there, and apply at once (their `short` is (0, 0)).
    let defs: Vec<Def> = carried.defs.into_iter().chain(defs).collect();
    // First piece of a defined key → most pieces of a key starting with it.
    let mut firsts: HashMap<&str, usize, KeyHash> = HashMap::default();
    // Two variants per definition, in the order of `defs`.
    let variants: Vec<(String, bool)> = defs.iter().flat_map(|d| variants(&d.key)).collect();
    for (v, _) in &variants {
        let most = firsts.entry(first_piece(v)).or_insert(1);
        *most = (*most).max(pieces(v));
    }
    // Most capitalized pieces are ordinary words (`The`, `Japan`): they are
    // looked up only when some short form starts with such a piece (`Hb`).
    let defined_titles: Vec<&str> = firsts.keys().copied().filter(|p| is_title(p)).collect();
    let known_titles = known.is_some_and(super::settings::KnownExpansions::has_title_pieces);

    let mut active: HashMap<&str, (usize, bool), KeyHash> = HashMap::default();
    let mut applied = 0;
    let mut in_short = 0;
    let mut out = Vec::new();
    let bytes = hay.as_bytes();
    let mut i = 0;
    let mut taken = 0;
    while let Some(at) = next_capital(bytes, i) {
        let start = at - bytes[..at].iter().rev().take_while(|b| b.is_ascii_alphanumeric()).count();
        let end = at + bytes[at..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        i = end;
        if start < taken {
            continue;
        }
        while applied < defs.len() && defs[applied].short.1 <= start {
            for (v, plural) in &variants[2 * applied..2 * applied + 2] {
                active.insert(v, (applied, *plural));
            }
            applied += 1;
        }
        while in_short < shorts.len() && shorts[in_short].1 <= start {
            in_short += 1;
        }
        if in_short < shorts.len() && shorts[in_short].0 <= start {
            continue;
        }
        let piece = &hay[start..end];
        let title = is_title(piece);
        let defined_most =
            if title && !defined_titles.contains(&piece) { 0 } else { firsts.get(piece).copied().unwrap_or(0) };
        let known_most = if title && !known_titles { 0 } else { known.map_or(0, |k| k.most_pieces(piece)) };
        let most = defined_most.max(known_most);
        if most == 0 {
            continue;
        }
        for stop in ends(bytes, end).into_iter().take(most).rev().flatten() {
            if !on_word_edges(hay, start, stop) {
                continue;
            }
            let text = &hay[start..stop];
            let key = if text.bytes().any(|b| b.is_ascii_whitespace()) {
                collapse_space(text).into()
            } else {
                Cow::Borrowed(text)
            };
            let key = &*key;
            let (value, reference, short, plural, rule) = if let Some(&(d, plural)) = active.get(key) {
                let Some(rule) = mention_rule else { break };
                let d = &defs[d];
                (d.long.clone(), d.reference, d.key.clone(), plural, rule)
            } else if let Some(e) = known.and_then(|k| k.expansion(key)) {
                let Some(rule) = known_rule else { break };
                (String::from(&*e.long), None, e.short.clone(), false, rule)
            } else {
                continue;
            };
            let mut n = Normalized::value(value);
            n.reference = reference;
            n.key = Some(short);
            if plural {
                n.flags.insert("plural");
            }
            out.push(Candidate::computed(start, stop, rule, n));
            taken = stop;
            i = stop;
            break;
        }
    }
    cands.extend(out);
    if cx.carrying() {
        while applied < defs.len() {
            for (v, plural) in &variants[2 * applied..2 * applied + 2] {
                active.insert(v, (applied, *plural));
            }
            applied += 1;
        }
        let mut live: Vec<usize> = active.values().map(|&(d, _)| d).collect();
        live.sort_unstable();
        live.dedup();
        let to_source = cx.to_source;
        let defs: Vec<Def> = live
            .into_iter()
            .map(|d| {
                let d = &defs[d];
                let reference = d.reference.map(|r| r.earlier(to_source));
                Def { short: (0, 0), key: d.key.clone(), long: d.long.clone(), reference, priority: d.priority }
            })
            .collect();
        cx.carry(Carried { defs });
    }
}

/// The offset of the first ASCII capital in `bytes[from..]`, eight bytes
/// at a time: a byte's high bit is set in `m` when it is ASCII and between
/// `A` and `Z`. Adding to a UTF-8 lead byte may carry into the next byte,
/// but that byte is a continuation byte, never ASCII, so no capital is
/// missed; a candidate is confirmed before it is returned.
fn next_capital(bytes: &[u8], mut from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while from + 8 <= bytes.len() {
        let w = u64::from_le_bytes(bytes[from..from + 8].try_into().expect("8 bytes"));
        let at_least_a = w.wrapping_add(ONES * u64::from(0x80 - b'A'));
        let above_z = w.wrapping_add(ONES * u64::from(0x80 - b'Z' - 1));
        let m = at_least_a & !above_z & !w & HIGH;
        if m != 0 {
            let at = from + (m.trailing_zeros() / 8) as usize;
            if bytes[at].is_ascii_uppercase() {
                return Some(at);
            }
            from = at + 1;
            continue;
        }
        from += 8;
    }
    bytes[from..].iter().position(u8::is_ascii_uppercase).map(|p| from + p)
}

/// Number of pieces of a key (`UN PKOs`: 2, `AML/CFT`: 2).
fn pieces(key: &str) -> usize {
    key.split([' ', '-', '/']).filter(|p| !p.is_empty()).count()
}

/// True for a capitalized word: one capital, then lowercase letters or digits.
fn is_title(piece: &str) -> bool {
    let b = piece.as_bytes();
    b.first().is_some_and(u8::is_ascii_uppercase) && b[1..].iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
}

/// A defined key and the forms that mention it: itself, and its plural
/// (flagged) or, for a plural key, its singular.
fn variants(key: &str) -> Vec<(String, bool)> {
    let last = key.rsplit([' ', '-', '/']).next().unwrap_or(key);
    if is_plural(last) {
        vec![(key.to_string(), false), (key[..key.len() - 1].to_string(), false)]
    } else {
        vec![(key.to_string(), false), (format!("{key}s"), true)]
    }
}

/// Ends of the keys that may start with the piece ending at `end`: the
/// piece itself, then up to `MAX_PIECES - 1` more pieces joined by `-`,
/// `/` or a run of spaces with at most one line break.
fn ends(bytes: &[u8], end: usize) -> [Option<usize>; MAX_PIECES] {
    let mut out = [None; MAX_PIECES];
    out[0] = Some(end);
    let mut e = end;
    for slot in out.iter_mut().skip(1) {
        let mut j = e;
        match bytes.get(j) {
            Some(b'-' | b'/') => j += 1,
            Some(b' ' | b'\t' | b'\n' | b'\r') => {
                let mut breaks = 0;
                while let Some(&b) = bytes.get(j) {
                    match b {
                        b' ' | b'\t' | b'\r' => {}
                        b'\n' => breaks += 1,
                        _ => break,
                    }
                    j += 1;
                }
                if breaks > 1 {
                    break;
                }
            }
            _ => break,
        }
        let n = bytes[j.min(bytes.len())..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        if n == 0 {
            break;
        }
        e = j + n;
        *slot = Some(e);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_and_singular_variants() {
        assert_eq!(variants("SSA"), [("SSA".to_string(), false), ("SSAs".to_string(), true)]);
        assert_eq!(variants("UN PKOs"), [("UN PKOs".to_string(), false), ("UN PKO".to_string(), false)]);
    }

    #[test]
    fn capitals_are_found_in_any_script() {
        let t = "ab SSA 日本語 NATO é X";
        let found: Vec<usize> =
            std::iter::successors(next_capital(t.as_bytes(), 0), |&p| next_capital(t.as_bytes(), p + 1)).collect();
        let want: Vec<usize> = t.bytes().enumerate().filter(|(_, b)| b.is_ascii_uppercase()).map(|(i, _)| i).collect();
        assert_eq!(found, want);
    }

    proptest::proptest! {
        #[test]
        fn capitals_match_a_plain_scan(t in "[a-zA-Z日本é\u{3000}\u{1F600} .,-]{0,40}") {
            let b = t.as_bytes();
            let found: Vec<usize> = std::iter::successors(next_capital(b, 0), |&p| next_capital(b, p + 1)).collect();
            let want: Vec<usize> = b.iter().enumerate().filter(|(_, c)| c.is_ascii_uppercase()).map(|(i, _)| i).collect();
            proptest::prop_assert_eq!(found, want);
        }
    }

    #[test]
    fn key_ends() {
        let t = b"IFC-IOR and UN PKOs, x";
        assert_eq!(ends(t, 3), [Some(3), Some(7), Some(11), Some(14)]);
        assert_eq!(ends(b"EU.", 2), [Some(2), None, None, None]);
        assert_eq!(ends(b"UN\n\nPKOs", 2), [Some(2), None, None, None]);
    }
}
