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

test(work_by_contribution) :-
    own_eval([], [], [], C),
    assertion(has(C, copyright(o, work, prov, commissioned_provider),
                  [d17, d19])),
    assertion(lacks(C, copyright(o, not_a_work, _, _))).
%   Negative: no human contribution, not a work, nobody holds it.
test(no_contribution) :-
    variant(provider_case, [], [substantially_similar(o, w)], F),
    eval(F, [], C),
    assertion(has(C, copyright(o, not_a_work, none, no_human_contribution),
                  [d17])),
    assertion(lacks(C, copyright(o, work, _, _))).
%   Interpretation: conclusions are made for declared outputs (output/1).
test(undeclared_output) :-
    own_eval([], [output(o)], [], C),
    assertion(lacks(C, copyright(o, _, _, _))),
    assertion(lacks(C, tangible_owner(o, _))).

:- end_tests(d17_human_contribution).

:- begin_tests(d18_copyright_vs_object).

%   Copyright with the provider, the tangible form with the user.
test(independent) :-
    own_eval([], [], [], C),
    assertion(has(C, copyright(o, work, prov, commissioned_provider),
                  [d17, d19])),
    assertion(has(C, tangible_owner(o, usr), [d18, d21])),
    assertion(lacks(C, copyright(o, work, usr, _))).
%   Negative: owning the tangible form does not make one the owner of the
%   copyright.
test(possession_gives_no_copyright) :-
    own_eval([possesses(rh, o)], [], [], C),
    assertion(has(C, tangible_owner(o, rh), [d18, d21])),
    assertion(lacks(C, copyright(o, _, rh, _))).

:- end_tests(d18_copyright_vs_object).

:- begin_tests(d19_commissioned_creation).

test(terms_of_service) :-
    own_eval([terms_assign_copyright(prov, usr)], [], [], C),
    assertion(has(C, copyright(o, work, usr, terms_of_service), [d17, d19])),
    assertion(lacks(C, copyright(o, work, prov, _))).
%   Negative: no term, the contractor holds it.
test(no_term_provider) :-
    own_eval([], [], [], C),
    assertion(has(C, copyright(o, work, prov, commissioned_provider),
                  [d17, d19])).
test(position_contributing_human) :-
    own_eval([], [], [position(default_owner, contributing_human)], C),
    assertion(has(C, copyright(o, work, usr, contributing_human), [d17, d19])),
    assertion(lacks(C, copyright(o, work, prov, _))).
test(terms_prevail_over_position) :-
    own_eval([terms_assign_copyright(prov, rh)], [],
             [position(default_owner, contributing_human)], C),
    assertion(has(C, copyright(o, work, rh, terms_of_service), [d17, d19])),
    assertion(lacks(C, copyright(o, work, usr, _))).
test(legal_person_work) :-
    own_eval([party(corp), acting_for(usr, corp)], [],
             [position(default_owner, contributing_human)], C),
    assertion(has(C, copyright(o, work, corp, legal_person_work), [d17, d19])),
    assertion(lacks(C, copyright(o, work, usr, _))).
%   Under the paper's position the team membership changes nothing.
test(legal_person_irrelevant_for_provider) :-
    own_eval([party(corp), acting_for(usr, corp)], [], [], C),
    assertion(has(C, copyright(o, work, prov, commissioned_provider),
                  [d17, d19])),
    assertion(lacks(C, copyright(o, work, corp, _))).
test(self_run_user) :-
    scenario(li_v_liu, F),
    eval(F, [position(default_owner, provider)], C),
    assertion(has(C, copyright(img, work, li, self_run_user), [d17, d19])).
test(self_run_legal_person) :-
    scenario(li_v_liu, F0),
    append(F0, [party(firm), acting_for(li, firm)], F),
    eval(F, [], C),
    assertion(has(C, copyright(img, work, firm, legal_person_work),
                  [d17, d19])),
    assertion(lacks(C, copyright(img, work, li, _))).
test(dreamwriter_paper) :-
    scenario(dreamwriter, F),
    eval(F, [], C),
    assertion(has(C, copyright(article, work, tencent, commissioned_provider),
                  [d17, d19])).
test(dreamwriter_court) :-
    scenario(dreamwriter, F),
    eval(F, [regime(fault), position(default_owner, contributing_human)], C),
    assertion(has(C, copyright(article, work, tencent, legal_person_work),
                  [d17, d19])),
    assertion(lacks(C, copyright(article, work, team, _))).

:- end_tests(d19_commissioned_creation).

:- begin_tests(d20_no_copyright_by_infringement).

test(infringing_work_has_no_owner) :-
    variant(provider_case, [human_contribution(usr, o)], [], F),
    eval(F, [], C),
    assertion(has(C, copyright(o, work, none, infringing_output), [d17, d20])),
    assertion(lacks(C, copyright(o, work, prov, _))).
%   Negative: the use was licensed.
test(licensed_use) :-
    variant(provider_case, [human_contribution(usr, o), authorised_use(o, w)],
            [], F),
    eval(F, [], C),
    assertion(has(C, copyright(o, work, prov, commissioned_provider),
                  [d17, d19])),
    assertion(lacks(C, copyright(o, work, none, _))).

:- end_tests(d20_no_copyright_by_infringement).

:- begin_tests(d21_physical_owner).

test(requesting_user) :-
    scenario(provider_case, F),
    eval(F, [], C),
    assertion(has(C, tangible_owner(o, usr), [d18, d21])).
%   Negative: someone else is proven to possess it.
test(possessor) :-
    variant(provider_case, [possesses(rh, o)], [], F),
    eval(F, [], C),
    assertion(has(C, tangible_owner(o, rh), [d18, d21])),
    assertion(lacks(C, tangible_owner(o, usr))).
test(nobody) :-
    variant(provider_case, [], [requested_by(o, usr)], F),
    eval(F, [], C),
    assertion(lacks(C, tangible_owner(o, _))).

:- end_tests(d21_physical_owner).
