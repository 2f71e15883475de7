# Die deutsche Hilfe der Befehlszeile (die englische sind die Doc-Kommentare
# in src/cli.rs). Ids: cli-krm-<Befehl>--<Argument>, .long für die lange
# Hilfe, .value-<Wert> für die Hilfe eines möglichen Werts.

cli-krm = krm — das Fallregister für das Kundenreaktionsmanagement (KRM) im Jobcenter.
    .long =
        krm — das Fallregister für das Kundenreaktionsmanagement (KRM) im Jobcenter.

        Erfasst Beschwerden, Lob, Anregungen, Dienst- und Fachaufsichtsbeschwerden,
        Petitionen und Eingaben; überwacht ihre Fristen; wertet sie aus; und löscht
        sie vollständig, wenn ihre Aufbewahrungsfrist abgelaufen ist. Alles steht
        in einer lokalen SQLite-Datei, dem Register.
cli-krm--db = Die Registerdatei
    .long = Die Registerdatei [Standard: $XDG_DATA_HOME/krm/krm.sqlite oder ~/.local/share/krm/krm.sqlite]
cli-krm--today = Das Datum, das jeder Befehl als heute nimmt
    .long = Das Datum, das jeder Befehl als heute nimmt (TT.MM.JJJJ oder JJJJ-MM-TT) [Standard: das heutige Datum]
cli-krm--user = Wer handelt; wird bei jeder Änderung vermerkt
    .long = Wer handelt; wird bei jeder Änderung vermerkt [Standard: der Anmeldename im Betriebssystem]
cli-krm--format = Ausgabeformat der Befehle, die Datensätze ausgeben [Standard: table]
    .value-table = Ausgerichtete Spalten zum Lesen (auch: tabelle)
    .value-json = JSON für Programme (ISO-Daten, Schlüssel in Kleinbuchstaben)
    .value-csv = Kommagetrennte Werte mit Kopfzeile
    .value-html = Eine eigenständige HTML-Seite (nur krm report)
cli-krm--strict_permissions = Keine Registerdatei, die andere lesen können
    .long = Keine Registerdatei bearbeiten, die außer dem Eigentümer (und der Gruppe) andere lesen können
cli-krm--lang = Die Sprache von krm: de oder en
    .long = Die Sprache von krm: de (Standard) oder en [Standard: en bei englischer Locale in LC_ALL, LC_MESSAGES oder LANG, sonst de]

cli-krm-demo = Ein Demo-Register mit einigen Wochen wirklichkeitsnaher Fälle anlegen und zeigen, was krm kann
cli-krm-demo--quiet = Das Demo-Register anlegen, aber nur seinen Pfad ausgeben

cli-krm-init = Ein neues Register mit Schema, Stammdaten und Fristenregelung anlegen
cli-krm-init--policy = Die Fristenregelung, mit der das Register beginnt (braunschweig oder rostock)
cli-krm-init--officer = Der erste Benutzer des Registers, als KRM-Beauftragte/r [Standard: wer handelt]
cli-krm-init--group = Das Register mit dieser Gruppe teilen (Modus 0660 statt 0600)

cli-krm-record = Eine Kundenreaktion erfassen (fragt am Terminal nach fehlenden Angaben)
cli-krm-record--kind = Art der Reaktion: beschwerde, dienstaufsicht, fachaufsicht, lob, anregung, folgereaktion, petition, eingabe
cli-krm-record--claimed_type = Die Art, wie die Kundin oder der Kunde sie nennt, wenn sie abweicht (z. B. dienstaufsicht)
cli-krm-record--form = Form der Reaktion: persoenlich, schriftlich, email, telefonisch, meinungskarte
cli-krm-record--group = Kundengruppe: ag, an, institution, sonstige
cli-krm-record--intake = Eingang bei: mitarbeiter, teamleitung, bereichsleitung, krm, geschaeftsfuehrung
cli-krm-record--received = Eingangsdatum [Standard: heute]
cli-krm-record--unit = Betroffene Organisationseinheit (Team oder Bereich)
cli-krm-record--concerns = Ein Kategorie-Code (siehe 'krm categories'); mehrfach angeben für mehrere Anliegen
cli-krm-record--summary = Was die Kundin oder der Kunde vorbringt, in wenigen Worten (nicht mehr als nötig)
cli-krm-record--follows = Der frühere Fall, dem eine Folgereaktion folgt: seine Fallnummer JJJJ-NNNN, z. B. 2026-0042
cli-krm-record--flags = beleidigend, wiederholt oder ohne Substanz (BS 4; offensive, repeated, unsubstantiated); mehrfach möglich
cli-krm-record--salutation = Geschlecht/Anrede: herr, frau, divers, keine_angabe
cli-krm-record--title = Titel
cli-krm-record--first_name = Vorname
cli-krm-record--name_prefix = Vorsatzwort (von, van, de …)
cli-krm-record--last_name = Familienname
cli-krm-record--street = Straße und Hausnummer
cli-krm-record--po_box = Postfach
cli-krm-record--postcode = Postleitzahl
cli-krm-record--city = Ort
cli-krm-record--email = E-Mail
cli-krm-record--phone = Telefon
cli-krm-record--fax = Telefax
cli-krm-record--level = Eingang beim KRM oder bei der Geschäftsführung: die Stufe, auf der der Fall beginnt, 1 bis 3 [Standard: 1]; sonst beginnt er, wo er eingegangen ist (mitarbeiter 1, teamleitung 2, bereichsleitung 3)
cli-krm-record--addressee = Petition oder Eingabe (dort Pflicht): an wen sich der Kunde gewandt hat (siehe 'krm petition --addressees')
cli-krm-record--statement_due = Petition oder Eingabe: der Tag, an dem die Stellungnahme im förmlichen Verfahren fällig ist
cli-krm-record--no_input = Nie nachfragen: fehlende Pflichtangaben sind ein Fehler, der sie nennt

cli-krm-edit = Angaben eines Falls berichtigen: Kundendaten, Zusammenfassung oder erfasste Merkmale, mit Grund
cli-krm-edit--krm_no = Die Fallnummer JJJJ-NNNN (Eingangsjahr, laufende Nummer), z. B. 2026-0042
cli-krm-edit--reason = Warum berichtigt wird (steht im Verlauf des Falls, gezeigt wie andere Gründe)
cli-krm-edit--kind = Art der Reaktion wie erfasst (nicht die Entscheidung der Geschäftsführung: siehe classify)
cli-krm-edit--claimed_type = Die Art, wie die Kundin oder der Kunde sie nennt, wenn sie abweicht (z. B. dienstaufsicht)
cli-krm-edit--form = Form der Reaktion: persoenlich, schriftlich, email, telefonisch, meinungskarte
cli-krm-edit--group = Kundengruppe: ag, an, institution, sonstige
cli-krm-edit--intake = Eingang bei: mitarbeiter, teamleitung, bereichsleitung, krm, geschaeftsfuehrung
cli-krm-edit--received = Eingangsdatum, im selben Jahr (die Fristen werden neu berechnet)
cli-krm-edit--unit = Die Organisationseinheit bei Eingang (nur solange der Fall nicht abgegeben wurde)
cli-krm-edit--concerns = Die Anliegen, alle (mehrfach angeben); ein bleibendes Anliegen behält sein Ergebnis
cli-krm-edit--summary = Was die Kundin oder der Kunde vorbringt, in wenigen Worten ("" entfernt sie)
cli-krm-edit--salutation = Geschlecht/Anrede: herr, frau, divers, keine_angabe
cli-krm-edit--title = Titel
cli-krm-edit--first_name = Vorname
cli-krm-edit--name_prefix = Vorsatzwort (von, van, de …)
cli-krm-edit--last_name = Familienname
cli-krm-edit--street = Straße und Hausnummer
cli-krm-edit--po_box = Postfach
cli-krm-edit--postcode = Postleitzahl
cli-krm-edit--city = Ort
cli-krm-edit--email = E-Mail
cli-krm-edit--phone = Telefon
cli-krm-edit--fax = Telefax

