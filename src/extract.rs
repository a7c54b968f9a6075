//! One document → its [`Row`]s: the per-document pipeline.
//!
//! ```text
//! Document ─ view ─▶ DocumentView ─ matchers (chunks in parallel when large) ─▶ Vec<Candidate>
//!          ─ overlap ─▶ survivors ─ document passes (acronym mentions, person names, dates)
//!          ─ normalize + offset map + locator ─▶ Vec<Row>, sorted
//! ```
//!
//! The [`Extractor`] is immutable and cheap to clone (an `Arc`); the mutable
//! state a thread needs is a [`Scratch`], reused across documents.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::compile::{self, Compiled, Plan};
use crate::error::Result;
use crate::families::{self, dates::Anchor, dates::FiscalYear};
use crate::matchers::detector::DetectFn;
use crate::matchers::pattern::GroupScratch;
use crate::matchers::{self, Candidate, Value};
use crate::normalize::{Flags, RefSpan, Resources};
use crate::passes::{self, Pass, PassContext};
use crate::row::Row;
use crate::rules::{self, Kind, Rule, RuleSet, RuleSource};
use crate::text::{count_chars, DocumentView, Locator, OffsetMap};

/// A document to extract from.
#[derive(Clone, Debug)]
pub struct Document {
    /// The `doc` column.
    pub id: Arc<str>,
    /// The text.
    pub text: String,
    /// A reference date for relative dates (`YYYY-MM-DD`, optionally
    /// followed by a time), from the record; used when anchoring is on, and
    /// ignored when it does not parse.
    pub date: Option<String>,
}

impl Document {
    /// A document with an id and a text.
    pub fn new(id: impl Into<Arc<str>>, text: impl Into<String>) -> Document {
        Document { id: id.into(), text: text.into(), date: None }
    }
}

/// Compiled rules, ready to extract from any number of documents, from any
/// number of threads.
#[derive(Clone, Debug)]
pub struct Extractor {
    inner: Arc<Engine>,
    anchor: Anchor,
    fiscal_year: FiscalYear,
    chunk_size: usize,
    section_size: usize,
}

/// The compiled rules with what the families bring to run them.
#[derive(Debug)]
struct Engine {
    compiled: Compiled,
    /// Detector rules and their functions.
    detectors: Vec<(u32, DetectFn)>,
    /// Document passes, in order.
    passes: Vec<Pass>,
    /// Kinds, in summary order.
    kinds: Vec<Kind>,
}

/// Default size of the chunks a large document is matched in, in parallel.
pub const DEFAULT_CHUNK_SIZE: usize = 1 << 20;

/// Size of the sections a large document is extracted in, one after
/// another ([`Extractor::extract_each`]): what bounds the memory one
/// document needs beyond its text. Fixed, not a run option, so that a
/// document's rows never depend on how the run was configured. 4 MiB keeps
/// a section's candidates and rows (about 70,000 rows of 264 bytes plus
/// their strings, on the bench corpus) well under 100 MB, while the cost of
/// its edges (16 KiB of text matched twice) stays at 0.4%.
pub const SECTION_SIZE: usize = 4 << 20;

/// Configures and builds an [`Extractor`].
#[derive(Clone, Debug)]
pub struct ExtractorBuilder {
    rules: RulesFrom,
    anchor: Anchor,
    chunk_size: usize,
}

/// Where the builder takes its rules from.
#[derive(Clone, Debug)]
enum RulesFrom {
    /// The shipped rules built into the binary.
    BuiltIn,
    /// A rules folder.
    Dir(PathBuf),
    /// Rule files in memory: `(path, text)`; data files they name are
    /// looked up among them, relative to the rule file.
    Memory(Vec<(PathBuf, String)>),
}

impl Default for ExtractorBuilder {
    fn default() -> Self {
        ExtractorBuilder { rules: RulesFrom::BuiltIn, anchor: Anchor::Off, chunk_size: DEFAULT_CHUNK_SIZE }
    }
}

impl ExtractorBuilder {
    /// Rules from a folder instead of the built-in shipped rules (the
    /// default): every `*.toml` file in it, with the data files they name.
    #[must_use]
    pub fn rules(mut self, dir: impl AsRef<Path>) -> ExtractorBuilder {
        self.rules = RulesFrom::Dir(dir.as_ref().to_path_buf());
        self
    }

