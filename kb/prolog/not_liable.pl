/*  Part of aigc-kb: who is liable when AI-generated content infringes copyright.

    Who is not liable, and why: the roles of the parties (catalogue
    "Terms"), D06 (the AI is no legal subject), and per role the reason a
    party bears no liability in it: D02, D03, D04, D08 (developer), D09,
    D12 (user), D13, D14, D15 (provider), D29 (third party).
    docs/semantics.md, section 3 ("Not liable").

    Every reason is stated per output (`none` where no output is involved:
    a training copy, an AI named as defendant, a role with no output) by
    not_liable_for/4, never beside a liability of the party in that role
    for the same output (D13, I03); not_liable/3 summarises it for a
    (party, role) pair that bears no liability at all.
*/

:- module(aigc_not_liable,
          [ not_liable/3,               % ?Subject, ?Role, ?Reason
            not_liable_for/4,           % ?Subject, ?Role, ?Reason, ?Output
            role/2,                     % ?Party, ?Role
            user_role/1,                % ?Party
            liable_in_role/2            % ?Party, ?Role
          ]).
:- use_module(rules).
:- use_module(facts).
:- use_module(params).
:- use_module(infringement).
:- use_module(duty_of_care).
:- use_module(liability).
:- use_module(templates, []).

%   Tabled: each is asked for one party many times (once per output of
%   the case), and proved once.
:- table
    liable_in_role/2,
    developer_free/1,
    provider_free/1,
    user_free/1,
    breach_needed/1.

:- multifile aigc_templates:template/3.
:- discontiguous aigc_templates:template/3.

%!  not_liable(?Subject, ?Role, ?Reason) is nondet.
%
%   Subject bears no liability in Role (`developer`, `provider`, `user`,
%   `third_party`, or `ai` for a system named in the case), for Reason: the
%   summary of not_liable_for/4 for a pair with no liability in Role.

%!  not_liable_for(?Subject, ?Role, ?Reason, ?Output) is nondet.
%
%   Subject is not liable in Role for Output (`none` where no output is
%   involved), for Reason; never while it is liable in Role for Output.

                 /*******************************
                 *   ROLES (catalogue "Terms")  *
                 *******************************/

%!  role(?Party, ?Role) is nondet.
%
%   Party holds Role towards an AI system: `developer`, `provider`, `user`,
%   or `third_party` (none of those three and no rights holder, but it
%   disseminated something).  A party may hold several roles; the rights
%   holder is no role here (catalogue: "rights holders excluded").

aigc_templates:template(role, [party, role],
                        "{0} holds the role {1}").
%   A system named as a party holds no role: it is no legal subject (D06).
rule(r_role_developer, [d02-'4.2', d08-'4.2'],
     ( role(X, developer) :-
           developer(X, _),
           \+ system(X)
     )).
rule(r_role_provider, [d07-'4.3'],
     ( role(X, provider) :-
           provider(X, _),
           \+ system(X)
     )).
rule(r_role_user, [d09-'4.4', d10-'4.4', d11-'4.4'],
     ( role(X, user) :-
           user_role(X),
           \+ system(X)
     )).
rule(r_role_third_party, [d29-'2.2', d29-'3.3'], [ext],
     ( role(X, third_party) :-
           disseminator(X),
           \+ system(X),
           \+ developer(X, _),
           \+ provider(X, _),
           \+ user_role(X),
           \+ holder(X, _)
     )).

%!  user_role(?Party) is nondet.
%
%   Party uses a system, runs one itself, or requested an output.

aigc_templates:template(user_role, [party],
                        "{0} is a user (uses a system, runs one itself, or requested an output)").
rule(r_role_user_uses, [d09-'4.4', d10-'4.4', d11-'4.4'],
     ( user_role(X) :-
           user(X, _)
     )).
rule(r_role_user_runs_itself, [d09-'4.4', d10-'4.4', d11-'4.4', d19-'3.3'],
     ( user_role(X) :-
           runs_itself(X, _)
     )).
rule(r_role_user_requested, [d09-'4.4', d10-'4.4', d11-'4.4'],
     ( user_role(X) :-
           requested_by(_, X)
     )).

aigc_templates:template(disseminator, [party],
                        "{0} made something available, reproduced it, removed its attribution, or made or distributed a copy").

