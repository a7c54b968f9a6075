//! The `yomitori` binary: parse flags, call the library, map the outcome to
//! an exit status (0 success, 1 mismatch, 2 error; 129, 130, 143 after
//! SIGHUP, SIGINT, SIGTERM). A broken pipe on output is a normal end.

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
            // One style: `error: <what>: <path>: <reason>`. A rules report
            // is already a list of `error[code]: ...` diagnostics.
            let is_report = err.downcast_ref::<yomitori::Error>().is_some_and(yomitori::Error::is_rules);
            #[allow(clippy::print_stderr)]
            if is_report {
                eprintln!("{err:#}");
            } else {
                eprintln!("error: {err:#}");
            }
            ExitCode::from(2)
        }
    }
}
