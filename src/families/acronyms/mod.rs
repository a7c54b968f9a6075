//! Normalized text → acronym [`Candidate`]s: definitions found by the
//! detectors that rules turn on, and, after overlap resolution, the
//! mentions of what was defined ([`mentions`]).
//!
//! | detector | finds | module |
//! |---|---|---|
//! | `schwartz-hearst` | the published algorithm, faithfully (the reference) | [`schwartz_hearst`] |
//! | `acronym-long-short` | `Space Situational Awareness (SSA)`, extended | [`parenthesized`] |
//! | `acronym-short-long` | `SSA (Space Situational Awareness)` | [`parenthesized`] |
//! | `acronym-known-long-form` | a long form from the known-expansions file before `(CyCon)` | [`parenthesized`] |
//! | `acronym-cue` | `(so-called “...,” or ACSA)`, `..., or ABC`, `hereinafter referred to as “ABC”` | [`cue`] |
//! | `acronym-japanese` | `宇宙状況監視（SSA）` | [`japanese`] |
//! | `acronym-pdf-gloss` | `（S\n\nSpace Situational Awareness\nSA）` | [`gloss`] |
//! | `acronym-mention` | later occurrences of defined short forms | [`mention`] |
//! | `acronym-known` | short forms from the known-expansions file never defined in the document | [`mention`] |
//!
//! A definition candidate's span is the short form, its value the long form
//! as written with whitespace collapsed, its reference the long form's span,
//! and its `short_form` the short form (the key of mentions and of the
//! glossary). The algorithm and every extension are documented with
//! examples in `docs/acronyms.md`.

pub mod align;
pub mod cue;
pub mod footnote;
pub mod gloss;
pub mod japanese;
pub mod mention;
pub mod numeral;
pub mod parenthesized;
pub mod schwartz_hearst;
pub mod short_form;

pub mod family;
pub mod glossary;
pub mod schema;
pub mod settings;

pub use family::{FAMILY, KIND};

use std::sync::Arc;

use crate::compile::Compiled;
use crate::matchers::Candidate;
use crate::normalize::{collapse_space, Normalized, RefSpan};
use settings::AcronymSettings;

/// Detector name: the faithful Schwartz & Hearst algorithm.
pub const SCHWARTZ_HEARST: &str = "schwartz-hearst";
/// Detector name: `Long Form (LF)`, extended.
pub const LONG_SHORT: &str = "acronym-long-short";
/// Detector name: `LF (Long Form)`.
pub const SHORT_LONG: &str = "acronym-short-long";
/// Detector name: a known long form before a parenthesized short form.
pub const KNOWN_LONG_FORM: &str = "acronym-known-long-form";
/// Detector name: cue phrases.
pub const CUE: &str = "acronym-cue";
/// Detector name: Japanese long form, Latin short form.
pub const JAPANESE: &str = "acronym-japanese";
/// Detector name: the interleaved PDF gloss.
pub const PDF_GLOSS: &str = "acronym-pdf-gloss";
/// Detector name: mentions of defined short forms.
pub const MENTION: &str = "acronym-mention";
/// Detector name: mentions of known, undefined short forms.
pub const KNOWN: &str = "acronym-known";

/// Every acronym detector a rule may name.
pub const DETECTORS: &[&str] =
    &[SCHWARTZ_HEARST, LONG_SHORT, SHORT_LONG, KNOWN_LONG_FORM, CUE, JAPANESE, PDF_GLOSS, MENTION, KNOWN];

/// A definition found by a detector (offsets in the normalized text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Definition {
    /// The short form's span (the row's span).
    pub short: (usize, usize),
    /// The long form's span (the row's reference).
    pub long: (usize, usize),
    /// The short form, whitespace collapsed.
    pub key: String,
    /// Found in an interleaved PDF gloss.
    pub pdf_gloss: bool,
}

impl Definition {
    /// A definition of the short form `sf` with the long form at `long`.
    pub fn new(sf: &short_form::ShortForm<'_>, long: (usize, usize)) -> Definition {
        Definition { short: (sf.offset, sf.offset + sf.text.len()), long, key: sf.key(), pdf_gloss: false }
    }

    fn into_candidate(self, hay: &str, rule: u32) -> Candidate {
        let mut value = Normalized::value(collapse_space(&hay[self.long.0..self.long.1]));
        value.reference = Some(RefSpan::Here(self.long.0, self.long.1));
        value.key = Some(Arc::from(self.key));
        if self.pdf_gloss {
            value.flags.insert("pdf_gloss");
        }
        Candidate::computed(self.short.0, self.short.1, rule, value)
    }
}

/// Runs the definition detector `name` over `hay`; false when `name` is not
/// a definition detector.
pub fn detect(name: &str, hay: &str, s: &AcronymSettings, out: &mut Vec<Definition>) -> bool {
    match name {
        SCHWARTZ_HEARST => schwartz_hearst::find(hay, s, out),
        LONG_SHORT => parenthesized::long_short(hay, s, out),
        SHORT_LONG => parenthesized::short_long(hay, s, out),
        KNOWN_LONG_FORM => parenthesized::known_long_form(hay, s, out),
        CUE => cue::find(hay, s, out),
        JAPANESE => japanese::find(hay, s, out),
        PDF_GLOSS => gloss::find(hay, s, out),
        _ => return false,
    }
    true
}

/// The detector function of every definition detector: pushes the
/// definitions that detector `name` finds for rule `rule`.
pub fn find(c: &Compiled, rule: u32, name: &str, hay: &str, out: &mut Vec<Candidate>) {
    let Some(settings) = c.resources.get::<AcronymSettings>() else { return };
    let mut defs = Vec::new();
    if detect(name, hay, settings, &mut defs) {
        out.extend(defs.into_iter().map(|d| d.into_candidate(hay, rule)));
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::text::DocumentView;

    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "(",
            ")",
            "（",
            "）",
            " ",
            "\n",
            "\n\n",
            "\u{3000}",
            "“",
            "”",
            "\"",
            ",",
            ", or ",
            ". ",
            "-",
            "/",
            "s",
            "SSA",
            "S",
            "SA",
            "CyCon",
            "AML/CFT",
            "UN PKOs",
            "G20",
            "T4P",
            "TICAD7",
            "Space Situational Awareness",
            "the",
            "of",
            "and",
            "for",
            "Japan",
            "宇宙状況監視",
            "「会議」",
            "の",
            "é",
            "so-called ",
            "hereinafter “",
            "International Conference on Cyber Conflict",
            "NATO",
            "EU",
            "EUR",
        ])
    }

    proptest! {
        /// Every detector and the mention pass, on any mix of the pieces they
        /// look for: no panic, spans on character boundaries, in the text.
        #[test]
        fn detectors_keep_spans_valid(pieces in prop::collection::vec(piece(), 0..40)) {
            let text: String = pieces.concat();
            let view = DocumentView::new(&text);
            let hay = view.text();
            let mut s = AcronymSettings { window_counts_stop_words: false, ..AcronymSettings::default() };
            s.stop_words = crate::families::acronyms::settings::StopWords::new(["and", "of", "the"]);
            s.digit_words.insert('4', vec!["for".into()]);
            for name in DETECTORS {
                let mut out = Vec::new();
                detect(name, hay, &s, &mut out);
                for d in out {
                    for (a, b) in [d.short, d.long] {
                        prop_assert!(a <= b && b <= hay.len());
                        prop_assert!(hay.is_char_boundary(a) && hay.is_char_boundary(b), "{name}: {a}..{b} in {hay:?}");
                    }
                }
            }
        }
    }
}
