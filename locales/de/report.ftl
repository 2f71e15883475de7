# krm report und krm export: Überschriften, Erläuterungen, Meldungen.

## Zeiträume
report-month = { $month ->
    [1] Januar
    [2] Februar
    [3] März
    [4] April
    [5] Mai
    [6] Juni
    [7] Juli
    [8] August
    [9] September
    [10] Oktober
    [11] November
   *[12] Dezember
} { $year }

## Kopf der Auswertung
report-title = KRM-Auswertung { $period }
report-title-as-of = KRM-Auswertung { $period } (Stand { $as_of })
report-as-of = Stand { $as_of }
report-running = Der Zeitraum läuft noch: Die Zahlen sind vorläufig.
report-compared = Verglichen mit { $previous } (Vorperiode) und { $year_ago } (Vorjahr).
report-compared-range = Vorperiode: { $previous }; Vorjahr: { $year_ago }
report-separate-note = Petitionen und Eingaben sind gesondert ausgewertet. Ohne personenbezogene Daten.
report-recorded-later = Nachträge: { $events ->
    [one] 1 Ereignis mit Datum bis zum Periodenende wurde
   *[other] { $events } Ereignisse mit Datum bis zum Periodenende wurden
} erst danach erfasst ({ $cases ->
    [one] 1 Fall
   *[other] { $cases } Fälle
}); die Zahlen können sich dadurch geändert haben.
report-removed-later = Austragungen: { $cases ->
    [one] 1 Fall mit Eingang bis zum Periodenende wurde
   *[other] { $cases } Fälle mit Eingang bis zum Periodenende wurden
} danach ausgetragen (krm remove); die Zahlen haben sich dadurch geändert.
report-anonymous-whole-months = Anonymisierte Fälle sind nur als Monatszahlen erhalten: in allen Zahlen dieses frei gewählten Zeitraums (und seiner Vergleichszeiträume) sind sie nur für ganze Monate enthalten, hier { $taken }, mit den Fristen zum jeweiligen Monatsende beurteilt; nur teilweise erfasste Monate ohne sie: { $partial }; im Rückstand { $backlog ->
    [yes] enthalten (der Zeitraum endet an einem Monatsende)
   *[no] nicht enthalten (der Zeitraum endet nicht an einem Monatsende)
}. Genaue Zahlen mit ihnen geben Monats- und Jahresauswertungen.
report-anonymous-none = keine
report-empty = Im Zeitraum { $period } wurden keine Fälle erfasst; die Auswertungen nach Art, Form, Anliegen und Org.-Einheit entfallen.
report-head-current = aktuell
report-head-previous = Vorperiode
report-head-year-ago = Vorjahr
report-no-personal-data = Ohne personenbezogene Daten. Erstellt mit krm.

## Abschnitte (nach Dimension)
report-section-overview = Überblick
report-section-type = Art der Reaktion (entschieden)
report-section-claimed_type = Art der Reaktion (wie vom Kunden bezeichnet)
report-section-form = Form der Reaktion
report-section-group = Kundengruppe
report-section-intake = Eingang bei
report-section-unit = Betroffene Org.-Einheit
report-section-level = Höchste Eskalationsstufe
report-section-area = Anliegen nach Bereich
report-section-subarea = Anliegen nach Teilbereich
report-section-category = Anliegen nach Kategorie
report-section-compliance_ack = Eingangsbestätigungen mit Frist im Zeitraum
report-section-compliance_answer = Antworten mit Frist im Zeitraum
report-section-compliance_type = Fristeneinhaltung nach Art der Reaktion
report-section-compliance_unit = Fristeneinhaltung nach Org.-Einheit
report-section-staff_unit = Anliegen zum Mitarbeiterverhalten (Bereich 4) nach Org.-Einheit
report-section-supervisory_unit = Dienstaufsichtsbeschwerden nach Org.-Einheit
report-measure-justified = davon berechtigt
report-other-units = übrige Einheiten (je unter { $min } Fällen)
report-section-timing = Tage ab Eingang bis zur Bestätigung bzw. Antwort (im Zeitraum versandt)
report-section-backlog_age = Offene Fälle am Periodenende nach Alter
report-section-backlog_unit = Offene Fälle am Periodenende nach Org.-Einheit
report-section-separate = Petitionen und Eingaben (gesondert ausgewertet)

