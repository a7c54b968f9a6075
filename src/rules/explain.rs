//! [`Rule`] → the text `yomitori rules explain` prints: its settings,
//! family, description, source and inline examples.

use std::fmt::Write as _;

use super::{Rule, RuleSource};

/// Renders one rule; `family` is its rule file's description.
pub fn describe(r: &Rule, family: Option<&str>) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = writeln!(
        out,
        "{}  (kind {}, type {}, priority {}, group {}, overlap {})",
        r.name,
        r.kind,
        r.ty,
        r.priority,
        r.group,
        r.overlap.as_str()
    );
    if let Some(desc) = family {
        let _ = writeln!(out, "family: {}", desc.trim());
    }
    if let Some(d) = &r.description {
        let _ = writeln!(out, "\n{}\n", d.trim());
    }
    match &r.source {
        RuleSource::Gazetteer { path, terms, compound: None } => {
            let _ = writeln!(out, "gazetteer: {} ({} terms)", path.display(), terms.len());
        }
        RuleSource::Gazetteer { compound: Some(c), .. } => {
            let _ = writeln!(
                out,
                "compound gazetteer: {} members ({}) × {} heads ({}) = {} terms",
                c.members.len(),
                c.members_path.display(),
                c.heads.len(),
                c.heads_path.display(),
                r.source.term_count()
            );
            if !c.curated.is_empty() {
                let _ = writeln!(out, "curated: {}", c.curated.join(", "));
            }
        }
        RuleSource::Pattern(p) => {
            let _ = writeln!(out, "pattern (expanded): {}", p.pattern.text);
            if let Some(n) = p.normalizer {
                let _ = writeln!(out, "normalizer: {} ({})", n.name, n.summary);
            }
        }
        RuleSource::Detector { name } => {
            let _ = writeln!(out, "detector: {name}");
        }
    }
    for e in &r.examples {
        let expect: Vec<String> =
            e.expect.iter().map(|x| format!("`{}` → {}", x.text, x.normalized.as_deref().unwrap_or("…"))).collect();
        let _ = writeln!(
            out,
            "example: {:?} => {}",
            e.text,
            if expect.is_empty() { "no match".to_string() } else { expect.join(", ") }
        );
    }
    out
}
