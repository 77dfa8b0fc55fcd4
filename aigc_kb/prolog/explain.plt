/*  Tests of explain.pl and templates.pl: justification trees, why-not
    answers, burdens, templates.  The expected trees are read off the rules
    by hand (docs/semantics.md and the rule files), never from the output.
*/

:- use_module(aigc_engine(test_support)).
:- use_module(library(http/json)).
:- use_module(aigc_engine(explain)).
:- use_module(aigc_kb(templates)).

%   ex(+Facts, +Options, :Goal): Goal with the case loaded.
ex(Facts, Options, Goal) :-
    with_case(Facts, Options, Goal).

explain_one(Facts, Options, Atom, Settings, Proofs) :-
    ex(Facts, Options,
       explain_conclusions(Atom, Settings, [conclusion(Atom, Proofs)])).

why(Facts, Options, Pattern, Settings, Attempts) :-
    ex(Facts, Options, why_not(Pattern, Settings, Attempts)).

%   sub_node(?Sub, +Node): Sub is Node or a node below it.
sub_node(N, N).
sub_node(S, derived(_, _, Children, _)) :- member(C, Children), sub_node(S, C).
sub_node(S, conclusion(_, Proofs)) :- member(C, Proofs), sub_node(S, C).
sub_node(S, underived(_, _, Attempts, _)) :- member(C, Attempts), sub_node(S, C).
sub_node(S, absent_all(_, Proven, Failed, _)) :-
    ( member(C, Proven) ; C = Failed ), sub_node(S, C).
sub_node(S, present(_, Proof)) :- member(C, Proof), sub_node(S, C).
sub_node(S, attempt(_, _, Proven, Failed, _)) :-
    ( member(C, Proven) ; C = Failed ), sub_node(S, C).

attempt_ids(Attempts, Ids) :-
    findall(Id, member(attempt(_, Id, _, _, _), Attempts), Ids).

:- begin_tests(templates).

test(every_predicate_has_a_template) :-
    forall(( input_predicate(N, A) ; output_predicate(N, A) ;
             ( rule_clause(_, _, _, _, H, _), functor(H, N, A) ) ),
           (   template(N, Types, _),
               length(Types, A)
           ->  true
           ;   throw(no_template(N/A))
           )).
test(placeholders_in_range) :-
    forall(template(N, Types, T),
           (   length(Types, A),
               forall(( sub_string(T, B, _, _, "{"),
                        sub_string(T, B, 3, _, Ref),
                        sub_string(Ref, 1, 1, _, D),
                        number_string(I, D) ),
                      assertion(I < A))
           ->  true
           ;   throw(bad_template(N))
           )).
test(one_template_per_predicate) :-
    findall(N/A, ( template(N, Ts, _), length(Ts, A) ), L),
    msort(L, S),
    sort(L, S).
test(every_input_has_a_burden) :-
    forall(input_predicate(N, _),
           (   input_burden(N, B),
               memberchk(B, [claimant, relying_party, copyright_claimant])
           ->  true
           ;   throw(no_burden(N))
           )).
test(liable_text) :-
    atom_text(liable(acme, primary, reproduction, generation), T),
    assertion(T == "acme is liable (primary) for the reproduction right in the generation stage").
test(values_read_with_spaces_and_nobody) :-
    atom_text(copyright(o, not_a_work, none, no_human_contribution), T),
    assertion(T == "o is not a work; copyright owner: nobody (no human contribution)").
test(unbound_arguments) :-
    atom_text(requested_by(o, _), T1),
    assertion(T1 == "o was generated at the request (prompt) of some party"),
    atom_text(liable(bob, _, _, generation), T2),
    assertion(T2 == "bob is liable (\u2026) for the \u2026 right in the generation stage").
%   A name is never read as a template or a format.
test(names_are_data) :-
    atom_text(user('{0} ~w', 'C:\\new'), T),
    assertion(T == "{0} ~w uses C:\\new").
test(shared_variables_named) :-
    goals_text((requested_by(O, usr), infringing_output(O)), T),
    assertion(T == "output A was generated at the request (prompt) of usr, and output A infringes (it copies a protected work)").

