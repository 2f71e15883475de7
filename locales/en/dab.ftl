## Issue 15 (dab): supervisory complaints, copies, feedback, acknowledgment content

dab-event-statement = statement
dab-event-copy = copy
dab-event-feedback = feedback
dab-history-no-time-frame = no time frame: { $reason }
dab-history-statement = team lead's statement by { $name } on { $day }
dab-history-copy = copy of the answer to { $name } on { $day }
dab-history-feedback = feedback by { $name } on { $day } on { $concerns }
dab-copy-officer = for the KRM officer's information (BS 5.3)
dab-copy-teamlead = for the team lead's information (BS 5.3)
dab-copy-management = for management's information (HRO 3.6)
dab-concern-feedback = feedback on { $day }
dab-concern-col-feedback = team lead's feedback

dab-refuse-gate-answer = { $krm_no } was called a Dienstaufsichtsbeschwerde, and whether it is one is management's decision (BS 5.1): it is not answered before that decision; first 'krm classify { $krm_no } --as TYPE' by management
dab-refuse-gate-close = { $krm_no } was called a Dienstaufsichtsbeschwerde, and whether it is one is management's decision (BS 5.1): the case is not closed before that decision; first 'krm classify { $krm_no } --as TYPE' by management
dab-refuse-no-statement = { $krm_no } is a Dienstaufsichtsbeschwerde: it is answered after the responsible team lead's statement (BS 5.3); first 'krm statement { $krm_no } --by NAME'
dab-refuse-answer-before-statement = the answer to { $krm_no } on { $on } would precede the team lead's statement of { $day } (BS 5.3)
dab-refuse-signer-staff = --signed-by { $name }: answers are signed by management as a user of this register, and { $name } is only on the staff list, not a user
dab-refuse-statement-off = this register's procedure has no team lead's statement on supervisory complaints (rule supervisory_statement is off; under HRO 3.6 the team lead writes the answer)
dab-refuse-statement-not-supervisory = { $krm_no } is no Dienstaufsichtsbeschwerde and was never called one: a team lead's statement is given on those only (BS 5.3)
dab-refuse-statement-answered = { $krm_no } was answered on { $day }; the statement comes before the answer (BS 5.3)
dab-refuse-statement-twice = { $krm_no } already has the statement by { $name } of { $day }
dab-refuse-not-team-lead = { $flag } '{ $name }': that is the team lead, and { $name } is of the role { $role }
dab-refuse-person-unknown = { $flag } '{ $name }': no person of this register (neither a user nor on the staff list); someone without access goes on the staff list with 'krm staff add NAME'
dab-refuse-feedback-not-concern = --concern { $code } is no concern of { $krm_no } (its concerns: { $concerns })
dab-refuse-feedback-twice-named = --concern { $code } is named more than once
dab-refuse-feedback-given = the feedback on { $code } of { $krm_no } was already recorded on { $day }
dab-refuse-ack-frame-and-none = --no-time-frame and --expected contradict each other: a time frame or none
dab-refuse-ack-no-frame-reason = --no-time-frame needs --reason TEXT: why the acknowledgment names no time frame (HRO 3.5.1: only when the matter is settled at once)
dab-refuse-ack-reason-alone = --reason belongs to --no-time-frame: it says why no time frame is named
dab-refuse-ack-needs-frame = the acknowledgment names a concrete time frame for the handling (HRO 3.5.1): --expected DATE, or --no-time-frame --reason TEXT when the matter is settled at once
dab-refuse-ack-needs-contact = the first reaction to a customer's writing (form { $form }) names a contact person (HRO 3.5.1): --contact NAME
dab-refuse-copy-unanswered = { $krm_no } is not answered yet: a copy is one of the answer
dab-refuse-copy-before-answer = --on { $on } would precede the answer of { $day }
dab-refuse-copy-twice = { $name } already got a copy of the answer to { $krm_no } on { $day }

dab-statement-done = { $krm_no }: statement by { $name } recorded
dab-copy-done = { $krm_no }: copy to { $name } recorded
dab-copy-done-settles = { $krm_no }: copy to { $name } recorded ({ $label })
dab-feedback-done = { $krm_no }: feedback by { $name } on { $concerns } recorded
dab-feedback-still-missing = still without feedback: { $concerns }
dab-due-feedback = team lead's feedback
dab-due-kind-feedback = Feedback
