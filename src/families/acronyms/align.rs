//! A short form × the text before it → its long form: Schwartz & Hearst's
//! right-to-left letter matching, and the extensions built on it.
//!
//! The base step ([`right_to_left`]) walks the short form's letters from the
//! last to the first and finds each, case-insensitively, as far right as
//! possible in the text before it; the first letter must start a word. A
//! letter may match inside a word (`CCDCOE` = **C**ooperative **C**yber
//! **D**efen**c**e **C**entre **o**f **E**xcellence). The long form starts
//! at the word of the first letter.
//!
//! [`long_form`] adds, in order of trial: stop words never start a long
//! form; digits may stand for words (`T4P` = Together **for** Peace); a
//! trailing number may stand for an ordinal (`TICAD7` = **Seventh** Tokyo
//! ...); `/` short forms match one conjunct each (`AML/CFT`); a qualifier
//! word may sit before or after the acronym's own long form (`PKO Act`,
//! `Japan-Australia RAA`); a quoted name at the end is left out (`QZS` =
//! Quasi-Zenith Satellite, not “Michibiki”); last, the initials of a proper
//! name in another order (`FARC`). The window is checked last. Where letters
//! match inside words but the last words' initials spell the short form, the
//! initials win (`Asbat al-Ansar (AAA)`).

use super::short_form::{is_acronym_word, is_quote, letters_of, lower, ShortForm};
use crate::families::acronyms::settings::AcronymSettings;

/// Where the letters were found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    /// Offset of the first letter's match.
    pub first: usize,
    /// Offset of the last letter's match.
    pub last: usize,
}

/// Which rules the matching follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Schwartz & Hearst exactly.
    Faithful,
    /// With stop words and digit words.
    Extended,
    /// Extended, but the first word may be a stop word: the fallback when
    /// the long form really starts with one (`The Scripps Research
    /// Institute (TSRI)`, `A Disintegrin And Metalloprotease (ADAM)`).
    Lenient,
}

/// Finds `letters` (lowercase) right to left in `text`. The first letter
/// must start a word (the character before it is not a letter or digit);
/// in [`Mode::Extended`] that word must not be a stop word, and a digit may
/// match a whole word listed for it in `digit_words`.
pub fn right_to_left(letters: &[char], text: &str, mode: Mode, s: &AcronymSettings) -> Option<Found> {
    let mut cur = text.len();
    let mut last = None;
    for (k, &want) in letters.iter().enumerate().rev() {
        loop {
            let (i, c) = prev_char(text, cur)?;
            cur = i;
            let mut hit = lower(c) == want;
            if !hit && mode != Mode::Faithful && want.is_ascii_digit() && word_start(text, i) {
                let word = word_at(text, i);
                hit = s.digit_words.get(&want).is_some_and(|ws| ws.iter().any(|w| word.eq_ignore_ascii_case(w)));
            }
            if hit && k == 0 {
                hit = word_start(text, i) && !(mode == Mode::Extended && s.is_stop_word(word_at(text, i)));
            }
            if hit {
                if k + 1 == letters.len() {
                    last = Some(i);
                }
                break;
            }
        }
    }
    Some(Found { first: cur, last: last.unwrap_or(cur) })
}

/// The character that ends at `i`, and where it starts (ASCII fast path).
fn prev_char(text: &str, i: usize) -> Option<(usize, char)> {
    let b = *text.as_bytes().get(i.checked_sub(1)?)?;
    if b < 0x80 {
        Some((i - 1, char::from(b)))
    } else {
        text[..i].char_indices().next_back()
    }
}

/// True when a word starts at `i`: no letter or digit before it.
fn word_start(text: &str, i: usize) -> bool {
    prev_char(text, i).is_none_or(|(_, c)| !c.is_alphanumeric())
}

/// The word (letters and digits) starting at `i`, lowercased only if it is
/// ASCII; used for stop-word and digit-word checks.
fn word_at(text: &str, i: usize) -> &str {
    let rest = &text[i..];
    let end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
    &rest[..end]
}