cli-krm-import = Viele Fälle aus einer CSV-Datei erfassen: alle Zeilen oder keine
cli-krm-import--file = CSV mit Kopfzeile; Spalten heißen wie die Optionen von record (type, form, group, …)
cli-krm-import--dry_run = Jede Zeile prüfen und zeigen, was erfasst würde, aber nichts schreiben

cli-krm-show = Einen Fall zeigen: alle Angaben, Anliegen, Fristen und Verlauf
cli-krm-show--krm_no = Die Fallnummer JJJJ-NNNN (Eingangsjahr, laufende Nummer), z. B. 2026-0042
cli-krm-show--as_of = Den Fall so zeigen, wie er am Ende dieses Tages stand: Status, Stufe, Einheit, Bearbeitung und die Bewertung der Fristen

cli-krm-list = Fälle auflisten, gefiltert
cli-krm-list--status = offen, bestätigt, beantwortet oder abgeschlossen (open, acknowledged, answered, closed); mehrfach möglich
cli-krm-list--kind = Nur diese Art der Reaktion
cli-krm-list--unit = Nur diese Organisationseinheit
cli-krm-list--assignee = Nur Fälle, die diese Person bearbeitet
cli-krm-list--from = Eingegangen an oder nach diesem Tag
cli-krm-list--to = Eingegangen an oder vor diesem Tag
cli-krm-list--overdue = Nur offene Fälle mit einer Frist für Eingangsbestätigung oder Antwort vor heute
cli-krm-list--flags = Nur Fälle mit dieser Markierung nach BS 4: offensive (beleidigend), repeated (Mehrfachbeschwerde), unsubstantiated (ohne Substanz); mehrfach: alle davon
cli-krm-list--limit = Höchstens so viele Fälle zeigen (die neuesten)
cli-krm-list--separate = Petitionen und Eingaben mit Adressat und Stellungnahme (BS 5.1: gesondert erfasst)
cli-krm-list--csv_dialect = CSV für Programme (rfc) oder für deutsches Excel und LibreOffice (excel-de); bedeutet --format csv
    .value-rfc = Komma, LF, ISO-Daten, Dezimalpunkt
    .value-excel-de = Semikolon, CRLF, UTF-8-BOM, Dezimalkomma, TT.MM.JJJJ

cli-krm-assign = Einen Fall einer Person (meist einer Teamleitung) und/oder einer Einheit zuweisen
cli-krm-assign--krm_no = Die Fallnummer JJJJ-NNNN (Eingangsjahr, laufende Nummer), z. B. 2026-0042
cli-krm-assign--to = Die Person, die ihn bearbeitet (ein Benutzer des Registers, meist eine Teamleitung)
cli-krm-assign--unit = Die Organisationseinheit, zu der er gehört

cli-krm-respond = Eine Nachricht an die Kundin oder den Kunden erfassen: Eingangsbestätigung, Zwischennachricht oder Antwort
cli-krm-respond--krm_no = Die Fallnummer JJJJ-NNNN (Eingangsjahr, laufende Nummer), z. B. 2026-0042
cli-krm-respond--kind = Welche Nachricht
    .value-ack = Eingangsbestätigung: Eingang bestätigt, Ansprechperson genannt (auch: eingangsbestaetigung)
    .value-interim = Zwischennachricht: die Antwort verzögert sich; --expected ist das neue Datum (auch: zwischennachricht)
    .value-answer = Antwortschreiben: die abschließende Antwort, mit Ergebnis je Anliegen (auch: antwort)
cli-krm-respond--on = Der Tag, an dem sie verschickt wurde [Standard: heute]
cli-krm-respond--via = Wie sie verschickt wurde: brief, email, telefon, persoenlich, fax
cli-krm-respond--contact = ack: die der Kundin oder dem Kunden genannte Ansprechperson
cli-krm-respond--expected = ack: der genannte Zeitrahmen (optional); interim: das neue zugesagte Datum (Pflicht)
cli-krm-respond--author = answer: wer sie geschrieben hat [Standard: wer handelt]
cli-krm-respond--signed_by = answer: wer aus der Geschäftsführung unterschrieben hat (Pflicht bei einer Dienstaufsichtsbeschwerde, BS 5.3)
cli-krm-respond--outcome = answer: CODE=ERGEBNIS je Anliegen, oder ein ERGEBNIS für alle; Ergebnisse: berechtigt, teilweise, nicht_berechtigt, nicht_feststellbar
cli-krm-respond--no_time_frame = ack: keinen Zeitrahmen nennen, weil sich das Anliegen sofort klären lässt (braucht --reason; HRO 3.5.1)
cli-krm-respond--reason = ack: warum kein Zeitrahmen genannt ist (mit --no-time-frame)

cli-krm-escalate = Einen Fall eine Stufe höher geben: 1 Team → 2 Teamleitung → 3 Bereichsleitung → 4 Geschäftsführung
cli-krm-escalate--krm_no = Die Fallnummer JJJJ-NNNN (Eingangsjahr, laufende Nummer), z. B. 2026-0042
cli-krm-escalate--to = Die Zielstufe: 2 (teamleitung), 3 (bereichsleitung) oder 4 (geschaeftsfuehrung) [Standard: eine Stufe höher]
cli-krm-escalate--reason = Warum die Bearbeitung auf der bisherigen Stufe gescheitert ist
cli-krm-escalate--appointment = Stufe 4: das Datum des Termins bei der Geschäftsführung (nicht vor der Eskalation)
cli-krm-escalate--on = Der Tag der Eskalation, nicht vor der vorigen Stufe [Standard: heute]

cli-krm-classify = Entscheidung der Geschäftsführung über eine angebliche Dienstaufsichtsbeschwerde (BS 5.1)
cli-krm-classify--krm_no = Die Fallnummer JJJJ-NNNN (Eingangsjahr, laufende Nummer), z. B. 2026-0042
cli-krm-classify--as_type = dienstaufsicht, fachaufsicht oder beschwerde
cli-krm-petition = Adressat und Stellungnahme einer Petition oder Eingabe: setzen, ändern, Versand erfassen (BS 5.1)
cli-krm-petition--krm_no = Die Fallnummer JJJJ-NNNN (Eingangsjahr, laufende Nummer), z. B. 2026-0042
cli-krm-petition--addressee = An wen sich der Kunde gewandt hat: setzen oder ändern (ein Schlüssel aus --addressees)
cli-krm-petition--statement_due = Den Tag setzen oder ändern, an dem die Stellungnahme fällig ist
cli-krm-petition--statement_sent = Den Tag erfassen, an dem die Stellungnahme versandt wurde
cli-krm-petition--addressees = Die Adressaten mit ihren Schlüsseln auflisten

