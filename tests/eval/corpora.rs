//! Gold corpora × an acronym detector → precision, recall and F1 of its
//! (short form, long form) pairs.
//!
//! Shared by the `acronym_eval` example (which prints the table of
//! `docs/acronyms.md`) and the integration test `eval`, which fails when a
//! number drops below its threshold. Two kinds of gold:
//!
//! * the four public-domain BioC corpora in `tests/data/abbr-bioc/` (see
//!   `PROVENANCE.md` there), biomedical abstracts;
//! * `tests/data/seeds-acronyms.csv`: every definition a careful reader marks
//!   in `seeds/` (official English and Japanese texts), `doc,short,long`;
//! * `tests/data/acronyms-heldout/`: the same for excerpts of other official
//!   texts, seven tuning splits (`dev` to `dev7`) and the held-out splits
//!   `heldout5` and `heldout6`, that are never tuned on. `dev4` and `dev5` were the
//!   held-out `heldout` and `heldout2` until the fifth round retired them
//!   to tuning, `dev6` was `heldout3` until the sixth, `dev7` was
//!   `heldout4` until the seventh (`PROVENANCE.md` there).
//!
//! A document's text is its passages placed at their offsets (title, one
//! space, abstract; the SH corpus also has an affiliation). A gold pair is a
//! `relation` between a ShortForm and a LongForm annotation. A found pair is
//! a DEFINITION row: its short form and its `normalized` long form. Pairs
//! are compared exactly (whitespace collapsed), as sets per document.

use std::collections::BTreeSet;
use std::path::Path;

use yomitori::diagnostic::SourceFile;
use yomitori::{Document, Extractor};

/// The four corpora: name and file.
pub const CORPORA: [(&str, &str); 4] = [
    ("MEDSTRACT", "medstract_bioc_gold.xml"),
    ("Ab3P", "Ab3P_bioc_gold.xml"),
    ("BioADI", "bioadi_bioc_gold.xml"),
    ("SH", "SH_bioc_gold.xml"),
];

/// One document with its gold pairs.
pub struct GoldDoc {
    pub id: String,
    pub text: String,
    pub pairs: BTreeSet<(String, String)>,
}

