//! `[settings.acronyms]` of a rule file → [`AcronymSettings`]: the numbers, word
//! lists, cue patterns and known expansions the acronym detectors read.
//!
//! Everything here is validated once, when the rules load, with a
//! diagnostic at the offending value; the cue patterns are compiled into one
//! regex each and the known-expansions CSV is read and indexed.
//! `docs/acronyms.md` documents every setting.

use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};
use std::path::PathBuf;
use std::sync::Arc;

use regex_automata::meta::{self, Regex};
use regex_automata::util::syntax;
use regex_automata::MatchKind;
use toml::Spanned;

use super::schema::{RawAcronymSettings, RawCue};
use crate::diagnostic::{Diagnostic, SourceFile};
use crate::rules::macros::{expand, Macros, StrLoc};
use crate::rules::validate;
use crate::text::fold;

/// Settings of the acronym detectors (`[settings.acronyms]` of a rule file).
#[derive(Clone, Debug)]
pub struct AcronymSettings {
    /// Most letters and digits in a short form.
    pub max_short_len: usize,
    /// Long-form window: `min(|A| + window_plus, window_times × |A|)` words.
    pub window_plus: usize,
    /// See [`window_plus`](Self::window_plus).
    pub window_times: usize,
    /// Whether stop words count toward the window.
    pub window_counts_stop_words: bool,
    /// Capital letters a strong acronym word needs (`CyCon`: 2).
    pub min_capitals: usize,
    /// Most letters of a weak acronym word, one with fewer capitals (`Hb`,
    /// `mAb`, `Hsp90`); 0 turns weak words off.
    pub few_capitals_max_len: usize,
    /// Most characters of a Japanese long form.
    pub max_japanese_long: usize,
    /// Words that never start a long form.
    pub stop_words: StopWords,
    /// Words after which a `.` does not end a sentence (`No`, `Dr`).
    pub abbreviations: Vec<String>,
    /// Lowercase words each digit of a short form may stand for.
    pub digit_words: BTreeMap<char, Vec<String>>,
    /// Lowercase ordinal words a trailing number may stand for.
    pub ordinals: BTreeMap<String, Vec<String>>,
    /// The known-expansions list.
    pub known: Option<KnownExpansions>,
    /// Cue-phrase patterns, compiled together.
    pub cues: Option<CueSet>,
}

impl Default for AcronymSettings {
    fn default() -> Self {
        AcronymSettings {
            max_short_len: 10,
            window_plus: 5,
            window_times: 2,
            window_counts_stop_words: true,
            min_capitals: 2,
            few_capitals_max_len: 4,
            max_japanese_long: 30,
            stop_words: StopWords::default(),
            abbreviations: Vec::new(),
            digit_words: BTreeMap::new(),
            ordinals: BTreeMap::new(),
            known: None,
            cues: None,
        }
    }
}

impl AcronymSettings {
    /// The most words a long form may have for a short form of `letters`
    /// letters and digits: `min(|A| + window_plus, window_times × |A|)`.
    pub fn window(&self, letters: usize) -> usize {
        (letters + self.window_plus).min(letters * self.window_times)
    }

    /// True when `word` is a stop word (ASCII case-insensitive).
    pub fn is_stop_word(&self, word: &str) -> bool {
        self.stop_words.contains(word)
    }
}

/// A set of short ASCII words, compared case-insensitively. Each word is
/// packed into a `u128`, so a lookup is a binary search over integers: the
/// letter matcher asks at every candidate first letter.
#[derive(Clone, Debug, Default)]
pub struct StopWords {
    keys: Vec<u128>,
}

impl StopWords {
    /// Longest word, in bytes.
    pub const MAX_LEN: usize = 16;

    /// The set of `words` (ASCII, at most [`MAX_LEN`](Self::MAX_LEN) bytes;
    /// longer ones are left out).
    pub fn new<S: AsRef<str>>(words: impl IntoIterator<Item = S>) -> StopWords {
        let mut keys: Vec<u128> = words.into_iter().filter_map(|w| Self::key(w.as_ref())).collect();
        keys.sort_unstable();
        keys.dedup();
        StopWords { keys }
    }

    fn key(word: &str) -> Option<u128> {
        if word.is_empty() || word.len() > Self::MAX_LEN || !word.is_ascii() {
            return None;
        }
        let mut buf = [0u8; 16];
        buf[..word.len()].copy_from_slice(word.as_bytes());
        buf.make_ascii_lowercase();
        Some(u128::from_le_bytes(buf))
    }

