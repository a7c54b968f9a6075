//! The entity gazetteers as data: every ISO 3166-1 entry has English and
//! Japanese names, every organization has English and Japanese forms, ids
//! agree on one canonical name, and a few seed sentences give the rows a
//! careful reader would mark. See: issue 5, docs/entities.md.

use std::collections::{BTreeMap, BTreeSet};

use yomitori::Document;

use crate::util::{root, shipped};

/// `(surface, canonical, id)` of a gazetteer CSV.
fn rows(file: &str) -> Vec<(String, String, String)> {
    let path = root().join("rules/gazetteers").join(file);
    let mut r = csv::Reader::from_path(&path).unwrap();
    let h = r.headers().unwrap().clone();
    let col = |name: &str| h.iter().position(|c| c == name).unwrap_or_else(|| panic!("{file}: no `{name}`"));
    let (s, c, i) = (col("surface"), col("canonical"), col("id"));
    r.records().map(|rec| rec.unwrap()).map(|rec| (rec[s].into(), rec[c].into(), rec[i].into())).collect()
}

fn is_japanese(s: &str) -> bool {
    s.chars().any(yomitori::text::is_cjk)
}

/// id -> (canonical names, has a Latin surface, has a Japanese surface).
fn by_id(rows: &[(String, String, String)]) -> BTreeMap<&str, (BTreeSet<&str>, bool, bool)> {
    let mut m: BTreeMap<&str, (BTreeSet<&str>, bool, bool)> = BTreeMap::new();
    for (surface, canonical, id) in rows {
        let e = m.entry(id.as_str()).or_default();
        e.0.insert(canonical.as_str());
        if is_japanese(surface) {
            e.2 = true;
        } else {
            e.1 = true;
        }
    }
    m
}

#[test]
fn every_iso_3166_entry_has_english_and_japanese_names() {
    // Homographs (Chad, Georgia, Jordan, Niger) live in their own file,
    // matched with context conditions; together they are the country data.
    let mut countries = rows("countries.csv");
    countries.extend(rows("country_homographs.csv"));
    let ids = by_id(&countries);
    assert_eq!(ids.len(), 250, "249 ISO 3166-1 entries plus XK");
    for (id, (canonical, en, ja)) in &ids {
        assert!(id.len() == 2 && id.chars().all(|c| c.is_ascii_uppercase()), "{id}");
        assert_eq!(canonical.len(), 1, "{id} has one canonical name: {canonical:?}");
        assert!(*en && *ja, "{id} needs English and Japanese surfaces");
    }
    for (id, name) in [("US", "United States"), ("KR", "South Korea"), ("VN", "Vietnam"), ("GB", "United Kingdom")] {
        assert!(ids[id].0.contains(name), "{id} is {name}");
    }
    // Nationalities and abbreviations point at countries, with their names.
    let canonical: BTreeMap<&str, &str> = countries.iter().map(|(_, c, i)| (i.as_str(), c.as_str())).collect();
    for file in ["nationalities.csv", "ja_abbreviations.csv"] {
        for (surface, c, id) in rows(file) {
            assert_eq!(canonical.get(id.as_str()), Some(&c.as_str()), "{file}: `{surface}` -> {id} {c}");
        }
    }
}

#[test]
fn organizations_have_english_and_japanese_forms_under_one_name() {
    let mut seen = BTreeMap::new();
    for file in ["organizations.csv", "jp_government.csv", "events.csv", "laws.csv"] {
        let rows = rows(file);
        for (id, (canonical, en, ja)) in by_id(&rows) {
            assert_eq!(canonical.len(), 1, "{file}: {id} has one canonical name: {canonical:?}");
            assert!(en && ja, "{file}: {id} needs English and Japanese forms");
            // Organizations: `org:`; a country's government `gov:XX` and
            // forces `mil:XX...` carry the country's code.
            let prefixes: &[&str] = if file.starts_with("events") {
                &["event:"]
            } else if file.starts_with("laws") {
                &["law:"]
            } else {
                &["org:", "gov:", "mil:"]
            };
            assert!(prefixes.iter().any(|p| id.starts_with(p)) && !id.contains(' '), "{file}: id `{id}`");
            assert!(seen.insert(id.to_string(), file).is_none(), "{id} is in two files");
        }
    }
}

/// Rows `(type, text, normalized, id)` of the entity kind for `text`.
fn entities(text: &str) -> Vec<(String, String, String, String)> {
    shipped()
        .extract(&Document::new("t", text))
        .into_iter()
        .filter(|r| r.kind.as_str() == "entity")
        .map(|r| (r.ty.to_string(), r.text, r.normalized, r.id))
        .collect()
}

#[test]
fn seed_sentences_give_what_a_reader_marks() {
    // seed 000, English
    let got = entities("hosted by the U.S. Forces and the MOD/SDF, with the CCDCOE based in Estonia.");
    let want = [
        ("COUNTRY", "U.S.", "United States", "US"),
        ("ORG", "U.S. Forces", "United States Armed Forces", "mil:US"),
        ("ORG", "MOD", "Ministry of Defense (Japan)", "org:jp-mod"),
        ("ORG", "SDF", "Japan Self-Defense Forces", "org:jp-sdf"),
        ("ORG", "CCDCOE", "NATO Cooperative Cyber Defence Centre of Excellence", "org:nato-ccdcoe"),
        ("COUNTRY", "Estonia", "Estonia", "EE"),
    ];
    let want: Vec<_> =
        want.iter().map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string())).collect();
    assert_eq!(got, want);
    // seed 002, the same in Japanese
    let got = entities("米軍が主催する演習と、エストニアに設置されているNATOサイバー防衛協力センター");
    let types: Vec<(&str, &str)> = got.iter().map(|r| (r.1.as_str(), r.3.as_str())).collect();
    assert_eq!(
        types,
        [("米", "US"), ("米軍", "mil:US"), ("エストニア", "EE"), ("NATOサイバー防衛協力センター", "org:nato-ccdcoe")]
    );
}

