//! A rule's [`Context`] → [`CompiledContext`]: edge conditions as anchored
//! regexes.
//!
//! `before` is compiled as `(?:R)\z` and run on the text up to the span's
//! start, which the regex engine scans backwards from the end; `after` as
//! `\A(?:R)` on the text from the span's end. Both stop as soon as the
//! condition is decided, so a condition costs little even in a long document.
//!
//! The regexes are built from the parse validation kept (wrapped in the
//! anchor), not from text: parsing every condition again was a tenth of
//! start-up. They are built on first use, shared by all threads.

use std::sync::OnceLock;

use regex_automata::meta::{self, Regex};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_syntax::hir::{Hir, Look};

use crate::diagnostic::Diagnostic;
use crate::rules::macros::Expanded;
use crate::rules::{Context, Rule};

/// The NFA size limit of regex-automata's meta regex, which an edge
/// condition is checked against when its rules compile.
const SIZE_LIMIT: f64 = (10 << 20) as f64;

/// Edge conditions of one rule, compiled.
#[derive(Clone, Debug, Default)]
pub struct CompiledContext {
    /// The conditions as written (macros expanded), for explanations:
    /// before, not_before, after, not_after.
    sources: [Option<String>; 4],
    before: Option<Condition>,
    not_before: Option<Condition>,
    after: Option<Condition>,
    not_after: Option<Condition>,
}

/// One condition's regex, built the first time a candidate of its rule
/// needs it. Most rules meet no candidate in a small job, and building
/// the 120-odd conditions of the shipped rules up front was an eighth of
/// start-up (callgrind, 53 M of 412 M instructions at one thread).
#[derive(Clone, Debug)]
struct Condition {
    anchored: Hir,
    re: OnceLock<Regex>,
}

impl Condition {
    fn regex(&self) -> &Regex {
        self.re.get_or_init(|| {
            // No size limit here: the estimate checked it at compile time,
            // and a condition just over it by the estimate's error must not
            // fail in the middle of a run.
            let mut b = Regex::builder();
            b.configure(meta::Config::new().which_captures(WhichCaptures::Implicit).nfa_size_limit(None));
            b.build_from_hir(&self.anchored).expect("a validated condition builds")
        })
    }

    fn is_match(&self, hay: &str) -> bool {
        self.regex().is_match(hay)
    }
}

impl CompiledContext {
    /// Compiles `rule`'s context; `None` when it has none. The regexes are
    /// built on first use; what can fail is checked here: the syntax (by
    /// validation, which kept the parse) and the size.
    pub fn build(rule: &Rule) -> Result<Option<CompiledContext>, Diagnostic> {
        let Context { before, not_before, after, not_after } = &rule.context;
        if rule.context.is_empty() {
            return Ok(None);
        }
        let compile = |e: &Option<Expanded>, tail: bool| -> Result<Option<Condition>, Diagnostic> {
            let Some(e) = e else { return Ok(None) };
            let error = |kind: &'static str, message: String| {
                e.diagnostic_at(Diagnostic::error(kind, message).rule(rule.id.clone()), 0, e.text.len())
            };
            let hir = match e.hir() {
                Some(hir) => (**hir).clone(),
                // A rule made without validation: parse it now.
                None => regex_syntax::ParserBuilder::new()
                    .build()
                    .parse(&e.text)
                    .map_err(|err| error("invalid-regex", err.to_string()))?,
            };
            let anchored = if tail {
                Hir::concat(vec![hir, Hir::look(Look::End)])
            } else {
                Hir::concat(vec![Hir::look(Look::Start), hir])
            };
            let need = super::size::estimated_hir_bytes(&anchored);
            if need > SIZE_LIMIT {
                return Err(error(
                    "regex-too-large",
                    format!(
                        "the condition is over the regex size limit of {} (it would need about {})",
                        super::size::mib(SIZE_LIMIT),
                        super::size::mib(need)
                    ),
                ));
            }
            Ok(Some(Condition { anchored, re: OnceLock::new() }))
        };
        let source = |e: &Option<Expanded>| e.as_ref().map(|e| e.text.clone());
        Ok(Some(CompiledContext {
            sources: [source(before), source(not_before), source(after), source(not_after)],
            before: compile(before, true)?,
            not_before: compile(not_before, true)?,
            after: compile(after, false)?,
            not_after: compile(not_after, false)?,
        }))
    }

    /// True when the span `start..end` of `hay` meets every condition.
    pub fn allows(&self, hay: &str, start: usize, end: usize) -> bool {
        let pre = &hay[..start];
        let post = &hay[end..];
        self.before.as_ref().is_none_or(|r| r.is_match(pre))
            && !self.not_before.as_ref().is_some_and(|r| r.is_match(pre))
            && self.after.as_ref().is_none_or(|r| r.is_match(post))
            && !self.not_after.as_ref().is_some_and(|r| r.is_match(post))
    }

    /// The first condition that `start..end` fails, and its regex: what
    /// `explain` reports. `None` when it meets them all.
    pub fn failing(&self, hay: &str, start: usize, end: usize) -> Option<(&'static str, &str)> {
        let pre = &hay[..start];
        let post = &hay[end..];
        let failed = [
            self.before.as_ref().is_some_and(|r| !r.is_match(pre)),
            self.not_before.as_ref().is_some_and(|r| r.is_match(pre)),
            self.after.as_ref().is_some_and(|r| !r.is_match(post)),
            self.not_after.as_ref().is_some_and(|r| r.is_match(post)),
        ];
        let i = failed.iter().position(|&f| f)?;
        Some((["before", "not_before", "after", "not_after"][i], self.sources[i].as_deref().unwrap_or("")))
    }
}
