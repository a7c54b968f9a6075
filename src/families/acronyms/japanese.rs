//! Japanese definitions: a Japanese long form followed by a Latin short form
//! in full-width or ASCII brackets, `宇宙状況監視（SSA）`.
//!
//! The view folds `（` `）` and `ＳＳＡ` to ASCII, so one scan finds both widths.
//! A `(` right after a CJK character opens a candidate when its inside is
//! an acronym word (`SSA`) or an interleaved PDF gloss ([`super::gloss`]).
//! The long form is the quoted text when the bracket follows `」` or `』`
//! (`「サイバー紛争に関する国際会議」（CyCon）`); otherwise the run of kanji,
//! katakana (with `ー`, `・`) and ASCII letters and digits before the bracket
//! (`NATOサイバー防衛協力センター`), which ends at kana particles, punctuation
//! and spaces. Letters cannot be matched across scripts, so a long form
//! longer than `max_japanese_long` characters is not taken.

use memchr::memchr_iter;

use super::gloss::{self, close_bracket};
use super::short_form::{is_acronym_word, trim_quotes, ShortForm};
use super::Definition;
use crate::families::acronyms::settings::AcronymSettings;
use crate::text::is_cjk;

/// Pushes the Japanese-long-form definitions of `hay`.
pub fn find(hay: &str, s: &AcronymSettings, out: &mut Vec<Definition>) {
    let first = out.len();
    for open in memchr_iter(b'(', hay.as_bytes()) {
        if super::footnote::is_mark(hay, open) {
            let f = super::footnote::at(hay, open, s);
            out.extend(f.and_then(|f| Some(Definition { long: f.japanese?, ..f.english })));
            continue;
        }
        let Some(prev) = hay[..open].chars().next_back() else { continue };
        let Some(close) = close_bracket(hay, open) else { continue };
        let def = if is_cjk(prev) {
            long_then_short(hay, open, open, close, s)
        } else if let Some(end) = footnote_start(hay, open) {
            long_then_short(hay, end, open, close, s)
        } else if prev.is_ascii_alphanumeric() {
            short_then_long(hay, open, close, s).or_else(|| latin_tail(hay, open, close, s))
        } else {
            None
        };
        out.extend(def);
    }
    ryaku_gloss(hay, s, out);
    prefer_suffixes(hay, &mut out[first..]);
}

/// `IPCCとは、「Intergovernmental Panel on Climate Change」の略で、日本語では
/// 「気候変動に関する政府間パネル」と呼ばれます`: after the English long form
/// of [`super::cue`]'s `の略` sentence, the Japanese name in `「」` before
/// `と呼ばれ` or `という`, with the same short form. Only where that sentence
/// defines the short form (its letters checked): a Japanese name cannot be.
fn ryaku_gloss(hay: &str, s: &AcronymSettings, out: &mut Vec<Definition>) {
    for p in memchr::memmem::find_iter(hay.as_bytes(), super::cue::RYAKU) {
        let at = p + super::cue::RYAKU.len();
        let rest = &hay[at..];
        let r = rest.strip_prefix('で').unwrap_or(rest);
        let r = r.strip_prefix(['、', '。']).unwrap_or(r);
        let Some(r) = r.strip_prefix("日本語では") else { continue };
        let r = r.strip_prefix('、').unwrap_or(r);
        let Some(r) = r.strip_prefix('「') else { continue };
        let Some(close) = r.find('」') else { continue };
        let name = &r[..close];
        let after = &r[close + '」'.len_utf8()..];
        if name.is_empty()
            || name.chars().count() > s.max_japanese_long
            || !name.chars().any(is_cjk)
            || name.contains(['「', '。'])
            || !(after.starts_with("と呼ば") || after.starts_with("という"))
        {
            continue;
        }
        let Some(english) = super::cue::ryaku_at(hay, p, s) else { continue };
        let a = at + (rest.len() - r.len());
        out.push(Definition { long: (a, a + close), ..english });
    }
}

/// Where a footnote number between a Japanese long form and its bracket
/// starts: `ASEAN地域フォーラム13(ARF:ASEAN Regional Forum)`, one to three
/// digits right after a CJK character.
fn footnote_start(hay: &str, open: usize) -> Option<usize> {
    let before = &hay[..open];
    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let start = open - digits;
    ((1..=3).contains(&digits) && hay[..start].chars().next_back().is_some_and(|c| is_cjk(c) && !c.is_ascii()))
        .then_some(start)
}

