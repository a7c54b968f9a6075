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
//!       law:treaty-on-the-non-proliferation-of-nuclear-weapons, ref = the long form
//! ```
//!
//! Only organizations, events and instruments lend their names (a country's
//! short forms are in the gazetteer), and only when the long form is the
//! entity's name, or its end after a qualifier of up to three capitalized
//! words: `Treaty on ... Weapons` is the LAW row, so `NPT` is that LAW;
//! `U.S.-Japan Cyber Defense Policy Working Group (CDPWG)` (the letters of
//! `Cyber ... Group`) is the ORG. A definition whose long form is no entity,
//! or only part of a longer name (`Maritime Domain Awareness (MDA)` at the
//! end of `ARF Workshop on ... Maritime Domain Awareness`), gives nothing. A short form that is already an entity of the same group
//! at the definition (`ASEAN`, a gazetteer term) keeps its own rows; later
//! occurrences are whole words in exact case that overlap no entity of that
//! group (`NPT` inside the EVENT `NPT Review Conference` is a mention: other
//! groups nest, as countries do in event names).

use std::sync::Arc;

use super::KIND;
use crate::compile::Compiled;
use crate::matchers::{Candidate, Value};
use crate::normalize::Normalized;
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

/// An entity a definition's long form names.
struct Lender {
    ty: &'static str,
    group: u32,
    value: Arc<str>,
    id: Arc<str>,
}

/// Appends the rows of defined short forms whose long form is an entity.
pub fn acronym_entities(c: &Compiled, hay: &str, cands: &mut Vec<Candidate>) {
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
            Value::Computed(n) => Some(((d.start, d.end), n.key.clone()?, n.reference?)),
            Value::Term(_) => None,
        })
        .collect();
    if defs.is_empty() {
        return;
    }
    defs.sort_unstable_by_key(|d| (d.0, d.2));
    // Entity spans of the named types, with what they would lend.
    let named: Vec<((usize, usize), Lender)> =
        cands.iter().filter_map(|e| lender(c, e).map(|l| ((e.start, e.end), l))).collect();
    // Rows of this pass overlap none of each other (two definitions of one
    // short form: the first wins).
    let overlaps = |s: usize, e: usize, group: u32, added: &[Candidate]| {
        named.iter().any(|((a, b), l)| l.group == group && *a < e && s < *b)
            || added.iter().any(|x| x.start < e && s < x.end)
    };
    let mut added: Vec<Candidate> = Vec::new();
    for (short, key, long) in defs {
        let Some((_, l)) = named.iter().find(|((s, e), _)| *e == long.1 && *s <= long.0 && qualifier(&hay[*s..long.0]))
        else {
            continue;
        };
        if overlaps(short.0, short.1, l.group, &[]) {
            continue;
        }
        let mut at = short.0;
        while let Some(found) = hay[at..].find(&*key) {
            let (s, e) = (at + found, at + found + key.len());
            at = e;
            if !on_word_edges(hay, s, e) || overlaps(s, e, l.group, &added) {
                continue;
            }
            let n = Normalized {
                id: l.id.to_string(),
                ty: Some(l.ty),
                reference: Some(long),
                ..Normalized::value(l.value.to_string())
            };
            added.push(Candidate::computed(s, e, rule as u32, n));
        }
    }
    cands.extend(added);
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
    let (ty, value, id): (&str, Arc<str>, Arc<str>) = match &e.value {
        Value::Term(t) => {
            let RuleSource::Gazetteer { terms, .. } = &r.source else { return None };
            let term = &terms[*t as usize];
            (term.ty.as_deref().unwrap_or(&r.ty), term.canonical.clone(), term.id.clone())
        }
        Value::Computed(n) => (n.ty.unwrap_or(&r.ty), Arc::from(n.value.as_str()), Arc::from(n.id.as_str())),
    };
    let ty = NAMED.iter().copied().find(|&t| t == ty)?;
    Some(Lender { ty, group: c.rule_group[e.rule as usize], value, id })
}
