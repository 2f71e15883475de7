//! The interactive intake form, driven for real in a pseudo-terminal of
//! 80×24: what krm writes is fed to a terminal emulator (`vt100`), and the
//! tests assert on the visible screen — the picker's page fits, the prompt
//! line and the cursor are on screen, filtering narrows the list, Ctrl-C
//! gives the terminal back — and on what lands in the register.

use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::util::{form as session, type_keys as key, Krm};

const ENTER: &str = "\r";
const DOWN: &str = "\x1b[B";
const UP: &str = "\x1b[A";
const BACKSPACE: &str = "\x7f";
const CTRL_C: &str = "\x03";
const ROWS: u16 = 24;
const COLS: u16 = 80;

/// krm in a pseudo-terminal of 80×24, its output kept on an emulated screen.
struct Tty {
    master: std::fs::File,
    child: Child,
    screen: Arc<Mutex<vt100::Parser>>,
}

impl Tty {
    fn spawn(k: &Krm, args: &[&str]) -> Tty {
        let size = libc::winsize { ws_row: ROWS, ws_col: COLS, ws_xpixel: 0, ws_ypixel: 0 };
        let (mut master, mut slave) = (0, 0);
        // SAFETY: openpty fills both descriptors when it returns 0; the size
        // is copied.
        let rc = unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), &size) };
        assert_eq!(rc, 0, "openpty: {}", std::io::Error::last_os_error());
        // SAFETY: both descriptors were just opened and are owned here only.
        let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        let mut cmd = k.command(args);
        cmd.env("TERM", "xterm")
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        // SAFETY: only async-signal-safe calls between fork and exec: a new
        // session whose controlling terminal is the pty (so Ctrl-C is a
        // signal from the terminal, as in a shell).
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("spawn krm in a pty");
        let master = std::fs::File::from(master);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0)));
        let (mut reader, feed) = (master.try_clone().unwrap(), Arc::clone(&screen));
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            // Ends with EIO once krm has exited and the pty's slave is closed.
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                feed.lock().unwrap().process(&buf[..n]);
            }
        });
        Tty { master, child, screen }
    }

    /// The visible screen, row by row.
    fn rows(&self) -> Vec<String> {
        self.screen.lock().unwrap().screen().rows(0, COLS).collect()
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    fn cursor_hidden(&self) -> bool {
        self.screen.lock().unwrap().screen().hide_cursor()
    }

    /// The row the cursor is on, as text.
    fn cursor_row(&self) -> String {
        let (row, _) = self.screen.lock().unwrap().screen().cursor_position();
        self.rows()[usize::from(row)].clone()
    }

    /// Waits until the screen shows `text`.
    #[track_caller]
    fn shows(&self, text: &str) {
        self.until(|t| t.contents().contains(text), &format!("the screen to show {text:?}"));
    }

    #[track_caller]
    fn until(&self, done: impl Fn(&Tty) -> bool, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while !done(self) {
            assert!(Instant::now() < deadline, "waiting for {what}; the screen:\n{}", self.contents());
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// Whether krm has the terminal in raw mode, reading single keys.
    fn reads_keys(&self) -> bool {
        let mut modes = std::mem::MaybeUninit::<libc::termios>::uninit();
        // SAFETY: the master is open; tcgetattr fills `modes` when it returns 0.
        let rc = unsafe { libc::tcgetattr(self.master.as_raw_fd(), modes.as_mut_ptr()) };
        assert_eq!(rc, 0, "tcgetattr: {}", std::io::Error::last_os_error());
        unsafe { modes.assume_init() }.c_lflag & libc::ICANON == 0
    }

    /// Types `keys` one key at a time, each once krm reads keys.
    #[track_caller]
    fn keys(&mut self, keys: &str) {
        let mut rest = keys;
        while !rest.is_empty() {
            // An arrow key is one key of three bytes; a lone Esc is one.
            let n = if rest.starts_with("\x1b[") { 3.min(rest.len()) } else { rest.chars().next().unwrap().len_utf8() };
            let (one, tail) = rest.split_at(n);
            self.until(Tty::reads_keys, &format!("krm to read a key (typing {keys:?})"));
            self.master.write_all(one.as_bytes()).unwrap();
            self.master.flush().unwrap();
            rest = tail;
        }
    }

    /// Waits for `prompt`, then types `keys`.
    #[track_caller]
    fn answer(&mut self, prompt: &str, keys: &str) {
        self.shows(prompt);
        self.keys(keys);
    }

    /// Waits for krm to end; returns its exit code.
    fn exit_code(&mut self) -> i32 {
        let status = self.child.wait().unwrap();
        // Let the reader thread show what was written last.
        std::thread::sleep(Duration::from_millis(50));
        status.code().unwrap_or(-1)
    }
}

/// No line of the screen is filled to the last column (a line cut to the
/// width leaves it free; a wrapped one does not).
fn nothing_wraps(t: &Tty) {
    for row in t.rows() {
        assert!(row.chars().count() < usize::from(COLS), "a line reaches the edge:\n{row}\n{}", t.contents());
    }
}

/// Answers the customer part of the form: Frau Erika Musterfrau, Rostock.
fn customer(t: &mut Tty, postcode: &str) {
    t.answer("Kundendaten erfassen? [J/n]", "j");
    t.shows("Geschlecht/Anrede");
    t.keys(&format!("{UP}{UP}{ENTER}")); // from "keine Angabe" up to Frau
    for (prompt, answer) in [
        ("Titel", ""),
        ("Vorname", "Erika"),
        ("Vorsatzwort", ""),
        ("Familienname", "Musterfrau"),
        ("Straße/Haus-Nr.", "Lange Straße 1"),
        ("Postfach", ""),
        ("Postleitzahl", postcode),
        ("Ort", "Rostock"),
        ("E-Mail", "erika@example.de"),
        ("Telefon", "0381 123456"),
        ("Telefax", ""),
    ] {
        t.answer(&format!("{prompt}:"), &format!("{answer}{ENTER}"));
    }
}

/// From Eingangsdatum to the first category: 09.03.2026, Beschwerde,
/// schriftlich, AN, Team 101.
fn case_data(t: &mut Tty) {
    t.answer("Eingangsdatum [10.03.2026]", &format!("09.03.2026{ENTER}"));
    t.answer("Art der Reaktion", ENTER); // Beschwerde
    t.answer("Form der Reaktion", &format!("{DOWN}{ENTER}")); // schriftlich
    t.answer("Kundengruppe", &format!("{DOWN}{ENTER}")); // AN
    t.answer("Betroffene Org.-Einheit", ENTER); // the only known unit, Team 101
}

fn register_with_a_unit() -> Krm {
    let k = Krm::init("rostock");
    k.record(&["--unit", "Team 101"]);
    k
}

#[test]
fn the_form_asks_in_anlage_3_order_and_records_the_case() {
    let k = register_with_a_unit();
    let mut t = Tty::spawn(&k, &["record"]);
    t.shows("Kundenreaktion erfassen (Anlage 3)");
    customer(&mut t, "18055");
    case_data(&mut t);
    t.answer("Kategorie (Tippen von Code oder Stichwort filtert):", &format!("Umgangsformen{ENTER}"));
    t.answer("Weitere Kategorie hinzufügen? [j/N]", "j");
    t.answer("Weitere Kategorie (bisher 4.2)", &format!("Kontaktdichte{ENTER}"));
    t.answer("Weitere Kategorie hinzufügen? [j/N]", "n");
    t.answer("Eingang bei", &format!("{DOWN}{DOWN}{DOWN}{ENTER}")); // KRM-Beauftragte/r
    t.answer("Inhalt in Stichworten (optional)", &format!("Termin zweimal abgesagt{ENTER}"));
    t.shows("So erfassen? [J/n]");
    let screen = t.contents();
    for line in [
        "Geschlecht/Anrede      Frau",
        "Name                   Erika Musterfrau",
        "Postleitzahl           18055",
        "Eingangsdatum          09.03.2026",
        "Art der Reaktion       Beschwerde",
        "Form der Reaktion      schriftlich",
        "Betroffene Org.-Einheit Team 101",
        "Kategorien             4.2 Mitarbeiterverhalten › Umgangsformen",
        "Kategorien             1.2.6 Markt und Integration › Arbeitsvermittlung › Kontaktdichte",
        "Inhalt                 Termin zweimal abgesagt",
    ] {
        assert!(screen.contains(line), "the summary lacks {line:?}:\n{screen}");
    }
    t.keys("J");
    assert_eq!(t.exit_code(), 0, "{}", t.contents());
    t.shows("erfasst: 2026-0002 (Beschwerde, eingegangen am 09.03.2026)");
    assert!(!t.cursor_hidden());

    let c = k.json(&["show", "2026-0002"]);
    assert_eq!(c["type"], "beschwerde");
    assert_eq!(c["form"], "schriftlich");
    assert_eq!(c["group"], "an");
    assert_eq!(c["intake"], "krm");
    assert_eq!(c["received_on"], "2026-03-09");
    assert_eq!(c["unit"], "Team 101");
    let codes: Vec<&str> = c["concerns"].as_array().unwrap().iter().map(|x| x["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["4.2", "1.2.6"]);
    assert_eq!(c["summary"], "Termin zweimal abgesagt");
    assert_eq!(c["customer"]["salutation"], "frau");
    assert_eq!(c["customer"]["last_name"], "Musterfrau");
    assert_eq!(c["customer"]["postcode"], "18055");
    assert_eq!(c["customer"]["title"], serde_json::Value::Null);
}

#[test]
fn the_category_picker_fits_80x24_and_filters_by_code_or_word() {
    let k = register_with_a_unit();
    let mut t = Tty::spawn(&k, &["record"]);
    t.answer("Kundendaten erfassen?", "n");
    case_data(&mut t);
    t.shows("Kategorie (Tippen von Code oder Stichwort filtert):");
    // However many categories the register has (more are coming).
    let categories = k.json(&["categories"]);
    let total = categories.as_array().unwrap().iter().filter(|c| c["assignable"] == true).count();
    // A page that fits: the prompt line on screen with the cursor on it,
    // every line cut to the width, the list paged.
    t.shows(&format!("1–20 von {total}"));
    let rows = t.rows();
    let prompt = rows.iter().position(|r| r.starts_with("Kategorie (Tippen")).expect("the prompt line is visible");
    assert!(t.cursor_row().starts_with("Kategorie (Tippen"), "the cursor is on the prompt line");
    assert!(!t.cursor_hidden(), "the cursor is visible while typing the filter");
    assert!(rows[prompt + 2].starts_with("> 1.1.1"), "{}", t.contents());
    assert!(
        rows[prompt + 21].starts_with("  1.3.7  Sonstiges  (Ausbildungsvermittlung)"),
        "twenty entries on the page"
    );
    assert!(rows[prompt + 22..].iter().all(|r| r.trim().is_empty()), "the last line stays free:\n{}", t.contents());
    nothing_wraps(&t);
    // The code in front, the label, the sub-area it belongs to.
    assert!(
        t.contents().contains("> 1.1.1  Allgemeine und fallbezogene Auskünfte  (Eingangszone)"),
        "{}",
        t.contents()
    );

    t.keys("4.2");
    t.shows(&format!("1–1 von einem Treffer ({total} insgesamt)"));
    let screen = t.contents();
    assert!(screen.contains("> 4.2    Umgangsformen  (Mitarbeiterverhalten)"), "{screen}");
    assert!(!screen.contains("1.1.1"), "no stale frame below the filtered list:\n{screen}");
    assert!(t.cursor_row().starts_with("Kategorie (Tippen von Code oder Stichwort filtert): 4.2"));

    t.keys(&format!("{BACKSPACE}{BACKSPACE}{BACKSPACE}Termin"));
    t.shows(&format!("1–2 von 2 Treffern ({total} insgesamt)"));
    let screen = t.contents();
    assert!(screen.contains("> 4.4    Termintreue  (Mitarbeiterverhalten)"), "{screen}");
    assert!(screen.contains("  5.4    Terminierung (Terminvergabe/Terminabsage)"), "{screen}");
    assert!(!screen.contains("4.2 "), "{screen}");
    nothing_wraps(&t);

    t.keys("xyz");
    t.shows("kein Eintrag passt zu „Terminxyz“");
    t.keys("\x1b"); // Esc clears the filter
    t.shows(&format!("1–20 von {total} ·"));
    t.keys(&format!("{DOWN}{ENTER}")); // the second entry
    t.shows("Kategorie (Tippen von Code oder Stichwort filtert): 1.1.2");
    t.answer("Weitere Kategorie hinzufügen?", "n");
    t.answer("Eingang bei", ENTER);
    t.answer("Inhalt in Stichworten", ENTER);
    t.answer("So erfassen?", ENTER);
    assert_eq!(t.exit_code(), 0, "{}", t.contents());
    let c = k.json(&["show", "2026-0002"]);
    assert_eq!(c["concerns"][0]["code"], "1.1.2");
    assert_eq!(c["customer"], serde_json::Value::Null);
}

#[test]
fn a_bad_postcode_is_asked_again() {
    let k = register_with_a_unit();
    let mut t = Tty::spawn(&k, &["record", "--type", "lob", "--form", "email", "--group", "an", "--intake", "krm"]);
    t.answer("Kundendaten erfassen?", "j");
    t.answer("Geschlecht/Anrede", ENTER);
    for prompt in ["Titel", "Vorname", "Vorsatzwort", "Familienname", "Straße/Haus-Nr.", "Postfach"] {
        t.answer(&format!("{prompt}:"), ENTER);
    }
    t.answer("Postleitzahl:", &format!("1805{ENTER}"));
    t.shows("Fehler: --postcode '1805' ist keine deutsche Postleitzahl (genau 5 Ziffern, z. B. 18055)");
    t.until(|t| t.cursor_row().starts_with("Postleitzahl:"), "the postcode to be asked again");
    t.keys(&format!("18055{ENTER}"));
    t.answer("Ort:", ENTER);
    t.answer("E-Mail:", &format!("erika@@example{ENTER}"));
    t.shows("Fehler: --email 'erika@@example' ist keine E-Mail-Adresse");
    t.until(|t| t.cursor_row().starts_with("E-Mail:"), "the e-mail address to be asked again");
    t.keys(&format!("erika@example.de{ENTER}"));
    t.answer("Telefon:", &format!("12{ENTER}"));
    t.shows("ist keine Telefonnummer (mindestens 6 Ziffern");
    t.until(|t| t.cursor_row().starts_with("Telefon:"), "the phone number to be asked again");
    t.keys(ENTER);
    t.answer("Telefax:", ENTER);
    t.answer("Eingangsdatum", ENTER);
    t.answer("Betroffene Org.-Einheit", ENTER);
    t.answer("Kategorie", &format!("4.6{ENTER}"));
    t.answer("Weitere Kategorie hinzufügen?", ENTER);
    t.answer("Inhalt in Stichworten", ENTER);
    t.answer("So erfassen?", "j");
    assert_eq!(t.exit_code(), 0, "{}", t.contents());
    let c = k.json(&["show", "2026-0002"]);
    assert_eq!(c["customer"]["postcode"], "18055");
    assert_eq!(c["customer"]["email"], "erika@example.de");
    assert_eq!(c["customer"]["phone"], serde_json::Value::Null);
}

#[test]
fn nein_at_the_confirmation_lets_the_officer_correct_a_field() {
    let k = register_with_a_unit();
    let mut t = Tty::spawn(&k, &["record", "--type", "beschwerde", "--intake", "krm", "--summary", "Wartezeit"]);
    customer(&mut t, "18055");
    t.answer("Eingangsdatum", ENTER);
    t.answer("Form der Reaktion", ENTER); // persönlich
    t.answer("Kundengruppe", ENTER); // AG
    t.answer("Betroffene Org.-Einheit", ENTER);
    t.answer("Kategorie", &format!("5.3{ENTER}"));
    t.answer("Weitere Kategorie hinzufügen?", "n");
    t.answer("So erfassen? [J/n]", "n");
    // Nothing is thrown away: choose the field, by filter, and answer again.
    t.shows("Welches Feld korrigieren? (oder „verwerfen“):");
    t.shows("> Geschlecht/Anrede  (Frau (weiblich))");
    t.shows("  Kundengruppe  (Arbeitgeber (AG))");
    nothing_wraps(&t);
    t.keys("Postleit");
    t.shows("> Postleitzahl  (18055)");
    t.keys(ENTER);
    t.until(|t| t.cursor_row().starts_with("Postleitzahl: 18055"), "the postcode with its answer so far");
    t.keys(&format!("{BACKSPACE}{BACKSPACE}{BACKSPACE}{BACKSPACE}{BACKSPACE}18057{ENTER}"));
    t.shows("Postleitzahl           18057");
    t.answer("So erfassen? [J/n]", "n");
    t.answer("Welches Feld korrigieren?", &format!("Kundengruppe{ENTER}"));
    t.answer("Kundengruppe", &format!("{DOWN}{ENTER}")); // from AG to AN
    t.shows("Kundengruppe           Arbeitnehmer/Leistungsberechtigte (AN)");
    t.answer("So erfassen? [J/n]", "j");
    assert_eq!(t.exit_code(), 0, "{}", t.contents());
    let c = k.json(&["show", "2026-0002"]);
    assert_eq!(c["customer"]["postcode"], "18057");
    assert_eq!(c["group"], "an");
    assert_eq!(c["form"], "persoenlich");
    assert_eq!(c["summary"], "Wartezeit");
    assert_eq!(c["concerns"][0]["code"], "5.3");
}

#[test]
fn discarding_the_form_writes_nothing() {
    let k = register_with_a_unit();
    let before = k.snapshot();
    let args = ["record", "--type", "lob", "--form", "meinungskarte", "--group", "an", "--intake", "krm"];
    let mut t = Tty::spawn(&k, &[&args[..], &["--concern", "4.6", "--summary", ""]].concat());
    t.answer("Kundendaten erfassen? [j/N]", ENTER); // an opinion card: no by default
    t.answer("Eingangsdatum", ENTER);
    t.answer("Betroffene Org.-Einheit", ENTER);
    t.answer("So erfassen?", "n");
    t.answer("Welches Feld korrigieren?", &format!("verwerfen{ENTER}"));
    assert_eq!(t.exit_code(), 3, "{}", t.contents());
    t.shows("krm: verworfen; nichts wurde erfasst");
    assert_eq!(k.snapshot(), before);
}

#[test]
fn ctrl_c_gives_the_terminal_back_and_records_nothing() {
    let k = register_with_a_unit();
    let before = k.snapshot();
    // In a menu that hides the cursor (a signal from the terminal) …
    let mut t = Tty::spawn(&k, &["record"]);
    t.answer("Kundendaten erfassen?", "n");
    t.answer("Eingangsdatum", ENTER);
    t.shows("Art der Reaktion");
    t.until(Tty::cursor_hidden, "the menu to hide the cursor");
    t.keys(CTRL_C);
    assert_eq!(t.exit_code(), 130, "{}", t.contents());
    t.shows("krm: abgebrochen; nichts wurde erfasst");
    assert!(!t.cursor_hidden(), "the cursor is shown again:\n{}", t.contents());
    assert!(!t.reads_keys(), "the terminal is out of raw mode");
    assert_eq!(k.snapshot(), before);

    // … ended by a signal (the terminal window closed, a kill) …
    for (signal, code) in [(libc::SIGTERM, 143), (libc::SIGHUP, 129)] {
        let mut t = Tty::spawn(&k, &["record"]);
        t.answer("Kundendaten erfassen?", "n");
        t.answer("Eingangsdatum", ENTER);
        t.until(Tty::cursor_hidden, "the menu to hide the cursor");
        // SAFETY: the pid is that of the child spawned above, not yet waited for.
        assert_eq!(unsafe { libc::kill(t.child.id() as libc::pid_t, signal) }, 0);
        assert_eq!(t.exit_code(), code, "{}", t.contents());
        assert!(!t.cursor_hidden(), "signal {signal}: the cursor is shown again");
        assert!(!t.reads_keys(), "signal {signal}: the terminal is out of raw mode");
        assert_eq!(k.snapshot(), before);
    }

    // … in the category picker, at a yes/no question and at a text prompt.
    for (steps, at) in [(3, "Kategorie"), (2, "Weitere Kategorie hinzufügen?"), (1, "Inhalt in Stichworten")] {
        let mut t = Tty::spawn(&k, &["record", "--type", "lob", "--form", "email", "--group", "an", "--unit", "T"]);
        t.answer("Kundendaten erfassen?", "n");
        t.answer("Eingangsdatum", ENTER);
        if steps < 3 {
            t.answer("Kategorie", &format!("4.6{ENTER}"));
        }
        if steps < 2 {
            t.answer("Weitere Kategorie hinzufügen?", "n");
            t.answer("Eingang bei", ENTER);
        }
        t.answer(at, CTRL_C);
        assert_eq!(t.exit_code(), 130, "{at}: {}", t.contents());
        t.shows("krm: abgebrochen; nichts wurde erfasst");
        assert!(!t.cursor_hidden(), "{at}");
        assert!(!t.reads_keys(), "{at}");
        assert_eq!(k.snapshot(), before, "{at}");
    }
}

#[test]
fn the_form_speaks_english_on_request() {
    let k = register_with_a_unit();
    let args = ["--lang", "en", "record", "--type", "lob", "--form", "email", "--group", "an", "--intake", "krm"];
    let mut t = Tty::spawn(&k, &[&args[..], &["--unit", "Team 101", "--summary", "", "--email", "a@b.de"]].concat());
    t.answer("Received on [10.03.2026]", ENTER);
    t.answer("Category (type a code or a word to filter):", &format!("4.6{ENTER}"));
    t.answer("Add another category? [y/N]", "n");
    t.shows("E-mail                 a@b.de");
    t.answer("Record it like this? [Y/n]", "y");
    assert_eq!(t.exit_code(), 0, "{}", t.contents());
    t.shows("recorded 2026-0002 (Lob, received 10.03.2026)");
}

/// The same form through rexpect's session (what the earlier tests used):
/// flags given are not asked again.
#[test]
fn flags_given_are_not_asked_again() {
    let k = Krm::init("rostock");
    k.record(&[]);
    let mut p = session(
        &k,
        &["record", "--type", "lob", "--form", "meinungskarte", "--group", "an", "--intake", "krm", "--concern", "4.6"],
    );
    p.exp_string("Kundendaten erfassen").unwrap();
    key(&mut p, "n");
    p.exp_string("Eingangsdatum").unwrap();
    key(&mut p, ENTER); // today
    p.exp_string("Org.-Einheit").unwrap();
    key(&mut p, ENTER); // the only known unit, Team 101
    p.exp_string("Inhalt").unwrap();
    key(&mut p, ENTER);
    p.exp_string("So erfassen?").unwrap();
    key(&mut p, "J");
    p.exp_string("2026-0002").unwrap();
    p.exp_eof().unwrap();
    assert_eq!(k.json(&["show", "2026-0002"])["type"], "lob");
}
