//! Members CSV × heads CSV → a [`Compound`]: the terms of a gazetteer rule
//! made of a member and a head word (`Government of {member}`, `{member}
//! Navy`, `{member}政府`), declared once each instead of once per pair.
//!
//! The members CSV lists the surfaces that fill `{member}`:
//!
//! | column | meaning |
//! |---|---|
//! | `surface` | the member as written (folded like documents) |
//! | `code` | fills `{code}` in the head's `canonical` and `id` (`DE`) |
//! | `name` | fills `{name}` (`Germany`, `the United States`) |
//! | `classes` | space-separated classes: the heads it combines with |
//! | `case_sensitive` | `true`/`false`; empty inherits the rule's setting |
//! | `note`, `source` | free text for people |
//!
//! The heads CSV lists the head words:
//!
//! | column | meaning |
//! |---|---|
//! | `head` | the surface with `{member}` where the member goes, once |
//! | `classes` | space-separated classes of the members it combines with |
//! | `canonical` | template of the `normalized` value (`{member}`, `{name}`, `{code}`) |
//! | `id` | template of the `id` value |
//! | `case_sensitive` | `true`/`false`; empty inherits the rule's setting |
//! | `note`, `source` | free text for people |
//!
//! A member and a head make a pair when they share a class. Pairs are
//! visited member by member in file order, and for each member head by head
//! in file order; when two pairs spell the same surface the first keeps it.
//! A pair is case-sensitive when its member or its head is.
//!
//! The rule's `curated` gazetteers win: a pair whose surface one of them
//! lists is left to it, and a pair whose `id` one of them has takes that
//! row's canonical name (the first such row, in the order `curated` names
//! the rules). [`expand`] resolves this once all rules are read.
//!
//! The pairs become the rule's [`Term`]s, for the `normalized` and `id`
//! columns and for `rules export-terms`; the automaton holds only the
//! members, and the matcher tests the head's literal text next to a member
//! hit (`src/matchers/gazetteer.rs`).

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use super::gazetteer::csv_error;
use super::{Rule, RuleSource, Term};
use crate::diagnostic::{Diagnostic, SourceFile};
use crate::text::fold;

/// A member: what fills `{member}`.
#[derive(Clone, Debug)]
pub struct Member {
    /// Folded surface.
    pub surface: String,
    /// Fills `{code}`.
    pub code: String,
    /// Fills `{name}`.
    pub name: String,
    /// Its classes, one bit each.
    pub classes: u64,
    /// Whether ASCII case must match exactly.
    pub case_sensitive: bool,
}

/// A head word, with the text on each side of the member.
#[derive(Clone, Debug)]
pub struct Head {
    /// Text before the member (`Government of `), folded.
    pub before: String,
    /// Text after the member (` Navy`, `政府`), folded.
    pub after: String,
    /// The member classes it combines with, one bit each.
    pub classes: u64,
    /// Template of the canonical name.
    pub canonical: String,
    /// Template of the id.
    pub id: String,
    /// Whether ASCII case must match exactly.
    pub case_sensitive: bool,
}

/// The members and heads of a compound gazetteer rule, and which pairs are
/// terms of the rule.
#[derive(Clone, Debug)]
pub struct Compound {
    /// The members CSV.
    pub members_path: PathBuf,
    /// The heads CSV.
    pub heads_path: PathBuf,
    /// Members, in file order.
    pub members: Vec<Member>,
    /// Heads, in file order.
    pub heads: Vec<Head>,
    /// Names of the curated rules (`file/id`), in precedence order.
    pub curated: Vec<String>,
    /// `pairs[starts[m]..starts[m + 1]]`: (head, term) of member `m`'s pairs
    /// that are terms of the rule, in head order. Filled by [`expand`].
    pairs: Vec<(u32, u32)>,
    starts: Vec<u32>,
}

impl Compound {
    /// The (head, term) pairs of member `m`.
    pub fn pairs_of(&self, m: usize) -> &[(u32, u32)] {
        match (self.starts.get(m), self.starts.get(m + 1)) {
            (Some(&s), Some(&e)) => &self.pairs[s as usize..e as usize],
            _ => &[],
        }
    }
}

const MEMBER_COLUMNS: &[&str] = &["surface", "code", "name", "classes", "case_sensitive", "note", "source"];
const HEAD_COLUMNS: &[&str] = &["head", "classes", "canonical", "id", "case_sensitive", "note", "source"];
const PLACEHOLDERS: &[&str] = &["{member}", "{name}", "{code}"];