cli-krm-close = Die Bearbeitung abschließen; die Aufbewahrungsfrist beginnt
cli-krm-close--krm_no = Die Fallnummer JJJJ-NNNN (Eingangsjahr, laufende Nummer), z. B. 2026-0042
cli-krm-close--on = Das Ende der Bearbeitung [Standard: heute]
cli-krm-close--without_answer = Abschließen, obwohl keine Antwort erfasst ist (braucht --reason)
cli-krm-close--reason = Warum der Fall ohne Antwort abgeschlossen wird

cli-krm-reopen = Einen abgeschlossenen Fall wieder öffnen
cli-krm-reopen--krm_no = Die Fallnummer JJJJ-NNNN (Eingangsjahr, laufende Nummer), z. B. 2026-0042
cli-krm-reopen--reason = Warum er wieder geöffnet wird

cli-krm-flag = Einen Fall als beleidigend, wiederholt oder ohne Substanz kennzeichnen (BS 4)
cli-krm-flag--krm_no = Die Fallnummer JJJJ-NNNN (Eingangsjahr, laufende Nummer), z. B. 2026-0042
cli-krm-flag--flag = beleidigend, wiederholt oder ohne Substanz (offensive, repeated, unsubstantiated)
cli-krm-flag--off = Die Kennzeichnung stattdessen entfernen
cli-krm-statement = Die Stellungnahme der Teamleitung zu einer Dienstaufsichtsbeschwerde erfassen (BS 5.3)
cli-krm-statement--krm_no = Die Fallnummer JJJJ-NNNN (Eingangsjahr, laufende Nummer), z. B. 2026-0042
cli-krm-statement--by = Die Teamleitung, die sie abgegeben hat: ein Benutzer mit der Rolle Teamleitung oder eine Person der Personalliste
cli-krm-statement--on = Der Tag, an dem sie abgegeben wurde [Standard: heute]
cli-krm-copy = Erfassen, wer eine Ausfertigung der Antwort zur Kenntnis erhalten hat, und wann (BS 5.3, HRO 3.6)
cli-krm-copy--krm_no = Die Fallnummer JJJJ-NNNN (Eingangsjahr, laufende Nummer), z. B. 2026-0042
cli-krm-copy--to = Wer die Ausfertigung erhalten hat: ein Benutzer oder eine Person der Personalliste
cli-krm-copy--on = Der Tag, an dem sie übergeben wurde [Standard: heute]
cli-krm-feedback = Die Rückmeldung der Teamleitung zu Anliegen einer Beschwerde erfassen (BS 5.1)
cli-krm-feedback--krm_no = Die Fallnummer JJJJ-NNNN (Eingangsjahr, laufende Nummer), z. B. 2026-0042
cli-krm-feedback--concern = Ein Anliegen, zu dem die Rückmeldung gegeben wurde, mit seinem Kategoriecode (mehrfach möglich)
cli-krm-feedback--by = Die Teamleitung, die sie gegeben hat: ein Benutzer mit der Rolle Teamleitung oder eine Person der Personalliste
cli-krm-feedback--on = Der Tag, an dem sie gegeben wurde [Standard: heute]

cli-krm-due = Was zu tun ist: Eingangsbestätigungen, Antworten, Zwischennachrichten, zugesagte Termine
cli-krm-due--within = Auch, was in so vielen Arbeitstagen fällig wird (0 bis 60)
cli-krm-due--exit_code = Mit Code 1 enden, wenn etwas überfällig ist (für cron)
cli-krm-due--explain = Zeigen, wie jede Frist dieses Falls (Fallnummer JJJJ-NNNN, z. B. 2026-0042) berechnet wurde, Tag für Tag
cli-krm-due--csv_dialect = CSV für Programme (rfc) oder für deutsches Excel und LibreOffice (excel-de); bedeutet --format csv
    .value-rfc = Komma, LF, ISO-Daten, Dezimalpunkt
    .value-excel-de = Semikolon, CRLF, UTF-8-BOM, Dezimalkomma, TT.MM.JJJJ

cli-krm-calendar = Schließtage der Dienststelle, die als arbeitsfreie Tage zählen
cli-krm-calendar-add = Einen Schließtag hinzufügen (z. B. 24.12., ein Betriebsausflug)
cli-krm-calendar-add--date = Der Schließtag (TT.MM.JJJJ oder JJJJ-MM-TT)
cli-krm-calendar-add--reason = Was für ein Tag es ist
cli-krm-calendar-remove = Einen versehentlich eingetragenen Schließtag entfernen
cli-krm-calendar-remove--date = Der Schließtag, der entfernt wird
cli-krm-calendar-list = Die Schließtage auflisten und, mit --year, auch die Feiertage
cli-krm-calendar-list--year = Auch die gesetzlichen Feiertage dieses Jahres im Bundesland der Dienststelle

