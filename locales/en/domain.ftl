# Texts of the domain (src/domain): checks, refusals, deadlines, history.

## Free text (text.rs)
domain-text-control = { $field } contains the control character { $code } at character { $at }; remove it
domain-text-invisible = { $field } contains the invisible formatting character { $code } at character { $at }; remove it
domain-text-too-long = { $field } is { $count } characters long; at most { $max } are allowed
domain-text-cut = { $head }… ({ $count } characters)
domain-text-quote-cut = '{ $head }…' ({ $count } characters)
domain-login-empty = { $field } is empty; give a login name
domain-login-spaces = { $field } { $name } contains spaces; use the login name

## Case (case.rs)
domain-status-open = open
domain-status-acknowledged = acknowledged
domain-status-answered = answered
domain-status-closed = closed
domain-message-ack = acknowledgment
domain-message-interim = interim notice
domain-message-answer = answer
domain-flag-offensive = offensive
domain-flag-repeated = repeated complaint
domain-flag-unsubstantiated = unsubstantiated

## Dates, periods, numbers (dates.rs, period.rs, case_no.rs)
domain-date-beyond-register = { $what } would fall on { $day }, after { $last } — the last day a register can hold
domain-period-not-a-month = { $value } is not a month (expected YYYY-MM, e.g. 2026-03, MM.YYYY, e.g. 03.2026, or März 2026)
domain-period-not-a-year = { $value } is not a year (expected YYYY, e.g. 2026)
domain-period-month = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
domain-case-no-year-full = the year { $year } already has 999,999 cases (the most a year can have)
domain-case-no-invalid = { $value } is not a KRM number (expected YYYY-NNNN, e.g. 2026-0042)

## Escalation levels (workflow.rs)
domain-level-team = team
domain-level-teamleitung = team lead
domain-level-bereichsleitung = head of division
domain-level-geschaeftsfuehrung = management
domain-level-invalid = { $value } is not a level (1 Team, 2 Teamleitung, 3 Bereichsleitung, 4 Geschäftsführung)

## The steps of a case and their refusals (workflow.rs)
domain-step-ack = the acknowledgment
domain-step-interim = the interim notice
domain-step-answer = the answer
domain-step-close = closing
domain-step-after-receipt = its receipt
domain-step-after-ack = the acknowledgment
domain-step-after-interim = the interim notice
domain-step-after-answer = its answer
domain-step-after-reopening = its reopening
domain-refuse-anonymised = { $no } was pseudonymised on { $on } when its retention period ran out; it can no longer be changed (SPEC §6)
domain-refuse-closed = { $no } was closed on { $on }; 'krm reopen { $no }' first
domain-refuse-before = { $what } of { $no } on { $on } would be before { $floor } on { $floor_on }
domain-refuse-future = { $what } of { $no } on { $on } lies in the future (today is { $today })
domain-refuse-acknowledged = { $no } was already acknowledged on { $on }
domain-refuse-expected-before-ack = --expected { $expected } lies before the acknowledgment ({ $on })
domain-refuse-interim-after-answer = { $no } was answered on { $on }; an interim notice comes before
domain-refuse-expected-after-interim = --expected { $expected } must lie after the interim notice ({ $on }): it is the new date the customer is promised
domain-refuse-answered = { $no } was already answered on { $on }
domain-refuse-outcome-not-a-concern = --outcome { $code }: { $code } is not a concern of { $no }
domain-refuse-close-answered = { $no } was answered on { $on }; close it without --without-answer
domain-refuse-close-unanswered = { $no } has no answer yet: record it with 'krm respond { $no } --kind answer', or close with --without-answer --reason TEXT
domain-refuse-not-closed = { $no } is not closed (status { $status })
domain-refuse-assign-unknown = --to { $name }: not a user of this register (add them with 'krm user add { $name } --role teamlead')
domain-refuse-assign-analyst = --to { $name }: an analyst cannot work on cases
domain-refuse-assign-service = --to { $name }: the service account (cron) cannot work on cases
domain-refuse-assigned = { $no } is already assigned; nothing to change
domain-refuse-assigned-to = { $no } is already assigned to { $name }; nothing to change
domain-refuse-assigned-in = { $no } is already assigned in unit { $unit }; nothing to change
domain-refuse-assigned-to-in = { $no } is already assigned to { $name } in unit { $unit }; nothing to change
domain-refuse-top-level = { $no } is already at Stufe 4 ({ $top }), the top of the ladder
domain-refuse-level-off-ladder = --to { $to }: the ladder has Stufen 1 to 4
domain-refuse-level-down = { $no } is at Stufe { $level } ({ $name }); escalation only goes up, to Stufe { $next } or higher
domain-refuse-appointment-missing = Stufe 4 is an appointment with management (HRO 3.7): give its date with --appointment DATE
domain-refuse-appointment-not-top = --appointment is only for Stufe 4 (an appointment with management)
domain-refuse-classified = { $no } was classified by { $by } on { $on }; the decision stands
domain-refuse-nothing-to-classify = { $no } is a { $kind } and nobody called it a Dienstaufsichtsbeschwerde: there is nothing to classify
domain-refuse-flag-unknown = unknown flag { $flag } (valid: { $valid })
domain-refuse-flag-set = { $no } is already flagged { $flag }
domain-refuse-flag-not-set = { $no } is not flagged { $flag }
domain-refuse-held = { $no } is on hold since { $since } ({ $reason }); 'krm release { $no }' first
domain-refuse-not-held = { $no } is not on hold
domain-refuse-follows-unknown = --follows { $no }: no such case in this register
domain-refuse-follows-later = --follows { $no }: that case was received on { $earlier }, after this one ({ $received }); check the number
domain-refuse-user-exists = { $name } is already a user of this register (see 'krm user list')

