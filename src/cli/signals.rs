//! SIGINT, SIGTERM and SIGHUP: the run stops, its temporary output files
//! are removed, the previous outputs stay as they were, and the exit status
//! is 128 + the signal (130, 143, 129), as a shell reports a process killed
//! by it.
//!
//! Catching a signal needs `sigaction`, which safe Rust cannot call and the
//! crate forbids `unsafe` for: `signal-hook` is the maintained wrapper. Its
//! iterator delivers the signal to an ordinary thread (not a handler
//! context), where removing files and printing are allowed. The thread
//! takes the lock on the pending temporary files and exits while holding
//! it, so no output can be renamed into place after the cleanup.

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

/// Starts the thread that handles the signals.
///
/// # Errors
/// When the handlers cannot be installed.
pub fn install() -> std::io::Result<()> {
    let mut signals = Signals::new([SIGINT, SIGTERM, SIGHUP])?;
    std::thread::Builder::new().name("signals".into()).spawn(move || {
        if let Some(signal) = signals.forever().next() {
            // Held until the process exits (module doc).
            let _pending = yomitori::emit::atomic::remove_pending();
            let name = match signal {
                SIGINT => "SIGINT",
                SIGTERM => "SIGTERM",
                _ => "SIGHUP",
            };
            eprintln!("yomitori: interrupted by {name}; temporary files removed, previous outputs left as they were");
            std::process::exit(128 + signal);
        }
    })?;
    Ok(())
}
