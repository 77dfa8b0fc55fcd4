/*  Tests of liability.pl: D06-D13, D15, D16, D30 and the not_liable
    entries per role.  Expectations derived by hand from docs/semantics.md,
    section 3.
*/

:- use_module(aigc_engine(test_support)).

lia_eval(Add, Remove, Options, C) :-
    variant(provider_case, Add, Remove, F),
    eval(F, Options, C).

:- begin_tests(d06_ai_not_subject).

test(ai_named_defendant) :-
    lia_eval([ai_named_defendant(sys)], [], [], C),
    assertion(has(C, not_liable(sys, ai, ai_not_legal_subject), [d06])),
    assertion(lacks(C, liable(sys, _, _, _))),
    assertion(lacks(C, infringement(sys, _, _, _, _))).

:- end_tests(d06_ai_not_subject).

