//! The raw form of `[settings.acronyms]`, close to the file and with its
//! spans, read from a rule file's text by [`read`].

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// The parts of a rule file this family reads; everything else is ignored
/// here (the rules layer has validated it).
#[derive(Debug, Deserialize)]
struct File {
    #[serde(default)]
    settings: Sections,
}

#[derive(Debug, Default, Deserialize)]
struct Sections {
    acronyms: Option<Spanned<RawAcronymSettings>>,
}

/// `[settings.acronyms]` of a rule file's text, with spans relative to the
/// file; `Err` carries the TOML error (its span too).
pub fn read(text: &str) -> Result<Option<Spanned<RawAcronymSettings>>, toml::de::Error> {
    Ok(toml::from_str::<File>(text)?.settings.acronyms)
}

/// `[settings.acronyms]`: settings of the acronym detectors (`docs/acronyms.md`).
///
/// Numbers are read as signed integers so that a negative value gets a
/// range diagnostic at its span, not a type error.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAcronymSettings {
    /// Most letters and digits in a short form (Schwartz & Hearst: 10).
    pub max_short_len: Option<Spanned<i64>>,
    /// Long-form window: at most `min(|A| + window_plus, window_times × |A|)`
    /// words for a short form of `|A|` letters and digits.
    pub window_plus: Option<Spanned<i64>>,
    /// See `window_plus`.
    pub window_times: Option<Spanned<i64>>,
    /// Whether stop words count toward the window (Schwartz & Hearst: yes).
    pub window_counts_stop_words: Option<bool>,
    /// Capital letters an extended short form needs in one word (`CyCon`: 2).
    pub min_capitals: Option<Spanned<i64>>,
    /// Most letters of a short form with fewer capitals (`mAb`, `Hsp90`).
    pub few_capitals_max_len: Option<Spanned<i64>>,
    /// Most characters of a Japanese long form.
    pub max_japanese_long: Option<Spanned<i64>>,
    /// Words that never start a long form and, unless
    /// `window_counts_stop_words`, do not count toward the window.
    #[serde(default)]
    pub stop_words: Vec<Spanned<String>>,
    /// Words after which a `.` does not end a sentence (`No`, `Dr`).
    #[serde(default)]
    pub abbreviations: Vec<Spanned<String>>,
    /// Words a digit of a short form may stand for (`T4P` = Together for Peace).
    #[serde(default)]
    pub digit_words: Option<Spanned<BTreeMap<String, Vec<String>>>>,
    /// Ordinal words a trailing number may stand for (`TICAD7` = Seventh ...).
    #[serde(default)]
    pub ordinals: Option<Spanned<BTreeMap<String, Vec<String>>>>,
    /// CSV of known expansions (`short,long`), relative to the rule file.
    pub known: Option<Spanned<String>>,
    /// Cue-phrase patterns for the `acronym-cue` detector.
    #[serde(default, rename = "cue")]
    pub cues: Vec<Spanned<RawCue>>,
}

/// One `[[settings.acronyms.cue]]`: a regex that captures a short form (`short`) and
/// optionally its long form (`long`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCue {
    /// A name for messages and docs (`so-called`, `or`, `hereinafter`).
    pub name: Spanned<String>,
    /// The regex; `{macro}` references are expanded.
    pub pattern: Spanned<String>,
    /// What the cue is for.
    pub description: Option<String>,
}
