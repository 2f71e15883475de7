## Issue 15 (dab): Dienstaufsichtsbeschwerden, Ausfertigungen, Rückmeldungen, Inhalt der Eingangsbestätigung

dab-event-statement = Stellungnahme
dab-event-copy = Ausfertigung
dab-event-feedback = Rückmeldung
dab-history-no-time-frame = ohne Zeitrahmen: { $reason }
dab-history-statement = Stellungnahme der Teamleitung von { $name } am { $day }
dab-history-copy = Ausfertigung der Antwort an { $name } am { $day }
dab-history-feedback = Rückmeldung von { $name } am { $day } zu { $concerns }
dab-copy-officer = zur Kenntnis der/des KRM-Beauftragten (BS 5.3)
dab-copy-teamlead = zur Kenntnis der Teamleitung (BS 5.3)
dab-copy-management = zur Kenntnis der Geschäftsführung (HRO 3.6)
dab-concern-feedback = Rückmeldung am { $day }
dab-concern-col-feedback = Rückmeldung der Teamleitung

dab-refuse-gate-answer = { $krm_no } wurde als Dienstaufsichtsbeschwerde bezeichnet, und ob sie eine ist, entscheidet die Geschäftsführung (BS 5.1): vor ihrer Entscheidung wird nicht geantwortet; zuerst 'krm classify { $krm_no } --as TYP' durch die Geschäftsführung
dab-refuse-gate-close = { $krm_no } wurde als Dienstaufsichtsbeschwerde bezeichnet, und ob sie eine ist, entscheidet die Geschäftsführung (BS 5.1): vor ihrer Entscheidung wird der Fall nicht abgeschlossen; zuerst 'krm classify { $krm_no } --as TYP' durch die Geschäftsführung
dab-refuse-no-statement = { $krm_no } ist eine Dienstaufsichtsbeschwerde: sie wird nach der Stellungnahme der zuständigen Teamleitung beantwortet (BS 5.3); zuerst 'krm statement { $krm_no } --by NAME'
dab-refuse-answer-before-statement = die Antwort auf { $krm_no } am { $on } läge vor der Stellungnahme der Teamleitung vom { $day } (BS 5.3)
dab-refuse-signer-staff = --signed-by { $name }: Antworten unterschreibt die Geschäftsführung als Benutzerin oder Benutzer dieses Registers, und { $name } steht nur in der Personalliste, ist also kein Benutzer
dab-refuse-statement-off = das Verfahren dieses Registers kennt keine Stellungnahme der Teamleitung zu Dienstaufsichtsbeschwerden (Regel supervisory_statement ist aus; nach HRO 3.6 schreibt die Teamleitung die Antwort selbst)
dab-refuse-statement-not-supervisory = { $krm_no } ist keine Dienstaufsichtsbeschwerde und wurde nie so bezeichnet: eine Stellungnahme der Teamleitung gibt es nur zu ihnen (BS 5.3)
dab-refuse-statement-answered = { $krm_no } wurde am { $day } beantwortet; die Stellungnahme kommt vor der Antwort (BS 5.3)
dab-refuse-statement-twice = zu { $krm_no } ist schon am { $day } die Stellungnahme von { $name } eingetragen
dab-refuse-not-team-lead = { $flag } '{ $name }': das ist die Teamleitung, und { $name } hat die Rolle { $role }
dab-refuse-person-unknown = { $flag } '{ $name }': keine Person dieses Registers (weder Benutzer noch in der Personalliste); wer keinen Zugang hat, kommt mit 'krm staff add NAME' in die Personalliste
dab-refuse-feedback-not-concern = --concern { $code } ist kein Anliegen von { $krm_no } (seine Anliegen: { $concerns })
dab-refuse-feedback-twice-named = --concern { $code } ist mehrfach genannt
dab-refuse-feedback-given = die Rückmeldung zu { $code } von { $krm_no } ist schon am { $day } eingetragen
dab-refuse-ack-frame-and-none = --no-time-frame und --expected widersprechen sich: entweder ein Zeitrahmen oder keiner
dab-refuse-ack-no-frame-reason = --no-time-frame braucht --reason TEXT: warum die Eingangsbestätigung keinen Zeitrahmen nennt (HRO 3.5.1: nur wenn sich das Anliegen sofort klären lässt)
dab-refuse-ack-reason-alone = --reason gehört zu --no-time-frame: es begründet, warum kein Zeitrahmen genannt ist
dab-refuse-ack-needs-frame = die Eingangsbestätigung nennt einen konkreten Zeitrahmen für die Bearbeitung (HRO 3.5.1): --expected DATUM, oder --no-time-frame --reason TEXT, wenn sich das Anliegen sofort klären lässt
dab-refuse-ack-needs-contact = die erste Reaktion auf ein Schreiben (Form { $form }) nennt der Kundin oder dem Kunden eine Ansprechperson (HRO 3.5.1): --contact NAME
dab-refuse-copy-unanswered = { $krm_no } ist noch nicht beantwortet: eine Ausfertigung ist eine der Antwort
dab-refuse-copy-before-answer = --on { $on } läge vor der Antwort vom { $day }
dab-refuse-copy-twice = { $name } hat am { $day } schon eine Ausfertigung der Antwort auf { $krm_no } erhalten

dab-statement-done = { $krm_no }: Stellungnahme von { $name } eingetragen
dab-copy-done = { $krm_no }: Ausfertigung an { $name } eingetragen
dab-copy-done-settles = { $krm_no }: Ausfertigung an { $name } eingetragen ({ $label })
dab-feedback-done = { $krm_no }: Rückmeldung von { $name } zu { $concerns } eingetragen
dab-feedback-still-missing = noch ohne Rückmeldung: { $concerns }
dab-due-feedback = Rückmeldung der Teamleitung
dab-due-kind-feedback = Rückmeld.
