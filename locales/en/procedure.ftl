# The office's procedure (domain::procedure, krm policy procedure).
domain-rule =
    .supervisory_gate = A claimed supervisory complaint is answered or closed only after management decided (BS 5.1)
    .supervisory_statement = The answer to a supervisory complaint follows the team lead's statement and is signed by management (BS 5.3)
    .copy_officer = The KRM officer receives a copy of the team lead's answer (BS 5.3)
    .copy_teamlead = The team lead receives a copy of the answer to a supervisory complaint (BS 5.3)
    .copy_management = Every answer goes to management for information (HRO 3.6)
    .officer_only_writes = Only the KRM officer and deputy write to the register (HRO 3.3)
    .recording_gate = Personal and telephone reactions in a department are recorded only when they cannot be settled at once (BS 5.1)
    .reached_reason = The case records why it reached the KRM officer (HRO 3.2.2)
    .ack_time_frame = The acknowledgment names a time frame or says why not (HRO 3.5.1)
    .ack_contact = The first reply to a letter names a contact person (HRO 3.5.1)
    .petition_bundestag = A petition is addressed to the Bundestag, an Eingabe to another state body (HRO 3.1.4/3.1.5)
    .site_limit = Users see only the cases of their site
domain-rule-assignment = { $given } is no rule with a value: KEY=on or KEY=off (rules: { $valid })
domain-rule-unknown = unknown rule { $given } (valid: { $valid })
domain-rule-value = { $given } is not a rule's value: on or off
domain-due-decision = management's decision
domain-due-statement = team lead's statement
domain-due-copy = copy of the answer
domain-due-appointment = appointment with management
domain-due-petition-statement = statement on the petition/Eingabe
domain-due-hold-review = review of the hold
domain-due-report = monthly report
cmd-due-kind-decision = Decision
cmd-due-kind-statement = Statement
cmd-due-kind-copy = Copy
cmd-due-kind-appointment = Appointm.
cmd-due-kind-petition-statement = Petition
cmd-due-kind-hold-review = Hold
cmd-due-kind-report = Report
store-log-procedure-rule = procedure rule { $rule } { $on ->
        [true] switched on
       *[other] switched off
    }
store-log-procedure-evaluate = evaluation { $on ->
        [true] granted to
       *[other] revoked from
    } { $role }
store-log-procedure-kept = evaluation kept for { $role } on upgrade
cmd-procedure-col =
    .rule = Rule
    .on = applies
    .preset = preset
    .meaning = Meaning
cmd-procedure-on = yes
cmd-procedure-off = no
cmd-procedure-preset = Procedure of the preset { $preset }; the office's changes show in the column "applies".
cmd-procedure-evaluators = May evaluate: { $roles }
cmd-procedure-unchanged = Nothing changed: the procedure is already so.
cmd-procedure-rule-set = Rule { $rule }: { $on ->
        [true] applies now
       *[other] no longer applies
    } ({ $meaning })
cmd-procedure-evaluate-set = Evaluation for { $role }: { $on ->
        [true] granted
       *[other] revoked
    }
cmd-procedure-not-grantable = The role { $role } cannot be granted evaluation (possible: { $valid }); the KRM officer and deputy always evaluate (HRO 3.9).