%   disseminator(?Party): Party made something available, reproduced it,
%   removed its attribution, or made, distributed or made available a copy
%   of an output (D29 [ext]).
rule(r_role_disseminator_made_available, [d04-'2.1', d29-'2.2'],
     ( disseminator(X) :-
           made_available(X, _)
     )).
rule(r_role_disseminator_reproduced, [d04-'2.1', d29-'2.2'],
     ( disseminator(X) :-
           reproduced(X, _)
     )).
rule(r_role_disseminator_attribution, [d29-'2.2'], [ext],
     ( disseminator(X) :-
           attribution_removed(X, _)
     )).
rule(r_role_disseminator_copy_made, [d29-'2.2', d29-'3.3'], [ext],
     ( disseminator(X) :-
           copy_made_by(_, X)
     )).
rule(r_role_disseminator_copy_distributed, [d29-'2.2', d29-'3.3'], [ext],
     ( disseminator(X) :-
           copy_distributed(_, X)
     )).
rule(r_role_disseminator_copy_made_available, [d29-'2.2', d29-'3.3'], [ext],
     ( disseminator(X) :-
           copy_made_available(_, X)
     )).

                 /*******************************
                 *  D06 THE AI IS NOT A SUBJECT (4.1)
                 *******************************/

%   The AI system is never a liable subject and never an author: no rule
%   concludes a liability of a system.  Naming it gets `not_liable`.

aigc_templates:template(not_liable, [subject, role, not_liable_reason],
                        "{0} is not liable as {1}: {2}").
aigc_templates:template(not_liable_for, [subject, role, not_liable_reason, output_or_none],
                        "{0} is not liable as {1} (output: {3}): {2}").
rule(r_d06_ai_named_defendant, [d06-'4.1'],
     ( not_liable_for(S, ai, ai_not_legal_subject, none) :-
           ai_named_defendant(S)
     )).
rule(r_d06_ai_named_author, [d06-'4.1'],
     ( not_liable_for(S, ai, ai_not_legal_subject, none) :-
           ai_named_author(S, _)
     )).


                 /*******************************
                 *      NOT LIABLE, PER ROLE    *
                 *******************************/

%!  liable_in_role(?Party, ?Role) is nondet.
%
%   Party bears some liability in Role.  Liability from dissemination
%   belongs to the third_party role (it counts only for a party with no
%   other role).

aigc_templates:template(liable_in_role, [party, role],
                        "{0} bears some liability as {1}").
rule(r_d02_liable_as_developer_training, [d02-'4.2'],
     ( liable_in_role(D, developer) :-
           training_infringement(D, _, _),
           \+ system(D)
     )).
rule(r_d08_liable_as_developer_generation, [d08-'4.2'],
     ( liable_in_role(D, developer) :-
           developer_liability(D, _, _)
     )).
rule(r_d08_liable_as_model_trainer, [d08-'4.2'], [ext],
     ( liable_in_role(T, developer) :-
           model_trainer_liability(T, _, _)
     )).
rule(r_d13_liable_as_provider, [d07-'4.3', d13-'5'],
     ( liable_in_role(P, provider) :-
           provider_liability(P, _, _, _)
     )).
rule(r_d11_liable_as_user, [d10-'4.4', d11-'4.4', d13-'3.1'],
     ( liable_in_role(U, user) :-
           user_liability(U, _, _, _)
     )).
rule(r_d04_liable_as_third_party, [d04-'2.1'],
     ( liable_in_role(X, third_party) :-
           output_dissemination(X, _, _, _),
           \+ system(X)
     )).
rule(r_d29_liable_as_third_party, [d29-'2.2', d29-'3.3'], [ext],
     ( liable_in_role(X, third_party) :-
           item_dissemination(X, _, _),
           \+ system(X)
     )).
rule(r_d29_liable_as_third_party_copy, [d29-'2.2', d29-'3.3'], [ext],
     ( liable_in_role(X, third_party) :-
           copy_infringement(X, _, _, _),
           \+ system(X)
     )).

rule(r_d13_liable_as_provider_own_act, [d13-'3.1'], [ext],
     ( liable_in_role(P, provider) :-
           own_act_liable(P, _, _)
     )).