/// True when `letters` are found in `text` (extended, else lenient) with
/// the first one in `text`'s first token: the letters spell the whole of a
/// long form the text delimits itself (a gloss, a note, a quoted name), not
/// only its tail.
pub fn spells_whole(letters: &[char], text: &str, s: &AcronymSettings) -> bool {
    [Mode::Extended, Mode::Lenient]
        .into_iter()
        .any(|mode| right_to_left(letters, text, mode, s).is_some_and(|f| token_start(text, f.first) == 0))
}

/// Start of the whitespace-delimited token containing `i` (Schwartz &
/// Hearst's `lastIndexOf(" ") + 1`).
pub fn token_start(text: &str, i: usize) -> usize {
    text[..i].rfind(char::is_whitespace).map_or(0, |p| p + text[p..].chars().next().map_or(1, char::len_utf8))
}

/// Number of words of a long form for the window: tokens split at
/// whitespace and `-`. In [`Mode::Extended`], tokens without a letter or
/// digit do not count, nor do stop words in a proper name when
/// `window_counts_stop_words` is off.
pub fn window_words(long: &str, mode: Mode, s: &AcronymSettings) -> usize {
    let skip_stop = mode != Mode::Faithful && !s.window_counts_stop_words && is_proper_name(long, s);
    long.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|t| !t.is_empty())
        .filter(|t| {
            mode == Mode::Faithful
                || (t.chars().any(char::is_alphanumeric)
                    && !(skip_stop && s.is_stop_word(t.trim_matches(|c: char| !c.is_alphanumeric()))))
        })
        .count()
}

/// True when every word of `long` that is not a stop word starts with a
/// capital or a digit: the name of a body, agreement or programme
/// (`United Nations Educational, Scientific and Cultural Organization`).
pub fn is_proper_name(long: &str, s: &AcronymSettings) -> bool {
    long.split(|c: char| c.is_whitespace() || c == '-').all(|t| {
        let t = t.trim_matches(|c: char| !c.is_alphanumeric());
        t.is_empty() || s.is_stop_word(t) || t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    })
}

/// The sanity checks of Schwartz & Hearst's `extractAbbrPair`: the long
/// form is at least as long as the short form, does not contain it as a
/// word, and fits the window. In [`Mode::Extended`] a long form with a
/// comma must be a proper name (`U.S. Forces, Japan`), so that a long-form
/// search that runs past a clause does not take it in.
pub fn acceptable(short: &str, letters: usize, long: &str, mode: Mode, s: &AcronymSettings) -> bool {
    window_words(long, mode, s) <= s.window(letters) && sane(short, long, mode, s)
}

/// [`acceptable`] for a long form that the text delimits itself: the gloss
/// after a colon in a bracket (`(AHR:ASEAN Militaries' Humanitarian
/// Assistance and Disaster Relief Table-Top Exercise)`) or on a note line
/// (`IPCC:Intergovernmental Panel on Climate Change`). The text pairs the
/// two forms, so a proper name need not fit the window (the window guards
/// a long-form *search* against running too far left); nor need a name
/// with a lowercase tail, whose first words are capitalized and have the
/// short form's letters as initials (`GAR:Global Assessment Report on
/// disaster risk reduction`). Any other phrase still must.
pub fn acceptable_delimited(short: &str, letters: usize, long: &str, s: &AcronymSettings) -> bool {
    acceptable(short, letters, long, Mode::Extended, s)
        || ((is_proper_name(long, s) || initials_head(short, long)) && sane(short, long, Mode::Extended, s))
}

/// True when the first words of `long`, one per letter of `short`, start
/// with capitals that spell it: `Global Assessment Report on disaster risk
/// reduction` for GAR.
fn initials_head(short: &str, long: &str) -> bool {
    let letters = letters_of(short);
    let mut words = long.split_whitespace();
    letters.len() >= 2
        && letters.iter().all(|&l| {
            words.next().and_then(|w| w.chars().next()).is_some_and(|c| c.is_ascii_uppercase() && lower(c) == l)
        })
}

/// The checks of [`acceptable`] besides the window.
fn sane(short: &str, long: &str, mode: Mode, s: &AcronymSettings) -> bool {
    long.len() >= short.len()
        && !long.match_indices(short).any(|(i, _)| long[i + short.len()..].starts_with(' '))
        && !long.ends_with(short)
        && (mode == Mode::Faithful
            || !has_clause_comma(long)
            || is_proper_name(long, s)
            || is_initial_list(short, long))
}

