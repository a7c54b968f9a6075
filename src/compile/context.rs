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
//! start-up.

use regex_automata::meta::{self, Regex};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_syntax::hir::{Hir, Look};

use crate::diagnostic::Diagnostic;
use crate::rules::macros::Expanded;
use crate::rules::{Context, Rule};

/// Edge conditions of one rule, compiled.
#[derive(Clone, Debug, Default)]
pub struct CompiledContext {
    /// The conditions as written (macros expanded), for explanations:
    /// before, not_before, after, not_after.
    sources: [Option<String>; 4],
    before: Option<Regex>,
    not_before: Option<Regex>,
    after: Option<Regex>,
    not_after: Option<Regex>,
}

impl CompiledContext {
    /// Compiles `rule`'s context; `None` when it has none.
    pub fn build(rule: &Rule) -> Result<Option<CompiledContext>, Diagnostic> {
        let Context { before, not_before, after, not_after } = &rule.context;
        if rule.context.is_empty() {
            return Ok(None);
        }
        let compile = |e: &Option<Expanded>, tail: bool| -> Result<Option<Regex>, Diagnostic> {
            let Some(e) = e else { return Ok(None) };
            let builder = || {
                let mut b = Regex::builder();
                b.configure(meta::Config::new().which_captures(WhichCaptures::Implicit));
                b
            };
            let built = match e.hir() {
                Some(hir) => {
                    let hir = (**hir).clone();
                    let anchored = if tail {
                        Hir::concat(vec![hir, Hir::look(Look::End)])
                    } else {
                        Hir::concat(vec![Hir::look(Look::Start), hir])
                    };
                    builder().build_from_hir(&anchored)
                }
                None => {
                    builder().build(&if tail { format!("(?:{})\\z", e.text) } else { format!("\\A(?:{})", e.text) })
                }
            };
            built.map(Some).map_err(|err| {
                e.diagnostic_at(
                    Diagnostic::error("invalid-regex", err.to_string()).rule(rule.id.clone()),
                    0,
                    e.text.len(),
                )
            })
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
