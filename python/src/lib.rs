//! `yomitori._yomitori`: the Python extension module, a thin layer over the
//! library's embedding API ([`yomitori::Extractor`], [`yomitori::Document`],
//! [`yomitori::Row`]). The Python package `yomitori` (python/yomitori/)
//! re-exports it and adds what is easier written in Python (pandas, Spark).
//!
//! Arrow crosses the boundary through the Arrow C data interface
//! (`arrow-pyarrow`, the Apache Arrow project's own binding: the PyCapsule
//! `__arrow_c_stream__` protocol in, `pyarrow` batches out), so a table is
//! never turned into Python objects row by row.

mod columns;

use std::path::PathBuf;
use std::sync::Mutex;

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use rayon::prelude::*;
use yomitori::{Anchor, CivilDate, Document, ErrorKind, Row, Scratch, HEADER};

create_exception!(
    yomitori,
    RuleError,
    PyException,
    "The rule set did not load. The message is the command line's diagnostic: \
     `error[code]: rule \"id\": message`, ` --> file:line:col`, the source line and a caret, \
     for every error in the rule set. `diagnostics` lists them as dicts."
);

/// A library error as the Python exception a caller expects.
fn py_error(py: Python<'_>, e: &yomitori::Error) -> PyErr {
    match e.kind() {
        ErrorKind::Rules => {
            let err = RuleError::new_err(e.to_string());
            if let Some(report) = e.diagnostics() {
                let list = PyList::empty(py);
                for d in &report.0 {
                    let item = PyDict::new(py);
                    let location = d.location();
                    let _ = item.set_item("code", d.code());
                    let _ = item.set_item("message", d.message());
                    let _ = item.set_item("rule", d.rule_id());
                    let _ = item.set_item("path", location.map(|l| l.0.display().to_string()));
                    let _ = item.set_item("line", location.map(|l| l.1));
                    let _ = item.set_item("column", location.map(|l| l.2));
                    let _ = list.append(item);
                }
                let _ = err.value(py).setattr("diagnostics", list);
            }
            err
        }
        ErrorKind::Io => PyOSError::new_err(e.to_string()),
        _ => PyValueError::new_err(e.to_string()),
    }
}

/// A reference date given by the caller: `YYYY-MM-DD`.
fn parse_date(what: &str, s: &str) -> PyResult<CivilDate> {
    CivilDate::parse_iso(s)
        .filter(|_| s.len() == 10)
        .ok_or_else(|| PyValueError::new_err(format!("{what}: expected a date YYYY-MM-DD, found {s:?}")))
}

/// Compiled extraction rules, ready for any number of documents from any
/// number of threads.
///
/// Extractor(rules=None, *, anchor="off", anchor_date=None, fiscal_year="auto")
///
/// rules: None for the shipped rules built into the package, or the path of
///     a rules folder (`yomitori rules dump DIR` writes the built-in ones
///     there for editing). A bad rule file raises RuleError with the same
///     file:line:col diagnostic as the command line.
/// anchor: "off" (dates without a year get TIMEX3 values such as XXXX-10)
///     or "context" (resolved from the document's dateline and the dates
///     before them; rows get the flag `anchored`).
/// anchor_date: "YYYY-MM-DD" to resolve dates without a year against this
///     date (implies anchoring); a document's own date takes precedence.
/// fiscal_year: which year an English `FY2020` is: "auto" (U.S. federal,
///     October to September, when the text signals a U.S. context, else
///     Japanese April to March), "jp" or "us"; the command line's
///     --fiscal-year (docs/dates.md).
///
/// Rows are dicts (extract), Arrow tables (extract_arrow) or pandas frames
/// (extract_pandas) with the 16 columns of the CSV contract: doc, kind,
/// type, text, normalized, id, start, end, char_start, char_end, line,
/// column, rule, ref_start, ref_end, flags (docs/csv.md). `start`/`end` are
/// UTF-8 byte offsets, `char_start`/`char_end` index the Python str.
#[pyclass(module = "yomitori", name = "Extractor", subclass, frozen)]
struct PyExtractor {
    inner: yomitori::Extractor,
    scratches: ScratchPool,
    rules: Option<PathBuf>,
    anchor: String,
    anchor_date: Option<String>,
    fiscal_year: yomitori::FiscalYear,
}

