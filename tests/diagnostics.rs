//! Bad rule files: each error names the file, line and column, shows the
//! line with a caret, and names the rule. Messages are pinned by snapshots
//! in `tests/snapshots/`; review changes with care.

use yomitori::diagnostic::SourceFile;
use yomitori::rules::load::load_files;

/// Loads one in-memory rule file at `rules/bad.toml` and renders the error.
fn diagnose(text: &str) -> String {
    let file = SourceFile::new("rules/bad.toml", text.to_string());
    match load_files(&[file], &yomitori::families::catalog()) {
        Ok(_) => panic!("rules loaded, but an error was expected"),
        Err(e) => {
            assert!(e.is_rules());
            e.to_string()
        }
    }
}

#[test]
fn syntax_error() {
    insta::assert_snapshot!(diagnose("[[rule]]\nid = \"x\"\nkind = \"date\"\ntype = \"DATE\"\npattern = 'a\n"));
}

#[test]
fn unknown_field() {
    insta::assert_snapshot!(diagnose(
        "[[rule]]\nid = \"year\"\nkind = \"date\"\ntype = \"DATE\"\npatern = '[0-9]{4}'\n"
    ));
}

#[test]
fn invalid_regex() {
    insta::assert_snapshot!(diagnose(
        "[[rule]]\nid = \"ja-era\"\nkind = \"date\"\ntype = \"DATE\"\npattern = '(?P<era>平成|令和)(?P<year>[0-9]{1,2}年'\n"
    ));
}

#[test]
fn invalid_regex_inside_macro() {
    insta::assert_snapshot!(diagnose(
        "[macros]\nmonth = 'Jan|Feb|[Mar'\n\n[[rule]]\nid = \"en-month\"\nkind = \"date\"\ntype = \"DATE\"\npattern = '{month} [0-9]{4}'\n"
    ));
}

#[test]
fn missing_gazetteer() {
    insta::assert_snapshot!(diagnose(
        "[[rule]]\nid = \"countries\"\nkind = \"entity\"\ntype = \"COUNTRY\"\ngazetteer = \"gazetteers/no-such-file.csv\"\n"
    ));
}

#[test]
fn unknown_macro_and_kind_are_all_reported_in_order() {
    insta::assert_snapshot!(diagnose(
        "[[rule]]\nid = \"a\"\nkind = \"entitiy\"\ntype = \"X\"\npattern = 'x'\n\n[[rule]]\nid = \"b\"\nkind = \"date\"\ntype = \"DATE\"\npattern = '{nope}'\n\n[[rule]]\nid = \"a\"\nkind = \"date\"\ntype = \"DATE\"\npattern = 'y'\n"
    ));
}

#[test]
fn unknown_normalizer_and_slow_boundary() {
    insta::assert_snapshot!(diagnose(
        "[[rule]]\nid = \"n\"\nkind = \"date\"\ntype = \"DATE\"\npattern = '\\b[0-9]{4}\\b'\nnormalizer = \"dates\"\n"
    ));
}

#[test]
fn empty_match_and_missing_source() {
    insta::assert_snapshot!(diagnose(
        "[[rule]]\nid = \"e\"\nkind = \"date\"\ntype = \"DATE\"\npattern = '[0-9]*'\n\n[[rule]]\nid = \"s\"\nkind = \"date\"\ntype = \"DATE\"\n"
    ));
}

#[test]
fn bad_gazetteer_rows_point_into_the_csv() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("g.csv"), "surface,canonical,colour\nJapan,Japan,red\n,Nowhere,\n").unwrap();
    let toml = dir.path().join("bad.toml");
    std::fs::write(&toml, "[[rule]]\nid = \"g\"\nkind = \"entity\"\ntype = \"COUNTRY\"\ngazetteer = \"g.csv\"\n")
        .unwrap();
    let err = yomitori::rules::load_dir(dir.path(), &yomitori::families::catalog()).unwrap_err().to_string();
    let err = err.replace(&dir.path().display().to_string(), "<dir>");
    insta::assert_snapshot!(err);
}

/// `[tables]`: a missing file, a macro naming no column, a bad era row
/// (pointed at in the CSV), and a rule whose captures need a table that is
/// not defined. See: issue 3.
#[test]
fn tables_are_checked_where_they_are_written() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("eras.csv"),
        "name,first_day,last_day,latin,kanji\n平成,1989-01-08,,H,平\n令和,2019-02-30,,R,令\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("bad.toml"),
        "[tables.eras]\npath = \"eras.csv\"\nmacros = { era = \"nmae\" }\n\n[tables.gone]\npath = \"gone.csv\"\n\n\
         [[rule]]\nid = \"rel\"\nkind = \"date\"\ntype = \"DATE\"\nnormalizer = \"date\"\npattern = '(?P<relative>today)'\n",
    )
    .unwrap();
    let err = yomitori::rules::load_dir(dir.path(), &yomitori::families::catalog()).unwrap_err().to_string();
    let err = err.replace(&dir.path().display().to_string(), "<dir>");
    insta::assert_snapshot!(err);
}
