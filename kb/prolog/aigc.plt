/*  Tests of aigc.pl: the API, isolation between evaluations, whole-case
    expectations (derived by hand from docs/semantics.md), case files,
    queries, and loading without warnings.
*/

:- use_module(aigc_engine(test_support)).
:- use_module(library(process)).
:- use_module(library(http/json)).
:- use_module(library(readutil)).

api_all_regimes([strict, presumed_fault, fault, notice_and_takedown]).

%   Every conclusion is a ground output atom with sorted doctrines.
api_well_formed(C) :-
    msort(C, C),
    forall(member(X, C),
           ( X = conclusion(A, Ds),
             ground(A),
             functor(A, N, Ar),
             output_predicate(N, Ar),
             Ds = [_|_],
             sort(Ds, Ds),
             forall(member(D, Ds), aigc_rules:doctrine_id(D))
           )),
    findall(A, member(conclusion(A, _), C), As),
    sort(As, Unique),
    length(As, Len),
    length(Unique, Len).

:- begin_tests(whole_cases).

%   provider_case under the paper's reading, derived by hand.
test(provider_case_strict) :-
    scenario(provider_case, F),
    evaluate_case(F, [], C),
    Expected0 =
    [ conclusion(infringement(prov, reproduction, w, o, generation),
                 [d01, d04, d07]),
      conclusion(liable(prov, primary, reproduction, generation), [d07, d13]),
      conclusion(liable(dev, contributory, reproduction, generation), [d08]),
      conclusion(liable_for(prov, primary, reproduction, w, o, generation),
                 [d07, d13]),
      conclusion(liable_for(dev, contributory, reproduction, w, o, generation),
                 [d08]),
      conclusion(not_liable(usr, user, good_faith_user), [d09]),
      conclusion(not_liable_for(usr, user, good_faith_user, o), [d09]),
      conclusion(defense(prov, provider_fair_use, rejected), [d30]),
      conclusion(defense(prov, safe_harbor, rejected), [d15]),
      conclusion(defense(prov, lack_of_knowledge, rejected), [d16]),
      conclusion(defense_for(prov, provider_fair_use, rejected, o), [d30]),
      conclusion(defense_for(prov, safe_harbor, rejected, o), [d15]),
      conclusion(defense_for(prov, lack_of_knowledge, rejected, o), [d16]),
      conclusion(provider_ground(prov, originator_of_risk), [d07]),
      conclusion(provider_ground(prov, causal_control), [d07]),
      conclusion(provider_ground(prov, potential_owner), [d07]),
      conclusion(provider_ground(prov, diffuse_users), [d07]),
      conclusion(provider_ground(prov, duty_of_care), [d07]),
      conclusion(copyright(o, not_a_work, none, no_human_contribution), [d17]),
      conclusion(tangible_owner(o, usr), [d18, d21]),
      conclusion(remedy(prov, damages), [d24]),
      conclusion(remedy(prov, injunction), [d25]),
      conclusion(remedy(dev, damages), [d24]),
      conclusion(remedy(dev, injunction), [d25]),
      % per infringement (D24, D25): each liable party, for w through o
      conclusion(remedy_for(prov, damages, w, o), [d24]),
      conclusion(remedy_for(prov, injunction, w, o), [d25]),
      conclusion(remedy_for(dev, damages, w, o), [d24]),
      conclusion(remedy_for(dev, injunction, w, o), [d25])
    ],
    msort(Expected0, Expected),
    assertion(C == Expected).
%   The same case under fault: no breach proven.
test(provider_case_fault) :-
    scenario(provider_case, F),
    evaluate_case(F, [regime(fault)], C),
    Expected0 =
    [ conclusion(infringement(prov, reproduction, w, o, generation),
                 [d01, d04, d07]),
      conclusion(liable(dev, primary, reproduction, generation), [d08]),
      conclusion(liable_for(dev, primary, reproduction, w, o, generation),
                 [d08]),
      conclusion(not_liable(prov, provider, breach_not_proven), [d13, d14]),
      conclusion(not_liable(usr, user, good_faith_user), [d09]),
      conclusion(not_liable_for(prov, provider, breach_not_proven, o),
                 [d13, d14]),
      conclusion(not_liable_for(usr, user, good_faith_user, o), [d09]),
      conclusion(defense(prov, provider_fair_use, rejected), [d30]),
      conclusion(defense(prov, safe_harbor, rejected), [d15]),
      conclusion(defense_for(prov, provider_fair_use, rejected, o), [d30]),
      conclusion(defense_for(prov, safe_harbor, rejected, o), [d15]),
      conclusion(copyright(o, not_a_work, none, no_human_contribution), [d17]),
      conclusion(tangible_owner(o, usr), [d18, d21]),
      conclusion(remedy(dev, damages), [d24]),
      conclusion(remedy(dev, injunction), [d25]),
      conclusion(remedy_for(dev, damages, w, o), [d24]),
      conclusion(remedy_for(dev, injunction, w, o), [d25])
    ],
    msort(Expected0, Expected),
    assertion(C == Expected).
