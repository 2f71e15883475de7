## Issue 15, roles: units and areas, the staff list, what a team or area lead sees

domain-unit-empty = { $field } is empty
domain-unit-unknown = unknown unit { $unit } (known: { $known }); a unit comes into being with the first case that names it
domain-unit-same-name = { $unit } is already this unit's name
domain-unit-rename-exists = { $new } exists already: a duplicate is merged with 'krm unit merge { $old } { $new }', a reorganisation is 'krm unit rename … --from DATE'
domain-unit-merge-self = { $unit } cannot be merged with itself
domain-unit-merge-retired = { $unit } no longer exists since { $day }; cases only move into a unit that exists
domain-unit-from-future = { $day } is after today ({ $today }); a change to the units is recorded on or after the day it takes effect
domain-unit-already-retired = { $unit } no longer exists since { $day }
domain-unit-retired = The unit { $unit } no longer exists since { $day } (krm unit list --all)
domain-staff-name = the name
domain-staff-unknown-post = unknown post { $post } (valid: { $valid })
domain-staff-is-user = { $name } is a user of this register; the staff list holds only people who are not users (one name, one person)
domain-staff-exists = { $name } is on the staff list since { $day } (krm staff list)
domain-staff-user-taken = { $name } is on the staff list; a user needs another name (one name, one person)
domain-staff-already-retired = { $name } is no longer on the staff list since { $day }
domain-staff-retire-day = { $day } does not fit: leaving lies between joining the list ({ $added }) and today ({ $today })

store-no-such-staff = '{ $name }' is not on the staff list (krm staff list --all shows everyone)
store-log-staff-add = { $name } on the staff list ({ $post }, { $unit })
store-log-staff-retire = { $name } off the staff list from { $day }
store-log-unit-area = Area of unit { $unit }: { $area }
store-log-unit-rename = Unit { $old } is now called { $new } (correction, { $cases } cases)
store-log-unit-merge = Unit { $from } merged into { $into } ({ $cases } cases)
store-log-unit-reorganise = Unit { $old } continued as { $new } from { $day } ({ $cases } cases from then)
store-log-unit-retire = Unit { $unit } dissolved from { $day }

cmd-unit-area-set = { $unit } now belongs to the area { $area }
cmd-unit-area-cleared = { $unit } now belongs to no area
cmd-unit-renamed = { $old } is now called { $new }; { $cases ->
    [one] one case reads
   *[other] { $cases } cases read
} with the new name, in earlier reports too
cmd-unit-reorganised = { $old } is { $new } from { $day }; { $cases ->
    [one] one case from that day belongs
   *[other] { $cases } cases from that day belong
} to { $new } now, older ones keep { $old }
cmd-unit-merged = { $from } is merged into { $into }; { $cases ->
    [one] one case belongs
   *[other] { $cases } cases belong
} to { $into } now
cmd-unit-retired = { $unit } no longer exists from { $day }; its cases keep the unit
cmd-unit-none = No units; a unit comes into being with the first case that names it.
cmd-unit-continued = { $day } (continued as { $unit })
cmd-unit-col = Columns of the unit list
    .name = Unit
    .area = Area
    .cases = Cases
    .people = Users
    .until = until

cmd-scope-not-visible = { $user } ({ $role }) sees only the cases of their own units ({ $units }) and those assigned to them; { $krm_no } is not one of them

cmd-staff-added = { $name } is now on the staff list ({ $post }, { $unit })
cmd-staff-retired = { $name } is off the staff list from { $day }; the history keeps the name
cmd-staff-none = The staff list is empty.
cmd-staff-col = Columns of the staff list
    .name = Name
    .unit = Unit
    .post = Post
    .since = since
    .until = until
cmd-staff-post = Posts of the staff list
    .teamleitung = Team lead
    .bereichsleitung = Area lead
    .geschaeftsfuehrung = Management
    .mitarbeiter = Staff member

cmd-audit-roles = Changes to units and the staff list
    .unit-area = Area of a unit
    .unit-rename = Unit renamed
    .unit-merge = Units merged
    .unit-reorganise = Unit reorganised
    .unit-retire = Unit dissolved
    .staff-add = Added to the staff list
    .staff-retire = Off the staff list

cmd-demo-team-lead = The team lead { $name } ({ $units }) sees { $seen } of the { $all } cases: those of their units and those assigned to them.
cmd-demo-as-team-lead = (what the team lead sees)
cmd-unit-continued-by = The unit { $old } is continued as { $new } on the day of receipt; the case belongs to { $new }
