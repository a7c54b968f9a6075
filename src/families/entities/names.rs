//! Names built by patterns, and the identities they get: the `event-name`,
//! `law-name` and `body-name` normalizers, the stable ids of pattern-built
//! names, the office-holder list that gives one person one canonical name
//! and id across languages, and the pass that keeps one row per span and
//! meaning.
//!
//! ```text
//! Fields (capture `name`) ─ event_name / law_name / body_name ─▶ value + id
//!     `2nd Japan-France Comprehensive Space Dialogue` →
//!     `Japan-France Comprehensive Space Dialogue`, event:japan-france-comprehensive-space-dialogue
//! person value ─ EntityData::holder ─▶ (canonical, person:… id)
//!     `岸田文雄`, `Kishida Fumio`, `Fumio Kishida` → `Fumio Kishida`, person:kishida-fumio
//! surviving candidates ─ drop_relabelled ─▶ no pattern row on a known name's span
//! ```

use std::collections::{HashMap, HashSet};

use super::KIND;
use crate::compile::Compiled;
use crate::diagnostic::Diagnostic;
use crate::matchers::{Candidate, Value};
use crate::normalize::{Fields, Normalized, Resources};
use crate::rules::tables::Table;
use crate::text::is_cjk;

/// Leading words that are not part of an event's or instrument's name.
const DETERMINERS: &[&str] = &["The", "This", "That", "These", "Those", "Its", "Their", "Our", "Each"];

/// Prepositions that start a headline's phrase, never a name (`Into Law`).
const HEADLINE_PREPOSITIONS: &[&str] = &["Into", "Onto", "Upon"];

/// Ordinals that count editions (`Seventh Meeting`, `2nd ... Dialogue`).
const ORDINALS: &[&str] = &[
    "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth", "Eleventh",
    "Twelfth",
];

/// Bound prefixes whose hyphen is spelling, not structure: `Anti-corruption`
/// and `Anticorruption` are one name, and get one id.
const BOUND_PREFIXES: &[&str] = &["anti", "co", "non", "inter", "multi", "sub", "pre", "post", "counter", "cyber"];

/// The id slug of a canonical name: lower case (Unicode), `&` read as `and`,
/// apostrophes and periods dropped (`U.S.` → `us`, `Ministers'` →
/// `ministers`), a hyphen after a bound prefix dropped (`Anti-corruption` →
/// `anticorruption`), every other run of non-alphanumeric characters one
/// `-`. Japanese characters are kept as they are.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut word_start = 0;
    let mut pending_sep = false;
    let text = name.replace('&', " and ");
    // Latin letters lose their accents (`Communiqué` = `Communique`,
    // `Côte` = `Cote`); kana and kanji are kept whole (NFD would split
    // voiced kana).
    let latin_base = |ch: char| -> Option<char> {
        if ch.is_ascii() || !ch.is_alphabetic() || is_cjk(ch) {
            return None;
        }
        let mut base = None;
        unicode_normalization::char::decompose_canonical(ch, |d| {
            if base.is_none() {
                base = Some(d);
            }
        });
        base.filter(char::is_ascii_alphabetic)
    };
    for ch in text.chars() {
        let ch = latin_base(ch).unwrap_or(ch);
        if ch.is_alphanumeric() {
            if pending_sep && !out.is_empty() {
                out.push('-');
                word_start = out.len();
            }
            pending_sep = false;
            out.extend(ch.to_lowercase());
        } else {
            // Dropped without a separator: apostrophes, periods, a bound
            // prefix's hyphen.
            let dropped = matches!(ch, '\'' | '’' | '.')
                || (matches!(ch, '-' | '‐' | '–') && !pending_sep && BOUND_PREFIXES.contains(&&out[word_start..]));
            pending_sep |= !dropped;
        }
    }
    out
}

/// The words of a name from the `name` capture (or the whole match), with a
/// leading determiner and edition ordinal dropped; `None` when nothing that
/// can be a name is left. `symbols` accepts one word with a digit or a slash
/// (`A/RES/75/201`); otherwise one Latin word names nothing (`This
/// Dialogue`, `Seventh Meeting`).
fn name_words(f: &Fields<'_>, symbols: bool) -> Option<(String, bool)> {
    let name = without_bracketed_acronym(super::join_words(f.get("name").unwrap_or_else(|| f.text())));
    let mut words: Vec<&str> = name.split(' ').collect();
    if words.len() > 1 && DETERMINERS.contains(&words[0]) {
        words.remove(0);
    }
    // A determiner inside is two phrases run together (the heading `I.
    // Purpose` over `The Committee ...`), and a name never starts with a
    // headline's preposition (`... Signs H.R. 5551 Into Law`).
    if words[1..].iter().any(|w| DETERMINERS.contains(w)) || HEADLINE_PREPOSITIONS.contains(&words[0]) {
        return None;
    }
    let mut numbered = false;
    if words.len() > 1 && ORDINALS.contains(&words[0]) {
        words.remove(0);
        numbered = true;
    }
    let single_latin = words.len() == 1 && !words[0].chars().any(is_cjk);
    let symbol = symbols && words[0].chars().any(|c| c.is_ascii_digit() || c == '/');
    if words.is_empty() || words[0].is_empty() || (single_latin && !symbol) {
        return None;
    }
    Some((words.join(" "), numbered))
}

