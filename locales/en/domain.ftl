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
domain-period-not-a-month = { $value } is not a month (expected YYYY-MM, e.g. 2026-03, or MM.YYYY, e.g. 03.2026)
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
domain-refuse-anonymised = { $no } was anonymised on { $on } when its retention period ran out; it can no longer be changed (SPEC §6)
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
domain-refuse-assigned = { $no } is already assigned; nothing to change
domain-refuse-assigned-to = { $no } is already assigned to { $name }; nothing to change
domain-refuse-assigned-in = { $no } is already assigned in unit { $unit }; nothing to change
domain-refuse-assigned-to-in = { $no } is already assigned to { $name } in unit { $unit }; nothing to change
domain-refuse-top-level = { $no } is already at Stufe 4 ({ $top }), the top of the ladder
domain-refuse-level-off-ladder = --to { $to }: the ladder has Stufen 1 to 4
domain-refuse-level-down = { $no } is at Stufe { $level } ({ $name }); escalation only goes up, to Stufe { $next } or higher
domain-refuse-appointment-missing = Stufe 4 is an appointment with management (HRO 3.7): give its date with --appointment DATE
domain-refuse-appointment-before-receipt = --appointment { $day } lies before the case was received ({ $received })
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