    /// The shipped rules built into the binary (the default).
    #[must_use]
    pub fn builtin_rules(mut self) -> ExtractorBuilder {
        self.rules = RulesFrom::BuiltIn;
        self
    }

    /// Rule files given in memory as `(path, text)`: the `*.toml` files
    /// among them are the rule files, the others the data files (gazetteer
    /// CSVs, tables) they name by paths relative to their own.
    #[must_use]
    pub fn rule_files<P: Into<PathBuf>, T: Into<String>>(
        mut self,
        files: impl IntoIterator<Item = (P, T)>,
    ) -> ExtractorBuilder {
        self.rules = RulesFrom::Memory(files.into_iter().map(|(p, t)| (p.into(), t.into())).collect());
        self
    }

    /// Whether and how dates without a year are resolved (default
    /// [`Anchor::Off`]; see `docs/dates.md`).
    #[must_use]
    pub fn anchor(mut self, anchor: Anchor) -> ExtractorBuilder {
        self.anchor = anchor;
        self
    }

    /// Documents longer than 1.5 chunks are matched in chunks of about this
    /// many bytes, in parallel (default 1 MiB; 0 never splits). The output
    /// does not depend on it.
    #[must_use]
    pub fn chunk_size(mut self, bytes: usize) -> ExtractorBuilder {
        self.chunk_size = bytes;
        self
    }

    /// Loads, validates and compiles the rules.
    ///
    /// # Errors
    /// A rules error with every diagnostic, or an I/O error.
    pub fn build(self) -> Result<Extractor> {
        let set = match &self.rules {
            RulesFrom::BuiltIn => rules::load_builtin(&families::catalog())?,
            RulesFrom::Dir(dir) => rules::load_dir(dir, &families::catalog())?,
            RulesFrom::Memory(files) => {
                let tree =
                    rules::RuleTree::memory(files.iter().map(|(p, t)| (p.clone(), std::borrow::Cow::Owned(t.clone()))));
                let rule_files: Vec<_> = files
                    .iter()
                    .filter(|(p, _)| p.extension().is_some_and(|e| e == "toml"))
                    .map(|(p, t)| crate::diagnostic::SourceFile::new(p.clone(), t.clone()))
                    .collect();
                rules::load::load_tree(&rule_files, &tree, &families::catalog())?
            }
        };
        Ok(Extractor::from_rules(set)?.with_anchor(self.anchor).with_chunk_size(self.chunk_size))
    }
}

/// Per-thread scratch space: reused buffers and regex caches.
#[derive(Debug)]
pub struct Scratch {
    candidates: Vec<Candidate>,
    groups: Vec<GroupScratch>,
    /// One set of regex caches per worker of a chunked match, kept warm
    /// across sections and documents.
    chunk_groups: Vec<Vec<GroupScratch>>,
    order: Vec<u32>,
    keep: Vec<bool>,
}

impl Extractor {
    /// Starts a builder.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Compiles an already loaded rule set.
    ///
    /// # Errors
    /// A rules error when a regex group does not build.
    pub fn from_rules(set: RuleSet) -> Result<Extractor> {
        let compiled = compile::compile(set)?;
        let detectors = matchers::detector::resolve(&compiled, &families::detectors());
        let kinds = families::catalog().kinds;
        let engine = Engine { compiled, detectors, passes: families::passes(), kinds };
        Ok(Extractor {
            inner: Arc::new(engine),
            anchor: Anchor::Off,
            fiscal_year: FiscalYear::default(),
            chunk_size: DEFAULT_CHUNK_SIZE,
            section_size: SECTION_SIZE,
        })
    }

    /// The same compiled rules with another date anchoring setting (cheap).
    #[must_use]
    pub fn with_anchor(&self, anchor: Anchor) -> Extractor {
        Extractor { anchor, ..self.clone() }
    }

    /// The same compiled rules with another fiscal-year reading (cheap; see
    /// [`FiscalYear`]).
    #[must_use]
    pub fn with_fiscal_year(&self, fiscal_year: FiscalYear) -> Extractor {
        Extractor { fiscal_year, ..self.clone() }
    }

