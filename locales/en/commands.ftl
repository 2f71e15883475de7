# What the commands say: confirmations, refusals, table headings and labels.

## due
cmd-due-col = Columns of the list
    .no = KRM no.
    .kind = what is due
    .due = Deadline
    .days = When
    .unit = Unit
    .assignee = Assignee
    .level = Lv.
cmd-due-kind-ack = Ack
cmd-due-kind-answer = Answer
cmd-due-kind-interim = Interim
cmd-due-kind-promised = Promised
cmd-due-overdue = { $days ->
    [one] 1 day overdue
   *[other] { $days } days overdue
}
cmd-due-today = today
cmd-due-tomorrow = tomorrow
cmd-due-ahead = { $days ->
    [one] in 1 day
   *[other] in { $days } days
}
cmd-due-legend = Lv. = escalation level; how a deadline came about: krm due --explain KRM-NO
cmd-due-summary = { $count } due, { $overdue } of them overdue (as of { $today })
cmd-due-hold = { $krm_no } (since { $since })
cmd-due-holds = Legal holds (kept from purge): { $list }

## assign
cmd-assign-unit-empty = --unit is empty: name the unit
cmd-assign-new-unit = note: '{ $unit }' is a new unit of this register{ $similar }
cmd-assign-to-unit = { $krm_no } assigned to { $to }, unit { $unit }
cmd-assign-to = { $krm_no } assigned to { $to }
cmd-assign-unit = { $krm_no } moved to unit { $unit }

## audit
cmd-audit-col = Columns of the audit
    .date = Date
    .time = Time
    .who = Who
    .what = What
    .case = Case
    .detail = Details
cmd-audit-register = Changes to the register itself
    .init = register created
    .user-add = user added
    .user-retire = user retired
    .user-role = role changed
    .user-units = units assigned
    .user-login = account assigned
    .policy-set = policy changed
    .setting = setting changed
    .procedure = procedure changed
    .calendar-add = closure day added
    .calendar-remove = closure day removed
    .load = cases loaded
    .purge = cases purged
    .purge-reads = access log purged
    .remove = case removed
    .demo = demo register

## calendar
cmd-calendar-reason-empty = --reason is empty: say what the day is
cmd-calendar-added = { $day } is a closure day ({ $reason }); deadlines of { $moved ->
    [one] 1 open case
   *[other] { $moved } open cases
} moved
cmd-calendar-removed = { $day } is a working day again; deadlines of { $moved ->
    [one] 1 open case
   *[other] { $moved } open cases
} moved
cmd-calendar-none = no closure days
cmd-calendar-closure = closure day
cmd-calendar-holiday = holiday
cmd-calendar-col = Columns of the calendar
    .date = Date
    .kind = Kind
    .reason = Reason

## classify
cmd-classify-choice = --as { $given }: management decides between { $valid }
cmd-classify-done = { $krm_no } classified as { $label }

## close
cmd-close-reason-empty = --reason is empty: say why there is no answer
cmd-close-reason-alone = --reason goes with --without-answer
cmd-close-done = { $krm_no } closed on { $on }
cmd-close-reopened = { $krm_no } reopened

## escalate
cmd-escalate-reason-empty = --reason is empty: say why handling at the current level failed
cmd-escalate-done = { $krm_no } is now at Stufe { $level } ({ $label })

## flag
cmd-flag-unknown = unknown flag { $given } (valid: { $valid })
cmd-flag-set = { $krm_no }: flag '{ $flag }' set
cmd-flag-removed = { $krm_no }: flag '{ $flag }' removed

## hold
cmd-hold-reason-empty = --reason is empty: say why the case must be kept
cmd-hold-done = { $krm_no } is on hold and will not be purged until 'krm release { $krm_no }'
cmd-hold-released = { $krm_no } is no longer on hold

## init
cmd-init-unknown-preset = unknown policy preset { $given } (valid: { $valid })
cmd-init-not-created = the register was not created
cmd-init-shared = the register is shared with the group { $group } (mode 0660); keep it in a directory of that group with the setgid bit (chmod g+s), so that its journal files belong to the group too
cmd-init-done = created the register { $path } with the { $preset } policy; { $officer } is its officer
cmd-init-next = next: 'krm user add NAME --role deputy' for the deputy, then 'krm record'