test(li_v_liu) :-
    scenario(li_v_liu, F),
    evaluate_case(F, [], C),
    Expected0 =
    [ conclusion(copyright(img, work, li, self_run_user), [d17, d19]),
      conclusion(infringement(liu, communication, img, none, generation),
                 [d01, d29]),
      conclusion(infringement(liu, authorship, img, none, generation),
                 [d01, d29]),
      conclusion(liable(liu, primary, communication, generation), [d29]),
      conclusion(liable(liu, primary, authorship, generation), [d29]),
      conclusion(liable_for(liu, primary, communication, img, none,
                            generation), [d29]),
      conclusion(liable_for(liu, primary, authorship, img, none, generation),
                 [d29]),
      conclusion(not_liable(li, user, no_infringing_output), [d04]),
      conclusion(not_liable_for(li, user, no_infringing_output, none), [d04]),
      conclusion(tangible_owner(img, li), [d18, d21]),
      conclusion(remedy(liu, damages), [d24]),
      conclusion(remedy(liu, injunction), [d25]),
      % the reposted protected output itself (no output through which)
      conclusion(remedy_for(liu, damages, img, none), [d24]),
      conclusion(remedy_for(liu, injunction, img, none), [d25])
    ],
    msort(Expected0, Expected),
    assertion(C == Expected).
test(dreamwriter) :-
    scenario(dreamwriter, F),
    evaluate_case(F, [], C),
    Expected0 =
    [ conclusion(copyright(article, work, tencent, commissioned_provider),
                 [d17, d19]),
      conclusion(infringement(yingxun, communication, article, none,
                              generation), [d01, d29]),
      conclusion(liable(yingxun, primary, communication, generation), [d29]),
      conclusion(liable_for(yingxun, primary, communication, article, none,
                            generation), [d29]),
      conclusion(not_liable(tencent, developer, no_infringement), [d02]),
      conclusion(not_liable(tencent, provider, no_infringing_output), [d04]),
      conclusion(not_liable(tencent, user, no_infringing_output), [d04]),
      conclusion(not_liable_for(tencent, developer, no_infringement, none),
                 [d02]),
      conclusion(not_liable_for(tencent, provider, no_infringing_output, none),
                 [d04]),
      conclusion(not_liable_for(tencent, user, no_infringing_output, none),
                 [d04]),
      conclusion(tangible_owner(article, tencent), [d18, d21]),
      conclusion(remedy(yingxun, damages), [d24]),
      conclusion(remedy(yingxun, injunction), [d25]),
      conclusion(remedy_for(yingxun, damages, article, none), [d24]),
      conclusion(remedy_for(yingxun, injunction, article, none), [d25])
    ],
    msort(Expected0, Expected),
    assertion(C == Expected).
%   An atom concluded by several rules carries the union of their doctrines:
%   the provider also reproduced the output (D04 dissemination row).
test(doctrine_union) :-
    variant(provider_case, [reproduced(prov, o)], [], F),
    evaluate_case(F, [], C),
    assertion(has(C, liable(prov, primary, reproduction, generation),
                  [d04, d07, d13])),
    assertion(has(C, infringement(prov, reproduction, w, o, generation),
                  [d01, d04, d07])).
test(empty_case) :-
    scenario(empty_case, F),
    evaluate_case(F, [], C),
    assertion(C == []).
%   Who is liable under each regime (provider_case).
test(each_regime, forall(member(R-L, [ strict-[dev-contributory, prov-primary],
                                       % alone liable: primary (kinds table)
                                       fault-[dev-primary],
                                       presumed_fault-[dev-primary],
                                       notice_and_takedown-[dev-contributory,
                                                            usr-primary]
                                     ]))) :-
    scenario(provider_case, F),
    evaluate_case(F, [regime(R)], C),
    findall(S-K, member(conclusion(liable(S, K, _, _), _), C), L0),
    sort(L0, L1),
    assertion(L1 == L).
test(well_formed, forall(( member(S, [provider_case, training_case, li_v_liu,
                                      dreamwriter, empty_case]),
                           api_all_regimes(Rs), member(R, Rs) ))) :-
    scenario(S, F),
    evaluate_case(F, [regime(R)], C),
    assertion(api_well_formed(C)).

:- end_tests(whole_cases).

:- begin_tests(isolation).

%   Evaluating case A then case B gives exactly B's answer, whatever A and
%   its reading.
test(a_then_b) :-
    scenario(li_v_liu, B),
    evaluate_case(B, [], Alone),
    scenario(provider_case, A),
    evaluate_case(A, [regime(notice_and_takedown),
                      position(remedy, licence_fee)], _),
    evaluate_case(B, [], After),
    assertion(After == Alone).
test(b_then_a) :-
    scenario(provider_case, A),
    evaluate_case(A, [], Alone),
    scenario(training_case, B),
    evaluate_case(B, [regime(fault), position(tdm_exception, accepted)], _),
    evaluate_case(A, [], After),
    assertion(After == Alone).
