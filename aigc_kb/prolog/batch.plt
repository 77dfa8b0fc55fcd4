/*  Tests of batch.pl: many cases in one call, each as it is alone.

        swipl -g "load_test_files([]), run_tests" -t halt aigc_kb/prolog/test_all.pl
*/

:- use_module(aigc_engine(test_support)).
:- use_module(aigc_engine(batch)).
:- use_module(library(http/json)).

:- begin_tests(batch).

%   The conclusions of one element of a batch's JSON, decoded back into
%   Name(Args...)-Doctrines pairs; an error element gives error(Text).
decoded(Json, Elements) :-
    atom_string(Atom, Json),
    atom_json_term(Atom, Terms, [value_string_as(atom)]),
    maplist(element, Terms, Elements).

element([Id, Flat], Id-Pairs) :-
    !,
    flat_pairs(Flat, Pairs).
element(json(Fields), Id-error(Text)) :-
    memberchk(id=Id, Fields),
    memberchk(error=Text, Fields).

flat_pairs([], []).
flat_pairs([Name|Rest], [Atom-Doctrines|Pairs]) :-
    output_predicate(Name, Arity),
    length(Args, Arity),
    append(Args, [DoctrineText|Rest1], Rest),
    Atom =.. [Name|Args],
    split_string(DoctrineText, " ", "", Ds),
    (   Ds == [""]
    ->  Doctrines = []
    ;   maplist([S, D]>>atom_string(D, S), Ds, Doctrines)
    ),
    flat_pairs(Rest1, Pairs).

expected(Facts, Options, Pairs) :-
    evaluate_case(Facts, Options, Conclusions),
    findall(A-Ds, member(conclusion(A, Ds), Conclusions), Pairs).

test(each_case_as_alone) :-
    scenario(provider_case, A),
    scenario(li_v_liu, B),
    scenario(dreamwriter, C),
    evaluate_cases_json([case(1, A), case(2, B), case(3, C)], [regime(fault)], Json),
    decoded(Json, [1-PA, 2-PB, 3-PC]),
    expected(A, [regime(fault)], EA),
    expected(B, [regime(fault)], EB),
    expected(C, [regime(fault)], EC),
    assertion(PA == EA),
    assertion(PB == EB),
    assertion(PC == EC),
    assertion(EA \== []).
test(a_then_b_is_b_alone) :-
    scenario(provider_case, A),
    scenario(training_case, B),
    evaluate_cases_json([case(a, A), case(b, B)], [], J1),
    evaluate_cases_json([case(b, B)], [], J2),
    decoded(J1, [_, b-Together]),
    decoded(J2, [b-Alone]),
    assertion(Together == Alone).
test(own_options_override) :-
    scenario(provider_case, A),
    evaluate_cases_json([case(1, A), case(2, A, [regime(notice_and_takedown)])], [regime(strict)], Json),
    decoded(Json, [1-Strict, 2-Notice]),
    expected(A, [regime(strict)], Strict),
    expected(A, [regime(notice_and_takedown)], Notice),
    assertion(Strict \== Notice).
test(bad_case_is_an_error_element_and_the_batch_goes_on) :-
    scenario(provider_case, A),
    evaluate_cases_json([case(1, [teleports(x)]), case(2, A), case(3, A, [regime(nope)])], [], Json),
    decoded(Json, [1-error(E1), 2-Pairs, 3-error(E3)]),
    assertion(sub_atom(E1, _, _, _, input_fact)),
    assertion(sub_atom(E3, _, _, _, regime)),
    expected(A, [], Pairs),
    assertion(\+ aigc_facts:case_active).
test(empty_case) :-
    evaluate_cases_json([case(7, [])], [], Json),
    assertion(Json == "[[7, []]]").
test(empty_batch) :-
    evaluate_cases_json([], [], Json),
    assertion(Json == "[]").
test(names_that_need_escaping) :-
    Name = 'say "hi"\\now',
    scenario(provider_case, A0),
    maplist(rename(usr, Name), A0, A),
    evaluate_cases_json([case("x y", A)], [], Json),
    decoded(Json, ['x y'-Pairs]),
    expected(A, [], Pairs),
    assertion(( member(Atom-_, Pairs), arg(1, Atom, Name) )).
test(stream_driver) :-
    scenario(provider_case, A),
    format(string(Text), "~q.~n~q.~n", [case(1, A), case(2, [party(p)])]),
    open_string(Text, In),
    with_output_to(string(Out), evaluate_case_stream(In, current_output, [], [])),
    split_string(Out, "\n", "", [L1, L2, ""]),
    atomics_to_string(["[", L1, "]"], Wrapped),
    decoded(Wrapped, [1-P1]),
    expected(A, [], P1),
    assertion(L2 == "[2, []]").
test(time_limit_per_case) :-
    scenario(provider_case, A),
    evaluate_cases_json([case(1, A)], [], [time_limit(10.0)], Json),
    decoded(Json, [1-Pairs]),
    expected(A, [], Pairs).

rename(From, To, Fact0, Fact) :-
    Fact0 =.. [N|Args0],
    maplist([X, Y]>>(X == From -> Y = To ; Y = X), Args0, Args),
    Fact =.. [N|Args].

:- end_tests(batch).