## list
cmd-list-unknown-status = unknown status { $given } (valid: { $valid })
cmd-list-unknown-unit = unknown unit { $given } (units of this register: { $valid })
cmd-list-none = no cases match

## explain
cmd-explain-stored = counted today it would be { $today }; the deadline fixed at recording or sending stands, { $stored } (closure days have changed since)
cmd-explain-policy-missing = the policy { $id } is missing from the register
cmd-explain-no-deadline = no deadline: { $why }
cmd-explain-not-fixed = not fixed when recorded (the register predates the coverage rules)
cmd-explain-promise = the { $what } of { $sent } promises an answer by { $promised }; that date is now watched
cmd-explain-policy = { $label } (version { $id }, valid from { $from }): acknowledgment { $ack }, answer { $answer } { $answer_from }
cmd-explain-head = { $krm_no }: { $kind }, received on { $received }
cmd-explain-policy-line = Policy: { $policy }
cmd-explain-calendar = Holidays: { $state }; the office's closure days: { $closures }
cmd-explain-title = Deadlines
    .ack = Acknowledgment
    .answer = Answer
    .promised = Promise
cmd-explain-none = { $title }: no deadline
cmd-explain-due = { $title }: due { $due }
cmd-explain-done = done on { $on } ({ $verdict })

## policy
cmd-policy-nothing = nothing to change: give --preset, --ack, --answer, --answer-from, --ack-types, --ack-forms, --answer-types, --answer-forms, --retention-years, --retention-mode, --archive-years or --state
cmd-policy-set = policy version { $id } applies to cases received from { $from }; earlier cases keep their deadlines
cmd-policy-bad-period = { $flag } { $given } is not a period (expected DAYS and calendar or working, e.g. "3 working" or "14 calendar"; 1 to 365 days)
cmd-policy-scope-empty = { $flag }: give keys ({ $valid }) or all
cmd-policy-bad-answer-from = --answer-from { $given }: valid are received, ack_sent
cmd-policy-bad-retention-mode = --retention-mode { $given }: valid are delete, anonymize (pseudonymise, then anonymise after the archive period)
cmd-policy-bad-state = --state { $given }: valid are { $valid }
cmd-policy-bad-retention-years = --retention-years { $years }: give 1 to 100 years
cmd-policy-working-days = { $days ->
    [one] 1 working day
   *[other] { $days } working days
}
cmd-policy-calendar-days = { $days ->
    [one] 1 calendar day
   *[other] { $days } calendar days
}
cmd-policy-from-received = from receipt
cmd-policy-from-ack = from sending the acknowledgment
cmd-policy-row = Rows of the policy
    .policy = Policy
    .ack = Acknowledgment
    .applies = {"  "}applies to
    .answer = Answer
    .time-frame = Time frame
    .supervisory = Supervisory complaints
    .retention = Retention
    .archive = Archive period
    .holidays = Holidays
cmd-policy-version = { $label } (version { $id }, valid from { $from })
cmd-policy-time-frame-informs = in the acknowledgment, beyond the answer deadline: counts as an interim notice
cmd-policy-time-frame-not = in the acknowledgment: replaces no interim notice
cmd-policy-supervisory-decides = management decides whether it is a Dienstaufsichtsbeschwerde (until then: decision pending)
cmd-policy-supervisory-as-recorded = no decision step: as recorded
cmd-policy-retention = { $years ->
    [one] 1 year
   *[other] { $years } years
} after closing, then { $mode }
cmd-policy-archive = { $years ->
    [one] 1 year
   *[other] { $years } years
} after closing anonymised (no KRM number, only in the month and year figures); until then pseudonymised from { $retention ->
    [one] 1 year
   *[other] { $retention } years
} (the KRM number stays for the archive)
cmd-policy-archive-unused = not used (cases are deleted)
cmd-policy-versions = Versions
cmd-policy-years = { $years } y.
cmd-policy-col = Columns of the versions
    .id = No.
    .from = valid from
    .ack = Acknowledgment
    .answer = Answer
    .retention = Retention
    .state = State

