//! The shipped rules built into the binary: first contact from a folder
//! without `rules/`, `rules dump`, and a missing `--rules` folder.

use crate::util::{root, stderr, Workspace};

#[test]
fn outside_the_repository_the_builtin_rules_are_used() {
    let ws = Workspace::new();
    std::fs::remove_dir_all(ws.path("rules")).unwrap();
    ws.write("memo.txt", "Since March 2015, Japan and France (令和元年).\n");
    let out = ws.run(&["extract", "memo.txt", "-o", "out.csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("rules: built-in"), "{err}");
    let csv = ws.read("out.csv");
    for expected in [",date,DATE,March 2015,2015-03,", ",entity,COUNTRY,Japan,Japan,JP,", ",date,DATE,令和元年,2019,"]
    {
        assert!(csv.contains(expected), "missing {expected} in\n{csv}");
    }
}

#[test]
fn builtin_rules_give_the_same_rows_as_the_rules_folder() {
    let ws = Workspace::new();
    let with_folder = ws.run(&["extract", "seeds", "-o", "a.csv"]);
    assert!(stderr(&with_folder).contains("rules: ./rules"), "{}", stderr(&with_folder));
    std::fs::remove_dir_all(ws.path("rules")).unwrap();
    let built_in = ws.run(&["extract", "seeds", "-o", "b.csv"]);
    assert_eq!(built_in.status.code(), Some(0), "{}", stderr(&built_in));
    assert_eq!(ws.read("a.csv"), ws.read("b.csv"));
}

#[test]
fn rules_dump_writes_the_shipped_rules_for_editing() {
    let ws = Workspace::new();
    let out = ws.run(&["rules", "dump", "mine"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for rel in ["dates.toml", "dates/eras.csv", "gazetteers/countries.csv"] {
        assert_eq!(
            std::fs::read(ws.path("mine").join(rel)).unwrap(),
            std::fs::read(root().join("rules").join(rel)).unwrap(),
            "{rel}"
        );
    }
    // A dumped folder is a working rules folder.
    let lint = ws.run(&["rules", "lint", "--rules", "mine"]);
    assert_eq!(lint.status.code(), Some(0), "{}", stderr(&lint));
    // It refuses to write into a folder that has files.
    let again = ws.run(&["rules", "dump", "mine"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("not empty"), "{}", stderr(&again));
}

#[test]
fn a_missing_rules_folder_says_so_and_suggests_dump() {
    let ws = Workspace::new();
    let out = ws.run(&["extract", "seeds", "--rules", "nosuch", "-o", "out.csv"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("rules folder not found: nosuch"), "{err}");
    assert!(err.contains("yomitori rules dump nosuch"), "{err}");
    assert!(!ws.path("out.csv").exists());
}

#[test]
fn rule_files_in_memory_resolve_their_data_files() {
    let rules = r#"
[[rule]]
id = "fruit"
kind = "entity"
type = "ORG"
gazetteer = "lists/fruit.csv"
"#;
    let ex = yomitori::Extractor::builder()
        .rule_files([
            ("mem/fruit.toml", rules),
            ("mem/lists/fruit.csv", "surface,canonical,id\nBanana Corp,Banana Corporation,org:banana\n"),
        ])
        .build()
        .unwrap();
    let rows = ex.extract(&yomitori::Document::new("d", "We met Banana Corp today."));
    assert_eq!(rows.len(), 1);
    assert_eq!(
        (rows[0].text.as_str(), rows[0].normalized.as_str(), rows[0].id.as_str()),
        ("Banana Corp", "Banana Corporation", "org:banana")
    );
}
