//! The terminal while the intake form runs: whatever ends the form — an
//! answer, Ctrl-C at a prompt, a signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) —
//! leaves the terminal as the form found it: the cursor shown, the line
//! discipline (raw mode) restored. Nothing is written to the register before
//! the final confirmation, so an interruption leaves it unchanged. While the
//! form runs, keys typed ahead wait for their question instead of being
//! echoed over the form.

use std::sync::OnceLock;

/// The terminal's modes when the form started, for the signal handler.
static SAVED: OnceLock<libc::termios> = OnceLock::new();
/// What the signal handler prints, prepared beforehand (a handler may not
/// allocate or look up messages).
static MESSAGE: OnceLock<Vec<u8>> = OnceLock::new();

const SIGNALS: [libc::c_int; 4] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP, libc::SIGQUIT];

/// The exit code of a command ended by signal `sig` (CLI.md: 130 for Ctrl-C).
pub fn exit_code(sig: libc::c_int) -> i32 {
    128 + sig
}

/// Restores the terminal when dropped and, while it lives, on every signal
/// that would end the process.
pub struct Guard {
    saved: Option<libc::termios>,
    previous: Vec<(libc::c_int, libc::sigaction)>,
}

extern "C" fn on_signal(sig: libc::c_int) {
    // Only async-signal-safe calls: tcsetattr, write, _exit.
    // SAFETY: the statics were set before the handler was installed and are
    // never changed afterwards; the pointers passed stay valid for the calls.
    unsafe {
        if let Some(modes) = SAVED.get() {
            libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, modes);
        }
        let show = b"\x1b[?25h";
        libc::write(libc::STDERR_FILENO, show.as_ptr().cast(), show.len());
        if let Some(text) = MESSAGE.get() {
            libc::write(libc::STDERR_FILENO, text.as_ptr().cast(), text.len());
        }
        libc::_exit(exit_code(sig));
    }
}

impl Guard {
    /// Remembers the terminal's modes and installs the signal handlers.
    /// `message` is printed (after a line break) when a signal ends krm.
    pub fn new(message: &str) -> Guard {
        let mut modes = std::mem::MaybeUninit::<libc::termios>::uninit();
        // SAFETY: tcgetattr fills `modes` when it returns 0.
        let saved = (unsafe { libc::tcgetattr(libc::STDIN_FILENO, modes.as_mut_ptr()) } == 0)
            .then(|| unsafe { modes.assume_init() });
        if let Some(modes) = saved {
            let _ = SAVED.set(modes);
            // Between two keys read (console switches to raw mode for each),
            // keys typed ahead are neither echoed over the form nor taken as
            // line editing (a Backspace typed ahead would be lost): the
            // terminal stays out of canonical mode while the form runs.
            // Output keeps its modes; Ctrl-C stays a signal.
            let mut quiet = modes;
            quiet.c_lflag &= !(libc::ICANON | libc::ECHO | libc::IEXTEN);
            quiet.c_cc[libc::VMIN] = 1;
            quiet.c_cc[libc::VTIME] = 0;
            // SAFETY: `quiet` is a complete termios copied from the terminal's.
            unsafe { libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &quiet) };
        }
        let _ = MESSAGE.set(format!("\r\nkrm: {message}\r\n").into_bytes());
        let mut previous = Vec::new();
        for sig in SIGNALS {
            // SAFETY: a zeroed sigaction with a handler and an empty mask is
            // valid; `old` is filled by sigaction when it returns 0.
            unsafe {
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
                libc::sigemptyset(&mut action.sa_mask);
                let mut old: libc::sigaction = std::mem::zeroed();
                if libc::sigaction(sig, &action, &mut old) == 0 {
                    previous.push((sig, old));
                }
            }
        }
        Guard { saved, previous }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        let term = console::Term::stderr();
        let _ = term.show_cursor();
        if let Some(modes) = &self.saved {
            // SAFETY: `modes` came from tcgetattr on the same descriptor.
            unsafe { libc::tcsetattr(libc::STDIN_FILENO, libc::TCSADRAIN, modes) };
        }
        for (sig, old) in &self.previous {
            // SAFETY: `old` is what sigaction reported for `sig`.
            unsafe { libc::sigaction(*sig, old, std::ptr::null_mut()) };
        }
    }
}