## respond
cmd-respond-unknown-channel = unknown channel { $given } (valid: { $valid })
cmd-respond-flag-not-for = { $flag } does not go with --kind { $kind }
cmd-respond-no-contact = note: no --contact given; HRO 3.5.1 asks to name a contact person in the acknowledgment
cmd-respond-ack-done = { $krm_no }: acknowledgment recorded
cmd-respond-interim-needs-expected = an interim notice needs --expected DATE: the date the customer is now promised an answer
cmd-respond-interim-done = { $krm_no }: interim notice recorded; the answer is now watched against { $expected }
cmd-respond-answer-done = { $krm_no }: answer recorded
cmd-respond-signer-unknown = --signed-by { $name }: answers are signed by management (Geschäftsführung), and { $name } is not a user of this register
cmd-respond-signer-role = --signed-by { $name }: answers are signed by management (Geschäftsführung), and { $name } is of the role { $role }
cmd-respond-needs-signature = { $krm_no } is a Dienstaufsichtsbeschwerde: its answer is signed by management (BS 5.3); give --signed-by NAME of a management user
cmd-respond-outcome-not-concern = --outcome { $given }: { $code } is not a concern of { $krm_no } (its concerns: { $concerns })
cmd-respond-outcome-unnamed = --outcome { $given }: with several --outcome flags, name each concern: CODE=OUTCOME
cmd-respond-outcome-missing = the answer to { $krm_no } needs an outcome for every concern; missing: { $missing } (--outcome CODE=OUTCOME, or one --outcome OUTCOME for all; outcomes: { $outcomes })

## show
cmd-show-as-of-future = --as-of { $day }: that day has not come yet (today is { $today })
cmd-show-as-of-before = --as-of { $day }: { $krm_no } was received only on { $received }

## user
cmd-user-name = the user name
cmd-user-added = added { $name } as { $role }
cmd-user-col = Columns of the user list
    .name = Name
    .role = Role
    .login = Account
    .units = Units
    .since = since
    .until = until

