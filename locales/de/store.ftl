# What the register store says: opening, schema, stored values, deadlines.
store-policy-missing = die Richtlinie { $id } fehlt im Register
store-answer-from-ack = ab der Eingangsbestätigung vom { $on } gerechnet, die Antwortfrist
store-unknown-stored = unbekannter Wert für { $what }: '{ $value }'
store-stored = gespeicherte Werte
    .status = den Status eines Falls
    .message-kind = die Art einer Nachricht
    .retention-mode = die Art der Aufbewahrung
store-unknown-event = unbekanntes Ereignis '{ $key }': das Register stammt von einem neueren krm
store-migration-failed = Schritt { $step } der Schemaänderung ist fehlgeschlagen
store-newer-schema = dieses Register hat die Schemaversion { $version }, krm { $krm } kennt aber nur Versionen bis { $known }: es stammt von einem neueren krm; verwenden Sie diese Version (nichts wurde geändert)
store-no-register = unter { $path } gibt es kein Register — legen Sie zuerst mit „krm init“ eines an (oder probieren Sie krm mit „krm demo“ an einem Demo-Register aus)
store-read-only = in das Register { $path } lässt sich nicht schreiben: keine Berechtigung (es ist für Sie schreibgeschützt)
store-memory-second-connection = ein Register im Arbeitsspeicher hat keine zweite Verbindung
store-cannot-create-dir = das Verzeichnis { $dir } lässt sich nicht anlegen
store-new-register = das neue Register
store-journal-stayed = das neue Register { $path } lässt sich nicht fertigstellen: sein Journal ist liegen geblieben
store-cannot-open = das Register { $path } lässt sich nicht öffnen
store-no-wal = das Register lässt sich nicht in den WAL-Modus schalten (Journalmodus ist { $mode })
store-not-sqlite = { $path } ist kein krm-Register: es ist gar keine SQLite-Datenbank; nichts wurde geändert
store-busy = das Register { $path } ist belegt: ein anderes Programm hält seine Sperre seit mehr als { $seconds } s; nichts wurde geändert — versuchen Sie es noch einmal
store-disk-full = das Register { $path } lässt sich nicht öffnen: die Platte ist voll; nichts wurde geändert — schaffen Sie Platz
store-damaged = das Register { $path } ist beschädigt ({ $cause }); nichts wurde geändert — stellen Sie es aus einer Sicherung wieder her (eine Sicherung ist ein Register: kopieren Sie sie an seine Stelle)
store-unreadable = das Register { $path } lässt sich nicht lesen: { $cause }; nichts wurde geändert
store-unknown-day-unit = Richtlinie { $id }: unbekannte Einheit der Tage '{ $unit }'
store-deadline-of-case = eine Frist des am { $received } eingegangenen Falls
store-no-policy = das Register hat keine Richtlinie
store-not-a-closure-day = der { $day } ist kein Schließtag (siehe „krm calendar list“)
store-answer-deadline = die Antwortfrist
store-ack-deadline = die Frist der Eingangsbestätigung
store-for-received = bei --received { $received } { $what }
# What the register's own history says (written in the language of the person who made the change).
store-log-init = Register angelegt mit der Richtlinie { $preset }; { $officer } ist KRM-Beauftragte/r
store-log-user-add = { $name } als { $role }
store-log-setting = { $key }: { $old } → { $new }
store-log-load = { $count ->
    [one] 1 Fall geladen
   *[other] { $count } Fälle geladen
}, { $first } bis { $last }
store-log-policy-set = Version { $id } ab { $from }: Eingangsbestätigung { $ack_unit ->
    [working] { $ack ->
        [one] 1 Arbeitstag
       *[other] { $ack } Arbeitstage
    }
   *[calendar] { $ack ->
        [one] 1 Kalendertag
       *[other] { $ack } Kalendertage
    }
} für { $ack_scope }, Antwort { $answer_unit ->
    [working] { $answer ->
        [one] 1 Arbeitstag
       *[other] { $answer } Arbeitstage
    }
   *[calendar] { $answer ->
        [one] 1 Kalendertag
       *[other] { $answer } Kalendertage
    }
} ab { $answer_from ->
    [ack_sent] Versand der Eingangsbestätigung
   *[received] Eingang
} für { $answer_scope }, Aufbewahrung { $years ->
    [one] 1 Jahr
   *[other] { $years } Jahre
} ({ $mode }), Land { $state }
store-log-purge = { $count ->
    [one] 1 Fall
   *[other] { $count } Fälle
} ({ $mode }), abgeschlossen { $first } bis { $last }

## people
store-log-user-login = Konto von { $name }: { $login }
store-log-user-units = Einheiten von { $name }: { $units }
store-log-user-retire = { $name } ausgeschieden
store-log-user-role = { $name }: Rolle { $from } → { $role }
store-login-taken = das Konto „{ $login }“ ist schon { $holder } zugeordnet (ein Konto gehört immer nur einer Person)
store-no-such-user = „{ $name }“ ist kein Benutzer dieses Registers (krm user list zeigt alle)

## Austragung (krm remove)
store-log-remove = Fall { $no } ausgetragen ({ $reason ->
    [mistake] Irrtum
   *[erasure_request] Löschverlangen
}), mit allen Daten gelöscht; die Nummer wird nicht wieder vergeben