cli-krm-policy = Die Fristenregelung: anzeigen oder eine neue Fassung festlegen
cli-krm-policy-show = Die geltende Fristenregelung und ihre früheren Fassungen
cli-krm-policy-set = Eine neue Fassung festlegen (Fälle behalten die Fassung, die bei ihrem Eingang galt)
cli-krm-policy-set--preset = Von einer Vorlage ausgehen: braunschweig oder rostock
cli-krm-policy-set--ack = Frist für die Eingangsbestätigung, z. B. "3 Arbeitstage" oder "7 Kalendertage" (auch: "3 working", "7 calendar")
cli-krm-policy-set--answer = Frist für die Antwort, z. B. "14 Kalendertage"
cli-krm-policy-set--answer_from = Ab wann die Antwortfrist läuft: Eingang (received) oder Eingangsbestätigung (ack_sent)
cli-krm-policy-set--retention_years = Wie viele Jahre ein abgeschlossener Fall aufbewahrt wird
cli-krm-policy-set--retention_mode = Was nach der Aufbewahrung geschieht: löschen (delete) oder pseudonymisieren und nach der Archivfrist anonymisieren (anonymize)
cli-krm-policy-set--archive_years = Bei anonymize: nach wie vielen Jahren ab Abschluss ein pseudonymisierter Fall anonymisiert wird (mindestens die Aufbewahrung)
cli-krm-policy-set--state = Bundesland, dessen Feiertage zählen (BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH)
cli-krm-policy-set--ack_types = Arten der Reaktion, für die die Frist der Eingangsbestätigung gilt, durch Komma getrennt, oder "all"
cli-krm-policy-set--ack_forms = Formen, für die die Frist der Eingangsbestätigung gilt, durch Komma getrennt, oder "all"
cli-krm-policy-set--answer_types = Arten der Reaktion, für die die Antwortfrist gilt, durch Komma getrennt, oder "all"
cli-krm-policy-set--answer_forms = Formen, für die die Antwortfrist gilt, durch Komma getrennt, oder "all"
cli-krm-policy-set--from = Der erste Eingangstag, für den die neue Fassung gilt [Standard: heute]
cli-krm-policy-privacy = Die Datenschutz-Einstellungen: anzeigen oder die angegebenen ändern
cli-krm-policy-privacy--access_log_days = Wie viele Tage ein Eintrag im Zugriffsprotokoll bleibt (30 bis 3650) [Standard: 365]
cli-krm-policy-privacy--min_unit_cases = Wie viele Fälle eine Einheit im Zeitraum mindestens braucht, damit Zahlen zu ihrem Personal einzeln erscheinen [Standard: 3]
cli-krm-policy-privacy--audit_years = Wie viele Jahre der Verlauf des Registers, das Löschprotokoll und die Namen ausgeschiedener Benutzer bleiben [Standard: 10]
cli-krm-policy-privacy--measure_years = Wie viele Jahre eine Gegenmaßnahme nach ihrer Bewertung oder Einstellung bleibt (1 bis 100) [Standard: 5]
cli-krm-policy-retention = Aufbewahrung in einem Register mit Fällen nach der Zehn-Jahres-Regel: die Entscheidung zeigen oder einmal treffen
cli-krm-policy-retention--pseudonymise_after = Nach wie vielen Jahren ab Abschluss Kundendaten und Freitext gehen (Vorgabe von krm: 2, nicht der GA)
cli-krm-policy-retention--apply_to_existing = Entscheiden, dass die neuen Fristen auch für die schon erfassten Fälle gelten
cli-krm-policy-retention--new_cases_only = Entscheiden, dass die schon erfassten Fälle die Frist behalten, unter der sie erfasst wurden
cli-krm-policy-procedure = Das Verfahren des Amtes (was seine Anweisung vorschreibt) und wer auswerten darf: anzeigen oder ändern
cli-krm-policy-procedure--rule = Eine Regel ein- oder ausschalten: KEY=an oder KEY=aus (mehrfach möglich; die Schlüssel listet 'krm policy procedure')
cli-krm-policy-procedure--grant_evaluation = Einer Rolle die Auswertung erlauben (report, export): management, analyst, arealead, teamlead (mehrfach möglich)
cli-krm-policy-procedure--revoke_evaluation = Einer Rolle die Auswertung wieder entziehen (mehrfach möglich)

cli-krm-report = Die Auswertung für die Leitung: Zahlen, Fristtreue, Bestand, Entwicklung — ohne personenbezogene Daten
    .long =
        Die Auswertung für die Leitung: Zahlen, Fristtreue, Bestand, Entwicklung — ohne
        personenbezogene Daten.

        Wie sie bewertet (wie due, show und export):
          • Ein abgelaufener Zeitraum wird am Ende seines letzten Tages bewertet: eine
            Frist, die dann fällig und nicht eingehalten ist, ist versäumt. Ein laufender
            Zeitraum wird heute bewertet: eine heute fällige Frist läuft noch.
          • Jede Frist zählt in dem Zeitraum, in dem sie fällig wird, jeder zugesagte
            Termin in dem Zeitraum dieses Termins; ein Braunschweiger Antworttermin ist
            bis zur Eingangsbestätigung eine Schätzung.
          • Bestand, Art, Einheit und Stufe sind die am Ende des Zeitraums, nach den
            Ereignissen des Falls: ein späteres Wiederöffnen, eine spätere Entscheidung
            oder Abgabe schreibt einen vergangenen Zeitraum nicht um.
          • Eine Frist zählt nur, wo die Fristenregelung eine setzt (krm policy show).
          • Ein abgelaufener Monat wird mit dem ganzen Vormonat und demselben Monat des
            Vorjahrs verglichen; die Beschriftungen nennen die verglichenen Tage.
          • Ein vergangener Zeitraum ändert sich nur durch Ereignisse, die in ihm liegen
            und später erfasst wurden; der Bericht nennt dann, wie viele (Nachträge;
            JSON: recorded_later).
cli-krm-report--month = Ein Monat, JJJJ-MM [Standard: der Vormonat]
cli-krm-report--year = Ein Kalenderjahr, JJJJ
cli-krm-report--from = Erster Tag eines frei gewählten Zeitraums (mit --to)
cli-krm-report--to = Letzter Tag eines frei gewählten Zeitraums (mit --from)
cli-krm-report--csv_dialect = CSV für Programme (rfc) oder für deutsches Excel und LibreOffice (excel-de); bedeutet --format csv
    .value-rfc = Komma, LF, ISO-Daten, Dezimalpunkt
    .value-excel-de = Semikolon, CRLF, UTF-8-BOM, Dezimalkomma, TT.MM.JJJJ
cli-krm-report--out = In diese Datei schreiben statt auf stdout (eine neue Datei, Modus 0600)
cli-krm-report--force = Die Datei ersetzen, wenn es sie gibt (nie das Register, nie über einen symbolischen Link)
cli-krm-report--deliver = Vermerken, dass der Bericht dieses Monats heute an die Geschäftsleitung übergeben wurde, mit seinen Zahlen (GA 3.9)

cli-krm-export = CSV je Fall für die Auswertung, ohne personenbezogene Daten und Freitext
cli-krm-export--from = Fälle, eingegangen an oder nach diesem Tag [Standard: alle]
cli-krm-export--to = Fälle, eingegangen an oder vor diesem Tag [Standard: heute]
cli-krm-export--per = Eine Zeile je Fall (case, fall) oder je Anliegen (concern, anliegen)
cli-krm-export--csv_dialect = CSV für Programme (rfc) oder für deutsches Excel und LibreOffice (excel-de)
    .value-rfc = Komma, LF, ISO-Daten, Dezimalpunkt
    .value-excel-de = Semikolon, CRLF, UTF-8-BOM, Dezimalkomma, TT.MM.JJJJ
cli-krm-export--out = In diese Datei schreiben statt auf stdout (eine neue Datei, Modus 0600)
cli-krm-export--force = Die Datei ersetzen, wenn es sie gibt (nie das Register, nie über einen symbolischen Link)

cli-krm-purge = Fälle, deren Aufbewahrungsfrist abgelaufen ist, vollständig löschen (oder pseudonymisieren und nach der Archivfrist anonymisieren)
cli-krm-purge--dry_run = Auflisten, was gelöscht, pseudonymisiert oder anonymisiert würde (Fallnummern und Abschlussdaten), und nichts ändern

cli-krm-hold = Einen Fall von der Löschung ausnehmen (z. B. solange eine Petition oder ein Gerichtsverfahren anhängig ist)
cli-krm-hold--krm_no = Die Fallnummer JJJJ-NNNN (Eingangsjahr, laufende Nummer), z. B. 2026-0042
cli-krm-hold--reason = Warum der Fall bleiben muss (ohne personenbezogene Daten, z. B. "Petition Pet 4-20-11 anhängig"); mit --review: warum er gesperrt bleibt
cli-krm-hold--review = Die Überprüfung eines gesperrten Falls nach Ablauf seiner Aufbewahrungsfrist erfassen; er kommt drei Monate später wieder