## Messgrößen
report-measure-value = Wert
report-measure-cases = Fälle
report-measure-concerns = Anliegen
report-measure-berechtigt = berechtigt
report-measure-teilweise = teilweise berechtigt
report-measure-nicht_berechtigt = nicht berechtigt
report-measure-nicht_feststellbar = nicht feststellbar
report-measure-offen = ohne Ergebnis
report-measure-justified_share = Anteil berechtigt (%)
report-measure-median = Median
report-measure-p90 = 90. Perzentil
report-measure-ack_due = Eingangsbestätigungen fällig
report-measure-answer_due = Antworten fällig
report-measure-ack_on_time = Eingangsbestätigung rechtzeitig
report-measure-ack_late = Eingangsbestätigung verspätet
report-measure-ack_open_overdue = Eingangsbestätigung überfällig
report-measure-answer_on_time = Antwort rechtzeitig
report-measure-answer_late_with_interim = Antwort verspätet, mit Zwischennachricht
report-measure-answer_late_without_interim = Antwort verspätet, ohne Zwischennachricht
report-measure-answer_open_overdue_with_interim = Antwort überfällig, mit Zwischennachricht
report-measure-answer_open_overdue = Antwort überfällig, ohne Zwischennachricht

## Zeilen des Überblicks
report-overview-cases = Kundenreaktionen
report-overview-concerns = Anliegen
report-overview-separate_cases = Petitionen und Eingaben
report-overview-ack_on_time_share = Eingangsbestätigung rechtzeitig %
report-overview-answer_on_time_share = Antwort rechtzeitig %
report-overview-backlog = offen am Periodenende
report-overview-recorded_later = Ereignisse bis Periodenende, erst danach erfasst
report-overview-removed_later = Fälle mit Eingang bis Periodenende, danach ausgetragen

## Stand der Fristen
report-status-ack_on_time = Eingangsbestätigung rechtzeitig
report-status-ack_late = Eingangsbestätigung verspätet
report-status-ack_open_overdue = Eingangsbestätigung offen, Frist überschritten
report-status-ack_pending = Eingangsbestätigung offen, Frist läuft
report-status-ack_no_deadline = Eingangsbestätigung ohne Frist
report-status-answer_on_time = Antwort rechtzeitig
report-status-answer_late_with_interim = Antwort verspätet, mit rechtzeitiger Zwischennachricht
report-status-answer_late_without_interim = Antwort verspätet, ohne rechtzeitige Zwischennachricht
report-status-answer_open_overdue_with_interim = Antwort ausgeblieben, mit rechtzeitiger Zwischennachricht
report-status-answer_open_overdue = Antwort ausgeblieben, ohne rechtzeitige Zwischennachricht
report-status-answer_pending = Antwort offen, Frist läuft
report-status-answer_closed_without = abgeschlossen ohne Antwort
report-status-answer_no_deadline = Antwort ohne Frist
report-status-answer_not_started = Antwortfrist nicht angelaufen (keine Eingangsbestätigung)
report-status-promise_kept = zugesagter Termin gehalten
report-status-promise_broken = zugesagter Termin nicht gehalten

## Weitere Zeilen
report-level = Stufe { $level } { $name }
report-age-up_to_7 = bis 7 Tage
report-age-8_to_14 = 8 bis 14 Tage
report-age-15_to_30 = 15 bis 30 Tage
report-age-31_to_90 = 31 bis 90 Tage
report-age-over_90 = über 90 Tage
report-timing-ack = bis zur Eingangsbestätigung
report-timing-answer = bis zur Antwort
report-timing-head = Median / 90 %

## Tabellen im Terminal
report-col-type = Art der Reaktion
report-col-unit = Org.-Einheit
report-col-due = fällig
report-col-on-time = rechtzeitig
report-col-late = verspätet
report-col-overdue = überfällig
report-col-with-interim = mit ZN
report-col-without-interim = ohne ZN
report-col-justified = ber. %
report-col-month = Monat
report-col-cases = Fälle
report-acks = Eingangsbestätigungen
report-answers = Antworten
report-key-compliance = fällig: Frist endete im Zeitraum; überfällig: Frist abgelaufen, noch nicht versandt; ZN: Zwischennachricht, vor Ablauf der Antwortfrist versandt.
report-key-justified = ber. %: Anteil der entschiedenen Anliegen, die ganz oder teilweise berechtigt waren.
report-trend = Eingänge der letzten zwölf Monate

