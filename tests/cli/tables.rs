//! The German tables of `list`, `due` and `show`, whole: a small fixed
//! register, a fixed `--today`, and the exact text an officer sees (80
//! columns, as in a pipe or a cron mail). A change to any heading, label,
//! date or column width shows up here as a diff to review.

use crate::util::{case, Krm};

/// Three cases received in March 2026 (Rostock: acknowledgment within 3
/// working days, answer within 14 calendar days): one still open, one
/// acknowledged and assigned, one answered and closed; today is 10.03.2026.
fn register() -> Krm {
    let k = Krm::init("rostock").on("2026-03-10");
    k.ok(&["user", "add", "tl.nord", "--role", "teamlead"]);
    let run = |args: &[&str]| k.ok(&case(args)).trim().to_string();
    let open =
        run(&["--type", "beschwerde", "--concern", "1.2.1", "--phone", "0381 1234567", "--received", "2026-03-02"]);
    let acked = run(&[
        "--type",
        "beschwerde",
        "--concern",
        "4.2",
        "--concern",
        "2.2.1",
        "--last-name",
        "Musterfrau",
        "--salutation",
        "frau",
        "--email",
        "e.musterfrau@example.de",
        "--received",
        "2026-03-03",
        "--summary",
        "Rückruf trotz Zusage nicht erfolgt",
    ]);
    let closed = run(&["--type", "lob", "--concern", "4.6", "--email", "x@example.de", "--received", "2026-03-04"]);
    assert_eq!([open.as_str(), acked.as_str(), closed.as_str()], ["2026-0001", "2026-0002", "2026-0003"]);
    k.ok(&["assign", &acked, "--to", "tl.nord"]);
    k.ok(&["respond", &acked, "--kind", "ack", "--on", "2026-03-05", "--contact", "Herr Nord"]);
    k.ok(&["respond", &closed, "--kind", "ack", "--on", "2026-03-05"]);
    k.ok(&["respond", &closed, "--kind", "answer", "--on", "2026-03-06"]);
    k.ok(&["close", &closed, "--on", "2026-03-09"]);
    k
}

#[track_caller]
fn assert_text(got: &str, want: &[&str]) {
    let want = want.iter().map(|l| format!("{l}\n")).collect::<String>();
    assert_eq!(got, want, "\n--- got:\n{got}\n--- want:\n{want}");
}

#[test]
fn the_list_table_in_german() {
    let k = register();
    assert_text(
        &k.ok(&["list"]),
        &[
            " KRM-Nr.    Eingang     Art         Einheit   Status         Frist",
            "─────────────────────────────────────────────────────────────────────────",
            " 2026-0001  02.03.2026  Beschwerde  Team 101  offen          05.03.2026",
            " 2026-0002  03.03.2026  Beschwerde  Team 101  bestätigt      17.03.2026",
            " 2026-0003  04.03.2026  Lob         Team 101  abgeschlossen  —",
        ],
    );
}

#[test]
fn the_due_table_in_german() {
    let k = register();
    assert_text(
        &k.ok(&["due", "--within", "5"]),
        &[
            " KRM-Nr.    fällig ist   Frist       Stand              Einheit   Zust.    St.",
            "──────────────────────────────────────────────────────────────────────────────",
            " 2026-0001  Bestätigung  05.03.2026  5 Tage überfällig  Team 101  —        1",
            " 2026-0001  Antwort      16.03.2026  in 6 Tagen         Team 101  —        1",
            " 2026-0002  Antwort      17.03.2026  in 7 Tagen         Team 101  tl.nord  1",
            "Zust. = zuständig, St. = Stufe; Herleitung einer Frist: krm due --explain KRM-NR",
            "3 fällig, davon 1 überfällig (Stand 10.03.2026)",
        ],
    );
    // Months later: what was promised is overdue too, by three-digit numbers of days.
    assert_text(
        &k.on("2026-12-06").ok(&["due"]),
        &[
            " KRM-Nr.    fällig ist   Frist       Stand                Einheit   Zust.    St.",
            "────────────────────────────────────────────────────────────────────────────────",
            " 2026-0001  Bestätigung  05.03.2026  276 Tage überfällig  Team 101  —        1",
            " 2026-0001  Zw.-Nachr.   16.03.2026  265 Tage überfällig  Team 101  —        1",
            " 2026-0002  Zw.-Nachr.   17.03.2026  264 Tage überfällig  Team 101  tl.nord  1",
            " 11/2026    Bericht      15.12.2026  in 9 Tagen                     —        0",
            "Zust. = zuständig, St. = Stufe; Herleitung einer Frist: krm due --explain KRM-NR",
            "4 fällig, davon 3 überfällig (Stand 06.12.2026)",
        ],
    );
}

