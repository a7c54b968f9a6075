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
//! the rules). [`resolve_curated`] reads them once all rules are read.
//!
//! The pairs are the rule's [`Term`]s, but they are not built up front:
//! the automaton holds only the members, the matcher tests the head's
//! literal text next to a member hit (`src/matchers/gazetteer.rs`) and asks
//! [`Compound::is_term`] whether that pair is one of the rule's terms, and a
//! row's `normalized` and `id` values are filled from the templates when
//! the row is made ([`Compound::term`]). A term is named by its pair code,
//! `member × heads + head`, which orders pairs the way they are visited.
//! Building all 42,035 pairs of the shipped rules at start-up took 172 M of
//! its 743 M instructions (docs/entities.md); only `rules export-terms` and
//! the term counts of `rules plan` and `rules explain` still list them
//! ([`Compound::term_codes`]).

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

/// The members and heads of a compound gazetteer rule, and what decides
/// which pairs are terms of the rule.
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
    /// `head_sets[set_of[m]]`: the heads member `m` shares a class with, in
    /// head order; members with the same classes share one list.
    head_sets: Vec<Vec<u32>>,
    set_of: Vec<u32>,
    /// [`Edges`] of each head, by head index.
    edges: Vec<Edges>,
    /// Member indices sorted by surface (file order among equal surfaces),
    /// to find the members a pair's surface could be spelled with.
    by_surface: Vec<u32>,
    /// What the curated rules list: their surfaces, and the first canonical
    /// name of each id. Filled by [`resolve_curated`].
    curated_surfaces: HashSet<String>,
    lent: HashMap<String, Arc<str>>,
    /// The rule's `whole_word`, every pair's.
    whole_word: bool,
}

impl Compound {
    /// The heads member `m` combines with, in head order.
    pub fn heads_of(&self, m: usize) -> &[u32] {
        self.set_of.get(m).map_or(&[], |&s| &self.head_sets[s as usize])
    }

    /// Whether head `h` can stand next to a member whose text has `near`
    /// around it ([`Edges::around`]): a quick test of up to four bytes on
    /// each side, which most heads fail; the whole head is compared after.
    pub fn may_fit(&self, h: usize, near: Edges) -> bool {
        let e = self.edges[h];
        near.before & e.before_mask == e.before && near.after & e.after_mask == e.after
    }

    /// The code of the pair of member `m` and head `h`: the term index of
    /// the pair, increasing in the order pairs are visited.
    pub fn pair_code(&self, m: usize, h: usize) -> u32 {
        (m * self.heads.len() + h) as u32
    }

    /// Whether pairs must start and end on word edges (the rule's
    /// `whole_word`).
    pub fn whole_word(&self) -> bool {
        self.whole_word
    }

    /// The member and head of pair `code`.
    fn pair_of(&self, code: u32) -> (usize, usize) {
        let code = code as usize;
        (code / self.heads.len(), code % self.heads.len())
    }

    /// The surface of the pair of member `m` and head `h`, folded.
    pub fn surface(&self, m: usize, h: usize) -> String {
        let (member, head) = (&self.members[m], &self.heads[h]);
        let mut surface = String::with_capacity(head.before.len() + member.surface.len() + head.after.len());
        surface.push_str(&head.before);
        surface.push_str(&member.surface);
        surface.push_str(&head.after);
        surface
    }

    /// Whether the pair of member `m` and head `h` (which share a class) is
    /// a term of the rule: no curated rule lists its surface, and no pair
    /// visited before it spells the same surface (the first keeps it).
    ///
    /// An earlier pair with the same surface has a head whose text starts
    /// and ends that surface and a member spelling what lies between, so
    /// the heads are tried in turn and the members found by their surface,
    /// with no table of all pairs.
    pub fn is_term(&self, m: usize, h: usize) -> bool {
        let surface = self.surface(m, h);
        if self.curated_surfaces.contains(&surface) {
            return false;
        }
        for (h2, head) in self.heads.iter().enumerate() {
            let Some(middle) =
                surface.strip_prefix(head.before.as_str()).and_then(|r| r.strip_suffix(head.after.as_str()))
            else {
                continue;
            };
            for m2 in self.members_spelled(middle) {
                if m2 > m || (m2 == m && h2 >= h) {
                    break;
                }
                if self.members[m2].classes & head.classes != 0 {
                    return false;
                }
            }
        }
        true
    }

