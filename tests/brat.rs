//! `extract --format brat`: the standoff files round-trip over `seeds/`.
//! Every `T` line's text equals its slice of the `.txt` (by character
//! offsets, fragments joined by a space, as brat reads them), every row of
//! the CSV has its `T` line, and every definition is linked to its long
//! form. See: issue 15.

use std::collections::BTreeMap;

use crate::util::{records, stderr, Workspace};

/// One `T` line: type, fragments (character offsets), text.
struct TextBound {
    ty: String,
    fragments: Vec<(usize, usize)>,
    text: String,
}

/// A parsed `.ann` file: `T` lines by id, `R` lines (type, arg1, arg2),
/// `#` notes (target, text).
type Ann = (BTreeMap<String, TextBound>, Vec<(String, String, String)>, Vec<(String, String)>);

fn parse_ann(ann: &str) -> Ann {
    let (mut ts, mut rs, mut notes) = (BTreeMap::new(), Vec::new(), Vec::new());
    for line in ann.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        match line.as_bytes()[0] {
            b'T' => {
                assert_eq!(cols.len(), 3, "a T line has three tab-separated fields: {line:?}");
                let (ty, spans) = cols[1].split_once(' ').unwrap();
                let fragments = spans
                    .split(';')
                    .map(|f| {
                        let (s, e) = f.split_once(' ').unwrap();
                        (s.parse().unwrap(), e.parse().unwrap())
                    })
                    .collect();
                ts.insert(cols[0].to_string(), TextBound { ty: ty.to_string(), fragments, text: cols[2].to_string() });
            }
            b'R' => {
                let parts: Vec<&str> = cols[1].split(' ').collect();
                let arg = |p: &str, name: &str| p.strip_prefix(name).unwrap().to_string();
                rs.push((parts[0].to_string(), arg(parts[1], "Arg1:"), arg(parts[2], "Arg2:")));
            }
            b'#' => {
                let (kind, target) = cols[1].split_once(' ').unwrap();
                assert_eq!(kind, "AnnotatorNotes");
                notes.push((target.to_string(), cols[2].to_string()));
            }
            _ => panic!("unexpected .ann line {line:?}"),
        }
    }
    (ts, rs, notes)
}

#[test]
fn brat_export_of_seeds_round_trips() {
    let ws = Workspace::new();
    let out = ws.run(&["extract", "seeds", "--format", "brat", "-o", "brat", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = ws.run(&["extract", "seeds", "-o", "rows.csv", "--no-glossary", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = records(&ws.read("rows.csv"));
    let mut discontinuous = 0;
    let mut relations = 0;
    for entry in std::fs::read_dir(ws.path("seeds")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let stem = name.strip_suffix(".txt").unwrap();
        let source = std::fs::read_to_string(ws.path("seeds").join(&name)).unwrap();
        let txt = std::fs::read_to_string(ws.path("brat").join(format!("{stem}.txt"))).unwrap();
        assert_eq!(txt, source, "{stem}.txt is the exact source text");
        let chars: Vec<char> = txt.chars().collect();
        let (ts, rs, notes) = parse_ann(&ws.read(&format!("brat/{stem}.ann")));
        for (id, t) in &ts {
            let slices: Vec<String> = t.fragments.iter().map(|&(s, e)| chars[s..e].iter().collect()).collect();
            assert_eq!(t.text, slices.join(" "), "{stem}.ann {id}: text against the .txt");
            assert!(slices.iter().all(|s| !s.contains(['\n', '\r'])), "{stem}.ann {id}: a fragment crosses a line");
            discontinuous += usize::from(t.fragments.len() > 1);
        }
        // Rows first, in CSV order: T1..Tn are the n rows of the document.
        let doc_rows: Vec<&Vec<String>> = rows.iter().skip(1).filter(|r| r[0] == name).collect();
        assert!(!doc_rows.is_empty());
        for (i, r) in doc_rows.iter().enumerate() {
            let t = &ts[&format!("T{}", i + 1)];
            assert_eq!(t.ty, r[2], "{stem} T{}: type", i + 1);
            let (cs, ce): (usize, usize) = (r[8].parse().unwrap(), r[9].parse().unwrap());
            assert!(t.fragments[0].0 >= cs && t.fragments.last().unwrap().1 <= ce, "{stem} T{}: inside the row", i + 1);
            let note = &notes.iter().find(|(target, _)| *target == format!("T{}", i + 1)).unwrap().1;
            assert!(note.contains(&format!("rule={}", r[12])), "{stem} T{}: note {note}", i + 1);
        }
        for (ty, from, to) in &rs {
            assert!(ts.contains_key(from) && ts.contains_key(to), "{stem}: relation to a missing T");
            if ty == "Long_form" {
                assert_eq!(ts[from].ty, "DEFINITION");
                let r = doc_rows[from[1..].parse::<usize>().unwrap() - 1];
                let long_form = &source[r[13].parse::<usize>().unwrap()..r[14].parse::<usize>().unwrap()];
                let pieces: Vec<&str> = long_form.split(['\n', '\r']).filter(|p| !p.is_empty()).collect();
                assert_eq!(ts[to].text, pieces.join(" "), "{stem}: long form");
                relations += 1;
            }
        }
    }
    let definitions = rows.iter().filter(|r| r[2] == "DEFINITION" && !r[13].is_empty()).count();
    assert_eq!(relations, definitions, "every definition is linked to its long form");
    assert!(discontinuous > 0, "the seeds have names split over lines (エス\\nトニア)");
    let conf = ws.read("brat/annotation.conf");
    assert!(conf.contains("[entities]\nCOUNTRY\n") && conf.contains("Long_form\tArg1:DEFINITION"), "{conf}");
}
