/*  Tests of facts.pl: the input predicates and the loading of a case.
*/

:- use_module(aigc_engine(test_support)).
:- use_module(facts).

:- begin_tests(facts).

test(inputs_dynamic) :-
    forall(input_predicate(N, A),
           ( functor(H, N, A),
             assertion(predicate_property(aigc_facts:H, dynamic))
           )).
test(check_case_splits) :-
    check_case([party(b), unknown(party(c)), party(a), party(a)], P, O),
    assertion(P == [party(a), party(b)]),
    assertion(O == [party(c)]).
test(not_an_input, error(domain_error(input_fact, liable(a, primary, x, y)))) :-
    check_case([liable(a, primary, x, y)], _, _).
test(wrong_arity, error(domain_error(input_fact, party(a, b)))) :-
    check_case([party(a, b)], _, _).
test(unknown_not_an_input, error(domain_error(input_fact, foo))) :-
    check_case([unknown(foo)], _, _).
test(non_ground, error(instantiation_error)) :-
    check_case([party(_)], _, _).
test(string_argument, error(type_error(atom, "tab"))) :-
    check_case([party("tab")], _, _).
test(compound_argument, error(type_error(atom, f(x)))) :-
    check_case([party(f(x))], _, _).
test(input_fact) :-
    assertion(input_fact(trained_on(sys, w))),
    assertion(\+ input_fact(trained_on(sys, 1))),
    assertion(\+ input_fact(liable(a, b, c, d))).
test(partial_list, error(instantiation_error)) :-
    check_case([party(a)|_], _, _).
test(unbound_fact, error(instantiation_error)) :-
    check_case([_], _, _).
%   Facts module empty after an evaluation, also after an error.
test(empty_after_evaluation) :-
    scenario(provider_case, F),
    evaluate_case(F, [], _),
    assertion(\+ ( input_predicate(N, A), functor(H, N, A),
                   aigc_facts:H )),
    assertion(\+ case_active).
test(empty_after_exception) :-
    scenario(provider_case, F),
    catch(with_case(F, [], throw(oops)), oops, true),
    assertion(\+ ( input_predicate(N, A), functor(H, N, A),
                   aigc_facts:H )),
    assertion(\+ aigc_params:regime(_)),
    assertion(\+ case_active).
test(empty_after_failure) :-
    scenario(provider_case, F),
    assertion(\+ with_case(F, [], fail)),
    assertion(\+ aigc_facts:party(_)).
%   Nested evaluations are refused.
test(nested, error(permission_error(load, aigc_case, active))) :-
    scenario(provider_case, F),
    with_case(F, [], evaluate_case(F, [], _)).
%   Unknown facts are not proven.
test(unknown_not_proven) :-
    variant(provider_case, [unknown(user_knew(usr, o))], [], F),
    evaluate_case(F, [], C),
    assertion(has(C, not_liable(usr, user, good_faith_user), [d09])).

:- end_tests(facts).
