# The office's procedure (domain::procedure, krm policy procedure).
domain-rule =
    .supervisory_gate = Eine angebliche Dienstaufsichtsbeschwerde wird erst nach der Entscheidung der Geschäftsführung beantwortet oder abgeschlossen (BS 5.1)
    .supervisory_statement = Die Antwort auf eine Dienstaufsichtsbeschwerde folgt der Stellungnahme der Teamleitung und wird von der Geschäftsführung unterzeichnet (BS 5.3)
    .copy_officer = Die/der KRM-Beauftragte erhält eine Ausfertigung der Antwort der Teamleitung (BS 5.3)
    .copy_teamlead = Die Teamleitung erhält eine Ausfertigung der Antwort auf eine Dienstaufsichtsbeschwerde (BS 5.3)
    .copy_management = Jede Antwort geht zur Kenntnis an die Geschäftsführung (HRO 3.6)
    .officer_only_writes = Nur KRM-Beauftragte und Vertretung tragen in das Register ein (HRO 3.3)
    .recording_gate = Persönliche und telefonische Reaktionen im Bereich werden nur erfasst, wenn ihnen nicht sofort abgeholfen werden kann (BS 5.1)
    .reached_reason = Der Fall hält fest, warum er die/den KRM-Beauftragte/n erreicht hat (HRO 3.2.2)
    .ack_time_frame = Die Eingangsbestätigung nennt einen Zeitrahmen oder begründet, warum nicht (HRO 3.5.1)
    .ack_contact = Die erste Reaktion auf ein Schreiben nennt eine Ansprechperson (HRO 3.5.1)
    .petition_bundestag = Eine Petition richtet sich an den Bundestag, eine Eingabe an eine andere staatliche Stelle (HRO 3.1.4/3.1.5)
    .site_limit = Benutzerinnen und Benutzer sehen nur die Fälle ihres Standorts
domain-rule-assignment = { $given } ist keine Regel mit Wert: KEY=an oder KEY=aus (Regeln: { $valid })
domain-rule-unknown = unbekannte Regel { $given } (gültig: { $valid })
domain-rule-value = { $given } ist kein Wert einer Regel: an oder aus
domain-due-decision = Entscheidung der Geschäftsführung
domain-due-statement = Stellungnahme der Teamleitung
domain-due-copy = Ausfertigung der Antwort
domain-due-appointment = Termin bei der Geschäftsführung
domain-due-petition-statement = Stellungnahme zur Petition/Eingabe
domain-due-hold-review = Überprüfung der Ausnahme von der Löschung
domain-due-report = Monatsbericht
cmd-due-kind-decision = Entscheid.
cmd-due-kind-statement = Stellungn.
cmd-due-kind-copy = Ausfert.
cmd-due-kind-appointment = Termin GF
cmd-due-kind-petition-statement = Petition
cmd-due-kind-hold-review = Sperre
cmd-due-kind-report = Bericht
store-log-procedure-rule = Verfahrensregel { $rule } { $on ->
        [true] eingeschaltet
       *[other] ausgeschaltet
    }
store-log-procedure-evaluate = Auswertung für { $role } { $on ->
        [true] erlaubt
       *[other] entzogen
    }
store-log-procedure-kept = Auswertung für { $role } beim Upgrade beibehalten
cmd-procedure-col =
    .rule = Regel
    .on = gilt
    .preset = Voreinstellung
    .meaning = Bedeutung
cmd-procedure-on = ja
cmd-procedure-off = nein
cmd-procedure-preset = Verfahren nach der Voreinstellung { $preset }; Abweichungen des Amtes sind in der Spalte „gilt“ zu sehen.
cmd-procedure-evaluators = Auswerten dürfen: { $roles }
cmd-procedure-unchanged = Nichts geändert: das Verfahren ist schon so.
cmd-procedure-rule-set = Regel { $rule }: { $on ->
        [true] gilt jetzt
       *[other] gilt nicht mehr
    } ({ $meaning })
cmd-procedure-evaluate-set = Auswertung für { $role }: { $on ->
        [true] erlaubt
       *[other] entzogen
    }
cmd-procedure-not-grantable = Die Rolle { $role } kann keine Auswertung erhalten (möglich: { $valid }); KRM-Beauftragte und Vertretung werten immer aus (HRO 3.9).
