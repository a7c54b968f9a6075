//! [`RawRule`] → [`Rule`]: defaults applied, macros expanded, regexes
//! checked, gazetteers read. Each problem becomes a [`Diagnostic`] that names
//! the rule and points at the offending value.

use std::path::Path;
use std::sync::Arc;

use regex_syntax::hir::{Hir, HirKind};
use toml::Spanned;

use super::macros::{expand, Expanded, Macros, StrLoc};
use super::schema::{RawDefaults, RawExample, RawRule};
use super::{
    gazetteer, Context, Example, Expect, OverlapPolicy, PatternRule, Rule, RuleSource, Template, TemplatePart,
};
use crate::diagnostic::{Diagnostic, SourceFile};

/// Everything a rule is validated against.
pub struct FileContext<'a> {
    /// The rule file.
    pub file: &'a SourceFile,
    /// Where the data files it names are read from.
    pub tree: &'a super::tree::RuleTree,
    /// The families' kinds, normalizers and detectors.
    pub catalog: &'a super::catalog::Catalog,
    /// Its stem, the first half of rule names.
    pub stem: &'a str,
    /// Its `[defaults]`.
    pub defaults: &'a RawDefaults,
    /// All macros of the rule set.
    pub macros: &'a Macros,
    /// Names of the tables of the rule set (`[tables.<name>]`).
    pub tables: &'a [&'a str],
}

/// Validates one rule. Diagnostics go to `diags`; `None` when the rule has
/// an error.
pub fn rule(raw: &Spanned<RawRule>, cx: &FileContext<'_>, diags: &mut Vec<Diagnostic>) -> Option<Rule> {
    let span = raw.span();
    let raw = raw.get_ref();
    let id = raw.id.get_ref().clone();
    let before = diags.len();
    let file = cx.file;
    let err = |code: &'static str, msg: String| Diagnostic::error(code, msg).rule(id.clone());
    let at = |d: Diagnostic, s: std::ops::Range<usize>| d.at(file, s.start, s.end);
    let rule_head = span.start..span.start + "[[rule]]".len();

    let id_ok = id.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'));
    if !id_ok {
        diags.push(at(
            err("invalid-id", format!("rule id `{id}` must be lowercase letters, digits, `-`, `_` or `.`")),
            raw.id.span(),
        ));
    }

    let kind = match raw.kind.as_ref().or(cx.defaults.kind.as_ref()) {
        None => {
            diags.push(at(
                err("missing-field", format!("rule has no `kind` ({})", cx.catalog.kind_names())),
                rule_head.clone(),
            ));
            None
        }
        Some(k) => {
            let kind = cx.catalog.kind(k.get_ref());
            if kind.is_none() {
                diags.push(at(
                    err(
                        "unknown-kind",
                        format!("unknown kind `{}`; expected {}", k.get_ref(), cx.catalog.kind_names()),
                    ),
                    k.span(),
                ));
            }
            kind
        }
    };
    let ty = match raw.ty.as_ref().or(cx.defaults.ty.as_ref()) {
        None => {
            diags.push(at(err("missing-field", "rule has no `type` (COUNTRY, DATE, ...)".into()), rule_head.clone()));
            String::new()
        }
        Some(t) => t.get_ref().clone(),
    };
    let priority = match raw.priority.as_ref().or(cx.defaults.priority.as_ref()) {
        None => 0,
        Some(p) => i32::try_from(*p.get_ref()).unwrap_or_else(|_| {
            diags.push(at(err("invalid-value", format!("priority {} is out of range", p.get_ref())), p.span()));
            0
        }),
    };
    let overlap = match raw.overlap.as_ref().or(cx.defaults.overlap.as_ref()) {
        None => OverlapPolicy::Longest,
        Some(o) => OverlapPolicy::parse(o.get_ref()).unwrap_or_else(|| {
            diags.push(at(
                err(
                    "invalid-value",
                    format!("unknown overlap policy `{}`; expected longest, priority or all", o.get_ref()),
                ),
                o.span(),
            ));
            OverlapPolicy::Longest
        }),
    };
    let group = raw.group.as_ref().or(cx.defaults.group.as_ref()).map_or_else(|| ty.clone(), |g| g.get_ref().clone());
    let whole_word = raw.whole_word.or(cx.defaults.whole_word).unwrap_or(true);
    let case_sensitive = raw.case_sensitive.or(cx.defaults.case_sensitive).unwrap_or(true);

    let compound = raw.members.is_some() || raw.heads.is_some();
    let sources = [raw.gazetteer.is_some(), raw.pattern.is_some(), raw.detector.is_some(), compound];
    let source = match sources.iter().filter(|&&s| s).count() {
        0 => {
            diags.push(at(
                err(
                    "missing-source",
                    "rule needs one of `gazetteer`, `members` and `heads`, `pattern` or `detector`".into(),
                ),
                rule_head.clone(),
            ));
            None
        }
        1 => source(raw, cx, case_sensitive, whole_word, &id, diags),
        _ => {
            diags.push(at(
                err(
                    "conflicting-source",
                    "rule may have only one of `gazetteer`, `members` and `heads`, `pattern` or `detector`".into(),
                ),
                rule_head.clone(),
            ));
            None
        }
    };
    if raw.pattern.is_none() {
        for (name, field) in [
            ("normalizer", &raw.normalizer),
            ("value", &raw.value),
            ("canonical_id", &raw.canonical_id),
            ("span", &raw.span),
        ] {
            if let Some(f) = field {
                diags.push(at(err("unused-field", format!("`{name}` applies to pattern rules only")), f.span()));
            }
        }
    }
    if !compound {
        if let Some(c) = raw.curated.first() {
            diags.push(at(err("unused-field", "`curated` applies to compound rules only".into()), c.span()));
        }
    }

    let context = Context {
        before: context_regex(raw.before.as_ref(), cx, &id, diags),
        not_before: context_regex(raw.not_before.as_ref(), cx, &id, diags),
        after: context_regex(raw.after.as_ref(), cx, &id, diags),
        not_after: context_regex(raw.not_after.as_ref(), cx, &id, diags),
    };
    let mut flags = Vec::new();
    for f in &raw.flags {
        let ok = !f.get_ref().is_empty() && f.get_ref().chars().all(|c| c.is_ascii_lowercase() || c == '_');
        if ok {
            flags.push(f.get_ref().clone());
        } else {
            diags.push(at(
                err("invalid-value", format!("flag `{}` must be lowercase letters and `_`", f.get_ref())),
                f.span(),
            ));
        }
    }
    let examples = raw.examples.iter().filter_map(|e| example(e, file, &id, diags)).collect();

    if diags[before..].iter().any(|d| d.severity() == crate::diagnostic::Severity::Error) {
        return None;
    }
    Some(Rule {
        name: super::RuleId::new(cx.stem, &id),
        id,
        file: file.clone(),
        span: (span.start, span.end),
        kind: kind?,
        ty: Arc::from(ty),
        description: raw.description.clone(),
        priority,
        group: Arc::from(group),
        overlap,
        whole_word,
        flags,
        context,
        source: source?,
        examples,
    })
}

