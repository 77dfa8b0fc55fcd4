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
test(ai_named_author) :-
    lia_eval([ai_named_author(sys, o)], [], [], C),
    assertion(has(C, not_liable(sys, ai, ai_not_legal_subject), [d06])),
    assertion(has(C, copyright(o, not_a_work, none, no_human_contribution),
                  [d06, d17])).
%   Negative: the AI not named.
test(ai_not_named) :-
    lia_eval([], [], [], C),
    assertion(lacks(C, not_liable(sys, _, _))),
    assertion(has(C, copyright(o, not_a_work, none, no_human_contribution),
                  [d17])).
%   Naming the AI as author of a human's work changes nothing.
test(ai_named_author_of_a_work) :-
    scenario(li_v_liu, F0),
    append(F0, [ai_named_author(sd, img)], F),
    eval(F, [], C),
    assertion(has(C, copyright(img, work, li, self_run_user), [d17, d19])),
    assertion(has(C, not_liable(sd, ai, ai_not_legal_subject), [d06])).

:- end_tests(d06_ai_not_subject).

:- begin_tests(d07_provider_primary).

test(provider_primary) :-
    lia_eval([], [], [], C),
    assertion(has(C, liable(prov, primary, reproduction, generation),
                  [d07, d13])),
    forall(member(G, [originator_of_risk, causal_control, potential_owner,
                      diffuse_users, duty_of_care]),
           assertion(has(C, provider_ground(prov, G), [d07]))),
    assertion(lacks(C, provider_ground(prov, reward))).
test(reward) :-
    lia_eval([profits_from_service(prov)], [], [], C),
    assertion(has(C, provider_ground(prov, reward), [d07])).
%   Every right the output copies.
test(every_right) :-
    lia_eval([derivative_of(o, w)], [], [], C),
    assertion(has(C, liable(prov, primary, reproduction, generation),
                  [d07, d13])),
    assertion(has(C, liable(prov, primary, adaptation, generation),
                  [d07, d13])).
%   Negative: nobody uses the system (user/2): no duty_of_care ground.
test(no_user_no_duty_of_care_ground) :-
    lia_eval([], [user(usr, sys)], [], C),
    assertion(has(C, provider_ground(prov, diffuse_users), [d07])),
    assertion(lacks(C, provider_ground(prov, duty_of_care))).
%   Negative: no provider.
test(no_provider) :-
    lia_eval([], [provider(prov, sys)], [], C),
    assertion(lacks(C, liable(prov, _, _, _))),
    assertion(lacks(C, provider_ground(prov, _))).
%   Negative: a provider not liable (fault, no breach) has no grounds.
test(no_grounds_when_not_liable) :-
    lia_eval([], [], [regime(fault)], C),
    assertion(lacks(C, provider_ground(_, _))).

:- end_tests(d07_provider_primary).

:- begin_tests(d08_developer_generation).

test(contributory_by_default) :-
    lia_eval([], [], [], C),
    assertion(has(C, liable(dev, contributory, reproduction, generation),
                  [d08])),
    assertion(lacks(C, not_liable(dev, _, _))).
test(one_measure_is_not_enough) :-
    lia_eval([anti_infringement_measures(dev, sys)], [], [], C),
    assertion(has(C, liable(dev, contributory, reproduction, generation),
                  [d08])).
%   Negative: both conditions of reasonable measures.
test(reasonable_measures) :-
    lia_eval([anti_infringement_measures(dev, sys),
              routine_maintenance_only(dev, sys)], [], [], C),
    assertion(lacks(C, liable(dev, _, _, _))),
    assertion(has(C, not_liable(dev, developer, reasonable_measures), [d08])).
test(unlawfully_sourced_data_defeats_measures) :-
    lia_eval([anti_infringement_measures(dev, sys),
              routine_maintenance_only(dev, sys),
              unlawfully_sourced_data(sys)], [], [], C),
    assertion(has(C, liable(dev, contributory, reproduction, generation),
                  [d08])).
test(training_infringement_defeats_measures) :-
    lia_eval([anti_infringement_measures(dev, sys),
              routine_maintenance_only(dev, sys),
              trained_on(sys, w)], [], [], C),
    assertion(has(C, liable(dev, contributory, reproduction, generation),
                  [d08])),
    assertion(has(C, liable(dev, primary, reproduction, training), [d02])).