/// A document's Japanese long forms of one short form: one that ends with
/// another is that other name behind a modifier (a heading on the line
/// before, `国際保健` + `ユニバーサル・ヘルス・カバレッジ(UHC)`, which the
/// view joins; `国連総会ユニバーサル・ヘルス・カバレッジ(UHC)ハイレベル会合`),
/// and is cut to it.
///
/// Only definitions of the same short form are compared, group by group
/// (in text order within a group, as a cut one may cut a later one): one
/// document may hold thousands of definitions, and comparing every pair was
/// quadratic in all of them.
fn prefer_suffixes(hay: &str, defs: &mut [Definition]) {
    let mut order: Vec<usize> = (0..defs.len()).filter(|&i| !defs[i].pdf_gloss).collect();
    order.sort_by(|&a, &b| defs[a].key.cmp(&defs[b].key).then(a.cmp(&b)));
    let mut from = 0;
    while from < order.len() {
        let to = from + order[from..].iter().take_while(|&&j| defs[j].key == defs[order[from]].key).count();
        let group = &order[from..to];
        from = to;
        for &i in group {
            let (start, end) = defs[i].long;
            let best = group
                .iter()
                .map(|&o| &hay[defs[o].long.0..defs[o].long.1])
                .filter(|t| t.len() < end - start && hay[start..end].ends_with(t))
                .map(str::len)
                .min();
            if let Some(len) = best {
                defs[i].long.0 = end - len;
            }
        }
    }
}

/// `宇宙状況監視（SSA）`, `包括的核実験禁止条約（CTBT：Comprehensive …）`,
/// `北大西洋条約機構（以下「NATO」という。）` and the PDF gloss.
fn long_then_short(hay: &str, end: usize, open: usize, close: usize, s: &AcronymSettings) -> Option<Definition> {
    let mut prefix = "";
    let mut kanji_suffix = "";
    let mut ordinal = None;
    let (short, key, pdf_gloss) = if let Some(g) = gloss::parse(hay, open + 1, close, s) {
        (g.span, g.short, true)
    } else {
        let (a, b) = hereinafter(hay, open + 1, close)
            .or_else(|| colon_gloss(hay, open + 1, close, false).map(|(short, _)| short))
            .or_else(|| tail_gloss(hay, open + 1, close, false).map(|(short, _)| short))
            .or_else(|| japanese_note(hay, open + 1, close))
            // A comma is also a list (`(EU, ASEAN and G7)`): only a gloss
            // whose letters match.
            .or_else(|| super::parenthesized::inside_gloss(hay, open, close, s).map(|d| d.short))
            .unwrap_or_else(|| trim_quotes(hay, open + 1, close));
        // `日英EPA`: one to three kanji before the Latin word, which the long
        // form must start with (checked below).
        prefix = kanji_prefix(&hay[a..b]);
        let latin_start = a + prefix.len();
        // `ADMMプラス`: a Latin acronym word and a katakana word of at most
        // four characters make one short form.
        let mut latin = latin_start + hay[latin_start..b].trim_end_matches(is_katakana).len();
        // `WHO総会`: or one to three kanji that the long form ends with too
        // (checked below): `世界保健総会（WHO総会）`.
        if latin == b {
            let bare = latin_start + hay[latin_start..b].trim_end_matches(is_kanji).len();
            if (1..=3).contains(&hay[bare..b].chars().count()) && bare > latin_start {
                kanji_suffix = &hay[bare..b];
                latin = bare;
            }
        }
        let suffix = hay[latin..b].chars().count();
        let sf = ShortForm::parse(&hay[latin_start..latin], latin_start, s)?;
        // `TICAD V`: a Roman numeral or a number after the acronym word is
        // an ordinal the long form must start with (`第5回`, checked below).
        ordinal = ordinal_qualifier(&sf);
        if (sf.qualifiers().next().is_some() && ordinal.is_none())
            || !is_acronym_word(sf.acronym_word(), s)
            || is_designator(sf.text)
            // Alone in its bracket: `(DOC:the Declaration on …)` defines.
            || (is_file_label(sf.text) && hay[open + 1..close].trim() == sf.text)
            || suffix > 4
        {
            return None;
        }
        let key = if suffix > 0 || !prefix.is_empty() { hay[a..b].to_string() } else { sf.key() };
        ((a, b), key, false)
    };
    let letters = if pdf_gloss { 0 } else { key.chars().filter(char::is_ascii_alphanumeric).count() };
    let letters =
        if key.ends_with('s') && letters > 1 && super::short_form::is_plural(&key) { letters - 1 } else { letters };
    let numbered = ordinal.is_some() || key.ends_with(|c: char| c.is_ascii_digit());
    let shape = Shape { letters, slashed: key.contains('/'), japan: key.starts_with('J'), numbered };
    let long = long_form(hay, end, s.max_japanese_long, shape)?;
    let text = &hay[long.0..long.1];
    if !text.starts_with(prefix)
        || !text.ends_with(kanji_suffix)
        || text.len() == kanji_suffix.len()
        || ordinal.is_some_and(|n| ordinal_prefix(text) != Some(n))
    {
        return None;
    }
    Some(Definition { short, long, key, pdf_gloss })
}

