# Letters to the customer, the office profile, templates, plain language (issue 17).

## domain::letter, domain::office
domain-letter-separate = { $krm_no } ist eine Petition oder Eingabe: sie wird im förmlichen Verfahren gegenüber der weiterleitenden Stelle beantwortet (krm petition), nicht mit einem Brief an den Kunden. Ein Aktenblatt gibt es mit --kind sheet.
domain-letter-anonymous = { $krm_no } hat keine Kundendaten (anonym erfasst oder anonymisiert): es gibt niemanden, an den ein Brief gehen könnte. Ein Aktenblatt gibt es mit --kind sheet.
domain-letter-thanks-not-for = Ein Dankschreiben gibt es für ein Lob oder eine Idee/Anregung; { $krm_no } ist keins. Für die Antwort: --kind answer.
domain-letter-answer-is-thanks = { $krm_no } ist ein Lob oder eine Anregung: darauf antwortet ein Dankschreiben, --kind thanks.
domain-letter-no-postal = { $krm_no } hat keine vollständige Postanschrift (Name, Straße oder Postfach, PLZ, Ort): kein Brief auf Papier. Ist eine E-Mail-Adresse da, gibt --as email den Text für eine E-Mail.
domain-letter-no-email = Eine E-Mail an den Kunden gibt es nur, wo er per E-Mail schrieb oder nur eine E-Mail-Adresse angab ({ $krm_no }); sonst --as pdf oder --as text.
domain-letter-template-syntax = Fehler in der Vorlage in Zeile { $line }: { $detail }
domain-letter-template-unknown = Unbekannte Platzhalter: { $names }. Möglich sind: { $known }
domain-letter-template-needs-privacy = Eine Eingangsbestätigung muss den Datenschutzhinweis enthalten: {"{{"} datenschutz {"}}"} als eigenen Absatz (Art. 13 DSGVO).
domain-letter-template-no-subject = Die erste Zeile der Vorlage ist der Betreff und darf nicht leer sein.
domain-letter-template-no-body = Nach dem Betreff und einer Leerzeile folgt der Text; die Vorlage hat keinen.
domain-office-bad-value = { $value } passt nicht zu --{ $field } (PLZ: fünf Ziffern; Dienststellenschlüssel: Buchstaben, Ziffern, -; E-Mail: mit @, ohne Leerzeichen).

## store::letters
store-log-office = Jobcenter-Profil { $key }: { $old } → { $new }
store-log-office-logo = Jobcenter-Profil: Logo gesetzt
store-log-office-no-logo = Jobcenter-Profil: Logo entfernt
store-log-signature = Unterschriftszeilen von { $name } gesetzt
store-log-signature-cleared = Unterschriftszeilen von { $name } entfernt
store-log-template = Briefvorlage { $kind }: Fassung { $version } gesetzt
store-log-template-reset = Briefvorlage { $kind }: Fassung { $version } ist wieder die mitgelieferte
store-signature-no-person = { $name } ist weder Benutzer noch auf der Personalliste (krm user list, krm staff list).

## commands::letter
cmd-letter-not-allowed = { $user } darf die Kundendaten von { $krm_no } nicht sehen und darum keinen Brief dazu schreiben.
cmd-letter-office-incomplete = Das Jobcenter-Profil reicht für einen Brief noch nicht: krm office set { $flags }
cmd-letter-no-ack = Für { $krm_no } ist noch keine Eingangsbestätigung eingetragen. Eintragen und Brief schreiben in einem Schritt: krm respond { $krm_no } --kind ack --letter DATEI
cmd-letter-no-interim = Für { $krm_no } ist noch keine Zwischennachricht eingetragen: krm respond { $krm_no } --kind interim --expected DATUM --letter DATEI
cmd-letter-no-pdf = Dieses krm wurde ohne PDF gebaut (cargo feature „pdf“); --as text gibt den Brief als Text.
cmd-letter-pdf-needs-out = Ein PDF braucht eine Datei: --out DATEI (oder --as text für den Text von { $krm_no }).
cmd-letter-template-broken = Die Vorlage { $kind } lässt sich nicht füllen: { $detail }
cmd-letter-unknown-signer = { $name } ist keine aktive Person des Registers (krm user list, krm staff list).
cmd-letter-written = { $letter } zu { $krm_no } geschrieben: { $path } (Vorlage Fassung { $version })
cmd-letter-draft = Das ist ein Entwurf für { $author }: bitte die Stellen in [ ] ausfüllen und nach dem Versand mit krm respond --kind answer eintragen.
cmd-letter-check-finding = Zeile { $line }: { $kind }: „{ $excerpt }“ — { $suggestion }
cmd-letter-check-score = Lesbarkeit nach Amstad: { $score } (60 und mehr: leicht bis mittel; { $sentences } Sätze, { $words } Wörter)
cmd-letter-check-stdin = Die Standardeingabe lässt sich nicht lesen
cmd-letter-check-unreadable = { $path } lässt sich nicht lesen: { $error }
cmd-letter-check-not-utf8 = { $path } ist kein UTF-8-Text.
cmd-letter-template-unknown-kind = Unbekannte Vorlage { $given }; möglich sind: { $valid }
cmd-letter-template-no-version = Die Vorlage { $kind } hat keine Fassung { $version } (krm letter template list).
cmd-letter-template-refused = Vorlage { $kind } nicht gesetzt: { $detail }
cmd-letter-template-set = Vorlage { $kind }: Fassung { $version } gilt ab jetzt.
cmd-letter-template-reset = Vorlage { $kind }: Fassung { $version } ist wieder die mitgelieferte.
cmd-letter-template-findings = Die Prüfung auf einfache Sprache (HRO 3.6) findet { $count } Stellen:
cmd-letter-template-line-shipped = { $kind } ({ $label }): mitgeliefert
cmd-letter-template-line = { $kind } ({ $label }): Fassung { $version }, mitgeliefert: { $shipped }, gesetzt am { $on } von { $by }
cmd-letter-template-placeholders = Platzhalter:

## commands::office
cmd-office-incomplete = Für Briefe fehlt noch: krm office set { $flags }
cmd-office-nothing = Nichts zu setzen: krm office set --name … (krm office set --help)
cmd-office-unchanged = Das Jobcenter-Profil ist schon so.
cmd-office-set = Jobcenter-Profil geändert: { $fields }
cmd-office-logo-too-big = { $path } ist mit { $size } Bytes zu groß für ein Logo (höchstens 1 MiB).
cmd-office-logo-broken = { $path } lässt sich als Logo nicht zeichnen: { $error }
cmd-office-logo-not-png = { $path } ist kein PNG-Bild.
cmd-office-signature-needs-line = Welche Zeilen? --line "Maria Schulz" --line "Kundenreaktionsmanagement", oder --clear.
cmd-office-signature-too-many = { $count } Zeilen sind zu viele für eine Unterschrift (höchstens 4).
cmd-office-signature-set = Unterschriftszeilen von { $name } gespeichert.
