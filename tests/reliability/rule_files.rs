//! Case 5, rule files: a non-UTF-8 rule file or gazetteer is reported at
//! file:line:col with the standard diagnostic; a regex over the size limit
//! at its pattern, with the limit and the size it would need.

use crate::util::{stderr, Workspace};

#[test]
fn non_utf8_rule_file_names_line_and_column() {
    let ws = Workspace::new();
    ws.write("rules/zz_bad.toml", b"[[rule]]\nid = \"x\"\ndescription = \"ab\xffc\"\n".as_slice());
    let out = ws.run(&["rules", "lint"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("error[not-utf8]"), "{err}");
    assert!(err.contains("--> rules/zz_bad.toml:3:18"), "{err}");
    assert!(err.contains("byte 35"), "{err}");
}

#[test]
fn non_utf8_gazetteer_names_line_and_column() {
    let ws = Workspace::new();
    ws.write("rules/zz_gaz.toml", "[[rule]]\nid = \"g\"\nkind = \"entity\"\ntype = \"X\"\ngazetteer = \"zz.csv\"\n");
    ws.write("rules/zz.csv", b"surface,canonical,id\nAbc,Abc,\nD\xe9f,Def,\n".as_slice());
    let out = ws.run(&["rules", "lint"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("error[not-utf8]"), "{err}");
    assert!(err.contains("--> rules/zz.csv:3:2"), "{err}");
    assert!(!err.contains("missing-gazetteer"), "the file is there: {err}");
}

#[test]
fn regex_over_the_size_limit_is_reported_at_the_pattern() {
    let ws = Workspace::new();
    ws.write(
        "rules/zz_big.toml",
        "[[rule]]\nid = \"big\"\nkind = \"entity\"\ntype = \"X\"\npattern = 'a{1000}{1000}'\nwhole_word = false\n",
    );
    let out = ws.run(&["rules", "lint"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("error[regex-too-large]"), "{err}");
    assert!(err.contains("--> rules/zz_big.toml:5:12"), "at the pattern: {err}");
    assert!(err.contains("limit") && err.contains("MiB"), "{err}");
    assert!(err.contains("would need"), "{err}");
}

/// Edge conditions are built on first use, so their size is checked when
/// the rules compile: a run must not fail at the first candidate.
#[test]
fn condition_over_the_size_limit_is_reported_when_rules_compile() {
    let ws = Workspace::new();
    ws.write(
        "rules/zz_big.toml",
        "[[rule]]\nid = \"big\"\nkind = \"entity\"\ntype = \"X\"\npattern = 'ab'\nafter = 'a{1000}{1000}'\n",
    );
    let out = ws.run(&["rules", "lint"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("error[regex-too-large]"), "{err}");
    assert!(err.contains("--> rules/zz_big.toml:6:10"), "at the condition: {err}");
    assert!(err.contains("would need"), "{err}");
}
