# krm import, purge, backup and the data generator (examples/generate).

## import: reading the file
import-not-text = die Datei ist weder gültiger UTF-8-Text noch Windows-1252 ohne Steuerzeichen (speichern Sie sie als UTF-8; in Excel: „CSV UTF-8“)
import-header-unreadable = die Kopfzeile lässt sich nicht lesen: { $cause }
import-no-header = die Datei hat keine Kopfzeile (erwartet werden Spalten wie: { $columns })
import-column-twice = die Spalte { $column } kommt zweimal vor
import-column-unknown = unbekannte Spalte { $column } (gültig: { $valid })
import-row-unreadable = die Zeile lässt sich nicht lesen: { $cause }
import-row-too-long = die Zeile ist { $size } Bytes lang; erlaubt sind höchstens { $most } (1 MiB)
import-row-fields = { $fields ->
        [one] 1 Feld
       *[other] { $fields } Felder
    }, aber die Kopfzeile hat { $columns ->
        [one] 1 Spalte
       *[other] { $columns } Spalten
    } (prüfen Sie das Trennzeichen „{ $separator }“ und die Anführungszeichen)
import-read-as-windows-1252 = { $file }: Datei als Windows-1252 gelesen (sie ist kein UTF-8; so speichert deutsches Excel „CSV“)

## import: the file
import-file-missing = keine Importdatei { $file }
import-file-unreadable = die Importdatei { $file } lässt sich nicht lesen: { $cause }
import-file-too-large = { $file } ist größer als { $mib } MiB, mehr liest ein Import nicht; nichts wurde importiert — teilen Sie die Datei auf
import-refused = { $file }: { $count ->
        [one] ein Problem
       *[other] { $count } Probleme
    }; nichts wurde importiert
import-line = Zeile { $line }: { $problem }
import-more-problems = … und { $count ->
        [one] ein weiteres
       *[other] { $count } weitere
    }
import-before = { $file } wurde schon am { $day } von { $user } importiert ({ $count ->
        [one] 1 Fall
       *[other] { $count } Fälle
    }{ $purged }: { $numbers }); eine Datei gleichen Inhalts wird nicht zweimal importiert, nichts wurde importiert
import-before-all-purged = { $file } wurde schon am { $day } von { $user } importiert ({ $count ->
        [one] 1 Fall, inzwischen nach Ablauf der Aufbewahrungsfrist gelöscht oder anonymisiert
       *[other] { $count } Fälle, alle inzwischen nach Ablauf der Aufbewahrungsfrist gelöscht oder anonymisiert
    }); eine Datei gleichen Inhalts wird nicht zweimal importiert, nichts wurde importiert
import-before-some-purged = {", "}davon { $count ->
        [one] einer
       *[other] { $count }
    } inzwischen gelöscht oder anonymisiert
import-and-more = und { $count } weitere

## import: the outcome
import-no-rows = { $file }: keine Zeilen zu importieren
import-dry-run = { $file }: { $count ->
        [one] die eine Zeile ist gültig
       *[other] alle { $count } Zeilen sind gültig
    }; nichts wurde erfasst (--dry-run)
import-saved-anyway = { $count ->
        [one] 1 Fall wurde importiert und ist gespeichert
       *[other] { $count } Fälle wurden importiert und sind gespeichert
    }
import-done = { $count ->
        [one] 1 Fall
       *[other] { $count } Fälle
    } aus { $file } importiert ({ $first } … { $last })
import-progress-check = Zeilen werden geprüft
import-progress-repeats = Wiederholungen werden gesucht
import-progress-write = Fälle werden erfasst

## import: rows that repeat a case or an earlier row
import-repeat = Hinweis: Zeile { $line } gleicht in allen Feldern { $same }
import-repeat-recorded = Hinweis: Zeile { $line } ({ $no }) gleicht in allen Feldern { $same }
import-repeat-cases = { $count ->
        [one] dem Fall { $numbers }
       *[other] den Fällen { $numbers }
    }
import-repeat-rows = { $count ->
        [one] Zeile { $lines }
       *[other] den Zeilen { $lines }
    } dieser Datei
import-and = und
import-repeat-more = Hinweis: … und { $count ->
        [one] eine weitere Zeile
       *[other] { $count } weitere Zeilen
    }
import-repeats-recorded = { $count ->
        [one] Eine Zeile wiederholt einen vorhandenen Fall oder eine frühere Zeile; sie wurde trotzdem erfasst{ $flagged ->
            [0] {""}
           *[other] {" "}und als Mehrfachbeschwerde markiert (zurücknehmen: krm flag KRM-NR repeated --off)
        }
       *[other] { $count } Zeilen wiederholen vorhandene Fälle oder frühere Zeilen; sie wurden trotzdem erfasst{ $flagged ->
            [0] {""}
            [one] , eine davon als Mehrfachbeschwerde markiert (zurücknehmen: krm flag KRM-NR repeated --off)
           *[other] , { $flagged } davon als Mehrfachbeschwerde markiert (zurücknehmen: krm flag KRM-NR repeated --off)
        }
    }
