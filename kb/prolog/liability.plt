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

%   I02: facts that name the system as a party (refused by the case
%   validator, run here directly) never make it liable in any role.
test(ai_named_as_party) :-
    eval([ party(rh), system(sys), work(w), output(o),
           owns_copyright(rh, w),
           provider(sys, sys), developer(sys, sys), user(sys, sys),
           generated_by(o, sys), requested_by(o, sys),
           substantially_similar(o, w), intent_proven(sys, o),
           trained_on(sys, w), made_available(sys, w),
           ai_named_defendant(sys)
         ], [], C),
    assertion(has(C, not_liable(sys, ai, ai_not_legal_subject), [d06])),
    assertion(lacks(C, liable(sys, _, _, _))),
    assertion(lacks(C, remedy(sys, _))),
    assertion(lacks(C, defense(sys, _, _))),
    assertion(lacks(C, provider_ground(sys, _))),
    assertion(lacks(C, not_liable(sys, provider, _))),
    assertion(lacks(C, not_liable(sys, developer, _))),
    assertion(lacks(C, not_liable(sys, user, _))).

:- end_tests(d06_ai_not_subject).

