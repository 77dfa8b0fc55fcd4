/*  Tests of infringement.pl: D01-D05, D28 (provenance), D29.
    Expectations derived by hand from docs/semantics.md, sections 1-3.
*/

:- use_module(aigc_engine(test_support)).

:- begin_tests(d05_independence).

%   Negative: a work that copies nothing does not infringe.
test(work_without_similarity) :-
    variant(provider_case, [human_contribution(usr, o)],
            [substantially_similar(o, w)], F),
    eval(F, [], C),
    assertion(lacks(C, infringement(_, _, _, _, _))),
    assertion(has(C, copyright(o, work, prov, commissioned_provider),
                  [d17, d19])).
%   The infringement conclusions do not depend on the output being a work.
test(same_infringements) :-
    scenario(provider_case, F0),
    variant(provider_case, [human_contribution(usr, o)], [], F1),
    eval(F0, [], C0),
    eval(F1, [], C1),
    findall(I, (member(conclusion(I, _), C0), I = infringement(_,_,_,_,_)), I0),
    findall(I, (member(conclusion(I, _), C1), I = infringement(_,_,_,_,_)), I1),
    assertion(I0 == I1).

:- end_tests(d05_independence).

