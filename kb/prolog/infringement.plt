/*  Tests of infringement.pl: D01-D05, D28 (provenance), D29.
    Expectations derived by hand from docs/semantics.md, sections 1-3.
*/

:- use_module(aigc_engine(test_support)).

:- begin_tests(d01_stages).

%   Positive: a training copy is an infringement of the training stage, an
%   output of the generation stage.
test(training_stage) :-
    scenario(training_case, F),
    eval(F, [], C),
    assertion(has(C, infringement(dev, reproduction, w, none, training),
                  [d01, d02, d03])).
test(generation_stage) :-
    scenario(provider_case, F),
    eval(F, [], C),
    assertion(has(C, infringement(prov, reproduction, w, o, generation),
                  [d01, d04, d07])).
%   Negative: without the training copy there is no infringement at all.
test(no_training_copy_no_infringement) :-
    variant(training_case, [], [trained_on(sys, w)], F),
    eval(F, [], C),
    assertion(lacks(C, infringement(_, _, _, _, _))).

:- end_tests(d01_stages).

:- begin_tests(d02_training_copy).

test(developer_liable_for_training_copy) :-
    scenario(training_case, F),
    eval(F, [], C),
    assertion(has(C, liable(dev, primary, reproduction, training), [d02])),
    assertion(lacks(C, not_liable(dev, _, _))).
%   Not regime-dependent.
test(every_regime,
     forall(member(R, [strict, fault, presumed_fault, notice_and_takedown]))) :-
    scenario(training_case, F),
    eval(F, [regime(R)], C),
    assertion(has(C, liable(dev, primary, reproduction, training), [d02])).
%   Negative: authorised training is no infringement.
test(authorised_training) :-
    variant(training_case, [training_authorised(sys, w)], [], F),
    eval(F, [], C),
    assertion(lacks(C, liable(dev, _, _, _))),
    assertion(lacks(C, infringement(dev, _, _, _, _))),
    assertion(has(C, not_liable(dev, developer, no_infringement), [d02])).
%   Negative: an unprotected work (nobody holds rights in it).
test(unprotected_work) :-
    variant(training_case, [], [owns_copyright(rh, w)], F),
    eval(F, [], C),
    assertion(lacks(C, liable(dev, _, _, _))),
    assertion(has(C, not_liable(dev, developer, no_infringement), [d02])).
%   An exclusive licensee's work is protected too.
test(exclusive_licensee) :-
    variant(training_case, [exclusive_licensee(rh, w)],
            [owns_copyright(rh, w)], F),
    eval(F, [], C),
    assertion(has(C, liable(dev, primary, reproduction, training), [d02])).

:- end_tests(d02_training_copy).

:- begin_tests(d03_tdm_exception).

test(rejected_by_default) :-
    scenario(training_case, F),
    eval(F, [], C),
    assertion(has(C, defense(dev, tdm_exception, rejected), [d03])),
    assertion(lacks(C, defense(dev, tdm_exception, accepted))).
test(accepted_position) :-
    scenario(training_case, F),
    eval(F, [position(tdm_exception, accepted)], C),
    assertion(has(C, defense(dev, tdm_exception, accepted), [d03])),
    assertion(has(C, not_liable(dev, developer, tdm_exception), [d03])),
    assertion(lacks(C, liable(dev, _, _, _))),
    assertion(lacks(C, infringement(_, _, _, _, _))).
%   accepted_if_noncommercial [ext]: only for non-commercial research ...
test(noncommercial_research) :-
    variant(training_case, [noncommercial_research(sys)], [], F),
    eval(F, [position(tdm_exception, accepted_if_noncommercial)], C),
    assertion(has(C, defense(dev, tdm_exception, accepted), [d03])),
    assertion(lacks(C, liable(dev, _, _, _))).
%   ... negative: the same position, the research fact missing.
test(commercial_training) :-
    scenario(training_case, F),
    eval(F, [position(tdm_exception, accepted_if_noncommercial)], C),
    assertion(has(C, defense(dev, tdm_exception, rejected), [d03])),
    assertion(has(C, liable(dev, primary, reproduction, training), [d02])).
%   Negative under the paper's position: research does not help.
test(research_rejected_by_default) :-
    variant(training_case, [noncommercial_research(sys)], [], F),
    eval(F, [], C),
    assertion(has(C, defense(dev, tdm_exception, rejected), [d03])).

:- end_tests(d03_tdm_exception).

:- begin_tests(d04_output_infringement).

test(reproduction_by_generation) :-
    scenario(provider_case, F),
    eval(F, [], C),
    assertion(has(C, infringement(prov, reproduction, w, o, generation),
                  [d01, d04, d07])).
test(adaptation_by_derivation) :-
    variant(provider_case, [derivative_of(o, w)],
            [substantially_similar(o, w)], F),
    eval(F, [], C),
    assertion(has(C, infringement(prov, adaptation, w, o, generation),
                  [d01, d04, d07])),
    assertion(lacks(C, infringement(prov, reproduction, _, _, _))).
test(highly_similar_is_reproduction) :-
    variant(provider_case, [highly_similar(o, w)],
            [substantially_similar(o, w)], F),
    eval(F, [], C),
    assertion(has(C, infringement(prov, reproduction, w, o, generation),
                  [d01, d04, d07])).
