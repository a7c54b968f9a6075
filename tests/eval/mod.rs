//! The acronym detectors against gold corpora: the definitions of `seeds/`
//! and four public-domain BioC corpora (`tests/data/abbr-bioc/`). Precision
//! and recall must not drop below the thresholds set from the measured
//! numbers (`docs/acronyms.md`). Run `cargo run --release --example
//! acronym_eval` for the full table.

pub mod corpora;
pub mod entity_recall;

use crate::util::root;
use corpora::{base_extractor, evaluate, extended_extractor, load_all, official, seeds, Score};

/// Minimum precision and recall (per cent) per corpus, for the faithful
/// base and the extended detector. Measured (release build, this commit;
/// `cargo run --release --example acronym_eval`):
///
/// | corpus | base P | base R | extended P | extended R |
/// |---|---:|---:|---:|---:|
/// | seeds | 94.3 | 70.2 | 100.0 | 100.0 |
/// | dev (official texts) | 76.7 | 32.4 | 98.6 | 98.6 |
/// | dev2 (official texts) | 92.9 | 24.1 | 100.0 | 99.1 |
/// | dev3 (official texts) | 94.1 | 35.6 | 95.3 | 91.1 |
/// | dev4 (official texts, the former heldout) | 83.3 | 47.2 | 98.0 | 92.5 |
/// | dev5 (official texts, the former heldout2) | 74.3 | 33.3 | 100.0 | 100.0 |
/// | dev6 (official texts, the former heldout3) | 85.7 | 34.1 | 97.6 | 94.3 |
/// | dev7 (official texts, the former heldout4) | 84.4 | 34.6 | 97.1 | 84.6 |
/// | heldout5 (official texts, written for the sixth round) | 90.6 | 33.7 | 92.1 | 81.4 |
/// | heldout6 (official texts, written after the seventh round) | 84.6 | 36.3 | 91.7 | 84.6 |
/// | MEDSTRACT | 98.6 | 87.3 | 99.3 | 86.1 |
/// | Ab3P | 95.0 | 73.9 | 96.0 | 80.2 |
/// | BioADI | 94.2 | 75.1 | 94.4 | 74.8 |
/// | SH | 93.5 | 78.5 | 93.4 | 77.1 |
///
/// The base is deterministic and should not move at all (half a point of
/// slack); the extended detector may trade a point while rules are tuned,
/// except on the seeds, where every definition must be found and nothing
/// else.
type MinScores = (f64, f64);

const THRESHOLDS: [(&str, MinScores, MinScores); 14] = [
    ("seeds", (93.8, 69.7), (100.0, 100.0)),
    ("dev", (76.2, 31.9), (97.6, 97.6)),
    ("dev2", (92.4, 23.6), (99.0, 98.1)),
    ("dev3", (93.6, 35.1), (94.3, 90.1)),
    ("dev4", (82.8, 46.7), (97.0, 91.5)),
    ("dev5", (73.8, 32.8), (99.0, 99.0)),
    ("dev6", (85.2, 33.6), (96.6, 93.3)),
    ("dev7", (83.9, 34.1), (96.0, 82.3)),
    ("heldout5", (90.1, 33.2), (91.1, 80.4)),
    ("heldout6", (84.1, 35.8), (90.7, 83.6)),
    ("MEDSTRACT", (98.1, 86.8), (98.3, 85.1)),
    ("Ab3P", (94.5, 73.4), (95.0, 79.2)),
    ("BioADI", (93.7, 74.6), (93.5, 73.7)),
    ("SH", (93.0, 78.0), (92.2, 76.0)),
];

