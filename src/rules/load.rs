//! A rules directory → [`RuleSet`]: every `*.toml` file in it, in name
//! order, parsed, validated and cross-checked (macros, duplicate ids,
//! overlap groups). All diagnostics of the set are reported together,
//! sorted by file and position; any error means no `RuleSet`.
//!
//! Rules are validated side by side (parsing their regexes is most of the
//! work) and collected in file order, so the set and its diagnostics do
//! not depend on the thread count.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::catalog::{Catalog, SettingsInput};
use super::macros::{Macro, Macros, StrLoc};
use super::schema::RawRuleFile;
use super::tables::Table;
use super::tree::RuleTree;
use super::validate::{self, FileContext};
use super::{OverlapPolicy, RuleSet};
use crate::diagnostic::{Diagnostic, Report, Severity, SourceFile};
use crate::error::{Error, Result};

/// Loads every `*.toml` rule file of `dir`.
///
/// # Errors
/// An I/O error when `dir` cannot be listed; a rules error carrying every
/// diagnostic when any file has an error.
pub fn load_dir(dir: &Path, catalog: &Catalog) -> Result<RuleSet> {
    load_files(&super::tree::read_dir(dir)?, catalog)
}

/// Loads the shipped rules built into the binary.
///
/// # Errors
/// A rules error; the tests keep this from happening to a release.
pub fn load_builtin(catalog: &Catalog) -> Result<RuleSet> {
    let tree = RuleTree::builtin();
    load_tree(&tree.rule_files(), &tree, catalog)
}

/// Loads rule files already in memory whose data files are on disk (used
/// by `load_dir` and by tests).
///
/// # Errors
/// A rules error carrying every diagnostic when any file has an error.
pub fn load_files(files: &[SourceFile], catalog: &Catalog) -> Result<RuleSet> {
    load_tree(files, &RuleTree::Disk, catalog)
}

/// Loads rule files, reading the data files they name through `tree`.
///
/// # Errors
/// A rules error carrying every diagnostic when any file has an error.
pub fn load_tree(files: &[SourceFile], tree: &RuleTree, catalog: &Catalog) -> Result<RuleSet> {
    let mut diags = Vec::new();
    let mut parsed = Vec::new();
    for file in files {
        match toml::from_str::<RawRuleFile>(file.text()) {
            Ok(raw) => parsed.push((file, raw)),
            Err(e) => diags.push(toml_error(file, &e)),
        }
    }

    let mut macros = Macros::new();
    let mut macro_origin: HashMap<String, (PathBuf, usize)> = HashMap::new();
    let mut define = |name: &str, m: Macro, file: &SourceFile, span: std::ops::Range<usize>, diags: &mut Vec<_>| {
        if let Some((path, line)) = macro_origin.get(name) {
            diags.push(
                Diagnostic::error(
                    "duplicate-macro",
                    format!("macro `{name}` is already defined in {}:{line}", path.display()),
                )
                .at(file, span.start, span.end),
            );
            return;
        }
        let line = file.text()[..span.start].matches('\n').count() + 1;
        macro_origin.insert(name.to_string(), (file.path().to_path_buf(), line));
        macros.insert(name.to_string(), m);
    };
    let mut tables: Vec<Table> = Vec::new();
    for (file, raw) in &parsed {
        for (name, value) in &raw.macros {
            let loc = StrLoc::of_value(file, value.span());
            define(
                name,
                Macro { text: value.get_ref().clone(), loc, generated: false },
                file,
                value.span(),
                &mut diags,
            );
        }
        for (table, table_macros) in super::tables::load(file, &raw.tables, tree, &mut diags) {
            if tables.iter().any(|t| t.name == table.name) {
                let span = raw.tables[&table.name].span();
                diags.push(
                    Diagnostic::error("duplicate-table", format!("table `{}` is already defined", table.name))
                        .at(file, span.start, span.end),
                );
                continue;
            }
            for (name, m) in table_macros {
                let span = m.loc.start..m.loc.end;
                define(&name, m, file, span, &mut diags);
            }
            tables.push(table);
        }
    }
    let table_names: Vec<&str> = tables.iter().map(|t| t.name.as_str()).collect();

    let mut set = RuleSet::default();
    for read in &catalog.tables {
        read(&tables, &mut set.resources, &mut diags);
    }
    let mut settings_file: BTreeMap<&str, PathBuf> = BTreeMap::new();
    let stems: Vec<String> = parsed
        .iter()
        .map(|(file, _)| file.path().file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default())
        .collect();
    // The rules to validate, with the index of their file's context: they
    // are validated side by side below, and kept in file order.
    let mut contexts = Vec::with_capacity(parsed.len());
    let mut to_validate = Vec::new();
    for ((file, raw), stem) in parsed.iter().zip(&stems) {
        set.families.push((stem.clone(), raw.description.clone()));
        for (section, value) in &raw.settings {
            let span = value.span();
            let Some(spec) = catalog.settings(section) else {
                let known: Vec<&str> = catalog.settings.iter().map(|s| s.section).collect();
                diags.push(
                    Diagnostic::error("unknown-settings", format!("no family has settings `[settings.{section}]`"))
                        .at(file, span.start, span.end)
                        .note(format!("settings sections: {}", known.join(", "))),
                );
                continue;
            };
            if let Some(prev) = settings_file.get(spec.section) {
                diags.push(
                    Diagnostic::error(
                        "duplicate-settings",
                        format!("`[settings.{section}]` is already set in {}", prev.display()),
                    )
                    .at(file, span.start, span.end),
                );
                continue;
            }
            settings_file.insert(spec.section, file.path().to_path_buf());
            let input = SettingsInput { file, macros: &macros, tree };
            set.resources.insert_payload((spec.load)(&input, &mut diags));
        }
        contexts.push(FileContext {
            file,
            tree,
            catalog,
            stem,
            defaults: &raw.defaults,
            macros: &macros,
            tables: &table_names,
        });
        let mut ids: HashMap<&str, usize> = HashMap::new();
        for r in &raw.rules {
            let id = r.get_ref().id.get_ref().as_str();
            if let Some(line) = ids.get(id) {
                diags.push(
                    Diagnostic::error("duplicate-id", format!("rule id `{id}` is already used on line {line}"))
                        .rule(id)
                        .at(file, r.get_ref().id.span().start, r.get_ref().id.span().end),
                );
                continue;
            }
            ids.insert(id, file.text()[..r.span().start].matches('\n').count() + 1);
            to_validate.push((contexts.len() - 1, r));
        }
    }
    let validated: Vec<_> = to_validate
        .into_par_iter()
        .map(|(cx, r)| {
            let mut rule_diags = Vec::new();
            let rule = validate::rule(r, &contexts[cx], &mut rule_diags);
            (rule, rule_diags)
        })
        .collect();
    for (rule, rule_diags) in validated {
        diags.extend(rule_diags);
        set.rules.extend(rule);
    }

    super::compound::resolve_curated(&mut set.rules, &mut diags);

    for spec in &catalog.settings {
        if !settings_file.contains_key(spec.section) {
            set.resources.insert_payload((spec.default)());
        }
    }

    // One policy per overlap group, or resolution would depend on order.
    let mut groups: BTreeMap<(super::Kind, &str), (OverlapPolicy, &str)> = BTreeMap::new();
    for rule in &set.rules {
        let key = (rule.kind, &*rule.group);
        match groups.get(&key) {
            None => {
                groups.insert(key, (rule.overlap, &rule.name));
            }
            Some((policy, first)) if *policy != rule.overlap => diags.push(
                rule.diagnostic(
                    Diagnostic::error(
                        "overlap-conflict",
                        format!(
                            "overlap `{}` differs from `{}` of rule {first} in the same group `{}`",
                            rule.overlap.as_str(),
                            policy.as_str(),
                            rule.group
                        ),
                    )
                    .note("rules of one kind and group must share one overlap policy"),
                ),
            ),
            Some(_) => {}
        }
    }

    diags.sort_by_key(Diagnostic::sort_key);
    if diags.iter().any(|d| d.severity() == Severity::Error) {
        return Err(Error::rules(Report(diags)));
    }
    set.warnings = diags;
    Ok(set)
}