/// One CSV row: its cells by column name, its byte range and line.
struct Row {
    cells: HashMap<&'static str, String>,
    at: (usize, usize),
}

impl Row {
    fn get(&self, name: &str) -> &str {
        self.cells.get(name).map_or("", String::as_str)
    }
}

/// Reads `file` with the known `columns`, `required` among them.
fn read_rows(file: &SourceFile, columns: &[&'static str], required: &[&str], diags: &mut Vec<Diagnostic>) -> Vec<Row> {
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(file.text().as_bytes());
    let headers = match reader.headers() {
        Ok(h) => h.clone(),
        Err(e) => {
            diags.push(csv_error(file, &e));
            return Vec::new();
        }
    };
    let mut col: Vec<(&'static str, usize)> = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        let name = h.trim().trim_start_matches('\u{FEFF}');
        if let Some(&c) = columns.iter().find(|&&c| c == name) {
            col.push((c, i));
        } else {
            let at = file.text().find(h).unwrap_or(0);
            diags.push(
                Diagnostic::error("unknown-column", format!("unknown column `{name}`"))
                    .at(file, at, at + h.len())
                    .note(format!("expected columns: {}", columns.join(", "))),
            );
        }
    }
    let header_end = file.text().find('\n').unwrap_or(file.text().len());
    let missing: Vec<&&str> = required.iter().filter(|r| !col.iter().any(|(c, _)| c == *r)).collect();
    for r in &missing {
        diags.push(Diagnostic::error("missing-column", format!("no `{r}` column")).at(file, 0, header_end));
    }
    if !missing.is_empty() {
        return Vec::new();
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                diags.push(csv_error(file, &e));
                continue;
            }
        };
        let pos = record.position().map_or(0, |p| p.byte() as usize);
        let end = file.text()[pos..].find('\n').map_or(file.text().len(), |p| pos + p);
        let cells = col.iter().map(|&(c, i)| (c, record.get(i).unwrap_or("").trim().to_string())).collect();
        let row = Row { cells, at: (pos, end) };
        if let Some(r) = required.iter().find(|r| row.get(r).is_empty()) {
            diags.push(Diagnostic::error("empty-term", format!("every row needs a `{r}` value")).at(file, pos, end));
            continue;
        }
        rows.push(row);
    }
    rows
}

/// `true`/`false` of column `name`, `default` when empty.
fn flag(file: &SourceFile, row: &Row, name: &str, default: bool, diags: &mut Vec<Diagnostic>) -> bool {
    super::gazetteer::cell_flag(row.get(name), name, default, file, row.at, diags)
}

/// A template with a placeholder other than `{member}`, `{name}`, `{code}`.
fn unknown_placeholder(template: &str) -> Option<&str> {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
        let placeholder = &rest[open..close];
        if !PLACEHOLDERS.contains(&placeholder) {
            return Some(placeholder);
        }
        rest = &rest[close..];
    }
    None
}

