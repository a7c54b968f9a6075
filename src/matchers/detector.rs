//! Detectors: matchers written in Rust for what a regex cannot say (the
//! letter alignment of an acronym's long form), declared by families and
//! named by rules with `detector = "..."`. Each detector rule is run over
//! the whole normalized text and pushes its candidates.

use super::Candidate;
use crate::compile::Compiled;
use crate::rules::RuleSource;

/// Runs detector `name` for rule `rule` over `hay`.
pub type DetectFn = fn(c: &Compiled, rule: u32, name: &str, hay: &str, out: &mut Vec<Candidate>);

/// A detector a rule may name.
#[derive(Clone, Copy)]
pub struct Detector {
    /// The name rules use.
    pub name: &'static str,
    /// The matcher; `None` for a name that only marks the rule a document
    /// pass reads (acronym mentions, person linking).
    pub find: Option<DetectFn>,
}

impl std::fmt::Debug for Detector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Detector").field("name", &self.name).finish_non_exhaustive()
    }
}

/// The detector rules of `c` and their functions, in rule order: resolved
/// once when the extractor is built.
pub fn resolve(c: &Compiled, detectors: &[Detector]) -> Vec<(u32, DetectFn)> {
    let mut out = Vec::new();
    for (i, rule) in c.rules.iter().enumerate() {
        let RuleSource::Detector { name } = &rule.source else { continue };
        if let Some(find) = detectors.iter().find(|d| d.name == name).and_then(|d| d.find) {
            out.push((i as u32, find));
        }
    }
    out
}

/// Runs every resolved detector rule over `hay`.
pub fn find(c: &Compiled, resolved: &[(u32, DetectFn)], hay: &str, out: &mut Vec<Candidate>) {
    for &(rule, find) in resolved {
        let RuleSource::Detector { name } = &c.rules[rule as usize].source else { continue };
        find(c, rule, name, hay, out);
    }
}
