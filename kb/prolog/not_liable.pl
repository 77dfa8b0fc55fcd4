/*  Part of aigc-kb: who is liable when AI-generated content infringes copyright.

    Who is not liable, and why: the roles of the parties (catalogue
    "Terms"), D06 (the AI is no legal subject), and per role the reason a
    party bears no liability in it: D02, D03, D04, D08 (developer), D09,
    D12 (user), D13, D14, D15 (provider), D29 (third party).
    docs/semantics.md, section 3 ("Not liable").
*/

:- module(aigc_not_liable,
          [ not_liable/3,               % ?Subject, ?Role, ?Reason
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

:- multifile aigc_templates:template/3.
:- discontiguous aigc_templates:template/3.

%!  not_liable(?Subject, ?Role, ?Reason) is nondet.
%
%   Subject bears no liability in Role (`developer`, `provider`, `user`,
%   `third_party`, or `ai` for a system named in the case), for Reason.

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
                        "{0} made something available, reproduced it or removed its attribution").

%   disseminator(?Party): Party made something available, reproduced it or
%   removed its attribution.
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

                 /*******************************
                 *  D06 THE AI IS NOT A SUBJECT (4.1)
                 *******************************/

%   The AI system is never a liable subject and never an author: no rule
%   concludes a liability of a system.  Naming it gets `not_liable`.

aigc_templates:template(not_liable, [subject, role, not_liable_reason],
                        "{0} is not liable as {1}: {2}").
rule(r_d06_ai_named_defendant, [d06-'4.1'],
     ( not_liable(S, ai, ai_not_legal_subject) :-
           ai_named_defendant(S)
     )).
rule(r_d06_ai_named_author, [d06-'4.1'],
     ( not_liable(S, ai, ai_not_legal_subject) :-
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

aigc_templates:template(developer_free, [party],
                        "{0}, a developer, bears no liability as developer").

%   developer_free(?Developer): a developer with no liability as developer.
rule(r_d02_developer_free, [d02-'4.2', d08-'4.2'],
     ( developer_free(D) :-
           developer(D, _),
           \+ system(D),
           \+ liable_in_role(D, developer)
     )).

rule(r_d03_not_liable_tdm_exception, [d03-'4.2'],
     ( not_liable(D, developer, tdm_exception) :-
           developer_free(D),
           training_copy(D, S, _),
           tdm_exempt(S)
     )).
rule(r_d08_not_liable_reasonable_measures, [d08-'4.2'],
     ( not_liable(D, developer, reasonable_measures) :-
           developer_free(D),
           developer_output(D, S, _),
           reasonable_measures(D, S)
     )).
rule(r_d08_not_liable_position, [d08-'4.2'],
     ( not_liable(D, developer, position_not_liable) :-
           developer_free(D),
           developer_output(D, S, _),
           \+ reasonable_measures(D, S),
           position(developer_without_measures, not_liable)
     )).
rule(r_d02_not_liable_no_infringement, [d02-'4.2'],
     ( not_liable(D, developer, no_infringement) :-
           developer_free(D),
           \+ ( training_copy(D, S, _),
                tdm_exempt(S)
              ),
           \+ developer_output(D, _, _)
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

aigc_templates:template(related_breach, [party],
                        "a proven breach by {0} relates to an infringing output of its system").

%   related_breach(?Provider): a proven breach of Provider relates to one
%   of its infringing outputs (D14, I09).
rule(r_d14_related_breach, [d14-'4.3'],
     ( related_breach(P) :-
           provider_output(P, O),
           breach_for(P, O)
     )).

%   D13, D14 (5.1, 5.2): no proven breach relates to an infringing output
%   of the provider (a breach unrelated to the harm grounds nothing, I09).
rule(r_d14_not_liable_breach_not_proven, [d13-'5.1', d13-'5.2', d14-'4.3'],
     ( not_liable(P, provider, breach_not_proven) :-
           provider_free(P),
           breach_needed(P),
           \+ related_breach(P)
     )).
rule(r_d13_not_liable_fault_not_proven, [d13-'5.1'],
     ( not_liable(P, provider, fault_not_proven) :-
           provider_free(P),
           provider_output(P, _),
           regime(fault),
           related_breach(P),
           \+ fault_proven(P)
     )).
rule(r_d13_not_liable_fault_rebutted, [d13-'5.2'],
     ( not_liable(P, provider, fault_rebutted) :-
           provider_free(P),
           provider_output(P, _),
           regime(presumed_fault),
           position(presumed_fault_burden, breach_proven_fault_presumed),
           related_breach(P),
           fault_rebutted(P)
     )).
rule(r_d14_not_liable_duties_met, [d13-'5.2', d14-'4.3'],
     ( not_liable(P, provider, duties_met) :-
           provider_free(P),
           provider_output(P, _),
           regime(presumed_fault),
           position(presumed_fault_burden, full_reversal),
           \+ ( provider_output(P, O),
                \+ duties_met_for(P, O)
              )
     )).
rule(r_d15_not_liable_safe_harbor, [d15-'3.2'], [ext],
     ( not_liable(P, provider, safe_harbor) :-
           provider_free(P),
           provider_output(P, _),
           regime(notice_and_takedown)
     )).
rule(r_d04_not_liable_provider_no_infringing_output, [d04-'4.3'],
     ( not_liable(P, provider, no_infringing_output) :-
           provider_free(P),
           \+ provider_output(P, _)
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

%   D09 (4.4): the good-faith user is not a direct infringer (except under
%   notice and takedown).
rule(r_d09_not_liable_good_faith_user, [d09-'4.4'],
     ( not_liable(U, user, good_faith_user) :-
           \+ regime(notice_and_takedown),
           requested_by(O, U),
           infringing_output(O),
           \+ induced(U, O),
           \+ knows_u(U, O),
           user_free(U)
     )).
rule(r_d12_not_liable_fair_use, [d12-'4.4'],
     ( not_liable(U, user, fair_use) :-
           fair_use_accepted(U, _),
           user_free(U)
     )).
rule(r_d04_not_liable_user_no_infringing_output, [d04-'4.3'],
     ( not_liable(U, user, no_infringing_output) :-
           user_role(U),
           \+ ( requested_by(O, U),
                infringing_output(O)
              ),
           user_free(U)
     )).

%   D29 [ext]: a third party that committed no infringing act.
rule(r_d29_not_liable_no_infringing_act, [d29-'2.2', d29-'3.3'], [ext],
     ( not_liable(X, third_party, no_infringing_act) :-
           role(X, third_party),
           \+ liable_in_role(X, third_party)
     )).
