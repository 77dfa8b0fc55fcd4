/*  Tests of joint.pl: with whom a liability is joint and several (D08,
    D11, D13).  Expectations derived by hand from docs/semantics.md,
    section 3 ("Joint and several liability").
*/

:- use_module(aigc_engine(test_support)).

joint_eval(Add, Options, C) :-
    variant(provider_case, Add, [], F),
    eval(F, Options, C).

:- begin_tests(joint_and_several).

%   D11: the provider joint beside the user who induced the output.
test(induced_strict) :-
    joint_eval([intent_proven(usr, o)], [], C),
    assertion(has(C, joint_and_several(prov, usr, o, whole_harm), [d11, d13])).

%   D11: with provider_when_user_induces = secondary nothing is joint.
test(induced_secondary) :-
    joint_eval([intent_proven(usr, o)], [position(provider_when_user_induces, secondary)], C),
    assertion(lacks(C, joint_and_several(_, _, _, _))).

%   D13 [ext]: under notice and takedown, the knowing provider with the user.
test(notice_and_takedown_knowing) :-
    joint_eval([provider_knew(prov, o)], [regime(notice_and_takedown)], C),
    assertion(has(C, joint_and_several(prov, usr, o, whole_harm), [d13])).

%   D13 [ext]: notice ignored, no knowledge before: the harm after notice.
test(notice_and_takedown_after_notice) :-
    joint_eval([notice_received(prov, o)], [regime(notice_and_takedown)], C),
    assertion(has(C, joint_and_several(prov, usr, o, harm_after_notice), [d13, d15])).

%   D15: removed promptly after notice, no knowledge: not liable, nothing joint.
test(notice_and_takedown_removed) :-
    joint_eval([notice_received(prov, o), removed_promptly(prov, o)], [regime(notice_and_takedown)], C),
    assertion(lacks(C, joint_and_several(_, _, _, _))).

%   A provider strictly liable alone is joint with nobody.
test(strict_alone) :-
    joint_eval([], [], C),
    assertion(lacks(C, joint_and_several(_, _, _, _))).

:- end_tests(joint_and_several).