test(position_joint) :-
    lia_eval([], [], [position(developer_without_measures, joint)], C),
    assertion(has(C, liable(dev, joint, reproduction, generation), [d08])),
    assertion(lacks(C, liable(dev, contributory, _, _))).
test(position_not_liable) :-
    lia_eval([], [], [position(developer_without_measures, not_liable)], C),
    assertion(lacks(C, liable(dev, _, _, _))),
    assertion(has(C, not_liable(dev, developer, position_not_liable), [d08])).
%   The developer that also provides the system answers as provider.
test(developer_is_provider) :-
    lia_eval([provider(dev, sys)], [], [], C),
    assertion(has(C, liable(dev, primary, reproduction, generation),
                  [d07, d13])),
    assertion(lacks(C, liable(dev, contributory, _, _))),
    assertion(has(C, not_liable(dev, developer, no_infringement), [d02])).

:- end_tests(d08_developer_generation).

:- begin_tests(d09_good_faith_user).

test(good_faith_user) :-
    lia_eval([], [], [], C),
    assertion(has(C, not_liable(usr, user, good_faith_user), [d09])),
    assertion(lacks(C, liable(usr, _, _, _))).
%   Negative: the user knew.
test(user_knew) :-
    lia_eval([user_knew(usr, o)], [], [], C),
    assertion(lacks(C, not_liable(usr, _, _))),
    assertion(has(C, liable(usr, secondary, reproduction, generation),
                  [d10])).
%   Under notice and takedown the requesting user is the direct infringer.
test(no_shield_under_notice_and_takedown) :-
    lia_eval([], [], [regime(notice_and_takedown)], C),
    assertion(has(C, liable(usr, primary, reproduction, generation), [d13])),
    assertion(lacks(C, not_liable(usr, _, _))).
test(every_regime_but_notice,
     forall(member(R, [strict, fault, presumed_fault]))) :-
    lia_eval([], [], [regime(R)], C),
    assertion(has(C, not_liable(usr, user, good_faith_user), [d09])).

:- end_tests(d09_good_faith_user).

:- begin_tests(d10_user_knowledge).

test(should_have_known_secondary) :-
    lia_eval([user_should_have_known(usr, o)], [], [], C),
    assertion(has(C, liable(usr, secondary, reproduction, generation),
                  [d10])),
    assertion(has(C, remedy_factor(usr, knowledge), [d24])).
test(prompt_naming_the_work) :-
    lia_eval([prompt_names_work(usr, o, w)], [], [], C),
    assertion(has(C, liable(usr, secondary, reproduction, generation),
                  [d10])),
    assertion(lacks(C, liable(usr, primary, _, _))),
    assertion(lacks(C, remedy_factor(usr, intent))).
%   Negative: the prompt named a work the output does not copy.
test(prompt_naming_another_work) :-
    lia_eval([work(w2), prompt_names_work(usr, o, w2)], [], [], C),
    assertion(has(C, not_liable(usr, user, good_faith_user), [d09])),
    assertion(lacks(C, liable(usr, _, _, _))).
%   Primary where no provider is liable (fault, no breach) ...
test(primary_without_liable_provider) :-
    lia_eval([user_knew(usr, o)], [], [regime(fault)], C),
    assertion(has(C, liable(usr, primary, reproduction, generation), [d10])),
    assertion(lacks(C, liable(usr, secondary, _, _))).
%   ... or where there is no provider at all.
test(primary_self_run) :-
    lia_eval([user_knew(usr, o)], [provider(prov, sys)], [], C),
    assertion(has(C, liable(usr, primary, reproduction, generation), [d10])).

:- end_tests(d10_user_knowledge).

:- begin_tests(d11_red_flag_user).

test(intent_proven) :-
    lia_eval([intent_proven(usr, o)], [], [], C),
    assertion(has(C, liable(usr, primary, reproduction, generation), [d11])),
    assertion(has(C, liable(prov, joint, reproduction, generation),
                  [d07, d11, d13])),
    assertion(lacks(C, liable(prov, primary, _, _))),
    assertion(has(C, recourse(prov, usr, user_induced), [d11, d31])),
    assertion(has(C, remedy_factor(usr, intent), [d24])).