%   [ext, court practice] Acts of staff and agents (liability.pl): the
%   principal's liability for its agent's request of an output of its own
%   system is liability as provider; for a request of another's output or
%   a dissemination, it counts for the third_party role; for a training
%   copy, for the developer role.
rule(r_d13_liable_as_provider_staff, [d13-'3.1'], [ext],
     ( liable_in_role(P, provider) :-
           staff_requested(P, _, O),
           provider_of_output(P, O)
     )).
rule(r_d13_liable_as_third_party_staff_request, [d13-'3.1'], [ext],
     ( liable_in_role(P, third_party) :-
           staff_requested(P, _, O),
           \+ provider_of_output(P, O)
     )).
rule(r_d13_liable_as_third_party_staff_dissemination, [d04-'2.1', d13-'3.1'], [ext],
     ( liable_in_role(P, third_party) :-
           staff_disseminated(P, _, _, _, O),
           \+ provider_of_output(P, O)
     )).
rule(r_d13_liable_as_third_party_staff_item_act, [d13-'3.1', d29-'2.2'], [ext],
     ( liable_in_role(P, third_party) :-
           staff_item_act(P, _, _, _, _)
     )).
rule(r_d02_liable_as_developer_staff, [d02-'4.2', d13-'3.1'], [ext],
     ( liable_in_role(P, developer) :-
           staff_trained(P, _, _)
     )).

                 /*******************************
                 *   DEVELOPER (D02, D03, D08)  *
                 *******************************/

aigc_templates:template(training_liable, [party],
                        "{0} made an infringing training copy").

%   training_liable(?Developer): Developer made an infringing training copy.
rule(r_d02_training_liable, [d02-'4.2'],
     ( training_liable(D) :-
           training_infringement(D, _, _)
     )).

aigc_templates:template(developer_liable_for, [party, output],
                        "as developer, {0} is liable for {1}").

%   developer_liable_for(?Developer, ?Output)
rule(r_d08_developer_liable_for, [d08-'4.2'],
     ( developer_liable_for(D, O) :-
           developer_liability(D, O, _)
     )).

%   D03 (4.2): the training copies are exempt (output `none`).
rule(r_d03_not_liable_tdm_exception, [d03-'4.2'],
     ( not_liable_for(D, developer, tdm_exception, none) :-
           training_copy(D, S, _),
           tdm_exempt(S),
           \+ system(D),
           \+ training_liable(D)
     )).
rule(r_d08_not_liable_reasonable_measures, [d08-'4.2'],
     ( not_liable_for(D, developer, reasonable_measures, O) :-
           developer_output(D, S, O),
           reasonable_measures(D, S),
           \+ no_reasonable_measures_for(D, S, O),
           \+ developer_liable_for(D, O)
     )).
rule(r_d08_not_liable_position, [d08-'4.2'],
     ( not_liable_for(D, developer, position_not_liable, O) :-
           no_reasonable_measures_for(D, _, O),
           position(developer_without_measures, not_liable),
           \+ developer_liable_for(D, O)
     )).

aigc_templates:template(developer_free, [party],
                        "{0}, a developer, bears no liability as developer").

%   developer_free(?Developer): a developer with no liability as developer.
rule(r_d02_developer_free, [d02-'4.2', d08-'4.2'],
     ( developer_free(D) :-
           developer(D, _),
           \+ system(D),
           \+ liable_in_role(D, developer)
     )).

rule(r_d02_not_liable_no_infringement, [d02-'4.2'],
     ( not_liable_for(D, developer, no_infringement, none) :-
           developer_free(D),
           \+ ( training_copy(D, S, _),
                tdm_exempt(S)
              ),
           \+ developer_output(D, _, _)
     )).

                 /*******************************
                 *   PROVIDER (D04, D13-D15)    *
                 *******************************/

aigc_templates:template(breach_needed, [party],
                        "the regime requires the claimant to prove a breach of duty by {0}").

