//! Pattern rules → [`PatternGroup`]s: one multi-pattern regex per overlap
//! group, so a document is scanned once per group, not once per rule.
//!
//! Within a group the regex uses leftmost-first semantics with the patterns
//! in priority order (higher first, then file order): at a given start the
//! first pattern that matches wins, which is how a date grammar lists ranges
//! before full dates before months. Groups of different kinds or types scan
//! separately, so their matches may nest or overlap.

use std::sync::{Arc, OnceLock};

use regex_automata::meta::{self, Regex};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::util::syntax;
use regex_automata::MatchKind;
use regex_syntax::hir::Hir;

use crate::diagnostic::Diagnostic;
use crate::rules::{Kind, Rule, RuleSource};

/// The pattern rules of one overlap group, compiled together.
#[derive(Clone, Debug)]
pub struct PatternGroup {
    /// Kind of the group.
    pub kind: Kind,
    /// Group name.
    pub name: String,
    pub(crate) re: Regex,
    /// Rule index of each pattern id.
    pub(crate) rules: Vec<u32>,
    /// Each pattern alone, for its captures: built on first use, shared by
    /// all threads. A capture search on the group's regex would run the
    /// whole group's NFA over the span; one pattern's is a fraction of it.
    singles: Vec<(Single, OnceLock<Regex>)>,
}

/// What a pattern's own regex is built from: the parse validation kept,
/// or (for a rule made without validation) its text.
#[derive(Clone, Debug)]
enum Single {
    Parsed(Arc<Hir>),
    Text(String),
}

impl PatternGroup {
    /// Number of patterns.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// The group's multi-pattern regex.
    pub fn regex(&self) -> &Regex {
        &self.re
    }

    /// Rule index of each pattern of the regex, by pattern id.
    pub fn rule_of_pattern(&self) -> &[u32] {
        &self.rules
    }

    /// Pattern `pid` alone, compiled on first use.
    ///
    /// # Panics
    /// Never in practice: the pattern already compiled as part of the group.
    pub fn single(&self, pid: usize) -> &Regex {
        let (single, re) = &self.singles[pid];
        re.get_or_init(|| {
            let built = match single {
                Single::Parsed(hir) => config().build_from_hir(hir),
                Single::Text(text) => config().build(text),
            };
            built.expect("a pattern of a compiled group compiles alone")
        })
    }

    /// True when the group has no patterns (never built so).
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

/// Builds one group from the rules at `members` (indexes into `rules`).
pub fn build_group(rules: &[Rule], mut members: Vec<u32>) -> Result<PatternGroup, Diagnostic> {
    members.sort_by_key(|&i| (std::cmp::Reverse(rules[i as usize].priority), i));
    let expanded: Vec<_> = members
        .iter()
        .map(|&i| match &rules[i as usize].source {
            RuleSource::Pattern(p) => &p.pattern,
            _ => unreachable!("only pattern rules are grouped"),
        })
        .collect();
    let patterns: Vec<&str> = expanded.iter().map(|e| e.text.as_str()).collect();
    let hirs: Option<Vec<&Hir>> = expanded.iter().map(|e| e.hir().map(|h| &**h)).collect();
    let first = &rules[members[0] as usize];
    // The group regex only finds spans (captures come from each pattern's
    // own regex), so it keeps no capture slots but the implicit ones, and
    // it has no prefilter of its own: the literal prefixes of a group of
    // hundreds of patterns are too many to pay for themselves, and
    // extracting them was a tenth of start-up (callgrind).
    let mut group_config = config();
    group_config.configure(group_meta().which_captures(WhichCaptures::Implicit));
    let built = match &hirs {
        Some(h) => group_config.build_many_from_hir(h),
        None => group_config.build_many(&patterns),
    };
    let re = built.map_err(|e| {
        if let Some(limit) = e.size_limit() {
            return too_large(rules, &members, &patterns, limit);
        }
        let culprit = e.pattern().map_or(first, |p| &rules[members[p.as_usize()] as usize]);
        culprit.diagnostic(Diagnostic::error(
            "regex-build",
            format!("the pattern group `{}` does not compile: {e}", first.group),
        ))
    })?;
    let singles = expanded
        .iter()
        .map(|e| {
            let single = e.hir().map_or_else(|| Single::Text(e.text.clone()), |h| Single::Parsed(Arc::clone(h)));
            (single, OnceLock::new())
        })
        .collect();
    Ok(PatternGroup { kind: first.kind, name: first.group.to_string(), re, rules: members, singles })
}

/// The diagnostic of a group over the regex size limit: at the pattern
/// that is over it alone (each is built alone to find it, only on this
/// error path), else at the group's first rule, with the limit and the
/// size the pattern would need.
fn too_large(rules: &[Rule], members: &[u32], patterns: &[&str], limit: usize) -> Diagnostic {
    let limit_text = super::size::mib(limit as f64);
    let alone = patterns.iter().position(|p| config().build(p).is_err_and(|e| e.size_limit().is_some()));
    let Some(i) = alone else {
        let first = &rules[members[0] as usize];
        return first.diagnostic(
            Diagnostic::error(
                "regex-too-large",
                format!("the pattern group `{}` is over the regex size limit of {limit_text}", first.group),
            )
            .note("each pattern fits alone; split the group with `group = \"...\"`"),
        );
    };
    let rule = &rules[members[i] as usize];
    let need = super::size::estimated_nfa_bytes(patterns[i])
        .map_or_else(String::new, |b| format!(" (it would need about {})", super::size::mib(b)));
    let d = Diagnostic::error(
        "regex-too-large",
        format!("the pattern is over the regex size limit of {limit_text}{need}"),
    )
    .rule(rule.id.clone())
    .note("large counted repetitions multiply: `a{1000}{1000}` is a million states; use `+` or `*`, or smaller counts");
    match &rule.source {
        RuleSource::Pattern(p) => p.pattern.diagnostic_at(d, 0, p.pattern.text.len()),
        _ => rule.diagnostic(d),
    }
}

/// Leftmost-first, UTF-8, and a lazy-DFA cache of 8 MiB: the default 2 MiB
/// is cleared over and over by the date group on mixed English/Japanese
/// text (callgrind: 2.6% fewer instructions on the benchmark corpus).
fn config() -> meta::Builder {
    let mut b = Regex::builder();
    b.configure(group_meta()).syntax(syntax::Config::new().utf8(true));
    b
}

/// The meta settings of [`config`]. The prefilter is off for the single
/// patterns too: each runs only on a span its group already matched, where
/// a prefilter cannot skip anything.
fn group_meta() -> meta::Config {
    meta::Config::new()
        .match_kind(MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .hybrid_cache_capacity(8 << 20)
        .auto_prefilter(false)
}