    /// The members whose surface is `surface`, in file order.
    fn members_spelled<'a>(&'a self, surface: &'a str) -> impl Iterator<Item = usize> + 'a {
        let at = self.by_surface.partition_point(|&i| self.members[i as usize].surface.as_str() < surface);
        self.by_surface[at..].iter().map(|&i| i as usize).take_while(move |&i| self.members[i].surface == surface)
    }

    /// The term of pair `code` (a term by [`Compound::is_term`]): its
    /// surface, and its `normalized` and `id` values filled from the head's
    /// templates, or the canonical name a curated rule gives its id.
    pub fn term(&self, code: u32) -> Term {
        let (m, h) = self.pair_of(code);
        let (member, head) = (&self.members[m], &self.heads[h]);
        let id = fill(&head.id, member);
        let canonical = match self.lent.get(&id) {
            Some(c) => c.clone(),
            None => Arc::from(fill(&head.canonical, member)),
        };
        Term {
            surface: self.surface(m, h),
            canonical,
            id: Arc::from(id),
            ty: None,
            case_sensitive: member.case_sensitive || head.case_sensitive,
            whole_word: self.whole_word,
            line: 0,
        }
    }

    /// The codes of all pairs that are terms, in visit order: for `rules
    /// export-terms` and the term counts, never for matching. One set of
    /// the surfaces seen so far answers [`Compound::is_term`] for every
    /// pair at once.
    pub fn term_codes(&self) -> Vec<u32> {
        let mut seen: HashSet<String> = self.curated_surfaces.clone();
        let mut codes = Vec::new();
        for m in 0..self.members.len() {
            for &h in self.heads_of(m) {
                if seen.insert(self.surface(m, h as usize)) {
                    codes.push(self.pair_code(m, h as usize));
                }
            }
        }
        codes
    }
}

/// Up to four bytes on each side of a member, ASCII case folded and packed
/// into a word each, the byte next to the member lowest: a head's own edge
/// bytes with masks as long as they are ([`Edges::of_head`]), or the text's
/// ([`Edges::around`]). A country name meets 120 heads, and one or two fit;
/// comparing words instead of strings made the pair search 3.1× cheaper
/// (callgrind, 8 MB of many files: 255 M → 82 M instructions, the run 3.6%
/// fewer).
#[derive(Clone, Copy, Debug, Default)]
pub struct Edges {
    before: u32,
    before_mask: u32,
    after: u32,
    after_mask: u32,
}

impl Edges {
    /// The edge bytes of a head with text `before` and `after` the member.
    fn of_head(before: &str, after: &str) -> Edges {
        let (before, before_mask) = pack(before.bytes().rev());
        let (after, after_mask) = pack(after.bytes());
        Edges { before, before_mask, after, after_mask }
    }

    /// The bytes of `hay` around a member at `start..end` (no masks).
    pub fn around(hay: &[u8], start: usize, end: usize) -> Edges {
        let (before, _) = pack(hay[..start].iter().rev().copied());
        let (after, _) = pack(hay[end..].iter().copied());
        Edges { before, after, ..Edges::default() }
    }
}

/// The first four bytes of `bytes`, ASCII case folded, the first lowest,
/// and the mask of the bytes there were.
fn pack(bytes: impl Iterator<Item = u8>) -> (u32, u32) {
    bytes.take(4).enumerate().fold((0, 0), |(word, mask), (i, b)| {
        (word | u32::from(b.to_ascii_lowercase()) << (8 * i), mask | 0xff << (8 * i))
    })
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
    let mut sets: HashMap<u64, u32> = HashMap::new();
    let mut head_sets: Vec<Vec<u32>> = Vec::new();
    let set_of = members
        .iter()
        .map(|m| {
            *sets.entry(m.classes).or_insert_with(|| {
                let shared = heads.iter().enumerate().filter(|(_, h)| h.classes & m.classes != 0);
                head_sets.push(shared.map(|(i, _)| i as u32).collect());
                (head_sets.len() - 1) as u32
            })
        })
        .collect();
    let mut by_surface: Vec<u32> = (0..members.len() as u32).collect();
    by_surface.sort_by(|&a, &b| members[a as usize].surface.cmp(&members[b as usize].surface));
    if members.len().checked_mul(heads.len()).is_none_or(|n| n > u32::MAX as usize) {
        diags.push(
            Diagnostic::error(
                "too-many-pairs",
                format!("{} members × {} heads is more pairs than a term index holds", members.len(), heads.len()),
            )
            .at(heads_file, 0, 0),
        );
    }
    let edges = heads.iter().map(|h| Edges::of_head(&h.before, &h.after)).collect();
    Compound {
        members_path: members_file.path().to_path_buf(),
        heads_path: heads_file.path().to_path_buf(),
        members,
        heads,
        curated,
        head_sets,
        set_of,
        edges,
        by_surface,
        curated_surfaces: HashSet::new(),
        lent: HashMap::new(),
        whole_word: true,
    }
}