## History and audit trail (timeline.rs)
domain-event-record = recorded
domain-event-ack = acknowledgment
domain-event-interim = interim notice
domain-event-answer = answer
domain-event-close = closed
domain-event-reopen = reopened
domain-event-classify = classified
domain-event-assign = assigned
domain-event-unit = unit
domain-event-escalate = escalated
domain-event-hold = hold
domain-event-release = hold released
domain-event-flag = flagged
domain-event-unflag = flag removed
domain-event-deadline = deadlines moved
domain-history-received = received on { $day }
domain-history-unit = unit { $unit }
domain-history-sent = sent on { $day }
domain-history-promised = answer promised by { $day }
domain-history-contact = contact { $name }
domain-history-author = written by { $name }
domain-history-signer = signed by { $name }
domain-history-outcomes = outcomes { $outcomes }
domain-history-closed = closed on { $day }
domain-history-closed-without-answer = closed on { $day } without an answer
domain-history-reopened = reopened on { $day }
domain-history-level = Stufe { $level }
domain-history-level-named = Stufe { $level } ({ $name })
domain-history-appointment = appointment with management on { $day }
domain-history-assigned = to { $name }
domain-history-recorded-later = recorded on { $day }
domain-decision-pending = management's decision pending

## Choices and categories (taxonomy.rs)
domain-field-type = reaction type
domain-field-form = form
domain-field-group = customer group
domain-field-intake = intake point
domain-field-salutation = salutation
domain-field-outcome = outcome
domain-reference-unknown = unknown { $field } { $value } (valid: { $valid })
domain-reference-retired = { $field } { $value } ({ $label }) is retired and not used for new cases (valid: { $valid })
domain-category-unknown = unknown category { $code } (see 'krm categories' for the codes, e.g. 1.2.1 or 4.2)
domain-category-retired = category { $code } ({ $path }) is retired and not used for new cases
domain-category-see-list = see 'krm categories'
domain-category-is-area = { $code } is the area { $label }, not a category; name one of its categories ({ $range })
domain-category-is-sub-area = { $code } is the sub-area { $label }, not a category; name one of its categories ({ $range })

## Due items (due.rs)
domain-due-ack = acknowledgment
domain-due-interim = interim notice
domain-due-promised = promised answer
domain-due-answer = answer

## Roles (role.rs)
domain-role-own-cases = { $role } (own cases)
# Between the roles: "officer or deputy".
domain-role-or = {" "}or{" "}
domain-role-unknown = unknown role { $role } (valid: { $valid })