/// Reads the members and heads files of a rule. `case_sensitive` is the
/// rule's default. Problems are pushed to `diags`; rows with problems are
/// left out.
pub fn parse(
    members_file: &SourceFile,
    heads_file: &SourceFile,
    case_sensitive: bool,
    curated: Vec<String>,
    diags: &mut Vec<Diagnostic>,
) -> Compound {
    let mut class_bits: HashMap<String, u64> = HashMap::new();
    let mut members = Vec::new();
    for row in read_rows(members_file, MEMBER_COLUMNS, &["surface", "code", "name", "classes"], diags) {
        let mut classes = 0;
        for class in row.get("classes").split_whitespace() {
            let next = class_bits.len();
            if next == 64 && !class_bits.contains_key(class) {
                diags.push(
                    Diagnostic::error("too-many-classes", format!("class `{class}` is the 65th; at most 64")).at(
                        members_file,
                        row.at.0,
                        row.at.1,
                    ),
                );
                continue;
            }
            classes |= *class_bits.entry(class.to_string()).or_insert(1 << next);
        }
        members.push(Member {
            surface: fold(row.get("surface")).into_owned(),
            code: row.get("code").to_string(),
            name: row.get("name").to_string(),
            classes,
            case_sensitive: flag(members_file, &row, "case_sensitive", case_sensitive, diags),
        });
    }
    let mut heads = Vec::new();
    for row in read_rows(heads_file, HEAD_COLUMNS, &["head", "classes", "canonical", "id"], diags) {
        let head = row.get("head");
        let err = |code: &'static str, msg: String| Diagnostic::error(code, msg).at(heads_file, row.at.0, row.at.1);
        let Some((before, after)) = head.split_once("{member}").filter(|(_, a)| !a.contains("{member}")) else {
            diags.push(err("invalid-head", format!("head `{head}` must contain `{{member}}` once")));
            continue;
        };
        if before.is_empty() && after.is_empty() {
            diags.push(err("invalid-head", "a head needs text before or after `{member}`".to_string()));
            continue;
        }
        if let Some(p) = ["canonical", "id"].iter().find_map(|c| unknown_placeholder(row.get(c))) {
            diags.push(err("unknown-placeholder", format!("unknown `{p}`; expected {}", PLACEHOLDERS.join(", "))));
            continue;
        }
        let mut classes = 0;
        for class in row.get("classes").split_whitespace() {
            match class_bits.get(class) {
                Some(bit) => classes |= bit,
                None => diags.push(
                    err("unknown-class", format!("no member has class `{class}`"))
                        .note(format!("the members are in {}", members_file.path().display())),
                ),
            }
        }
        heads.push(Head {
            before: fold(before).into_owned(),
            after: fold(after).into_owned(),
            classes,
            canonical: row.get("canonical").to_string(),
            id: row.get("id").to_string(),
            case_sensitive: flag(heads_file, &row, "case_sensitive", case_sensitive, diags),
        });
    }
    Compound {
        members_path: members_file.path().to_path_buf(),
        heads_path: heads_file.path().to_path_buf(),
        members,
        heads,
        curated,
        pairs: Vec::new(),
        starts: Vec::new(),
    }
}

/// Fills `{member}`, `{name}` and `{code}` of `template`, in one pass (run
/// for every pair at start-up: three `String::replace` took 35 M
/// instructions for the shipped rules).
fn fill(template: &str, m: &Member) -> String {
    let mut out = String::with_capacity(template.len() + m.name.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let tail = &rest[open..];
        let (value, len) = if tail.starts_with("{member}") {
            (m.surface.as_str(), "{member}".len())
        } else if tail.starts_with("{name}") {
            (m.name.as_str(), "{name}".len())
        } else if tail.starts_with("{code}") {
            (m.code.as_str(), "{code}".len())
        } else {
            ("{", 1)
        };
        out.push_str(value);
        rest = &tail[len..];
    }
    out.push_str(rest);
    out
}

