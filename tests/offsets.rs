//! The offset invariants of the CSV contract, over the seeds output and over
//! generated text: `text == source[start..end]`, character offsets,
//! line:column, and references inside the document.

use std::collections::HashMap;

use proptest::prelude::*;
use yomitori::pipeline::RunOptions;
use yomitori::{Document, Row};

use crate::util::{records, root, seeds_csv, shipped};

fn check_row(source: &str, r: &Row) {
    assert!(r.start <= r.end && r.end <= source.len(), "{r:?}");
    assert_eq!(r.text, &source[r.start..r.end], "text is not source[start..end]: {r:?}");
    assert_eq!(r.char_start, source[..r.start].chars().count(), "{r:?}");
    assert_eq!(r.char_end, source[..r.end].chars().count(), "{r:?}");
    let line_start = source[..r.start].rfind('\n').map_or(0, |p| p + 1);
    assert_eq!(r.line, source[..r.start].matches('\n').count() + 1, "{r:?}");
    let bom = usize::from(line_start == 0 && source.starts_with('\u{FEFF}') && r.start > 0);
    assert_eq!(r.column, source[line_start..r.start].chars().count() + 1 - bom, "{r:?}");
    match (r.ref_start, r.ref_end) {
        (None, None) => {}
        (Some(a), Some(b)) => {
            assert!(a <= b && b <= source.len() && source.is_char_boundary(a) && source.is_char_boundary(b));
        }
        _ => panic!("half a reference: {r:?}"),
    }
}

#[test]
fn every_seeds_row_points_at_its_text() {
    let csv = seeds_csv(&RunOptions::default());
    let rows = records(&csv);
    assert_eq!(rows[0], yomitori::HEADER);
    let mut sources: HashMap<String, String> = HashMap::new();
    let mut kinds = std::collections::BTreeSet::new();
    for rec in &rows[1..] {
        let source = sources
            .entry(rec[0].clone())
            .or_insert_with(|| std::fs::read_to_string(root().join("seeds").join(&rec[0])).unwrap());
        let n = |i: usize| rec[i].parse::<usize>().unwrap();
        let opt = |i: usize| (!rec[i].is_empty()).then(|| n(i));
        kinds.insert(rec[1].clone());
        let row = Row {
            doc: rec[0].as_str().into(),
            kind: *crate::util::shipped().kinds().iter().find(|k| k.as_str() == rec[1]).unwrap(),
            ty: rec[2].as_str().into(),
            text: rec[3].clone(),
            normalized: rec[4].clone(),
            id: rec[5].clone(),
            start: n(6),
            end: n(7),
            char_start: n(8),
            char_end: n(9),
            line: n(10),
            column: n(11),
            rule: rec[12].as_str().into(),
            ref_start: opt(13),
            ref_end: opt(14),
            flags: rec[15].clone(),
            key: None,
        };
        check_row(source, &row);
    }
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), ["acronym", "amount", "date", "entity"], "all four kinds appear");
}

/// Pieces that exercise folding, transparent line breaks and matches.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "Japan",
        "U.S.",
        "日本",
        "米国",
        "アメリカ",
        "ＪＡＰＡＮ",
        "２０１９年１２月３日",
        "令和元年",
        "平成\n31年",
        "19（令和元）年12月",
        "March 2015",
        "Space Situational Awareness (SSA)",
        "（S\n\nSpace Situational Awareness\nSA）",
        "\n",
        "\n\n",
        " ",
        "　",
        "、",
        "㈱",
        "ｶﾞ",
        "e\u{301}",
        "\u{FEFF}",
        "\r\n",
        "😀",
        "Ｊａｐａｎｅｓｅ",
        "(",
        ")",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]
    #[test]
    fn generated_text_keeps_offsets(parts in prop::collection::vec(piece(), 0..40)) {
        let text: String = parts.concat();
        let rows = shipped().extract(&Document::new("gen", text.clone()));
        for r in &rows {
            check_row(&text, r);
        }
    }
}