    /// The same compiled rules with another chunk size (cheap; see
    /// [`ExtractorBuilder::chunk_size`]).
    #[must_use]
    pub fn with_chunk_size(&self, chunk_size: usize) -> Extractor {
        Extractor { chunk_size, ..self.clone() }
    }

    /// The same compiled rules cutting documents into sections of `bytes`
    /// instead of [`SECTION_SIZE`]: for tests, which check that the rows do
    /// not depend on it (a section is at least 16 KiB, twice the
    /// context a section's view takes from each neighbour).
    #[doc(hidden)]
    #[must_use]
    pub fn with_section_size(&self, bytes: usize) -> Extractor {
        Extractor { section_size: bytes.max(16 << 10), ..self.clone() }
    }

    /// The date anchoring setting.
    pub fn anchor(&self) -> Anchor {
        self.anchor
    }

    /// The compiled rules.
    pub fn rules(&self) -> &[Rule] {
        &self.inner.compiled.rules
    }

    /// How many rules were compiled.
    pub fn rule_count(&self) -> usize {
        self.inner.compiled.rules.len()
    }

    /// How many inline examples the rules carry.
    pub fn example_count(&self) -> usize {
        self.inner.compiled.rules.iter().map(|r| r.examples.len()).sum()
    }

    /// `yomitori rules explain`: the description of every rule whose name
    /// (`file/id`) or id is `id`.
    pub fn explain_rule(&self, id: &str) -> Vec<String> {
        let c = &self.inner.compiled;
        c.rules
            .iter()
            .filter(|r| &*r.name == id || r.id == id)
            .map(|r| {
                let family = c.families.iter().find(|(stem, _)| r.name.starts_with(&format!("{stem}/")));
                rules::explain::describe(r, family.and_then(|(_, d)| d.as_deref()))
            })
            .collect()
    }

    /// The kinds rows may have, in the order summaries list them.
    pub fn kinds(&self) -> &[Kind] {
        &self.inner.kinds
    }

    /// Rule file stems and their descriptions.
    pub fn families(&self) -> &[(String, Option<String>)] {
        &self.inner.compiled.families
    }

    /// The compiled rule set, for benchmarks and tools that drive single
    /// stages (`benches/stages.rs`).
    pub fn compiled(&self) -> &Compiled {
        &self.inner.compiled
    }

