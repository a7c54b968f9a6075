//! The progress bar: a spinner with documents, bytes and throughput, drawn
//! on stderr only when stderr is a terminal (indicatif hides it otherwise).

use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use yomitori::pipeline::{Observer, Summary};
use yomitori::Error;

/// Reports bad documents on stderr and draws progress.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar when `show`, else only error reporting.
    pub fn new(show: bool) -> Progress {
        let bar = show.then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{spinner} {msg} [{elapsed}] {binary_bytes} ({binary_bytes_per_sec})")
                    .expect("valid template"),
            );
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Progress { bar }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

impl Observer for Progress {
    fn document_error(&mut self, error: &Error) {
        let msg = format!("error: {error}");
        match &self.bar {
            Some(b) => b.suspend(|| eprintln!("{msg}")),
            None => eprintln!("{msg}"),
        }
    }

    fn progress(&mut self, s: &Summary) {
        if let Some(b) = &self.bar {
            b.set_position(s.bytes);
            b.set_message(format!("{} documents, {} rows", s.documents, s.total_rows()));
        }
    }
}