/// True when `long` is a comma list of single words whose initials spell
/// `short` exactly: `chemical, biological, radiological, or nuclear (CBRN)`,
/// `environmental, social, and governance (ESG)`. The last item may start
/// with `and`, `or` or `&`.
pub fn is_initial_list(short: &str, long: &str) -> bool {
    let mut initials = Vec::new();
    for (i, item) in long.split(',').enumerate() {
        let mut words = item.split_whitespace().filter(|w| i == 0 || !matches!(*w, "and" | "or" | "&"));
        let (Some(word), None) = (words.next(), words.next()) else { return false };
        initials.extend(word.chars().next().map(lower));
    }
    let letters = letters_of(short);
    initials.len() >= 3 && (initials == letters || (short.ends_with('s') && initials == letters[..letters.len() - 1]))
}

/// True when `long` has a comma followed by a space (not `1,2-diacyl...`).
fn has_clause_comma(long: &str) -> bool {
    long.as_bytes().windows(2).any(|w| w[0] == b',' && w[1].is_ascii_whitespace())
}

/// Start of the long-form candidate for a short form whose parenthesis (or
/// cue) starts at `end`: back to the start of the sentence, a bracket that
/// is not attached to a word (`protein(s)`, `Ca(2+)` and `poly(A)` are
/// passed over), `; ` or `: ` (not `NAD(P)H:quinone`), a paragraph break, or
/// `max_words` words (at most 40), whichever is nearest.
pub fn region_start(hay: &str, end: usize, max_words: usize, s: &AcronymSettings) -> usize {
    let bytes = hay.as_bytes();
    let mut words = 0;
    let mut i = end;
    let mut prev_space = false;
    while i > 0 {
        let b = bytes[i - 1];
        let mut at = i - 1;
        // Where the character at `at` ends: `i`, except for a lead byte, read
        // after its continuation bytes.
        let mut after = i;
        let space = if b < 0x80 {
            match b {
                b')' => match attached_group(bytes, at) {
                    Some(open) => at = open,
                    None => return i,
                },
                // `>` and `|` separate the parts of a breadcrumb or a title
                // line (`Bureau … > Office of Plans, Policy and Analysis`).
                b'(' | b'[' | b']' | b'{' | b'}' | b'!' | b'?' | b'>' | b'|' => return i,
                // A dash typed as two hyphens between words ends the region:
                // `laboratories--Los Alamos National Laboratory (LANL)`.
                b'-' if at >= 2
                    && bytes[at - 1] == b'-'
                    && bytes[at - 2].is_ascii_alphanumeric()
                    && bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) =>
                {
                    return i
                }
                b';' | b':' if bytes.get(i).is_none_or(u8::is_ascii_whitespace) => return i,
                b'.' if bytes.get(i).is_some_and(u8::is_ascii_whitespace) && ends_sentence(&hay[..at], s) => return i,
                // A blank line ends the paragraph.
                b'\n' if hay[..at].trim_end_matches([' ', '\t', '\r']).ends_with('\n') => return i,
                _ => {}
            }
            b.is_ascii_whitespace()
        } else if b >= 0xC0 {
            let c = hay[at..].chars().next().expect("a lead byte starts a character");
            after = at + c.len_utf8();
            if matches!(c, '•' | '。' | '、') {
                return after;
            }
            c.is_whitespace()
        } else {
            // A continuation byte: the character is read at its lead byte.
            prev_space
        };
        if space && !prev_space {
            words += 1;
            if words > max_words.min(40) {
                return after;
            }
        }
        prev_space = space;
        i = at;
    }
    0
}

/// How many words before a short form may hold its long form: twice the
/// window (stop words are not counted in a proper name's window) plus room
/// for a qualifier's head word.
pub fn region_words(short: &ShortForm<'_>, s: &AcronymSettings) -> usize {
    2 * s.window(short.letters()) + 2
}

/// For the `)` at `close`: the `(` that opens it when that `(` follows a
/// letter or digit and the group is short and on one line (`protein(s)`).
fn attached_group(bytes: &[u8], close: usize) -> Option<usize> {
    let from = close.saturating_sub(24);
    let open = close - bytes[from..close].iter().rev().position(|&b| b == b'(' || b == b')' || b == b'\n')? - 1;
    (bytes[open] == b'(' && open > 0 && bytes[open - 1].is_ascii_alphanumeric()).then_some(open)
}