    /// Every distinct gazetteer surface (folded), sorted: the terms a
    /// fixed-string search tool would need to find what the gazetteers find
    /// (`yomitori rules export-terms`).
    pub fn gazetteer_terms(&self) -> Vec<Cow<'_, str>> {
        let mut terms: Vec<Cow<'_, str>> = Vec::new();
        for r in &self.inner.compiled.rules {
            match &r.source {
                RuleSource::Gazetteer { compound: Some(c), .. } => {
                    terms.extend(c.term_codes().into_iter().map(|code| Cow::Owned(c.term(code).surface)));
                }
                RuleSource::Gazetteer { terms: t, .. } => {
                    terms.extend(t.iter().map(|t| Cow::Borrowed(t.surface.as_str())));
                }
                _ => {}
            }
        }
        terms.sort_unstable();
        terms.dedup();
        terms
    }

    /// What was compiled, for `rules plan`.
    pub fn plan(&self) -> Plan {
        Plan::of(&self.inner.compiled)
    }

    /// Fresh scratch space for one thread.
    pub fn scratch(&self) -> Scratch {
        Scratch {
            candidates: Vec::new(),
            groups: self.inner.compiled.groups.iter().map(GroupScratch::new).collect(),
            chunk_groups: Vec::new(),
            order: Vec::new(),
            keep: Vec::new(),
        }
    }

    /// Extracts the rows of one document (convenience for one-off calls).
    pub fn extract(&self, doc: &Document) -> Vec<Row> {
        let mut rows = Vec::new();
        self.extract_into(doc, &mut self.scratch(), &mut rows);
        rows
    }

    /// Appends the rows of `doc`, sorted, to `out`.
    pub fn extract_into(&self, doc: &Document, scratch: &mut Scratch, out: &mut Vec<Row>) {
        let appended: Result<()> = self.extract_each(doc, scratch, &mut |rows, _| {
            out.append(rows);
            Ok(())
        });
        debug_assert!(appended.is_ok(), "appending cannot fail");
    }

    /// Hands the rows of `doc`, in order, to `emit(rows, last)`: all at once
    /// for a document of up to one and a half sections, else section by
    /// section as each is done, so that a large document needs memory for
    /// its text and a section or two, not for all its rows
    /// (`docs/performance.md`). `last` is true on the last call, which
    /// always comes (with no rows, when the document has none). The rows are
    /// the same whichever way the document is cut; `emit` may take them out
    /// of the vector. Stops at `emit`'s first error.
    ///
    /// # Errors
    /// `emit`'s.
    pub fn extract_each<E>(&self, doc: &Document, scratch: &mut Scratch, emit: &mut Emit<'_, E>) -> Result<(), E> {
        if matchers::chunks::next_cut(&doc.text, 0, self.section_size).is_none() {
            let mut rows = Vec::new();
            self.extract_traced(doc, scratch, &mut rows, None);
            return emit(&mut rows, true);
        }
        self.extract_sections(doc, scratch, emit)
    }

    /// [`extract_each`](Extractor::extract_each) for a document of several
    /// sections.
    ///
    /// A section is cut like a chunk (at a blank line near
    /// [`SECTION_SIZE`]) and matched on a view of its source text that
    /// reaches [`OVERLAP`](matchers::chunks::OVERLAP) bytes into its
    /// neighbours, so that matching sees the same context as on the whole
    /// text. It keeps the candidates that start in it; the cut moves back
    /// before any candidate that would cross it, so overlap resolution never
    /// splits a cluster; the passes run with the [`Carry`](passes::Carry)
    /// the section before left; the rows are located with one sweep over
    /// the whole document. Inside a thread pool, the next section is
    /// matched while this one's passes and rows run (matching does not read
    /// the carry).
    fn extract_sections<E>(&self, doc: &Document, scratch: &mut Scratch, emit: &mut Emit<'_, E>) -> Result<(), E> {
        let text = doc.text.as_str();
        let mut options = Resources::default();
        options.insert(self.anchor);
        options.insert(self.fiscal_year);
        let mut carry = passes::Carry::default();
        let mut locator = Locator::new(text);
        let ascii = text.is_ascii();
        // Outside a pool, `join` would start the global one.
        let parallel = rayon::current_thread_index().is_some();
        let mut current = Some(self.match_section(text, 0, scratch));
        while let Some(section) = current.take() {
            let (last, next_start) = (section.end >= text.len(), section.end);
            let finish = || self.finish_section(doc, section, &mut carry, &options, &mut locator, ascii);
            let mut rows = if parallel && !last {
                let (next, rows) = rayon::join(|| self.match_section(text, next_start, scratch), finish);
                current = Some(next);
                rows
            } else {
                let rows = finish();
                current = (!last).then(|| self.match_section(text, next_start, scratch));
                rows
            };
            if last || !rows.is_empty() {
                emit(&mut rows, last)?;
            }
        }
        scratch.candidates.shrink_to(1 << 16);
        Ok(())
    }

    /// The section of `text` that starts at `start`: matched, cut, and its
    /// candidates resolved.
    fn match_section<'t>(&self, text: &'t str, start: usize, scratch: &mut Scratch) -> Section<'t> {
        use matchers::chunks::{floor, next_cut, OVERLAP};
        let planned = next_cut(text, start, self.section_size).unwrap_or(text.len());
        let ws = floor(text, start.saturating_sub(OVERLAP));
        let we = floor(text, (planned + OVERLAP).min(text.len()));
        let view = DocumentView::new(&text[ws..we]);
        let mut cands = Vec::new();
        self.match_hay(view.text(), &mut scratch.groups, &mut scratch.chunk_groups, &mut cands);
        let to_source = |a: usize, b: usize| {
            let (a, b) = view.map().to_source(a, b);
            (a + ws, b + ws)
        };
        // Source spans, and the cut: back before every candidate that
        // crosses it (a chain of them moves it further), unless that would
        // leave nothing for this section.
        let spans: Vec<(usize, usize)> = cands.iter().map(|x| to_source(x.start, x.end)).collect();
        let mut end = planned;
        if end < text.len() {
            while let Some(s) = spans.iter().filter(|&&(s, e)| s < end && e > end).map(|&(s, _)| s).min() {
                end = s;
            }
            if end <= start {
                end = planned;
            }
        }
        let mut i = 0;
        cands.retain(|_| {
            let keep = (start..end).contains(&spans[i].0);
            i += 1;
            keep
        });
        matchers::overlap::resolve(&self.inner.compiled, &mut cands, &mut scratch.order, &mut scratch.keep);
        Section { start, end, ws, view, cands }
    }

    /// A matched section's passes and rows, sorted and located.
    fn finish_section(
        &self,
        doc: &Document,
        section: Section<'_>,
        carry: &mut passes::Carry,
        options: &Resources,
        locator: &mut Locator<'_>,
        ascii: bool,
    ) -> Vec<Row> {
        let engine = &*self.inner;
        let c = &engine.compiled;
        let Section { start, end, ws, view, mut cands } = section;
        let map = view.map();
        let to_source = |a: usize, b: usize| {
            let (a, b) = map.to_source(a, b);
            (a + ws, b + ws)
        };
        let mut cx = PassContext {
            hay: view.text(),
            doc_date: doc.date.as_deref(),
            options,
            carry: Some(carry),
            to_source: &to_source,
        };
        passes::run(&engine.passes, c, &mut cx, &mut cands);
        let mut rows = Vec::with_capacity(cands.len());
        for cand in cands {
            // A pass reads the whole view: what it found outside the
            // section belongs to a neighbour.
            if (start..end).contains(&to_source(cand.start, cand.start).0) {
                rows.push(row(c, doc, map, ws, cand));
            }
        }
        sort_and_locate(&mut rows, locator, ascii);
        rows
    }

    /// Every matcher over `hay`, in parallel chunks when it is large.
    fn match_hay(
        &self,
        hay: &str,
        groups: &mut [GroupScratch],
        chunk_groups: &mut Vec<Vec<GroupScratch>>,
        cands: &mut Vec<Candidate>,
    ) {
        let engine = &*self.inner;
        let c = &engine.compiled;
        if self.chunk_size > 0 && matchers::chunks::next_cut(hay, 0, self.chunk_size).is_some() {
            let fresh = || c.groups.iter().map(GroupScratch::new).collect::<Vec<_>>();
            *cands = matchers::chunks::match_chunks(c, hay, self.chunk_size, chunk_groups, fresh, |c, h, g, o| {
                match_all(c, &engine.detectors, h, g, o);
            });
        } else {
            match_all(c, &engine.detectors, hay, groups, cands);
        }
    }

    /// [`extract_into`](Extractor::extract_into), recording in `trace` what
    /// the matchers and the overlap stage drop (for `yomitori explain`). A
    /// traced document is never cut into chunks; its spans are in the
    /// normalized text ([`DocumentView`]).
    pub fn extract_traced(
        &self,
        doc: &Document,
        scratch: &mut Scratch,
        out: &mut Vec<Row>,
        mut trace: Option<&mut matchers::trace::Trace>,
    ) {
        let engine = &*self.inner;
        let c = &engine.compiled;
        let view = DocumentView::new(&doc.text);
        let hay = view.text();
        let cands = &mut scratch.candidates;
        cands.clear();
        if let Some(tr) = trace.as_deref_mut() {
            matchers::gazetteer::find_traced(c, hay, cands, Some(tr));
            matchers::pattern::find_traced(c, hay, &mut scratch.groups, cands, Some(tr));
            matchers::detector::find(c, &engine.detectors, hay, cands);
            tr.candidates = cands.iter().map(|x| (x.start, x.end, x.rule)).collect();
        } else {
            self.match_hay(hay, &mut scratch.groups, &mut scratch.chunk_groups, cands);
        }
        matchers::overlap::resolve_traced(c, cands, &mut scratch.order, &mut scratch.keep, trace.as_deref_mut());
        if let Some(tr) = trace {
            tr.survivors = cands.iter().map(|x| (x.start, x.end, x.rule)).collect();
        }
        let mut options = Resources::default();
        options.insert(self.anchor);
        options.insert(self.fiscal_year);
        let map = view.map();
        let to_source = |a: usize, b: usize| map.to_source(a, b);
        let mut cx =
            PassContext { hay, doc_date: doc.date.as_deref(), options: &options, carry: None, to_source: &to_source };
        passes::run(&engine.passes, c, &mut cx, cands);
        if cands.is_empty() {
            return;
        }
        let first = out.len();
        out.reserve(cands.len());
        for cand in cands.drain(..) {
            out.push(row(c, doc, map, 0, cand));
        }
        // A very large document should not keep its candidates' memory
        // for the small documents this thread extracts next.
        cands.shrink_to(1 << 16);
        sort_and_locate(&mut out[first..], &mut Locator::new(&doc.text), doc.text.is_ascii());
    }
}

