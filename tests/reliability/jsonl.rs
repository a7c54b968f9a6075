//! Case 5, JSON Lines: a BOM on input is skipped, `--excel` writes no BOM
//! on JSON Lines output, duplicate and empty ids are errors per record.

use crate::util::{records, stderr, stdout, Workspace};

#[test]
fn a_bom_does_not_lose_the_first_record() {
    let ws = Workspace::new();
    ws.write("bom.jsonl", "\u{FEFF}{\"id\": \"a\", \"text\": \"Japan\"}\n{\"id\": \"b\", \"text\": \"France\"}\n");
    let out = ws.run(&["extract", "--input-format", "jsonl", "bom.jsonl", "-o", "-"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows = records(&stdout(&out));
    let docs: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(docs, ["a", "b"]);
}

#[test]
fn excel_json_lines_has_no_bom_and_parses() {
    let ws = Workspace::new();
    let out = ws.run_with_stdin(
        &["extract", "-", "-o", "-", "--format", "jsonl", "--excel"],
        Some("=Japan since March 2015".as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(!text.starts_with('\u{FEFF}'), "no BOM on JSON Lines");
    let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!lines.is_empty());
}

#[test]
fn duplicate_and_empty_ids_are_errors_with_their_line() {
    let ws = Workspace::new();
    let input = "{\"id\": \"a\", \"text\": \"Japan\"}\n{\"id\": \"a\", \"text\": \"France\"}\n{\"id\": \"\", \"text\": \"Germany\"}\n{\"id\": \"b\", \"text\": \"Italy\"}\n";
    let out = ws.run_with_stdin(&["extract", "--input-format", "jsonl", "-", "-o", "-"], Some(input.as_bytes()));
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("error: duplicate document id: -:2: \"a\" is already on line 1;"), "{err}");
    assert!(err.contains("error: empty document id: -:3: "), "{err}");
    let rows = records(&stdout(&out));
    let got: Vec<(&str, &str)> = rows[1..].iter().map(|r| (r[0].as_str(), r[3].as_str())).collect();
    assert_eq!(got, [("a", "Japan"), ("b", "Italy")]);

    let out = ws.run_with_stdin(
        &["extract", "--input-format", "jsonl", "-", "-o", "-", "--allow-duplicate-ids"],
        Some(input.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(records(&stdout(&out)).len(), 5);
}

#[test]
fn duplicate_ids_across_files_are_found() {
    let ws = Workspace::new();
    ws.write("in/1.jsonl", "{\"id\": \"x\", \"text\": \"Japan\"}\n");
    ws.write("in/2.jsonl", "{\"id\": \"y\", \"text\": \"Japan\"}\n{\"id\": \"x\", \"text\": \"France\"}\n");
    let out = ws.run(&["extract", "--input-format", "jsonl", "in", "-o", "-"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("error: duplicate document id: 2.jsonl:2: \"x\" is already on 1.jsonl:1;"), "{err}");
}
