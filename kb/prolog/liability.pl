/*  Part of aigc-kb: who is liable when AI-generated content infringes copyright.

    Who can be liable, and in which kind: D02-D03 (training), D06 (the AI is
    no subject), D07 and D13-D16, D30 (the provider and the liability
    regime), D08 (the developer), D09-D12 (the user), and liability for
    dissemination (D04, D29).  docs/semantics.md, section 3.

    Liability is computed per role and output by the auxiliary predicates
    provider_liability/4, developer_liability/3 and user_liability/4, whose
    last argument (the basis) names the row of the semantics that applies; the
    concluding rules of liable/4 select a row each, so that every liability
    cites the doctrines of its row.
*/

:- module(aigc_liability,
          [ liable/4,                   % ?Subject, ?Kind, ?Right, ?Stage
            not_liable/3,               % ?Subject, ?Role, ?Reason
            defense/3,                  % ?Subject, ?Defense, ?Status
            provider_ground/2,          % ?Provider, ?Ground
            role/2,                     % ?Party, ?Role
            user_role/1,                % ?Party
            provider_output/2,          % ?Provider, ?Output
            provider_liability/4,       % ?Provider, ?Output, ?Kind, ?Basis
            provider_liable/1,          % ?Output
            developer_output/3,         % ?Developer, ?System, ?Output
            reasonable_measures/2,      % ?Developer, ?System
            developer_liability/3,      % ?Developer, ?Output, ?Kind
            induced/2,                  % ?User, ?Output
            knows_u/2,                  % ?User, ?Output
            user_exposure/4,            % ?User, ?Output, ?Kind, ?Basis
            fair_use_accepted/2,        % ?User, ?Output
            user_liability/4,           % ?User, ?Output, ?Kind, ?Basis
            liable_in_role/2            % ?Party, ?Role
          ]).
:- use_module(rules).
:- use_module(facts).
:- use_module(params).
:- use_module(infringement).
:- use_module(duty_of_care).

%!  liable(?Subject, ?Kind, ?Right, ?Stage) is nondet.
%
%   Subject is liable in Kind (`primary`, `joint`, `contributory`,
%   `secondary`) for infringing Right in Stage.  A party holding several
%   roles gets every liability of each role.

%!  not_liable(?Subject, ?Role, ?Reason) is nondet.
%
%   Subject bears no liability in Role (`developer`, `provider`, `user`,
%   `third_party`, or `ai` for a system named in the case), for Reason.

%!  defense(?Subject, ?Defense, ?Status) is nondet.
%
%   The Defense of Subject (`tdm_exception`, `provider_fair_use`,
%   `user_fair_use`, `safe_harbor`, `lack_of_knowledge`) is Status
%   (`accepted` or `rejected`).

%!  provider_ground(?Provider, ?Ground) is nondet.
%
%   Provider, liable in its provider role, is the infringing subject on
%   Ground (D07).


                 /*******************************
                 *   ROLES (catalogue "Terms")  *
                 *******************************/

%!  role(?Party, ?Role) is nondet.
%
%   Party holds Role towards an AI system: `developer`, `provider`, `user`,
%   or `third_party` (none of those three and no rights holder, but it
%   disseminated something).  A party may hold several roles; the rights
%   holder is no role here (catalogue: "rights holders excluded").

rule(r_role_developer, [d02-'4.2', d08-'4.2'],
     ( role(X, developer) :-
           developer(X, _)
     )).
rule(r_role_provider, [d07-'4.3'],
     ( role(X, provider) :-
           provider(X, _)
     )).
rule(r_role_user, [d09-'4.4', d10-'4.4', d11-'4.4'],
     ( role(X, user) :-
           user_role(X)
     )).
rule(r_role_third_party, [d29-'2.2', d29-'3.3'], [ext],
     ( role(X, third_party) :-
           disseminator(X),
           \+ developer(X, _),
           \+ provider(X, _),
           \+ user_role(X),
           \+ holder(X, _)
     )).

%!  user_role(?Party) is nondet.
%
%   Party uses a system, runs one itself, or requested an output.

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