import-repeats-would = { $count ->
        [one] Eine Zeile wiederholt einen vorhandenen Fall oder eine frühere Zeile; sie würde trotzdem erfasst{ $flagged ->
            [0] {""}
           *[other] {" "}und als Mehrfachbeschwerde markiert
        }
       *[other] { $count } Zeilen wiederholen vorhandene Fälle oder frühere Zeilen; sie würden trotzdem erfasst{ $flagged ->
            [0] {""}
            [one] , eine davon als Mehrfachbeschwerde markiert
           *[other] , { $flagged } davon als Mehrfachbeschwerde markiert
        }
    }

## purge
purge-heading-no = KRM-Nr.
purge-heading-closed = abgeschlossen
purge-heading-would = würde
purge-would-delete = gelöscht
purge-would-pseudonymize = pseudonymisiert (KRM-Nummer bleibt)
purge-would-anonymize = anonymisiert (nur noch Monats- und Jahreszahlen)
purge-dry-run = { $count ->
        [one] 1 Fall
       *[other] { $count } Fälle
    } ({ $deleted } zu löschen, { $pseudonymized } zu pseudonymisieren, { $anonymized } zu anonymisieren); nichts wurde geändert (--dry-run)
purge-progress = Fälle werden gelöscht, pseudonymisiert oder anonymisiert
purge-progress-wipe = Alte Kopien werden überschrieben
purge-dry-run-records = Außerdem fielen nach Ablauf ihrer Aufbewahrung weg: { $history } Einträge im Verlauf des Registers, { $logs } im Lösch- und Austragungsprotokoll, die Namen von { $users } ausgeschiedenen Benutzern, { $reads } Einträge des Zugriffsprotokolls, { $measures } Gegenmaßnahmen
purge-measures-expired = { $count ->
        [one] 1 Gegenmaßnahme
       *[other] { $count } Gegenmaßnahmen
    } nach Ablauf ihrer Aufbewahrung (Datenschutz-Einstellung measure_years) mit ihren Schritten gelöscht
purge-register-expired = Nach Ablauf der Aufbewahrung (Datenschutz-Einstellung audit_years) gelöscht: { $history ->
        [one] 1 Eintrag
       *[other] { $history } Einträge
    } im Verlauf des Registers, { $purge_log ->
        [one] 1 Eintrag
       *[other] { $purge_log } Einträge
    } im Löschprotokoll, die Namen von { $users ->
        [one] 1 ausgeschiedenen Benutzer
       *[other] { $users } ausgeschiedenen Benutzern
    }
purge-done = { $count ->
        [one] 1 Fall
       *[other] { $count } Fälle
    } nach Ablauf der Aufbewahrungsfrist bereinigt (abgeschlossen { $first } bis { $last }): { $deleted } gelöscht, { $pseudonymized } pseudonymisiert, { $anonymized } anonymisiert; alte Kopien auf { $wiped } von { $pages } Seiten überschrieben
purge-journal-kept-after-purge = die Bereinigung ist erledigt, aber ein anderes krm las noch im Register, daher enthält das Journal (-wal) noch die alten Seiten; führen Sie „krm purge“ noch einmal aus, um es zu leeren
purge-journal-kept-nothing-due = nichts war fällig, aber ein anderes krm las noch im Register, daher enthält das Journal (-wal) noch die alten Seiten; führen Sie „krm purge“ noch einmal aus, um es zu leeren
purge-checkpoint-busy = ein anderes krm las noch im Register, daher ließ sich das Journal nicht leeren; versuchen Sie es noch einmal

## backup
backup-progress = Sicherung wird geschrieben
backup-done = Sicherung nach { $path } geschrieben (Modus 0600); öffnen mit „krm --db { $path } …“

## the data generator (examples/generate)
generate-progress = Fälle werden erzeugt
generate-progress-indexes = Indizes werden aufgebaut
generate-done = { $count ->
        [one] 1 Fall
       *[other] { $count } Fälle
    } in { $seconds } s erzeugt: { $path }
generate-officer = KRM-Beauftragte/r des Registers ist { $officer } (dazu { $leads } Teamleitungen, tl00 bis { $last }): krm darauf mit --db { $path } --user { $officer } aufrufen (oder KRM_USER={ $officer } setzen)
generate-maker-failed = das Erzeugen der Fälle ist abgebrochen

## backup of a shared install
backup-no-dir = das gemeinsame Register hat keinen Ort für Sicherungen: „backup_dir = PFAD“ fehlt in { $config }
backup-outside-dir = { $path }: Sicherungen des gemeinsamen Registers gehören nur nach { $dir } (ein Dateiname allein genügt)
backup-done-shared = Sicherung nach { $path } geschrieben (Modus 0040: nur die Gruppe des Registers liest sie); zurückspielen kann sie die Administration