#[pymethods]
impl PyExtractor {
    #[new]
    #[pyo3(signature = (rules = None, *, anchor = "off", anchor_date = None, fiscal_year = "auto"))]
    fn new(
        py: Python<'_>,
        rules: Option<PathBuf>,
        anchor: &str,
        anchor_date: Option<&str>,
        fiscal_year: &str,
    ) -> PyResult<Self> {
        let fiscal: yomitori::FiscalYear =
            fiscal_year.parse().map_err(|e: String| PyValueError::new_err(format!("fiscal_year: {e}")))?;
        let anchoring = match (anchor, anchor_date) {
            (_, Some(d)) => Anchor::Date(parse_date("anchor_date", d)?),
            ("context", None) => Anchor::Context,
            ("off", None) => Anchor::Off,
            (other, None) => {
                return Err(PyValueError::new_err(format!(
                    "anchor: expected \"off\" or \"context\", found {other:?} (a date goes in anchor_date)"
                )))
            }
        };
        let builder = match &rules {
            Some(dir) => yomitori::Extractor::builder().rules(dir),
            None => yomitori::Extractor::builder().builtin_rules(),
        };
        let inner =
            py.detach(|| builder.anchor(anchoring).build()).map_err(|e| py_error(py, &e))?.with_fiscal_year(fiscal);
        Ok(PyExtractor {
            inner,
            scratches: ScratchPool::default(),
            rules,
            anchor: anchor.to_string(),
            anchor_date: anchor_date.map(str::to_string),
            fiscal_year: fiscal,
        })
    }

    /// The rules folder, or None for the built-in rules.
    #[getter]
    fn rules(&self) -> Option<PathBuf> {
        self.rules.clone()
    }

    /// "off" or "context".
    #[getter]
    fn anchor(&self) -> &str {
        &self.anchor
    }

    /// "auto", "jp" or "us".
    #[getter]
    fn fiscal_year(&self) -> &str {
        self.fiscal_year.as_str()
    }

    /// The anchor date ("YYYY-MM-DD"), or None.
    #[getter]
    fn anchor_date(&self) -> Option<&str> {
        self.anchor_date.as_deref()
    }

    /// The number of compiled rules.
    #[getter]
    fn rule_count(&self) -> usize {
        self.inner.rules().len()
    }

    fn __repr__(&self) -> String {
        let rules = self.rules.as_ref().map_or("None".to_string(), |p| format!("{:?}", p.display().to_string()));
        let date = self.anchor_date.as_ref().map_or(String::new(), |d| format!(", anchor_date={d:?}"));
        let fiscal = match self.fiscal_year {
            yomitori::FiscalYear::Auto => String::new(),
            f => format!(", fiscal_year={:?}", f.as_str()),
        };
        format!("Extractor(rules={rules}, anchor={:?}{date}{fiscal})", self.anchor)
    }

    /// extract(text, *, id="-", date=None) -> list[dict]
    ///
    /// The rows of one document, in the command line's order (start, end,
    /// kind, rule), one dict per row keyed by the 16 CSV column names:
    /// offsets are int, an empty ref_start/ref_end is None, the other cells
    /// are str ("" when empty). `id` fills the `doc` column; `date`
    /// ("YYYY-MM-DD") is the document's reference date for anchoring.
    ///
    /// >>> Extractor().extract("Since March 2015, Japan and France.")[0]["normalized"]
    /// '2015-03'
    #[pyo3(signature = (text, *, id = "-", date = None))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: &str,
        id: &str,
        date: Option<&str>,
    ) -> PyResult<Vec<Bound<'py, PyDict>>> {
        if let Some(d) = date.filter(|d| CivilDate::parse_iso(d).is_none()) {
            return Err(PyValueError::new_err(format!("date: expected a date YYYY-MM-DD, found {d:?}")));
        }
        let doc = Document { id: id.into(), text: text.to_string(), date: date.map(str::to_string) };
        let rows = py.detach(|| {
            let mut scratch = self.scratches.take(&self.inner);
            let mut rows = Vec::new();
            self.inner.extract_into(&doc, &mut scratch, &mut rows);
            rows
        });
        rows.iter().map(|r| row_dict(py, r)).collect()
    }

    /// extract_arrow(data, *, id_column="id", text_column="text",
    ///               date_column=None) -> pyarrow.Table
    ///
    /// The rows of every document of `data`, a pyarrow.Table or
    /// RecordBatch (or any object with `__arrow_c_stream__`), one document
    /// per input row. The result has the 16 columns typed: str columns as
    /// utf8, offsets int64, ref_start/ref_end nullable. Rows come in input
    /// order, then the command line's order within a document.
    ///
    /// The id column may be strings or integers; the date column strings
    /// ("YYYY-MM-DD") or date32. A null text has no rows. The GIL is
    /// released while extracting and the documents of a batch run in
    /// parallel (RAYON_NUM_THREADS caps the threads); the result does not
    /// depend on the thread count.
    #[pyo3(signature = (data, *, id_column = "id", text_column = "text", date_column = None))]
    fn extract_arrow<'py>(
        &self,
        py: Python<'py>,
        data: &Bound<'py, PyAny>,
        id_column: &str,
        text_column: &str,
        date_column: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let batches = columns::import(data)?;
        let names = columns::Names { id: id_column, text: text_column, date: date_column };
        let mut out = Vec::with_capacity(batches.len());
        for batch in &batches {
            let docs = columns::documents(batch, &names)?;
            let rows = py.detach(|| extract_parallel(&self.inner, &self.scratches, &docs));
            out.push(py.detach(|| yomitori::emit::columnar::to_batch(rows.iter().flatten())));
        }
        columns::export(py, out)
    }
}

