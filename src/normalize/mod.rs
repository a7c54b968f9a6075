//! Candidate → value: the named normalizers that pattern rules call with
//! `normalizer = "<name>"`, and the types they share.
//!
//! A normalizer reads the named captures of a match ([`Fields`]) and returns
//! a [`Normalized`] value, or `None` to reject the match (a rule that matches
//! `30 February` as text may still decline it as a date). Conversion logic
//! lives here, in Rust; which text to match lives in the rule files.

use std::any::Any;
use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use regex_automata::util::captures::Captures;

/// The captures of one match, read by name.
pub struct Fields<'a> {
    hay: &'a str,
    caps: &'a Captures,
}

impl<'a> Fields<'a> {
    /// The captures `caps` of a match in `hay`.
    pub fn new(hay: &'a str, caps: &'a Captures) -> Fields<'a> {
        Fields { hay, caps }
    }

    /// The text of capture `name`, when it took part in the match.
    pub fn get(&self, name: &str) -> Option<&'a str> {
        self.caps.get_group_by_name(name).map(|s| &self.hay[s.range()])
    }

    /// The named captures that took part in the match, in pattern order, as
    /// `(name, text)`. A name `year__a` is reported as `year`: alternatives
    /// of one regex may not share a capture name, so a pattern names them
    /// `year__a`, `year__b`, and a normalizer reading the parts sees either.
    pub fn named(&self) -> impl Iterator<Item = (&'a str, &'a str)> + '_ {
        let caps: &'a Captures = self.caps;
        let names = caps.pattern().map(|pid| caps.group_info().pattern_names(pid));
        names.into_iter().flatten().enumerate().filter_map(move |(i, name)| {
            let name = name?;
            let span = caps.get_group(i)?;
            let base = name.split_once("__").map_or(name, |(base, _)| base);
            Some((base, &self.hay[span.range()]))
        })
    }

    /// The span of capture `name` in the normalized text.
    pub fn span(&self, name: &str) -> Option<(usize, usize)> {
        self.caps.get_group_by_name(name).map(|s| (s.start, s.end))
    }

    /// The span of the whole match in the normalized text.
    pub fn range(&self) -> (usize, usize) {
        self.caps.get_match().map_or((0, 0), |m| (m.start(), m.end()))
    }

    /// The whole match.
    pub fn text(&self) -> &'a str {
        self.caps.get_match().map_or("", |m| &self.hay[m.range()])
    }

    /// The whole normalized text of the document, for normalizers that look
    /// around the match.
    pub fn haystack(&self) -> &'a str {
        self.hay
    }
}

/// Row flags: lowercase words, rendered sorted and `;`-separated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Flags(Vec<Cow<'static, str>>);

impl Flags {
    /// Adds a flag (duplicates are dropped when rendering).
    pub fn insert(&mut self, flag: impl Into<Cow<'static, str>>) {
        self.0.push(flag.into());
    }

    /// True when no flag is set.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// True when `flag` is set.
    pub fn contains(&self, flag: &str) -> bool {
        self.0.iter().any(|f| f == flag)
    }

    /// The flags as set, unsorted, duplicates included.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|f| &**f)
    }
}

impl Flags {
    /// The row's `flags` cell: sorted, without duplicates, `;`-joined.
    /// One allocation (none when empty), where `to_string` would format
    /// through `Display` into a growing buffer.
    pub fn render(&self) -> String {
        let mut all: Vec<&str> = self.0.iter().map(|c| &**c).collect();
        all.sort_unstable();
        all.dedup();
        all.join(";")
    }
}

impl fmt::Display for Flags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

/// A family's own data attached to a value or a row, opaque to the generic
/// stages: a date's parts for the anchoring pass, an acronym's short form
/// for the glossary. The family that puts it there downcasts it.
pub type Payload = Arc<dyn Any + Send + Sync>;

/// Where a row's second piece of evidence is.
///
/// Almost always in the normalized text the candidates are in (`Here`). A
/// document larger than one section is extracted section by section
/// (`crate::extract`), and a pass may link a candidate to evidence from an
/// earlier section (an acronym's definition, a person's full name, a date's
/// antecedent), whose normalized text is gone: that span is carried in
/// source bytes (`Earlier`), as the row will show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefSpan {
    /// A span of the normalized text being extracted.
    Here(usize, usize),
    /// A span of the source text, before the current section.
    Earlier(usize, usize),
}

impl RefSpan {
    /// The span as a later section keeps it: in source bytes, mapped with
    /// `to_source` when it is `Here`.
    #[must_use]
    pub fn earlier(self, to_source: &dyn Fn(usize, usize) -> (usize, usize)) -> RefSpan {
        match self {
            RefSpan::Here(a, b) => {
                let (a, b) = to_source(a, b);
                RefSpan::Earlier(a, b)
            }
            earlier @ RefSpan::Earlier(..) => earlier,
        }
    }
}

