//! The acronym glossaries from the command line: where they are written,
//! and what they hold.

use crate::util::{records, stderr, Workspace};

#[test]
fn glossary_path_follows_the_flags() {
    let ws = Workspace::new();
    // Rows to stdout: no glossary unless asked for.
    let out = ws.run(&["extract", "seeds", "-o", "-", "--glossary", "g/terms.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows = records(&ws.read("g/terms.csv"));
    assert_eq!(rows[0], ["doc", "short", "long", "variants", "definitions", "mentions", "first_start"]);
    // One row per short form per document: the English gloss is canonical,
    // the Japanese long form of the same document a variant.
    let ssa: Vec<_> = rows.iter().filter(|r| r[1] == "SSA").collect();
    assert_eq!(ssa.len(), 3, "{ssa:?}");
    let ja = ssa.iter().find(|r| r[0] == "002_a89485053486f3ae.txt").expect("SSA in the Japanese seed");
    assert_eq!(&ja[2..], ["Space Situational Awareness", "宇宙状況監視", "2", "3", "1076"], "{ja:?}");
    let mut keys: Vec<(&str, &str)> = rows[1..].iter().map(|r| (r[0].as_str(), r[1].as_str())).collect();
    let n = keys.len();
    keys.dedup();
    assert_eq!(keys.len(), n, "one row per (document, short form)");

    // The corpus glossary follows --glossary: one row per pair, documents counted.
    let pairs = records(&ws.read("g/acronym-pairs.csv"));
    assert_eq!(pairs[0], ["short", "long", "documents", "definitions", "mentions", "first_doc", "first_start"]);
    let ssa = pairs.iter().find(|r| r[0] == "SSA" && r[1] == "Space Situational Awareness").expect("SSA row");
    // Mentions: 6, one of them the known-expansion mention of SSA before seed
    // 000 defines it (docs/acronyms.md, "The known-expansions file").
    assert_eq!(&ssa[2..6], ["3", "4", "6", "000_4134859e788760ab.txt"], "{ssa:?}");
    assert!(pairs.iter().any(|r| r[0] == "SSA" && r[1] == "宇宙状況監視"), "the Japanese long form is its own pair");

    let out = ws.run(&["extract", "seeds", "-o", "-"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!ws.path("acronyms.csv").exists() && !ws.path("acronym-pairs.csv").exists());

    let out = ws.run(&["extract", "seeds", "-o", "out/rows.csv", "--no-glossary"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(ws.path("out/rows.csv").exists() && !ws.path("out/acronyms.csv").exists());
    assert!(!ws.path("out/acronym-pairs.csv").exists(), "--no-glossary turns both off");

    let out = ws.run(&["extract", "seeds", "-o", "both/rows.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(ws.path("both/acronyms.csv").exists() && ws.path("both/acronym-pairs.csv").exists());

    // The glossaries never overwrite the rows or each other.
    let out = ws.run(&["extract", "seeds", "-o", "out/acronyms.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("the glossary would overwrite the output"), "{}", stderr(&out));
    let out = ws.run(&["extract", "seeds", "-o", "out/acronym-pairs.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--glossary or --no-glossary"), "{}", stderr(&out));
    let out = ws.run(&["extract", "seeds", "-o", "x/rows.csv", "--glossary", "x/acronym-pairs.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("would overwrite the glossary"), "{}", stderr(&out));
}
