//! Person names: the `person-name` normalizer, and the document-level pass
//! that links later mentions of a surname to the full name.
//!
//! ```text
//! Fields (capture `name`) ─ person_name ─▶ Normalized ("Rieko Miki")
//! surviving candidates + normalized text ─ link_people ─▶ candidates with
//!     single-name mentions rewritten to the full name (ref = the full name)
//!     and bare later mentions of the surname added
//! ```
//!
//! The pass runs only when a rule with `detector = "person-mentions"` is
//! loaded; that rule names the rows it adds, and its kind and group say which
//! candidates are people (by default its type, `PERSON`).

pub mod family;
pub mod names;
pub mod short_forms;

pub use family::{FAMILY, KIND};

use crate::compile::Compiled;
use crate::matchers::{Candidate, Value};
use crate::normalize::{collapse_space, Fields, Normalized, RefSpan, Resources};
use crate::passes::PassContext;
use crate::rules::RuleSource;
use crate::text::{is_cjk, is_word_char, on_word_edges};

/// The detector name of the linking rule.
pub const PERSON_MENTIONS: &str = "person-mentions";

/// Lower-case word endings after a hyphen that make an adjective of a
/// name (`Kishida-led`, `Tokyo-based`): never a person.
const NOT_NAME_SUFFIXES: &[&str] = &["-led", "-based", "-born", "-run", "-era", "-made", "-like", "-wide", "-free"];

/// Capitalized words that start sentences and name months: never part of a
/// person's name (`In July, the Minister ...` is no one).
const NOT_NAMES: &[&str] = &[
    "A",
    "An",
    "And",
    "As",
    "At",
    "But",
    "By",
    "During",
    "For",
    "From",
    "In",
    "It",
    "Its",
    "Of",
    "On",
    "Since",
    "The",
    "Their",
    "These",
    "This",
    "Those",
    "To",
    "Under",
    "While",
    "With",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    // The last words of a portfolio: a long title without a name
    // (`Assistant Secretary for East Asian and Pacific Affairs said`) is
    // no one.
    "Affairs",
    "Security",
    "Rights",
    "Policy",
    "Intelligence",
    "Operations",
    "Relations",
    "Cooperation",
    "Development",
    "Control",
    "Compliance",
    // Headline verbs after a name: `Assistant Secretary Fannon Travels to`.
    "Travel",
    "Travels",
    "Visits",
    "Meets",
    "Signs",
    "Says",
    "Announces",
    "Welcomes",
    // A title is no name: `Mr. President`, `Madam Secretary`, the heading
    // `Office of the Press Secretary` over `Statement by ...`.
    "President",
    "Secretary",
    "Minister",
    "Statement",
    // Post-nominal letters: `Julie BISHOP MP` is not a person `Bishop Mp`.
    "MP",
    "QC",
    "KC",
    "AO",
    "AC",
    "OBE",
    "MBE",
    "CBE",
];

/// `person-name`: the `name` capture (or the whole match) with whitespace
/// collapsed and upper-case words title-cased (`RIEKO MIKI` → `Rieko Miki`).
/// Rejects a "name" with a function word or a month (`In July`).
pub fn person_name(f: &Fields<'_>, res: &Resources) -> Option<Normalized> {
    let raw = f.get("name").unwrap_or_else(|| f.text());
    let data = res.get::<names::EntityData>();
    let mut name = join_words(raw);
    // A `country` capture between the name and the title (MOFA's
    // `name・country title`) that is no place (nor ends with a state's word:
    // ミクロネシア連邦) is the name's last part.
    let place = |c: &str| {
        data.is_some_and(|d| d.is_place(c)) || ["連邦", "共和国", "王国", "合衆国"].iter().any(|s| c.ends_with(s))
    };
    if let Some(country) = f.get("country").filter(|c| !place(c)) {
        name = format!("{name}・{country}");
    }
    if name.is_empty()
        || name.split(' ').any(|w| NOT_NAMES.contains(&w) || NOT_NAME_SUFFIXES.iter().any(|x| w.ends_with(x)))
        || data.is_some_and(|d| d.is_place(&name))
    {
        return None;
    }
    // A kanji surname before a Japanese title: the office may tell the
    // holder (松本外務大臣 → Takeaki Matsumoto).
    if let (Some(d), Some(title)) = (data, f.text().strip_prefix(raw)) {
        if d.holder(&name).is_none() && names::is_kanji_name(&name) {
            if let Some((canonical, id)) = d.holder_by_office(&name, title) {
                let mut n = Normalized::value(canonical.clone());
                n.id.clone_from(id);
                return Some(n);
            }
        }
    }
    let words: Vec<String> = name.split(' ').map(title_case_shouted).collect();
    Some(Normalized::value(words.join(" ")))
}

