//! Inline examples → pass or fail: each `[[rule.example]]` is extracted with
//! the whole rule set, and the rows of the rule (or of its kind, with
//! `scope = "kind"`) must be exactly the expected ones.

use crate::diagnostic::Diagnostic;
use crate::emit::Row;
use crate::extract::{Document, Extractor};
use crate::families::dates::{Anchor, CivilDate};

/// Outcome of running every example.
#[derive(Debug, Default)]
pub struct ExampleReport {
    /// Examples run.
    pub run: usize,
    /// Failures, one diagnostic each, pointing at the example.
    pub failures: Vec<Diagnostic>,
}

/// Runs the examples of every rule of `extractor`.
pub fn run_all(extractor: &Extractor) -> ExampleReport {
    let mut report = ExampleReport::default();
    let mut scratch = extractor.scratch();
    for rule in extractor.rules() {
        for ex in &rule.examples {
            report.run += 1;
            let doc = Document::new("example", ex.text.clone());
            let mut rows = Vec::new();
            example_extractor(extractor, ex).extract_into(&doc, &mut scratch, &mut rows);
            let got: Vec<&Row> = rows
                .iter()
                .filter(|r| if ex.kind_scope { r.kind == rule.kind } else { *r.rule == *rule.name })
                .collect();
            if let Some(problem) = compare(&ex.expect, &got, &doc.text) {
                let d = Diagnostic::error("example-failed", problem)
                    .rule(rule.id.clone())
                    .at(&rule.file, ex.span.0, ex.span.0 + 1)
                    .note(format!("text: {:?}", ex.text))
                    .note(format!("rows: {}", describe(&got, &doc.text)));
                report.failures.push(d);
            }
        }
    }
    report
}

/// The extractor with the example's date anchoring (`anchor = true`,
/// `anchor_date = "YYYY-MM-DD"`; validated when the rules load).
fn example_extractor(extractor: &Extractor, ex: &crate::rules::Example) -> Extractor {
    let anchor = match (ex.anchor_date.as_deref().and_then(CivilDate::parse_iso), ex.anchor) {
        (Some(d), _) => Anchor::Date(d),
        (None, true) => Anchor::Context,
        (None, false) => Anchor::Off,
    };
    extractor.with_anchor(anchor)
}

fn describe(rows: &[&Row], text: &str) -> String {
    if rows.is_empty() {
        return "none".into();
    }
    rows.iter()
        .map(|r| {
            let mut s = format!("`{}` → `{}` ({}, {}", r.text, r.normalized, r.ty, r.rule);
            if !r.id.is_empty() {
                s += &format!(", id {}", r.id);
            }
            if !r.flags.is_empty() {
                s += &format!(", flags {}", r.flags);
            }
            if let (Some(a), Some(b)) = (r.ref_start, r.ref_end) {
                s += &format!(", ref `{}`", &text[a..b]);
            }
            s + ")"
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn compare(expect: &[crate::rules::Expect], got: &[&Row], text: &str) -> Option<String> {
    if expect.len() != got.len() {
        return Some(format!("expected {} row(s), got {}", expect.len(), got.len()));
    }
    for (e, r) in expect.iter().zip(got) {
        let mismatch = |field: &str, want: &str, have: &str| {
            Some(format!("row `{}`: expected {field} `{want}`, got `{have}`", r.text))
        };
        if e.text != r.text {
            return Some(format!("expected text `{}`, got `{}`", e.text, r.text));
        }
        let checks = [
            ("normalized", &e.normalized, r.normalized.as_str()),
            ("type", &e.ty, &*r.ty),
            ("id", &e.id, r.id.as_str()),
            ("flags", &e.flags, r.flags.as_str()),
            ("rule", &e.rule, &*r.rule),
        ];
        for (field, want, have) in checks {
            if let Some(w) = want {
                if w != have {
                    return mismatch(field, w, have);
                }
            }
        }
        if let Some(w) = &e.reference {
            let have = match (r.ref_start, r.ref_end) {
                (Some(a), Some(b)) => &text[a..b],
                _ => "",
            };
            if w != have {
                return mismatch("ref", w, have);
            }
        }
    }
    None
}
