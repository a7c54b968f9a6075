//! The overlap resolver keeps exactly what a plain global greedy pass by
//! rank keeps (the documented semantics), on random candidates.

use proptest::prelude::*;
use yomitori::diagnostic::SourceFile;
use yomitori::matchers::{overlap, Candidate, Value};
use yomitori::rules::load::load_files;

const RULES: &str = "
[[rule]]
id = \"a\"
kind = \"entity\"
type = \"A\"
pattern = 'a'
priority = 2
[[rule.example]]
text = \"a\"
expect = [{ text = \"a\" }]

[[rule]]
id = \"b\"
kind = \"entity\"
type = \"A\"
pattern = 'b'
[[rule.example]]
text = \"b\"
expect = [{ text = \"b\" }]

[[rule]]
id = \"c\"
kind = \"date\"
type = \"D\"
group = \"date\"
overlap = \"priority\"
pattern = 'c'
priority = 1
[[rule.example]]
text = \"c\"
expect = [{ text = \"c\" }]

[[rule]]
id = \"d\"
kind = \"date\"
type = \"E\"
group = \"date\"
overlap = \"priority\"
pattern = 'd'
[[rule.example]]
text = \"d\"
expect = [{ text = \"d\" }]
";

/// The semantics spelled out: rank every candidate of a group, accept
/// greedily against everything accepted so far in that group.
fn naive(c: &yomitori::compile::Compiled, cands: &[Candidate]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..cands.len()).collect();
    let key = |i: &usize| {
        let x = &cands[*i];
        let g = c.rule_group[x.rule as usize];
        let len = (x.end - x.start) as i64;
        let prio = i64::from(c.rules[x.rule as usize].priority);
        let (a, b) = match c.policies[g as usize] {
            yomitori::rules::OverlapPolicy::Priority => (prio, len),
            _ => (len, prio),
        };
        (g, std::cmp::Reverse(a), std::cmp::Reverse(b), x.start, x.rule, *i)
    };
    idx.sort_by_key(key);
    let mut kept: Vec<usize> = Vec::new();
    for i in idx {
        let x = &cands[i];
        let g = c.rule_group[x.rule as usize];
        let clash = kept.iter().any(|&k| {
            let y = &cands[k];
            c.rule_group[y.rule as usize] == g && x.start < y.end && y.start < x.end
        });
        if !clash {
            kept.push(i);
        }
    }
    kept.sort_unstable();
    kept
}

proptest! {
    #[test]
    fn clustered_resolution_equals_global_greedy(spans in prop::collection::vec((0usize..60, 1usize..12, 0u32..4), 0..40)) {
        let set = load_files(&[SourceFile::new("rules/t.toml", RULES)], &yomitori::families::catalog()).unwrap();
        let c = yomitori::compile::compile(set).unwrap();
        let cands: Vec<Candidate> = spans
            .iter()
            .map(|&(s, len, rule)| Candidate { start: s, end: s + len, rule, value: Value::Term(0) })
            .collect();
        let want = naive(&c, &cands);
        let mut got = cands.clone();
        overlap::resolve(&c, &mut got, &mut Vec::new(), &mut Vec::new());
        let got_spans: Vec<_> = got.iter().map(|x| (x.start, x.end, x.rule)).collect();
        let want_spans: Vec<_> = want.iter().map(|&i| (cands[i].start, cands[i].end, cands[i].rule)).collect();
        prop_assert_eq!(got_spans, want_spans);
    }
}
