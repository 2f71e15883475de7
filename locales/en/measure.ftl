## Issue 16: countermeasures

measure-year-full = the year { $year } already has 9999 countermeasures; there is no further number
measure-no-invalid = { $value } is not a countermeasure's number; expected M-YYYY-NNNN, e.g. M-2026-0001
measure-status-planned = planned
measure-status-in_progress = in progress
measure-status-done = done
measure-status-effective = effective
measure-status-not_effective = not effective
measure-status-dropped = dropped
measure-status-unknown = { $value } is not a countermeasure's status; possible are { $valid } (or the German geplant, in_umsetzung, umgesetzt, wirksam, nicht_wirksam, verworfen)
measure-step-add = created
measure-step-start = started
measure-step-done = done
measure-step-review = reviewed
measure-step-drop = dropped
measure-step-owner = new owner
measure-step-due = new due date
measure-step-review_on = new review date
measure-step-link = linked
measure-step-note = note
measure-step-broken = a stored step '{ $step }' of this countermeasure is incomplete; the register was changed outside krm
measure-in-future = { $day } lies after today ({ $today }): a step is recorded once it is taken
measure-final = { $no } is { $status }: only a note can follow ('krm measure note'); for a new attempt, a new countermeasure with --follows { $no }
measure-before = { $day } lies before the day the countermeasure { $what } ({ $last })
measure-what-created = was created
measure-what-started = was started
measure-what-done = was done
measure-what-last = last moved on
measure-not-planned = { $no } is { $status }, not planned: a countermeasure is started once
measure-done-not-started = { $no } has not been started: first 'krm measure start { $no }' (with --on DAY if it began earlier)
measure-not-in-progress = { $no } is { $status }, not in progress
measure-done-needs-what = --what is missing: what was done? (no customer data)
measure-review-before-done = the review date { $review } lies before completion on { $done }
measure-review-not-done = { $no } is { $status }: a countermeasure is reviewed once done (first 'krm measure done { $no } --what TEXT')
measure-drop-done = { $no } is { $status }: only a planned or started countermeasure is dropped; a done one is reviewed ('krm measure review { $no } --not-effective')
measure-drop-needs-reason = --reason is missing: why is the countermeasure dropped?
measure-same-owner = { $no } is already owned by { $owner }
measure-due-not-open = { $no } is { $status }: only a planned or started countermeasure has a due date
measure-due-past = the due date { $due } lies before today ({ $today }); a due date is today or later
measure-personal = { $field } { $value }: a countermeasure holds no customer data — no KRM number (link the case with --case), no e-mail address, no customer, BG or phone number
measure-unknown = there is no countermeasure { $no } ('krm measure list' shows them all)
measure-owner-unknown = --owner { $name }: not an active person of this register (neither a user nor on the staff list); someone without access goes on the staff list with 'krm staff add NAME'
measure-unit-unknown = --unit { $unit }: not a unit of this register ('krm unit list' shows them)
measure-link-nothing-new = { $no } is already linked to everything named
store-log-measure-add = countermeasure { $no } created
store-log-measure-step = countermeasure { $no }: { $step ->
        [start] started
        [done] done
        [review] reviewed
        [drop] dropped
        [owner] new owner
        [due] new due date
        [review_on] new review date
        [link] linked
       *[other] note
    }
measure-form-no-customer-data = A countermeasure holds no customer data: no names, no KRM numbers (cases are linked with --case), no addresses, customer or phone numbers. Titles and notes describe what is done.
measure-ask-title = What will be done (title)
measure-ask-owner = Who is responsible (a user or the staff list)
measure-ask-due = By when (DD.MM.YYYY)
measure-missing = { $flags } missing (a countermeasure has a title, an owner and a due date)
measure-title-empty = --title is empty: what will be done?
measure-needs-subject = a countermeasure goes back to something: at least one case (--case), category (--concern) or unit (--unit)
measure-not-own = { $user } ({ $role }) records progress only on their own countermeasures; { $no } is owned by { $owner }
measure-not-visible = { $user } does not see { $no }: team and area leads see their own countermeasures and those of their units
measure-linked = { $no } linked to { $what }
measure-said-done = { $no } is done; it is reviewed on { $review } ('krm measure review')
measure-said-owner = { $no } is now owned by { $owner }
measure-said-due = { $no } is now due on { $due }
measure-said-review-on = { $no } is reviewed on { $review }
measure-said-note = note on { $no } recorded
measure-said-status = { $no } is now { $status }
measure-overdue-since = { $status }, overdue since { $due }
measure-overdue = { $status }, overdue
measure-review-due = { $status }, review due
measure-review-short = review { $review }
measure-owner-left = { $owner } (left: reassign with 'krm measure assign')
measure-whole-office = whole Jobcenter
measure-field-no = Number
measure-field-title = Title
measure-field-status = Status
measure-field-owner = Owner
measure-field-unit = Unit
measure-field-due = Due
measure-field-review = Review
measure-field-categories = Categories
measure-field-units = Units
measure-field-cases = Cases
measure-field-follows = follows
measure-col-day = Day
measure-col-step = Step
measure-col-by = by
measure-col-detail = Details
measure-col-no = Number
measure-col-status = Status
measure-col-owner = Who
measure-col-due = Due
measure-col-title = Title
measure-recorded-on = { $day } (recorded { $on })
measure-detail-add = due { $due }, owner { $owner }
measure-detail-review = review on { $review }
measure-detail-due = due { $due }
measure-none = no countermeasures
measure-interrupted = interrupted: no countermeasure recorded
measure-reschedule-nothing = what is moved? --due DATE (due date) or --review DATE (review)
measure-link-nothing = link to what? --case KRM-NO, --concern CODE or --unit UNIT
measure-field-before = Justified concerns before
measure-field-after = Justified concerns after
measure-evidence-window = { $justified } from { $from } to { $to } ({ $days } days)
measure-evidence-not-done = not done yet
measure-review-short-due = review { $review }, due
measure-due-overdue = { $due }, overdue

# krm due (issue 16): a measure's items, by number and owner only
measure-due-measure = Countermeasure due
measure-due-review = Review of the countermeasure (follow-up)
measure-due-owner = Countermeasure whose owner left: reassign
measure-due-kind-measure = Measure
measure-due-kind-review = Review
measure-due-kind-owner = Reassign
measure-left-behind = { $count ->
        [one] One countermeasure
       *[other] { $count } countermeasures
    } of { $name } to reassign: { $list } (krm measure assign M-NO --owner NAME)
measure-suggest-intro = Justified concerns from { $from } to { $to }, at least { $threshold } per category and unit, without an open countermeasure:
measure-suggest-none = no suggestions: from { $from } to { $to } no category in a unit without an open countermeasure reaches { $threshold } justified concerns
measure-suggest-col-category = Category
measure-suggest-col-unit = Unit
measure-suggest-col-justified = justified
measure-suggest-col-done = done measures
