## Die Eskalationsstufen (HRO 3.7): Beginn, Schritte, Termin (domain/ladder.rs)
ladder-start-fixed = --level { $given }: ein Fall mit Eingang bei { $intake } beginnt auf Stufe { $level } ({ $label }), wo er entstanden ist (HRO 3.7); --level gilt nur für Reaktionen, die beim KRM oder bei der Geschäftsführung eingehen
ladder-start-off = --level { $given }: ein Fall beginnt auf Stufe 1, 2 oder 3; Stufe 4 ist ein Termin bei der Geschäftsführung und wird nur mit 'krm escalate … --appointment DATUM' erreicht
ladder-step-escalation = die Eskalation
ladder-step-after-escalation = der letzten Eskalation
ladder-appointment-before = --appointment: der Termin am { $day } läge vor der Eskalation am { $on }
ladder-show-appointment = Termin bei der GF
ladder-show-addressee = Adressat
ladder-show-statement = Stellungnahme
ladder-show-statement-value = fällig { $due }, versandt { $sent }
ladder-show-not-sent = noch nicht

## Ereignisse der Zeitleiste
ladder-event-addressee = Adressat
ladder-event-statement-due = Stellungnahme fällig
ladder-event-statement-sent = Stellungnahme versandt
ladder-event-hold-review = Sperre überprüft
ladder-history-addressee = Adressat { $old } → { $new }
ladder-history-statement-due = Stellungnahme fällig { $old } → { $new }
ladder-history-statement-sent = Stellungnahme versandt am { $day }

## Sperren nach Ablauf der Aufbewahrungsfrist (commands/hold.rs)
ladder-hold-reviewed = Sperre von { $krm_no } überprüft; nächste Überprüfung am { $next }
ladder-hold-reviewed-open = Sperre von { $krm_no } überprüft; der Fall ist nicht abgeschlossen, seine Aufbewahrungsfrist läuft noch nicht

## Petitionen und Eingaben (BS 5.1, HRO 3.1.4/3.1.5; domain/separate.rs)
separate-addressee-unknown = --addressee { $given }: unbekannter Adressat (gültig: { $valid }; siehe 'krm petition --addressees')
separate-addressee-missing = Petitionen und Eingaben werden mit ihrem Adressaten erfasst (BS 5.1): bitte --addressee ADRESSAT angeben (siehe 'krm petition --addressees')
separate-addressee-not-separate = --addressee { $addressee }: einen Adressaten gibt es nur für Petitionen und Eingaben, nicht für { $kind }
separate-statement-not-separate = --statement-due: eine Stellungnahme gibt es nur für Petitionen und Eingaben, nicht für { $kind }
separate-petition-not-bundestag = eine Petition richtet sich an den Petitionsausschuss des Deutschen Bundestages (HRO 3.1.4); eine an { $addressee } ist eine Eingabe (HRO 3.1.5): bitte als eingabe erfassen
separate-eingabe-bundestag = eine Eingabe richtet sich an eine andere staatliche Stelle als den Deutschen Bundestag (HRO 3.1.5); eine an { $addressee } ist eine Petition (HRO 3.1.4): bitte als petition erfassen
separate-statement-due-before = --statement-due { $due } läge vor dem Eingang am { $received }
separate-statement-sent-already = die Stellungnahme wurde schon am { $on } versandt
separate-statement-sent-before = --statement-sent { $on } läge vor dem Eingang am { $received }
separate-statement-sent-future = --statement-sent { $on } liegt in der Zukunft (heute ist der { $today })
separate-not-separate = { $no } ist als { $kind } erfasst, nicht als Petition oder Eingabe
separate-nothing-to-change = { $no }: so ist es bereits erfasst; nichts zu ändern
separate-petition-nothing-given = { $no }: bitte --addressee, --statement-due oder --statement-sent angeben
separate-petition-done = { $no }: { $filing }
separate-filing = Adressat { $addressee }; Stellungnahme fällig { $due }, versandt { $sent }
separate-col-key = Schlüssel
separate-col-addressee = Adressat
separate-ask-addressee = An wen hat sich der Kunde gewandt ({ $kind })?
separate-list-none = Keine Petitionen oder Eingaben.
separate-list-col-no = KRM-Nr.
separate-list-col-type = Art
separate-list-col-received = Eingang
separate-list-col-status = Status

separate-list-col-addressee = Adressat
separate-list-col-due = Stellungn.
separate-list-col-sent = versandt

## Der Bericht: Petitionen und Eingaben gesondert (domain/report_separate.rs)
report-section-separate_addressee = Petitionen und Eingaben nach Adressat
report-section-separate_area = Petitionen und Eingaben: Anliegen nach Bereich
report-section-separate_backlog = Petitionen und Eingaben: offen am Stichtag
report-section-separate_statement = Petitionen und Eingaben: Stellungnahmen im Zeitraum fällig
report-separate-no-addressee = ohne Adressat
report-status-statement_on_time = rechtzeitig versandt
report-status-statement_late = verspätet versandt
report-status-statement_open_overdue = nicht versandt, überfällig
report-status-statement_running = nicht versandt, Frist läuft