/// A TOML syntax or schema error as a diagnostic, naming the rule it is in.
pub(crate) fn toml_error(file: &SourceFile, e: &toml::de::Error) -> Diagnostic {
    let message = e.message().trim().to_string();
    let code = if message.starts_with("unknown field") {
        "unknown-field"
    } else if message.starts_with("missing field") {
        "missing-field"
    } else if message.contains("invalid type") {
        "invalid-type"
    } else {
        "toml-syntax"
    };
    let span = e.span().unwrap_or(0..0);
    let mut d = Diagnostic::error(code, message).at(file, span.start, span.end);
    if let Some(id) = enclosing_rule_id(file.text(), span.start) {
        d = d.rule(id);
    }
    d
}

/// The `id` of the `[[rule]]` table that contains byte `offset`, found in
/// the raw text because a file that failed to parse has no rules to ask.
fn enclosing_rule_id(text: &str, offset: usize) -> Option<String> {
    let head = text[..offset.min(text.len())].rfind("[[rule]]")?;
    // The table ends at the next header that is not a sub-table of the rule.
    let body = &text[head + "[[rule]]".len()..];
    for line in body.lines() {
        let t = line.trim();
        if t.starts_with('[') && !t.starts_with("[[rule.") && !t.starts_with("[rule.") {
            break;
        }
        if let Some(rest) = t.strip_prefix("id") {
            let rest = rest.trim_start();
            if let Some(v) = rest.strip_prefix('=') {
                let v = v.trim().trim_matches(|c| c == '"' || c == '\'');
                return Some(v.to_string());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_rule_id_around_offset() {
        let text = "[[rule]]\nid = \"a\"\nkind = \"date\"\n\n[[rule]]\nkind = \"x\"\nid = 'b'\n[[rule.example]]\ntext = \"t\"\n";
        assert_eq!(enclosing_rule_id(text, text.find("kind = \"date\"").unwrap()).as_deref(), Some("a"));
        assert_eq!(enclosing_rule_id(text, text.find("kind = \"x\"").unwrap()).as_deref(), Some("b"));
        assert_eq!(enclosing_rule_id(text, 0), None);
    }
}
