//! An output file written to a temporary file beside its target and renamed
//! into place on success, so an interrupted run never leaves a truncated
//! file where a good one stood.
//!
//! A target that exists and is not a regular file (`/dev/null`, a named
//! pipe, a terminal) is written directly: renaming over it would replace
//! the device with a file.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::error::{Error, Result};

/// A file that appears at its path only when [`commit`](AtomicFile::commit)
/// succeeds. Dropped uncommitted, the temporary file is removed.
#[derive(Debug)]
pub struct AtomicFile {
    out: Out,
    target: PathBuf,
}

#[derive(Debug)]
enum Out {
    Temp(BufWriter<NamedTempFile>),
    Direct(BufWriter<std::fs::File>),
}

impl AtomicFile {
    /// Starts writing `target`, creating its folder when missing.
    ///
    /// # Errors
    /// When the folder or the temporary file cannot be created.
    pub fn create(target: &Path) -> Result<AtomicFile> {
        if std::fs::metadata(target).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
            let f = std::fs::OpenOptions::new().write(true).open(target).map_err(|e| Error::io(target, e))?;
            return Ok(AtomicFile {
                out: Out::Direct(BufWriter::with_capacity(1 << 16, f)),
                target: target.to_path_buf(),
            });
        }
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let tmp = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(".tmp")
            .tempfile_in(&dir)
            .map_err(|e| Error::io(&dir, e))?;
        Ok(AtomicFile { out: Out::Temp(BufWriter::with_capacity(1 << 16, tmp)), target: target.to_path_buf() })
    }

    /// The final path.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Flushes, syncs and renames the file into place.
    ///
    /// # Errors
    /// When flushing or renaming fails; the target is then left untouched.
    pub fn commit(self) -> Result<()> {
        let target = self.target;
        let tmp = match self.out {
            Out::Direct(mut f) => return f.flush().map_err(|e| Error::io(&target, e)),
            Out::Temp(t) => t.into_inner().map_err(|e| Error::io(&target, e.into_error()))?,
        };
        tmp.as_file().sync_all().map_err(|e| Error::io(&target, e))?;
        tmp.persist(&target).map_err(|e| Error::io(&target, e.error))?;
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.out {
            Out::Temp(t) => t.write(buf),
            Out::Direct(f) => f.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.out {
            Out::Temp(t) => t.flush(),
            Out::Direct(f) => f.flush(),
        }
    }
}

/// Writes `bytes` to `target` atomically.
///
/// # Errors
/// As [`AtomicFile::create`] and [`AtomicFile::commit`].
pub fn write_file(target: &Path, bytes: &[u8]) -> Result<()> {
    let mut f = AtomicFile::create(target)?;
    f.write_all(bytes).map_err(|e| Error::io(target, e))?;
    f.commit()
}

/// An I/O error on the output named `path`, as a library error.
pub fn io_error(path: &str, e: std::io::Error) -> Error {
    Error::io(path, e)
}
