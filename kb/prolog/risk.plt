/*  Tests of risk.pl: D26, D27, D31.  Expectations derived by hand from
    docs/semantics.md, section 7.
*/

:- use_module(aigc_engine(test_support)).

risk_eval(Add, Options, C) :-
    variant(provider_case, Add, [], F),
    eval(F, Options, C).

:- begin_tests(d26_insurance_fund).

test(inadvertent_provider_covered) :-
    risk_eval([party(ins), covered_by(prov, ins, insurance),
               inadvertent(prov, o)], [], C),
    assertion(has(C, insurance(prov, ins), [d26])).
test(developer_fund) :-
    risk_eval([party(fund), covered_by(dev, fund, fund),
               inadvertent(dev, o)], [], C),
    assertion(has(C, insurance(dev, fund), [d26])).
%   Negative: not proven inadvertent.
test(not_inadvertent) :-
    risk_eval([party(ins), covered_by(prov, ins, insurance)], [], C),
    assertion(lacks(C, insurance(_, _))).
%   Negative: intentional infringement is not covered.
test(intentional) :-
    risk_eval([party(ins), covered_by(prov, ins, insurance),
               inadvertent(prov, o), intent_proven(prov, o)], [], C),
    assertion(lacks(C, insurance(_, _))).
%   Negative: a user is no provider or developer.
test(user_not_covered) :-
    risk_eval([party(ins), covered_by(usr, ins, insurance),
               inadvertent(usr, o), user_knew(usr, o)], [], C),
    assertion(has(C, liable(usr, secondary, reproduction, generation), [d10])),
    assertion(lacks(C, insurance(_, _))).
%   Negative: a provider not liable needs no cover.
test(provider_not_liable) :-
    risk_eval([party(ins), covered_by(prov, ins, insurance),
               inadvertent(prov, o)], [regime(fault)], C),
    assertion(lacks(C, insurance(_, _))).

:- end_tests(d26_insurance_fund).

:- begin_tests(d27_contract_allocation).

test(assessor) :-
    risk_eval([party(arb), assessment_clause(prov, dev, arb)], [], C),
    assertion(has(C, assessor(prov, dev, arb), [d27])).
test(no_clause) :-
    risk_eval([], [], C),
    assertion(lacks(C, assessor(_, _, _))).
test(indemnity) :-
    risk_eval([indemnifies(dev, prov)], [], C),
    assertion(has(C, recourse(prov, dev, indemnity), [d27, d31])),
    % never the liability owed to the rights holder
    assertion(has(C, liable(prov, primary, reproduction, generation),
                  [d07, d13])).
%   Negative: a disclaimer of the developer's liability towards the provider.
test(indemnity_disclaimed) :-
    risk_eval([indemnifies(dev, prov), disclaimer(dev, prov)], [], C),
    assertion(lacks(C, recourse(_, _, _))).

:- end_tests(d27_contract_allocation).

:- begin_tests(d31_recourse).

%   Under notice and takedown the good-faith user is liable: recourse
%   against the provider.
test(good_faith_user) :-
    risk_eval([], [regime(notice_and_takedown)], C),
    assertion(has(C, recourse(usr, prov, good_faith_user), [d31])).
test(good_faith_user_disclaimer) :-
    risk_eval([disclaimer(prov, usr)], [regime(notice_and_takedown)], C),
    assertion(lacks(C, recourse(_, _, _))).
%   Negative: a user that knew has no recourse.
test(knowing_user) :-
    risk_eval([user_knew(usr, o)], [regime(notice_and_takedown)], C),
    assertion(has(C, liable(usr, primary, reproduction, generation), [d13])),
    assertion(lacks(C, recourse(usr, _, _))).
test(user_induced) :-
    risk_eval([intent_proven(usr, o)], [], C),
    assertion(has(C, recourse(prov, usr, user_induced), [d11, d31])).
test(user_induced_disclaimer) :-
    risk_eval([intent_proven(usr, o), disclaimer(usr, prov)], [], C),
    assertion(lacks(C, recourse(_, _, _))).
%   Negative: nobody liable has a cause: no recourse.
test(no_recourse) :-
    risk_eval([], [], C),
    assertion(lacks(C, recourse(_, _, _))).

:- end_tests(d31_recourse).