:- end_tests(templates).

:- begin_tests(justification_trees).

%   D07/D13 strict: the provider is liable for the reproduction right; the
%   summary liable/4 is proven by its per-infringement atom, whose proof
%   reads the regime (the default), the provider's infringing output, that
%   no user induced it, and the right the output copies.
test(provider_strict) :-
    scenario(provider_case, F),
    explain_one(F, [], liable(prov, primary, reproduction, generation), [], Proofs),
    Proofs = [derived(_, r_liable_summary, [PerInfringement], false)],
    PerInfringement = derived(liable_for(prov, primary, reproduction, w, o, generation),
                              r_d07_liable_strict, [PL, Copies], false),
    PL = derived(provider_liability(prov, o, primary, strict), r_d13_strict, Cs, false),
    Cs = [ regime(strict, regime(strict), true),
           derived(provider_output(prov, o), r_d07_provider_output, _, false),
           underived(induced(_, o), claimant, Attempts, false)
         ],
    attempt_ids(Attempts, Ids),
    assertion(Ids == [r_d11_fine_tuned_on, r_d11_intent_proven,
                      r_d11_repeated_suggestive_prompts, r_d11_trained_model_used]),
    assertion(memberchk(attempt(_, r_d11_intent_proven,
                                [fact(requested_by(o, usr))],
                                absent(intent_proven(usr, o), claimant, false), 0),
                        Attempts)),
    assertion(Copies = derived(copies(o, w, reproduction),
                               r_d04_copies_substantially_similar, _, false)).

%   Every positive leaf is a fact of the case, every absent leaf is not.
test(leaves_match_the_case) :-
    scenario(provider_case, F),
    ex(F, [], findall(N, ( member(P, [liable(_,_,_,_), not_liable(_,_,_),
                                      defense(_,_,_), copyright(_,_,_,_),
                                      tangible_owner(_,_), remedy(_,_)]),
                           explain_conclusions(P, [], Ns),
                           member(N, Ns) ), Nodes)),
    assertion(Nodes \== []),
    forall(( member(N, Nodes), sub_node(fact(X), N) ), assertion(memberchk(X, F))),
    forall(( member(N, Nodes), sub_node(absent(X, _, _), N) ),
           assertion(\+ memberchk(X, F))).

%   Two rules conclude the same atom: a proof for each, in id order.
test(two_proofs) :-
    scenario(provider_case, F0),
    append(F0, [ai_named_author(sys, o)], F),
    explain_one(F, [], copyright(o, not_a_work, none, no_human_contribution), [], Ps),
    findall(Id, member(derived(_, Id, _, _), Ps), Ids),
    assertion(Ids == [r_d06_ai_author_not_a_work, r_d17_not_a_work]).

%   The choice point read, and whether it is the default.
test(position_default) :-
    scenario(provider_case, F0),
    append(F0, [intent_proven(usr, o)], F),
    explain_one(F, [], liable(prov, joint, reproduction, generation), [], [P]),
    assertion(sub_node(position(provider_when_user_induces, joint, _, true), P)),
    node_dict(P, D),
    assertion(sub_dict_has(D, position, default, true)).
test(position_not_default) :-
    scenario(provider_case, F0),
    append(F0, [intent_proven(usr, o)], F),
    explain_one(F, [position(provider_when_user_induces, secondary)],
                liable(prov, secondary, reproduction, generation), [], [P]),
    node_dict(P, D),
    assertion(sub_dict_has(D, position, default, false)).

%   A built-in test is an opaque leaf.
test(builtin_leaf) :-
    scenario(provider_case, F),
    explain_one(F, [], liable(dev, contributory, reproduction, generation), [], [P]),
    assertion(sub_node(test(contributory \== not_liable, true), P)).

