//! Inline examples: every `[[rule.example]]` of the shipped rules passes,
//! and a failing one is reported with its rule, file and line.

use yomitori::check::examples;

use crate::util::{shipped, stderr, Workspace};

#[test]
fn shipped_inline_examples_pass() {
    let report = examples::run_all(shipped());
    let failures: Vec<String> = report.failures.iter().map(ToString::to_string).collect();
    assert!(failures.is_empty(), "{} of {} examples failed:\n\n{}", failures.len(), report.run, failures.join("\n\n"));
    assert!(report.run >= shipped().rules().len(), "every rule should carry at least one example");
}

#[test]
fn every_shipped_rule_has_an_example() {
    let bare: Vec<&str> = shipped().rules().iter().filter(|r| r.examples.is_empty()).map(|r| &*r.name).collect();
    assert!(bare.is_empty(), "rules without inline examples: {bare:?}");
}

#[test]
fn failing_example_names_rule_file_and_line() {
    let ws = Workspace::new();
    ws.write(
        "rules/zz_test.toml",
        "[[rule]]\nid = \"wrong\"\nkind = \"entity\"\ntype = \"X\"\npattern = 'Tokyo'\n\n[[rule.example]]\ntext = \"in Tokyo\"\nexpect = [{ text = \"Tokyo\", normalized = \"Kyoto\" }]\n",
    );
    let out = ws.run(&["rules", "test"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("error[example-failed]: rule \"wrong\": row `Tokyo`: expected normalized `Kyoto`, got `Tokyo`"),
        "{err}"
    );
    assert!(err.contains("rules/zz_test.toml:7:1"), "{err}");
    assert!(err.contains("1 failed"), "{err}");
}

/// The worked example of `docs/rules.md`, copied into
/// `tests/fixtures/worked_example/`, loads, passes its examples and writes
/// the row the docs show.
#[test]
fn docs_worked_example_runs() {
    let dir = crate::util::root().join("tests/fixtures/worked_example");
    let docs = std::fs::read_to_string(crate::util::root().join("docs/rules.md")).unwrap();
    for f in ["ministers.toml", "gazetteers/ministries.csv"] {
        let body = std::fs::read_to_string(dir.join(f)).unwrap();
        assert!(docs.contains(&body), "{f} differs from the worked example in docs/rules.md");
    }
    let ex = yomitori::Extractor::builder().rules(&dir).build().unwrap();
    let report = examples::run_all(&ex);
    assert_eq!((report.run, report.failures.len()), (2, 0), "{:?}", report.failures);
    let rows = ex.extract(&yomitori::Document::new("memo.txt", "外務省と防衛省"));
    let mut w = yomitori::emit::RowWriter::new(Vec::new(), yomitori::Format::Csv, false).unwrap();
    w.write(&rows[0]).unwrap();
    let csv = String::from_utf8(w.finish().unwrap()).unwrap();
    let expected = std::fs::read_to_string(dir.join("expected.csv")).unwrap();
    assert_eq!(csv, expected);
    assert!(docs.contains(&expected));
}
