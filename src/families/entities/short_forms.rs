//! Names a document gives a short form: a definition whose long form is a
//! named entity lends that entity to the short form, at the definition and
//! at every later mention (the `acronym-entities` pass, after overlap
//! resolution).
//!
//! ```text
//! surviving candidates (acronym DEFINITION rows, entity rows)
//!     ─ acronym_entities ─▶ + entity rows of rule `acronym-entities`
//!     `the Treaty on the Non-Proliferation of Nuclear Weapons (NPT) ... the NPT`
//!     → LAW `NPT` (twice): `Treaty on the Non-Proliferation of Nuclear Weapons`,
//!       law:treaty-on-the-nonproliferation-of-nuclear-weapons, ref = the long form
//! ```
//!
//! Only organizations, events and instruments lend their names (a country's
//! short forms are in the gazetteer), and only when the long form is the
//! entity's name, or its end after a qualifier of up to three capitalized
//! words: `Treaty on ... Weapons` is the LAW row, so `NPT` is that LAW;
//! `U.S.-Japan Cyber Defense Policy Working Group (CDPWG)` (the letters of
//! `Cyber ... Group`) is the ORG. A definition whose long form is no entity,
//! or only part of a longer name (`Maritime Domain Awareness (MDA)` at the
//! end of `ARF Workshop on ... Maritime Domain Awareness`), gives nothing.
//! A short form that is already an entity of the same group at the
//! definition (`ASEAN`, a gazetteer term) keeps its own rows; later
//! occurrences are whole words in exact case that overlap no entity of that
//! group (`NPT` inside the EVENT `NPT Review Conference` is a mention: other
//! groups nest, as countries do in event names), and each takes the nearest
//! definition of its short form before it. One Aho-Corasick pass over the
//! document finds the occurrences of every lending short form, so the cost
//! is linear in the document however many definitions it has; the
//! automaton is built only for a document with a lending definition.

use std::collections::HashMap;
use std::sync::Arc;

use aho_corasick::{AhoCorasick, MatchKind};

use super::KIND;
use crate::compile::Compiled;
use crate::matchers::{Candidate, Value};
use crate::normalize::{Normalized, RefSpan};
use crate::passes::PassContext;
use crate::rules::RuleSource;
use crate::text::on_word_edges;

/// The detector name of the rule that carries the rows of this pass.
pub const ACRONYM_ENTITIES: &str = "acronym-entities";

/// The entity types that lend their name to a short form, as the row's
/// type (`Normalized::ty` is `'static`).
const NAMED: &[&str] = &["ORG", "EVENT", "LAW"];

/// A surviving definition: its short form's span, the short form, and the
/// long form's span.
type Definition = ((usize, usize), Arc<str>, (usize, usize));

/// A definition that lends: its short form's start, the lender and the
/// long form's span.
type Lending = (usize, Lender, RefSpan);

/// The latest lending definition of each short form in the sections
/// before (start 0, spans in source bytes).
#[derive(Default)]
struct Carried {
    lending: Vec<(Arc<str>, Lending)>,
}

/// An entity a definition's long form names.
#[derive(Clone)]
struct Lender {
    ty: &'static str,
    group: u32,
    value: Arc<str>,
    id: Arc<str>,
}

