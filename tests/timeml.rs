//! `extract --format timeml`: every `.tml` file parses as XML, its TIMEX3
//! attributes are well-formed, its `TEXT` element's text nodes are the
//! document exactly, and its TIMEX3 elements are the document's date rows
//! (nested ones left out). Over `seeds/` (with and without `--anchor`), a
//! small document with `&`, `<`, `>`, quotes, CR LF line ends and Japanese,
//! and a JSON Lines record with a `date`. See: issue 12, item 8.

use std::collections::BTreeSet;

use crate::util::{records, stderr, Workspace};

/// One TIMEX3 of the `TEXT` element: byte span in the text, text, attributes.
#[derive(Debug)]
struct Timex {
    start: usize,
    end: usize,
    text: String,
    tid: String,
    value: String,
    anchor: Option<String>,
}

/// A parsed `.tml` file: the `TEXT` element's text, its TIMEX3 elements,
/// and the DCT's value.
struct Tml {
    text: String,
    timexes: Vec<Timex>,
    dct: Option<String>,
}

fn check_attributes(n: roxmltree::Node<'_, '_>, file: &str) {
    let tid = n.attribute("tid").unwrap_or_else(|| panic!("{file}: TIMEX3 without tid"));
    assert!(tid.len() > 1 && tid.starts_with('t') && tid[1..].bytes().all(|b| b.is_ascii_digit()), "{file}: tid {tid}");
    let ty = n.attribute("type").unwrap_or_default();
    assert!(["DATE", "TIME", "DURATION", "SET"].contains(&ty), "{file} {tid}: type {ty:?}");
    let value = n.attribute("value").unwrap_or_default();
    assert!(!value.is_empty() && !value.contains(char::is_whitespace), "{file} {tid}: value {value:?}");
    if let Some(m) = n.attribute("mod") {
        assert!(["START", "MID", "END"].contains(&m), "{file} {tid}: mod {m}");
    }
    if let Some(f) = n.attribute("temporalFunction") {
        assert!(["true", "false"].contains(&f), "{file} {tid}: temporalFunction {f}");
    }
    if n.attribute("anchorTimeID").is_some() {
        assert_eq!(n.attribute("temporalFunction"), Some("true"), "{file} {tid}: anchored but not a function");
    }
    if let Some(f) = n.attribute("freq") {
        assert!(ty == "SET" && f.ends_with('X'), "{file} {tid}: freq {f}");
    }
    assert!(n.children().all(|c| c.is_text()), "{file} {tid}: TIMEX3 elements do not nest");
}

fn parse(xml: &str, file: &str) -> Tml {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{file}: {e}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "TimeML", "{file}");
    let dct = root.children().find(|c| c.has_tag_name("DCT")).map(|d| {
        let t = d.children().find(|c| c.has_tag_name("TIMEX3")).expect("a DCT holds a TIMEX3");
        check_attributes(t, file);
        assert_eq!(t.attribute("tid"), Some("t0"), "{file}: DCT tid");
        assert_eq!(t.attribute("functionInDocument"), Some("CREATION_TIME"), "{file}: DCT function");
        t.attribute("value").unwrap().to_string()
    });
    let text_el = root.children().find(|c| c.has_tag_name("TEXT")).unwrap_or_else(|| panic!("{file}: no TEXT"));
    let mut text = String::new();
    let mut timexes = Vec::new();
    for n in text_el.children() {
        if n.is_text() {
            text.push_str(n.text().unwrap());
        } else if n.has_tag_name("TIMEX3") {
            check_attributes(n, file);
            let inner = n.text().unwrap_or_default();
            let start = text.len();
            text.push_str(inner);
            timexes.push(Timex {
                start,
                end: text.len(),
                text: inner.to_string(),
                tid: n.attribute("tid").unwrap().to_string(),
                value: n.attribute("value").unwrap().to_string(),
                anchor: n.attribute("anchorTimeID").map(str::to_string),
            });
        } else {
            assert!(!n.is_element(), "{file}: unexpected element {:?} in TEXT", n.tag_name());
        }
    }
    let tids: BTreeSet<&str> = timexes.iter().map(|t| t.tid.as_str()).collect();
    assert_eq!(tids.len(), timexes.len(), "{file}: tids are unique");
    for t in &timexes {
        if let Some(a) = &t.anchor {
            assert!(tids.contains(a.as_str()) || (a == "t0" && dct.is_some()), "{file} {}: anchorTimeID {a}", t.tid);
        }
    }
    Tml { text, timexes, dct }
}