## HTML-Seite
report-html-subtitle = Kundenreaktionsmanagement · { $from } bis { $to } · Stand { $as_of } · verglichen mit { $previous } und { $year_ago }
report-html-running = { $period } · Stand { $as_of }
report-html-page = Seite
report-html-page-of = von
report-html-card-compared = Vorperiode { $previous } · Vorjahr { $year_ago }
report-html-compliance = Fristeneinhaltung
report-html-acks = Eingangsbestätigung
report-html-answers = Antwort
report-html-no-ack-deadline = Im Zeitraum endete keine Frist für eine Eingangsbestätigung.
report-html-no-answer-deadline = Im Zeitraum endete keine Antwortfrist.
report-html-by-type = nach Art der Reaktion
report-html-by-unit = nach Org.-Einheit
report-html-key-compliance = fällig: Frist endete im Zeitraum · überfällig: Frist abgelaufen, noch nicht versandt · ZN: Zwischennachricht, vor Ablauf der Antwortfrist versandt. Eine versäumte Frist bleibt versäumt.
report-html-small-below = Klein darunter: { $previous } · { $year_ago }
report-html-top = Häufigste Anliegen
report-html-no-concerns = Im Zeitraum wurden keine Anliegen erfasst.
report-html-no-open = Am Periodenende war kein Fall offen.
report-html-no-trend = In den letzten zwölf Monaten wurden keine Fälle erfasst.
report-html-details = Fälle nach Merkmalen
report-html-concern-outcome = Ergebnis der Prüfung

## Meldungen
report-csv-dialect-needs-csv = --csv-dialect gilt nur zusammen mit --format csv
report-bad-month = --month: { $value } ist kein Monat (erwartet JJJJ-MM, z. B. 2026-03, oder MM.JJJJ, z. B. 03.2026)
report-bad-year = --year: { $value } ist kein Jahr (erwartet JJJJ, z. B. 2026)
report-from-after-to = --from { $from } liegt nach --to { $to }
report-not-begun = Der Zeitraum { $period } hat noch nicht begonnen (heute ist der { $today }).
report-written = Auswertung { $period } in { $path } geschrieben.
export-csv-only = krm export schreibt nur CSV; den Aufbau wählt --csv-dialect rfc|excel-de
export-from-after-to = --from { $from } liegt nach --to { $to }
export-written = { $cases ->
    [one] 1 Fall
   *[other] { $cases } Fälle
} nach { $path } exportiert.
export-anonymised-not-exported = Nicht im Export: { $cases ->
    [one] 1 anonymisierter Fall
   *[other] { $cases } anonymisierte Fälle
} mit Eingang { $months } (Monate ganz gezählt, die der Zeitraum berührt); sie sind nur noch in den Monats- und Jahreszahlen von „krm report“ enthalten.
# issue 15, intake (commands::report_intake)
report-section-site = Fälle nach Standort
report-section-settled_at_once = Sofort erledigte Reaktionen (nicht erfasst, nur gezählt) nach Form und Org.-Einheit
report-section-reached_because = Persönliche und telefonische Reaktionen nach Grund der Weiterleitung (HRO 3.2.2)

# Issue 16: countermeasures in the report (domain::measure_report), counts only.
report-section-measure_activity = Gegenmaßnahmen
report-section-measure_coverage = Berechtigte Anliegen nach Kategorie und Org.-Einheit, mit Gegenmaßnahmen
report-measure-measures = Gegenmaßnahmen
report-measure-measures_open = offene Gegenmaßnahmen
report-measure-measures_done = umgesetzte Gegenmaßnahmen
report-measures-started = begonnen
report-measures-done = umgesetzt
report-measures-effective = als wirksam überprüft
report-measures-not_effective = als nicht wirksam überprüft
report-measures-overdue = überfällig am Stichtag
report-measures-recorded_later = Schritte später erfasst
report-coverage-label = { $code } { $category } · { $unit }
report-coverage-head = Kategorie · Org.-Einheit
report-coverage-justified = berechtigt
report-coverage-open = offen
report-coverage-done = umgesetzt
report-key-coverage = berechtigt: berechtigte und teilweise berechtigte Anliegen, beantwortet im Zeitraum; offen: geplante oder begonnene Gegenmaßnahmen dafür am Stichtag; umgesetzt: umgesetzte oder als wirksam überprüfte. 0 und 0: keine Gegenmaßnahme.
report-measures-later = Nachträge: { $steps ->
    [one] 1 Schritt einer Gegenmaßnahme mit Datum bis zum Periodenende wurde
   *[other] { $steps } Schritte von Gegenmaßnahmen mit Datum bis zum Periodenende wurden
} erst danach erfasst; die Zahlen können sich dadurch geändert haben.
report-coverage-other-units = übrige Einheiten (je unter { $min } berechtigten Anliegen)