test(repeated_suggestive_prompts) :-
    lia_eval([highly_similar(o, w), repeated_suggestive_prompts(usr, o, w)],
             [substantially_similar(o, w)], [], C),
    assertion(has(C, liable(usr, primary, reproduction, generation), [d11])).
%   Negative: the output only substantially similar, not highly similar.
test(suggestive_prompts_without_high_similarity) :-
    lia_eval([repeated_suggestive_prompts(usr, o, w)], [], [], C),
    assertion(lacks(C, liable(usr, _, _, _))),
    assertion(has(C, not_liable(usr, user, good_faith_user), [d09])).
test(fine_tuned_on_the_work) :-
    lia_eval([fine_tuned_on(usr, sys, w)], [], [], C),
    assertion(has(C, liable(usr, primary, reproduction, generation), [d11])).
%   Negative: fine-tuned another system.
test(fine_tuned_another_system) :-
    lia_eval([system(sys2), fine_tuned_on(usr, sys2, w)], [], [], C),
    assertion(lacks(C, liable(usr, _, _, _))).
%   Negative: the output must infringe.
test(intent_without_infringement) :-
    lia_eval([intent_proven(usr, o), authorised_use(o, w)], [], [], C),
    assertion(lacks(C, liable(_, _, _, _))).
test(position_secondary) :-
    lia_eval([intent_proven(usr, o)], [],
             [position(provider_when_user_induces, secondary)], C),
    assertion(has(C, liable(prov, secondary, reproduction, generation),
                  [d07, d11, d13])),
    assertion(lacks(C, liable(prov, joint, _, _))).
%   Under fault the provider answers only for its own fault.
test(fault_provider_own_fault) :-
    lia_eval([intent_proven(usr, o), breach_proven(prov), fault_proven(prov)],
             [], [regime(fault)], C),
    assertion(has(C, liable(prov, primary, reproduction, generation),
                  [d07, d13, d14])),
    assertion(has(C, liable(usr, primary, reproduction, generation), [d11])).
test(fault_provider_without_fault) :-
    lia_eval([intent_proven(usr, o)], [], [regime(fault)], C),
    assertion(lacks(C, liable(prov, _, _, _))),
    assertion(has(C, liable(usr, primary, reproduction, generation), [d11])),
    assertion(lacks(C, recourse(_, _, _))).
%   Under notice and takedown both the D11 and the D13 rows conclude.
test(notice_and_takedown) :-
    lia_eval([intent_proven(usr, o)], [], [regime(notice_and_takedown)], C),
    assertion(has(C, liable(usr, primary, reproduction, generation),
                  [d11, d13])),
    assertion(lacks(C, liable(prov, _, _, _))).

:- end_tests(d11_red_flag_user).

:- begin_tests(d12_user_fair_use).

test(rejected_by_default) :-
    lia_eval([intent_proven(usr, o), purpose(usr, o, personal_study)],
             [], [], C),
    assertion(has(C, defense(usr, user_fair_use, rejected), [d12])),
    assertion(has(C, liable(usr, primary, reproduction, generation), [d11])).
test(accepted_position) :-
    lia_eval([intent_proven(usr, o), purpose(usr, o, research)], [],
             [position(personal_fair_use_noncommercial, accepted)], C),
    assertion(has(C, defense(usr, user_fair_use, accepted), [d12])),
    assertion(has(C, not_liable(usr, user, fair_use), [d12])),
    assertion(lacks(C, liable(usr, _, _, _))).
%   Negative: through a commercial platform.
test(commercial_platform) :-
    lia_eval([intent_proven(usr, o), purpose(usr, o, appreciation),
              via_commercial_platform(usr, o)], [],
             [position(personal_fair_use_noncommercial, accepted)], C),
    assertion(has(C, defense(usr, user_fair_use, rejected), [d12])),
    assertion(has(C, liable(usr, primary, reproduction, generation), [d11])).