/// `office-holder-surname`: a kanji surname that one office holder on the
/// list has, before a title that names no office (岸田大臣 → Fumio
/// Kishida, with the holder's id); any other name is rejected, so that a
/// portfolio before 大臣 (経済産業大臣) or an unknown surname is no one.
pub fn office_holder_surname(f: &Fields<'_>, res: &Resources) -> Option<Normalized> {
    let raw = f.get("name")?;
    let title = f.text().strip_prefix(raw)?;
    let d = res.get::<names::EntityData>()?;
    if !names::is_kanji_name(raw) {
        return None;
    }
    let (canonical, id) = d.holder(raw).or_else(|| d.holder_by_office(raw, title))?;
    let mut n = Normalized::value(canonical.clone());
    n.id.clone_from(id);
    Some(n)
}

/// Collapses whitespace like [`collapse_space`], and removes it where it
/// touches Japanese text (`日NATO\nサイバー` → `日NATOサイバー`: a PDF line
/// break between Latin and Japanese characters).
pub(crate) fn join_words(s: &str) -> String {
    let collapsed = collapse_space(s);
    if !collapsed.chars().any(is_cjk) {
        return collapsed;
    }
    let chars: Vec<char> = collapsed.chars().collect();
    let mut out = String::with_capacity(collapsed.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' && (is_cjk(chars[i - 1]) || is_cjk(chars[i + 1])) {
            continue;
        }
        out.push(c);
    }
    out
}