/// True when a `.` after `before` ends a sentence: not after a word with a
/// dot (`U.S`), a single letter (`John W.`) or a word of the
/// `abbreviations` setting (`No.`, `Dr.`).
fn ends_sentence(before: &str, s: &AcronymSettings) -> bool {
    let word = &before[token_start(before, before.len())..];
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    !(word.contains('.') || letters <= 1 || s.abbreviations.iter().any(|a| a == word))
}

/// End of the long-form candidate before `end` (a parenthesis): trailing
/// spaces, quotes, commas and dashes left out (`financing ─ (AML/CFT)`).
pub fn region_end(hay: &str, start: usize, end: usize) -> usize {
    let t = hay[start..end]
        .trim_end_matches(|c: char| c.is_whitespace() || is_quote(c) || matches!(c, ',' | '─' | '–' | '—' | '-' | '―'));
    start + t.len()
}

/// Finds the long form of `short` in `hay[start..end]` with every extension
/// (see the module docs). Returns the long form's span.
pub fn long_form(
    short: &ShortForm<'_>,
    hay: &str,
    start: usize,
    end: usize,
    s: &AcronymSettings,
) -> Option<(usize, usize)> {
    let key = short.text;
    let letters = short.letters();
    let check = |(a, b): (usize, usize)| acceptable(key, letters, &hay[a..b], Mode::Extended, s).then_some((a, b));
    let whole = short.match_letters();
    for mode in [Mode::Extended, Mode::Lenient] {
        if let Some(span) = plain(&whole, hay, start, end, mode, s).and_then(check) {
            // Letters matched inside words, where the initials of a longer
            // proper name are the letters in another order: the initials win
            // (`Bureau of Customs and Immigration Enforcement (ICE)`, not
            // `Immigration Enforcement` with the C inside `Enforcement`).
            let inner = span.1 == end && word_parts(&hay[span.0..span.1]) < letters;
            let permuted = || permuted(short, hay, start, end, s).filter(|&(a, _)| a < span.0).and_then(check);
            return Some(if inner { permuted().unwrap_or(span) } else { span });
        }
    }
    if let Some(span) = trailing_number(&whole, key, hay, start, end, s).and_then(check) {
        return Some(span);
    }
    if short.acronym_word().contains('/') {
        if let Some(span) = conjuncts(short, hay, start, end, s).and_then(check) {
            return Some(span);
        }
    }
    qualified(short, hay, start, end, s).and_then(check).or_else(|| permuted(short, hay, start, end, s).and_then(check))
}

/// `Revolutionary Armed Forces of Colombia (FARC)`: a short form of three or
/// more capitals whose letters are the initials of the last words of a
/// proper name in another order, the name translated from a language with
/// another word order (Fuerzas Armadas Revolucionarias de Colombia). Tried
/// last, when no order of letters fits; every initial must be used once.
fn permuted(short: &ShortForm<'_>, hay: &str, start: usize, end: usize, s: &AcronymSettings) -> Option<(usize, usize)> {
    let word = short.acronym_word();
    if short.qualifiers().next().is_some() || word.len() < 3 || !word.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let text = &hay[start..end];
    let at = initials(&letters_of(word), text, true, s)?;
    let long = &text[at..];
    (long.split_whitespace().count() >= 2 && is_proper_name(long, s)).then_some((start + at, end))
}

/// Runs of letters and digits in `long` (stop words counted too): fewer
/// than a short form's letters means a letter matched inside a word. A
/// byte loop, as it runs for every long form found: `Cross-Servicing` and
/// `U.S.` give two.
fn word_parts(long: &str) -> usize {
    let mut prev = false;
    let mut runs = 0;
    for b in long.bytes() {
        // Every byte of a non-ASCII character counts as a letter.
        let alnum = b.is_ascii_alphanumeric() || b >= 0x80;
        runs += usize::from(alnum && !prev);
        prev = alnum;
    }
    runs
}

