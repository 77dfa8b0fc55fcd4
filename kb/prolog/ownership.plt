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


:- begin_tests(d19_terms_per_commission).

%   D19, I07: a term naming two users gives each its own output only.
test(two_users_named) :-
    eval([ party(p), party(a), party(b), system(s), output(o1), output(o2),
           provider(p, s), user(a, s), user(b, s),
           terms_assign_copyright(p, a), terms_assign_copyright(p, b),
           generated_by(o1, s), requested_by(o1, a), human_contribution(a, o1),
           generated_by(o2, s), requested_by(o2, b), human_contribution(b, o2)
         ], [], C),
    assertion(has(C, copyright(o1, work, a, terms_of_service))),
    assertion(has(C, copyright(o2, work, b, terms_of_service))),
    assertion(lacks(C, copyright(o1, _, b, _))),
    assertion(lacks(C, copyright(o2, _, a, _))).
%   D19 [ext]: a user running the system itself holds its output although p
%   offers the same system as a service.
test(runs_itself_beside_service) :-
    eval([ party(p), party(a), system(s), output(o),
           provider(p, s), runs_itself(a, s),
           generated_by(o, s), requested_by(o, a), human_contribution(a, o)
         ], [], C),
    assertion(has(C, copyright(o, work, a, self_run_user))),
    assertion(lacks(C, copyright(o, _, p, _))).

:- end_tests(d19_terms_per_commission).
