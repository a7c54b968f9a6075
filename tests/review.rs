//! The review page in a real browser: headless Chromium from the Debian
//! packages, installed here when `/usr/bin/chromium` is missing (the test
//! fails, never skips, when it cannot be).
//!
//! No driver crate: the test appends a checking script to a copy of the
//! page, `chromium --headless --dump-dom` runs it, and the script writes
//! what it saw in the DOM (every mark's text and attributes, the computed
//! styles after a filter, the highlighted evidence) into a `<pre>` that the
//! dump carries back. The expected rows come from `extract` over the same
//! input, so the page is checked against the CSV, not against itself.
//! See: issue 15.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use crate::util::{records, stderr, Workspace};

const CHROMIUM: &str = "/usr/bin/chromium";

/// The browser, installed once per test run when missing.
fn chromium() -> &'static Path {
    static READY: OnceLock<()> = OnceLock::new();
    READY.get_or_init(|| {
        if Path::new(CHROMIUM).exists() {
            return;
        }
        // Only the browser: `--dump-dom` and `--screenshot` need no driver.
        let script = "apt-get update && apt-get install -y -o DPkg::Lock::Timeout=600 chromium";
        let out = Command::new("sh").args(["-c", script]).env("DEBIAN_FRONTEND", "noninteractive").output();
        match out {
            Ok(o) if o.status.success() && Path::new(CHROMIUM).exists() => {}
            Ok(o) => panic!(
                "the review test needs Chromium and could not install it with `{script}` (exit {}):\n{}",
                o.status,
                String::from_utf8_lossy(&o.stderr)
            ),
            Err(e) => panic!("the review test needs Chromium and could not run `{script}`: {e}"),
        }
    });
    Path::new(CHROMIUM)
}