/// The plain extended match: letters in `hay[start..end]`, long form from
/// the first letter's word (leading quotes left out) to `end`, or to the
/// last letter's word when only a quoted name follows it.
fn plain(
    letters: &[char],
    hay: &str,
    start: usize,
    end: usize,
    mode: Mode,
    s: &AcronymSettings,
) -> Option<(usize, usize)> {
    if letters.is_empty() {
        return None;
    }
    let text = &hay[start..end];
    let found = right_to_left(letters, text, mode, s)?;
    let mut a = token_start(text, found.first);
    a += text[a..].len() - text[a..].trim_start_matches(|c: char| !c.is_alphanumeric()).len();
    // A quoted name after the last letter's word is not part of the long form.
    let word_end = found.last
        + text[found.last..].find(|c: char| !c.is_alphanumeric() && c != '-').unwrap_or(text.len() - found.last);
    let tail = text[word_end..].trim_start();
    let b = if tail.starts_with(['“', '"', '‘', '「']) { word_end } else { text.len() };
    // Letters matched inside words, where the last words' initials spell the
    // short form too: the initials win (`Asbat al-Ansar (AAA)`, not
    // `al-Ansar`, whose second `a` is inside `Ansar`).
    if b == text.len() {
        if let Some(r) = initial_run(letters, text, s).filter(|&r| r < a) {
            a = r;
        }
    }
    Some((start + a, start + b))
}

/// Where the last words of `text` start when their initials (hyphenated
/// parts counted, stop words that do not fit passed over) are `letters` in
/// order, the first letter on a word's first part; `None` when a word that
/// is not a stop word does not fit. Letters only: a digit never stands for
/// an initial here.
fn initial_run(letters: &[char], text: &str, s: &AcronymSettings) -> Option<usize> {
    if letters.len() < 2 || !letters.iter().all(|c| c.is_alphabetic()) {
        return None;
    }
    let mut k = letters.len();
    for w in text.split_whitespace().rev() {
        let mut parts = w.rsplit('-').peekable();
        while let Some(part) = parts.next() {
            let bare = part.trim_matches(|c: char| !c.is_alphanumeric());
            let Some(c) = bare.chars().next() else { continue };
            if lower(c) == letters[k - 1] {
                k -= 1;
                if k == 0 {
                    let rest_empty = parts.all(|p| !p.contains(char::is_alphanumeric));
                    let at = w.as_ptr() as usize - text.as_ptr() as usize;
                    let lead = w.len() - w.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
                    return rest_empty.then_some(at + lead);
                }
            } else if !s.is_stop_word(bare) {
                return None;
            }
        }
    }
    None
}

/// `TICAD7`: the letters without the trailing number, when the word before
/// their long form is its ordinal (`Seventh`, `7th`), which is taken in.
/// `COVID-19`: a two-digit number after a hyphen (a year) that the long
/// form does not give, after three letters or more: `coronavirus disease
/// (COVID-19)` → coronavirus disease.
fn trailing_number(
    letters: &[char],
    key: &str,
    hay: &str,
    start: usize,
    end: usize,
    s: &AcronymSettings,
) -> Option<(usize, usize)> {
    let digits = key.len() - key.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits >= letters.len() {
        return None;
    }
    let number = &key[key.len() - digits..];
    let (a, b) = plain(&letters[..letters.len() - digits], hay, start, end, Mode::Extended, s)?;
    let before = hay[start..a].trim_end();
    let word_start = token_start(before, before.len());
    let word = &before[word_start..];
    let lower = word.to_lowercase();
    let ordinal = s.ordinals.get(number).is_some_and(|ws| ws.contains(&lower))
        || lower.strip_prefix(number).is_some_and(|suffix| matches!(suffix, "st" | "nd" | "rd" | "th"));
    if ordinal && !word.is_empty() {
        return Some((start + word_start, b));
    }
    let year = digits == 2
        && key[..key.len() - digits].ends_with('-')
        && letters.len() - digits >= 3
        && !hay[a..b].bytes().any(|c| c.is_ascii_digit());
    year.then_some((a, b))
}