/// Fills `{member}`, `{name}` and `{code}` of `template`, in one pass (run
/// for a pair's row; three `String::replace` took 35 M instructions when
/// every pair was filled at start-up).
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

/// Reads into each compound rule of `rules` what its curated rules list,
/// now that they are read: the surfaces they leave no pair, and the
/// canonical names they lend to ids. An unknown curated rule is an error.
pub fn resolve_curated(rules: &mut [Rule], diags: &mut Vec<Diagnostic>) {
    for i in 0..rules.len() {
        let RuleSource::Gazetteer { compound: Some(compound), .. } = &rules[i].source else { continue };
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
        let RuleSource::Gazetteer { compound: Some(compound), .. } = &mut rules[i].source else {
            unreachable!("checked above")
        };
        compound.curated_surfaces = surfaces;
        compound.lent = lent;
        compound.whole_word = whole_word;
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
    fn edge_words_let_through_the_heads_that_fit_and_no_others() {
        let near = |hay: &str, member: &str| {
            let start = hay.find(member).unwrap();
            Edges::around(hay.as_bytes(), start, start + member.len())
        };
        let fits = |before: &str, after: &str, near: Edges| {
            let e = Edges::of_head(before, after);
            near.before & e.before_mask == e.before && near.after & e.after_mask == e.after
        };
        let japan = near("the GOVERNMENT OF Japan said", "Japan");
        assert!(fits("government of ", "", japan));
        assert!(fits("", " said", japan));
        assert!(!fits("embassy in ", "", japan));
        // Four bytes only: a necessary test, the whole head is compared after.
        assert!(fits("ministry of ", "", japan));
        assert!(!fits("", " navy", japan));
        // At the edges of the text and beside multi-byte text.
        let start = near("Japan", "Japan");
        assert!(!fits("government of ", "", start) && !fits("", " navy", start) && fits("", "", start));
        assert!(fits("", "政府", near("日本政府は", "日本")));
        assert!(!fits("", "外務省", near("日本政府は", "日本")));
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
    fn the_first_pair_keeps_a_surface_and_curated_surfaces_are_left() {
        // `X` + ` Y Navy` and `X Y` + ` Navy` spell one surface; `Z Navy`
        // is a curated rule's.
        let (mut c, diags) = compound(
            "surface,code,name,classes\nX,XA,Xa,en\nX Y,XB,Xb,en\nZ,ZZ,Zz,en\nX,XC,Xc,en\n",
            "head,classes,canonical,id\n{member} Y Navy,en,Y Navy of {name},mil:{code}-y\n\
             {member} Navy,en,Navy of {name},mil:{code}-navy\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        c.curated_surfaces.insert("Z Navy".to_string());
        c.lent.insert("mil:XB-navy".to_string(), Arc::from("Lent"));
        let terms: Vec<(usize, usize)> =
            (0..4).flat_map(|m| (0..2).map(move |h| (m, h))).filter(|&(m, h)| c.is_term(m, h)).collect();
        // (1, 1) spells `X Y Navy` like (0, 0); (3, _) spell what (0, _) do.
        assert_eq!(terms, [(0, 0), (0, 1), (1, 0), (2, 0)]);
        let codes: Vec<u32> = terms.iter().map(|&(m, h)| c.pair_code(m, h)).collect();
        assert_eq!(c.term_codes(), codes);
        let t = c.term(c.pair_code(0, 0));
        assert_eq!((t.surface.as_str(), &*t.canonical, &*t.id), ("X Y Navy", "Y Navy of Xa", "mil:XA-y"));
        assert_eq!(&*c.term(c.pair_code(1, 1)).canonical, "Lent");
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