#[test]
fn the_show_page_in_german() {
    let k = register();
    assert_text(
        &k.ok(&["show", "2026-0002"]),
        &[
            " KRM-Nr.               2026-0002",
            " Art der Reaktion      Beschwerde",
            " Status                bestätigt, Stufe 1 (Team)",
            " Eingangsdatum         03.03.2026",
            " Form                  E-Mail",
            " Kundengruppe          Arbeitnehmer/Leistungsberechtigte (AN)",
            " Eingang bei           KRM-Beauftragte/r",
            " Org.-Einheit          Team 101",
            " Zuständig             tl.nord",
            " Eingangsbest. fällig  06.03.2026",
            " Eingangsbest. am      05.03.2026",
            " Antwort fällig        17.03.2026",
            " Antwort am            —",
            " Eingangsbest. Stand   rechtzeitig",
            " Antwort Stand         Frist läuft",
            " Abgeschlossen am      —",
            " Erfasst von           anna",
            " Inhalt                Rückruf trotz Zusage nicht erfolgt",
            "",
            "Anliegen",
            " Code   Kategorie                                         Ergebnis",
            "────────────────────────────────────────────────────────────────────",
            " 4.2    Mitarbeiterverhalten › Umgangsformen              —",
            " 2.2.1  Spezifische Dienstleistungen nach dem SGB II ›    —",
            "        Grundsicherung › Gewährung der Regelbedarfe",
            "",
            "Kunde",
            " Anrede        Frau (weiblich)",
            " Familienname  Musterfrau",
            " E-Mail        e.musterfrau@example.de",
            "",
            "Verlauf",
            " Datum       Wer   Was                  Einzelheiten",
            "────────────────────────────────────────────────────────────────────────────────",
            " 10.03.2026  anna  erfasst              eingegangen am 03.03.2026;",
            "                                        Organisationseinheit Team 101",
            " 10.03.2026  anna  zugewiesen           an tl.nord",
            " 10.03.2026  anna  Eingangsbestätigung  versandt am 05.03.2026; Ansprechperson",
            "                                        Herr Nord; nachgetragen am 10.03.2026",
        ],
    );
}

#[test]
fn the_tables_in_english_on_request() {
    let k = register();
    assert_text(
        &k.ok(&["--lang", "en", "due", "--within", "5"]),
        &[
            " KRM no.    what is due  Deadline    When            Unit      Assignee  Lv.",
            "────────────────────────────────────────────────────────────────────────────",
            " 2026-0001  Ack          05.03.2026  5 days overdue  Team 101  —         1",
            " 2026-0001  Answer       16.03.2026  in 6 days       Team 101  —         1",
            " 2026-0002  Answer       17.03.2026  in 7 days       Team 101  tl.nord   1",
            "Lv. = escalation level; how a deadline came about: krm due --explain KRM-NO",
            "3 due, 1 of them overdue (as of 10.03.2026)",
        ],
    );
}

#[test]
fn the_user_list_names_roles_as_people_call_them() {
    let k = register();
    k.ok(&["user", "login", "tl.nord", "m.nord"]);
    k.ok(&["user", "units", "tl.nord", "team 101"]);
    assert_text(
        &k.ok(&["user", "list"]),
        &[
            " Name     Rolle                        Konto   Einheiten  seit        bis",
            "───────────────────────────────────────────────────────────────────────────",
            " anna     KRM-Beauftragte/r (officer)  —       —          10.03.2026  —",
            " tl.nord  Teamleitung (teamlead)       m.nord  Team 101   10.03.2026  —",
        ],
    );
    assert_eq!(k.json(&["user", "list"])[1]["role"], "teamlead", "JSON keeps the key");
}