/// What a normalizer makes of a match.
#[derive(Clone, Debug, Default)]
pub struct Normalized {
    /// The `normalized` column.
    pub value: String,
    /// The `id` column; empty when none.
    pub id: String,
    /// Flags the user can filter on.
    pub flags: Flags,
    /// Replaces the rule's `type` (a date rule may yield `INTERVAL`).
    pub ty: Option<&'static str>,
    /// A second piece of evidence, for `ref_*`.
    pub reference: Option<RefSpan>,
    /// A family's key for the row (see `Row::key`); never a column.
    pub key: Option<Arc<str>>,
    /// The family's own data about the value (never a column).
    pub payload: Option<Payload>,
}

impl Normalized {
    /// A value with nothing else set.
    pub fn value(value: impl Into<String>) -> Normalized {
        Normalized { value: value.into(), ..Normalized::default() }
    }

    /// The payload, when it is a `T`.
    pub fn payload<T: Any>(&self) -> Option<&T> {
        self.payload.as_deref().and_then(|p| p.downcast_ref::<T>())
    }
}

/// Data that families load with the rules (from `[tables]`, from their
/// `[settings.<family>]`) and that their normalizers, detectors and passes
/// read back by type. One value per type; the generic stages only carry it.
#[derive(Clone, Debug, Default)]
pub struct Resources {
    parts: Vec<Payload>,
}

impl Resources {
    /// Adds (or replaces) the value of type `T`.
    pub fn insert<T: Any + Send + Sync>(&mut self, value: T) {
        self.insert_payload(Arc::new(value));
    }

    /// Adds (or replaces) a value of the payload's type.
    pub fn insert_payload(&mut self, value: Payload) {
        let id = (*value).type_id();
        self.parts.retain(|p| (**p).type_id() != id);
        self.parts.push(value);
    }

    /// The value of type `T`, if a family put one there.
    pub fn get<T: Any>(&self) -> Option<&T> {
        self.parts.iter().find_map(|p| p.downcast_ref::<T>())
    }
}

/// The signature of a normalizer.
pub type NormalizeFn = fn(&Fields<'_>, &Resources) -> Option<Normalized>;

/// A named normalizer, declared by a family (or generic, as
/// [`COLLAPSE_SPACE`]).
pub struct Normalizer {
    /// The name rules use.
    pub name: &'static str,
    /// One line for `yomitori rules explain`.
    pub summary: &'static str,
    /// The function.
    pub run: NormalizeFn,
    /// `(capture, table)`: a rule whose pattern has the capture needs the
    /// table (`[tables.<table>]`) to be defined.
    pub tables: &'static [(&'static str, &'static str)],
}

impl fmt::Debug for Normalizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Normalizer").field("name", &self.name).finish_non_exhaustive()
    }
}

/// The one normalizer that belongs to no family.
pub static COLLAPSE_SPACE: Normalizer = Normalizer {
    name: "collapse-space",
    summary: "the matched text with runs of whitespace collapsed to one space",
    run: |f, _| Some(Normalized::value(collapse_space(f.text()))),
    tables: &[],
};

/// Collapses each run of whitespace (line breaks included) to one space and
/// trims the ends: how long forms and multi-line names are reported.
pub fn collapse_space(s: &str) -> String {
    // Most values are already collapsed ASCII: copying them skips the
    // Unicode whitespace test of every character (callgrind: 82 M
    // instructions over 8 MB, most of it the acronym glossaries).
    let b = s.as_bytes();
    let collapsed = s.is_ascii()
        && b.first().is_none_or(|&c| c != b' ')
        && b.last().is_none_or(|&c| c != b' ')
        && !b.windows(2).any(|w| w == b"  ")
        && !b.iter().any(|&c| c.is_ascii_whitespace() && c != b' ' || c == b'\x0b');
    if collapsed {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_render_sorted_and_unique() {
        let mut f = Flags::default();
        f.insert("out_of_era");
        f.insert("anchored");
        f.insert("out_of_era");
        assert_eq!(f.to_string(), "anchored;out_of_era");
    }

    #[test]
    fn collapsing_copies_what_is_collapsed_and_agrees_with_the_words() {
        let slow = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        for s in [
            "",
            "a",
            "a b",
            " a",
            "a ",
            "a  b",
            "a\nb",
            "a\tb",
            "a\x0bb",
            "a\x0cb",
            "a\rb",
            "日本 国",
            "a\u{3000}b",
            "a\u{a0}b",
            "a\x1cb",
            "  ",
        ] {
            assert_eq!(collapse_space(s), slow(s), "{s:?}");
        }
    }

    #[test]
    fn collapse() {
        assert_eq!(collapse_space(" Space\nSituational  Awareness\n"), "Space Situational Awareness");
    }
}
