/*  Tests of params.pl: the regime and the choice points (D13 and the
    choice points of kb/vocabulary.yaml).
*/

:- use_module(aigc_engine(test_support)).
:- use_module(params).

:- begin_tests(params).

test(defaults) :-
    resolve_reading([], R),
    assertion(R == reading(strict,
                           [ default_owner-provider,
                             developer_without_measures-contributory,
                             exemption_scope-provider,
                             human_contribution_threshold-original_contribution,
                             personal_fair_use_noncommercial-rejected,
                             presumed_fault_burden-breach_proven_fault_presumed,
                             provider_own_dissemination-direct_act,
                             provider_when_user_induces-joint,
                             remedy-injunction,
                             tdm_exception-rejected
                           ])).
test(each_regime,
     forall(member(R, [strict, presumed_fault, fault, notice_and_takedown]))) :-
    resolve_reading([regime(R)], reading(R1, _)),
    assertion(R1 == R).
test(each_position,
     forall(( choice_point(P, _, _, Ps), member(X, Ps) ))) :-
    resolve_reading([position(P, X)], reading(strict, Positions)),
    assertion(memberchk(P-X, Positions)),
    aggregate_all(count, choice_point(_, _, _, _), N),
    length(Positions, N).
test(identical_duplicates) :-
    resolve_reading([regime(fault), regime(fault)], reading(fault, _)).
test(open_regime, error(domain_error(regime, open))) :-
    resolve_reading([regime(open)], _).
test(unknown_regime, error(domain_error(regime, lenient))) :-
    resolve_reading([regime(lenient)], _).
test(unknown_point, error(domain_error(choice_point, speed))) :-
    resolve_reading([position(speed, high)], _).
test(open_position, error(domain_error(position(remedy), open))) :-
    resolve_reading([position(remedy, open)], _).
test(unknown_position, error(domain_error(position(remedy), apology))) :-
    resolve_reading([position(remedy, apology)], _).
test(unknown_option, error(domain_error(aigc_option, verbose(true)))) :-
    resolve_reading([verbose(true)], _).
test(conflicting, error(domain_error(consistent_options, _))) :-
    resolve_reading([regime(strict), regime(fault)], _).
test(unbound_option, error(instantiation_error)) :-
    resolve_reading([_], _).
test(not_a_list, error(type_error(list, strict))) :-
    resolve_reading(strict, _).
%   The API rejects them too, before loading anything.
test(api_rejects_open, error(domain_error(regime, open))) :-
    scenario(provider_case, F),
    evaluate_case(F, [regime(open)], _).
%   Outside an evaluation there is no reading.
test(no_reading_outside_evaluation) :-
    assertion(\+ regime(_)),
    assertion(\+ position(_, _)).
%   Each choice point cites its doctrine.
test(choice_point_doctrines) :-
    forall(choice_point(_, D, _, _), assertion(aigc_rules:doctrine_id(D))).

:- end_tests(params).