cli-krm-release = Eine Ausnahme von der Löschung aufheben
cli-krm-release--krm_no = Die Fallnummer JJJJ-NNNN (Eingangsjahr, laufende Nummer), z. B. 2026-0042

cli-krm-remove = Einen Fall austragen, der irrtümlich erfasst wurde oder dessen Löschung verlangt wird: vollständig
cli-krm-remove--krm_no = Die Fallnummer JJJJ-NNNN (Eingangsjahr, laufende Nummer), z. B. 2026-0042
cli-krm-remove--reason = Warum: irrtum (mistake) oder loeschverlangen (erasure); nur dieser Schlüssel wird aufbewahrt, nie freier Text
    .value-mistake = Irrtümlich erfasst: keine Kundenreaktion, doppelt erfasst, falsches Jahr (auch: irrtum)
    .value-erasure = Berechtigtes Löschverlangen der Kundin oder des Kunden, Art. 17 DSGVO (auch: loeschverlangen, loeschantrag)
cli-krm-remove--yes = Nicht nachfragen (nötig, wo krm nicht fragen kann: Skripte, cron)

cli-krm-backup = Eine stimmige Kopie des Registers ohne Reste gelöschter Daten (Modus 0600)
cli-krm-backup--path = Die neue Datei (Modus 0600); sie darf noch nicht bestehen, außer mit --force
cli-krm-backup--force = Die Datei ersetzen, wenn es sie gibt (nie das Register, nie über einen symbolischen Link)

cli-krm-audit = Wer wann was geändert hat, im ganzen Register, ohne Kundendaten
cli-krm-audit--from = Änderungen an oder nach diesem Tag
cli-krm-audit--to = Änderungen an oder vor diesem Tag
cli-krm-audit--csv_dialect = CSV für Programme (rfc) oder für deutsches Excel und LibreOffice (excel-de); bedeutet --format csv
    .value-rfc = Komma, LF, ISO-Daten, Dezimalpunkt
    .value-excel-de = Semikolon, CRLF, UTF-8-BOM, Dezimalkomma, TT.MM.JJJJ
cli-krm-audit--reads = Stattdessen das Zugriffsprotokoll: wer wann die Kundendaten welches Falls gelesen hat (officer und dpo)
cli-krm-audit--case = Mit --reads: nur die Zugriffe auf diesen Fall (die Fallnummer JJJJ-NNNN, z. B. 2026-0042)
cli-krm-audit--by = Mit --reads: nur die Zugriffe dieses Benutzers des Registers
cli-krm-search = Die Fälle einer Kundin oder eines Kunden finden, nach Name, PLZ oder E-Mail-Adresse (wird protokolliert)
cli-krm-search--name = Der Name oder ein Teil davon: jedes Wort ist der Anfang eines Worts des Namens (Umlaute und Groß-/Kleinschreibung egal)
cli-krm-search--postcode = Die Postleitzahl, ganz
cli-krm-search--email = Die E-Mail-Adresse, ganz
cli-krm-search--csv_dialect = CSV für Programme (rfc) oder für deutsches Excel und LibreOffice (excel-de); bedeutet --format csv
    .value-rfc = Komma, LF, ISO-Daten, Dezimalpunkt
    .value-excel-de = Semikolon, CRLF, UTF-8-BOM, Dezimalkomma, TT.MM.JJJJ
cli-krm-subject-access = Alles, was das Register über eine Person enthält, zum Aushändigen (Art. 15 DSGVO; wird protokolliert)
cli-krm-subject-access--name = Der Name der Person, wie bei krm search
cli-krm-subject-access--postcode = Die Postleitzahl der Person, ganz
cli-krm-subject-access--email = Die E-Mail-Adresse der Person, ganz
cli-krm-subject-access--cases = Ein Fall der Person (die Fallnummer JJJJ-NNNN, z. B. 2026-0042), etwa wie krm search ihn fand; wiederholbar
cli-krm-subject-access--output = In diese Datei statt auf die Standardausgabe schreiben (eine neue Datei, Modus 0600; JSON, außer mit --format table)
cli-krm-subject-access--force = Die Datei ersetzen, wenn es sie gibt (nie das Register, nie über einen symbolischen Link)

cli-krm-categories = Die Kategorien mit den Codes auflisten, die --concern nimmt
cli-krm-categories--all = Auch nicht mehr verwendete Kategorien zeigen
cli-krm-categories-add = Eine Kategorie unter einem Bereich oder Teilbereich hinzufügen, mit dem nächsten Code dort
cli-krm-categories-add--code = Der neue Code: der Code des Bereichs und die nächste Nummer darunter, z. B. 2.2.9
cli-krm-categories-add--label = Wie die Kategorie heißt
cli-krm-categories-add--parent = Der Bereich oder Teilbereich, zu dem sie gehört, z. B. 2.2
cli-krm-categories-add--from = Der erste Eingangstag, für den sie gilt (heute oder früher) [Standard: heute]
cli-krm-categories-add--formerly = Der Code, unter dem ihre Fälle vorher erfasst wurden (der Bericht nennt ihn)
cli-krm-categories-rename = Einer Kategorie für die Eingänge ab --from eine neue Bezeichnung geben (ältere Fälle behalten ihre)
cli-krm-categories-rename--code = Der Code der Kategorie (er bleibt)
cli-krm-categories-rename--label = Die neue Bezeichnung
cli-krm-categories-rename--from = Der erste Eingangstag, für den die neue Bezeichnung gilt (heute oder früher) [Standard: heute]
cli-krm-categories-retire = Eine Kategorie neuen Fällen nicht mehr geben (die Fälle, die sie nennen, behalten sie)
cli-krm-categories-retire--code = Der Code der Kategorie
cli-krm-categories-retire--from = Seit wann sie nicht mehr vergeben wird (heute oder früher) [Standard: heute]
cli-krm-categories-retire--instead = Die Kategorie, die stattdessen gilt (die Ablehnung des alten Codes nennt sie)

cli-krm-user = Die Personen verwalten, die das Register benutzen dürfen
cli-krm-user-add = Einer Person mit einer Rolle Zugang zum Register geben
cli-krm-user-add--name = Der Anmeldename, wie ihn --user / KRM_USER angibt
cli-krm-user-add--role = officer, deputy, teamlead, arealead, management, analyst oder service (Konto für cron: nur due und purge) (auch: teamleitung, bereichsleitung, geschaeftsfuehrung, dienstkonto …)
cli-krm-user-list = Die Personen auflisten, die das Register benutzen dürfen

