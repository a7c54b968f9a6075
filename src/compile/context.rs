//! A rule's [`Context`] → [`CompiledContext`]: edge conditions as anchored
//! regexes.
//!
//! `before` is compiled as `(?:R)\z` and run on the text up to the span's
//! start, which the regex engine scans backwards from the end; `after` as
//! `\A(?:R)` on the text from the span's end. Both stop as soon as the
//! condition is decided, so a condition costs little even in a long document.

use regex::Regex;

use crate::diagnostic::Diagnostic;
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
        let compile = |e: &Option<crate::rules::macros::Expanded>, tail: bool| -> Result<Option<Regex>, Diagnostic> {
            let Some(e) = e else { return Ok(None) };
            let text = if tail { format!("(?:{})\\z", e.text) } else { format!("\\A(?:{})", e.text) };
            Regex::new(&text).map(Some).map_err(|err| {
                e.diagnostic_at(
                    Diagnostic::error("invalid-regex", err.to_string()).rule(rule.id.clone()),
                    0,
                    e.text.len(),
                )
            })
        };
        let source = |e: &Option<crate::rules::macros::Expanded>| e.as_ref().map(|e| e.text.clone());
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
