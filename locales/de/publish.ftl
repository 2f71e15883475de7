# Issue 18: the facts and publishing them to PostgreSQL.
facts-month-or-year = Fakten gibt es für einen abgeschlossenen Monat (--month JJJJ-MM) oder ein abgeschlossenes Jahr (--year JJJJ).
domain-publish-running = { $period } läuft noch (heute ist der { $today }): veröffentlicht werden nur abgeschlossene Zeiträume, beurteilt am Ende ihres letzten Tages.
domain-publish-no-decision = Es ist keine Entscheidung des Jobcenters zur Veröffentlichung erfasst. Erst entscheidet das Haus (z. B. die Geschäftsführung), dann: krm publish decide --by "…" --on JJJJ-MM-TT
domain-publish-stopped = Die Veröffentlichung wurde beendet ({ $by }, { $on }); eine neue Entscheidung: krm publish decide --by "…" --on JJJJ-MM-TT
domain-publish-decision-later = Die Entscheidung zur Veröffentlichung gilt erst ab dem { $on } (heute ist der { $today }).
domain-publish-no-code = Das Jobcenter-Profil hat keinen Dienststellenschlüssel, unter dem veröffentlicht wird: krm office set --code CODE
domain-publish-bad-setting = { $flag }: { $value } geht nicht (Host: Name oder Adresse; Port: 1–65535; Datenbank und Rolle: Buchstaben, Ziffern, _ - .; Dateien: ein absoluter Pfad).
store-log-publish-setting = Veröffentlichung { $key }: { $old } → { $new }
store-log-publish-decided = Entscheidung zur Veröffentlichung: { $by }, { $on } (ohne Tabellen nach Einheiten)
store-log-publish-decided-units = Entscheidung zur Veröffentlichung: { $by }, { $on } (mit den jährlichen Tabellen nach Einheiten)
store-log-publish-stop = Entscheidung, nicht mehr zu veröffentlichen: { $by }, { $on }
store-log-published = Veröffentlicht: { $period } nach { $target }, { $rows } Zeilen ({ $added } neu, { $changed } geändert, { $removed } entfallen)
pg-cannot-read = Die { $what ->
    [ca] CA-Datei
    [cert] Client-Zertifikat
    [key] Schlüsseldatei
   *[passfile] Passwortdatei
} { $path } lässt sich nicht lesen.
pg-file-not-private = Die { $what ->
    [ca] CA-Datei
    [cert] Client-Zertifikat
    [key] Schlüsseldatei
   *[passfile] Passwortdatei
} { $path } dürfen andere lesen (Modus { $mode }): sie muss nur für ihre Eigentümerin lesbar sein (chmod 600).
pg-no-ca = Keine CA-Zertifikate, gegen die das Zertifikat des Servers geprüft werden kann: krm publish setup --ca-file DATEI (oder ~/.postgresql/root.crt).
pg-cannot-connect = Keine Verbindung zu { $target } als { $user }: { $reason }
pg-publish-failed = Die Veröffentlichung ist gescheitert, nichts wurde übernommen: { $reason }
pg-office-unknown = Das Jobcenter { $office } ist in der Datenbank nicht eingetragen; die Statistikstelle trägt es ein (docs/PUBLISH.md). Nichts wurde übernommen.
cmd-publish-clear-unknown = --clear { $name }: unbekannt (host, port, database, role, ca-file, cert-file, key-file, password-file).
cmd-publish-setup-nothing = Nichts zu setzen: --host, --port, --database, --role, --ca-file, --cert-file, --key-file, --password-file oder --clear.
cmd-publish-setup-done = { $changed ->
    [0] Nichts geändert.
    [one] Eine Einstellung geändert.
   *[other] { $changed } Einstellungen geändert.
}
cmd-publish-setup-missing = Für eine Verbindung fehlt noch: { $flags }
cmd-publish-decide-no-by = --by: wer entschieden hat, z. B. "Geschäftsführung, Frau Dr. Beispiel".
cmd-publish-decide-future = --on { $on } liegt nach heute ({ $today }): erfasst wird eine getroffene Entscheidung.
cmd-publish-decided = Entscheidung erfasst: veröffentlichen, ohne Tabellen nach Einheiten ({ $by }, { $on }).
cmd-publish-decided-units = Entscheidung erfasst: veröffentlichen, mit den jährlichen Tabellen nach Einheiten ({ $by }, { $on }).
cmd-publish-decided-stop = Entscheidung erfasst: nicht mehr veröffentlichen ({ $by }, { $on }).
cmd-publish-show-target = Verbindung:
cmd-publish-show-publication = { $period }: { $on } von { $by } nach { $target }, { $rows } Zeilen ({ $added } neu, { $changed } geändert, { $removed } entfallen)
cmd-publish-no-target = Wohin veröffentlicht wird, ist nicht vollständig eingestellt; es fehlt: { $flags } (krm publish setup).
cmd-publish-dry-run = Probelauf: { $rows } Zeilen für { $period } des Jobcenters { $office } nach { $target }; nichts gesendet, nichts erfasst.
cmd-publish-units-withdrawn = Die Tabelle { $table } wird für diesen Zeitraum nicht mehr veröffentlicht: eine Korrektur hätte zusammengefasste Einheiten erkennbar gemacht.
cmd-publish-units-all-merged = Die Tabelle { $table } wird nicht veröffentlicht: keine Einheit ließe sich einzeln zeigen (zu wenige Einheiten oder Fälle über der Schwelle).
cmd-publish-first = Veröffentlicht: { $period } des Jobcenters { $office } nach { $target }, { $rows } Zeilen.
cmd-publish-unchanged = Erneut veröffentlicht: { $period } des Jobcenters { $office } nach { $target }, { $rows } Zeilen, unverändert.
cmd-publish-replaced = Erneut veröffentlicht: { $period } des Jobcenters { $office } nach { $target }, { $rows } Zeilen; ersetzt: { $added } neu, { $changed } geändert, { $removed } entfallen.
cmd-publish-not-built = Dieses krm ist ohne die Funktion "publish" gebaut; krm export --facts schreibt die Fakten als Datei.
export-facts-format = export --facts schreibt CSV (Standard) oder JSON (--format json).
export-facts-written = Fakten { $period }: { $rows } Zeilen in { $path } geschrieben.