cli-krm-completions = Das Vervollständigungsskript für bash, zsh oder fish ausgeben (siehe README: Installation)
cli-krm-completions--shell = Die Shell, in der krm vervollständigt wird
cli-krm-man = Die Handbuchseite (roff) von krm und allen Befehlen ausgeben
cli-krm-init--login = Das Konto der oder des KRM-Beauftragten im Betriebssystem [Standard: Ihres, wenn Sie es sind]
cli-krm-init--pseudonymise_after = Rostock: nach wie vielen Jahren ab Abschluss Kundendaten gehen (Vorgabe von krm: 2; am Terminal gefragt)
cli-krm-init--no_input = Nie fragen: was fehlt, nimmt die Vorgabe von krm, und init sagt das
cli-krm-user-add--login = Das Konto der Person im Betriebssystem, das in einem gemeinsamen Register als sie handelt
cli-krm-user-add--units = Eine Einheit, zu der die Person gehört (eine bekannte); mehrfach möglich
cli-krm-user-retire = Den Zugang einer Person ab heute beenden (die Historie behält den Namen)
cli-krm-user-retire--name = Der Benutzer, der ausscheidet
cli-krm-user-role = Einer Person eine andere Rolle geben
cli-krm-user-role--name = Der Benutzer
cli-krm-user-role--role = Die neue Rolle
cli-krm-user-units = Eine Person an Einheiten binden (ersetzt die bisherigen)
cli-krm-user-units--name = Der Benutzer
cli-krm-user-units--units = Die Einheiten (bekannte); keine mit --none
cli-krm-user-units--none = Die Person an keine Einheit binden
cli-krm-user-login = Einer Person ihr Konto im Betriebssystem zuordnen
cli-krm-user-login--name = Der Benutzer
cli-krm-user-login--login = Der Anmeldename des Kontos
cli-krm-staff = Die Personalliste: Personen, die keine Benutzer des Registers sind (z. B. eine Teamleitung, die sich nie anmeldet), mit ihrer Einheit
cli-krm-staff-add = Eine Person, die kein Benutzer ist, in die Personalliste aufnehmen (z. B. eine Teamleitung, die Antworten schreibt)
cli-krm-staff-add--name = Der Name der Person, wie ein Anmeldename ohne Leerzeichen (z. B. p.nord); so nennen sie --author und die Historie
cli-krm-staff-add--unit = Die Einheit, in der die Person arbeitet (eine bekannte)
cli-krm-staff-add--post = teamleitung, bereichsleitung, geschaeftsfuehrung oder mitarbeiter [Standard: teamleitung]
cli-krm-staff-list = Die Personalliste anzeigen
cli-krm-staff-list--all = Auch die Ausgeschiedenen anzeigen
cli-krm-staff-retire = Eine Person scheidet aus der Personalliste aus (die Historie behält den Namen)
cli-krm-staff-retire--name = Die Person auf der Personalliste
cli-krm-staff-retire--on = Der Tag des Ausscheidens (TT.MM.JJJJ oder JJJJ-MM-TT) [Standard: heute]
cli-krm-unit = Die Organisationseinheiten und ihre Bereiche: auflisten, Bereich setzen, umbenennen, zusammenführen, auflösen
cli-krm-unit-list = Die Einheiten mit Bereich, Fällen und Benutzern auflisten
cli-krm-unit-list--all = Auch aufgelöste Einheiten anzeigen
cli-krm-unit-set = Den Bereich setzen, zu dem eine Einheit gehört
cli-krm-unit-set--unit = Die Einheit (eine bekannte)
cli-krm-unit-set--area = Der Bereich, z. B. „Markt und Integration“
cli-krm-unit-set--no_area = Die Einheit gehört zu keinem Bereich
cli-krm-unit-rename = Den Namen einer Einheit korrigieren (alte Fälle lesen sich mit dem neuen) oder mit --from umorganisieren
cli-krm-unit-rename--old = Die Einheit, wie sie jetzt heißt
cli-krm-unit-rename--new = Ihr neuer Name
cli-krm-unit-rename--from = Eine Umorganisation: Fälle, die ab diesem Tag eingehen, gehören zu NEU, ältere behalten ALT
cli-krm-unit-merge = Ein falsch geschriebenes Duplikat mit der richtigen Einheit zusammenführen: seine Fälle wechseln, die Vergangenheit wird korrigiert
cli-krm-unit-merge--from = Das Duplikat, das entfällt
cli-krm-unit-merge--into = Die Einheit, in die es aufgeht
cli-krm-unit-retire = Eine Einheit wird aufgelöst: kein neuer Fall nennt sie; ihre Fälle behalten sie
cli-krm-unit-retire--unit = Die Einheit
cli-krm-unit-retire--from = Der erste Tag, an dem es sie nicht mehr gibt (TT.MM.JJJJ oder JJJJ-MM-TT) [Standard: heute]