/// The matcher decides at a hit whether a compound pair is a term
/// (`Compound::is_term`); `rules export-terms` lists the terms by making
/// every pair. Both must agree on every shipped pair (issue 13).
#[test]
fn compound_pairs_are_terms_at_a_hit_exactly_when_listed() {
    let compounds: Vec<(&str, _)> = shipped()
        .rules()
        .iter()
        .filter_map(|r| match &r.source {
            yomitori::rules::RuleSource::Gazetteer { compound: Some(c), .. } => Some((r.id.as_str(), c)),
            _ => None,
        })
        .collect();
    let mut sizes = Vec::new();
    for (id, c) in compounds {
        let codes: BTreeSet<u32> = c.term_codes().into_iter().collect();
        sizes.push((id, c.heads.len(), codes.len()));
        for m in 0..c.members.len() {
            for &h in c.heads_of(m) {
                let h = h as usize;
                assert_eq!(c.is_term(m, h), codes.contains(&c.pair_code(m, h)), "{}", c.surface(m, h));
            }
        }
    }
    // docs/entities.md: heads and pairs per compound rule.
    assert_eq!(sizes, [("country-bodies", 120, 41_844), ("country-military", 3, 801)]);
}

#[test]
fn country_bodies_carry_their_country_code() {
    let codes: BTreeSet<String> = rows("countries.csv").into_iter().map(|(_, _, id)| id).collect();
    let read = |file: &str, cols: [&str; 2]| -> Vec<(String, String)> {
        let mut r = csv::Reader::from_path(root().join("rules/gazetteers").join(file)).unwrap();
        let h = r.headers().unwrap().clone();
        let [a, b] = cols.map(|c| h.iter().position(|x| x == c).unwrap_or_else(|| panic!("{file}: no `{c}`")));
        r.records().map(|rec| rec.unwrap()).map(|rec| (rec[a].into(), rec[b].into())).collect()
    };
    let members = read("country_body_members.csv", ["surface", "code"]);
    assert!(members.len() > 800, "members for every country: {}", members.len());
    for (surface, code) in members {
        assert!(codes.contains(&code), "`{surface}`: {code}");
    }
    for (head, id) in read("country_body_heads.csv", ["head", "id"]) {
        let (kind, rest) = id.split_once(':').unwrap_or_else(|| panic!("`{head}`: id `{id}`"));
        assert!(matches!(kind, "gov" | "mil") && rest.starts_with("{code}"), "`{head}`: {id}");
    }
}

/// `office_holder_names.csv` is the full-name part of `office_holders.csv`
/// (`scripts/gen_office_holder_names.py`): a Latin surface of two words or
/// more, a katakana one of two parts or more, a kanji one of three
/// characters or more; never a surname alone.
#[test]
fn office_holder_names_are_the_full_names_of_the_list() {
    let is_full = |s: &str| {
        if s.chars().all(|c| c.is_ascii() || (c.is_alphabetic() && (c as u32) < 0x3000)) {
            s.trim().contains(' ')
        } else if s.chars().all(|c| ('\u{30a0}'..='\u{30ff}').contains(&c)) {
            s.contains('・')
        } else if s.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
            s.chars().count() >= 3
        } else {
            false
        }
    };
    let want: Vec<(String, String, String)> =
        rows("office_holders.csv").into_iter().filter(|(surface, _, _)| is_full(surface)).collect();
    assert!(want.len() > 200, "{} full names", want.len());
    assert_eq!(rows("office_holder_names.csv"), want, "run python3 scripts/gen_office_holder_names.py");
}

/// A long gazetteer list is built as several automata side by side; they
/// must report what one automaton does, in its order (the matcher's rows
/// depend on it): the shipped gazetteers cut into 1, 3 and 7 parts, over
/// the seeds (issue 13).
#[test]
fn gazetteer_parts_report_one_automatons_matches_in_its_order() {
    use yomitori::compile::GazetteerMatcher;
    let rules = shipped().rules();
    let one = GazetteerMatcher::build_in(rules, |_| 1).expect("gazetteer");
    for parts in [3, 7] {
        let cut = GazetteerMatcher::build_in(rules, |_| parts).expect("gazetteer");
        assert_eq!(cut.part_count(), parts);
        let mut matches = 0;
        for entry in std::fs::read_dir(root().join("seeds")).expect("seeds") {
            let text = std::fs::read_to_string(entry.expect("seed").path()).expect("seed text");
            let view = yomitori::text::DocumentView::new(&text);
            let hay = one.haystack(std::borrow::Cow::Borrowed(view.text()));
            let (mut a, mut b) = (Vec::new(), Vec::new());
            one.for_each_match(&hay, |p, s, e| a.push((p, s, e)));
            cut.for_each_match(&hay, |p, s, e| b.push((p, s, e)));
            matches += a.len();
            assert_eq!(a, b, "{parts} parts");
        }
        assert!(matches > 1_000, "{matches} matches");
    }
}
