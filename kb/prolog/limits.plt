/*  Tests of limits.pl: D22-D25.  Expectations derived by hand from
    docs/semantics.md, sections 5 and 6.
*/

:- use_module(aigc_engine(test_support)).

lim_eval(Add, Options, C) :-
    variant(provider_case, Add, [], F),
    eval(F, Options, C).

:- begin_tests(d22_exemption).

test(force_majeure) :-
    lim_eval([force_majeure(o)], [], C),
    assertion(has(C, limitation(prov, exempt, force_majeure), [d22])),
    assertion(lacks(C, remedy(prov, _))),
    % the paper's scope: the provider only
    assertion(lacks(C, limitation(dev, _, _))),
    assertion(has(C, remedy(dev, damages), [d24])).
test(all_parties) :-
    lim_eval([force_majeure(o)], [position(exemption_scope, all_parties)], C),
    assertion(has(C, limitation(prov, exempt, force_majeure), [d22])),
    assertion(has(C, limitation(dev, exempt, force_majeure), [d22])),
    assertion(lacks(C, remedy(_, _))).
%   Negative: no ground of exemption.
test(no_exemption) :-
    lim_eval([], [], C),
    assertion(lacks(C, limitation(_, _, _))),
    assertion(has(C, remedy(prov, damages), [d24])).
test(rights_holder_misconduct) :-
    lim_eval([holder_misconduct(rh, o)], [], C),
    assertion(has(C, limitation(prov, exempt, rights_holder_misconduct),
                  [d22])),
    assertion(lacks(C, remedy(prov, _))).
%   Negative: the misconduct of someone who holds no right in w.
test(misconduct_of_a_stranger) :-
    lim_eval([party(x), holder_misconduct(x, o)], [], C),
    assertion(lacks(C, limitation(_, _, _))).
%   Under whichever regime makes the provider liable; none if it is not.
test(regime_fault_liable) :-
    lim_eval([force_majeure(o), breach_proven(prov), fault_proven(prov)],
             [regime(fault)], C),
    assertion(has(C, limitation(prov, exempt, force_majeure), [d22])).
test(regime_fault_not_liable) :-
    lim_eval([force_majeure(o)], [regime(fault)], C),
    assertion(lacks(C, limitation(prov, _, _))).
%   A disseminator of the output, under all_parties.
test(disseminator_all_parties) :-
    lim_eval([party(x), made_available(x, o), force_majeure(o)],
             [position(exemption_scope, all_parties)], C),
    assertion(has(C, limitation(x, exempt, force_majeure), [d22])).
test(disseminator_provider_scope) :-
    lim_eval([party(x), made_available(x, o), force_majeure(o)], [], C),
    assertion(lacks(C, limitation(x, _, _))),
    assertion(has(C, remedy(x, damages), [d24])).

:- end_tests(d22_exemption).

:- begin_tests(d23_mitigation).

test(gross_negligence) :-
    lim_eval([holder_gross_negligence(rh, o)], [], C),
    assertion(has(C, limitation(prov, mitigated, rights_holder_negligence),
                  [d23])),
    assertion(has(C, remedy_factor(prov, mitigation), [d24])),
    assertion(has(C, remedy(prov, damages), [d24])),
    assertion(lacks(C, limitation(dev, _, _))).
test(all_parties) :-
    lim_eval([holder_gross_negligence(rh, o)],
             [position(exemption_scope, all_parties)], C),
    assertion(has(C, limitation(dev, mitigated, rights_holder_negligence),
                  [d23])),
    assertion(has(C, remedy_factor(dev, mitigation), [d24])).
%   Negative: negligence of someone who holds no right in w.
test(negligence_of_a_stranger) :-
    lim_eval([party(x), holder_gross_negligence(x, o)], [], C),
    assertion(lacks(C, limitation(_, _, _))),
    assertion(lacks(C, remedy_factor(_, mitigation))).

:- end_tests(d23_mitigation).

:- begin_tests(d24_damages).

test(every_liable_party) :-
    lim_eval([], [], C),
    assertion(has(C, remedy(prov, damages), [d24])),
    assertion(has(C, remedy(dev, damages), [d24])),
    assertion(lacks(C, remedy(usr, _))),
    assertion(lacks(C, remedy(rh, _))).
test(training_liability) :-
    scenario(training_case, F),
    eval(F, [], C),
    assertion(has(C, remedy(dev, damages), [d24])).
test(inadvertence) :-
    lim_eval([inadvertent(prov, o)], [], C),
    assertion(has(C, remedy_factor(prov, inadvertence), [d24])).
test(provider_knowledge) :-
    lim_eval([provider_knew(prov, o)], [], C),
    assertion(has(C, remedy_factor(prov, knowledge), [d24])).
test(intent) :-
    lim_eval([intent_proven(usr, o)], [], C),
    assertion(has(C, remedy_factor(usr, intent), [d24])),
    assertion(has(C, remedy(usr, damages), [d24])).
test(intent_by_evidence) :-
    lim_eval([fine_tuned_on(usr, sys, w)], [], C),
    assertion(has(C, remedy_factor(usr, intent), [d24])).
%   Negative: nothing the facts supply, no factor.
test(no_factors) :-
    lim_eval([], [], C),
    assertion(lacks(C, remedy_factor(_, _))).
%   Negative: an exempt party owes nothing, factors included.
test(exempt_no_damages) :-
    lim_eval([force_majeure(o), inadvertent(prov, o)], [], C),
    assertion(lacks(C, remedy(prov, damages))),
    assertion(lacks(C, remedy_factor(prov, _))).

:- end_tests(d24_damages).

:- begin_tests(d25_liability_rule_remedy).

test(injunction_by_default) :-
    lim_eval([], [], C),
    assertion(has(C, remedy(prov, injunction), [d25])),
    assertion(lacks(C, remedy(_, licence_fee))).
test(licence_fee) :-
    lim_eval([], [position(remedy, licence_fee)], C),
    assertion(has(C, remedy(prov, licence_fee), [d25])),
    assertion(has(C, remedy(prov, damages), [d24])),
    assertion(lacks(C, remedy(_, injunction))).

:- end_tests(d25_liability_rule_remedy).