/// Where [`Extractor::extract_each`] hands a document's rows: the rows
/// (which it may take) and whether they are the last.
pub type Emit<'a, E> = dyn FnMut(&mut Vec<Row>, bool) -> Result<(), E> + 'a;

/// A section of a large document, matched and resolved: its source range
/// `start..end`, the view its candidates' offsets are in (of the source
/// from `ws`), and the candidates.
struct Section<'t> {
    start: usize,
    end: usize,
    ws: usize,
    view: DocumentView<'t>,
    cands: Vec<Candidate>,
}

/// Sorts `rows` and fills in their character offsets and line:column with
/// `locator`, which must not have passed the first row's start.
fn sort_and_locate(rows: &mut [Row], locator: &mut Locator<'_>, ascii: bool) {
    // Unstable: the key orders every field, so equal rows are the same
    // row, and no merge buffer of half the rows is allocated.
    rows.sort_unstable_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    // Rows are now in order of start: one forward sweep locates them all.
    for r in rows {
        let at = locator.locate(r.start);
        r.char_start = at.char_offset;
        r.char_end = at.char_offset + count_chars(ascii, r.text.as_bytes());
        r.line = at.line;
        r.column = at.column;
    }
}

/// Every matcher over `hay`: gazetteer terms, pattern groups, the
/// families' detectors.
fn match_all(
    c: &Compiled,
    detectors: &[(u32, DetectFn)],
    hay: &str,
    groups: &mut [GroupScratch],
    out: &mut Vec<Candidate>,
) {
    matchers::gazetteer::find(c, hay, out);
    matchers::pattern::find(c, hay, groups, out);
    matchers::detector::find(c, detectors, hay, out);
}