## show and list (render/case.rs)
cmd-case-claimed-pending = (so called by the customer; management's decision pending)
cmd-case-claimed-as = (called { $label } by the customer)
cmd-case-claimed-as-pending = (called { $label } by the customer; management's decision pending)
cmd-case-status = { $status }, Stufe { $level } ({ $label })
cmd-case-answer-due-estimated = { $due } (provisional, until the acknowledgment)
cmd-case-unassigned = not assigned
cmd-case-classified = { $label } on { $on } ({ $by })
cmd-case-hold = since { $since }: { $reason } ({ $by }) — will not be purged
cmd-case-field = Fields of a case
    .krm-no = KRM no.
    .type = Type
    .status = Status
    .received = Received
    .form = Form
    .group = Customer group
    .intake = Received by
    .unit = Unit
    .assignee = Assignee
    .ack-due = Ack due
    .ack-on = Ack sent
    .answer-due = Answer due
    .promised = Promised by
    .answer-on = Answer sent
    .as-of = As of
    .ack-verdict = Ack verdict
    .answer-verdict = Answer verdict
    .promise-verdict = Promise verdict
    .closed-on = Closed on
    .flags = Flags
    .classified = Management's decision
    .hold = Legal hold
    .follows = Follows
    .followed-by = Follow-ups
    .measures = Countermeasures
    .letters = Letters
    .recorded-by = Recorded by
    .summary = Summary
cmd-case-concerns = Concerns
cmd-case-concern-col = Columns of the concerns
    .code = Code
    .category = Category
    .outcome = Outcome
cmd-case-customer = Customer
cmd-case-customer-field = Fields of the customer data
    .salutation = Salutation
    .title = Title
    .first-name = First name
    .name-prefix = Name prefix
    .last-name = Last name
    .street = Street
    .po-box = PO box
    .postcode = Postcode
    .city = City
    .email = E-mail
    .phone = Phone
    .fax = Fax
cmd-case-history = History
cmd-case-history-col = Columns of the history
    .date = Date
    .who = Who
    .what = What
    .detail = Details
cmd-case-short-type = Short names of the types
    .beschwerde = Complaint
    .dienstaufsicht = DAB
    .fachaufsicht = FAB
    .lob = Praise
    .anregung = Suggestion
    .folgereaktion = Follow-up
    .petition = Petition
    .eingabe = Eingabe
cmd-case-list-col = Columns of the case list
    .krm-no = KRM no.
    .received = Received
    .type = Type
    .unit = Unit
    .status = Status
    .due = Due
    .level = Level
    .concerns = Concerns

## demo
cmd-demo-db-exists = { $path } exists; 'krm demo' only ever writes a fresh file (omit --db to use the demo register)
cmd-demo-not-a-demo = { $path } exists and is not a demo register; not touching it
cmd-demo-invalid = demo case invalid
cmd-demo-title = krm demo — a made-up register of the Hanse-Jobcenter Rostock, as of { $today }
cmd-demo-cases = { $count ->
    [one] 1 case
   *[other] { $count } cases
} in { $path }
cmd-demo-due = == What needs action today (krm due) ==
cmd-demo-case = == One case (krm show { $krm_no }) ==
cmd-demo-month = == This month so far ({ $from } to { $to }) ==
cmd-demo-measures = == Countermeasures (krm measure list) ==
cmd-demo-try = Try it yourself on the demo register:
cmd-demo-record = (asks like the Anlage-3 form)
cmd-demo-real = A real register starts with 'krm init'.
cmd-demo-col = Columns of the month's figures
    .type = Type of reaction
    .cases = Cases
    .area = Concerns by area
    .count = Number
cmd-demo-received = { $count ->
    [one] 1 case received
   *[other] { $count } cases received
}, { $open } of them still open
cmd-demo-acks = { $in_time } of { $count ->
    [one] 1 acknowledgment
   *[other] { $count } acknowledgments
} sent in time
cmd-demo-log = demo register with made-up cases
cmd-user-role = Roles
    .officer = KRM officer
    .deputy = Deputy
    .teamlead = Team lead
    .arealead = Area lead
    .management = Management
    .analyst = Analyst
    .service = Service account (cron)
    .dpo = Data protection officer

## policy privacy
cmd-privacy-unchanged = nothing changed: the settings already have these values
cmd-privacy-set = { $setting }: { $old } → { $new }
cmd-privacy-col = Setting
    .setting = Setting
    .value = Value
    .default = Default
    .flag = Option

## user (retire, role, units, login) and init (login)
cmd-user-no-login-yet = { $name } has no account yet; in this shared register { $name } acts only after 'krm user login { $name } OSNAME'
cmd-user-retired = { $name } is no longer a user from today on; the history keeps the name
cmd-user-role-set = { $name } now has the role { $role }
cmd-user-units-set = units of { $name }: { $units }
cmd-user-login-set = { $name } acts in a shared register as the account { $login }
cmd-user-already-retired = { $name } has not been a user since { $day } and is not changed any more
cmd-user-unknown-unit = unknown unit { $unit } (known: { $known }); a unit comes with the first case that names it
cmd-init-admin-only = only root or a member of its group (the administrator) creates the shared register
cmd-init-login = { $officer } acts in a shared register as the account { $login }
cmd-init-no-login = { $officer } has no account yet; root maps it: 'krm --user { $officer } user login { $officer } OSNAME'

## krm edit
cmd-edit-reason-empty = --reason is empty: say why it is corrected (e.g. "typing mistake at intake", "address changed, says the customer")
cmd-edit-done = { $krm_no } corrected: { $fields }
cmd-edit-journal-kept = the correction is saved, but another krm was still reading the register, so the journal (-wal) still holds the old values; run 'krm purge' to empty it

## krm remove
cmd-remove-needs-yes = { $krm_no } is removed only with --yes where krm cannot ask: removing deletes the case with all its data for good
cmd-remove-confirm = Remove case { $krm_no } ({ $reason }) with all its data for good? This cannot be undone.
cmd-remove-not-confirmed = { $krm_no } was not removed
cmd-remove-done = { $krm_no } removed ({ $reason }): deleted with all its data, { $wiped } of { $pages } pages wiped; the number is never given again
cmd-remove-journal-kept = the case is removed, but another krm was still reading the register, so the journal (-wal) still holds the old pages; run 'krm purge' to empty it