%   \+ (training_copy(dev, S, _), tdm_exempt(S)): the training was licensed,
%   so the first condition already fails, and it fails because the licence
%   is proven (and dev trained no model).
test(negated_conjunction) :-
    scenario(training_case, F0),
    append(F0, [training_authorised(sys, w)], F),
    explain_one(F, [], not_liable(dev, developer, no_infringement), [], [P]),
    once(sub_node(absent_all(_, [], underived(training_copy(dev, _, _), claimant, As, false), 0), P)),
    assertion(As = [attempt(_, r_d02_model_training_copy, [],
                            absent(model_trained_by(_, dev), claimant, false), 0),
                    attempt(_, r_d02_training_copy, _,
                            present(training_authorised(sys, w),
                                    [fact(training_authorised(sys, w))]), 0)]).

test(depth_one) :-
    scenario(provider_case, F),
    explain_one(F, [], liable(prov, primary, reproduction, generation), [depth(1)], [P]),
    P = derived(_, _, Children, false),
    assertion(forall(member(derived(_, _, Cs, T), Children), (Cs == [], T == true))).

:- end_tests(justification_trees).

:- begin_tests(why_not).

%   D13 fault: the breach is proven, the fault is not; the claimant bore
%   the burden of proving it.
test(fault_not_proven) :-
    scenario(provider_case, F0),
    append(F0, [breach_proven(prov)], F),
    why(F, [regime(fault)], liable_for(prov, _, _, _, _, generation), [why_depth(2)], As),
    memberchk(attempt(_, r_d13_liable_fault, [],
                      underived(provider_liability(prov, _, _, fault), none, Inner, false), 0),
              As),
    assertion(memberchk(attempt(_, r_d13_fault,
                                [ regime(fault, regime(fault), true),
                                  derived(provider_output(prov, o), _, _, _),
                                  derived(breach_for(prov, o), r_d14_breach_proven, _, _)
                                ],
                                absent(fault_proven(prov), claimant, false), 0),
                        Inner)).

%   presumed fault: the provider rebutted its fault; the rule fails at
%   \+ fault_rebutted(prov) because the rebuttal is proven.
test(fault_rebutted_present) :-
    scenario(provider_case, F0),
    append(F0, [breach_proven(prov), fault_rebutted(prov)], F),
    why(F, [regime(presumed_fault)], provider_liability(prov, o, _, presumed_fault), [], As),
    attempt_ids(As, Ids),
    assertion(Ids == [r_d13_presumed_fault, r_d13_presumed_fault_full_reversal]),
    assertion(memberchk(attempt(_, r_d13_presumed_fault, _,
                                present(fault_rebutted(prov), [fact(fault_rebutted(prov))]), 0),
                        As)),
    assertion(memberchk(attempt(_, r_d13_presumed_fault_full_reversal, _,
                                position(presumed_fault_burden, breach_proven_fault_presumed,
                                         position(presumed_fault_burden, full_reversal), false), 0),
                        As)).

%   The safe harbour is accepted (for an output) only under notice and
%   takedown.
test(regime_mismatch) :-
    scenario(provider_case, F),
    why(F, [], defense_for(prov, safe_harbor, accepted, o), [], As),
    assertion(As = [attempt(_, r_d15_safe_harbor_accepted, [],
                            regime(strict, regime(notice_and_takedown), false), 0)]).

%   No rule concludes a liability in the training stage of a kind other
%   than primary (liable/4 only summarises liable_for/6).
test(no_rule) :-
    scenario(provider_case, F),
    why(F, [], liable_for(dev, secondary, _, _, _, training), [], As),
    assertion(As == []),
    why(F, [], liable(dev, secondary, _, training), [], [Summary]),
    assertion(Summary = attempt(_, r_liable_summary, [],
                                underived(liable_for(dev, secondary, _, _, _, training),
                                          none, [], true), 0)).

%   Two outputs requested by the user, neither known to infringe: the
%   knowledge rule fails for both ways of meeting requested_by/2.
test(alternatives) :-
    scenario(provider_case, F0),
    append(F0, [output(o2), generated_by(o2, sys), requested_by(o2, usr),
                substantially_similar(o2, w)], F),
    why(F, [], knows_u(usr, _), [], As),
    assertion(memberchk(attempt(_, r_d10_user_knew, [fact(requested_by(o, usr))],
                                absent(user_knew(usr, o), claimant, false), 1), As)).

