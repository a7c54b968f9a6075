//! `yomitori explain`: one case per drop reason, read from the traces the
//! stages record, and the country inside an event name. See: issue 15.

use crate::util::{stderr, stdout, Workspace};

/// The JSON Lines of `explain` with `args`.
fn explain(args: &[&str]) -> Vec<serde_json::Value> {
    let ws = Workspace::new();
    let mut all = vec!["explain", "--format", "jsonl"];
    all.extend_from_slice(args);
    let out = ws.run(&all);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// The one entry of `rule` over `text` (a `start..end` span).
fn entry<'a>(lines: &'a [serde_json::Value], rule: &str, span: (u64, u64)) -> &'a serde_json::Value {
    let found: Vec<_> = lines
        .iter()
        .filter(|l| l["rule"] == rule && l["start"].as_u64() == Some(span.0) && l["end"].as_u64() == Some(span.1))
        .collect();
    assert_eq!(found.len(), 1, "one entry of {rule} at {span:?} in {lines:#?}");
    found[0]
}

#[test]
fn kept_rows_carry_the_row() {
    let l = explain(&["--text", "Since March 2015, Japan."]);
    let e = entry(&l, "dates/en-month-year", (6, 16));
    assert_eq!(e["outcome"], "kept");
    assert_eq!(e["row"]["normalized"], "2015-03");
    assert!(l.iter().all(|x| x["outcome"] == "kept"), "{l:#?}");
}

#[test]
fn a_failed_context_condition_names_the_condition_and_the_text() {
    let l = explain(&["--text", "In 2015 people came.", "--rule", "dates/en-year"]);
    let e = entry(&l, "dates/en-year", (3, 7));
    assert_eq!(e["outcome"], "context");
    let reason = e["reason"].as_str().unwrap();
    assert!(
        reason.contains("`not_after`") && reason.contains("people") && reason.contains("|2015| people"),
        "{reason}"
    );
}

#[test]
fn a_word_edge_is_reported_with_its_neighbours() {
    let l = explain(&["--text", "Romania", "--at", "2"]);
    let e = entry(&l, "entities/countries", (1, 5));
    assert_eq!(e["outcome"], "word_edge");
    assert!(e["reason"].as_str().unwrap().contains("R|oman|ia"), "{e}");
    assert_eq!(entry(&l, "entities/countries", (0, 7))["outcome"], "kept");
}

#[test]
fn a_case_sensitive_term_in_another_case() {
    let l = explain(&["--text", "us and US"]);
    let e = entry(&l, "entities/countries", (0, 2));
    assert_eq!(e["outcome"], "case");
    assert!(e["reason"].as_str().unwrap().contains("`US`"), "{e}");
}

#[test]
fn a_normalizer_rejection_names_the_normalizer() {
    let l = explain(&["--text", "The Agreement was signed."]);
    let e = entry(&l, "entities_events/en-law", (0, 13));
    assert_eq!(e["outcome"], "normalizer");
    assert!(e["reason"].as_str().unwrap().contains("`law-name`"), "{e}");
}

#[test]
fn a_lost_overlap_names_the_winner_and_the_policy() {
    let l = explain(&["--text", "by U.S. officials"]);
    let e = entry(&l, "entities/countries", (3, 6));
    assert_eq!(e["outcome"], "overlap");
    assert_eq!(e["winner"], serde_json::json!(["entities/countries", 3, 7]));
    assert!(e["reason"].as_str().unwrap().contains("policy `longest`"), "{e}");
}

#[test]
fn a_rule_without_candidates_shows_the_nearest_partial_match() {
    let l = explain(&["--text", "in Marhc 2015", "--rule", "dates/en-month-year"]);
    assert_eq!(l.len(), 1, "{l:#?}");
    assert_eq!(l[0]["outcome"], "no_candidate");
    assert_eq!(l[0]["partial"], serde_json::json!([3, 6]));
    assert!(l[0]["reason"].as_str().unwrap().contains("`Mar` at 3..6, where it cannot continue with `h`"), "{}", l[0]);
}

#[test]
fn a_country_inside_an_event_name_is_kept_with_the_event_as_the_policy_says() {
    // COUNTRY and EVENT are different overlap groups (the group defaults to
    // the type), so neither competes: both rows stay, and explain says why.
    let l = explain(&["--text", "They met at the Japan-France Summit in Paris.", "--at", "18"]);
    let country = entry(&l, "entities/countries", (16, 21));
    let event = entry(&l, "entities_events/en-event", (16, 35));
    assert_eq!((&country["outcome"], &event["outcome"]), (&"kept".into(), &"kept".into()));
    let reason = country["reason"].as_str().unwrap();
    assert!(reason.contains("entities_events/en-event at 16..35") && reason.contains("both are kept"), "{reason}");
    assert_eq!(l.len(), 2, "--at 18 keeps only what covers byte 18: {l:#?}");
}

#[test]
fn human_output_and_bad_queries() {
    let ws = Workspace::new();
    let out = ws.run(&["explain", "--text", "by U.S. officials"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("dropped 3..6 `U.S` entities/countries\n        overlap: lost an overlap to"),
        "{}",
        stdout(&out)
    );
    let out = ws.run(&["explain", "--text", "x", "--rule", "no/such-rule"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no rule named `no/such-rule`"), "{}", stderr(&out));
    let out = ws.run(&["explain", "--text", "日本", "--at", "1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not a character boundary"), "{}", stderr(&out));
}