/// `offices of Food for Peace (FFP) and U.S. Foreign Disaster Assistance
/// (OFDA)`: two names share a head (`offices of`) whose initial is the
/// short form's first letter (the O of Office). When the long-form
/// candidate (`start`..`end`) is the conjunct after `and` that follows an
/// earlier bracket, the first letter is sought on a word before the `of`
/// that opens the earlier name (within ten words of its bracket), and the
/// other letters on the conjunct, a capitalized name, which is the long
/// form as written: OFDA = U.S. Foreign Disaster Assistance.
pub fn shared_head(
    short: &ShortForm<'_>,
    hay: &str,
    start: usize,
    end: usize,
    s: &AcronymSettings,
) -> Option<(usize, usize)> {
    let letters = short.match_letters();
    let (&head, rest) = letters.split_first()?;
    if rest.len() < 2 || start.checked_sub(1).is_none_or(|i| hay.as_bytes()[i] != b')') {
        return None;
    }
    let text = &hay[start..end];
    let conjunct = text.trim_start().strip_prefix("and ")?.trim_start();
    let a = end - conjunct.len();
    if !conjunct.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    plain(rest, hay, a, end, Mode::Extended, s)?;
    let prev_open = hay[..start - 1].rfind('(')?;
    let earlier = &hay[region_start(hay, prev_open, 10, s)..prev_open];
    let words: Vec<&str> = earlier.split_whitespace().collect();
    let shared = words.windows(2).any(|w| w[1] == "of" && w[0].chars().next().map(lower) == Some(head));
    shared.then_some((a, end))
}

/// `AML/CFT` = anti-money laundering and counter-terrorist financing: each
/// part of the short form matches one conjunct of the long form (split at
/// `and`, `or`, `&`), in order of letters or, for inverted phrases
/// (counter-terrorist financing = CFT), by the set of word initials.
fn conjuncts(
    short: &ShortForm<'_>,
    hay: &str,
    start: usize,
    end: usize,
    s: &AcronymSettings,
) -> Option<(usize, usize)> {
    let parts: Vec<&str> = short.acronym_word().split('/').collect();
    let text = &hay[start..end];
    // Conjunct boundaries, right to left.
    let mut bounds = vec![text.len()];
    let words: Vec<(usize, &str)> = words_with_offsets(text);
    for &(at, w) in words.iter().rev() {
        if bounds.len() == parts.len() {
            break;
        }
        if matches!(w.to_ascii_lowercase().as_str(), "and" | "or" | "&") {
            bounds.push(at);
        }
    }
    if bounds.len() < parts.len() {
        return None;
    }
    let mut first = None;
    for (j, part) in parts.iter().enumerate().rev() {
        let seg_end = bounds[parts.len() - 1 - j];
        let seg_start = if j == 0 {
            0
        } else {
            let b = bounds[parts.len() - j];
            b + text[b..].find(char::is_whitespace).unwrap_or(0)
        };
        let seg = &text[seg_start..seg_end];
        let letters = letters_of(part);
        let begin = seg.len() - seg.trim_start().len();
        let found = right_to_left(&letters, seg, Mode::Extended, s).map(|f| token_start(seg, f.first));
        let at = match found {
            Some(a) if j == 0 || a == begin => Some(a),
            _ => initials(&letters, seg, j == 0, s),
        }?;
        if j == 0 {
            first = Some(seg_start + at);
        }
    }
    let a = first?;
    Some((start + a, end))
}

/// The offset in `seg` where its last words' initials (stop words left out,
/// hyphenated parts counted) are exactly `letters` in some order; with
/// `open_start` false the words must fill `seg`.
fn initials(letters: &[char], seg: &str, open_start: bool, s: &AcronymSettings) -> Option<usize> {
    let mut want: Vec<char> = letters.to_vec();
    want.sort_unstable();
    let words = words_with_offsets(seg);
    let mut got = Vec::new();
    for &(at, w) in words.iter().rev() {
        if s.is_stop_word(w) {
            continue;
        }
        for part in w.split('-') {
            if let Some(c) = part.chars().find(|c| c.is_alphanumeric()) {
                got.push(lower(c));
            }
        }
        let mut sorted = got.clone();
        sorted.sort_unstable();
        if sorted == want {
            let rest_empty = seg[..at].trim().is_empty();
            return (open_start || rest_empty).then_some(at);
        }
        if got.len() >= want.len() {
            return None;
        }
    }
    None
}