/// Appends the rows of defined short forms whose long form is an entity.
pub fn acronym_entities(c: &Compiled, cx: &mut PassContext<'_>, cands: &mut Vec<Candidate>) {
    let hay = cx.hay;
    let Some(rule) =
        c.rules.iter().position(|r| matches!(&r.source, RuleSource::Detector { name } if name == ACRONYM_ENTITIES))
    else {
        return;
    };
    let acronym = crate::families::acronyms::KIND;
    // (short-form span, key, long-form span) of each surviving definition.
    let mut defs: Vec<Definition> = cands
        .iter()
        .filter(|d| c.rules[d.rule as usize].kind == acronym)
        .filter_map(|d| match &d.value {
            Value::Computed(n) => match n.reference? {
                RefSpan::Here(a, b) => Some(((d.start, d.end), n.key.clone()?, (a, b))),
                RefSpan::Earlier(..) => None,
            },
            Value::Term(_) => None,
        })
        .collect();
    let carried: Carried = cx.carried();
    if defs.is_empty() && carried.lending.is_empty() {
        return;
    }
    defs.sort_unstable_by_key(|d| (d.0, d.2));
    // Entity spans of the named types, with what they would lend; by end
    // offset, to find a definition's lender, and per overlap group sorted
    // by start, to ask "does any overlap s..e" with one binary search.
    let named: Vec<((usize, usize), Lender)> =
        cands.iter().filter_map(|e| lender(c, e).map(|l| ((e.start, e.end), l))).collect();
    let mut by_end: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut groups: HashMap<u32, Spans> = HashMap::new();
    for (k, ((s, e), l)) in named.iter().enumerate() {
        by_end.entry(*e).or_default().push(k);
        groups.entry(l.group).or_default().spans.push((*s, *e));
    }
    for g in groups.values_mut() {
        g.index();
    }
    let overlaps = |s: usize, e: usize, group: u32| groups.get(&group).is_some_and(|g| g.overlaps(s, e));
    // The definitions that lend, per distinct short form, in text order.
    let mut keys: Vec<Arc<str>> = Vec::new();
    let mut lending: Vec<Vec<Lending>> = Vec::new();
    for (key, lend) in carried.lending {
        keys.push(key);
        lending.push(vec![lend]);
    }
    for (short, key, long) in defs {
        let Some(&k) = by_end
            .get(&long.1)
            .and_then(|ks| ks.iter().find(|&&k| named[k].0 .0 <= long.0 && qualifier(&hay[named[k].0 .0..long.0])))
        else {
            continue;
        };
        if overlaps(short.0, short.1, named[k].1.group) {
            continue;
        }
        let p = keys.iter().position(|x| *x == key).unwrap_or_else(|| {
            keys.push(key);
            lending.push(Vec::new());
            keys.len() - 1
        });
        // Two definitions of one short form at one place (核兵器不拡散条約(NPT:
        // Treaty on the Non-Proliferation ...)): the first long form lends.
        if lending[p].last().is_none_or(|d| d.0 != short.0) {
            lending[p].push((short.0, named[k].1.clone(), RefSpan::Here(long.0, long.1)));
        }
    }
    if keys.is_empty() {
        return;
    }
    // One pass over the text for every lending short form (a document with
    // many definitions is not scanned once per definition); an occurrence
    // takes the nearest definition of its short form that starts at or
    // before it.
    let Ok(finder) = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(keys.iter().map(|k| &**k))
    else {
        return;
    };
    let mut added: Vec<Candidate> = Vec::new();
    let mut added_end = 0;
    for m in finder.find_iter(hay) {
        let (s, e, p) = (m.start(), m.end(), m.pattern().as_usize());
        let defs = &lending[p];
        let Some((_, l, long)) = defs[..defs.partition_point(|d| d.0 <= s)].last() else { continue };
        if !on_word_edges(hay, s, e) || overlaps(s, e, l.group) || added_end > s {
            continue;
        }
        let n = Normalized {
            id: l.id.to_string(),
            ty: Some(l.ty),
            reference: Some(*long),
            ..Normalized::value(l.value.to_string())
        };
        added.push(Candidate::computed(s, e, rule as u32, n));
        added_end = e;
    }
    cands.extend(added);
    if cx.carrying() {
        let to_source = cx.to_source;
        let lending = keys
            .into_iter()
            .zip(lending)
            .filter_map(|(key, mut defs)| {
                let (_, l, long) = defs.pop()?;
                Some((key, (0, l, long.earlier(to_source))))
            })
            .collect();
        cx.carry(Carried { lending });
    }
}

/// Spans of one overlap group, sorted by start, with the furthest end so far.
#[derive(Default)]
struct Spans {
    spans: Vec<(usize, usize)>,
    max_end: Vec<usize>,
}

impl Spans {
    fn index(&mut self) {
        self.spans.sort_unstable();
        let mut m = 0;
        self.max_end = self
            .spans
            .iter()
            .map(|&(_, e)| {
                m = m.max(e);
                m
            })
            .collect();
    }

    fn overlaps(&self, s: usize, e: usize) -> bool {
        let before = self.spans.partition_point(|&(start, _)| start < e);
        before > 0 && self.max_end[before - 1] > s
    }
}

/// True when `prefix`, the part of an entity's name before a definition's
/// long form, only qualifies it: nothing, or up to three capitalized words
/// (`U.S.-Japan` before `Cyber Defense Policy Working Group (CDPWG)`). A
/// prefix with a lower-case word is a name of its own around the long form
/// (`ARF Workshop on ... ` before `Maritime Domain Awareness (MDA)`).
fn qualifier(prefix: &str) -> bool {
    let words: Vec<&str> = prefix.split_whitespace().collect();
    words.len() <= 3 && words.iter().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()))
}

/// What an entity candidate of a named type would lend a short form.
fn lender(c: &Compiled, e: &Candidate) -> Option<Lender> {
    let r = &c.rules[e.rule as usize];
    if r.kind != KIND {
        return None;
    }
    let named = |ty: &str| NAMED.iter().copied().find(|&t| t == ty);
    let (ty, value, id): (&str, Arc<str>, Arc<str>) = match &e.value {
        Value::Term(t) => {
            // Of a compound rule, the term is made here (its pair's values).
            let term = r.source.term(*t)?;
            (named(term.ty.as_deref().unwrap_or(&r.ty))?, term.canonical.clone(), term.id.clone())
        }
        Value::Computed(n) => (named(n.ty.unwrap_or(&r.ty))?, Arc::from(n.value.as_str()), Arc::from(n.id.as_str())),
    };
    Some(Lender { ty, group: c.rule_group[e.rule as usize], value, id })
}
