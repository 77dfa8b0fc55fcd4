/*  Part of aigc-kb: who is liable when AI-generated content infringes copyright.

    With whom a liability is joint and several.  The basis of a liability
    (primary, secondary, contributory: liability.pl) is one question, with
    whom it is shared jointly and severally another: D11 (the provider
    beside the inducing user, position joint), D08 (the developer, position
    joint), D13 under notice_and_takedown ([ext] Civil Code Arts. 1195,
    1197).  The relation is symmetric; each pair is stated once, the party
    whose share the doctrine adds (the provider, the developer) first.
    docs/semantics.md, section 3.
*/

:- module(aigc_joint,
          [ joint_and_several/4         % ?Party, ?Other, ?Output, ?Extent
          ]).
:- use_module(rules).
:- use_module(facts).
:- use_module(duty_of_care).
:- use_module(liability).
:- use_module(templates, []).

:- multifile aigc_templates:template/3.
:- discontiguous aigc_templates:template/3.

%!  joint_and_several(?Party, ?Other, ?Output, ?Extent) is nondet.
%
%   Party and Other are jointly and severally liable for Output, for the
%   Extent `whole_harm` or `harm_after_notice`.

aigc_templates:template(joint_and_several, [party, party, output, joint_extent],
                        "{0} and {1} are jointly and severally liable for {2} ({3})").

%   D11 (4.4, 5.3): the provider beside the user who induced the output.
rule(r_d11_joint_and_several, [d11-'4.4', d13-'5.3'],
     ( joint_and_several(P, U, O, whole_harm) :-
           provider_liability(P, O, joint, strict_induced),
           user_liability(U, O, primary, intent),
           U \== P
     )).

%   D08 (4.2): the developer without measures, position joint, beside the
%   provider or the user liable for the same output.
rule(r_d08_joint_and_several_provider, [d08-'4.2'],
     ( joint_and_several(D, P, O, whole_harm) :-
           developer_liability(D, O, joint),
           provider_liability(P, O, _, _),
           P \== D
     )).
rule(r_d08_joint_and_several_user, [d08-'4.2'],
     ( joint_and_several(D, U, O, whole_harm) :-
           developer_liability(D, O, joint),
           user_liability(U, O, _, _),
           U \== D
     )).

%   D13 (3.1), notice_and_takedown [ext]: a provider that knew or should
%   have known, with the user, for the whole harm (Civil Code Art. 1197) ...
rule(r_d13_joint_and_several_knowing, [d13-'3.1'], [ext],
     ( joint_and_several(P, U, O, whole_harm) :-
           provider_liability(P, O, secondary, notice_and_takedown),
           knows_p(P, O),
           user_liability(U, O, primary, direct_infringer),
           U \== P
     )).
%   ... one that did not remove the output promptly after notice, without
%   knowledge before it, for the harm after notice (Art. 1195).
rule(r_d13_joint_and_several_after_notice, [d13-'3.1', d15-'3.2'], [ext],
     ( joint_and_several(P, U, O, harm_after_notice) :-
           provider_liability(P, O, secondary, notice_and_takedown),
           \+ knows_p(P, O),
           notice_received(P, O),
           \+ removed_promptly(P, O),
           user_liability(U, O, primary, direct_infringer),
           U \== P
     )).
%   ... and one that did not remove promptly the model the output was
%   generated with after notice about it (Art. 1195 [ext]).
rule(r_d13_joint_and_several_model_notice, [d13-'3.1', d15-'3.2'], [ext],
     ( joint_and_several(P, U, O, harm_after_notice) :-
           provider_liability(P, O, secondary, notice_and_takedown),
           \+ knows_p(P, O),
           model_notice_ignored(P, O),
           user_liability(U, O, primary, direct_infringer),
           U \== P
     )).

%   [ext, court practice; Civil Code Art. 1191] Acts of staff and agents
%   (liability.pl): the principal that answers for its agent's request of an
%   output, beside the agent, for the whole harm ...
rule(r_d13_joint_and_several_staff, [d13-'3.1'], [ext],
     ( joint_and_several(P, A, O, whole_harm) :-
           staff_requested(P, A, O)
     )).
%   ... or for its agent's dissemination of an output it is liable for.
rule(r_d13_joint_and_several_staff_dissemination, [d04-'2.1', d13-'3.1'], [ext],
     ( joint_and_several(P, A, O, whole_harm) :-
           staff_disseminated(P, A, _, _, O),
           liable_for(P, _, _, _, O, _)
     )).