/// The date rows of `doc` in the CSV as TIMEX3 spans: by start, the longer
/// first, a row starting inside the last kept one left out.
fn expected(rows: &[Vec<String>], doc: &str) -> Vec<(usize, usize, String, String)> {
    let mut dates: Vec<(usize, usize, String, String)> = rows
        .iter()
        .skip(1)
        .filter(|r| r[0] == doc && r[1] == "date")
        .map(|r| (r[6].parse().unwrap(), r[7].parse().unwrap(), r[3].clone(), r[4].clone()))
        .filter(|r: &(usize, usize, String, String)| r.0 < r.1)
        .collect();
    dates.sort_by_key(|r| (r.0, std::cmp::Reverse(r.1)));
    let mut kept: Vec<(usize, usize, String, String)> = Vec::new();
    for d in dates {
        if kept.last().is_none_or(|k| d.0 >= k.1) {
            kept.push(d);
        }
    }
    kept
}

/// Runs `extract` on `input` as TimeML and as CSV with `extra` flags, and
/// checks each document; returns the parsed files by document id.
fn round_trip(ws: &Workspace, input: &str, extra: &[&str], docs: &[(&str, &str)]) -> Vec<Tml> {
    let mut args = vec!["extract", input, "--format", "timeml", "-o", "tml", "-q"];
    args.extend_from_slice(extra);
    let out = ws.run(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut args = vec!["extract", input, "-o", "rows.csv", "--no-glossary", "-q"];
    args.extend_from_slice(extra);
    let out = ws.run(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = records(&ws.read("rows.csv"));
    let mut parsed = Vec::new();
    for (id, source) in docs {
        let stem = id.strip_suffix(".txt").unwrap_or(id);
        let file = format!("tml/{stem}.tml");
        let tml = parse(&ws.read(&file), &file);
        assert!(tml.text == *source, "{file}: the TEXT element's text is the document byte for byte");
        let want = expected(&rows, id);
        assert!(!want.is_empty(), "{file}: the document has date rows");
        let got: Vec<(usize, usize, String, String)> =
            tml.timexes.iter().map(|t| (t.start, t.end, t.text.clone(), t.value.clone())).collect();
        assert_eq!(got, want, "{file}: the TIMEX3 elements are the date rows");
        parsed.push(tml);
    }
    parsed
}

fn seed_documents(ws: &Workspace) -> Vec<(String, String)> {
    let mut docs: Vec<(String, String)> = std::fs::read_dir(ws.path("seeds"))
        .unwrap()
        .map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            let text = std::fs::read_to_string(ws.path("seeds").join(&name)).unwrap();
            (name, text)
        })
        .collect();
    docs.sort();
    docs
}

#[test]
fn timeml_of_seeds_round_trips() {
    let ws = Workspace::new();
    let docs = seed_documents(&ws);
    let docs: Vec<(&str, &str)> = docs.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let plain = round_trip(&ws, "seeds", &[], &docs);
    assert!(plain.iter().all(|t| t.dct.is_none()), "no reference date without --anchor");
    assert!(plain.iter().all(|t| t.timexes.iter().all(|x| x.anchor.is_none())));
    let anchored = round_trip(&ws, "seeds", &["--anchor"], &docs);
    // Seed 003 has no dateline: its reference is its dominant year, 2020.
    let i = docs.iter().position(|(id, _)| id.starts_with("003_")).unwrap();
    assert_eq!(anchored[i].dct.as_deref(), Some("2020"));
    assert!(anchored[i].timexes.iter().filter(|t| t.anchor.as_deref() == Some("t0")).count() > 10);
}

#[test]
fn timeml_escapes_and_keeps_crlf_and_japanese() {
    let ws = Workspace::new();
    let text = "Tokyo, January 27, 2022\r\nA & B <said> \"no\" > 'yes' on Wednesday.\r\n\
                令和2年12月3日に会議＆協議。同月、R&D <計画> を発表。\r\nIn October & November 2021.\r\n";
    ws.write("synthetic/doc.txt", text);
    let parsed = round_trip(&ws, "synthetic", &["--anchor"], &[("doc.txt", text)]);
    let tml = &parsed[0];
    assert_eq!(tml.dct.as_deref(), Some("2022-01-27"), "the dateline is the reference date");
    let wednesday = tml.timexes.iter().find(|t| t.text == "Wednesday").unwrap();
    assert_eq!((wednesday.value.as_str(), wednesday.anchor.as_deref()), ("2022-01-26", Some("t0")));
    let raw = ws.read("tml/doc.tml");
    assert!(raw.contains("A &amp; B &lt;said&gt;") && raw.contains("&#13;\n"), "{raw}");
}

#[test]
fn timeml_dct_from_a_record_date() {
    let ws = Workspace::new();
    let text = "The ministers met on Wednesday & agreed to meet again in March.";
    let record = serde_json::json!({ "id": "news/1", "text": text, "date": "2021-05-27" });
    ws.write("in/records.jsonl", format!("{record}\n"));
    let parsed = round_trip(&ws, "in", &["--input-format", "jsonl", "--anchor"], &[("news/1", text)]);
    assert_eq!(parsed[0].dct.as_deref(), Some("2021-05-27"));
    assert!(parsed[0].timexes.iter().all(|t| t.anchor.as_deref() == Some("t0")), "{:?}", parsed[0].timexes);
}
