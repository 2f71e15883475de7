# krm report and krm export: headings, explanations, messages.

## Periods
report-month = { $month ->
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

## Head of the report
report-title = KRM report { $period }
report-title-as-of = KRM report { $period } (as of { $as_of })
report-as-of = as of { $as_of }
report-running = The period is still running: the figures are provisional.
report-compared = Compared with { $previous } (previous period) and { $year_ago } (a year before).
report-compared-range = Previous period: { $previous }; a year before: { $year_ago }
report-separate-note = Petitions and Eingaben are evaluated separately. No personal data.
report-recorded-later = Recorded later: { $events ->
    [one] 1 event dated up to the period's end was
   *[other] { $events } events dated up to the period's end were
} recorded after it ({ $cases ->
    [one] 1 case
   *[other] { $cases } cases
}); the figures may have changed because of them.
report-removed-later = Removed: { $cases ->
    [one] 1 case received up to the period's end was
   *[other] { $cases } cases received up to the period's end were
} removed after it (krm remove); the figures changed because of them.
report-anonymous-whole-months = Anonymised cases survive only as monthly figures: every figure of this free range (and of its comparison ranges) includes them for whole months only, here { $taken }, with deadlines judged at each month's end; months covered only in part leave them out: { $partial }; the backlog { $backlog ->
    [yes] includes them (the range ends on a month's last day)
   *[no] leaves them out (the range does not end on a month's last day)
}. Month and year reports give exact figures with them.
report-anonymous-none = none
report-empty = No cases were recorded in { $period }; the tables by type, form, concern and unit are left out.
report-head-current = current
report-head-previous = previous
report-head-year-ago = year ago
report-no-personal-data = No personal data. Made with krm.

## Sections (by dimension)
report-section-overview = Overview
report-section-type = Type of reaction (as decided)
report-section-claimed_type = Type of reaction (as the customer called it)
report-section-form = Form of the reaction
report-section-group = Customer group
report-section-intake = Received by
report-section-unit = Unit concerned
report-section-level = Highest escalation level
report-section-area = Concerns by area
report-section-subarea = Concerns by sub-area
report-section-category = Concerns by category
report-section-compliance_ack = Acknowledgments due in the period
report-section-compliance_answer = Answers due in the period
report-section-compliance_type = Deadlines met by type of reaction
report-section-compliance_unit = Deadlines met by unit
report-section-staff_unit = Concerns about staff behaviour (area 4) by unit
report-section-supervisory_unit = Supervisory complaints by unit
report-measure-justified = of which justified
report-other-units = other units (each under { $min } cases)
report-section-timing = Days from receipt to acknowledgment or answer (sent in the period)
report-section-backlog_age = Cases open at the period's end by age
report-section-backlog_unit = Cases open at the period's end by unit
report-section-separate = Petitions and Eingaben (evaluated separately)

## Measures
report-measure-value = value
report-measure-cases = cases
report-measure-concerns = concerns
report-measure-berechtigt = justified
report-measure-teilweise = partly justified
report-measure-nicht_berechtigt = not justified
report-measure-nicht_feststellbar = not determinable
report-measure-offen = no outcome
report-measure-justified_share = share justified (%)
report-measure-median = median
report-measure-p90 = 90th percentile
report-measure-ack_due = acknowledgments due
report-measure-answer_due = answers due
report-measure-ack_on_time = acknowledgment on time
report-measure-ack_late = acknowledgment late
report-measure-ack_open_overdue = acknowledgment overdue
report-measure-answer_on_time = answer on time
report-measure-answer_late_with_interim = answer late, with interim notice
report-measure-answer_late_without_interim = answer late, without interim notice
report-measure-answer_open_overdue_with_interim = answer overdue, with interim notice
report-measure-answer_open_overdue = answer overdue, without interim notice

## Rows of the overview
report-overview-cases = customer reactions
report-overview-concerns = concerns
report-overview-separate_cases = petitions and Eingaben
report-overview-ack_on_time_share = acknowledgment on time %
report-overview-answer_on_time_share = answer on time %
report-overview-backlog = open at the period's end
report-overview-recorded_later = events up to the period's end, recorded after it
report-overview-removed_later = cases received up to the period's end, removed after it

## Deadline statuses
report-status-ack_on_time = acknowledgment on time
report-status-ack_late = acknowledgment late
report-status-ack_open_overdue = acknowledgment not sent, deadline passed
report-status-ack_pending = acknowledgment not sent, deadline running
report-status-ack_no_deadline = acknowledgment without deadline
report-status-answer_on_time = answer on time
report-status-answer_late_with_interim = answer late, with a timely interim notice
report-status-answer_late_without_interim = answer late, without a timely interim notice
report-status-answer_open_overdue_with_interim = answer missing, with a timely interim notice
report-status-answer_open_overdue = answer missing, without a timely interim notice
report-status-answer_pending = answer not sent, deadline running
report-status-answer_closed_without = closed without an answer
report-status-answer_no_deadline = answer without deadline
report-status-answer_not_started = answer period not begun (no acknowledgment)
report-status-promise_kept = promised date kept
report-status-promise_broken = promised date not kept

## Other rows
report-level = Level { $level } { $name }
report-age-up_to_7 = up to 7 days
report-age-8_to_14 = 8 to 14 days
report-age-15_to_30 = 15 to 30 days
report-age-31_to_90 = 31 to 90 days
report-age-over_90 = over 90 days
report-timing-ack = to the acknowledgment
report-timing-answer = to the answer
report-timing-head = median / 90%

## Terminal tables
report-col-type = Type of reaction
report-col-unit = Unit
report-col-due = due
report-col-on-time = on time
report-col-late = late
report-col-overdue = overdue
report-col-with-interim = with IN
report-col-without-interim = w/o IN
report-col-justified = just. %
report-col-month = Month
report-col-cases = Cases
report-acks = Acknowledgments
report-answers = Answers
report-key-compliance = due: deadline ended in the period; overdue: deadline passed, not sent yet; IN: interim notice sent before the answer deadline.
report-key-justified = just. %: share of the decided concerns found justified in full or in part.
report-trend = Cases received in the last twelve months

## HTML page
report-html-subtitle = Customer reaction management · { $from } to { $to } · as of { $as_of } · compared with { $previous } and { $year_ago }
report-html-running = { $period } · as of { $as_of }
report-html-page = Page
report-html-page-of = of
report-html-card-compared = previous period { $previous } · a year before { $year_ago }
report-html-compliance = Deadlines met
report-html-acks = Acknowledgment
report-html-answers = Answer
report-html-no-ack-deadline = No acknowledgment deadline ended in the period.
report-html-no-answer-deadline = No answer deadline ended in the period.
report-html-by-type = by type of reaction
report-html-by-unit = by unit
report-html-key-compliance = due: deadline ended in the period · overdue: deadline passed, not sent yet · IN: interim notice sent before the answer deadline. A missed deadline stays missed.
report-html-small-below = Small below: { $previous } · { $year_ago }
report-html-top = Most frequent concerns
report-html-no-concerns = No concerns were recorded in the period.
report-html-no-open = No case was open at the period's end.
report-html-no-trend = No cases were recorded in the last twelve months.
report-html-details = Cases by attribute
report-html-concern-outcome = Outcome of the review

## Messages
report-csv-dialect-needs-csv = --csv-dialect goes with --format csv
report-bad-month = --month: { $value } is not a month (expected YYYY-MM, e.g. 2026-03, or MM.YYYY, e.g. 03.2026)
report-bad-year = --year: { $value } is not a year (expected YYYY, e.g. 2026)
report-from-after-to = --from { $from } is after --to { $to }
report-not-begun = The period { $period } has not begun yet (today is { $today }).
report-written = Report { $period } written to { $path }.
export-csv-only = krm export writes CSV only; choose the dialect with --csv-dialect rfc|excel-de
export-from-after-to = --from { $from } is after --to { $to }
export-written = { $cases ->
    [one] 1 case
   *[other] { $cases } cases
} exported to { $path }.
export-anonymised-not-exported = Not exported: { $cases ->
    [one] 1 anonymised case
   *[other] { $cases } anonymised cases
} received { $months } (whole months the range touches); they remain only in the month and year figures of 'krm report'.
# issue 15, intake (commands::report_intake)
report-section-site = Cases by site
report-section-settled_at_once = Reactions settled at once (not recorded, only counted) by form and unit
report-section-reached_because = Personal and telephone reactions by why they reached the officer (HRO 3.2.2)

# Issue 16: countermeasures in the report (domain::measure_report), counts only.
report-section-measure_activity = Countermeasures
report-section-measure_coverage = Justified concerns by category and unit, with countermeasures
report-measure-measures = countermeasures
report-measure-measures_open = open countermeasures
report-measure-measures_done = countermeasures done
report-measures-started = started
report-measures-done = done
report-measures-effective = reviewed effective
report-measures-not_effective = reviewed not effective
report-measures-overdue = overdue at the period's end
report-measures-recorded_later = steps recorded later
report-coverage-label = { $code } { $category } · { $unit }
report-coverage-head = Category · unit
report-coverage-justified = justified
report-coverage-open = open
report-coverage-done = done
report-key-coverage = justified: justified and partly justified concerns answered in the period; open: planned or started countermeasures for them at the period's end; done: done or reviewed effective. 0 and 0: no countermeasure.
report-measures-later = Recorded later: { $steps ->
    [one] 1 step of a countermeasure dated up to the period's end was
   *[other] { $steps } steps of countermeasures dated up to the period's end were
} recorded only afterwards; the figures may have changed because of it.
report-coverage-other-units = other units (each under { $min } justified concerns)
