//! One error style: `error: <what>: <path>: <reason>`, the OS reason once,
//! the same text in the library's `Display`.

use crate::util::{stderr, Workspace};

#[test]
fn a_missing_document_is_named_once_with_its_reason() {
    let ws = Workspace::new();
    let out = ws.run(&["extract", "seeds", "nosuch.txt", "-o", "x.csv", "-q"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("error: cannot read document: nosuch.txt: No such file or directory (os error 2)\n"), "{err}");
    assert_eq!(err.matches("os error").count(), 1, "{err}");
}

#[test]
fn an_output_that_cannot_be_created_is_named_once() {
    let ws = Workspace::new();
    ws.write("afile", "x");
    let out = ws.run(&["extract", "seeds", "-o", "afile/x.csv", "-q"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.starts_with("error: cannot create the output folder: afile: "), "{err}");
    assert_eq!(err.matches("os error").count(), 1, "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn a_missing_rules_folder_suggests_rules_dump() {
    let ws = Workspace::new();
    let out = ws.run(&["extract", "seeds", "--rules", "nosuch", "-o", "x.csv"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.starts_with("error: rules folder not found: nosuch"), "{err}");
    assert!(err.contains("yomitori rules dump nosuch"), "{err}");
}

#[test]
fn merge_of_a_missing_shard_file_is_named_once() {
    let ws = Workspace::new();
    let out = ws.run(&["merge", "nosuch.csv"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.starts_with("error: cannot read shard: nosuch.csv: "), "{err}");
    assert_eq!(err.matches("os error").count(), 1, "{err}");
}

#[test]
fn library_display_has_the_same_style() {
    let err = yomitori::Extractor::builder().rules("/nonexistent/rules").build().unwrap_err();
    let text = err.to_string();
    assert_eq!(text, "cannot read the rules folder: /nonexistent/rules: No such file or directory (os error 2)");
    // Printed with its chain (as the binary does), the reason stays once.
    let chained = format!("{:#}", anyhow::Error::from(err));
    assert_eq!(chained.matches("os error 2").count(), 1, "{chained}");
}