%   Negative: a commercial purpose raises no defence.
test(commercial_purpose) :-
    lia_eval([intent_proven(usr, o), purpose(usr, o, commercial)], [],
             [position(personal_fair_use_noncommercial, accepted)], C),
    assertion(lacks(C, defense(usr, user_fair_use, _))),
    assertion(has(C, liable(usr, primary, reproduction, generation), [d11])).
%   Negative: the defence only matters for a user who would be liable.
test(good_faith_user_raises_nothing) :-
    lia_eval([purpose(usr, o, personal_study)], [], [], C),
    assertion(lacks(C, defense(usr, _, _))),
    assertion(has(C, not_liable(usr, user, good_faith_user), [d09])).

:- end_tests(d12_user_fair_use).

:- begin_tests(d13_regime).

test(fault_breach_and_fault) :-
    lia_eval([no_risk_warning(prov), fault_proven(prov)], [],
             [regime(fault)], C),
    assertion(has(C, liable(prov, primary, reproduction, generation),
                  [d07, d13, d14])).
test(fault_not_proven) :-
    lia_eval([no_risk_warning(prov)], [], [regime(fault)], C),
    assertion(lacks(C, liable(prov, _, _, _))),
    assertion(has(C, not_liable(prov, provider, fault_not_proven), [d13])).
test(fault_breach_not_proven) :-
    lia_eval([fault_proven(prov)], [], [regime(fault)], C),
    assertion(has(C, not_liable(prov, provider, breach_not_proven),
                  [d13, d14])).
test(presumed_fault_breach) :-
    lia_eval([no_risk_warning(prov)], [], [regime(presumed_fault)], C),
    assertion(has(C, liable(prov, primary, reproduction, generation),
                  [d07, d13, d14])).
test(presumed_fault_rebutted) :-
    lia_eval([no_risk_warning(prov), fault_rebutted(prov)], [],
             [regime(presumed_fault)], C),
    assertion(lacks(C, liable(prov, _, _, _))),
    assertion(has(C, not_liable(prov, provider, fault_rebutted), [d13])).
test(presumed_fault_no_breach) :-
    lia_eval([], [], [regime(presumed_fault)], C),
    assertion(has(C, not_liable(prov, provider, breach_not_proven),
                  [d13, d14])).
%   Under strict neither breach nor fault matters.
test(strict_regardless_of_fault) :-
    lia_eval([fault_rebutted(prov), complaint_mechanism(prov)], [],
             [regime(strict)], C),
    assertion(has(C, liable(prov, primary, reproduction, generation),
                  [d07, d13])).
test(notice_and_takedown_knowledge,
     forall(member(K, [provider_knew(prov, o),
                       provider_should_have_known(prov, o)]))) :-
    lia_eval([K], [], [regime(notice_and_takedown)], C),
    assertion(has(C, liable(prov, secondary, reproduction, generation),
                  [d13, d15])),
    assertion(lacks(C, not_liable(prov, _, _))).
test(notice_not_acted_upon) :-
    lia_eval([notice_received(prov, o)], [], [regime(notice_and_takedown)], C),
    assertion(has(C, liable(prov, secondary, reproduction, generation),
                  [d13, d15])).
%   Negative: removed promptly after notice.
test(notice_removed_promptly) :-
    lia_eval([notice_received(prov, o), removed_promptly(prov, o)], [],
             [regime(notice_and_takedown)], C),
    assertion(lacks(C, liable(prov, _, _, _))),
    assertion(has(C, not_liable(prov, provider, safe_harbor), [d15])).
%   The regime governs only the provider: the developer's liability stays.
test(developer_unchanged,
     forall(member(R, [strict, fault, presumed_fault, notice_and_takedown]))) :-
    lia_eval([], [], [regime(R)], C),
    assertion(has(C, liable(dev, contributory, reproduction, generation),
                  [d08])).

:- end_tests(d13_regime).

:- begin_tests(d15_safe_harbor).

test(rejected_under_strict) :-
    lia_eval([], [], [], C),
    assertion(has(C, defense(prov, safe_harbor, rejected), [d15])),
    assertion(lacks(C, defense(prov, safe_harbor, accepted))).
