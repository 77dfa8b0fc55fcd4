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
    assertion(lacks(C, liable_for(sys, _, _, _, _, _))),
    assertion(lacks(C, infringement(sys, _, _, _, _))),
    assertion(lacks(C, remedy(sys, _))),
    assertion(lacks(C, defense(sys, _, _))),
    assertion(lacks(C, provider_ground(sys, _))),
    assertion(lacks(C, not_liable(sys, provider, _))),
    assertion(lacks(C, not_liable(sys, developer, _))),
    assertion(lacks(C, not_liable(sys, user, _))).

:- end_tests(d06_ai_not_subject).

:- begin_tests(liable_per_infringement).

%   The output copies rh's w and adapts dev's own w2: the provider is liable
%   for each work; the developer only for rh's (I01), and its summary
%   liable/4 has only that right, with the doctrines of its liable_for atom.
test(per_work) :-
    lia_eval([work(w2), owns_copyright(dev, w2), derivative_of(o, w2)], [], [], C),
    assertion(has(C, liable_for(prov, primary, reproduction, w, o, generation),
                  [d07, d13])),
    assertion(has(C, liable_for(prov, primary, adaptation, w2, o, generation),
                  [d07, d13])),
    assertion(has(C, liable_for(dev, contributory, reproduction, w, o,
                                generation), [d08])),
    assertion(lacks(C, liable_for(dev, _, _, w2, _, _))),
    assertion(has(C, liable(dev, contributory, reproduction, generation),
                  [d08])),
    assertion(lacks(C, liable(dev, _, adaptation, _))),
    assertion(has(C, liable(prov, primary, adaptation, generation),
                  [d07, d13])).

%   A training copy: the work copied, output none (D02).
test(training_copy) :-
    scenario(training_case, F),
    eval(F, [], C),
    assertion(has(C, liable_for(dev, primary, reproduction, w, none, training),
                  [d02])),
    assertion(has(C, liable(dev, primary, reproduction, training), [d02])).

%   A reposted item that is not an output's copy of something: the item
%   itself, output none (D29).
test(reposted_item) :-
    scenario(li_v_liu, F),
    eval(F, [], C),
    assertion(has(C, liable_for(liu, primary, communication, img, none,
                                generation), [d29])).

%   A summary atom cites the union of the doctrines of its liable_for atoms:
%   the provider generated o (D07, D13) and also reproduced it (D04).
test(summary_union) :-
    lia_eval([reproduced(prov, o)], [], [], C),
    assertion(has(C, liable_for(prov, primary, reproduction, w, o, generation),
                  [d04, d07, d13])),
    assertion(has(C, liable(prov, primary, reproduction, generation),
                  [d04, d07, d13])).

:- end_tests(liable_per_infringement).

