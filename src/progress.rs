//! Progress of long work — import, purge, backup, the generator — on a
//! terminal only: when stderr is not one (cron, a pipe, a log file, the
//! tests) nothing is drawn and nothing is written. A bar when the amount of
//! work is known, a spinner for one long statement (`VACUUM INTO`); either
//! is cleared when the work is done, so only krm's own lines remain.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A progress bar or spinner on stderr, or nothing.
pub struct Progress(Option<ProgressBar>);

impl Progress {
    /// A bar of `total` steps, labelled `message`.
    pub fn bar(total: u64, message: String) -> Progress {
        Progress::on_terminal(|| {
            let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} ({eta})")
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .progress_chars("=> ");
            bar.set_style(style);
            bar.set_message(message);
            bar
        })
    }

    /// A spinner labelled `message`, turning on its own while the work runs.
    pub fn spinner(message: String) -> Progress {
        Progress::on_terminal(|| {
            let spinner = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            spinner.set_style(
                ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            spinner.set_message(message);
            spinner.enable_steady_tick(Duration::from_millis(120));
            spinner
        })
    }

    fn on_terminal(make: impl FnOnce() -> ProgressBar) -> Progress {
        Progress(std::io::stderr().is_terminal().then(make))
    }

    /// Whether anything is drawn.
    pub fn shown(&self) -> bool {
        self.0.is_some()
    }

    /// `done` steps of the total are done.
    pub fn set(&self, done: u64) {
        if let Some(bar) = &self.0 {
            bar.set_position(done);
        }
    }

    /// `done` of `total` steps are done, for work whose total is known only
    /// once it has begun.
    pub fn set_of(&self, done: u64, total: u64) {
        if let Some(bar) = &self.0 {
            bar.set_length(total);
            bar.set_position(done);
        }
    }

    /// One more step is done.
    pub fn step(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }

    /// A new label for the rest of the work (and a new total, if known).
    pub fn relabel(&self, message: String, total: Option<u64>) {
        if let Some(bar) = &self.0 {
            if let Some(total) = total {
                bar.set_length(total);
                bar.set_position(0);
            }
            bar.set_message(message);
        }
    }

    /// Removes the bar from the terminal.
    pub fn finish(&self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_drawn_when_stderr_is_not_a_terminal() {
        // The tests' stderr is a pipe or a file, as in cron.
        if std::io::stderr().is_terminal() {
            return;
        }
        let bar = Progress::bar(10, "x".into());
        bar.step();
        bar.set(5);
        assert!(!bar.shown());
        assert!(!Progress::spinner("y".into()).shown());
    }
}