/// A corpus.
pub struct Corpus {
    pub name: &'static str,
    pub docs: Vec<GoldDoc>,
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads a BioC gold file.
pub fn load(name: &'static str, path: &Path) -> Corpus {
    let xml = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let opts = roxmltree::ParsingOptions { allow_dtd: true, ..roxmltree::ParsingOptions::default() };
    let tree =
        roxmltree::Document::parse_with_options(&xml, opts).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut docs = Vec::new();
    for doc in tree.root_element().children().filter(|n| n.has_tag_name("document")) {
        let id = child(doc, "id").and_then(|n| n.text()).unwrap_or("").to_string();
        let mut text = String::new();
        let mut pairs = BTreeSet::new();
        for passage in doc.children().filter(|n| n.has_tag_name("passage")) {
            let offset: usize =
                child(passage, "offset").and_then(|n| n.text()).and_then(|t| t.parse().ok()).unwrap_or(0);
            while text.chars().count() < offset {
                text.push(' ');
            }
            text.push_str(&text_of(passage));
            let annotation = |id: &str| {
                passage
                    .children()
                    .find(|n| n.has_tag_name("annotation") && n.attribute("id") == Some(id))
                    .map(|n| collapse(&text_of(n)))
            };
            for rel in passage.children().filter(|n| n.has_tag_name("relation")) {
                let node = |role: &str| {
                    rel.children()
                        .find(|n| n.has_tag_name("node") && n.attribute("role") == Some(role))
                        .and_then(|n| n.attribute("refid"))
                        .and_then(annotation)
                };
                if let (Some(sf), Some(lf)) = (node("ShortForm"), node("LongForm")) {
                    pairs.insert((sf, lf));
                }
            }
        }
        docs.push(GoldDoc { id, text, pairs });
    }
    Corpus { name, docs }
}

fn child<'a, 'i>(n: roxmltree::Node<'a, 'i>, tag: &str) -> Option<roxmltree::Node<'a, 'i>> {
    n.children().find(|c| c.has_tag_name(tag))
}

fn text_of(n: roxmltree::Node<'_, '_>) -> String {
    child(n, "text").and_then(|t| t.text()).unwrap_or("").to_string()
}

/// Loads the four corpora from `dir`.
pub fn load_all(dir: &Path) -> Vec<Corpus> {
    CORPORA.iter().map(|(name, file)| load(name, &dir.join(file))).collect()
}

/// True positives, false positives, false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// The (short, long) pairs `ex` defines in `text`.
pub fn found_pairs(ex: &Extractor, id: &str, text: &str) -> BTreeSet<(String, String)> {
    ex.extract(&Document::new(id, text))
        .into_iter()
        .filter(|r| r.kind.as_str() == "acronym" && &*r.ty == "DEFINITION")
        .filter_map(|r| r.key.map(|s| (collapse(&s), collapse(&r.normalized))))
        .collect()
}

/// Scores `ex` on `corpus`; `on_doc` sees every document's gold and found
/// pairs (for error listings).
pub fn evaluate(
    ex: &Extractor,
    corpus: &Corpus,
    mut on_doc: impl FnMut(&GoldDoc, &BTreeSet<(String, String)>),
) -> Score {
    let mut s = Score::default();
    for doc in &corpus.docs {
        let found = found_pairs(ex, &doc.id, &doc.text);
        s.tp += found.intersection(&doc.pairs).count();
        s.fp += found.difference(&doc.pairs).count();
        s.fn_ += doc.pairs.difference(&found).count();
        on_doc(doc, &found);
    }
    s
}

/// The seeds with the definitions of `tests/data/seeds-acronyms.csv`.
pub fn seeds(root: &Path) -> Corpus {
    gold_texts("seeds", &root.join("seeds"), &root.join("tests/data/seeds-acronyms.csv"))
}

/// A split of the official-text sets of `tests/data/acronyms-heldout/`
/// (`PROVENANCE.md` there): `dev` to `dev7` (rules may be tuned on them)
/// or `heldout5`, `heldout6` (never tuned on).
pub fn official(root: &Path, split: &'static str) -> Corpus {
    let dir = root.join("tests/data/acronyms-heldout");
    gold_texts(split, &dir.join(split), &dir.join(format!("{split}.csv")))
}

/// The texts of `dir` with the `doc,short,long` pairs of `gold`.
fn gold_texts(name: &'static str, dir: &Path, gold: &Path) -> Corpus {
    let mut reader = csv::Reader::from_path(gold).unwrap_or_else(|e| panic!("{}: {e}", gold.display()));
    let mut docs: Vec<GoldDoc> = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("gold text").path();
        let id = path.file_name().expect("file name").to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).expect("gold text");
        docs.push(GoldDoc { id, text, pairs: BTreeSet::new() });
    }
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    for rec in reader.records() {
        let rec = rec.expect("gold row");
        let doc = docs
            .iter_mut()
            .find(|d| d.id == rec[0])
            .unwrap_or_else(|| panic!("{}: no text {}", gold.display(), &rec[0]));
        doc.pairs.insert((collapse(&rec[1]), collapse(&rec[2])));
    }
    Corpus { name, docs }
}

/// The held-out split after which the pooled `heldout-all` row is printed.
#[allow(dead_code, reason = "read by the acronym_eval example only")]
pub const LAST_HELDOUT: &str = "heldout6";

/// The faithful base: a rule set with the `schwartz-hearst` detector only.
pub fn base_extractor() -> Extractor {
    let file = SourceFile::new(
        "schwartz-hearst.toml",
        "[[rule]]\nid = \"definition\"\nkind = \"acronym\"\ntype = \"DEFINITION\"\ndetector = \"schwartz-hearst\"\n",
    );
    let set = yomitori::rules::load::load_files(&[file], &yomitori::families::catalog()).expect("the base rule loads");
    Extractor::from_rules(set).expect("the base rule compiles")
}

/// The extended detector: the shipped `rules/acronyms.toml` (mentions are
/// produced too, and left out of the score).
pub fn extended_extractor(root: &Path) -> Extractor {
    let path = root.join("rules/acronyms.toml");
    let text = std::fs::read_to_string(&path).expect("rules/acronyms.toml");
    let set = yomitori::rules::load::load_files(&[SourceFile::new(path, text)], &yomitori::families::catalog())
        .expect("the acronym rules load");
    Extractor::from_rules(set).expect("the acronym rules compile")
}