# issue 15, intake
cli-krm-record--settled_at_once = Eine persönliche oder telefonische Reaktion, die im Bereich einging, wurde sofort erledigt: Sie wird nicht erfasst (BS 5.1; zählen mit „krm tally add“)
cli-krm-record--not_settled = Eine persönliche oder telefonische Reaktion, die im Bereich einging, konnte nicht sofort erledigt werden: Sie wird erfasst (BS 5.1)
cli-krm-record--reached_because = Warum eine persönliche oder telefonische Reaktion die/den KRM-Beauftragte/n erreicht (HRO 3.2.2): nicht_geklaert, teamleitung, bereichsleitung, geschaeftsfuehrung
cli-krm-record--initialled_by = Wer den Eingang abgezeichnet hat (BS 5.2): eine Benutzerin, ein Benutzer oder jemand aus der Personalliste
cli-krm-record--site = Der Standort, an dem die Reaktion einging (siehe „krm site list“)
cli-krm-tally = Sofort erledigte Reaktionen anonym zählen, nach Form und Org.-Einheit (BS 5.1, HRO 3.2.2)
cli-krm-tally-add = Sofort erledigte Reaktionen zählen: keine personenbezogenen Daten, nur Form, Org.-Einheit, Tag und Anzahl
cli-krm-tally-add--form = Wie sie eingingen: persoenlich, telefonisch (oder eine andere Form)
cli-krm-tally-add--unit = Die Org.-Einheit, die sie erledigt hat
cli-krm-tally-add--count = Wie viele
cli-krm-tally-add--on = Der Tag, an dem sie erledigt wurden [Standard: heute]
cli-krm-tally-list = Die Zählungen nach Tag, Form und Org.-Einheit
cli-krm-tally-list--from = Ab diesem Tag [Standard: der Erste dieses Monats]
cli-krm-tally-list--to = Bis zu diesem Tag [Standard: heute]
cli-krm-site = Die Standorte des Registers, an denen Fälle eingehen (HRO 3.2.6)
cli-krm-site-add = Einen Standort anlegen (z. B. Schweriner Straße)
cli-krm-site-add--name = Der Name des Standorts
cli-krm-site-list = Die Standorte auflisten, aktive und stillgelegte
cli-krm-site-retire = Einen Standort stilllegen: Seine Fälle behalten ihn, neue Fälle können ihn nicht nennen
cli-krm-site-retire--name = Der Name des Standorts
cli-krm-measure = Gegenmaßnahmen: von berechtigten Beschwerden zu Maßnahmen mit Verantwortung, Frist, Nachhalten und Bericht
cli-krm-measure-add = Eine Gegenmaßnahme eintragen: was getan wird, von wem, bis wann, zu welchen Fällen oder Kategorien (keine Kundendaten)
cli-krm-measure-add--title = Was getan wird, in einer Zeile (keine Kundendaten: keine Namen, keine KRM-Nummern — Fälle mit --case verknüpfen)
cli-krm-measure-add--owner = Wer sie umsetzt: ein Benutzer oder jemand aus der Personalliste
cli-krm-measure-add--unit = Die Org.-Einheit, die sie betrifft [Standard: das ganze Jobcenter]
cli-krm-measure-add--case = Ein Fall, der sie ausgelöst hat, JJJJ-NNNN, z. B. 2026-0042 (wiederholbar); seine Kategorien werden die der Gegenmaßnahme
cli-krm-measure-add--concern = Eine Kategorie, die sie angeht, als Code (wiederholbar, z. B. 1.2.1)
cli-krm-measure-add--due = Der Tag, bis zu dem sie umgesetzt sein soll (heute oder später)
cli-krm-measure-add--follows = Eine frühere Gegenmaßnahme, auf die diese folgt (z. B. eine nicht wirksame)
cli-krm-measure-add--no_input = Nie im Terminal fragen: was fehlt, ist ein Fehler
cli-krm-measure-start = Eintragen, dass eine Gegenmaßnahme begonnen hat
cli-krm-measure-start--no = Die Nummer der Gegenmaßnahme M-JJJJ-NNNN, z. B. M-2026-0001
cli-krm-measure-start--on = Der Tag, an dem es geschah [Standard: heute]
cli-krm-measure-done = Eintragen, dass eine Gegenmaßnahme umgesetzt ist, und wann sie überprüft wird
cli-krm-measure-done--no = Die Nummer der Gegenmaßnahme M-JJJJ-NNNN, z. B. M-2026-0001
cli-krm-measure-done--what = Was getan wurde (keine Kundendaten)
cli-krm-measure-done--on = Der Tag der Umsetzung [Standard: heute]
cli-krm-measure-done--review = Der Tag, an dem überprüft wird, ob sie wirkt [Standard: drei Monate nach der Umsetzung]
cli-krm-measure-review = Das Nachhalten: War die Gegenmaßnahme wirksam?
cli-krm-measure-review--no = Die Nummer der Gegenmaßnahme M-JJJJ-NNNN, z. B. M-2026-0001
cli-krm-measure-review--effective = Sie hat gewirkt: die Beschwerden, um die es ging, haben aufgehört oder abgenommen
cli-krm-measure-review--not_effective = Sie hat nicht gewirkt (eine neue Gegenmaßnahme kann folgen: add --follows)
cli-krm-measure-review--note = Der Befund in Worten (keine Kundendaten)
cli-krm-measure-review--on = Der Tag der Überprüfung [Standard: heute]
cli-krm-measure-drop = Eine geplante oder begonnene Gegenmaßnahme verwerfen, mit Grund
cli-krm-measure-drop--no = Die Nummer der Gegenmaßnahme M-JJJJ-NNNN, z. B. M-2026-0001
cli-krm-measure-drop--reason = Warum sie verworfen wird (keine Kundendaten)
cli-krm-measure-drop--on = Der Tag, an dem sie verworfen wurde [Standard: heute]
cli-krm-measure-assign = Eine Gegenmaßnahme an eine andere verantwortliche Person geben
cli-krm-measure-assign--no = Die Nummer der Gegenmaßnahme M-JJJJ-NNNN, z. B. M-2026-0001
cli-krm-measure-assign--owner = Die neue verantwortliche Person: ein Benutzer oder jemand aus der Personalliste
cli-krm-measure-reschedule = Die Frist oder den Überprüfungstermin einer Gegenmaßnahme verschieben
cli-krm-measure-reschedule--no = Die Nummer der Gegenmaßnahme M-JJJJ-NNNN, z. B. M-2026-0001
cli-krm-measure-reschedule--due = Die neue Frist einer geplanten oder begonnenen Gegenmaßnahme (heute oder später)
cli-krm-measure-reschedule--review = Der neue Überprüfungstermin einer umgesetzten Gegenmaßnahme
cli-krm-measure-link = Weitere Fälle, Kategorien oder Org.-Einheiten mit einer Gegenmaßnahme verknüpfen
cli-krm-measure-link--no = Die Nummer der Gegenmaßnahme M-JJJJ-NNNN, z. B. M-2026-0001
cli-krm-measure-link--case = Ein Fall, JJJJ-NNNN, z. B. 2026-0042 (wiederholbar); seine Kategorien werden die der Gegenmaßnahme
cli-krm-measure-link--concern = Eine Kategorie, als Code (wiederholbar)
cli-krm-measure-link--unit = Eine Org.-Einheit, die sie auch angeht (wiederholbar)
cli-krm-measure-note = Einen Fortschritt in Worten eintragen (keine Kundendaten)
cli-krm-measure-note--no = Die Nummer der Gegenmaßnahme M-JJJJ-NNNN, z. B. M-2026-0001
cli-krm-measure-note--text = Der Vermerk (keine Kundendaten)
cli-krm-measure-show = Eine Gegenmaßnahme mit ihren Schritten, Fällen und Kategorien zeigen
cli-krm-measure-show--no = Die Nummer der Gegenmaßnahme M-JJJJ-NNNN, z. B. M-2026-0001
cli-krm-measure-list = Gegenmaßnahmen auflisten, gefiltert
cli-krm-measure-list--status = Nur dieser Stand: planned, in_progress, done, effective, not_effective, dropped (auch deutsch: geplant, in_umsetzung, umgesetzt, wirksam, nicht_wirksam, verworfen); wiederholbar
cli-krm-measure-list--owner = Nur die dieser verantwortlichen Person
cli-krm-measure-list--unit = Nur die dieser Org.-Einheit (und die, die sie angehen)
cli-krm-measure-list--concern = Nur die, die diese Kategorie (oder eine darunter) angehen
cli-krm-measure-list--overdue = Nur offene nach ihrer Frist und umgesetzte nach ihrem Überprüfungstermin
cli-krm-measure-list--orphaned = Nur offene, deren verantwortliche Person ausgeschieden ist: neu zu vergeben
cli-krm-measure-suggest = Kategorien und Org.-Einheiten mit wiederholt berechtigten Anliegen und ohne offene Gegenmaßnahme (eine Auswertung)
cli-krm-measure-suggest--months = Wie viele Monate zurück, bis heute (gleitend, heute eingeschlossen)
cli-krm-measure-suggest--threshold = Ab wie vielen berechtigten Anliegen in einer Kategorie und Org.-Einheit ein Vorschlag entsteht
cli-krm-respond--letter = ack, interim: auch den Brief in diese Datei schreiben (PDF, wenn sie auf .pdf endet, sonst Text); ersetzt nie eine Datei
cli-krm-letter = Briefe an den Kunden (Eingangsbestätigung, Zwischennachricht, Antwortentwurf, Dank) und das Aktenblatt; Vorlagen; Prüfung auf einfache Sprache
cli-krm-letter--krm_no = Die Fallnummer JJJJ-NNNN (Eingangsjahr, laufende Nummer), z. B. 2026-0042
cli-krm-letter--kind = Welcher Brief
    .value-ack = Eingangsbestätigung, aus der eingetragenen Eingangsbestätigung
    .value-interim = Zwischennachricht, aus der zuletzt eingetragenen
    .value-answer = Ein Entwurf der Antwort, den die Verfasserin oder der Verfasser fertig schreibt
    .value-thanks = Dank für ein Lob oder eine Idee
    .value-sheet = Das Aktenblatt für die Papierakte
