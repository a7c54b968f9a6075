//! [`RuleSet`] → [`Compiled`]: every automaton and regex built once, before
//! the first document, and shared read-only by all threads.
//!
//! * all gazetteer terms → one Aho-Corasick automaton ([`gazetteer`]);
//! * pattern rules → one multi-pattern regex per overlap group ([`patterns`]);
//! * edge conditions → anchored regexes per rule ([`context`]);
//! * overlap groups → a dense index and their policies.
//!
//! [`plan`] reports what was built.
//!
//! The automata are independent, so they are built side by side on rayon's
//! pool (the CLI sizes it to `-j`; a library caller gets rayon's default),
//! and collected in their order, so that what is built, and every
//! diagnostic, is the same whatever the thread count.

pub mod context;
pub mod gazetteer;
pub mod patterns;
pub mod plan;
mod size;

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Report};
use crate::error::{Error, Result};
use crate::normalize::Resources;
use crate::rules::{Kind, OverlapPolicy, Rule, RuleSet, RuleSource};
pub use context::CompiledContext;
pub use gazetteer::GazetteerMatcher;
pub use patterns::PatternGroup;
pub use plan::Plan;

/// The compiled, immutable form of a rule set.
#[derive(Debug)]
pub struct Compiled {
    /// The rules, indexed by the `rule` field of candidates.
    pub rules: Vec<Rule>,
    /// The shared gazetteer automaton.
    pub gazetteer: Option<GazetteerMatcher>,
    /// Regex groups.
    pub groups: Vec<PatternGroup>,
    /// Edge conditions by rule index.
    pub contexts: Vec<Option<CompiledContext>>,
    /// Overlap group index of each rule.
    pub rule_group: Vec<u32>,
    /// Policy of each overlap group.
    pub policies: Vec<OverlapPolicy>,
    /// The families' data (tables and settings), read by their
    /// normalizers, detectors and passes.
    pub resources: Resources,
    /// File stems and descriptions.
    pub families: Vec<(String, Option<String>)>,
}

/// Compiles a validated rule set.
///
/// # Errors
/// A rules error when a regex group does not build (size limits).
pub fn compile(set: RuleSet) -> Result<Compiled> {
    let RuleSet { rules, families, resources, .. } = set;
    let mut diags: Vec<Diagnostic> = Vec::new();

    let mut overlap_index: BTreeMap<(Kind, &str), u32> = BTreeMap::new();
    let mut policies = Vec::new();
    let mut rule_group = Vec::with_capacity(rules.len());
    for rule in &rules {
        let next = policies.len() as u32;
        let g = *overlap_index.entry((rule.kind, &*rule.group)).or_insert_with(|| {
            policies.push(rule.overlap);
            next
        });
        rule_group.push(g);
    }

    let mut members: BTreeMap<(Kind, &str), Vec<u32>> = BTreeMap::new();
    for (i, rule) in rules.iter().enumerate() {
        if matches!(rule.source, RuleSource::Pattern(_)) {
            members.entry((rule.kind, &*rule.group)).or_default().push(i as u32);
        }
    }
    let members: Vec<Vec<u32>> = members.into_values().collect();
    let ((groups, contexts), gazetteer) = rayon::join(
        || {
            rayon::join(
                || members.into_par_iter().map(|m| patterns::build_group(&rules, m)).collect::<Vec<_>>(),
                || rules.par_iter().map(CompiledContext::build).collect::<Vec<_>>(),
            )
        },
        || GazetteerMatcher::build(&rules),
    );
    let groups: Vec<PatternGroup> = groups.into_iter().filter_map(|g| g.map_err(|d| diags.push(d)).ok()).collect();
    let contexts: Vec<Option<CompiledContext>> = contexts
        .into_iter()
        .map(|c| {
            c.unwrap_or_else(|d| {
                diags.push(d);
                None
            })
        })
        .collect();
    if !diags.is_empty() {
        return Err(Error::rules(Report(diags)));
    }
    Ok(Compiled { rules, gazetteer, groups, contexts, rule_group, policies, resources, families })
}