/// `PKO Act`, `LTS Guidelines`, `Japan-Australia RAA`, `ReCAAP-ISC`: the
/// acronym part matches its own long form; each qualifier is a word of the
/// long form, is itself an acronym, or heads the long form (`Act on ...`
/// before the words of `PKO`, taken in). Words after the acronym's long
/// form that are qualifiers or stop words (`between Japan and Australia`)
/// are kept in the long form but not matched.
fn qualified(
    short: &ShortForm<'_>,
    hay: &str,
    start: usize,
    end: usize,
    s: &AcronymSettings,
) -> Option<(usize, usize)> {
    let pieces: Vec<&str> = short.text.split([' ', '-']).filter(|p| !p.is_empty()).collect();
    if pieces.len() < 2 {
        return None;
    }
    let text = &hay[start..end];
    for core in (0..pieces.len()).rev() {
        if !is_acronym_word(pieces[core], s) {
            continue;
        }
        let quals: Vec<&str> = pieces.iter().enumerate().filter(|(i, _)| *i != core).map(|(_, p)| *p).collect();
        let mut letters = letters_of(pieces[core]);
        if super::short_form::is_plural(pieces[core]) {
            letters.pop();
        }
        // Trailing run of qualifiers and stop words, kept out of the match.
        let words = words_with_offsets(text);
        let mut cut = text.len();
        let mut quals_in_tail = 0;
        for &(at, w) in words.iter().rev() {
            let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
            if quals.contains(&bare) {
                quals_in_tail += 1;
            } else if !s.is_stop_word(bare) {
                break;
            }
            cut = at;
        }
        let ends = if quals_in_tail > 0 { vec![cut, text.len()] } else { vec![text.len()] };
        for match_end in ends {
            let Some((a, _)) = plain(&letters, hay, start, start + match_end, Mode::Extended, s) else { continue };
            let mut a = a - start;
            let mut ok = true;
            for q in &quals {
                let in_long = words_with_offsets(&text[a..]).iter().any(|(_, w)| w.split('-').any(|p| p == *q));
                if in_long || is_acronym_word(q, s) {
                    continue;
                }
                // A head word before the acronym's long form, within the window.
                match words_with_offsets(&text[..a]).iter().rev().take(s.window(short.letters())).find(|(_, w)| w == q)
                {
                    Some(&(at, _)) => a = at,
                    None => ok = false,
                }
            }
            if ok {
                return Some((start + a, end));
            }
        }
    }
    None
}

/// Whitespace-separated words with their offsets.
fn words_with_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(st)) => {
                out.push((st, &text[st..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, &text[st..]));
    }
    out
}

