//! An output file written to a temporary file beside its target and renamed
//! into place on success, so an interrupted run never leaves a truncated
//! file where a good one stood.
//!
//! - A target that exists and is not a regular file (`/dev/null`, a named
//!   pipe, a terminal) is written directly: renaming over it would replace
//!   the device with a file.
//! - A target that is a symbolic link is followed: the temporary file is
//!   made in the folder of the link's final target and renamed over that
//!   target, so the link stays a link.
//! - A new file gets the mode the umask gives (`0666 & !umask`, as `>` in a
//!   shell would); a replaced file keeps its mode.
//! - The temporary file is `.<name>.<pid>.<n>.tmp`. It is removed when the
//!   [`AtomicFile`] is dropped uncommitted, and by [`remove_pending`], which
//!   the binary calls on SIGINT, SIGTERM and SIGHUP. Only a SIGKILL (or a
//!   crash of the machine) can leave one; the next run to the same target
//!   removes those whose process is gone (on Linux, where `/proc` tells).
//!   `O_TMPFILE` + `linkat` would leave nothing even then, but needs `libc`
//!   calls that the crate's `unsafe_code = "forbid"` rules out.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

use crate::error::{Error, Result};

/// The temporary files of this process not yet committed or removed.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Numbers the temporary files of this process.
static NEXT: AtomicU64 = AtomicU64::new(0);

/// A file that appears at its path only when [`commit`](AtomicFile::commit)
/// succeeds. Dropped uncommitted, the temporary file is removed.
#[derive(Debug)]
pub struct AtomicFile {
    out: Option<Out>,
    /// The path as given, for messages.
    target: PathBuf,
    /// The file renamed over: `target` with symbolic links followed.
    real: PathBuf,
}

#[derive(Debug)]
enum Out {
    Temp { file: BufWriter<File>, path: PathBuf, mode: Option<u32> },
    Direct(BufWriter<File>),
}

impl AtomicFile {
    /// Starts writing `target`, creating its folder when missing, and
    /// removes the temporary files that dead runs left for it.
    ///
    /// # Errors
    /// When the folder or the temporary file cannot be created.
    pub fn create(target: &Path) -> Result<AtomicFile> {
        let real = follow_links(target);
        let existing = std::fs::metadata(&real).ok();
        if existing.as_ref().is_some_and(|m| !m.is_file() && !m.is_dir()) {
            let f = OpenOptions::new()
                .write(true)
                .open(&real)
                .map_err(|e| Error::io("cannot open the output", target, e))?;
            let out = Out::Direct(BufWriter::with_capacity(1 << 16, f));
            return Ok(AtomicFile { out: Some(out), target: target.to_path_buf(), real });
        }
        let dir = match real.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&dir).map_err(|e| Error::io("cannot create the output folder", &dir, e))?;
        let name = real.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        remove_stale(&dir, &name);
        let mode = existing.map(|m| m.permissions().mode() & 0o7777);
        let mut pending = lock();
        let (file, path) = loop {
            let n = NEXT.fetch_add(1, Ordering::Relaxed);
            let path = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
            match OpenOptions::new().write(true).create_new(true).mode(0o666).open(&path) {
                Ok(f) => break (f, path),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(Error::io("cannot create a temporary file in", &dir, e)),
            }
        };
        pending.push(path.clone());
        drop(pending);
        let out = Out::Temp { file: BufWriter::with_capacity(1 << 16, file), path, mode };
        Ok(AtomicFile { out: Some(out), target: target.to_path_buf(), real })
    }

    /// The final path, as given.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Flushes, syncs and renames the file into place.
    ///
    /// # Errors
    /// When flushing or renaming fails; the target is then left untouched.
    pub fn commit(mut self) -> Result<()> {
        let target = self.target.clone();
        let write_err = |e| Error::io("cannot write the output", &target, e);
        let (file, path, mode) = match self.out.take() {
            Some(Out::Direct(mut f)) => return f.flush().map_err(write_err),
            Some(Out::Temp { file, path, mode }) => (file, path, mode),
            None => return Ok(()),
        };
        let finish = || -> io::Result<File> {
            let file = file.into_inner().map_err(io::IntoInnerError::into_error)?;
            if let Some(mode) = mode {
                file.set_permissions(std::fs::Permissions::from_mode(mode))?;
            }
            file.sync_all()?;
            Ok(file)
        };
        if let Err(e) = finish() {
            discard(&path);
            return Err(write_err(e));
        }
        // Under the lock: a signal's cleanup either runs before the rename
        // (and the old output stays) or after it (and the new one does).
        let mut pending = lock();
        if let Err(e) = std::fs::rename(&path, &self.real) {
            drop(pending);
            discard(&path);
            return Err(Error::io("cannot replace the output", &target, e));
        }
        pending.retain(|p| *p != path);
        Ok(())
    }
}

/// Removes an uncommitted temporary file and forgets it.
fn discard(path: &Path) {
    let mut pending = lock();
    let _ = std::fs::remove_file(path);
    pending.retain(|p| p != path);
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if let Some(Out::Temp { path, .. }) = self.out.take() {
            discard(&path);
        }
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.out {
            Some(Out::Temp { file, .. } | Out::Direct(file)) => file.write(buf),
            None => Err(io::Error::other("output already committed")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.out {
            Some(Out::Temp { file, .. } | Out::Direct(file)) => file.flush(),
            None => Ok(()),
        }
    }
}

fn lock() -> MutexGuard<'static, Vec<PathBuf>> {
    // A panic while holding the lock leaves the list intact.
    PENDING.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Removes every temporary file of this process that is not committed, and
/// returns the lock on them: held until the process exits, no commit can
/// rename one into place afterwards. For signal handlers, just before they
/// exit.
pub fn remove_pending() -> MutexGuard<'static, Vec<PathBuf>> {
    let mut pending = lock();
    for path in pending.drain(..) {
        let _ = std::fs::remove_file(path);
    }
    pending
}

/// `path` with symbolic links followed to the final target (which may not
/// exist yet); `path` itself when it is not a link or the chain is too long.
fn follow_links(path: &Path) -> PathBuf {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => match std::fs::read_link(&p) {
                Ok(next) => p = p.parent().map_or_else(|| next.clone(), |dir| dir.join(&next)),
                Err(_) => return p,
            },
            _ => return p,
        }
    }
    path.to_path_buf()
}

/// Removes `dir/.<name>.<pid>.<n>.tmp` files whose process is gone: what a
/// SIGKILLed run to the same target left. Only on systems with `/proc`;
/// elsewhere they stay (their pattern is documented in docs/cli.md).
fn remove_stale(dir: &Path, name: &str) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)?.strip_suffix(".tmp")) else {
            continue;
        };
        let Some((pid, n)) = rest.split_once('.') else { continue };
        let ours = !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()) && n.bytes().all(|b| b.is_ascii_digit());
        if ours && pid != std::process::id().to_string() && !Path::new("/proc").join(pid).exists() {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Writes `bytes` to `target` atomically.
///
/// # Errors
/// As [`AtomicFile::create`] and [`AtomicFile::commit`].
pub fn write_file(target: &Path, bytes: &[u8]) -> Result<()> {
    let mut f = AtomicFile::create(target)?;
    f.write_all(bytes).map_err(|e| Error::io("cannot write the output", target, e))?;
    f.commit()
}

/// An I/O error on the output named `path`, as a library error.
pub fn io_error(path: &str, e: std::io::Error) -> Error {
    Error::io("cannot write the output", path, e)
}