## Register file (register_file.rs)
domain-register-directory = { $path } is a directory, not a register file
domain-register-foreign = { $path } is an SQLite file but not a krm register (application_id { $id }); nothing was changed
domain-register-exists = { $path } already exists; 'krm init' never touches an existing file (choose another --db)
domain-register-not-utf8 = { $path } is not a UTF-8 path

## Legal remedies (refusal.rs)
domain-legal-remedy = { $given } is a { $remedy }, which is not recorded in KRM (HRO 3.1.6, BS 5.1): it is a formal legal remedy — pass it on to the Widerspruchsstelle (a Klage to the Rechtsbehelfsstelle / Sozialgericht team) the same day. If the customer also complains about how they were treated, record that complaint separately as a beschwerde

## Verdicts on deadlines (judgement.rs, compliance.rs)
domain-verdict-met = on time
domain-verdict-late = late
domain-verdict-late-after-interim = late, after a timely interim notice
domain-verdict-running = running
domain-verdict-overdue = overdue
domain-verdict-overdue-after-interim = overdue, after a timely interim notice
domain-verdict-closed-without-answer = closed without an answer
domain-verdict-estimate = provisional (the deadline starts with the acknowledgment)
domain-verdict-none = no deadline
domain-reason = { $what }: { $verdict }
domain-reason-sent = { $what }: due { $due }, sent on { $sent }: { $verdict }
domain-reason-not-sent = { $what }: due { $due }, not sent: { $verdict }
domain-reason-promise = Promised date { $on }: { $verdict }
domain-promise-kept = kept
domain-promise-broken = broken
domain-promise-running = running
domain-promise-superseded = superseded (a new date, or closed without an answer)
domain-ack-status-on-time = acknowledgment on time
domain-ack-status-late = acknowledgment late
domain-ack-status-open-overdue = acknowledgment outstanding, deadline passed
domain-ack-status-pending = acknowledgment outstanding, deadline running
domain-ack-status-no-deadline = acknowledgment without a deadline (does not apply to this case)
domain-answer-status-on-time = answer on time
domain-answer-status-late-with-interim = answer late, with a timely interim notice
domain-answer-status-late-without-interim = answer late, without a timely interim notice
domain-answer-status-open-overdue-with-interim = answer missing, with a timely interim notice
domain-answer-status-open-overdue = answer missing, without a timely interim notice
domain-answer-status-pending = answer outstanding, deadline running
domain-answer-status-closed-without-answer = closed without an answer
domain-answer-status-no-deadline = answer without a deadline (does not apply to this case)

## Deadlines and their derivation (deadlines.rs)
domain-retention-delete = delete
domain-retention-anonymize = pseudonymise, anonymise after the archive period
domain-archive-before-retention = archive period { $archive } years: give 1 to 100 years, no fewer than the retention ({ $retention } years), since a case is pseudonymised first and anonymised later
domain-scope-all-types = all types
domain-scope-all-forms = all forms
domain-not-applicable-separate = petitions and Eingaben follow their formal procedure, without a KRM deadline
domain-not-applicable-anonymous = without the customer's address, e-mail, phone or fax (anonymous) nothing can be sent
domain-not-applicable-type = the deadline of the office's instruction does not apply to the type { $kind }
domain-not-applicable-form = the deadline of the office's instruction does not apply to the form { $form }
domain-policy-none-in-force = no deadline policy is in force on { $day } (see 'krm policy show')
domain-policy-from-past = --from { $day } lies in the past: a policy applies from today or later, so cases already received keep their deadlines
domain-policy-preset-unknown = unknown policy preset { $preset } (valid: { $valid })
domain-closure-exists = { $day } is already a closure day ({ $reason })
domain-day-saturday = Saturday
domain-day-sunday = Sunday
domain-day-holiday = public holiday { $name }
domain-day-closure = closure day ({ $reason })
domain-day-shown = { $weekday ->
    [1] Mon
    [2] Tue
    [3] Wed
    [4] Thu
    [5] Fri
    [6] Sat
   *[7] Sun
} { $day }
domain-step-calendar = { $from } + { $days ->
    [one] 1 calendar day
   *[other] { $days } calendar days
} = { $end } (the day itself is not counted, § 187 BGB)
domain-step-moved = { $day } is a { $why } → moved to { $next } (§ 193 BGB, § 26 Abs. 3 SGB X)
domain-step-working = { $days ->
    [one] 1 working day
   *[other] { $days } working days
} from { $from } (the day itself is not counted)
domain-step-day-off = { $day }: no working day ({ $why })
domain-step-working-day = { $day }: working day { $n }
domain-answer-from-receipt = answer period from receipt
domain-answer-from-ack-sent = answer period from the acknowledgment sent on { $day }
domain-answer-from-ack-due = answer period from the acknowledgment's deadline ({ $day }), as long as none was sent