/// Expands the compound rules of `rules` into their terms, now that the
/// curated rules they name are read. An unknown curated rule is an error.
pub fn expand(rules: &mut [Rule], diags: &mut Vec<Diagnostic>) {
    for i in 0..rules.len() {
        let RuleSource::Gazetteer { compound: Some(compound), .. } = &rules[i].source else { continue };
        // What the curated rules list: their surfaces, and the first
        // canonical name of each id.
        let mut surfaces: HashSet<String> = HashSet::new();
        let mut lent: HashMap<String, Arc<str>> = HashMap::new();
        for name in &compound.curated {
            let full = if name.contains('/') {
                name.clone()
            } else {
                format!("{}/{name}", rules[i].name.split_once('/').map_or("", |(stem, _)| stem))
            };
            let found = rules.iter().find(|r| *r.name == *full);
            let Some(RuleSource::Gazetteer { terms, .. }) = found.map(|r| &r.source) else {
                diags.push(
                    rules[i].diagnostic(
                        Diagnostic::error("unknown-rule", format!("curated rule `{name}` is no gazetteer rule"))
                            .note("name a gazetteer rule as `file/id`, or by its id in the same file"),
                    ),
                );
                continue;
            };
            for t in terms {
                surfaces.insert(t.surface.clone());
                lent.entry(t.id.to_string()).or_insert_with(|| t.canonical.clone());
            }
        }
        let whole_word = rules[i].whole_word;
        let mut interned: HashMap<String, Arc<str>> = HashMap::new();
        let mut intern = |s: String| interned.entry(s).or_insert_with_key(|s| Arc::from(s.as_str())).clone();
        // A pair's surface is left to a curated rule that lists it, and
        // kept once: one set answers both.
        let mut seen: HashSet<String> = surfaces;
        // The id and canonical name of a pair depend on the head and the
        // member's name and code only (unless a template names the
        // `{member}`): filled once per head and country name, not once per
        // pair (49,000 pairs from 145 heads, 2026-12-04).
        let mut names: HashMap<(&str, &str), usize> = HashMap::new();
        let name_of: Vec<usize> = compound
            .members
            .iter()
            .map(|m| {
                let next = names.len();
                *names.entry((m.code.as_str(), m.name.as_str())).or_insert(next)
            })
            .collect();
        let per_member = |h: &Head| h.id.contains("{member}") || h.canonical.contains("{member}");
        let mut filled: Vec<Option<(Arc<str>, Arc<str>)>> = vec![None; compound.heads.len() * names.len()];
        let mut terms = Vec::new();
        let mut pairs = Vec::new();
        let mut starts = Vec::with_capacity(compound.members.len() + 1);
        for (k, m) in compound.members.iter().enumerate() {
            starts.push(pairs.len() as u32);
            for (h, head) in compound.heads.iter().enumerate() {
                if m.classes & head.classes == 0 {
                    continue;
                }
                let mut surface = String::with_capacity(head.before.len() + m.surface.len() + head.after.len());
                surface.push_str(&head.before);
                surface.push_str(&m.surface);
                surface.push_str(&head.after);
                if seen.contains(&surface) {
                    continue;
                }
                seen.insert(surface.clone());
                let mut fill_pair = || {
                    let id = fill(&head.id, m);
                    let canonical = match lent.get(&id) {
                        Some(c) => c.clone(),
                        None => intern(fill(&head.canonical, m)),
                    };
                    (intern(id), canonical)
                };
                let (id, canonical) = if per_member(head) {
                    fill_pair()
                } else {
                    filled[h * names.len() + name_of[k]].get_or_insert_with(fill_pair).clone()
                };
                pairs.push((h as u32, terms.len() as u32));
                terms.push(Term {
                    surface,
                    canonical,
                    id,
                    ty: None,
                    case_sensitive: m.case_sensitive || head.case_sensitive,
                    whole_word,
                    line: 0,
                });
            }
        }
        starts.push(pairs.len() as u32);
        let RuleSource::Gazetteer { terms: rule_terms, compound: Some(compound), .. } = &mut rules[i].source else {
            unreachable!("checked above")
        };
        compound.pairs = pairs;
        compound.starts = starts;
        *rule_terms = terms;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compound(members: &str, heads: &str) -> (Compound, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let c =
            parse(&SourceFile::new("m.csv", members), &SourceFile::new("h.csv", heads), false, Vec::new(), &mut diags);
        (c, diags)
    }

    #[test]
    fn parses_members_heads_and_classes() {
        let (c, diags) = compound(
            "surface,code,name,classes,case_sensitive\nGermany,DE,Germany,en of,\nドイツ,DE,Germany,ja,true\n",
            "head,classes,canonical,id,case_sensitive\nGovernment of {member},of,Government of {name},gov:{code},\n\
             {member}政府,ja,Government of {name},gov:{code},true\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!((c.heads[0].before.as_str(), c.heads[0].after.as_str()), ("Government of ", ""));
        assert_eq!(c.heads[1].after, "政府");
        assert_eq!(c.members[0].classes & c.heads[0].classes, c.heads[0].classes);
        assert_eq!(c.members[1].classes & c.heads[0].classes, 0);
        assert!(c.members[1].case_sensitive && !c.members[0].case_sensitive);
    }

    #[test]
    fn fills_templates() {
        let m = Member {
            surface: "U.S.".into(),
            code: "US".into(),
            name: "the United States".into(),
            classes: 1,
            case_sensitive: false,
        };
        assert_eq!(fill("Navy of {name}", &m), "Navy of the United States");
        assert_eq!(fill("mil:{code}-navy", &m), "mil:US-navy");
        assert_eq!(fill("{member} {x}", &m), "U.S. {x}");
    }

    #[test]
    fn reports_bad_heads_and_unknown_classes() {
        let (_, diags) = compound(
            "surface,code,name,classes\nGermany,DE,Germany,en\n",
            "head,classes,canonical,id\nNavy,en,x,y\n{member} Navy,dem,x,y\n{member} Army,en,{nme},y\n",
        );
        let codes: Vec<_> = diags.iter().map(Diagnostic::code).collect();
        assert_eq!(codes, ["invalid-head", "unknown-class", "unknown-placeholder"]);
    }
}