/// `カンボジアPKO(UNTAC:United Nations Transitional Authority in Cambodia)`:
/// a Japanese long form that ends with Latin letters, before a bracket
/// whose short form a colon gloss follows. Tried only when the bracket is
/// not `NATO（北大西洋条約機構）` ([`short_then_long`]), and only when the
/// Latin word before it follows Japanese text.
fn latin_tail(hay: &str, open: usize, close: usize, s: &AcronymSettings) -> Option<Definition> {
    let word = hay[..open].trim_end_matches(|c: char| c.is_ascii_alphanumeric());
    if !word.chars().next_back().is_some_and(|c| is_cjk(c) && !c.is_ascii()) {
        return None;
    }
    colon_gloss(hay, open + 1, close, false)?;
    long_then_short(hay, open, open, close, s)
}

/// `(GHA:国際保健の体制)`: the short form before a colon and a Japanese
/// explanation after it, which is not a long form (the long form is the
/// name before the bracket).
fn japanese_note(hay: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let inner = &hay[start..end];
    let (i, c) = inner.char_indices().find(|&(_, c)| matches!(c, ':' | '：'))?;
    let left = inner[..i].trim_end();
    let right = inner[i + c.len_utf8()..].trim_start();
    (!left.is_empty()
        && left.bytes().all(|b| b.is_ascii_alphanumeric() || b"-/&".contains(&b))
        && right.starts_with(|c: char| is_name_char(c) && !c.is_ascii()))
    .then_some((start, start + left.len()))
}

/// The one to three kanji that start `short` before a Latin letter:
/// `日英` of `日英EPA`, `日米` of `日米ACSA`; empty otherwise.
fn kanji_prefix(short: &str) -> &str {
    let n = short.char_indices().take_while(|&(_, c)| is_kanji(c)).count();
    let len: usize = short.chars().take(n).map(char::len_utf8).sum();
    if (1..=3).contains(&n) && short[len..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        &short[..len]
    } else {
        ""
    }
}

/// The value of a short form's one qualifier after its acronym word when
/// it is a Roman numeral (`TICAD V`) or a number (`TICAD 7`).
fn ordinal_qualifier(sf: &ShortForm<'_>) -> Option<u32> {
    let mut q = sf.qualifiers();
    let (word, None) = (q.next()?, q.next()) else { return None };
    (sf.text.ends_with(word)).then(|| roman_or_number(word)).flatten()
}

/// `V` → 5, `XII` → 12, `7` → 7 (at most 30).
fn roman_or_number(word: &str) -> Option<u32> {
    if word.bytes().all(|b| b.is_ascii_digit()) {
        return word.parse().ok().filter(|n| (1..=30).contains(n));
    }
    let value = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        _ => None,
    };
    let digits: Vec<u32> = word.chars().map(value).collect::<Option<_>>()?;
    let mut n = 0i64;
    for (i, &d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|&next| next > d) {
            n -= i64::from(d);
        } else {
            n += i64::from(d);
        }
    }
    u32::try_from(n).ok().filter(|n| (1..=30).contains(n))
}

/// The N of a `第N回` (an N-th meeting) that starts `text`.
fn ordinal_prefix(text: &str) -> Option<u32> {
    let rest = text.strip_prefix('第')?;
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    rest[digits..].starts_with('回').then(|| rest[..digits].parse().ok()).flatten()
}

/// What the long form's boundaries depend on in the short form.
#[derive(Clone, Copy, Debug, Default)]
struct Shape {
    /// Letters of the short form (a plural `s` left out).
    letters: usize,
    /// The short form has a `/` (`EPA/FTA`): so may the long form.
    slashed: bool,
    /// The short form starts with `J` (Japan), which a leading `日・` may stand for.
    japan: bool,
    /// The short form ends with an ordinal or a number (`TICAD V`,
    /// `COP21`), which a leading `第N回` stands for.
    numbered: bool,
}

/// `NATO（北大西洋条約機構）`: a strong acronym word right before a bracket
/// that holds only a Japanese name (kanji, katakana) of at least three
/// characters; a katakana reading (`NATO（ナトー）`) is not a long form, so
/// the name needs a kanji or seven characters.
fn short_then_long(hay: &str, open: usize, close: usize, s: &AcronymSettings) -> Option<Definition> {
    let before = &hay[..open];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || "-/&".contains(c)))
        .map_or(0, |(i, c)| i + c.len_utf8());
    // The word must follow Japanese text, a space or the start.
    if before[..word_start].chars().next_back().is_some_and(|c| !(is_cjk(c) || c.is_whitespace())) {
        return None;
    }
    let sf = ShortForm::parse(&before[word_start..], word_start, s)?;
    if sf.qualifiers().next().is_some() || !is_acronym_word(sf.acronym_word(), s) || is_designator(sf.text) {
        return None;
    }
    // `APEC(アジア太平洋経済協力、Asia Pacific Economic Cooperation)`: the
    // Japanese half of a bilingual bracket (the English half is
    // [`super::parenthesized::short_long`]'s).
    let (a, b) =
        bilingual(&hay[open + 1..close]).map_or((open + 1, close), |(_, ja)| (open + 1 + ja.0, open + 1 + ja.1));
    let inner = &hay[a..b];
    let n = inner.chars().count();
    let kanji = inner.chars().any(|c| is_name_char(c) && !c.is_ascii() && !is_katakana(c));
    if n < 3 || n > s.max_japanese_long || !is_bracketed_name(inner) || !(kanji || n >= 7) || is_anaphor(inner) {
        return None;
    }
    Some(Definition { short: (word_start, open), long: (a, b), key: sf.key(), pdf_gloss: false })
}