## settings
domain-setting-out-of-range = { $flag } { $given }: allowed are { $lo } to { $hi }
domain-setting = Setting
    .access_log_days = Keep the access log (days)
    .min_unit_cases = Fewest cases per unit for figures on staff
    .audit_years = Keep the register's history, the purge log and retired users' names (years)
    .measure_years = Keep countermeasures after their review or drop (years)

## identity
domain-identity-no-account = the operating system knows no account for whoever started krm; in a shared register only a known account acts
domain-identity-user-refused = --user / KRM_USER { $user }: in a shared register the account you are logged in with acts (here: { $acting }); only root may name another user
domain-identity-today-refused = --today / KRM_TODAY { $today }: in a shared register krm changes things only on the system clock's date ({ $clock }); leave --today out (reading commands may take it, a set-group-id krm never)
domain-identity-officer-only = only an officer adds or changes officers and deputies; your role is { $role }
domain-identity-last-officer = { $name } is the only active officer, and a register needs one; give another person that role first ('krm user role NAME officer')

## Corrections (krm edit, domain::correction)
domain-event-correct = corrected
domain-history-corrected-fact = { $field } corrected: { $old } → { $new }
domain-history-corrected-field = { $field } corrected (the old value is not kept)
domain-history-reason = reason: { $reason }
domain-correct-nothing = case { $no }: nothing to correct — every value is recorded so already; name at least one field with a new value (e.g. --last-name, --received, --concern)
domain-correct-classified = case { $no }: management ({ $by }) decided its type on { $on } (krm classify); the recorded type can no longer be corrected, the decision stands
domain-correct-follow-up = case { $no }: a follow-up is one by its link to the earlier case (krm record --follows); a correction can neither make nor unmake that type — remove the case (krm remove) and record it anew
domain-correct-year = --received { $day }: case { $no } was received in { $year }, and the year is part of its KRM number, printed on the letters to the customer; a receipt in another year is no correction — remove the case (krm remove --reason mistake) and record it anew
domain-correct-after-event = --received { $day }: case { $no } cannot have been received after that — { $what } is already recorded on { $on }
domain-correct-before-followed = --received { $day }: case { $no } follows case { $follows }, which was received only on { $on }
domain-correct-after-follower = --received { $day }: case { $follower } follows case { $no } and was received already on { $on }
domain-correct-moved = --unit: case { $no } was already handed to { $unit } (krm assign --unit); the unit at receipt can be corrected only while the case was not handed on
domain-corrected-type = type
domain-corrected-claimed-type = type as claimed
domain-corrected-form = form
domain-corrected-group = customer group
domain-corrected-intake = received by
domain-corrected-received = date of receipt
domain-corrected-unit = unit
domain-corrected-concern = concerns
domain-corrected-ack-due = acknowledgment deadline
domain-corrected-answer-due = answer deadline
domain-corrected-summary = summary
domain-corrected-salutation = salutation
domain-corrected-title = title
domain-corrected-first-name = first name
domain-corrected-name-prefix = name prefix
domain-corrected-last-name = last name
domain-corrected-street = street
domain-corrected-po-box = PO box
domain-corrected-postcode = postcode
domain-corrected-city = city
domain-corrected-email = e-mail
domain-corrected-phone = phone
domain-corrected-fax = fax

## Removal (krm remove, domain::removal)
domain-removal-mistake = mistake
domain-removal-erasure = erasure request
domain-remove-held = case { $no } is on hold since { $since } (krm hold) and is not removed; lift the hold first (krm release { $no }) when it is no longer needed