%   Negative: the rights holder licensed the use.
test(authorised_use) :-
    variant(provider_case, [authorised_use(o, w)], [], F),
    eval(F, [], C),
    assertion(lacks(C, infringement(_, _, _, _, _))),
    assertion(lacks(C, liable(_, _, _, _))),
    assertion(has(C, not_liable(prov, provider, no_infringing_output), [d04])),
    assertion(has(C, not_liable(usr, user, no_infringing_output), [d04])).
%   A self-run model: the requesting user generates.
test(self_run_user_infringes) :-
    variant(provider_case, [], [provider(prov, sys)], F),
    eval(F, [], C),
    assertion(has(C, infringement(usr, reproduction, w, o, generation),
                  [d01, d04])),
    assertion(lacks(C, infringement(prov, _, _, _, _))).
%   Disseminating an infringing output.
test(dissemination_of_output) :-
    variant(provider_case, [party(x), made_available(x, o), reproduced(x, o)],
            [], F),
    eval(F, [], C),
    assertion(has(C, infringement(x, communication, w, o, generation),
                  [d01, d04])),
    assertion(has(C, infringement(x, reproduction, w, o, generation),
                  [d01, d04])),
    assertion(has(C, liable(x, primary, communication, generation), [d04])),
    assertion(has(C, liable(x, primary, reproduction, generation), [d04])).
%   Negative: authorised dissemination.
test(authorised_dissemination_of_output) :-
    variant(provider_case, [party(x), made_available(x, o),
                            dissemination_authorised(x, o)], [], F),
    eval(F, [], C),
    assertion(lacks(C, infringement(x, _, _, _, _))),
    assertion(lacks(C, liable(x, _, _, _))),
    assertion(has(C, not_liable(x, third_party, no_infringing_act), [d29])).

:- end_tests(d04_output_infringement).

:- begin_tests(d05_independence).

%   Positive: an output with a human contribution (a work by D17) infringes
%   all the same.
test(work_infringes_all_the_same) :-
    variant(provider_case, [human_contribution(usr, o)], [], F),
    eval(F, [], C),
    assertion(has(C, infringement(prov, reproduction, w, o, generation),
                  [d01, d04, d07])),
    assertion(has(C, liable(prov, primary, reproduction, generation),
                  [d07, d13])),
    assertion(has(C, copyright(o, work, none, infringing_output),
                  [d17, d20])).
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

:- begin_tests(d28_provenance).

%   Positive: a provenance record names the author: the work is protected.
test(provenance_record_protects) :-
    variant(provider_case, [provenance_record(w, rh)],
            [owns_copyright(rh, w)], F),
    eval(F, [], C),
    assertion(has(C, infringement(prov, reproduction, w, o, generation),
                  [d01, d04, d07])).
%   Negative: without it nobody holds rights in w.
test(no_record_no_protection) :-
    variant(provider_case, [], [owns_copyright(rh, w)], F),
    eval(F, [], C),
    assertion(lacks(C, infringement(_, _, _, _, _))).

:- end_tests(d28_provenance).

:- begin_tests(d29_protected_output).

test(li_v_liu) :-
    scenario(li_v_liu, F),
    eval(F, [], C),
    assertion(has(C, copyright(img, work, li, self_run_user), [d17, d19])),
    assertion(has(C, infringement(liu, communication, img, none, generation),
                  [d01, d29])),
    assertion(has(C, infringement(liu, authorship, img, none, generation),
                  [d01, d29])),
    assertion(has(C, liable(liu, primary, communication, generation), [d29])),
    assertion(has(C, liable(liu, primary, authorship, generation), [d29])).
%   Negative: authorised dissemination; the watermark removal still
%   infringes authorship.
test(authorised_dissemination) :-
    variant(li_v_liu, [dissemination_authorised(liu, img)], [], F),
    eval(F, [], C),
    assertion(lacks(C, infringement(liu, communication, _, _, _))),
    assertion(has(C, infringement(liu, authorship, img, none, generation),
                  [d01, d29])).
%   Negative: an output nobody holds (no human contribution) is not
%   protected.
test(unprotected_output) :-
    variant(li_v_liu, [], [human_contribution(li, img)], F),
    eval(F, [], C),
    assertion(lacks(C, infringement(_, _, _, _, _))),
    assertion(lacks(C, liable(_, _, _, _))),
    assertion(has(C, not_liable(liu, third_party, no_infringing_act),
                  [d29])).
%   The holder itself may disseminate.
test(holder_disseminates) :-
    variant(li_v_liu, [made_available(li, img)], [], F),
    eval(F, [], C),
    assertion(lacks(C, infringement(li, _, _, _, _))).
%   Reposting a protected work (not an output).
test(repost_of_work) :-
    scenario(empty_case, F0),
    append(F0, [party(x), made_available(x, w)], F),
    eval(F, [], C),
    assertion(has(C, infringement(x, communication, w, none, generation),
                  [d01, d29])),
    assertion(has(C, liable(x, primary, communication, generation), [d29])).

:- end_tests(d29_protected_output).
