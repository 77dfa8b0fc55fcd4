/*  Tests of ownership.pl: D17-D21 (with D06).  Expectations derived by hand
    from docs/semantics.md, section 4.
*/

:- use_module(aigc_engine(test_support)).

%   provider_case where o copies nothing and usr contributed to it.
own_eval(Add, Remove, Options, C) :-
    variant(provider_case, [human_contribution(usr, o)|Add],
            [substantially_similar(o, w)|Remove], F),
    eval(F, Options, C).

:- begin_tests(d17_human_contribution).

%   Interpretation: conclusions are made for declared outputs (output/1).
test(undeclared_output) :-
    own_eval([], [output(o)], [], C),
    assertion(lacks(C, copyright(o, _, _, _))),
    assertion(lacks(C, tangible_owner(o, _))).

:- end_tests(d17_human_contribution).