/// A bracket after a short form that holds its English and its Japanese
/// name, in either order, joined by a colon, `;` or a comma:
/// `APEC(Asia-Pacific Economy Cooperation:アジア太平洋経済協力)`,
/// `APEC(アジア太平洋経済協力、Asia Pacific Economic Cooperation)`. Returns
/// the English and the Japanese spans, relative to `inner`: the English has
/// two words or more and no CJK, the Japanese is a name
/// ([`is_bracketed_name`]). Not `(UNDP, United Nations …)` (one word) nor
/// `(国連開発計画、UNDP)`.
pub fn bilingual(inner: &str) -> Option<((usize, usize), (usize, usize))> {
    let (i, c) = inner.char_indices().find(|&(_, c)| is_gloss_separator(c, true))?;
    let trimmed = |a: usize, b: usize| {
        let t = &inner[a..b];
        let a = a + (t.len() - t.trim_start().len());
        (a, a + t.trim().len())
    };
    let left = trimmed(0, i);
    let right = trimmed(i + c.len_utf8(), inner.len());
    let english = |(a, b): (usize, usize)| {
        let t = &inner[a..b];
        t.starts_with(|c: char| c.is_ascii_alphabetic())
            && !t.chars().any(is_cjk)
            && t.split_whitespace().nth(1).is_some()
    };
    let japanese = |(a, b): (usize, usize)| is_bracketed_name(&inner[a..b]);
    if english(left) && japanese(right) {
        Some((left, right))
    } else if japanese(left) && english(right) {
        Some((right, left))
    } else {
        None
    }
}

/// True when `inner` is a Japanese name: kanji and katakana, joined by
/// [`ATTRIBUTIVES`] or by the `な` of an adjective after a kanji
/// (`SDGs(持続可能な開発目標)`), starting and ending with a name character.
fn is_bracketed_name(inner: &str) -> bool {
    let mut rest = inner;
    let mut prev: Option<char> = None;
    while let Some(c) = rest.chars().next() {
        if is_name_char(c) && !c.is_ascii() {
            rest = &rest[c.len_utf8()..];
            prev = Some(c);
            continue;
        }
        let link = ATTRIBUTIVES.iter().find(|l| rest.starts_with(*l)).map(|l| l.len()).or_else(|| {
            (c == 'な' && prev.is_some_and(|p| is_name_char(p) && !is_katakana(p) && !p.is_ascii())).then_some(3)
        });
        match link {
            Some(len) if prev.is_some() && rest.len() > len => {
                rest = &rest[len..];
                prev = None;
            }
            _ => return false,
        }
    }
    prev.is_some()
}

/// `International Maritime Organization; IMO` and `Joint Crediting
/// Mechanism: JCM` inside a bracket: the English long form first, then `;`
/// or a colon (or, with `comma`, a comma) and the short form, an
/// acronym-shaped word alone at the end.
pub fn tail_gloss(hay: &str, start: usize, end: usize, comma: bool) -> Option<((usize, usize), (usize, usize))> {
    let inner = &hay[start..end];
    let (i, c) = inner.char_indices().rev().find(|&(_, c)| is_gloss_separator(c, comma))?;
    let gloss = inner[..i].trim();
    let right = &inner[i + c.len_utf8()..];
    let short = right.trim();
    let a = start + i + c.len_utf8() + (right.len() - right.trim_start().len());
    let g = start + (inner.len() - inner.trim_start().len());
    (!short.is_empty()
        && short.len() <= 12
        && short.starts_with(|c: char| c.is_ascii_alphabetic())
        && short.bytes().all(|b| b.is_ascii_alphanumeric() || b"-/&".contains(&b))
        && gloss.starts_with(|c: char| c.is_ascii_alphabetic())
        && gloss.split_whitespace().count() >= 2)
        .then_some(((a, a + short.len()), (g, g + gloss.len())))
}

/// The separators of a gloss inside a bracket: a colon (ASCII or
/// full-width), `;`, and with `comma` a comma.
pub fn is_gloss_separator(c: char, comma: bool) -> bool {
    matches!(c, ':' | '：' | ';') || (comma && matches!(c, ',' | '，' | '、'))
}

