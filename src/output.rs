//! Where krm's output goes. Data goes to stdout through `Stdout`, whose
//! every error reaches the command — a full disk or a file that cannot be
//! written is a failure (exit 10), never a silent success; only a closed
//! pipe (`krm list | head`) stays success. Even the last buffered bytes,
//! flushed when the writer is dropped, count: `commands::run` asks
//! `check()` before reporting success. Messages go to stderr through
//! `say!`, which ignores a stderr that cannot be written: the exit code
//! still tells the outcome, and a change already saved stays saved.

use std::fmt;
use std::io::{self, BufWriter, StdoutLock, Write};
use std::sync::Mutex;

/// The first failure to flush stdout when a writer was dropped.
static LOST: Mutex<Option<io::Error>> = Mutex::new(None);

/// Buffered stdout for one command's data.
pub struct Stdout(Option<BufWriter<StdoutLock<'static>>>);

/// Opens stdout for a command's data.
pub fn stdout() -> Stdout {
    Stdout(Some(BufWriter::with_capacity(64 * 1024, io::stdout().lock())))
}

impl Stdout {
    /// Writes out what is buffered, for a command that wants to add to the
    /// error (e.g. that its change was saved nonetheless).
    pub fn finish(mut self) -> io::Result<()> {
        match self.0.take() {
            Some(mut w) => w.flush().map_err(failed),
            None => Ok(()),
        }
    }
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.as_mut().map_or(Ok(buf.len()), |w| w.write(buf)).map_err(failed)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.as_mut().map_or(Ok(()), |w| w.flush()).map_err(failed)
    }
}

impl Drop for Stdout {
    fn drop(&mut self) {
        if let Some(Err(e)) = self.0.as_mut().map(|w| w.flush()) {
            let mut lost = LOST.lock().unwrap_or_else(|p| p.into_inner());
            if lost.is_none() && e.kind() != io::ErrorKind::BrokenPipe {
                *lost = Some(failed(e));
            }
        }
    }
}

/// Whether everything written to stdout reached it; the first failure if not.
pub fn check() -> io::Result<()> {
    match LOST.lock().unwrap_or_else(|p| p.into_inner()).take() {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// The error of a failed write, saying what could not be written. The kind
/// stays, so a closed pipe is still recognised as one.
fn failed(e: io::Error) -> io::Error {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return e;
    }
    io::Error::new(e.kind(), crate::tr!("stdout-failed", cause = e.to_string()))
}

/// Writes one message line to stderr, ignoring a stderr that cannot be
/// written. Whatever it names from the data (a unit, a path, a label) is
/// escaped on the way; nothing is cut (an error message comes already cut
/// by `domain::text::message`, and the form's summary is shown whole).
pub fn say(args: fmt::Arguments) {
    let text = args.to_string();
    let _ = writeln!(io::stderr().lock(), "{}", crate::domain::text::escaped_lines(&text));
}

/// `eprintln!` that never panics: see `output::say`.
#[macro_export]
macro_rules! say {
    () => {
        $crate::output::say(format_args!(""))
    };
    ($($arg:tt)*) => {
        $crate::output::say(format_args!($($arg)*))
    };
}