%   An open fact is marked as open.
test(open_fact) :-
    scenario(provider_case, F0),
    append(F0, [breach_proven(prov), unknown(fault_proven(prov))], F),
    why(F, [regime(fault)], provider_liability(prov, o, _, fault),
        [open([fault_proven(prov)])], As),
    assertion(As = [attempt(_, r_d13_fault, _, absent(fault_proven(prov), claimant, true), 0)]),
    explain_json(F, [regime(fault)], [why_not(provider_liability(prov, o, _, fault))], [], J),
    atom_json_dict(J, D, []),
    [A] = D.answers,
    [T] = A.attempts,
    assertion(T.failed.open == true).

:- end_tests(why_not).

:- begin_tests(burden).

%   presumed_fault with full_reversal: the provider must prove it met
%   every duty (catalogue, "Burden of proof").
test(full_reversal_shifts_duties) :-
    scenario(provider_case, F),
    why(F, [regime(presumed_fault), position(presumed_fault_burden, full_reversal)],
        duties_met_for(prov, o), [], As),
    assertion(As = [attempt(_, r_d14_duties_met, _,
                            absent(complaint_mechanism(prov), provider, false), 0)]).
test(default_bearer) :-
    scenario(provider_case, F),
    why(F, [regime(presumed_fault)], duties_met_for(prov, o), [], As),
    assertion(As = [attempt(_, r_d14_duties_met, _,
                            absent(complaint_mechanism(prov), relying_party, false), 0)]).
test(open_facts_shift_under_full_reversal) :-
    Facts = [party(prov), system(sys), provider(prov, sys),
             unknown(due_diligence(prov, sys)), unknown(fault_proven(prov))],
    open_burdens_json(Facts, [regime(presumed_fault),
                              position(presumed_fault_burden, full_reversal)], J1),
    atom_string(A1, J1),
    atom_json_term(A1, Shifted, []),
    assertion(Shifted == [[fault_proven, [prov], claimant],
                          [due_diligence, [prov, sys], provider]]),
    open_burdens_json(Facts, [regime(fault)], J2),
    atom_string(A2, J2),
    atom_json_term(A2, Kept, []),
    assertion(Kept == [[fault_proven, [prov], claimant],
                       [due_diligence, [prov, sys], relying_party]]).

:- end_tests(burden).

:- begin_tests(explain_json).

test(json_answers) :-
    scenario(provider_case, F),
    explain_json(F, [], [explain(liable(_, _, _, _)), why_not(liable(usr, _, _, _))], [], J),
    atom_json_dict(J, D, []),
    assertion(D.reading.regime.value == "strict"),
    assertion(D.reading.regime.default == true),
    D.answers = [A1, A2],
    assertion(A1.holds == true),
    length(A1.conclusions, 2),
    assertion(A2.holds == false),
    assertion(A2.args == ["usr", null, null, null]),
    assertion(A2.attempts \== []).
test(json_deterministic) :-
    scenario(dreamwriter, F),
    explain_json(F, [], [explain(copyright(_, _, _, _))], [], J1),
    explain_json(F, [], [explain(copyright(_, _, _, _))], [], J2),
    assertion(J1 == J2).
test(bad_request, error(domain_error(explain_request, frobnicate))) :-
    scenario(provider_case, F),
    explain_json(F, [], [frobnicate], [], _).
test(input_pattern, error(domain_error(conclusion_pattern, provider(_, _)))) :-
    scenario(provider_case, F),
    explain_json(F, [], [explain(provider(_, _))], [], _).

:- end_tests(explain_json).

%   sub_dict_has(+Dict, +Kind, +Key, ?Value): some node of kind Kind in
%   Dict has Key = Value.
sub_dict_has(D, Kind, Key, Value) :-
    atom_string(Kind, K),
    (   get_dict(kind, D, K),
        get_dict(Key, D, Value)
    ->  true
    ;   (   get_dict(children, D, Cs), member(C, Cs)
        ;   get_dict(failed, D, C)
        ),
        sub_dict_has(C, Kind, Key, Value)
    ->  true
    ).