/// A Japanese name without a Latin acronym in brackets inside it:
/// `日ASEAN包括的経済連携(AJCEP)協定` is `日ASEAN包括的経済連携協定`, the
/// same name (and id) as written without it. A bracket at either end, and
/// any bracket in a Latin name, stay.
fn without_bracketed_acronym(name: String) -> String {
    let Some(open) = name.find(['(', '（']) else { return name };
    let opener = name[open..].chars().next().unwrap_or('(');
    let closer = if opener == '(' { ')' } else { '）' };
    let after = open + opener.len_utf8();
    let Some(len) = name[after..].find(closer) else { return name };
    let inner = &name[after..after + len];
    let end = after + len + closer.len_utf8();
    let cjk_around =
        name[..open].chars().next_back().is_some_and(is_cjk) && name[end..].chars().next().is_some_and(is_cjk);
    if inner.is_empty() || !inner.bytes().all(|b| b.is_ascii_alphanumeric()) || !cjk_around {
        return name;
    }
    format!("{}{}", &name[..open], &name[end..])
}

fn with_id(value: String, prefix: &str) -> Normalized {
    let id = format!("{prefix}{}", slug(&value));
    Normalized { id, ..Normalized::value(value) }
}

/// `proper-name`: the name as written, whitespace collapsed, a leading
/// determiner or edition ordinal dropped; no id.
pub fn proper_name(f: &Fields<'_>, _: &Resources) -> Option<Normalized> {
    name_words(f, false).map(|(v, _)| Normalized::value(v))
}

/// `event-name`: [`proper_name`] with the id `event:<slug>`.
pub fn event_name(f: &Fields<'_>, _: &Resources) -> Option<Normalized> {
    name_words(f, false).map(|(v, _)| with_id(v, "event:"))
}

/// `law-name`: [`proper_name`] with the id `law:<slug>`; a document
/// symbol (`A/RES/75/201`) is a name.
pub fn law_name(f: &Fields<'_>, _: &Resources) -> Option<Normalized> {
    name_words(f, true).map(|(v, _)| with_id(v, "law:"))
}

/// `body-name`: [`proper_name`] with the id `org:<slug>`; a name that
/// starts with an edition ordinal is a session, not a body, and one that
/// starts with a determiner is left to the name after it: both are rejected.
pub fn body_name(f: &Fields<'_>, _: &Resources) -> Option<Normalized> {
    // `The Committee on ...`: the known name starts after the determiner;
    // rejecting lets the search find it there.
    let first = f.get("name").unwrap_or_else(|| f.text()).split_whitespace().next().unwrap_or("");
    if DETERMINERS.contains(&first) {
        return None;
    }
    match name_words(f, false) {
        Some((v, false)) => Some(with_id(v, "org:")),
        _ => None,
    }
}

/// Entity data the normalizers and the person pass read: the office-holder
/// list (`[tables.office_holders]`: `surface, canonical, id`) and the
/// names of places (`[tables.country_names]`, `[tables.nationality_names]`:
/// a `surface` column), which are never a person's name.
#[derive(Clone, Debug, Default)]
pub struct EntityData {
    holders: HashMap<String, (String, String)>,
    /// Full names in kanji with the offices held (the `office` column, as
    /// `FM JP 2017-2019; DM 2019-2020`), canonical name and id: a surname
    /// before a title finds its holder by office (see [`Self::holder_by_office`]).
    kanji_holders: Vec<(String, String, (String, String))>,
    places: HashSet<String>,
}