test(rejected_under_fault_even_when_not_liable) :-
    lia_eval([], [], [regime(fault)], C),
    assertion(has(C, defense(prov, safe_harbor, rejected), [d15])).
test(accepted_under_notice_and_takedown) :-
    lia_eval([], [], [regime(notice_and_takedown)], C),
    assertion(has(C, defense(prov, safe_harbor, accepted), [d15])),
    assertion(lacks(C, defense(prov, safe_harbor, rejected))),
    assertion(has(C, not_liable(prov, provider, safe_harbor), [d15])).
%   Negative: the provider knew.
test(lost_by_knowledge) :-
    lia_eval([provider_knew(prov, o)], [], [regime(notice_and_takedown)], C),
    assertion(has(C, defense(prov, safe_harbor, rejected), [d15])),
    assertion(lacks(C, defense(prov, safe_harbor, accepted))).

:- end_tests(d15_safe_harbor).

:- begin_tests(d16_red_flag_not_for_providers).

test(lack_of_knowledge_rejected) :-
    lia_eval([], [], [], C),
    assertion(has(C, defense(prov, lack_of_knowledge, rejected), [d16])).
%   Negative: the provider knew; knowledge changes nothing to liability.
test(provider_knew) :-
    lia_eval([provider_knew(prov, o)], [], [], C),
    assertion(lacks(C, defense(prov, lack_of_knowledge, _))),
    assertion(has(C, liable(prov, primary, reproduction, generation),
                  [d07, d13])).
test(not_under_fault) :-
    lia_eval([], [], [regime(fault)], C),
    assertion(lacks(C, defense(prov, lack_of_knowledge, _))).

:- end_tests(d16_red_flag_not_for_providers).

:- begin_tests(d30_no_provider_fair_use).

test(rejected_in_every_regime,
     forall(member(R, [strict, fault, presumed_fault, notice_and_takedown]))) :-
    lia_eval([], [], [regime(R)], C),
    assertion(has(C, defense(prov, provider_fair_use, rejected), [d30])).
test(tdm_position_does_not_apply) :-
    lia_eval([], [], [position(tdm_exception, accepted)], C),
    assertion(has(C, defense(prov, provider_fair_use, rejected), [d30])),
    assertion(has(C, liable(prov, primary, reproduction, generation),
                  [d07, d13])).
%   Negative: no infringing output, no defence.
test(no_infringing_output) :-
    lia_eval([authorised_use(o, w)], [], [], C),
    assertion(lacks(C, defense(_, _, _))).

:- end_tests(d30_no_provider_fair_use).

:- begin_tests(roles).

%   Every role gets its own entry: Tencent is developer, provider and user.
test(dreamwriter_roles) :-
    scenario(dreamwriter, F),
    eval(F, [], C),
    assertion(has(C, not_liable(tencent, developer, no_infringement), [d02])),
    assertion(has(C, not_liable(tencent, provider, no_infringing_output),
                  [d04])),
    assertion(has(C, not_liable(tencent, user, no_infringing_output), [d04])),
    assertion(lacks(C, not_liable(team, _, _))),
    assertion(has(C, liable(yingxun, primary, communication, generation),
                  [d29])),
    assertion(lacks(C, not_liable(yingxun, _, _))).
%   A good-faith user that disseminates: liable for the act, its user entry
%   unchanged.
test(user_disseminates) :-
    lia_eval([made_available(usr, o)], [], [], C),
    assertion(has(C, liable(usr, primary, communication, generation), [d04])),
    assertion(has(C, not_liable(usr, user, good_faith_user), [d09])).
%   A provider whose system generated nothing infringing.
test(provider_no_infringing_output) :-
    lia_eval([], [substantially_similar(o, w)], [], C),
    assertion(has(C, not_liable(prov, provider, no_infringing_output),
                  [d04])),
    assertion(has(C, not_liable(dev, developer, no_infringement), [d02])),
    assertion(has(C, not_liable(usr, user, no_infringing_output), [d04])),
    assertion(lacks(C, liable(_, _, _, _))).
%   The rights holder has no role.
test(rights_holder_no_role) :-
    lia_eval([], [], [], C),
    assertion(lacks(C, not_liable(rh, _, _))).

:- end_tests(roles).
