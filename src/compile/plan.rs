//! What the compile step chose, for `yomitori rules plan`: the automaton
//! aho-corasick built, the regex groups and their sizes, the detectors.

use std::fmt;

use super::Compiled;
use crate::rules::RuleSource;

/// A human-readable report of the compiled strategies.
#[derive(Clone, Debug)]
pub struct Plan {
    lines: Vec<String>,
}

impl Plan {
    pub(crate) fn of(c: &Compiled) -> Plan {
        let mut lines = Vec::new();
        let gaz_rules = c.rules.iter().filter(|r| matches!(r.source, RuleSource::Gazetteer { .. })).count();
        match &c.gazetteer {
            Some(g) => lines.push(format!("gazetteer: {gaz_rules} rules in one {}", g.describe())),
            None => lines.push("gazetteer: none".to_string()),
        }
        for r in &c.rules {
            if let RuleSource::Gazetteer { compound: Some(k), .. } = &r.source {
                lines.push(format!(
                    "compound gazetteer {}: {} members in the automaton, {} heads tested next to them, {} terms",
                    r.name,
                    k.members.len(),
                    k.heads.len(),
                    r.source.term_count()
                ));
            }
        }
        for g in &c.groups {
            let names: Vec<&str> = g.rules.iter().map(|&r| &*c.rules[r as usize].name).collect();
            lines.push(format!(
                "regex group {}/{}: {} patterns in one leftmost-first regex, priority order: {}",
                g.kind,
                g.name,
                g.len(),
                names.join(", ")
            ));
        }
        let with_context = c.contexts.iter().filter(|x| x.is_some()).count();
        lines.push(format!("edge conditions: {with_context} rules"));
        for (i, r) in c.rules.iter().enumerate() {
            if let RuleSource::Detector { name } = &r.source {
                lines.push(format!("detector {name}: rule {} (#{i})", r.name));
            }
        }
        lines.push(format!("overlap groups: {}", c.policies.len()));
        Plan { lines }
    }
}

impl fmt::Display for Plan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for l in &self.lines {
            writeln!(f, "{l}")?;
        }
        Ok(())
    }
}