/// True when `hay[start..end]` ends with the words of `long`, compared
/// case-insensitively with whitespace collapsed; returns where they start
/// (after any leading quote).
pub fn ends_with_words(hay: &str, start: usize, end: usize, long: &str) -> Option<usize> {
    let text = &hay[start..end];
    let have = words_with_offsets(text);
    let want: Vec<&str> = long.split_whitespace().collect();
    if want.is_empty() || have.len() < want.len() {
        return None;
    }
    let tail = &have[have.len() - want.len()..];
    let (first_at, first) = tail[0];
    let lead = first.len() - first.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
    for (k, (&(_, h), w)) in tail.iter().zip(&want).enumerate() {
        let h = if k == 0 { &h[lead..] } else { h };
        if !(h.eq_ignore_ascii_case(w) || h.to_lowercase() == w.to_lowercase()) {
            return None;
        }
    }
    Some(start + first_at + lead)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> AcronymSettings {
        let mut s = AcronymSettings {
            window_counts_stop_words: false,
            stop_words: crate::families::acronyms::settings::StopWords::new([
                "a", "an", "and", "between", "for", "in", "of", "on", "the", "to", "with",
            ]),
            ..AcronymSettings::default()
        };
        s.digit_words.insert('4', vec!["for".into(), "four".into()]);
        s.ordinals.insert("7".into(), vec!["seventh".into()]);
        s
    }

    /// The long form of `short` in `text` (which ends where the parenthesis
    /// would be).
    fn long(short: &str, text: &str) -> Option<String> {
        let s = settings();
        let sf = ShortForm::parse(short, 0, &s)?;
        let start = region_start(text, text.len(), region_words(&sf, &s), &s);
        let end = region_end(text, start, text.len());
        long_form(&sf, text, start, end, &s).map(|(a, b)| text[a..b].to_string())
    }

    #[test]
    fn faithful_match_is_schwartz_hearst() {
        let s = AcronymSettings::default();
        let t = "the annual Space Situational Awareness ";
        let f = right_to_left(&letters_of("SSA"), t, Mode::Faithful, &s).unwrap();
        assert_eq!(&t[token_start(t, f.first)..], "Space Situational Awareness ");
        // Greedy from the right: the first letter takes the nearest word start.
        let t = "Acquisition and Cross-Servicing Agreement";
        let f = right_to_left(&letters_of("ACSA"), t, Mode::Faithful, &s).unwrap();
        assert_eq!(&t[token_start(t, f.first)..], "and Cross-Servicing Agreement");
    }

    #[test]
    fn extensions() {
        let cases = [
            ("ACSA", "Acquisition and Cross-Servicing Agreement", "Acquisition and Cross-Servicing Agreement"),
            ("T4P", "a project “Together for Peace", "Together for Peace"),
            (
                "TICAD7",
                "At the Seventh Tokyo International Conference on African Development",
                "Seventh Tokyo International Conference on African Development",
            ),
            (
                "AML/CFT",
                "Regarding anti-money laundering and counter-terrorist financing ─",
                "anti-money laundering and counter-terrorist financing",
            ),
            (
                "PKO Act",
                "Based on the Act on Cooperation with UN Peacekeeping Operations and Other Operations",
                "Act on Cooperation with UN Peacekeeping Operations and Other Operations",
            ),
            (
                "Japan-Australia RAA",
                "on the reciprocal access agreement between Japan and Australia",
                "reciprocal access agreement between Japan and Australia",
            ),
            ("ReCAAP-ISC", "via the Information Sharing Centre", "Information Sharing Centre"),
            ("QZS", "onto the Japanese Quasi-Zenith Satellite “Michibiki”", "Quasi-Zenith Satellite"),
            (
                "R-ARCSS",
                "in response to the Revitalized Agreement on the Resolution of the Conflict in the Republic of South Sudan",
                "Revitalized Agreement on the Resolution of the Conflict in the Republic of South Sudan",
            ),
            ("USFJ", "by the Japan Self-Defense Forces (JSDF) and U.S. Forces, Japan", "U.S. Forces, Japan"),
            ("ICE", "the Bureau of Customs and Immigration Enforcement", "Customs and Immigration Enforcement"),
            // In order, with a letter inside a word and no other order of
            // initials: the letters as found.
            ("CCDCOE", "the Cooperative Cyber Defence Centre of Excellence", "Cooperative Cyber Defence Centre of Excellence"),
            ("ICE", "the immigration and customs enforcement", "immigration and customs enforcement"),
            // `U.S.` gives two initials: the letters are on initials.
            ("USAID", "Department of State and the U.S. Agency for International Development", "U.S. Agency for International Development"),
        ];
        for (short, text, want) in cases {
            assert_eq!(long(short, text).as_deref(), Some(want), "{short}");
        }
    }

    #[test]
    fn rejections() {
        assert_eq!(long("CFT", "held in Tokyo"), None);
        assert_eq!(long("ISIL", "Committee or the"), None);
    }

    #[test]
    fn region_stops_at_sentences_not_abbreviations() {
        let s = AcronymSettings { abbreviations: vec!["No".into()], ..AcronymSettings::default() };
        let t = "It ended. The U.S. Department of Defense ";
        assert_eq!(t[region_start(t, t.len(), 40, &s)..].trim(), "The U.S. Department of Defense");
        let t = "It ended. Resolution No. 5 Committee ";
        assert_eq!(t[region_start(t, t.len(), 40, &s)..].trim(), "Resolution No. 5 Committee");
        let t = "first paragraph\n\nsecond one ";
        assert_eq!(t[region_start(t, t.len(), 40, &s)..].trim(), "second one");
        assert_eq!(t[region_start(t, t.len(), 1, &s)..].trim(), "one");
    }

    #[test]
    fn known_long_form_at_the_end() {
        let t = "participated in the International Conference on Cyber Conflict ";
        let at = ends_with_words(t, 0, t.trim_end().len(), "International Conference on Cyber Conflict").unwrap();
        assert_eq!(&t[at..t.trim_end().len()], "International Conference on Cyber Conflict");
        assert_eq!(ends_with_words(t, 0, t.len(), "Cyber Defence"), None);
    }
}