/// The `X` of `以下「X」という。` (also `以下単に「X」`, `と総称する`,
/// `と略称する`) inside a bracket.
fn hereinafter(hay: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let inner = &hay[start..end];
    let rest = inner.strip_prefix("以下")?;
    let rest = rest.strip_prefix("単に").unwrap_or(rest);
    let q = rest.strip_prefix('「')?;
    let close = q.find('」')?;
    let after = &q[close + '」'.len_utf8()..];
    if !["という", "と総称", "と略"].iter().any(|c| after.starts_with(c)) {
        return None;
    }
    let a = end - q.len();
    Some((a, a + close))
}

/// `CTBT:Comprehensive Nuclear-Test-Ban-Treaty` inside a bracket: the short
/// form before the colon (ASCII or full-width; also `;`, and with `comma` a
/// comma: `(UNDP, United Nations Development Programme)` after Japanese
/// text) and the English gloss after it, two words or more.
pub fn colon_gloss(hay: &str, start: usize, end: usize, comma: bool) -> Option<((usize, usize), (usize, usize))> {
    let inner = &hay[start..end];
    let (i, c) = inner.char_indices().find(|&(_, c)| is_gloss_separator(c, comma))?;
    let left = inner[..i].trim_end();
    let right = &inner[i + c.len_utf8()..];
    let gloss = right.trim();
    let mut g = start + i + c.len_utf8() + (right.len() - right.trim_start().len());
    // `(DOC:the Declaration on the Conduct of Parties …)`: the article is
    // not part of the long form.
    let gloss = match ["the ", "The "].iter().find_map(|a| gloss.strip_prefix(a)) {
        Some(rest) if rest.split_whitespace().count() >= 2 => {
            g += gloss.len() - rest.len();
            rest
        }
        _ => gloss,
    };
    (!left.is_empty()
        && left.bytes().all(|b| b.is_ascii_alphanumeric() || b"-/&".contains(&b))
        && gloss.starts_with(|c: char| c.is_ascii_alphabetic())
        && gloss.split_whitespace().count() >= 2)
        .then_some(((start, start + left.len()), (g, g + gloss.len())))
}

/// A model designator, not an acronym: letters, a hyphen and a digit
/// (`P-3C`, `F-35`, `TU-95`, `SM-3`): `固定翼哨戒機（P-3C）` is not a
/// definition.
pub fn is_designator(short: &str) -> bool {
    let b = short.as_bytes();
    b.iter().position(|&c| c == b'-').is_some_and(|h| {
        h > 0 && b[..h].iter().all(u8::is_ascii_uppercase) && b.get(h + 1).is_some_and(u8::is_ascii_digit)
    })
}

/// A file-type label, not an acronym defined by the text before it: the
/// link labels of official pages, `開会挨拶(日本語(PDF)`, `統計表(CSV)`, when
/// the label is alone in its bracket (`行動宣言(DOC:the Declaration …)`
/// still defines DOC). A
/// Japanese long form cannot be letter-checked, so without this list every
/// `…(PDF)` link would be a definition. (An English long form is checked:
/// `Plan for Development Finance (PDF)` still defines.)
pub fn is_file_label(short: &str) -> bool {
    const LABELS: [&str; 14] =
        ["PDF", "HTML", "XML", "CSV", "XLS", "XLSX", "DOC", "DOCX", "PPT", "PPTX", "ZIP", "TXT", "JPEG", "PNG"];
    LABELS.iter().any(|l| short.eq_ignore_ascii_case(l))
}

/// A Japanese anaphor (`同機関`, `同条約`, `本協定`, `当該`): it refers to a
/// name given before and is not a long form.
fn is_anaphor(long: &str) -> bool {
    ["同", "本", "当", "該", "前記", "上記"].iter().any(|p| long.starts_with(p))
}

/// Words that join a noun phrase to the name it modifies and are taken
/// into the long form: `インド太平洋に関するASEANアウトルック`,
/// `平和のためのパートナーシップ`. A bare `の` is not one: `NATOの危機管理演習（CMX）`
/// is CMX = 危機管理演習.
const ATTRIBUTIVES: [&str; 6] = ["に関する", "に係る", "における", "のための", "に対する", "的な"];

