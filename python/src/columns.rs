//! Arrow in and out: batches from any object with the Arrow PyCapsule
//! stream protocol (or a `pyarrow.RecordBatch`), the document columns read
//! by name, and the rows handed back as a `pyarrow.Table`.

use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::ffi_stream::RecordBatchStreamReader;
use arrow_array::types::{Date32Type, Int32Type, Int64Type, UInt32Type, UInt64Type};
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_pyarrow::{FromPyArrow, IntoPyArrow, Table};
use arrow_schema::DataType;
use pyo3::exceptions::{PyKeyError, PyTypeError, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use yomitori::{CivilDate, Document};

/// The batches of `data`: a stream (`pyarrow.Table`, `RecordBatchReader`,
/// anything with `__arrow_c_stream__`), else a single `RecordBatch`.
pub fn import(data: &Bound<'_, PyAny>) -> PyResult<Vec<RecordBatch>> {
    if data.hasattr(intern!(data.py(), "__arrow_c_stream__"))? {
        let reader = RecordBatchStreamReader::from_pyarrow_bound(data)?;
        return reader.collect::<Result<Vec<_>, _>>().map_err(|e| PyValueError::new_err(e.to_string()));
    }
    if data.hasattr(intern!(data.py(), "__arrow_c_array__"))? || data.hasattr(intern!(data.py(), "_export_to_c"))? {
        return Ok(vec![RecordBatch::from_pyarrow_bound(data)?]);
    }
    let ty = data.get_type().name()?;
    Err(PyTypeError::new_err(format!(
        "extract_arrow expects a pyarrow.Table or pyarrow.RecordBatch (or an object with __arrow_c_stream__), got {ty}"
    )))
}

/// `rows` as one `pyarrow.Table` with the rows' schema.
pub fn export(py: Python<'_>, batches: Vec<RecordBatch>) -> PyResult<Bound<'_, PyAny>> {
    let table = Table::try_new(batches, yomitori::emit::columnar::schema())
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    table.into_pyarrow(py)
}

/// The column names the documents are read from.
pub struct Names<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub date: Option<&'a str>,
}

fn column<'b>(batch: &'b RecordBatch, name: &str, role: &str) -> PyResult<&'b ArrayRef> {
    batch.column_by_name(name).ok_or_else(|| {
        let have: Vec<&str> = batch.schema_ref().fields().iter().map(|f| f.name().as_str()).collect();
        PyKeyError::new_err(format!("no {role} column {name:?}; the columns are {have:?}"))
    })
}

/// The value of a string-like column at `i` (`None` when null).
fn string_at(a: &dyn Array, i: usize) -> Option<&str> {
    if a.is_null(i) {
        return None;
    }
    match a.data_type() {
        DataType::Utf8 => Some(a.as_string::<i32>().value(i)),
        DataType::LargeUtf8 => Some(a.as_string::<i64>().value(i)),
        DataType::Utf8View => Some(a.as_string_view().value(i)),
        _ => None,
    }
}

fn is_string(t: &DataType) -> bool {
    matches!(t, DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View)
}

/// The `doc` value of row `i` of an id column: the string, or the integer
/// written in decimal.
fn id_at(a: &dyn Array, i: usize) -> Option<String> {
    if a.is_null(i) {
        return None;
    }
    Some(match a.data_type() {
        DataType::Int32 => a.as_primitive::<Int32Type>().value(i).to_string(),
        DataType::Int64 => a.as_primitive::<Int64Type>().value(i).to_string(),
        DataType::UInt32 => a.as_primitive::<UInt32Type>().value(i).to_string(),
        DataType::UInt64 => a.as_primitive::<UInt64Type>().value(i).to_string(),
        _ => string_at(a, i)?.to_string(),
    })
}

/// The documents of one batch, one per row; `None` for a null text.
///
/// # Errors
/// A missing column, a column of the wrong type, a null id or a date that
/// is not `YYYY-MM-DD`.
pub fn documents(batch: &RecordBatch, names: &Names<'_>) -> PyResult<Vec<Option<Document>>> {
    let texts = column(batch, names.text, "text")?;
    if !is_string(texts.data_type()) {
        return Err(PyTypeError::new_err(format!(
            "text column {:?} is {}, expected a string type",
            names.text,
            texts.data_type()
        )));
    }
    let ids = column(batch, names.id, "id")?;
    let id_ok = is_string(ids.data_type())
        || matches!(ids.data_type(), DataType::Int32 | DataType::Int64 | DataType::UInt32 | DataType::UInt64);
    if !id_ok {
        return Err(PyTypeError::new_err(format!(
            "id column {:?} is {}, expected strings or integers",
            names.id,
            ids.data_type()
        )));
    }
    let dates = names.date.map(|n| column(batch, n, "date")).transpose()?;
    if let Some(d) = dates {
        if !is_string(d.data_type()) && d.data_type() != &DataType::Date32 {
            return Err(PyTypeError::new_err(format!(
                "date column {:?} is {}, expected strings (YYYY-MM-DD) or date32",
                names.date.unwrap_or_default(),
                d.data_type()
            )));
        }
    }
    let mut docs = Vec::with_capacity(batch.num_rows());
    for i in 0..batch.num_rows() {
        let Some(text) = string_at(texts.as_ref(), i) else {
            docs.push(None);
            continue;
        };
        let id = id_at(ids.as_ref(), i)
            .ok_or_else(|| PyValueError::new_err(format!("row {i}: the id column {:?} is null", names.id)))?;
        let date = match dates {
            Some(d) if d.data_type() == &DataType::Date32 => (!d.is_null(i))
                .then(|| CivilDate::from_days_since_epoch(i64::from(d.as_primitive::<Date32Type>().value(i))))
                .map(|c| c.to_string()),
            Some(d) => match string_at(d.as_ref(), i) {
                Some(s) if CivilDate::parse_iso(s).is_none() => {
                    return Err(PyValueError::new_err(format!("row {i} ({id}): date must be YYYY-MM-DD, found {s:?}")))
                }
                s => s.map(str::to_string),
            },
            None => None,
        };
        docs.push(Some(Document { id: Arc::from(id), text: text.to_string(), date }));
    }
    Ok(docs)
}