cli-krm-letter--as_format = pdf, text oder email [Standard: pdf, wo es eine Postanschrift gibt, sonst email]
    .value-pdf = A4 nach DIN 5008, PDF/A-2b
    .value-text = Der Brief als reiner Text
    .value-email = Der Text einer E-Mail (nur, wo der Kunde per E-Mail schrieb)
cli-krm-letter--out = In diese neue Datei schreiben (eine vorhandene wird nie ersetzt; Modus 0600); ein PDF braucht eine Datei
cli-krm-letter--signer = Wer unterschreibt, eine Person des Registers [Standard: wie es die Anweisung sagt]
cli-krm-letter-template = Die Briefvorlagen des Jobcenters: anzeigen, setzen, zurücksetzen, auflisten
cli-krm-letter-template-show = Die geltende Vorlage einer Art ausgeben
cli-krm-letter-template-show--kind = ack, interim, answer, thanks-praise, thanks-idea
cli-krm-letter-template-set = Eine neue Fassung der Vorlage einer Art aus einer Datei setzen (vorher geprüft)
cli-krm-letter-template-set--kind = ack, interim, answer, thanks-praise, thanks-idea
cli-krm-letter-template-set--file = Die Vorlagendatei (UTF-8; erste Zeile der Betreff, dann eine Leerzeile, dann der Text)
cli-krm-letter-template-reset = Zur mitgelieferten Vorlage zurück (als neue Fassung)
cli-krm-letter-template-reset--kind = ack, interim, answer, thanks-praise, thanks-idea
cli-krm-letter-template-list = Die Arten mit ihrer geltenden Fassung, und die Platzhalter
cli-krm-letter-check = Einen Text auf einfache Sprache prüfen (HRO 3.6): lange Sätze, Abkürzungen, Amtsdeutsch, Lesbarkeit
cli-krm-letter-check--file = Der zu prüfende Text (UTF-8), oder - für die Standardeingabe
cli-krm-office = Das Jobcenter-Profil für Briefe: Name, Anschrift, Kontakt, Datenschutzbeauftragte, Logo, Unterschriften
cli-krm-office-show = Das Jobcenter-Profil anzeigen
cli-krm-office-set = Felder des Jobcenter-Profils setzen (ein leerer Wert löscht eines)
cli-krm-office-set--name = Der Name des Jobcenters, z. B. "Jobcenter Braunschweig"
cli-krm-office-set--department = Die absendende Stelle unter dem Namen [Standard: Kundenreaktionsmanagement]
cli-krm-office-set--street = Straße und Hausnummer
cli-krm-office-set--po_box = Postfach, z. B. "Postfach 12 34" (Rücksendungen gehen dorthin)
cli-krm-office-set--postcode = Postleitzahl (fünf Ziffern)
cli-krm-office-set--city = Ort
cli-krm-office-set--phone = Telefonnummer für Kunden
cli-krm-office-set--email = E-Mail-Adresse für Kunden
cli-krm-office-set--website = Internetseite
cli-krm-office-set--hours = Öffnungszeiten, z. B. "Mo–Fr 8–12 Uhr, Do 14–18 Uhr"
cli-krm-office-set--code = Der Dienststellenschlüssel (Buchstaben, Ziffern, -), der das Jobcenter in veröffentlichten Zahlen nennt
cli-krm-office-set--dpo = Wie die oder der Datenschutzbeauftragte zu erreichen ist (Art. 13 DSGVO), z. B. Anschrift oder E-Mail
cli-krm-office-set--supervisor = Die Aufsichtsbehörde für den Datenschutz [Standard: die Bundesbeauftragte, BfDI]
cli-krm-office-set--logo = Das Logo, eine PNG-Datei (höchstens 1 MiB)
cli-krm-office-set--no_logo = Das Logo entfernen
cli-krm-office-signature = Die Unterschriftszeilen einer Person des Registers setzen
cli-krm-office-signature--person = Ein Benutzer oder jemand aus der Personalliste
cli-krm-office-signature--line = Eine Zeile des Unterschriftsblocks, der Reihe nach (wiederholbar), z. B. --line "Maria Schulz" --line "Teamleiterin"
cli-krm-office-signature--clear = Die Unterschriftszeilen der Person entfernen (dann steht nur der Name)
# Issue 18: the facts and publishing them.
cli-krm-export--facts = Die anonymisierten Fakten eines abgeschlossenen Monats oder Jahres, wie krm publish sie sendet (docs/PUBLISH.md)
cli-krm-export--month = Mit --facts: ein abgeschlossener Monat, JJJJ-MM
cli-krm-export--year = Mit --facts: ein abgeschlossenes Jahr, JJJJ
cli-krm-publish = Die anonymisierten Fakten eines abgeschlossenen Monats oder Jahres nach PostgreSQL veröffentlichen (erst entscheidet das Jobcenter)
cli-krm-publish--month = Ein abgeschlossener Monat, JJJJ-MM
cli-krm-publish--year = Ein abgeschlossenes Jahr, JJJJ, beurteilt an seinem Ende
cli-krm-publish--dry_run = Zeigen, was gesendet würde; nichts senden, nichts erfassen
cli-krm-publish-setup = Wohin veröffentlicht wird: Host, Port, Datenbank, Rolle, CA, Client-Zertifikat und Passwortdatei
cli-krm-publish-setup--host = Der Hostname des PostgreSQL-Servers (wie sein Zertifikat ihn nennt)
cli-krm-publish-setup--port = Sein Port [Standard: 5432]
cli-krm-publish-setup--database = Die Datenbank
cli-krm-publish-setup--role = Die Anmelderolle des Jobcenters darin (der PostgreSQL-Benutzer; --user nennt, wer in krm handelt)
cli-krm-publish-setup--ca_file = Die CA-Zertifikate (PEM), gegen die das Zertifikat des Servers geprüft wird [Standard: ~/.postgresql/root.crt, sonst die des Systems]
cli-krm-publish-setup--cert_file = Ein Client-Zertifikat (PEM), statt oder neben einem Passwort
cli-krm-publish-setup--key_file = Der Schlüssel des Client-Zertifikats (PEM, Modus 0600)
cli-krm-publish-setup--password_file = Die Passwortdatei (host:port:datenbank:rolle:passwort, Modus 0600) [Standard: PGPASSFILE, sonst ~/.pgpass]
cli-krm-publish-setup--clear = Eine Einstellung entfernen (beim Namen ihrer Option: host, port, database, role, ca-file, cert-file, key-file, password-file); mehrfach möglich
cli-krm-publish-decide = Die Entscheidung des Jobcenters zur Veröffentlichung erfassen (mit --stop: sie zu beenden): wer entschieden hat, an welchem Tag
cli-krm-publish-decide--by = Wer entschieden hat, z. B. "Geschäftsführung, Frau Dr. Beispiel"
cli-krm-publish-decide--on = Der Tag der Entscheidung
cli-krm-publish-decide--units = Die jährlichen Tabellen je Einheit einschließen
cli-krm-publish-decide--stop = Die Entscheidung, nicht mehr zu veröffentlichen
cli-krm-publish-show = Die Verbindung, die geltende Entscheidung und die Veröffentlichungen