/// The Japanese long form before the bracket at `open`: the quoted text
/// when the bracket follows `」` or sits inside `「…」`, otherwise the
/// name run before the bracket, extended over [`ATTRIBUTIVES`] to the
/// name run before them. Stops at every other kana (particles, verb
/// endings: `を`, `は`, `した`), punctuation (`、` `。`) and spaces, except
/// that a name with fewer words ([`name_words`]) than its short form has
/// `letters` takes in the clause before it ([`name_clause`]).
fn long_form(hay: &str, open: usize, max_chars: usize, shape: Shape) -> Option<(usize, usize)> {
    let letters = shape.letters;
    let before = &hay[..open];
    let last = before.chars().next_back()?;
    let opener = match last {
        '」' => Some('「'),
        '』' => Some('『'),
        _ => None,
    };
    let (a, b) = if let Some(opener) = opener {
        let end = open - last.len_utf8();
        let start = before[..end].rfind(opener)? + opener.len_utf8();
        (start, end)
    } else if let Some(start) = open_quote(before, max_chars) {
        (start, open)
    } else {
        let mut start = name_run(before, open)?;
        while let Some(link) = ATTRIBUTIVES
            .iter()
            .copied()
            .find(|l| before[..start].ends_with(l))
            .or_else(|| coordinated_adjective(before, start))
            .or_else(|| (shape.slashed && before[..start].ends_with('/')).then_some("/"))
        {
            match name_run(before, start - link.len()) {
                Some(s) => start = s,
                None => break,
            }
        }
        start = kana_items(before, start);
        if letters > name_words(&before[start..]) {
            start = adjective(before, start).or_else(|| name_clause(before, start)).unwrap_or(start);
        }
        (start, open)
    };
    let a = a + number_prefix(&hay[a..b]);
    let a = if shape.numbered { a } else { a + meeting_prefix(&hay[a..b]) };
    let a = if shape.japan { a } else { a + japan_prefix(&hay[a..b]) };
    let text = &hay[a..b];
    let n = text.chars().count();
    (n >= 2 && n <= max_chars && text.chars().any(|c| is_cjk(c) && !c.is_ascii()) && !is_anaphor(text))
        .then_some((a, b))
}

/// Endings of a clause that starts a name: a verb in the present
/// (`決定する`, `される`) or a negative (`顧みられない`). A past or progressive
/// verb (`署名した`, `設置されている`) describes the thing named and is left out.
const NAME_CLAUSE_ENDINGS: [&str; 2] = ["する", "ない"];

/// Start of the clause before the name at `start` that the name begins
/// with: `国が決定する貢献(NDC)` (Nationally Determined Contribution),
/// `顧みられない熱帯病(NTDs)` (Neglected Tropical Diseases). The clause is
/// a name run, a hiragana ending of at most six characters in
/// [`NAME_CLAUSE_ENDINGS`] without a case particle, and optionally a
/// subject before it (a name run and `が`); it must not follow an object
/// or complement particle (`日本を支援する基金` is not cut at `支援`). Taken only when the name alone
/// has fewer words than its short form has letters (`熱帯病` two for three,
/// `貢献` one for three), so `署名した国別パートナーシップ協力計画（IPCP）`
/// keeps its four words.
fn name_clause(before: &str, start: usize) -> Option<usize> {
    let head = &before[..start];
    let tail = head.char_indices().rev().take_while(|&(_, c)| is_hiragana(c)).last()?.0;
    let ending = &head[tail..];
    if ending.chars().count() > 6
        || !NAME_CLAUSE_ENDINGS.iter().any(|e| ending.ends_with(e))
        || ending.chars().any(|c| "にのをがは".contains(c))
    {
        return None;
    }
    let verb = name_run(before, tail)?;
    let clause = before[..verb].strip_suffix('が').and_then(|b| name_run(before, b.len())).unwrap_or(verb);
    // The clause must be whole: `日本を支援する基金` does not start at `支援`.
    (!before[..clause].ends_with(|c: char| "をにでとへ".contains(c))).then_some(clause)
}

/// Start of the adjective before the name at `start`, a kanji run and the
/// `な` that joins it: `持続可能な開発のための教育(ESD)` (Education for
/// Sustainable Development). Taken, as a clause ([`name_clause`]), only
/// when the name alone has fewer words than its short form has letters,
/// so `様々な国際機関(IOs)` stays 国際機関.
fn adjective(before: &str, start: usize) -> Option<usize> {
    let head = before[..start].strip_suffix('な')?;
    let last = head.chars().next_back()?;
    (is_name_char(last) && !last.is_ascii() && !is_katakana(last)).then(|| name_run(before, head.len())).flatten()
}

/// Words of a Japanese name, roughly, to compare with the letters of its
/// short form: a kanji run counts a word per two characters (rounded up),
/// a katakana word one per part between `・`, a Latin word one; kana that
/// join names count nothing. `熱帯病` 2, `国別パートナーシップ協力計画` 4.
fn name_words(text: &str) -> usize {
    let (mut words, mut kanji, mut in_word) = (0usize, 0usize, false);
    for c in text.chars() {
        let katakana = is_katakana(c) && c != '・';
        let latin = c.is_ascii_alphanumeric();
        let han = is_name_char(c) && !katakana && !latin && c != '・';
        if !han && kanji > 0 {
            words += kanji.div_ceil(2);
            kanji = 0;
        }
        if han {
            kanji += 1;
            in_word = false;
        } else if katakana || latin {
            if !in_word {
                words += 1;
            }
            in_word = true;
        } else {
            in_word = false;
        }
    }
    words + kanji.div_ceil(2)
}