/// `MIKI` → `Miki`; words with a lower-case letter, and initials, stay.
fn title_case_shouted(word: &str) -> String {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || word.chars().any(char::is_lowercase) || !word.chars().any(char::is_uppercase) {
        return word.to_string();
    }
    let mut out = String::with_capacity(word.len());
    let mut first = true;
    for c in word.chars() {
        if c.is_alphabetic() {
            if first {
                out.extend(c.to_uppercase());
                first = false;
            } else {
                out.extend(c.to_lowercase());
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A full name seen in the document: its value and its span.
struct FullName {
    /// The canonical name (an office holder's, or the name as written).
    value: String,
    /// The name as written, which later one-name mentions are matched with.
    written: String,
    id: String,
    /// Where the name is in this section; (0, 0) for a name carried from
    /// an earlier one, which precedes everything here.
    start: usize,
    end: usize,
    /// The span a linked mention points to.
    reference: RefSpan,
}

/// The full names of the earlier sections of a document, each at its last
/// occurrence, in order of it.
#[derive(Default)]
struct Carried {
    full: Vec<FullName>,
}

/// Links person mentions of one document, after overlap resolution.
///
/// * A person candidate whose value is one name (`Kishida`, `岸田`) takes the
///   value of the nearest earlier full name it belongs to (`Fumio Kishida`:
///   its first or last word; `岸田文雄`: a prefix), and that name's span as
///   its reference.
/// * Later bare mentions of a full name's first or last word (Latin script,
///   four letters or more, exact case, whole word, not inside another entity)
///   become rows of the `person-mentions` rule, linked the same way.
pub fn link_people(c: &Compiled, cx: &mut PassContext<'_>, cands: &mut Vec<Candidate>) {
    let hay = cx.hay;
    let Some(rule) = find_person_rule(&c.rules) else { return };
    let group = c.rule_group[rule as usize];
    let is_person = |cand: &Candidate| c.rule_group[cand.rule as usize] == group;
    let Carried { mut full } = cx.carried();
    if full.is_empty() && !cands.iter().any(is_person) {
        cx.carry(Carried { full });
        return;
    }
    let mut people: Vec<usize> = (0..cands.len()).filter(|&i| is_person(&cands[i])).collect();
    people.sort_by_key(|&i| (cands[i].start, cands[i].end));
    // The latest full name a one-name mention belongs to, by the key it is
    // looked up with (see `belongs`): a first or last word, in ASCII lower
    // case; for a Japanese name, each of its proper prefixes. Indexed, so a
    // document with many names costs one lookup per mention, not a scan.
    let mut latest: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (k, f) in full.iter().enumerate() {
        for key in belongs_keys(&f.written) {
            latest.insert(key, k);
        }
    }
    for &i in &people {
        let cand = &mut cands[i];
        let Value::Computed(n) = &mut cand.value else { continue };
        if is_full(&n.value) {
            let (start, end) = name_span(hay, cand.start, cand.end, &n.value);
            let k = full.len();
            for key in belongs_keys(&n.value) {
                latest.insert(key, k);
            }
            let written = n.value.clone();
            names::identify_person(c.resources.get::<names::EntityData>(), n);
            let reference = RefSpan::Here(start, end);
            full.push(FullName { value: n.value.clone(), written, id: n.id.clone(), start, end, reference });
        } else if let Some(&k) = mention_key(&n.value).and_then(|key| latest.get(&key)) {
            let f = &full[k];
            debug_assert!(belongs(&n.value, &f.written));
            n.value.clone_from(&f.value);
            n.id.clone_from(&f.id);
            n.reference = Some(f.reference);
        } else {
            names::identify_person(c.resources.get::<names::EntityData>(), n);
        }
    }
    let added = bare_mentions(c, rule, hay, &full, cands);
    cands.extend(added);
    if cx.carrying() {
        // The last occurrence of each name as written, in order of it: all
        // that `latest` and `bare_mentions` look up in the next section.
        let mut last: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for (k, f) in full.iter().enumerate() {
            last.insert(&f.written, k);
        }
        let mut keep: Vec<usize> = last.into_values().collect();
        keep.sort_unstable();
        let to_source = cx.to_source;
        let full = keep
            .into_iter()
            .map(|k| {
                let f = &full[k];
                let reference = f.reference.earlier(to_source);
                FullName {
                    value: f.value.clone(),
                    written: f.written.clone(),
                    id: f.id.clone(),
                    start: 0,
                    end: 0,
                    reference,
                }
            })
            .collect();
        cx.carry(Carried { full });
    }
}

/// Later bare mentions of a Latin full name's first or last word (four
/// letters or more): `Kishida` after `Fumio Kishida`. An occurrence belongs
/// to the last full name before it that has the word anywhere, and is a
/// mention when it lies after that name, on word edges, and overlaps no
/// entity candidate.
///
/// One pass over the text finds the candidate words, so the cost is linear
/// in the document, however many names it has (a loop per name over the
/// rest of the text was quadratic, and half the time of a 20 MB document).
fn bare_mentions(c: &Compiled, rule: u32, hay: &str, full: &[FullName], cands: &[Candidate]) -> Vec<Candidate> {
    use std::collections::HashMap;
    // Every word of every Latin full name -> the names that have it, in order.
    let mut any_word: HashMap<&str, Vec<usize>> = HashMap::new();
    // The words of each name that make mentions.
    let mut mention_words: Vec<Vec<&str>> = vec![Vec::new(); full.len()];
    for (k, f) in full.iter().enumerate() {
        if f.value.chars().any(is_cjk) {
            continue;
        }
        let words: Vec<&str> = f.value.split(' ').collect();
        for w in &words {
            any_word.entry(w).or_default().push(k);
        }
        let mut names = vec![words[0], words[words.len() - 1]];
        names.dedup();
        mention_words[k] = names.into_iter().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).collect();
    }
    let wanted: Vec<&str> = {
        let mut w: Vec<&str> = mention_words.iter().flatten().copied().collect();
        w.sort_unstable();
        w.dedup();
        w
    };
    if wanted.is_empty() {
        return Vec::new();
    }
    // Occurrences of the wanted words: runs of word characters looked up in
    // the list, plus substring search for the rare name with other
    // characters (`O'Neill`).
    let mut occurrences: Vec<(usize, &str)> = Vec::new();
    // Words that start with an ASCII capital are looked up at word starts
    // found byte by byte; any other is searched for as a substring.
    let (plain, other): (Vec<&str>, Vec<&str>) =
        wanted.iter().partition(|w| w.as_bytes()[0].is_ascii_uppercase() && w.chars().all(is_word_char));
    if !plain.is_empty() {
        let bytes = hay.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let starts_word = bytes[i].is_ascii_uppercase() && !hay[..i].chars().next_back().is_some_and(is_word_char);
            if !starts_word {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < bytes.len() {
                if bytes[j].is_ascii() {
                    if !(bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_') {
                        break;
                    }
                    j += 1;
                } else {
                    match hay[j..].chars().next() {
                        Some(ch) if is_word_char(ch) => j += ch.len_utf8(),
                        _ => break,
                    }
                }
            }
            if let Ok(found) = plain.binary_search(&&hay[i..j]) {
                occurrences.push((i, plain[found]));
            }
            i = j;
        }
    }
    for w in other {
        occurrences.extend(hay.match_indices(w));
    }
    occurrences.sort_unstable();
    // Entity spans by start, with the running maximum of their ends, to ask
    // "does anything overlap s..e" with one binary search.
    let kind = c.rules[rule as usize].kind;
    let mut spans: Vec<(usize, usize)> =
        cands.iter().filter(|o| c.rules[o.rule as usize].kind == kind).map(|o| (o.start, o.end)).collect();
    spans.sort_unstable();
    let max_end: Vec<usize> = spans
        .iter()
        .scan(0, |m, &(_, e)| {
            *m = (*m).max(e);
            Some(*m)
        })
        .collect();
    let mut added: Vec<Candidate> = Vec::new();
    let mut added_end = 0;
    for (s, word) in occurrences {
        let e = s + word.len();
        // The last name with this word that starts at or before `s` (the
        // lists are in order of start).
        let Some(&k) = any_word.get(word).and_then(|ks| ks[..ks.partition_point(|&k| full[k].start <= s)].last())
        else {
            continue;
        };
        let f = &full[k];
        if s < f.end || !mention_words[k].contains(&word) {
            continue;
        }
        let before = spans.partition_point(|&(start, _)| start < e);
        // Occurrences come in order of start: only the furthest end of those
        // added can reach this one.
        let overlaps = before > 0 && max_end[before - 1] > s || added_end > s;
        if overlaps || !on_word_edges(hay, s, e) {
            continue;
        }
        let mut value = Normalized::value(f.value.clone());
        value.id.clone_from(&f.id);
        value.reference = Some(f.reference);
        added.push(Candidate::computed(s, e, rule, value));
        added_end = added_end.max(e);
    }
    added
}

/// The span of the name `value` inside the match `start..end` (without the
/// title: `Fumio Kishida` in `Prime Minister Fumio Kishida`), from its first
/// word to its last, compared in ASCII case (`RIEKO MIKI` is `Rieko Miki`).
fn name_span(hay: &str, start: usize, end: usize, value: &str) -> (usize, usize) {
    let text = &hay[start..end];
    let lower = text.to_ascii_lowercase();
    let first = value.split(' ').next().unwrap_or(value).to_ascii_lowercase();
    let last = value.rsplit(' ').next().unwrap_or(value).to_ascii_lowercase();
    // The name follows its title: search back from the last word, so a
    // first name that also occurs inside the title is not taken from there.
    let Some(b) = lower.rfind(&last) else { return (start, end) };
    match lower[..b + last.len()].rfind(&first) {
        Some(a) => (start + a, start + b + last.len()),
        None => (start, end),
    }
}

/// True for a value with more than one name: `Fumio Kishida`, and a Japanese
/// name of three characters or more (`岸田文雄`; `岸田` is a surname).
fn is_full(value: &str) -> bool {
    if is_katakana_name(value) {
        // A foreign name in katakana: its parts are joined by middle dots
        // (ジュリー・ビショップ); one part is a one-name mention (ビショップ).
        return value.contains('・');
    }
    if value.chars().any(is_cjk) {
        return value.chars().count() >= 3 && !value.contains(' ');
    }
    value.contains(' ')
}

/// True when `value` is written in katakana (and middle dots) only.
fn is_katakana_name(value: &str) -> bool {
    !value.is_empty() && value.chars().all(|ch| matches!(ch, 'ァ'..='ヺ' | 'ー' | '・'))
}

/// The keys under which a one-name mention finds the full name `full`:
/// its first and last words in ASCII lower case, and, when it is Japanese,
/// each proper prefix (`岸田` of `岸田文雄`), or for a katakana name its
/// first and last parts (`ビショップ` of `ジュリー・ビショップ`). Equivalent to
/// [`belongs`].
fn belongs_keys(full: &str) -> Vec<String> {
    let words: Vec<&str> = full.split(' ').collect();
    let mut keys = vec![words[0].to_ascii_lowercase(), words[words.len() - 1].to_ascii_lowercase()];
    if is_katakana_name(full) {
        // The first and the last part: ビショップ of ジュリー・ビショップ.
        let parts: Vec<&str> = full.split('・').collect();
        if parts.len() > 1 {
            keys.push(format!("\u{1}{}", parts[0]));
            keys.push(format!("\u{1}{}", parts[parts.len() - 1]));
        }
    } else if full.chars().any(is_cjk) {
        keys.extend(full.char_indices().skip(1).map(|(i, _)| format!("\u{1}{}", &full[..i])));
    }
    keys
}

/// The key a one-name mention is looked up with; `None` when it links to
/// nothing (empty, or more than one word).
fn mention_key(mention: &str) -> Option<String> {
    if mention.contains(' ') || mention.is_empty() {
        return None;
    }
    Some(if mention.chars().any(is_cjk) { format!("\u{1}{mention}") } else { mention.to_ascii_lowercase() })
}

/// True when the one-name `mention` is part of the full name `full`.
fn belongs(mention: &str, full: &str) -> bool {
    if mention.contains(' ') || mention.is_empty() {
        return false;
    }
    if is_katakana_name(full) {
        let parts: Vec<&str> = full.split('・').collect();
        return parts.len() > 1 && (parts[0] == mention || parts[parts.len() - 1] == mention);
    }
    if mention.chars().any(is_cjk) {
        return full.starts_with(mention) && full.len() > mention.len();
    }
    let words: Vec<&str> = full.split(' ').collect();
    [words[0], words[words.len() - 1]].iter().any(|w| w.eq_ignore_ascii_case(mention))
}

/// The index of the `person-mentions` rule, if loaded.
pub(crate) fn find_person_rule(rules: &[crate::rules::Rule]) -> Option<u32> {
    rules
        .iter()
        .position(|r| matches!(&r.source, RuleSource::Detector { name } if name == PERSON_MENTIONS))
        .map(|i| i as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shouted_words_are_title_cased() {
        assert_eq!(title_case_shouted("MIKI"), "Miki");
        assert_eq!(title_case_shouted("Kishida"), "Kishida");
        assert_eq!(title_case_shouted("W"), "W");
    }

    #[test]
    fn name_span_skips_the_title() {
        let hay = "President Ian Smith";
        assert_eq!(name_span(hay, 0, hay.len(), "Ian Smith"), (10, 19));
        let hay = "RIEKO MIKI";
        assert_eq!(name_span(hay, 0, hay.len(), "Rieko Miki"), (0, 10));
    }

    #[test]
    fn words_join_around_japanese() {
        assert_eq!(join_words("日NATO\nサイバー防衛"), "日NATOサイバー防衛");
        assert_eq!(join_words(" Kyoto\n Congress "), "Kyoto Congress");
    }

    #[test]
    fn mentions_belong_to_full_names() {
        assert!(belongs("Kishida", "Fumio Kishida"));
        assert!(belongs("Uto", "Uto Takashi"));
        assert!(!belongs("Suga", "Fumio Kishida"));
        assert!(belongs("岸田", "岸田文雄"));
        assert!(!belongs("岸田文雄", "岸田文雄"));
        assert!(is_full("Xi Jinping") && is_full("岸田文雄") && !is_full("岸田") && !is_full("Abe"));
    }
}