%   breach_needed(?Provider): the claimant must prove a breach by Provider,
%   whose system generated an infringing output (fault, or presumed fault
%   in the paper's reading).
rule(r_d13_breach_needed_fault, [d13-'5.1', d14-'4.3'],
     ( breach_needed(P) :-
           regime(fault),
           provider_output(P, _)
     )).
rule(r_d13_breach_needed_presumed_fault, [d13-'5.2', d14-'4.3'],
     ( breach_needed(P) :-
           regime(presumed_fault),
           position(presumed_fault_burden, breach_proven_fault_presumed),
           provider_output(P, _)
     )).

%   A reason of the regime for an output is never given where the provider
%   is liable as provider for that output - by the regime, or for its own
%   act on it (D13, I03).  D14: a breach unrelated to the output grounds
%   nothing (I09).
rule(r_d14_not_liable_breach_not_proven, [d13-'5.1', d13-'5.2', d14-'4.3'],
     ( not_liable_for(P, provider, breach_not_proven, O) :-
           breach_needed(P),
           provider_output(P, O),
           \+ breach_for(P, O),
           \+ provider_liable_for(P, O)
     )).
rule(r_d13_not_liable_fault_not_proven, [d13-'5.1'],
     ( not_liable_for(P, provider, fault_not_proven, O) :-
           regime(fault),
           provider_output(P, O),
           breach_for(P, O),
           \+ fault_proven(P),
           \+ provider_liable_for(P, O)
     )).
rule(r_d13_not_liable_fault_rebutted, [d13-'5.2'],
     ( not_liable_for(P, provider, fault_rebutted, O) :-
           regime(presumed_fault),
           position(presumed_fault_burden, breach_proven_fault_presumed),
           provider_output(P, O),
           breach_for(P, O),
           fault_rebutted(P),
           \+ provider_liable_for(P, O)
     )).
rule(r_d14_not_liable_duties_met, [d13-'5.2', d14-'4.3'],
     ( not_liable_for(P, provider, duties_met, O) :-
           regime(presumed_fault),
           position(presumed_fault_burden, full_reversal),
           provider_output(P, O),
           duties_met_for(P, O),
           \+ provider_liable_for(P, O)
     )).
rule(r_d15_not_liable_safe_harbor, [d15-'3.2'], [ext],
     ( not_liable_for(P, provider, safe_harbor, O) :-
           regime(notice_and_takedown),
           provider_output(P, O),
           \+ provider_liable_for(P, O)
     )).

aigc_templates:template(provider_free, [party],
                        "{0}, a provider, bears no liability as provider").

%   provider_free(?Provider): a provider with no liability as provider.
rule(r_d13_provider_free, [d07-'4.3', d13-'5'],
     ( provider_free(P) :-
           provider(P, _),
           \+ system(P),
           \+ liable_in_role(P, provider)
     )).

rule(r_d04_not_liable_provider_no_infringing_output, [d04-'4.3'],
     ( not_liable_for(P, provider, no_infringing_output, none) :-
           provider_free(P),
           \+ provider_output(P, _)
     )).

                 /*******************************
                 *     USER (D04, D09, D12)     *
                 *******************************/

aigc_templates:template(user_liable_for, [party, output],
                        "as user, {0} is liable for {1}").

%   user_liable_for(?User, ?Output)
rule(r_d09_user_liable_for, [d09-'4.4'],
     ( user_liable_for(U, O) :-
           user_liability(U, O, _, _)
     )).

%   D09 (4.4): the good-faith user is not a direct infringer (except under
%   notice and takedown).
rule(r_d09_not_liable_good_faith_user, [d09-'4.4'],
     ( not_liable_for(U, user, good_faith_user, O) :-
           \+ regime(notice_and_takedown),
           requested_by(O, U),
           \+ system(U),
           infringing_output(O),
           \+ induced(U, O),
           \+ knows_u(U, O),
           \+ user_liable_for(U, O)
     )).
rule(r_d12_not_liable_fair_use, [d12-'4.4'],
     ( not_liable_for(U, user, fair_use, O) :-
           fair_use_accepted(U, O),
           \+ user_liable_for(U, O)
     )).

aigc_templates:template(user_free, [party],
                        "{0}, a user, bears no liability as user").

%   user_free(?User): a user with no liability as user.
rule(r_d09_user_free, [d09-'4.4', d10-'4.4', d11-'4.4'],
     ( user_free(U) :-
           user_role(U),
           \+ system(U),
           \+ liable_in_role(U, user)
     )).

rule(r_d04_not_liable_user_no_infringing_output, [d04-'4.3'],
     ( not_liable_for(U, user, no_infringing_output, none) :-
           user_role(U),
           \+ ( requested_by(O, U),
                infringing_output(O)
              ),
           user_free(U)
     )).

                 /*******************************
                 *     THIRD PARTY (D29)        *
                 *******************************/

%   D29 [ext]: a third party that committed no infringing act.
rule(r_d29_not_liable_no_infringing_act, [d29-'2.2', d29-'3.3'], [ext],
     ( not_liable_for(X, third_party, no_infringing_act, none) :-
           role(X, third_party),
           \+ liable_in_role(X, third_party)
     )).

                 /*******************************
                 *   THE SUMMARY: not_liable/3  *
                 *******************************/

%   A (party, role) pair with a reason for some output and no liability in
%   that role at all; each rule cites the doctrines of its reason's row.
rule(r_d03_not_liable_tdm_exception_summary, [d03-'4.2'],
     ( not_liable(D, developer, tdm_exception) :-
           not_liable_for(D, developer, tdm_exception, _),
           \+ liable_in_role(D, developer)
     )).
rule(r_d08_not_liable_reasonable_measures_summary, [d08-'4.2'],
     ( not_liable(D, developer, reasonable_measures) :-
           not_liable_for(D, developer, reasonable_measures, _),
           \+ liable_in_role(D, developer)
     )).
rule(r_d08_not_liable_position_summary, [d08-'4.2'],
     ( not_liable(D, developer, position_not_liable) :-
           not_liable_for(D, developer, position_not_liable, _),
           \+ liable_in_role(D, developer)
     )).
rule(r_d02_not_liable_no_infringement_summary, [d02-'4.2'],
     ( not_liable(D, developer, no_infringement) :-
           not_liable_for(D, developer, no_infringement, _),
           \+ liable_in_role(D, developer)
     )).
rule(r_d14_not_liable_breach_not_proven_summary, [d13-'5.1', d13-'5.2', d14-'4.3'],
     ( not_liable(P, provider, breach_not_proven) :-
           not_liable_for(P, provider, breach_not_proven, _),
           \+ liable_in_role(P, provider)
     )).
rule(r_d13_not_liable_fault_not_proven_summary, [d13-'5.1'],
     ( not_liable(P, provider, fault_not_proven) :-
           not_liable_for(P, provider, fault_not_proven, _),
           \+ liable_in_role(P, provider)
     )).
rule(r_d13_not_liable_fault_rebutted_summary, [d13-'5.2'],
     ( not_liable(P, provider, fault_rebutted) :-
           not_liable_for(P, provider, fault_rebutted, _),
           \+ liable_in_role(P, provider)
     )).
rule(r_d14_not_liable_duties_met_summary, [d13-'5.2', d14-'4.3'],
     ( not_liable(P, provider, duties_met) :-
           not_liable_for(P, provider, duties_met, _),
           \+ liable_in_role(P, provider)
     )).
rule(r_d15_not_liable_safe_harbor_summary, [d15-'3.2'], [ext],
     ( not_liable(P, provider, safe_harbor) :-
           not_liable_for(P, provider, safe_harbor, _),
           \+ liable_in_role(P, provider)
     )).
rule(r_d04_not_liable_provider_no_infringing_output_summary, [d04-'4.3'],
     ( not_liable(P, provider, no_infringing_output) :-
           not_liable_for(P, provider, no_infringing_output, _),
           \+ liable_in_role(P, provider)
     )).
rule(r_d09_not_liable_good_faith_user_summary, [d09-'4.4'],
     ( not_liable(U, user, good_faith_user) :-
           not_liable_for(U, user, good_faith_user, _),
           \+ liable_in_role(U, user)
     )).
rule(r_d12_not_liable_fair_use_summary, [d12-'4.4'],
     ( not_liable(U, user, fair_use) :-
           not_liable_for(U, user, fair_use, _),
           \+ liable_in_role(U, user)
     )).
rule(r_d04_not_liable_user_no_infringing_output_summary, [d04-'4.3'],
     ( not_liable(U, user, no_infringing_output) :-
           not_liable_for(U, user, no_infringing_output, _),
           \+ liable_in_role(U, user)
     )).
rule(r_d29_not_liable_no_infringing_act_summary, [d29-'2.2', d29-'3.3'], [ext],
     ( not_liable(X, third_party, no_infringing_act) :-
           not_liable_for(X, third_party, no_infringing_act, _),
           \+ liable_in_role(X, third_party)
     )).
rule(r_d06_not_liable_ai_summary, [d06-'4.1'],
     ( not_liable(S, ai, ai_not_legal_subject) :-
           not_liable_for(S, ai, ai_not_legal_subject, _)
     )).
