## The escalation ladder (HRO 3.7): start, steps, appointment (domain/ladder.rs)
ladder-start-fixed = --level { $given }: a case received by { $intake } starts at level { $level } ({ $label }), where it arose (HRO 3.7); --level is only for reactions received by the KRM or management
ladder-start-off = --level { $given }: a case starts at level 1, 2 or 3; level 4 is an appointment with management, reached only by 'krm escalate … --appointment DATE'
ladder-step-escalation = the escalation
ladder-step-after-escalation = the last escalation
ladder-appointment-before = --appointment: the appointment on { $day } would be before the escalation on { $on }
ladder-show-appointment = Appointment with management
ladder-show-addressee = Addressee
ladder-show-statement = Statement
ladder-show-statement-value = due { $due }, sent { $sent }
ladder-show-not-sent = not yet

## Timeline events
ladder-event-addressee = addressee
ladder-event-statement-due = statement due
ladder-event-statement-sent = statement sent
ladder-event-hold-review = hold reviewed
ladder-history-addressee = addressee { $old } → { $new }
ladder-history-statement-due = statement due { $old } → { $new }
ladder-history-statement-sent = statement sent on { $day }

## Holds past their retention (commands/hold.rs)
ladder-hold-reviewed = hold of { $krm_no } reviewed; next review on { $next }
ladder-hold-reviewed-open = hold of { $krm_no } reviewed; the case is not closed, its retention has not begun

## Petitions and Eingaben (BS 5.1, HRO 3.1.4/3.1.5; domain/separate.rs)
separate-addressee-unknown = --addressee { $given }: unknown addressee (valid: { $valid }; see 'krm petition --addressees')
separate-addressee-missing = petitions and Eingaben are recorded with their addressee (BS 5.1): please give --addressee ADDRESSEE (see 'krm petition --addressees')
separate-addressee-not-separate = --addressee { $addressee }: only petitions and Eingaben have an addressee, not { $kind }
separate-statement-not-separate = --statement-due: only petitions and Eingaben have a statement, not { $kind }
separate-petition-not-bundestag = a petition is addressed to the Petitions Committee of the German Bundestag (HRO 3.1.4); one to { $addressee } is an Eingabe (HRO 3.1.5): please record it as eingabe
separate-eingabe-bundestag = an Eingabe is addressed to a public body other than the German Bundestag (HRO 3.1.5); one to { $addressee } is a petition (HRO 3.1.4): please record it as petition
separate-statement-due-before = --statement-due { $due } would be before its receipt on { $received }
separate-statement-sent-already = the statement was already sent on { $on }
separate-statement-sent-before = --statement-sent { $on } would be before its receipt on { $received }
separate-statement-sent-future = --statement-sent { $on } lies in the future (today is { $today })
separate-not-separate = { $no } is recorded as { $kind }, not as a petition or Eingabe
separate-nothing-to-change = { $no }: already recorded so; nothing to change
separate-petition-nothing-given = { $no }: please give --addressee, --statement-due or --statement-sent
separate-petition-done = { $no }: { $filing }
separate-filing = addressee { $addressee }; statement due { $due }, sent { $sent }
separate-col-key = Key
separate-col-addressee = Addressee
separate-ask-addressee = To whom did the customer turn ({ $kind })?
separate-list-none = No petitions or Eingaben.
separate-list-col-no = KRM no.
separate-list-col-type = Type
separate-list-col-received = Received
separate-list-col-status = Status

separate-list-col-addressee = Addressee
separate-list-col-due = Statement
separate-list-col-sent = Sent

## The report: petitions and Eingaben separately (domain/report_separate.rs)
report-section-separate_addressee = Petitions and Eingaben by addressee
report-section-separate_area = Petitions and Eingaben: concerns by area
report-section-separate_backlog = Petitions and Eingaben: open at the period's end
report-section-separate_statement = Petitions and Eingaben: statements due in the period
report-separate-no-addressee = no addressee
report-status-statement_on_time = sent in time
report-status-statement_late = sent late
report-status-statement_open_overdue = not sent, overdue
report-status-statement_running = not sent, still in time
