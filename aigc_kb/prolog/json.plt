/*  Tests of json.pl: the conclusions and the query answers as JSON.
*/

:- use_module(aigc_engine(test_support)).
:- use_module(library(http/json)).

:- begin_tests(json).

test(conclusions) :-
    scenario(li_v_liu, F),
    evaluate_case_json(F, [], Json),
    assertion(string(Json)),
    atom_json_dict(Json, Dicts, [value_string_as(string)]),
    length(Dicts, 14),
    assertion(memberchk(_{pred:"liable_for",
                          args:["liu", "primary", "authorship", "img", "none",
                                "generation"],
                          doctrines:["d29"]}, Dicts)),
    assertion(memberchk(_{pred:"infringement",
                          args:["liu", "authorship", "img", "none",
                                "generation"],
                          doctrines:["d01", "d29"]}, Dicts)),
    assertion(memberchk(_{pred:"remedy", args:["liu", "damages"],
                          doctrines:["d24"]}, Dicts)).
test(order_as_evaluate_case) :-
    scenario(provider_case, F),
    evaluate_case(F, [], C),
    evaluate_case_json(F, [], Json),
    atom_json_dict(Json, Dicts, [value_string_as(atom)]),
    findall(A, ( member(D, Dicts),
                 atom_string(P, D.pred),
                 A =.. [P|D.args]
               ), As),
    findall(A, member(conclusion(A, _), C), As0),
    assertion(As == As0).
%   JSON literals are written as strings.
test(literal_atoms) :-
    conclusions_json([conclusion(liable(true, primary, null, false), [d07])],
                     Json),
    atom_json_dict(Json, [D], [value_string_as(string)]),
    assertion(D.args == ["true", "primary", "null", "false"]).
test(empty) :-
    evaluate_case_json([], [], Json),
    assertion(Json == "[]").

:- end_tests(json).

:- begin_tests(json_queries).

test(liable_subjects) :-
    scenario(provider_case, F),
    run_query(liable_subjects, F, [], Json),
    assertion(string(Json)),
    atom_json_dict(Json, Rows, [value_string_as(atom)]),
    assertion(Rows == [[dev, contributory], [prov, primary]]).
test(no_such_query, error(existence_error(query_module, no_such_query))) :-
    run_query(no_such_query, [], [], _).

:- end_tests(json_queries).