    /// True when `word` is in the set, ignoring ASCII case.
    pub fn contains(&self, word: &str) -> bool {
        !self.keys.is_empty() && Self::key(word).is_some_and(|k| self.keys.binary_search(&k).is_ok())
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when the set is empty.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// A fast hasher for the short keys of the acronym tables (the multiply-
/// rotate hash of rustc's `FxHasher`). Keys are short forms from the rules
/// and from one document; SipHash's resistance to chosen keys buys nothing
/// there and costs a fifth of the mention pass.
#[derive(Clone, Copy, Debug, Default)]
pub struct KeyHasher(u64);

impl KeyHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Builds [`KeyHasher`]s.
pub type KeyHash = BuildHasherDefault<KeyHasher>;

/// The cue-phrase patterns of `[[settings.acronyms.cue]]`, compiled.
///
/// Each cue is its own regex, so that each gets its own literal prefilter:
/// one regex for all would start at the rarest common prefix of all cues,
/// which for `, or` and `hereinafter` is every comma and every `he`.
#[derive(Clone, Debug)]
pub struct CueSet {
    /// Cue names and their regexes, in file order.
    pub cues: Vec<(String, Regex)>,
}

/// One row of the known-expansions CSV.
#[derive(Clone, Debug)]
pub struct KnownExpansion {
    /// The short form, folded like documents.
    pub short: Arc<str>,
    /// The long form.
    pub long: Arc<str>,
    /// 1-based line in the CSV.
    pub line: usize,
    /// Whether occurrences the document does not define expand to this row
    /// (column `mentions`: empty or `yes`; `no` makes the row a long form
    /// that rule `definition-known` accepts, and nothing more).
    pub mentions: bool,
}

/// The known-expansions list: acronyms expanded even where a document does
/// not define them. A short form may have several rows; the first gives
/// the expansion of mentions, every row is an accepted long form.
#[derive(Clone, Debug)]
pub struct KnownExpansions {
    /// The CSV file.
    pub path: PathBuf,
    /// Its rows, in file order.
    pub entries: Vec<KnownExpansion>,
    /// Short form → indexes of its rows.
    by_short: HashMap<Arc<str>, Vec<usize>, KeyHash>,
    /// The first piece (up to a space, `-` or `/`) of every short form →
    /// the most pieces of a short form starting with it.
    first_pieces: HashMap<Box<str>, usize, KeyHash>,
    /// Whether some first piece is a capitalized word (`Hb`).
    title_pieces: bool,
}

impl KnownExpansions {
    /// The expansion of `short`: its first row that expands mentions.
    pub fn expansion(&self, short: &str) -> Option<&KnownExpansion> {
        self.by_short.get(short)?.iter().map(|&i| &self.entries[i]).find(|e| e.mentions)
    }

    /// Most words of a long form listed for `short`; 0 when none is.
    pub fn longest_words(&self, short: &str) -> usize {
        self.long_forms(short).map(|l| l.split_whitespace().count()).max().unwrap_or(0)
    }

    /// Every long form listed for `short`.
    pub fn long_forms<'a>(&'a self, short: &str) -> impl Iterator<Item = &'a str> + 'a {
        self.by_short.get(short).into_iter().flatten().map(|&i| &*self.entries[i].long)
    }

    /// The most pieces (runs of letters and digits, split at a space, `-` or
    /// `/`) of a short form that starts with `piece`; 0 when none does.
    pub fn most_pieces(&self, piece: &str) -> usize {
        self.first_pieces.get(piece).copied().unwrap_or(0)
    }

    /// True when some short form starts with a capitalized word: one
    /// capital, then lowercase letters or digits (`Hb`, not `NATO`).
    pub fn has_title_pieces(&self) -> bool {
        self.title_pieces
    }
}

/// The first piece of a short form: up to a space, `-` or `/`.
pub fn first_piece(short: &str) -> &str {
    short.split([' ', '-', '/']).next().unwrap_or(short)
}

/// Validates `[settings.acronyms]` of `file`. Problems go to `diags`; the settings
/// returned then use defaults for the bad values.
pub fn settings(
    file: &SourceFile,
    raw: &RawAcronymSettings,
    macros: &Macros,
    tree: &crate::rules::tree::RuleTree,
    diags: &mut Vec<Diagnostic>,
) -> AcronymSettings {
    let mut s = AcronymSettings::default();
    let mut number = |v: &Option<Spanned<i64>>, name: &str, min: i64, max: i64, into: &mut usize| {
        if let Some(v) = v {
            let n = *v.get_ref();
            if (min..=max).contains(&n) {
                *into = usize::try_from(n).unwrap_or(*into);
            } else {
                diags.push(
                    Diagnostic::error("invalid-value", format!("`{name}` must be between {min} and {max}, found {n}"))
                        .at(file, v.span().start, v.span().end),
                );
            }
        }
    };
    number(&raw.max_short_len, "max_short_len", 2, 40, &mut s.max_short_len);
    number(&raw.window_plus, "window_plus", 0, 50, &mut s.window_plus);
    number(&raw.window_times, "window_times", 1, 10, &mut s.window_times);
    number(&raw.min_capitals, "min_capitals", 1, 10, &mut s.min_capitals);
    number(&raw.few_capitals_max_len, "few_capitals_max_len", 0, 10, &mut s.few_capitals_max_len);
    number(&raw.max_japanese_long, "max_japanese_long", 2, 200, &mut s.max_japanese_long);
    if let Some(b) = raw.window_counts_stop_words {
        s.window_counts_stop_words = b;
    }
    let mut stop_words = Vec::new();
    for w in &raw.stop_words {
        let word = w.get_ref();
        let ok = !word.is_empty()
            && word.len() <= StopWords::MAX_LEN
            && word.bytes().all(|b| b.is_ascii_alphabetic() || b == b'\'' || b == b'-');
        if ok {
            stop_words.push(word.as_str());
        } else {
            diags.push(
                Diagnostic::error(
                    "invalid-value",
                    format!("stop word `{word}` must be one ASCII word of at most {} letters", StopWords::MAX_LEN),
                )
                .at(file, w.span().start, w.span().end),
            );
        }
    }
    s.stop_words = StopWords::new(stop_words);
    for a in &raw.abbreviations {
        let word = a.get_ref();
        if word.is_empty() || word.contains(|c: char| c.is_whitespace() || c == '.') {
            diags.push(
                Diagnostic::error("invalid-value", format!("abbreviation `{word}` must be one word, without its dot"))
                    .at(file, a.span().start, a.span().end),
            );
        } else {
            s.abbreviations.push(word.clone());
        }
    }
    if let Some(map) = &raw.digit_words {
        for (key, words) in map.get_ref() {
            let mut chars = key.chars();
            match (chars.next(), chars.next()) {
                (Some(d), None) if d.is_ascii_digit() => {
                    s.digit_words.insert(d, words.iter().map(|w| w.to_lowercase()).collect());
                }
                _ => diags.push(
                    Diagnostic::error("invalid-value", format!("`digit_words` key `{key}` must be one digit")).at(
                        file,
                        map.span().start,
                        map.span().end,
                    ),
                ),
            }
        }
    }
    if let Some(map) = &raw.ordinals {
        for (key, words) in map.get_ref() {
            if key.is_empty() || !key.bytes().all(|b| b.is_ascii_digit()) {
                diags.push(Diagnostic::error("invalid-value", format!("`ordinals` key `{key}` must be a number")).at(
                    file,
                    map.span().start,
                    map.span().end,
                ));
                continue;
            }
            s.ordinals.insert(key.clone(), words.iter().map(|w| w.to_lowercase()).collect());
        }
    }
    if let Some(known) = &raw.known {
        let path = validate::resolve(file.path(), known.get_ref());
        match tree.read(&path) {
            Ok(text) => s.known = Some(parse_known(&SourceFile::new(&path, text.into_owned()), diags)),
            Err(e) => diags.push(crate::rules::tree::utf8_diagnostic(&path, &e).unwrap_or_else(|| {
                Diagnostic::error(
                    "missing-gazetteer",
                    format!("cannot read known expansions `{}`: {e}", path.display()),
                )
                .at(file, known.span().start, known.span().end)
                .note("the path is relative to the rule file's folder")
            })),
        }
    }
    s.cues = cues(file, &raw.cues, macros, diags);
    s
}

/// Compiles the cue patterns; `None` when there are none or one is bad
/// (then a diagnostic says why).
fn cues(file: &SourceFile, raw: &[Spanned<RawCue>], macros: &Macros, diags: &mut Vec<Diagnostic>) -> Option<CueSet> {
    if raw.is_empty() {
        return None;
    }
    let before = diags.len();
    let mut cues = Vec::new();
    for cue in raw {
        let cue = cue.get_ref();
        let name = cue.name.get_ref().clone();
        let rule = format!("cue {name}");
        let span = cue.pattern.span();
        let loc = StrLoc::of_value(file, span.clone());
        let expanded = match expand(cue.pattern.get_ref(), &loc, macros) {
            Ok(e) => e,
            Err(d) => {
                diags.push(d.rule(rule));
                continue;
            }
        };
        if validate::check_regex(&expanded, &rule, diags).is_none() {
            continue;
        }
        let regex = match Regex::builder()
            .configure(meta::Config::new().match_kind(MatchKind::LeftmostFirst).utf8_empty(true))
            .syntax(syntax::Config::new().utf8(true))
            .build(&expanded.text)
        {
            Ok(r) => r,
            Err(e) => {
                diags.push(
                    Diagnostic::error("regex-build", format!("the cue pattern does not compile: {e}"))
                        .rule(rule)
                        .at(file, span.start, span.end),
                );
                continue;
            }
        };
        if regex.group_info().to_index(regex_automata::PatternID::ZERO, "short").is_none() {
            diags.push(
                Diagnostic::error("missing-capture", "a cue pattern must capture the short form as `(?P<short>...)`")
                    .rule(rule)
                    .at(file, span.start, span.end)
                    .note("it may also capture the long form as `(?P<long>...)`"),
            );
            continue;
        }
        cues.push((name, regex));
    }
    (diags.len() == before).then_some(CueSet { cues })
}

const KNOWN_COLUMNS: &[&str] = &["short", "long", "note", "source", "mentions"];

/// Reads the known-expansions CSV: columns `short` and `long` (required),
/// `note` and `source` (free text), and `mentions` (`yes`, the default, or
/// `no`: a long form for definitions only, for a short form too ambiguous
/// to expand wherever it occurs, `ETA`, `SL`).
pub fn parse_known(file: &SourceFile, diags: &mut Vec<Diagnostic>) -> KnownExpansions {
    let mut out = KnownExpansions {
        path: file.path().to_path_buf(),
        entries: Vec::new(),
        by_short: HashMap::default(),
        first_pieces: HashMap::default(),
        title_pieces: false,
    };
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(file.text().as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            diags.push(crate::rules::gazetteer::csv_error(file, &e));
            return out;
        }
    };
    let mut col = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        let name = h.trim().trim_start_matches('\u{FEFF}');
        if KNOWN_COLUMNS.contains(&name) {
            col.insert(name.to_string(), i);
        } else {
            let at = file.text().find(h).unwrap_or(0);
            diags.push(
                Diagnostic::error("unknown-column", format!("unknown known-expansions column `{name}`"))
                    .at(file, at, at + h.len())
                    .note(format!("expected columns: {}", KNOWN_COLUMNS.join(", "))),
            );
        }
    }
    for required in ["short", "long"] {
        if !col.contains_key(required) {
            let end = file.text().find('\n').unwrap_or(file.text().len());
            diags.push(
                Diagnostic::error("missing-column", format!("known expansions have no `{required}` column"))
                    .at(file, 0, end),
            );
        }
    }
    if !col.contains_key("short") || !col.contains_key("long") {
        return out;
    }
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                diags.push(crate::rules::gazetteer::csv_error(file, &e));
                continue;
            }
        };
        let pos = record.position().map_or(0, |p| p.byte() as usize);
        let line = record.position().map_or(0, |p| p.line() as usize);
        let row_end = file.text()[pos..].find('\n').map_or(file.text().len(), |p| pos + p);
        let get = |name: &str| col.get(name).and_then(|&i| record.get(i)).unwrap_or("").trim();
        let (short, long) = (fold(get("short")).into_owned(), get("long"));
        if short.is_empty() || long.is_empty() {
            diags.push(
                Diagnostic::error("empty-term", "every row needs a `short` and a `long` value").at(file, pos, row_end),
            );
            continue;
        }
        if !short.bytes().any(|b| b.is_ascii_uppercase()) {
            diags.push(
                Diagnostic::error("invalid-value", format!("short form `{short}` has no capital letter"))
                    .at(file, pos, row_end)
                    .note("mentions are found from their capital letters; list acronyms such as `NATO`"),
            );
            continue;
        }
        let key = (short.clone(), long.to_lowercase());
        if let Some(prev) = seen.get(&key) {
            diags.push(
                Diagnostic::error("duplicate-term", format!("`{short}` = `{long}` is already listed on line {prev}"))
                    .at(file, pos, row_end),
            );
            continue;
        }
        let mentions = match get("mentions") {
            "" | "yes" => true,
            "no" => false,
            other => {
                diags.push(
                    Diagnostic::error("invalid-value", format!("`mentions` must be `yes` or `no`, found `{other}`"))
                        .at(file, pos, row_end),
                );
                continue;
            }
        };
        seen.insert(key, line);
        let short: Arc<str> = Arc::from(short);
        out.by_short.entry(short.clone()).or_default().push(out.entries.len());
        out.entries.push(KnownExpansion { short: short.clone(), long: Arc::from(long), line, mentions });
        if !mentions {
            continue;
        }
        let piece = first_piece(&short);
        let b = piece.as_bytes();
        out.title_pieces |=
            b[0].is_ascii_uppercase() && b[1..].iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
        let n = short.split([' ', '-', '/']).filter(|p| !p.is_empty()).count();
        let most = out.first_pieces.entry(Box::from(piece)).or_insert(0);
        *most = (*most).max(n);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_rows_first_is_the_expansion() {
        let file = SourceFile::new(
            "k.csv",
            "short,long,note\nＮＡＴＯ,North Atlantic Treaty Organization,\nASPnet,UNESCO Associated Schools Network,\nASPnet,Associated Schools Project Network,old name\n",
        );
        let mut diags = Vec::new();
        let k = parse_known(&file, &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(&*k.expansion("NATO").unwrap().long, "North Atlantic Treaty Organization");
        assert_eq!(k.long_forms("ASPnet").count(), 2);
        assert_eq!(k.most_pieces("ASPnet"), 1);
        assert_eq!(k.most_pieces("ASP"), 0);
    }

    #[test]
    fn definition_only_rows_expand_no_mentions() {
        let file = SourceFile::new(
            "k.csv",
            "short,long,mentions\nSL,Shining Path,no\nETA,Basque Fatherland and Liberty,yes\nXY,z,maybe\n",
        );
        let mut diags = Vec::new();
        let k = parse_known(&file, &mut diags);
        let codes: Vec<_> = diags.iter().map(Diagnostic::code).collect();
        assert_eq!(codes, ["invalid-value"]);
        assert!(k.expansion("SL").is_none());
        assert_eq!(k.most_pieces("SL"), 0);
        assert_eq!(k.long_forms("SL").collect::<Vec<_>>(), ["Shining Path"]);
        assert_eq!(&*k.expansion("ETA").unwrap().long, "Basque Fatherland and Liberty");
    }

    #[test]
    fn known_rows_are_checked() {
        let file = SourceFile::new("k.csv", "short,long,colour\nnato,x,\nEU,European Union,\nEU,european union,\n");
        let mut diags = Vec::new();
        let k = parse_known(&file, &mut diags);
        let codes: Vec<_> = diags.iter().map(Diagnostic::code).collect();
        assert_eq!(codes, ["unknown-column", "invalid-value", "duplicate-term"]);
        assert_eq!(k.entries.len(), 1);
    }

    #[test]
    fn bad_settings_are_diagnosed_at_their_values() {
        let text = "[settings.acronyms]\nwindow_times = 0\nstop_words = [\"of the\"]\nknown = \"nowhere.csv\"\n\n[[settings.acronyms.cue]]\nname = \"x\"\npattern = 'or (?P<abbr>[A-Z]+)'\n\n[[settings.acronyms.cue]]\nname = \"y\"\npattern = '(unclosed'\n";
        let file = SourceFile::new("rules/a.toml", text);
        let err = crate::rules::load::load_files(&[file], &crate::families::catalog()).expect_err("bad settings");
        let msg = err.to_string();
        for want in [
            "error[invalid-value]: `window_times` must be between 1 and 10, found 0",
            "rules/a.toml:2:16",
            "error[invalid-value]: stop word `of the` must be one ASCII word",
            "error[missing-gazetteer]: cannot read known expansions",
            "error[missing-capture]: rule \"cue x\": a cue pattern must capture the short form",
            "error[invalid-regex]: rule \"cue y\"",
        ] {
            assert!(msg.contains(want), "missing {want:?} in:\n{msg}");
        }
    }

    #[test]
    fn stop_words_ignore_case() {
        let s = StopWords::new(["of", "the", "between"]);
        assert!(s.contains("The") && s.contains("BETWEEN") && s.contains("of"));
        assert!(!s.contains("off") && !s.contains("") && !s.contains("thé"));
        assert_eq!(s.len(), 3);
    }

    #[test]
    fn window_is_min_of_plus_and_times() {
        let s = AcronymSettings::default();
        assert_eq!(s.window(3), 6);
        assert_eq!(s.window(8), 13);
    }
}