%   After an error in one evaluation the next one is clean.
test(after_error) :-
    scenario(provider_case, A),
    evaluate_case(A, [], Alone),
    catch(with_case(A, [regime(fault)], throw(oops)), oops, true),
    evaluate_case(A, [], After),
    assertion(After == Alone).
%   A reading given once does not stick.
test(reading_does_not_stick) :-
    scenario(provider_case, A),
    evaluate_case(A, [regime(fault)], _),
    evaluate_case(A, [], C),
    assertion(has(C, liable(prov, primary, reproduction, generation),
                  [d07, d13])).

:- end_tests(isolation).

:- begin_tests(case_files, [ setup(api_write_case_file),
                             cleanup(api_delete_case_files) ]).

api_case_file(File) :-
    tmp_file(aigc_case, Base),
    atom_concat(Base, '.pl', File).

:- dynamic api_tmp_file/2.

api_write_case_file :-
    api_case_file(Good),
    setup_call_cleanup(
        open(Good, write, S),
        ( scenario(provider_case, F),
          forall(member(X, F), format(S, "~q.~n", [X])),
          format(S, "% a comment~n", []),
          format(S, "~q.~n", [unknown(user_knew(usr, o))])
        ),
        close(S)),
    assertz(api_tmp_file(good, Good)),
    api_case_file(Bad),
    setup_call_cleanup(
        open(Bad, write, S2),
        format(S2, "party(a).~n:- throw(consulted).~n", []),
        close(S2)),
    assertz(api_tmp_file(bad, Bad)).

api_delete_case_files :-
    forall(retract(api_tmp_file(_, F)), delete_file(F)).

test(read_case_file) :-
    api_tmp_file(good, File),
    read_case_file(File, Facts),
    assertion(memberchk(unknown(user_knew(usr, o)), Facts)),
    assertion(memberchk(substantially_similar(o, w), Facts)).
test(evaluate_file) :-
    api_tmp_file(good, File),
    with_output_to(string(Out), evaluate_file(File, [regime(fault)])),
    split_string(Out, "\n", "", Lines),
    assertion(memberchk("% regime: fault", Lines)),
    assertion(memberchk("% open (not proven): user_knew(usr,o)", Lines)),
    assertion(( member(L, Lines),
                sub_string(L, 0, _, _, "not_liable(prov, provider, breach_not_proven)"),
                sub_string(L, _, _, 0, "[D13, D14]") )).
%   Case files are data: a directive is refused, never run.
test(directive_refused, error(domain_error(input_fact, (:- throw(consulted))))) :-
    api_tmp_file(bad, File),
    read_case_file(File, _).

:- end_tests(case_files).

:- begin_tests(queries).

test(liable_subjects) :-
    scenario(provider_case, F),
    query_answers(liable_subjects, F, [], Rows),
    assertion(Rows == [[dev, contributory], [prov, primary]]).
test(defenses) :-
    scenario(provider_case, F),
    query_answers(defenses, F, [], Rows),
    assertion(Rows == [[prov, lack_of_knowledge, rejected],
                       [prov, provider_fair_use, rejected],
                       [prov, safe_harbor, rejected]]).
test(ownership) :-
    scenario(provider_case, F),
    query_answers(ownership, F, [], Rows),
    assertion(Rows == [[o, copyright, none], [o, tangible, usr]]).
test(remedies) :-
    scenario(provider_case, F),
    query_answers(remedies, F, [position(remedy, licence_fee)], Rows),
    assertion(Rows == [[dev, damages], [dev, licence_fee],
                       [prov, damages], [prov, licence_fee]]).
test(ownership_dreamwriter_court) :-
    scenario(dreamwriter, F),
    query_answers(ownership, F, [position(default_owner, contributing_human)],
                  Rows),
    assertion(Rows == [[article, copyright, tencent],
                       [article, tangible, tencent]]).
test(by_path) :-
    scenario(provider_case, F),
    kb_file('queries/liable_subjects.pl', Path),
    query_answers(Path, F, [], Rows),
    assertion(Rows == [[dev, contributory], [prov, primary]]).
test(no_such_query, error(existence_error(query_module, no_such_query))) :-
    query_answers(no_such_query, [], [], _).

:- end_tests(queries).

:- begin_tests(api).

test(input_predicate) :-
    assertion(input_predicate(trained_on, 2)),
    assertion(\+ input_predicate(liable, 4)).
test(rule_registry) :-
    rule_registry(Rules),
    assertion(Rules = [_|_]),
    assertion(( member(rule(r_d13_strict, Ds, Cites, _, aigc_liability, _),
                       Rules),
                Ds == [d07, d13], memberchk(d13-'5.3', Cites) )).
%   `swipl kb/prolog/aigc.pl` loads the whole kb without a warning.
test(loads_without_warnings) :-
    current_prolog_flag(executable, Swipl),
    module_property(aigc, file(File)),
    process_create(Swipl, ['-q', '-g', halt, File],
                   [ stdout(null), stderr(pipe(Err)), process(Pid) ]),
    read_string(Err, _, Messages),
    close(Err),
    process_wait(Pid, Status),
    assertion(Messages == ""),
    assertion(Status == exit(0)).

:- end_tests(api).
