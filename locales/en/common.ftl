stdout-failed = cannot write the output to stdout: { $cause }
date-invalid = { $value } is not a valid date (use TT.MM.JJJJ, e.g. 08.03.2026, TT.MM.JJ, e.g. 8.3.26, or YYYY-MM-DD, e.g. 2026-03-08)
common-from-after-to = --from { $from } is after --to { $to }
common-no-case = no case { $krm_no } in this register (see 'krm list')
