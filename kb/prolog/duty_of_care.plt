/*  Tests of duty_of_care.pl: D14 (duty of care), D28 (labelling evidence).
    Expectations derived by hand from docs/semantics.md, sections 1 and 3.
*/

:- use_module(aigc_engine(test_support)).

%   provider_case under `fault` with the provider's fault proven: it is
%   liable exactly when a breach is proven.
doc_fault_case(Add, Remove, C) :-
    variant(provider_case, [fault_proven(prov)|Add], Remove, F),
    eval(F, [regime(fault)], C).

doc_liable_by_breach(C) :-
    has(C, liable(prov, primary, reproduction, generation), [d07, d13, d14]),
    lacks(C, not_liable(prov, _, _)).

doc_no_breach(C) :-
    lacks(C, liable(prov, _, _, _)),
    has(C, not_liable(prov, provider, breach_not_proven), [d13, d14]).

doc_full_reversal([regime(presumed_fault),
               position(presumed_fault_burden, full_reversal)]).

%   A provider that proves every duty met for provider_case.
doc_duties(Extra, F) :-
    variant(provider_case,
            [ complaint_mechanism(prov), risk_warning(prov),
              labels_outputs(prov), due_diligence(prov, sys)
            | Extra ], [], F).

:- begin_tests(d14_duty_of_care).

test(no_breach_proven) :-
    doc_fault_case([], [], C),
    assertion(doc_no_breach(C)).
test(breach_proven) :-
    doc_fault_case([breach_proven(prov)], [], C),
    assertion(doc_liable_by_breach(C)).
test(no_complaint_mechanism) :-
    doc_fault_case([no_complaint_mechanism(prov)], [], C),
    assertion(doc_liable_by_breach(C)).
test(no_risk_warning) :-
    doc_fault_case([no_risk_warning(prov)], [], C),
    assertion(doc_liable_by_breach(C)).
test(no_ai_labels) :-
    doc_fault_case([no_ai_labels(prov)], [], C),
    assertion(doc_liable_by_breach(C)).
test(no_filtering_of_well_known_work) :-
    doc_fault_case([no_filtering(prov, w), well_known(w)], [], C),
    assertion(doc_liable_by_breach(C)).
%   Negative: not filtering a work neither well known nor notified.
test(no_filtering_of_ordinary_work) :-
    doc_fault_case([no_filtering(prov, w)], [], C),
    assertion(doc_no_breach(C)).
test(no_filtering_of_notified_work) :-
    doc_fault_case([no_filtering(prov, w), notice_received(prov, o)], [], C),
    assertion(doc_liable_by_breach(C)).
%   dev, not prov, developed sys: a third-party model.
test(no_due_diligence_on_third_party_model) :-
    doc_fault_case([no_due_diligence(prov, sys)], [], C),
    assertion(doc_liable_by_breach(C)).
%   Negative: the provider's own model is no third-party model.
test(no_due_diligence_on_own_model) :-
    doc_fault_case([no_due_diligence(prov, sys)], [developer(dev, sys)], C),
    assertion(doc_no_breach(C)).
test(no_due_diligence_via_api) :-
    doc_fault_case([no_due_diligence(prov, sys), via_api(prov, sys)],
               [developer(dev, sys)], C),
    assertion(doc_liable_by_breach(C)).
test(recommends_infringing_output) :-
    doc_fault_case([recommends(prov, o)], [], C),
    assertion(doc_liable_by_breach(C)).
%   Negative: recommending an output that infringes nothing.
test(recommends_lawful_output) :-
    doc_fault_case([output(o2), generated_by(o2, sys), recommends(prov, o2)],
               [], C),
    assertion(doc_no_breach(C)).

%   presumed_fault, full_reversal: the provider must prove every duty met.
test(full_reversal_nothing_proven) :-
    scenario(provider_case, F),
    doc_full_reversal(O),
    eval(F, O, C),
    assertion(has(C, liable(prov, primary, reproduction, generation),
                  [d07, d13, d14])).
test(full_reversal_duties_met) :-
    doc_duties([], F),
    doc_full_reversal(O),
    eval(F, O, C),
    assertion(lacks(C, liable(prov, _, _, _))),
    assertion(has(C, not_liable(prov, provider, duties_met), [d13, d14])).
%   Negative: one duty not proven met.
test(full_reversal_no_risk_warning_proven) :-
    doc_duties([], F0),
    selectchk(risk_warning(prov), F0, F),
    doc_full_reversal(O),
    eval(F, O, C),
    assertion(has(C, liable(prov, primary, reproduction, generation),
                  [d07, d13, d14])).
test(full_reversal_due_diligence_missing) :-
    doc_duties([], F0),
    selectchk(due_diligence(prov, sys), F0, F),
    doc_full_reversal(O),
    eval(F, O, C),
    assertion(has(C, liable(prov, primary, reproduction, generation),
                  [d07, d13, d14])).
%   A well-known work copied by its output must be filtered.
test(full_reversal_filtering_duty) :-
    doc_duties([well_known(w)], F),
    doc_full_reversal(O),
    eval(F, O, C),
    assertion(has(C, liable(prov, primary, reproduction, generation),
                  [d07, d13, d14])).
test(full_reversal_filtering_met) :-
    doc_duties([well_known(w), filters_work(prov, w)], F),
    doc_full_reversal(O),
    eval(F, O, C),
    assertion(has(C, not_liable(prov, provider, duties_met), [d13, d14])).
%   A proven breach defeats the duties met.
test(full_reversal_breach_proven) :-
    doc_duties([no_risk_warning(prov)], F0),
    selectchk(risk_warning(prov), F0, F),
    doc_full_reversal(O),
    eval(F, O, C),
    assertion(has(C, liable(prov, primary, reproduction, generation),
                  [d07, d13, d14])).

:- end_tests(d14_duty_of_care).

:- begin_tests(d28_labelling_by_aia_tags).

%   Positive: every output of the provider's systems carries an AIA tag.
test(aia_tags_meet_labelling) :-
    doc_duties([aia_tag(o)], F0),
    selectchk(labels_outputs(prov), F0, F),
    doc_full_reversal(O),
    eval(F, O, C),
    assertion(has(C, not_liable(prov, provider, duties_met), [d13, d14])),
    assertion(lacks(C, liable(prov, _, _, _))).
%   Negative: one untagged output of the same system.
test(untagged_output) :-
    doc_duties([aia_tag(o), output(o2), generated_by(o2, sys)], F0),
    selectchk(labels_outputs(prov), F0, F),
    doc_full_reversal(O),
    eval(F, O, C),
    assertion(has(C, liable(prov, primary, reproduction, generation),
                  [d07, d13, d14])).

:- end_tests(d28_labelling_by_aia_tags).
