# Reference data, monthly report and retention (issue 15, refdata)

domain-category-retired-use = category { $code } ({ $path }) is no longer given since { $since }; use instead: { $instead } ({ $instead_path })
domain-category-retired-since = category { $code } ({ $path }) is no longer given since { $since }; in use beside it: { $valid }
domain-categories-label-empty = --label: the label is missing
domain-categories-future = --from { $from } is after today ({ $today }): a change to the categories takes effect today or on an earlier day; please record it on the day itself
domain-categories-exists = category { $code } exists already ({ $path }); codes are never given again
domain-categories-parent-retired = { $parent } is no longer used; no new category goes below it
domain-categories-parent-leaf = { $parent } ({ $label }) is itself a category cases name; a new category goes below an area or sub-area (e.g. 2.2)
domain-categories-next-code = { $code } does not fit: the next below { $parent } is { $next } (codes are appended, never inserted or given again)
domain-categories-formerly-leaf = --formerly { $code }: that is not a category cases name
domain-categories-same-label = category { $code } is already called '{ $label }'
domain-categories-rename-before = category { $code }: --from { $from } is not after the last rename (from { $last }); renames take effect in order
domain-categories-already-retired = category { $code } is no longer given since { $since }
domain-categories-retire-node = { $code } ({ $label }) is an area or sub-area; please retire its categories one by one
domain-categories-instead-self = --instead { $code }: that is the same category
domain-categories-note-added-formerly = { $code } since { $since }; recorded under { $formerly } before
domain-categories-note-added = { $code } since { $since }; not recorded before
domain-categories-note-renamed = { $code } is called '{ $label }' since { $since } (before: '{ $old }')
domain-retention-years-range = { $years } years: pseudonymisation must come 1 to { $archive } years after closing (the archive period at most)
domain-retention-nothing-to-decide = this register has no cases under the ten-year rule ({ $years } years with customer data); there is nothing to decide ('krm policy set' changes the periods)
domain-retention-decided = the decision about the existing cases was taken on { $on } by { $by } ({ $applied ->
        [yes] the new periods apply to them too
       *[no] they keep their period
    }); it is taken once

store-log-category-add = category { $code } '{ $label }' added below { $parent }, for receipts from { $from }{ $formerly ->
        [none] {""}
       *[other] ; recorded under { $formerly } before
    }
store-log-category-rename = category { $code } renamed: '{ $old }' → '{ $label }', for receipts from { $from }
store-log-category-retire = category { $code } '{ $label }' no longer given from { $from }{ $instead ->
        [none] {""}
       *[other] ; instead { $instead }
    }
store-log-report-delivered = monthly report { $month } handed to management ({ $figures } figures kept)
store-log-report-delivered-again = monthly report { $month } handed over again ({ $figures } figures kept)
store-log-retention-decision = retention: from today pseudonymise after { $years } years, anonymise after { $archive } (version { $id }); { $applied ->
        [yes] applies to the { $cases } cases of the ten-year rule too (versions { $versions })
       *[no] the { $cases } cases of the ten-year rule keep their period
    }
store-log-retention-confirmed = retention: pseudonymise { $years } years after closing, anonymise after { $archive } ({ $how ->
        [office] confirmed by the office
       *[default] krm's default, not the instruction's
    })

categories-added = category { $code } added: { $path } (for receipts from { $from })
categories-renamed = category { $code } is called '{ $label }' for receipts from { $from }; older cases keep their label
categories-retired-done = category { $code } is no longer given from { $from }; the cases that name it keep it
categories-retired-instead = category { $code } is no longer given from { $from } (instead { $instead }); the cases that name it keep it

report-section-flag = Flags of BS 4 (cases)
report-delivery-difference = { $section } › { $label } ({ $measure }): { $delivered } → { $now }
report-delivered-unchanged = Delivered on { $on } by { $by }; the figures are unchanged since.
report-delivered-changed = Delivered on { $on } by { $by }; since then { $count ->
        [one] one figure changed
       *[other] { $count } figures changed
    } (delivered → now): { $list }
report-deliver-not-finished = { $period } is not over yet (today { $today }); the report delivered is that of a finished month
report-delivered = report for { $period } recorded as delivered on { $on }, with its figures

cmd-init-pseudonymise-not-here = --pseudonymise-after is for rostock only; { $preset } deletes cases completely after retention (BS 6)
cmd-init-retention = retention: customer data are pseudonymised { $years } years after closing, cases anonymised after the archive period of 10 years
cmd-init-retention-default = retention: customer data are pseudonymised { $years } years after closing — krm's default (§ 84 SGB X, data minimisation), not the instruction's; please check it, and change it with 'krm policy set --retention-years' if need be
cmd-init-retention-explain = The 10 years of HRO 3.8 are for the file in management's archive, not for customer data in the register. krm suggests pseudonymising them { $years } years after closing (§ 84 SGB X, data minimisation) — krm's default, not the instruction's — and anonymising after { $archive } years.
cmd-init-retention-ask = Pseudonymise after how many years from closing
cmd-init-retention-not-a-number = please a number of years

cmd-policy-retention-which = please decide: --apply-to-existing (the new periods apply to the existing cases too) or --new-cases-only (they keep their period)
cmd-policy-retention-none = No cases under the ten-year rule: nothing to decide.
cmd-policy-retention-open = Decision open: { $cases ->
        [one] one case is
       *[other] { $cases } cases are
    } kept with customer data under the ten-year rule. The 10 years of HRO 3.8 are the archived file's; please decide once: 'krm policy retention --pseudonymise-after YEARS --apply-to-existing' or '--new-cases-only'.
cmd-policy-retention-decided = Decided on { $on } by { $by }: pseudonymise after { $years } years, anonymise after { $archive }; { $applied ->
        [yes] applies to the cases recorded before too
       *[no] the cases recorded before keep their period
    }.
cmd-policy-retention-applied = version { $id } from { $from }: pseudonymise after { $years } years; it applies to { $cases ->
        [one] the one case
       *[other] the { $cases } cases
    } of the ten-year rule too ('krm purge --dry-run' shows what the next purge pseudonymises)
cmd-policy-retention-kept = version { $id } from { $from }: pseudonymise after { $years } years for new cases; { $cases ->
        [one] the one case
       *[other] the { $cases } cases
    } of the ten-year rule keep their period
cmd-policy-retention-default = { $years } years is krm's default (§ 84 SGB X, data minimisation), not the instruction's
report-deliver-month-only = --deliver: only a month's report is delivered (--month YYYY-MM), not a year's or a range's
categories-retired-since = no longer used since { $on }
categories-retired-since-instead = no longer used since { $on }; instead { $instead }
policy-row-report = Monthly report
policy-report-day = to management by day { $day } of the following month (krm report --deliver)
policy-report-day-none = no fixed day