impl EntityData {
    /// Reads the tables this module knows by name.
    pub fn load(tables: &[Table], diags: &mut Vec<Diagnostic>) -> EntityData {
        let mut data = EntityData::default();
        for t in tables {
            match t.name.as_str() {
                "office_holders" => {
                    if !t.require_columns(&["surface", "canonical", "id"], diags) {
                        continue;
                    }
                    let col = |n: &str| t.column(n).expect("required column");
                    let (s, c, i) = (col("surface"), col("canonical"), col("id"));
                    for row in &t.rows {
                        let key = crate::text::fold(&row.cells[s]).into_owned();
                        if !row.cells[i].starts_with("person:") {
                            diags.push(t.at_row(
                                row,
                                Diagnostic::error("invalid-table", "an office holder's id starts with `person:`"),
                            ));
                            continue;
                        }
                        let office = t.column("office").map(|o| row.cells[o].as_str()).unwrap_or_default();
                        let surface = &row.cells[s];
                        if surface.chars().count() >= 3 && is_kanji_name(surface) {
                            let who = (row.cells[c].clone(), row.cells[i].clone());
                            data.kanji_holders.push((surface.clone(), office.to_string(), who));
                        }
                        data.holders.insert(key, (row.cells[c].clone(), row.cells[i].clone()));
                    }
                }
                "country_names" | "nationality_names" => {
                    if !t.require_columns(&["surface"], diags) {
                        continue;
                    }
                    let s = t.column("surface").expect("required column");
                    data.places.extend(t.rows.iter().map(|r| crate::text::fold(&r.cells[s]).into_owned()));
                }
                _ => {}
            }
        }
        data
    }

    /// The canonical name and id of an office holder written `name` (a
    /// full name in either order or script, or a surname the list marks as
    /// unambiguous).
    /// A middle initial and a generational suffix are not needed to know
    /// the person: `Lloyd J. Austin III` is the list's `Lloyd Austin`.
    pub fn holder(&self, name: &str) -> Option<&(String, String)> {
        self.holders
            .get(name)
            .or_else(|| self.holders.get(&name.replace(' ', "")))
            .or_else(|| self.holders.get(&without_initials(name)?))
    }

    /// The one office holder whose kanji full name starts with `surname`
    /// and who held the office a Japanese `title` names (外務大臣, 外相: `FM`;
    /// 防衛大臣, 防衛相: `DM`; 総理, 首相, 内閣総理大臣: `PM`): 松本外務大臣 is
    /// Takeaki Matsumoto although 松本 alone is not on the list; 河野防衛大臣
    /// is Taro Kono, but 河野外務大臣 stays 河野 (two foreign ministers).
    /// A bare 大臣 names no office: any office counts, so 岸田大臣 is Fumio
    /// Kishida and 河野大臣 nobody (Yohei and Taro Kono).
    pub fn holder_by_office(&self, surname: &str, title: &str) -> Option<&(String, String)> {
        let code = match title {
            "外務大臣" | "外相" => "FM",
            "防衛大臣" | "防衛相" => "DM",
            "総理" | "首相" | "内閣総理大臣" | "総理大臣" => "PM",
            "大臣" => "",
            _ => return None,
        };
        let mut found = self.kanji_holders.iter().filter(|(full, office, _)| {
            full.len() > surname.len()
                && full.starts_with(surname)
                && (code.is_empty() || office.split([';', ' ']).any(|w| w == code))
        });
        let (_, _, first) = found.next()?;
        found.all(|(_, _, who)| who.1 == first.1).then_some(first)
    }

    /// True when `name` is a country or nationality (`フランス` before 大統領).
    pub fn is_place(&self, name: &str) -> bool {
        self.places.contains(name)
    }
}

/// True when `name` is written in CJK unified ideographs only, with 々
/// after the first (a Japanese or Chinese name in kanji: 岸田文雄, 松本,
/// 佐々江), the names
/// [`EntityData::holder_by_office`] knows.
pub fn is_kanji_name(name: &str) -> bool {
    // 々 repeats the kanji before it (佐々木, 野々村): a name character, never the first.
    let kanji = |ch: char| ('\u{4e00}'..='\u{9fff}').contains(&ch);
    name.chars().next().is_some_and(kanji) && name.chars().all(|ch| kanji(ch) || ch == '々')
}

/// `name` without its middle initials (`J.`, `R`) and generational
/// suffixes (`Jr.`, `III`), when it had some and two words are left.
fn without_initials(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split(' ').collect();
    let initial = |w: &str| {
        let core = w.trim_end_matches('.');
        core.len() == 1 && core.bytes().all(|b| b.is_ascii_uppercase())
    };
    let suffix = |w: &str| matches!(w.trim_end_matches([',', '.']), "Jr" | "Sr" | "II" | "III" | "IV");
    let last = words.len().saturating_sub(1);
    let kept: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|&(i, w)| i == 0 || !(suffix(w) || (i < last && initial(w))))
        .map(|(_, w)| w.trim_end_matches(','))
        .collect();
    (kept.len() >= 2 && kept.len() < words.len()).then(|| kept.join(" "))
}

