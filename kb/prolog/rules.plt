/*  Tests of rules.pl: the rule registry (lint).
*/

:- use_module(aigc_engine(test_support)).

%   Predicates a rule body may call besides the rule-defined ones: the
%   reading, and comparison.
rules_builtin(regime(_)).
rules_builtin(position(_, _)).
rules_builtin(_ == _).
rules_builtin(_ \== _).

rules_body_goal(Var, _) :-
    var(Var),
    !,
    fail.
rules_body_goal((A, B), G) :- !, ( rules_body_goal(A, G) ; rules_body_goal(B, G) ).
rules_body_goal((A ; B), G) :- !, ( rules_body_goal(A, G) ; rules_body_goal(B, G) ).
rules_body_goal((A -> B), G) :- !, ( rules_body_goal(A, G) ; rules_body_goal(B, G) ).
rules_body_goal(\+ A, G) :- !, rules_body_goal(A, G).
rules_body_goal(true, _) :- !, fail.
rules_body_goal(G, G).

rules_defined(Goal) :-
    functor(Goal, N, A),
    functor(G, N, A),
    rule_clause(_, _, _, _, G, _),
    !.

:- begin_tests(registry).

test(no_registry_problem) :-
    findall(P, aigc_rules:registry_problem(P), Ps),
    assertion(Ps == []).
test(every_rule_cites_doctrines_and_section) :-
    forall(rule_clause(Id, Ds, Cites, _, _, _),
           ( assertion(atom(Id)),
             assertion(Ds \== []),
             assertion(forall(member(D, Ds), aigc_rules:doctrine_id(D))),
             assertion(sort(Ds, Ds)),
             assertion(forall(member(C, Cites), (C = D-S, memberchk(D, Ds), atom(S), S \== ''))),
             assertion(forall(member(D, Ds), memberchk(D-_, Cites)))
           )).
test(unique_ids) :-
    findall(Id, rule_clause(Id, _, _, _, _, _), Ids),
    msort(Ids, Sorted),
    sort(Ids, Unique),
    assertion(Sorted == Unique).
test(every_doctrine_cited) :-
    forall(aigc_rules:doctrine_id(D),
           assertion(( rule_clause(_, Ds, _, _, _, _), memberchk(D, Ds) ))).
test(every_output_concluded) :-
    forall(output_predicate(N, A),
           ( functor(H, N, A),
             assertion(rule_clause(_, _, _, _, H, _))
           )).
%   Rules read only the input predicates, the reading and other rules.
test(bodies_read_only_inputs_and_rules) :-
    forall(( rule_clause(Id, _, _, _, _, Body),
             rules_body_goal(Body, G)
           ),
           ( functor(G, N, A),
             (   input_predicate(N, A)
             ->  true
             ;   rules_builtin(G)
             ->  true
             ;   rules_defined(G)
             ->  true
             ;   format(user_error, "~w calls ~w/~w~n", [Id, N, A]),
                 fail
             )
           )).
%   Every rule's head is a predicate of the module that holds the rule.
test(heads_in_their_module) :-
    forall(rule_clause(_, _, _, M, H, _),
           assertion(( predicate_property(M:H, defined),
                       \+ predicate_property(M:H, imported_from(_)) ))).
%   Each output rule has its compiled collector; auxiliary rules have none.
test(fired_clauses) :-
    forall(rule_clause(Id, Ds, _, _, H, _),
           ( functor(H, N, A),
             (   output_predicate(N, A)
             ->  assertion(clause(aigc_rules:rule_fired(Id, Ds, _), _))
             ;   assertion(\+ clause(aigc_rules:rule_fired(Id, _, _), _))
             )
           )).
%   Rules citing a doctrine that is an extension as a whole (ext_doctrine/1,
%   from kb/doctrines.yaml) are flagged, unless they also serve a doctrine of
%   the paper (D04: works and outputs alike).
test(ext_flags) :-
    forall(( rule_clause(Id, Ds, _, _, _, _),
             once(( member(D, Ds), aigc_declarations:ext_doctrine(D) )),
             \+ memberchk(d04, Ds)
           ),
           assertion(rule_flag(Id, ext))).
test(rule_registry) :-
    rule_registry(Rules),
    aggregate_all(count, rule_clause(_, _, _, _, _, _), N),
    assertion(length(Rules, N)),
    Rules = [rule(_, _, _, _, _, (_ :- _))|_].
%   A malformed rule is refused at load time.
test(bad_doctrine, error(domain_error(citation(r_x), d99-'1'))) :-
    aigc_rules:expand_rule(rule(r_x, [d99-'1'], (p :- true)), user, _).
test(no_doctrine, error(domain_error(rule_citations(r_x), []))) :-
    aigc_rules:expand_rule(rule(r_x, [], (p :- true)), user, _).
test(no_section, error(domain_error(citation(r_x), d01-''))) :-
    aigc_rules:expand_rule(rule(r_x, [d01-''], (p :- true)), user, _).
test(not_a_pair, error(domain_error(citation(r_x), d01))) :-
    aigc_rules:expand_rule(rule(r_x, [d01], (p :- true)), user, _).
test(expansion) :-
    aigc_rules:expand_rule(rule(r_x, [d02-'4.2', d01-'2.1'], [ext],
                                (liable(a, b, c, d) :- q)), m, Clauses),
    assertion(memberchk((liable(a, b, c, d) :- q), Clauses)),
    assertion(memberchk(aigc_rules:rule_clause(r_x, [d01, d02], [d02-'4.2', d01-'2.1'], m,
                                               liable(a, b, c, d), q),
                        Clauses)),
    assertion(memberchk(aigc_rules:rule_flag(r_x, ext), Clauses)),
    assertion(memberchk((aigc_rules:rule_fired(r_x, [d01, d02],
                                               liable(a, b, c, d)) :- q),
                        Clauses)).

:- end_tests(registry).
