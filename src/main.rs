//! The `yomitori` binary: parse flags, call the library, map the outcome to
//! an exit status (0 success, 1 mismatch, 2 error). A broken pipe on output
//! is a normal end.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(err) => {
            let broken_pipe = err.chain().any(|c| {
                c.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
                    || c.downcast_ref::<yomitori::Error>().is_some_and(yomitori::Error::is_broken_pipe)
            });
            if broken_pipe {
                return ExitCode::SUCCESS;
            }
            #[allow(clippy::print_stderr)]
            {
                eprintln!("{err:#}");
            }
            ExitCode::from(2)
        }
    }
}