/// Gives a person candidate its identity after linking: an office holder's
/// canonical name and id, or `person:<slug>` of the value.
pub fn identify_person(data: Option<&EntityData>, n: &mut Normalized) {
    if let Some((canonical, id)) = data.and_then(|d| d.holder(&n.value)) {
        n.value.clone_from(canonical);
        n.id.clone_from(id);
    } else if n.id.is_empty() {
        n.id = format!("person:{}", slug(&n.value));
    }
}

/// One row per span and meaning: drops a pattern-built entity candidate
/// whose span is exactly that of a gazetteer term of another overlap group
/// (`East Asia Summit` is the known ORG, not also an EVENT of `en-event`).
/// Runs after overlap resolution.
pub fn drop_relabelled(c: &Compiled, cands: &mut Vec<Candidate>) {
    let entity = |cand: &Candidate| c.rules[cand.rule as usize].kind == KIND;
    // A sorted list, not a hash map: hashing every term's span with SipHash
    // was 1.4% of a run (callgrind, 8 MB). The sort is stable, so among
    // equal spans the last term wins, as the map's last insert did.
    let mut known: Vec<((usize, usize), u32)> = cands
        .iter()
        .filter(|k| matches!(k.value, Value::Term(_)) && entity(k))
        .map(|k| ((k.start, k.end), c.rule_group[k.rule as usize]))
        .collect();
    if known.is_empty() {
        return;
    }
    known.sort_by_key(|&(span, _)| span);
    let group_of = |span: (usize, usize)| {
        let after = known.partition_point(|&(s, _)| s <= span);
        known[..after].last().filter(|&&(s, _)| s == span).map(|&(_, g)| g)
    };
    cands.retain(|k| {
        if !matches!(k.value, Value::Computed(_)) || !entity(k) {
            return true;
        }
        group_of((k.start, k.end)).is_none_or(|g| g == c.rule_group[k.rule as usize])
    });
}

#[cfg(test)]
mod tests {
    use super::{is_kanji_name, slug, without_bracketed_acronym, without_initials};

    #[test]
    fn drops_a_bracketed_acronym_inside_a_japanese_name() {
        let f = |s: &str| without_bracketed_acronym(s.to_string());
        assert_eq!(f("日ASEAN包括的経済連携(AJCEP)協定"), "日ASEAN包括的経済連携協定");
        assert_eq!(f("アジア協力対話（ACD）外相会合"), "アジア協力対話外相会合");
        assert_eq!(f("東アジア地域包括的経済連携協定(RCEP)"), "東アジア地域包括的経済連携協定(RCEP)");
        assert_eq!(f("Cyber (CDPWG) Group"), "Cyber (CDPWG) Group");
        assert_eq!(f("日米(仮)協定"), "日米(仮)協定");
    }

    #[test]
    fn kanji_names_may_repeat_a_kanji_with_the_iteration_mark() {
        assert!(is_kanji_name("岸田文雄"));
        assert!(is_kanji_name("佐々江"));
        assert!(is_kanji_name("佐々木"));
        // 々 repeats the kanji before it: it never starts a name.
        assert!(!is_kanji_name("々木"));
        assert!(!is_kanji_name("バイデン"));
        assert!(!is_kanji_name(""));
    }

    #[test]
    fn office_holders_are_known_without_initials_and_suffixes() {
        assert_eq!(without_initials("Lloyd J. Austin III").as_deref(), Some("Lloyd Austin"));
        assert_eq!(without_initials("Joseph R. Biden, Jr.").as_deref(), Some("Joseph Biden"));
        assert_eq!(without_initials("George W. Bush"), Some("George Bush".into()));
        // Nothing to drop, or only one word would be left.
        assert_eq!(without_initials("Fumio Kishida"), None);
        assert_eq!(without_initials("Austin III"), None);
        assert_eq!(without_initials("J. Smith"), None);
    }

    #[test]
    fn slugs_normalize_hyphenation_case_and_ampersands() {
        assert_eq!(slug("G20 Anti-corruption Ministers Meeting"), slug("G20 Anticorruption Ministers Meeting"));
        assert_eq!(slug("Japan-U.S. Summit & Talks"), "japan-us-summit-and-talks");
        assert_eq!(
            slug("Japan-France Foreign and Defense Ministers' Meeting"),
            "japan-france-foreign-and-defense-ministers-meeting"
        );
        assert_eq!(slug("A/RES/75/201"), "a-res-75-201");
        assert_eq!(slug("日EU経済連携協定"), "日eu経済連携協定");
        assert_eq!(slug("Japan-India summit meeting"), slug("Japan-India Summit Meeting"));
        assert_eq!(slug("G20 Anti-Corruption Ministerial Communiqué"), "g20-anticorruption-ministerial-communique");
    }
}