/// Runs headless Chromium on `page` with `extra` flags, in a fresh profile;
/// returns stdout.
fn browse(page: &Path, extra: &[&str]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new("timeout")
        .arg("180")
        .arg(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(out.status.success(), "chromium failed ({}):\n{}", out.status, stderr(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The page's own script is followed by this one; it reports as JSON with
/// everything outside printable ASCII escaped, so the dump carries it
/// verbatim.
const CHECK_SCRIPT: &str = r#"<script>
(function () {
  const R = window.yomitoriReview;
  const box = document.getElementById('text');
  const out = { docs: [], styles: {}, filter: null, hover: null };
  R.docs.forEach((d, i) => {
    R.show(i);
    const groups = new Map();
    for (const m of box.querySelectorAll('mark')) {
      const j = m.dataset.row;
      if (!groups.has(j)) groups.set(j, { kind: m.dataset.kind, type: m.dataset.type, rule: m.dataset.rule,
        start: Number(m.dataset.start), end: Number(m.dataset.end), text: '', fragments: 0 });
      const g = groups.get(j);
      g.text += m.textContent;
      g.fragments++;
    }
    out.docs.push({ id: d.id, text_ok: box.textContent === d.text, marks: [...groups.values()] });
  });
  out.styles.white_space = getComputedStyle(box).whiteSpace;
  // The first document with dates and other kinds: show dates only.
  const di = R.docs.findIndex((d) => d.rows.some((r) => r.kind === 'date') && d.rows.some((r) => r.kind !== 'date'));
  if (di >= 0) {
  R.show(di);
  for (const cb of document.querySelectorAll('input[data-filter="kind"]')) {
    if (cb.value !== 'date' && cb.checked) cb.click();
  }
  const f = { doc: R.docs[di].id, date_marks: 0, dates_shown: 0, other_marks: 0, others_hidden: 0 };
  const clear = (c) => c === 'rgba(0, 0, 0, 0)' || c === 'transparent';
  for (const m of box.querySelectorAll('mark')) {
    const s = getComputedStyle(m);
    const hidden = clear(s.backgroundColor) && clear(s.borderBottomColor);
    if (m.dataset.kind === 'date') { f.date_marks++; if (!hidden) f.dates_shown++; } else { f.other_marks++; if (hidden) f.others_hidden++; }
  }
  out.filter = f;
  for (const cb of document.querySelectorAll('input[data-filter="kind"]')) if (!cb.checked) cb.click();
  }
  // Hover over an acronym definition: its long form is the evidence.
  const hi = R.docs.findIndex((d) => d.rows.some((r) => r.type === 'DEFINITION' && r.ref_start !== null));
  if (hi >= 0) {
    R.show(hi);
    const m = box.querySelector('mark[data-type="DEFINITION"]');
    m.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    const h = CSS.highlights.get('yomitori-ref');
    out.hover = { doc: R.docs[hi].id, start: Number(m.dataset.start), end: Number(m.dataset.end),
      evidence: h ? [...h].map((r) => r.toString()).join('') : null,
      panel: document.getElementById('detail').textContent };
  }
  const json = JSON.stringify(out).replace(/[^\x20-\x7e]|[<>&]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  const pre = document.createElement('pre');
  pre.id = 'verdict';
  pre.textContent = json;
  document.body.appendChild(pre);
}());
</script>"#;

/// What the checking script saw.
fn verdict(page: &Path) -> serde_json::Value {
    let html = std::fs::read_to_string(page).unwrap();
    let at = html.rfind("</body>").expect("the page has a body");
    let checked = page.with_extension("check.html");
    std::fs::write(&checked, format!("{}{CHECK_SCRIPT}{}", &html[..at], &html[at..])).unwrap();
    let dom = browse(&checked, &["--dump-dom"]);
    let start = dom.find("<pre id=\"verdict\">").unwrap_or_else(|| panic!("no verdict in the DOM:\n{}", tail(&dom)))
        + "<pre id=\"verdict\">".len();
    let end = start + dom[start..].find("</pre>").expect("verdict ends");
    serde_json::from_str(&dom[start..end]).unwrap_or_else(|e| panic!("verdict is not JSON ({e}): {}", &dom[start..end]))
}

fn tail(s: &str) -> &str {
    let mut at = s.len().saturating_sub(3000);
    while !s.is_char_boundary(at) {
        at += 1;
    }
    &s[at..]
}

/// (kind, type, rule, start, end, text) of every CSV row, by document.
type Marks = BTreeMap<String, Vec<(String, String, String, u64, u64, String)>>;

fn csv_rows(ws: &Workspace, input: &str) -> Marks {
    let out = ws.run(&["extract", input, "-o", "rows.csv", "--no-glossary", "-q"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut by_doc = Marks::new();
    for r in records(&ws.read("rows.csv")).into_iter().skip(1) {
        by_doc.entry(r[0].clone()).or_default().push((
            r[1].clone(),
            r[2].clone(),
            r[12].clone(),
            r[6].parse().unwrap(),
            r[7].parse().unwrap(),
            r[3].clone(),
        ));
    }
    by_doc
}

fn page_marks(v: &serde_json::Value) -> Marks {
    let mut by_doc = Marks::new();
    for d in v["docs"].as_array().unwrap() {
        let id = d["id"].as_str().unwrap().to_string();
        assert!(d["text_ok"].as_bool().unwrap(), "{id}: the page's text differs from the document");
        let marks = by_doc.entry(id).or_default();
        for m in d["marks"].as_array().unwrap() {
            let s = |k: &str| m[k].as_str().unwrap().to_string();
            marks.push((
                s("kind"),
                s("type"),
                s("rule"),
                m["start"].as_u64().unwrap(),
                m["end"].as_u64().unwrap(),
                s("text"),
            ));
        }
    }
    for marks in by_doc.values_mut() {
        marks.sort();
    }
    by_doc
}

fn review(ws: &Workspace, input: &str) -> PathBuf {
    let out = ws.run(&["review", input, "-o", "review.html"]);
    assert!(out.status.success(), "{}", stderr(&out));
    ws.path("review.html")
}

#[test]
fn seeds_page_marks_every_row_filters_and_highlights_evidence() {
    let ws = Workspace::new();
    let page = review(&ws, "seeds");
    let v = verdict(&page);
    let mut expected = csv_rows(&ws, "seeds");
    for marks in expected.values_mut() {
        marks.sort();
    }
    let got = page_marks(&v);
    assert_eq!(got.len(), 5, "all five seeds are on the page");
    for (doc, rows) in &expected {
        let marks = &got[doc];
        assert_eq!(marks.len(), rows.len(), "{doc}: one mark group per row");
        for (m, r) in marks.iter().zip(rows) {
            assert_eq!(m, r, "{doc}: the mark (left) against its CSV row (right)");
        }
    }
    assert_eq!(v["styles"]["white_space"], "pre-wrap", "line breaks render as in the source");
    let f = &v["filter"];
    assert!(f["date_marks"].as_u64().unwrap() > 0 && f["other_marks"].as_u64().unwrap() > 0, "{f}");
    assert_eq!(f["dates_shown"], f["date_marks"], "dates stay marked under the date filter: {f}");
    assert_eq!(f["others_hidden"], f["other_marks"], "other kinds are hidden under the date filter: {f}");
    let h = &v["hover"];
    let doc = h["doc"].as_str().unwrap();
    let row = records(&ws.read("rows.csv"))
        .into_iter()
        .find(|r| {
            r[0] == doc
                && r[2] == "DEFINITION"
                && Some(r[6].parse::<u64>().unwrap()) == h["start"].as_u64()
                && Some(r[7].parse::<u64>().unwrap()) == h["end"].as_u64()
        })
        .expect("the hovered definition is a CSV row");
    let text = std::fs::read_to_string(ws.path("seeds").join(doc)).unwrap();
    let long_form = &text[row[13].parse::<usize>().unwrap()..row[14].parse::<usize>().unwrap()];
    assert_eq!(h["evidence"].as_str(), Some(long_form), "hovering a definition highlights its long form");
    assert!(h["panel"].as_str().unwrap().contains(&row[4]), "the panel shows the normalized value: {h}");
}

#[test]
fn seeds_page_screenshot() {
    let ws = Workspace::new();
    let page = review(&ws, "seeds");
    let shot = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("review-seeds.png");
    let _ = std::fs::remove_file(&shot);
    browse(&page, &[&format!("--screenshot={}", shot.display()), "--window-size=1280,800", "--hide-scrollbars"]);
    let png = std::fs::read(&shot).unwrap_or_else(|e| panic!("no screenshot at {}: {e}", shot.display()));
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    let (w, h) =
        (u32::from_be_bytes(png[16..20].try_into().unwrap()), u32::from_be_bytes(png[20..24].try_into().unwrap()));
    assert_eq!((w, h), (1280, 800), "the screenshot has the window's size");
}

/// Text that would run as script or break out of the page if it were not
/// escaped, in a document whose name is hostile too.
const HOSTILE: &str = "Japan <script>document.body.setAttribute('data-pwned','script')</script> \
and </span></mark><img src=x onerror=\"document.body.setAttribute('data-pwned','img')\"> \
France \" ' &amp; <!-- </script><script>document.body.setAttribute('data-pwned','json')</script>\nJapan";

#[test]
fn hostile_document_text_is_shown_not_run() {
    let ws = Workspace::new();
    ws.write("hostile/plain.txt", HOSTILE);
    ws.write("hostile/<img src=x onerror=\"document.body.setAttribute('data-pwned','name')\">.txt", HOSTILE);
    let page = review(&ws, "hostile");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(!html.contains("<script>document.body"), "document text reaches the page unescaped");
    // The page as it is: nothing of the documents ran.
    let dom = browse(&page, &["--dump-dom"]);
    assert!(!dom.contains("data-pwned=\""), "hostile text ran:\n{}", tail(&dom));
    assert!(!dom.contains("<img"), "hostile text became an element:\n{}", tail(&dom));
    assert_eq!(dom.matches("<script").count(), 2, "only the data block and the page's script");
    assert!(dom.contains("&lt;script&gt;document.body.setAttribute"), "the text is shown as text");
    // And every row is still marked over its text.
    let v = verdict(&page);
    let mut expected = csv_rows(&ws, "hostile");
    for marks in expected.values_mut() {
        marks.sort();
    }
    assert_eq!(expected.values().map(Vec::len).sum::<usize>(), 6, "Japan, France, Japan in each: {expected:?}");
    assert_eq!(page_marks(&v), expected);
}

#[test]
fn more_documents_than_the_limit_is_an_error_and_writes_nothing() {
    let ws = Workspace::new();
    let out = ws.run(&["review", "seeds", "-o", "review.html", "--max-documents", "3"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("more than 3 documents"), "{}", stderr(&out));
    assert!(!ws.path("review.html").exists());
}