/// Scratch spaces kept between calls. A fresh [`Scratch`] starts with cold
/// regex caches (the lazy DFAs fill as they match), which measured a third
/// of the command line's speed when every batch, or every rayon split of
/// one, began with new ones; the command line keeps one per thread for the
/// whole run, and so does this pool, one per concurrent task.
#[derive(Default)]
struct ScratchPool(Mutex<Vec<Scratch>>);

/// A scratch taken from the pool, given back when dropped.
struct Pooled<'a> {
    pool: &'a ScratchPool,
    scratch: Option<Scratch>,
}

impl ScratchPool {
    fn take<'a>(&'a self, ex: &yomitori::Extractor) -> Pooled<'a> {
        let reused = self.0.lock().ok().and_then(|mut v| v.pop());
        Pooled { pool: self, scratch: Some(reused.unwrap_or_else(|| ex.scratch())) }
    }
}

impl std::ops::Deref for Pooled<'_> {
    type Target = Scratch;
    fn deref(&self) -> &Scratch {
        self.scratch.as_ref().expect("present until dropped")
    }
}

impl std::ops::DerefMut for Pooled<'_> {
    fn deref_mut(&mut self) -> &mut Scratch {
        self.scratch.as_mut().expect("present until dropped")
    }
}

impl Drop for Pooled<'_> {
    fn drop(&mut self) {
        if let (Some(s), Ok(mut v)) = (self.scratch.take(), self.pool.0.lock()) {
            v.push(s);
        }
    }
}

/// The rows of each document, in input order, the documents spread over
/// rayon's threads.
fn extract_parallel(ex: &yomitori::Extractor, pool: &ScratchPool, docs: &[Option<Document>]) -> Vec<Vec<Row>> {
    docs.par_iter()
        .map_init(
            || pool.take(ex),
            |scratch, doc| {
                let mut rows = Vec::new();
                if let Some(doc) = doc {
                    ex.extract_into(doc, scratch, &mut rows);
                }
                rows
            },
        )
        .collect()
}

/// One row as a dict keyed by the CSV header.
fn row_dict<'py>(py: Python<'py>, r: &Row) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    let [doc, kind, ty, text, normalized, id, start, end, char_start, char_end, line, column, rule, ref_start, ref_end, flags] =
        HEADER;
    d.set_item(doc, &*r.doc)?;
    d.set_item(kind, r.kind.as_str())?;
    d.set_item(ty, &*r.ty)?;
    d.set_item(text, &r.text)?;
    d.set_item(normalized, &r.normalized)?;
    d.set_item(id, &r.id)?;
    d.set_item(start, r.start)?;
    d.set_item(end, r.end)?;
    d.set_item(char_start, r.char_start)?;
    d.set_item(char_end, r.char_end)?;
    d.set_item(line, r.line)?;
    d.set_item(column, r.column)?;
    d.set_item(rule, r.rule.as_str())?;
    d.set_item(ref_start, r.ref_start)?;
    d.set_item(ref_end, r.ref_end)?;
    d.set_item(flags, &r.flags)?;
    Ok(d)
}

/// The extension module.
#[pymodule]
fn _yomitori(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyExtractor>()?;
    m.add("RuleError", m.py().get_type::<RuleError>())?;
    m.add("HEADER", HEADER.to_vec())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