fn is_hiragana(c: char) -> bool {
    matches!(c, '\u{3041}'..='\u{309F}')
}

/// Length of a date or list number at the start of a long form, which the
/// name run took in: `令和7年3月7日` (a date line before a heading the view
/// joined), `1` (from `①`, a list item). A name that is only a number and
/// its unit keeps it.
fn number_prefix(text: &str) -> usize {
    let mut rest = ["令和", "平成", "昭和"]
        .iter()
        .find_map(|e| text.strip_prefix(e))
        .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(text);
    loop {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 {
            break;
        }
        rest = &rest[digits..];
        rest = ["年度", "年", "月", "日"].iter().find_map(|u| rest.strip_prefix(u)).unwrap_or(rest);
    }
    let cut = text.len() - rest.len();
    if cut == 0 || rest.chars().count() < 2 || !rest.starts_with(|c: char| is_name_char(c) && !c.is_ascii()) {
        0
    } else {
        cut
    }
}

/// `及び` inside a name, where it joins two words of one modifier: two
/// adjectives in `的` (`包括的及び先進的な協定(CPTPP)`: the `的な` adjective
/// where the long form starts and the `的` one before it), or two nouns
/// before an attributive (`食料及び農業のための植物遺伝資源に関する国際条約(ITPGR)`).
/// Nouns joined before the name itself are separate names
/// (`外務省及び国際協力機構(JICA)` → 国際協力機構).
fn coordinated_adjective(before: &str, start: usize) -> Option<&'static str> {
    let head = before[..start].strip_suffix("及び")?;
    let run_end = start + before[start..].find(|c: char| !is_name_char(c)).unwrap_or(before.len() - start);
    let after = &before[run_end..];
    let adjectives = head.ends_with('的') && before[..run_end].ends_with('的') && after.starts_with('な');
    let modifier = head.ends_with(is_kanji) && ATTRIBUTIVES.iter().any(|l| *l != "的な" && after.starts_with(l));
    (adjectives || modifier).then_some("及び")
}

/// `予防・備え・対応(PPR)`: when the name run starts at a `・` because the
/// item before it ends in kana (`備え`), the list items before it, a kanji
/// run and at most two kana each, are the name's too; a `・` that starts
/// nothing is left out.
fn kana_items(before: &str, mut start: usize) -> usize {
    while before[start..].starts_with('・') {
        let head = &before[..start];
        let kana: usize = head.chars().rev().take_while(|&c| is_hiragana(c)).map(char::len_utf8).sum();
        let stem = head.len() - kana;
        // One or two kana (three bytes each) after a kanji.
        let item = (3..=6).contains(&kana) && head[..stem].ends_with(is_kanji);
        match name_run(before, stem).filter(|_| item) {
            Some(s) => start = s,
            None => return start + '・'.len_utf8(),
        }
    }
    start
}

/// Length of a leading `第N回` (the N-th meeting of a body) that the short
/// form does not number: `第2回日・アフリカ地域経済共同体(RECs)議長国首脳会合`
/// names RECs = アフリカ地域経済共同体. `TICAD V` keeps its `第5回`.
fn meeting_prefix(text: &str) -> usize {
    let Some(n) = ordinal_prefix(text) else { return 0 };
    let len = "第".len() + n.to_string().len() + "回".len();
    if text[len..].chars().count() >= 2 {
        len
    } else {
        0
    }
}

/// Length of a leading `日・` (Japan and …) that the short form does not
/// name: `日・アラブ首長国連邦(UAE)・EPA` is the UAE, but `日・ASEAN統合基金(JAIF)`
/// keeps it (J = Japan).
fn japan_prefix(text: &str) -> usize {
    match text.strip_prefix("日・") {
        Some(rest) if rest.chars().count() >= 2 => "日・".len(),
        _ => 0,
    }
}

fn is_kanji(c: char) -> bool {
    is_name_char(c) && !c.is_ascii() && !is_katakana(c)
}

/// Start of the run of name characters ending at `end`.
fn name_run(before: &str, end: usize) -> Option<usize> {
    before[..end].char_indices().rev().take_while(|&(_, c)| is_name_char(c)).last().map(|(i, _)| i)
}

/// Just after the `「` or `『` of a quote still open at the end of `before`,
/// within `max_chars` characters and the sentence: `「平和のためのパートナーシップ（PfP）信託基金」`.
fn open_quote(before: &str, max_chars: usize) -> Option<usize> {
    for (n, (i, c)) in before.char_indices().rev().enumerate() {
        if n > max_chars {
            return None;
        }
        match c {
            '「' | '『' => return Some(i + c.len_utf8()),
            '」' | '』' | '。' | '\n' | '(' | ')' => return None,
            _ => {}
        }
    }
    None
}

fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30A0}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}')
}

/// Characters of a Japanese name written without particles: kanji,
/// katakana, `ー`, `・`, `々`, ASCII letters and digits.
fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c,
            '\u{3005}'                // 々
            | '\u{30A0}'..='\u{30FF}' // katakana, ・, ー
            | '\u{31F0}'..='\u{31FF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{3134F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defs(t: &str) -> Vec<(String, String, bool)> {
        let mut out = Vec::new();
        find(t, &AcronymSettings::default(), &mut out);
        out.iter()
            .map(|d| (t[d.short.0..d.short.1].to_string(), t[d.long.0..d.long.1].to_string(), d.pdf_gloss))
            .collect()
    }

    #[test]
    fn japanese_long_forms() {
        assert_eq!(defs("通じ、宇宙状況監視(SSA)や"), [("SSA".into(), "宇宙状況監視".into(), false)]);
        assert_eq!(
            defs("設置されているNATOサイバー防衛協力センター(CCDCOE)が"),
            [("CCDCOE".into(), "NATOサイバー防衛協力センター".into(), false)]
        );
        assert_eq!(
            defs("「サイバー紛争に関する国際会議」(C\nInternational Conference on Cyber Conflict\n\nyCon)への"),
            [(
                "C\nInternational Conference on Cyber Conflict\n\nyCon".into(),
                "サイバー紛争に関する国際会議".into(),
                true
            )]
        );
    }

    #[test]
    fn names_that_start_with_a_clause() {
        assert_eq!(name_words("熱帯病"), 2);
        assert_eq!(name_words("国別パートナーシップ協力計画"), 4);
        assert_eq!(name_words("ワッセナー・アレンジメント"), 2);
        assert_eq!(name_words("インド太平洋に関するASEANアウトルック"), 5);
        assert_eq!(
            defs("マラリア、顧みられない熱帯病(NTDs)、ポリオ"),
            [("NTDs".into(), "顧みられない熱帯病".into(), false)]
        );
        assert_eq!(defs("双方の国が決定する貢献(NDC)の達成"), [("NDC".into(), "国が決定する貢献".into(), false)]);
        // Enough words already, a past verb, a progressive, a particle.
        assert_eq!(
            defs("署名した国別パートナーシップ協力計画(IPCP)"),
            [("IPCP".into(), "国別パートナーシップ協力計画".into(), false)]
        );
        assert_eq!(defs("新たに設立した基金(ABC)"), [("ABC".into(), "基金".into(), false)]);
        assert_eq!(defs("国に設置されている機関(ABC)"), [("ABC".into(), "機関".into(), false)]);
        assert_eq!(defs("日本を支援する基金(ABC)"), [("ABC".into(), "基金".into(), false)]);
        assert_eq!(
            defs("持続可能な開発のための教育(ESD)は"),
            [("ESD".into(), "持続可能な開発のための教育".into(), false)]
        );
        assert_eq!(defs("様々な国際機関(IOs)と"), [("IOs".into(), "国際機関".into(), false)]);
    }

    #[test]
    fn number_prefixes() {
        assert_eq!(number_prefix("令和7年3月7日ユニバーサル"), "令和7年3月7日".len());
        assert_eq!(number_prefix("1高級事務レベル会合"), 1);
        assert_eq!(number_prefix("3R推進フォーラム"), 0);
        assert_eq!(number_prefix("令和臨調"), 0);
        assert_eq!(number_prefix("20か国"), 0);
    }

    #[test]
    fn glosses_in_brackets() {
        let t = "(International Maritime Organization; IMO)";
        let ((a, b), (ga, gb)) = tail_gloss(t, 1, t.len() - 1, false).expect("tail gloss");
        assert_eq!((&t[a..b], &t[ga..gb]), ("IMO", "International Maritime Organization"));
        assert!(tail_gloss("(IMO; International)", 1, 19, false).is_none());
        let t = "(DOC:the Declaration on the Conduct)";
        let (_, (ga, gb)) = colon_gloss(t, 1, t.len() - 1, false).expect("colon gloss");
        assert_eq!(&t[ga..gb], "Declaration on the Conduct");
        assert!(is_bracketed_name("持続可能な開発目標"));
        assert!(!is_bracketed_name("重要なこと"));
        assert!(!is_bracketed_name("な開発"));
    }

    #[test]
    fn not_definitions() {
        assert!(defs("1章3節(宇宙・サイバー・電磁波の領域での対応)").is_empty());
        assert!(defs("15(平成27)年3月").is_empty());
        assert!(defs("会議(G20)に").is_empty());
        assert!(defs("Space Situational Awareness (SSA)").is_empty());
    }
}