#[test]
fn detectors_keep_their_scores_on_the_gold_corpora() {
    let mut corpora = vec![
        seeds(&root()),
        official(&root(), "dev"),
        official(&root(), "dev2"),
        official(&root(), "dev3"),
        official(&root(), "dev4"),
        official(&root(), "dev5"),
        official(&root(), "dev6"),
        official(&root(), "dev7"),
        official(&root(), "heldout5"),
        official(&root(), "heldout6"),
    ];
    corpora.extend(load_all(&root().join("tests/data/abbr-bioc")));
    let (base, extended) = (base_extractor(), extended_extractor(&root()));
    let mut failures = Vec::new();
    let mut scores = Vec::new();
    for (corpus, (name, base_min, ext_min)) in corpora.iter().zip(THRESHOLDS) {
        assert_eq!(corpus.name, name);
        assert!(corpus.docs.len() >= 5 && corpus.docs.iter().map(|d| d.pairs.len()).sum::<usize>() >= 40);
        for (detector, ex, (min_p, min_r)) in [("base", &base, base_min), ("extended", &extended, ext_min)] {
            let s: Score = evaluate(ex, corpus, |_, _| {});
            let (p, r) = (100.0 * s.precision(), 100.0 * s.recall());
            let line = format!("{name} {detector}: P {p:.1} R {r:.1} F1 {:.1} ({s:?})", 100.0 * s.f1());
            scores.push(line);
            if p < min_p || r < min_r {
                failures.push(format!("{name} {detector}: P {p:.1} R {r:.1}, expected at least P {min_p} R {min_r}"));
            }
        }
    }
    assert!(failures.is_empty(), "scores dropped:\n{}\n\nall scores:\n{}", failures.join("\n"), scores.join("\n"));
}

/// Every gold pair of the official-text splits names a short form and a long
/// form that occur in its document, compared with all whitespace removed (a
/// table cell may break a Japanese long form across lines: `原子力供給国` /
/// `グループ(NSG)` in dev2), so a typo in a gold file fails here instead of
/// counting as a miss. The seeds are left out: their PDF glosses split short
/// forms (`(C` … `yCon)`), which their gold reads whole.
#[test]
fn official_gold_pairs_occur_in_their_texts() {
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    let mut missing = Vec::new();
    let mut pairs = 0;
    for split in ["dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "heldout5", "heldout6"] {
        for doc in &official(&root(), split).docs {
            let text = squeeze(&doc.text);
            for (short, long) in &doc.pairs {
                pairs += 1;
                if !text.contains(&squeeze(short)) || !text.contains(&squeeze(long)) {
                    missing.push(format!("{split}/{}: {short} = {long}", doc.id));
                }
            }
        }
    }
    assert!(pairs > 430, "only {pairs} gold pairs read");
    assert!(missing.is_empty(), "gold pairs not in their texts:\n{}", missing.join("\n"));
}

/// Every line of the held-out entity lists quotes its document: the
/// `text` column is in the text (a line break may stand for a space), so a
/// list cannot drift from the texts it was written for. Nothing is scored
/// here (`heldout4` and `heldout5` are held out: only `entity_recall
/// --totals` reads them).
#[test]
fn entity_lists_quote_their_documents() {
    let data = root().join("tests/data/entities");
    for split in ["heldout2", "heldout3", "heldout4", "heldout5"] {
        let expected = entity_recall::load_expected(&data.join(format!("{split}-expected.csv")));
        assert!(expected.len() > 100, "{split}: {} lines", expected.len());
        for e in &expected {
            let path = data.join(split).join(&e.doc);
            let text = std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
            assert!(
                text.contains(&e.text) || text.replace('\n', " ").contains(&e.text),
                "{split}: `{}` is not in {}",
                e.text,
                e.doc
            );
        }
    }
}

/// Organizations, events and laws a careful reader marks in the seeds
/// (`tests/data/entities/seeds-expected.csv`, issue 17): each type must keep
/// a recall of at least 0.95 (measured 1.000 for all three when the list was
/// written; before the rules 0.786, 0.906 and 0.698), and the things
/// of those types that the list does not have stay few: precision by things
/// at least 0.95 per type (measured 2026-12-04: ORG 0.983, EVENT 0.955, LAW
/// 1.000).
#[test]
fn seed_entities_keep_their_recall() {
    let expected = entity_recall::load_expected(&root().join("tests/data/entities/seeds-expected.csv"));
    let csv = crate::util::seeds_csv(&yomitori::pipeline::RunOptions::default());
    let r = entity_recall::score(&expected, &entity_recall::found_in_csv(&csv));
    for ty in ["ORG", "EVENT", "LAW"] {
        let recall = r.of(ty);
        assert!(recall >= 0.95, "{ty} recall {recall:.3} < 0.95; misses:\n{}", r.misses.join("\n"));
        let (found, extra) = r.extra_by_type.get(ty).copied().unwrap_or((0, 0));
        let precision = (found - extra) as f64 / found.max(1) as f64;
        assert!(precision >= 0.95, "{ty} precision {precision:.3} < 0.95; not expected:\n{}", r.extras.join("\n"));
    }
}