rule(r_d06_ai_named_defendant, [d06-'4.1'],
     ( not_liable(S, ai, ai_not_legal_subject) :-
           ai_named_defendant(S)
     )).
rule(r_d06_ai_named_author, [d06-'4.1'],
     ( not_liable(S, ai, ai_not_legal_subject) :-
           ai_named_author(S, _)
     )).

                 /*******************************
                 *  D02, D03 TRAINING STAGE (2.1, 4.2)
                 *******************************/

%   D02: the developer copying a protected work into training data without
%   authorisation is primarily liable, whatever the regime.
rule(r_d02_liable_training, [d02-'2.1', d02-'4.2'],
     ( liable(D, primary, reproduction, training) :-
           infringement(D, reproduction, _, none, training)
     )).

%   D03: the data-mining / fair-use defence for training is rejected, unless
%   the choice point tdm_exception accepts it.
rule(r_d03_defense_tdm_rejected, [d03-'4.2'],
     ( defense(D, tdm_exception, rejected) :-
           training_infringement(D, _, _)
     )).
rule(r_d03_defense_tdm_accepted, [d03-'4.2'],
     ( defense(D, tdm_exception, accepted) :-
           training_copy(D, S, _),
           tdm_exempt(S)
     )).

                 /*******************************
                 *  D07, D13 THE PROVIDER (3.1, 4.3, 5)
                 *******************************/

%!  provider_output(?Provider, ?Output) is nondet.
%
%   Output, generated by a system Provider provides, infringes.

rule(r_d07_provider_output, [d07-'3.1', d07-'4.3'],
     ( provider_output(P, O) :-
           generated_by(O, S),
           provider(P, S),
           infringing_output(O)
     )).

%!  provider_liability(?Provider, ?Output, ?Kind, ?Basis) is nondet.
%
%   Under the regime of the evaluation (D13), Provider is liable in Kind for
%   the infringing Output its system generated.  Basis names the row:
%   `strict`, `strict_induced`, `fault`, `presumed_fault`,
%   `notice_and_takedown`.

%   D07, D13 (5.3): under strict the provider is the direct infringer,
%   liable regardless of fault (its knowledge is irrelevant, D16).
rule(r_d13_strict, [d07-'3.1', d07-'4.3', d13-'5.3'],
     ( provider_liability(P, O, primary, strict) :-
           regime(strict),
           provider_output(P, O),
           \+ induced(_, O)
     )).