/// The row of a candidate matched in a view whose text starts at source
/// byte `base` and maps back with `map`; its character offsets and
/// line:column are filled in by the caller's sweep.
fn row(c: &Compiled, doc: &Document, map: &OffsetMap, base: usize, cand: Candidate) -> Row {
    let rule = &c.rules[cand.rule as usize];
    let to_source = |a, b| {
        let (a, b) = map.to_source(a, b);
        (a + base, b + base)
    };
    let (start, end) = to_source(cand.start, cand.end);
    let mut flags = Flags::default();
    for f in &rule.flags {
        flags.insert(f.clone());
    }
    let (normalized, id, ty, reference, key) = match cand.value {
        Value::Term(t) => {
            let term = rule.source.term(t).expect("term of a gazetteer rule");
            let ty = term.ty.clone().unwrap_or_else(|| rule.ty.clone());
            // `String::from(&str)` copies; `Arc<str>::to_string` would go
            // through `Display` and a growing buffer (callgrind: 360
            // instructions a row, 1.3% of a run).
            (String::from(&*term.canonical), String::from(&*term.id), ty, None, None)
        }
        Value::Computed(n) => {
            let n = *n;
            for f in n.flags.iter() {
                flags.insert(f.to_string());
            }
            let ty = n.ty.map_or_else(|| rule.ty.clone(), Arc::from);
            let reference = n.reference.map(|r| match r {
                RefSpan::Here(a, b) => to_source(a, b),
                RefSpan::Earlier(a, b) => (a, b),
            });
            (n.value, n.id, ty, reference, n.key)
        }
    };
    Row {
        doc: doc.id.clone(),
        kind: rule.kind,
        ty,
        text: doc.text[start..end].to_string(),
        normalized,
        id,
        start,
        end,
        char_start: 0,
        char_end: 0,
        line: 0,
        column: 0,
        rule: rule.name.clone(),
        ref_start: reference.map(|r| r.0),
        ref_end: reference.map(|r| r.1),
        flags: flags.render(),
        key,
    }
}

/// The extractor is shared by every worker thread (and handed to Python
/// threads with the GIL released): it must stay `Send + Sync`.
const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Extractor>();
    assert_send_sync::<ExtractorBuilder>();
};