fn source(
    raw: &RawRule,
    cx: &FileContext<'_>,
    case_sensitive: bool,
    whole_word: bool,
    id: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<RuleSource> {
    let file = cx.file;
    if let Some(g) = &raw.gazetteer {
        let path = resolve(file.path(), g.get_ref());
        return match read_gazetteer(cx.tree, &path, case_sensitive, whole_word, diags) {
            Ok(terms) => Some(RuleSource::Gazetteer { path, terms, compound: None }),
            Err(e) => {
                diags.push(unreadable(file, g, &path, &e, "gazetteer ").rule(id));
                None
            }
        };
    }
    if raw.members.is_some() || raw.heads.is_some() {
        return compound_source(raw, cx, case_sensitive, id, diags);
    }
    if let Some(d) = &raw.detector {
        let detectors = &cx.catalog.detectors;
        if !detectors.contains(&d.get_ref().as_str()) {
            diags.push(
                Diagnostic::error("unknown-detector", format!("no detector named `{}`", d.get_ref()))
                    .rule(id)
                    .at(file, d.span().start, d.span().end)
                    .note(format!("detectors: {}", detectors.join(", "))),
            );
            return None;
        }
        return Some(RuleSource::Detector { name: d.get_ref().clone() });
    }
    let p = raw.pattern.as_ref()?;
    let mut expanded = expanded(p, cx, id, diags)?;
    // Keep going after a bad regex, so the normalizer is checked too.
    let hir = check_regex(&expanded, id, diags);
    if hir.as_ref().is_some_and(|h| h.properties().minimum_len() == Some(0)) {
        diags.push(expanded.diagnostic_at(
            Diagnostic::error("empty-match", "pattern can match the empty string").rule(id),
            0,
            expanded.text.len(),
        ));
    }
    let mut captures = Vec::new();
    let parsed = hir.is_some_and(|h| {
        capture_names(&h, &mut captures);
        let empty = h.properties().minimum_len() == Some(0);
        expanded.set_hir(h);
        !empty
    });
    let normalizer = match raw.normalizer.as_ref().or(cx.defaults.normalizer.as_ref()) {
        None => None,
        Some(n) => {
            if let Some(found) = cx.catalog.normalizer(n.get_ref()) {
                Some(found)
            } else {
                let known: Vec<_> = cx.catalog.normalizers.iter().map(|n| n.name).collect();
                diags.push(
                    Diagnostic::error("unknown-normalizer", format!("no normalizer named `{}`", n.get_ref()))
                        .rule(id)
                        .at(file, n.span().start, n.span().end)
                        .note(format!("normalizers: {}", known.join(", "))),
                );
                return None;
            }
        }
    };
    if let (Some(n), Some(spanned)) = (normalizer, raw.normalizer.as_ref().or(cx.defaults.normalizer.as_ref())) {
        for (capture, table) in n.tables {
            let reads = |c: &String| c == capture || c.strip_prefix(capture).is_some_and(|r| r.starts_with("__"));
            if captures.iter().any(reads) && !cx.tables.contains(table) {
                diags.push(
                    Diagnostic::error(
                        "undefined-table",
                        format!(
                            "normalizer `{}` reads capture `{capture}` with table `{table}`, which is not defined",
                            n.name
                        ),
                    )
                    .rule(id)
                    .at(file, spanned.span().start, spanned.span().end)
                    .note(format!("declare it in a rule file: `[tables.{table}]` with a `path` to its CSV")),
                );
                return None;
            }
        }
    }
    if !parsed {
        return None;
    }
    let value = template(raw.value.as_ref(), &captures, file, id, diags);
    let canonical_id = template(raw.canonical_id.as_ref(), &captures, file, id, diags);
    let span = match &raw.span {
        None => None,
        Some(name) if captures.iter().any(|c| c == name.get_ref()) => Some(name.get_ref().clone()),
        Some(name) => {
            diags.push(
                Diagnostic::error(
                    "unknown-capture",
                    format!("`span` names `{}`, which the pattern does not capture", name.get_ref()),
                )
                .rule(id)
                .at(file, name.span().start, name.span().end)
                .note(format!(
                    "named captures: {}",
                    if captures.is_empty() { "none".into() } else { captures.join(", ") }
                )),
            );
            return None;
        }
    };
    Some(RuleSource::Pattern(PatternRule { pattern: expanded, captures, normalizer, value, canonical_id, span }))
}

/// A compound gazetteer rule: `members` and `heads` (both required), read
/// now; what its curated rules list is read once all rules are
/// ([`super::compound::resolve_curated`]), and its terms are made only when
/// a match or a listing asks for one.
fn compound_source(
    raw: &RawRule,
    cx: &FileContext<'_>,
    case_sensitive: bool,
    id: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<RuleSource> {
    let file = cx.file;
    let (Some(members), Some(heads)) = (&raw.members, &raw.heads) else {
        let given = raw.members.as_ref().or(raw.heads.as_ref()).expect("one of them");
        diags.push(
            Diagnostic::error("missing-source", "a compound rule needs both `members` and `heads`").rule(id).at(
                file,
                given.span().start,
                given.span().end,
            ),
        );
        return None;
    };
    let mut read = |key: &Spanned<String>| {
        let path = resolve(file.path(), key.get_ref());
        match cx.tree.read(&path) {
            Ok(text) => Some(SourceFile::new(&path, text.into_owned())),
            Err(e) => {
                diags.push(unreadable(file, key, &path, &e, "").rule(id));
                None
            }
        }
    };
    let (members_file, heads_file) = (read(members)?, read(heads)?);
    let curated = raw.curated.iter().map(|c| c.get_ref().clone()).collect();
    let compound = super::compound::parse(&members_file, &heads_file, case_sensitive, curated, diags);
    Some(RuleSource::Gazetteer {
        path: members_file.path().to_path_buf(),
        terms: Vec::new(),
        compound: Some(Box::new(compound)),
    })
}

/// The diagnostic for a data file (`what`: `"gazetteer "` or empty) named
/// at `key` in `file` that cannot be read at `path`: bad UTF-8 points into
/// the data file, anything else at the key.
fn unreadable(file: &SourceFile, key: &Spanned<String>, path: &Path, e: &std::io::Error, what: &str) -> Diagnostic {
    super::tree::utf8_diagnostic(path, e).unwrap_or_else(|| {
        Diagnostic::error("missing-gazetteer", format!("cannot read {what}`{}`: {e}", path.display()))
            .at(file, key.span().start, key.span().end)
            .note("the path is relative to the rule file's folder")
    })
}

/// Reads and parses a gazetteer; `(false, _)` when the file cannot be read.
fn read_gazetteer(
    tree: &super::tree::RuleTree,
    path: &Path,
    case_sensitive: bool,
    whole_word: bool,
    diags: &mut Vec<Diagnostic>,
) -> std::io::Result<Vec<super::Term>> {
    let text = tree.read(path)?;
    let csv = SourceFile::new(path, text.into_owned());
    Ok(gazetteer::parse(&csv, case_sensitive, whole_word, diags))
}

/// Resolves `rel` against the folder of the rule file `file`.
pub fn resolve(file: &Path, rel: &str) -> std::path::PathBuf {
    file.parent().unwrap_or(Path::new(".")).join(rel)
}

fn expanded(value: &Spanned<String>, cx: &FileContext<'_>, id: &str, diags: &mut Vec<Diagnostic>) -> Option<Expanded> {
    let loc = StrLoc::of_value(cx.file, value.span());
    match expand(value.get_ref(), &loc, cx.macros) {
        Ok(e) => Some(e),
        Err(d) => {
            diags.push(d.rule(id));
            None
        }
    }
}

fn context_regex(
    value: Option<&Spanned<String>>,
    cx: &FileContext<'_>,
    id: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Expanded> {
    let mut e = expanded(value?, cx, id, diags)?;
    let hir = check_regex(&e, id, diags)?;
    e.set_hir(hir);
    Some(e)
}

/// Parses the expanded regex with regex-syntax, whose errors carry spans.
pub fn check_regex(e: &Expanded, id: &str, diags: &mut Vec<Diagnostic>) -> Option<Hir> {
    let mut parser = regex_syntax::ParserBuilder::new().build();
    match parser.parse(&e.text) {
        Ok(hir) => {
            if hir.properties().look_set().contains_word_unicode() {
                let at = e.text.find("\\b").or_else(|| e.text.find("\\B")).unwrap_or(0);
                diags.push(
                    e.diagnostic_at(
                        Diagnostic::error("slow-word-boundary", "Unicode `\\b` makes every pattern of the group slow")
                            .rule(id)
                            .note("write `(?-u:\\b)` for an ASCII word boundary, or set `whole_word = true`"),
                        at,
                        2,
                    ),
                );
                return None;
            }
            Some(hir)
        }
        Err(err) => {
            let (span, msg) = match &err {
                regex_syntax::Error::Parse(p) => (*p.span(), p.kind().to_string()),
                regex_syntax::Error::Translate(t) => (*t.span(), t.kind().to_string()),
                other => (regex_syntax::ast::Span::splat(regex_syntax::ast::Position::new(0, 1, 1)), other.to_string()),
            };
            let len = span.end.offset.saturating_sub(span.start.offset);
            diags.push(e.diagnostic_at(Diagnostic::error("invalid-regex", msg).rule(id), span.start.offset, len));
            None
        }
    }
}

fn capture_names(hir: &Hir, out: &mut Vec<String>) {
    match hir.kind() {
        HirKind::Capture(c) => {
            if let Some(n) = &c.name {
                if !out.iter().any(|o| **o == **n) {
                    out.push(n.to_string());
                }
            }
            capture_names(&c.sub, out);
        }
        HirKind::Concat(hs) | HirKind::Alternation(hs) => hs.iter().for_each(|h| capture_names(h, out)),
        HirKind::Repetition(r) => capture_names(&r.sub, out),
        _ => {}
    }
}

fn template(
    value: Option<&Spanned<String>>,
    captures: &[String],
    file: &SourceFile,
    id: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Template> {
    let value = value?;
    let text = value.get_ref();
    let loc = StrLoc::of_value(file, value.span());
    let mut parts = Vec::new();
    let mut lit = String::new();
    let mut rest = text.as_str();
    while let Some(p) = rest.find('$') {
        lit.push_str(&rest[..p]);
        let after = &rest[p + 1..];
        if let Some(stripped) = after.strip_prefix('$') {
            lit.push('$');
            rest = stripped;
            continue;
        }
        let (name, used) = if let Some(inner) = after.strip_prefix('{') {
            let end = inner.find('}').unwrap_or(inner.len());
            (&inner[..end], end + 2)
        } else {
            let end = after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(after.len());
            (&after[..end], end)
        };
        if !captures.iter().any(|c| c == name) {
            let off = loc.start + (text.len() - rest.len()) + p;
            diags.push(
                Diagnostic::error(
                    "unknown-capture",
                    format!("template refers to `${name}`, which the pattern does not capture"),
                )
                .rule(id)
                .at(file, off, off + used + 1)
                .note(format!(
                    "named captures: {}",
                    if captures.is_empty() { "none".into() } else { captures.join(", ") }
                )),
            );
        }
        if !lit.is_empty() {
            parts.push(TemplatePart::Literal(std::mem::take(&mut lit)));
        }
        parts.push(TemplatePart::Capture(name.to_string()));
        rest = &after[used..];
    }
    lit.push_str(rest);
    if !lit.is_empty() {
        parts.push(TemplatePart::Literal(lit));
    }
    Some(Template { parts })
}

fn example(raw: &Spanned<RawExample>, file: &SourceFile, id: &str, diags: &mut Vec<Diagnostic>) -> Option<Example> {
    let span = raw.span();
    let raw = raw.get_ref();
    let kind_scope = match raw.scope.as_ref().map(|s| s.get_ref().as_str()) {
        None | Some("rule") => false,
        Some("kind") => true,
        Some(other) => {
            let s = raw.scope.as_ref().map_or(span.clone(), Spanned::span);
            diags.push(
                Diagnostic::error("invalid-value", format!("example scope `{other}`; expected rule or kind"))
                    .rule(id)
                    .at(file, s.start, s.end),
            );
            return None;
        }
    };
    if let Some(d) = &raw.anchor_date {
        if !is_iso_date(d) {
            diags.push(
                Diagnostic::error("invalid-example", format!("`anchor_date` must be a date YYYY-MM-DD, found `{d}`"))
                    .rule(id)
                    .at(file, span.start, span.end),
            );
            return None;
        }
    }
    let mut expect = Vec::new();
    for e in &raw.expect {
        let e = e.get_ref();
        if !raw.text.get_ref().contains(&e.text) {
            let s = raw.text.span();
            diags.push(
                Diagnostic::error(
                    "invalid-example",
                    format!("expected text `{}` does not occur in the example", e.text),
                )
                .rule(id)
                .at(file, s.start, s.end),
            );
        }
        expect.push(Expect {
            text: e.text.clone(),
            normalized: e.normalized.clone(),
            ty: e.ty.clone(),
            id: e.id.clone(),
            flags: e.flags.clone(),
            reference: e.reference.clone(),
            rule: e.rule.clone(),
        });
    }
    Some(Example {
        text: raw.text.get_ref().clone(),
        expect,
        kind_scope,
        anchor_date: raw.anchor_date.clone(),
        anchor: raw.anchor,
        span: (span.start, span.end),
    })
}

/// `YYYY-MM-DD` with a month 1-12 and a day 1-31: the shape an example's
/// `anchor_date` must have. (The date family checks the calendar when the
/// example runs; the rules layer knows no family.)
fn is_iso_date(d: &str) -> bool {
    let parts: Vec<&str> = d.split('-').collect();
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten()
    };
    match parts.as_slice() {
        [y, m, day] => {
            number(y, 4).is_some()
                && number(m, 2).is_some_and(|m| (1..=12).contains(&m))
                && number(day, 2).is_some_and(|x| (1..=31).contains(&x))
        }
        _ => false,
    }
}