%   D07, D11, D13 (4.4, 5.3): where a user induced the output, the provider
%   stays liable beside it (D22's list is closed), in the kind of the choice
%   point provider_when_user_induces.
rule(r_d11_strict_user_induced, [d07-'4.3', d11-'4.4', d13-'5.3'],
     ( provider_liability(P, O, Kind, strict_induced) :-
           regime(strict),
           provider_output(P, O),
           induced(_, O),
           position(provider_when_user_induces, Kind)
     )).

%   D07, D13, D14 (5.1): under fault the claimant proves a breach of duty
%   and the provider's fault.
rule(r_d13_fault, [d07-'4.3', d13-'5.1', d14-'4.3'],
     ( provider_liability(P, O, primary, fault) :-
           regime(fault),
           provider_output(P, O),
           breach(P),
           fault_proven(P)
     )).

%   D07, D13, D14 (5.2): under presumed fault the claimant proves a breach;
%   fault is then presumed unless the provider rebuts it.
rule(r_d13_presumed_fault, [d07-'4.3', d13-'5.2', d14-'4.3'],
     ( provider_liability(P, O, primary, presumed_fault) :-
           regime(presumed_fault),
           position(presumed_fault_burden, breach_proven_fault_presumed),
           provider_output(P, O),
           breach(P),
           \+ fault_rebutted(P)
     )).

%   ... or, with full_reversal, the provider must prove it met every duty.
rule(r_d13_presumed_fault_full_reversal, [d07-'4.3', d13-'5.2', d14-'4.3'],
     ( provider_liability(P, O, primary, presumed_fault) :-
           regime(presumed_fault),
           position(presumed_fault_burden, full_reversal),
           provider_output(P, O),
           \+ duties_met(P)
     )).

%   D13, D15 [ext] (3.1, 3.2): under notice and takedown the provider is
%   secondarily liable if it knew or should have known, or failed to remove
%   the output promptly after notice.
rule(r_d15_notice_knowledge, [d13-'3.1', d15-'3.2'], [ext],
     ( provider_liability(P, O, secondary, notice_and_takedown) :-
           regime(notice_and_takedown),
           provider_output(P, O),
           knows_p(P, O)
     )).
rule(r_d15_notice_not_removed, [d13-'3.1', d15-'3.2'], [ext],
     ( provider_liability(P, O, secondary, notice_and_takedown) :-
           regime(notice_and_takedown),
           provider_output(P, O),
           notice_received(P, O),
           \+ removed_promptly(P, O)
     )).

%!  provider_liable(?Output) is nondet.
%
%   Some provider is liable for Output.

rule(r_d13_provider_liable, [d07-'4.3', d13-'5'],
     ( provider_liable(O) :-
           provider_liability(_, O, _, _)
     )).

%   The provider is liable for every right the output copies; each row cites
%   its doctrines.
rule(r_d07_liable_strict, [d07-'3.1', d07-'4.3', d13-'5.3'],
     ( liable(P, Kind, R, generation) :-
           provider_liability(P, O, Kind, strict),
           copies(O, _, R)
     )).
rule(r_d11_liable_provider_induced, [d07-'4.3', d11-'4.4', d13-'5.3'],
     ( liable(P, Kind, R, generation) :-
           provider_liability(P, O, Kind, strict_induced),
           copies(O, _, R)
     )).
rule(r_d13_liable_fault, [d07-'4.3', d13-'5.1', d14-'4.3'],
     ( liable(P, Kind, R, generation) :-
           provider_liability(P, O, Kind, fault),
           copies(O, _, R)
     )).
rule(r_d13_liable_presumed_fault, [d07-'4.3', d13-'5.2', d14-'4.3'],
     ( liable(P, Kind, R, generation) :-
           provider_liability(P, O, Kind, presumed_fault),
           copies(O, _, R)
     )).
rule(r_d15_liable_notice, [d13-'3.1', d15-'3.2'], [ext],
     ( liable(P, Kind, R, generation) :-
           provider_liability(P, O, Kind, notice_and_takedown),
           copies(O, _, R)
     )).

%   D07 (3.1, 4.3): the grounds of the provider's position as infringing
%   subject, for a provider liable in its provider role.
rule(r_d07_ground_originator_of_risk, [d07-'4.3'],
     ( provider_ground(P, originator_of_risk) :-
           provider_liability(P, _, _, _)
     )).
rule(r_d07_ground_causal_control, [d07-'4.3'],
     ( provider_ground(P, causal_control) :-
           provider_liability(P, _, _, _)
     )).
rule(r_d07_ground_potential_owner, [d07-'4.3'],
     ( provider_ground(P, potential_owner) :-
           provider_liability(P, _, _, _)
     )).
rule(r_d07_ground_diffuse_users, [d07-'4.3'],
     ( provider_ground(P, diffuse_users) :-
           provider_liability(P, O, _, _),
           requested_by(O, _)
     )).
rule(r_d07_ground_reward, [d07-'4.3'],
     ( provider_ground(P, reward) :-
           provider_liability(P, _, _, _),
           profits_from_service(P)
     )).
rule(r_d07_ground_duty_of_care, [d07-'4.3'],
     ( provider_ground(P, duty_of_care) :-
           provider_liability(P, _, _, _),
           provider(P, S),
           user(_, S)
     )).

                 /*******************************
                 *  D15, D16, D30 PROVIDER DEFENCES (3.2, 4.2)
                 *******************************/

%   D30 (4.2): a provider's fair use for generation is rejected ("training
%   and generation ... for profit"); tdm_exception never applies to it.
rule(r_d30_provider_fair_use, [d30-'4.2'],
     ( defense(P, provider_fair_use, rejected) :-
           provider_output(P, _)
     )).

%   D15 (3.2): the safe harbour is rejected for outputs the provider's own
%   system generated, except under notice and takedown.
rule(r_d15_safe_harbor_rejected, [d15-'3.2'],
     ( defense(P, safe_harbor, rejected) :-
           \+ regime(notice_and_takedown),
           provider_output(P, _)
     )).
rule(r_d15_safe_harbor_accepted, [d15-'3.2'], [ext],
     ( defense(P, safe_harbor, accepted) :-
           regime(notice_and_takedown),
           provider_output(P, _),
           \+ provider_liability(P, _, _, _)
     )).
rule(r_d15_safe_harbor_lost, [d15-'3.2'], [ext],
     ( defense(P, safe_harbor, rejected) :-
           regime(notice_and_takedown),
           provider_liability(P, _, _, _)
     )).

%   D16 (3.2): under strict the provider's lack of knowledge is no defence.
rule(r_d16_lack_of_knowledge, [d16-'3.2'],
     ( defense(P, lack_of_knowledge, rejected) :-
           regime(strict),
           provider_output(P, O),
           \+ knows_p(P, O)
     )).

                 /*******************************
                 *  D08 THE DEVELOPER, GENERATION STAGE (4.2)
                 *******************************/

%!  developer_output(?Developer, ?System, ?Output) is nondet.
%
%   Developer, not the provider of System, developed the System that
%   generated the infringing Output.

rule(r_d08_developer_output, [d08-'4.2'],
     ( developer_output(D, S, O) :-
           developer(D, S),
           \+ provider(D, S),
           generated_by(O, S),
           infringing_output(O)
     )).

%!  reasonable_measures(?Developer, ?System) is nondet.
%
%   Developer built anti-infringement measures into System and only performs
%   routine maintenance (both), and the training data was lawfully sourced.

rule(r_d08_reasonable_measures, [d08-'4.2'],
     ( reasonable_measures(D, S) :-
           anti_infringement_measures(D, S),
           routine_maintenance_only(D, S),
           \+ unlawfully_sourced_data(S),
           \+ training_infringement(D, S, _)
     )).

%!  developer_liability(?Developer, ?Output, ?Kind) is nondet.
%
%   Developer without reasonable measures is liable for Output in the Kind
%   of the choice point developer_without_measures.

rule(r_d08_developer_liability, [d08-'4.2'],
     ( developer_liability(D, O, Kind) :-
           developer_output(D, S, O),
           \+ reasonable_measures(D, S),
           position(developer_without_measures, Kind),
           Kind \== not_liable
     )).

rule(r_d08_liable_developer, [d08-'4.2'],
     ( liable(D, Kind, R, generation) :-
           developer_liability(D, O, Kind),
           copies(O, _, R)
     )).

                 /*******************************
                 *  D09-D11 THE USER (4.4)      *
                 *******************************/

%!  induced(?User, ?Output) is nondet.
%
%   D11: User intentionally induced the infringing Output it requested:
%   intent is proven, or shown by repeated suggestive prompts towards a work
%   the output is highly similar to, or [ext] by fine-tuning the system on
%   the work it copies.

rule(r_d11_intent_proven, [d11-'4.4'],
     ( induced(U, O) :-
           requested_by(O, U),
           intent_proven(U, O),
           infringing_output(O)
     )).
rule(r_d11_repeated_suggestive_prompts, [d11-'4.4'],
     ( induced(U, O) :-
           requested_by(O, U),
           repeated_suggestive_prompts(U, O, W),
           highly_similar(O, W),
           copies(O, W, _),
           infringing_output(O)
     )).
rule(r_d11_fine_tuned_on, [d11-'4.4'], [ext],
     ( induced(U, O) :-
           requested_by(O, U),
           fine_tuned_on(U, S, W),
           generated_by(O, S),
           copies(O, W, _),
           infringing_output(O)
     )).

%!  knows_u(?User, ?Output) is nondet.
%
%   D10: User knew or should have known that the infringing Output it
%   requested infringes; a single prompt naming the copied work shows that
%   it should have known (never intent).

rule(r_d10_user_knew, [d10-'4.4'],
     ( knows_u(U, O) :-
           requested_by(O, U),
           user_knew(U, O),
           infringing_output(O)
     )).
rule(r_d10_user_should_have_known, [d10-'4.4'],
     ( knows_u(U, O) :-
           requested_by(O, U),
           user_should_have_known(U, O),
           infringing_output(O)
     )).
rule(r_d10_prompt_names_work, [d10-'4.4'],
     ( knows_u(U, O) :-
           requested_by(O, U),
           prompt_names_work(U, O, W),
           copies(O, W, _),
           infringing_output(O)
     )).

%!  user_exposure(?User, ?Output, ?Kind, ?Basis) is nondet.
%
%   User would be liable in Kind for the infringing Output it requested,
%   before its fair-use defence (D12).  Basis: `intent` (D11), `knowledge`
%   (D10) or `direct_infringer` (D13, notice and takedown).

%   D11 (4.4): the inducing user bears primary liability from the outset.
rule(r_d11_user_induced, [d11-'4.4'],
     ( user_exposure(U, O, primary, intent) :-
           induced(U, O)
     )).

%   D10 (4.4): the knowing user is secondary beside a liable provider, else
%   primary.
rule(r_d10_user_secondary, [d10-'4.4'],
     ( user_exposure(U, O, secondary, knowledge) :-
           \+ regime(notice_and_takedown),
           knows_u(U, O),
           \+ induced(U, O),
           provider_liable(O)
     )).
rule(r_d10_user_primary, [d10-'4.4'],
     ( user_exposure(U, O, primary, knowledge) :-
           \+ regime(notice_and_takedown),
           knows_u(U, O),
           \+ induced(U, O),
           \+ provider_liable(O)
     )).

%   D13 [ext] (3.1): under notice and takedown the requesting user is the
%   direct infringer; D09 does not shield it.
rule(r_d13_user_direct_infringer, [d13-'3.1'], [ext],
     ( user_exposure(U, O, primary, direct_infringer) :-
           regime(notice_and_takedown),
           requested_by(O, U),
           infringing_output(O)
     )).

                 /*******************************
                 *  D12 USER'S FAIR USE (4.4)   *
                 *******************************/

%   personal_purpose(?Purpose): a purpose that raises the defence.
rule(r_d12_personal_study, [d12-'4.4'],
     ( personal_purpose(personal_study) )).
rule(r_d12_research, [d12-'4.4'],
     ( personal_purpose(research) )).
rule(r_d12_appreciation, [d12-'4.4'],
     ( personal_purpose(appreciation) )).

%   fair_use_raised(?User, ?Output): a user who would be liable used the
%   output for a personal purpose.
rule(r_d12_fair_use_raised, [d12-'4.4'],
     ( fair_use_raised(U, O) :-
           purpose(U, O, Q),
           personal_purpose(Q),
           user_exposure(U, O, _, _)
     )).

%!  fair_use_accepted(?User, ?Output) is nondet.
%
%   User's personal-use defence succeeds: not through a commercial platform,
%   and the choice point personal_fair_use_noncommercial accepts it.

rule(r_d12_fair_use_accepted, [d12-'4.4'],
     ( fair_use_accepted(U, O) :-
           position(personal_fair_use_noncommercial, accepted),
           fair_use_raised(U, O),
           \+ via_commercial_platform(U, O)
     )).

rule(r_d12_user_fair_use_accepted, [d12-'4.4'],
     ( defense(U, user_fair_use, accepted) :-
           fair_use_accepted(U, _)
     )).
rule(r_d12_user_fair_use_rejected, [d12-'4.4'],
     ( defense(U, user_fair_use, rejected) :-
           fair_use_raised(U, O),
           \+ fair_use_accepted(U, O)
     )).

%!  user_liability(?User, ?Output, ?Kind, ?Basis) is nondet.
%
%   User is liable in Kind for Output on Basis (see user_exposure/4), its
%   fair-use defence failing.

rule(r_d12_user_liability, [d09-'4.4', d10-'4.4', d11-'4.4', d12-'4.4', d13-'3.1'],
     ( user_liability(U, O, Kind, Basis) :-
           user_exposure(U, O, Kind, Basis),
           \+ fair_use_accepted(U, O)
     )).

rule(r_d11_liable_user_induced, [d11-'4.4'],
     ( liable(U, Kind, R, generation) :-
           user_liability(U, O, Kind, intent),
           copies(O, _, R)
     )).
rule(r_d10_liable_user_knowledge, [d10-'4.4'],
     ( liable(U, Kind, R, generation) :-
           user_liability(U, O, Kind, knowledge),
           copies(O, _, R)
     )).
rule(r_d13_liable_user_direct_infringer, [d13-'3.1'], [ext],
     ( liable(U, Kind, R, generation) :-
           user_liability(U, O, Kind, direct_infringer),
           copies(O, _, R)
     )).

                 /*******************************
                 *  D04, D29 DISSEMINATION (2.1, 2.2, 3.3)
                 *******************************/

rule(r_d04_liable_dissemination, [d04-'2.1', d04-'4.3'],
     ( liable(P, primary, R, generation) :-
           output_dissemination(P, R, _, _)
     )).
rule(r_d29_liable_dissemination, [d29-'2.2', d29-'3.3'], [ext],
     ( liable(P, primary, R, generation) :-
           item_dissemination(P, R, _)
     )).

                 /*******************************
                 *      NOT LIABLE, PER ROLE    *
                 *******************************/

%!  liable_in_role(?Party, ?Role) is nondet.
%
%   Party bears some liability in Role.  Liability from dissemination
%   belongs to the third_party role (it counts only for a party with no
%   other role).

rule(r_d02_liable_as_developer_training, [d02-'4.2'],
     ( liable_in_role(D, developer) :-
           training_infringement(D, _, _)
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
           output_dissemination(X, _, _, _)
     )).
rule(r_d29_liable_as_third_party, [d29-'2.2', d29-'3.3'], [ext],
     ( liable_in_role(X, third_party) :-
           item_dissemination(X, _, _)
     )).

%   developer_free(?Developer): a developer with no liability as developer.
rule(r_d02_developer_free, [d02-'4.2', d08-'4.2'],
     ( developer_free(D) :-
           developer(D, _),
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

%   provider_free(?Provider): a provider with no liability as provider.
rule(r_d13_provider_free, [d07-'4.3', d13-'5'],
     ( provider_free(P) :-
           provider(P, _),
           \+ liable_in_role(P, provider)
     )).

%   fault_regime_needs_breach: the claimant must prove a breach (fault, or
%   presumed fault in the paper's reading).
rule(r_d13_breach_needed_fault, [d13-'5.1', d14-'4.3'],
     ( breach_needed :-
           regime(fault)
     )).
rule(r_d13_breach_needed_presumed_fault, [d13-'5.2', d14-'4.3'],
     ( breach_needed :-
           regime(presumed_fault),
           position(presumed_fault_burden, breach_proven_fault_presumed)
     )).

rule(r_d14_not_liable_breach_not_proven, [d13-'5.1', d13-'5.2', d14-'4.3'],
     ( not_liable(P, provider, breach_not_proven) :-
           provider_free(P),
           provider_output(P, _),
           breach_needed,
           \+ breach(P)
     )).
rule(r_d13_not_liable_fault_not_proven, [d13-'5.1'],
     ( not_liable(P, provider, fault_not_proven) :-
           provider_free(P),
           provider_output(P, _),
           regime(fault),
           breach(P),
           \+ fault_proven(P)
     )).
rule(r_d13_not_liable_fault_rebutted, [d13-'5.2'],
     ( not_liable(P, provider, fault_rebutted) :-
           provider_free(P),
           provider_output(P, _),
           regime(presumed_fault),
           position(presumed_fault_burden, breach_proven_fault_presumed),
           breach(P),
           fault_rebutted(P)
     )).
rule(r_d14_not_liable_duties_met, [d13-'5.2', d14-'4.3'],
     ( not_liable(P, provider, duties_met) :-
           provider_free(P),
           provider_output(P, _),
           regime(presumed_fault),
           position(presumed_fault_burden, full_reversal),
           duties_met(P)
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

%   user_free(?User): a user with no liability as user.
rule(r_d09_user_free, [d09-'4.4', d10-'4.4', d11-'4.4'],
     ( user_free(U) :-
           user_role(U),
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
