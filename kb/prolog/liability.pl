/*  Part of aigc-kb: who is liable when AI-generated content infringes copyright.

    Who can be liable, and in which kind: D02-D03 (training), D07 and
    D13-D16, D30 (the provider and the liability regime), D08 (the
    developer), D09-D12 (the user), and liability for dissemination (D04,
    D29).  docs/semantics.md, section 3.  Who is not liable, and why, is
    not_liable.pl.

    Liability is computed per role and output by the auxiliary predicates
    provider_liability/4, developer_liability/3 and user_liability/4, whose
    last argument (the basis) names the row of the semantics that applies; the
    concluding rules of liable_for/6 select a row each, so that every liability
    cites the doctrines of its row.  Liability is stated per infringement:
    liable_for/6 names the infringed item and the output through which (`none`
    for a training copy or a reposted item); liable/4 is its summary by
    subject, kind, right and stage, whose doctrines are those of its
    liable_for/6 atoms (aigc.pl, summary_of/2).
*/

:- module(aigc_liability,
          [ liable/4,                   % ?Subject, ?Kind, ?Right, ?Stage
            liable_for/6,               % ?Subject, ?Kind, ?Right, ?Work, ?Output, ?Stage
            defense/3,                  % ?Subject, ?Defense, ?Status
            defense_for/4,              % ?Subject, ?Defense, ?Status, ?Output
            own_dissemination/4,        % ?Provider, ?Right, ?Work, ?Output
            own_act_liable/3,           % ?Provider, ?Output, ?Kind
            provider_liable_for/2,      % ?Provider, ?Output
            provider_liable_any/1,      % ?Provider
            provider_ground/2,          % ?Provider, ?Ground
            provider_output/2,          % ?Provider, ?Output
            provider_liability/4,       % ?Provider, ?Output, ?Kind, ?Basis
            provider_liable/1,          % ?Output
            copies_work_of_other/2,     % ?Developer, ?Output
            developer_output/3,         % ?Developer, ?System, ?Output
            reasonable_measures/2,      % ?Developer, ?System
            developer_liability/3,      % ?Developer, ?Output, ?Kind
            no_reasonable_measures_for/3, % ?Developer, ?System, ?Output
            published_model_output/3,   % ?Trainer, ?Output, ?Work
            model_trainer_liability/3,  % ?Trainer, ?Output, ?Kind
            induced/2,                  % ?User, ?Output
            induced_by_liable_other/2,  % ?Provider, ?Output
            liable_other/2,             % ?Party, ?Output
            knows_u/2,                  % ?User, ?Output
            user_exposure/4,            % ?User, ?Output, ?Kind, ?Basis
            fair_use_accepted/2,        % ?User, ?Output
            user_liability/4,           % ?User, ?Output, ?Kind, ?Basis
            staff_requested/3,          % ?Principal, ?Agent, ?Output
            staff_disseminated/5,       % ?Principal, ?Agent, ?Right, ?Work, ?Output
            staff_trained/3,            % ?Principal, ?Agent, ?Work
            staff_item_act/5            % ?Principal, ?Agent, ?Right, ?Item, ?Copy
          ]).
:- use_module(rules).
:- use_module(facts).
:- use_module(params).
:- use_module(infringement).
:- use_module(duty_of_care).
:- use_module(templates, []).

:- multifile aigc_templates:template/3.
:- discontiguous aigc_templates:template/3.

%   Tabled: an output copying several works of others gives one answer.
:- table
    copies_work_of_other/2,
    infringing_subject/1,
    system_in_use/1,
    provider_liable_any/1.

%!  liable_for(?Subject, ?Kind, ?Right, ?Work, ?Output, ?Stage) is nondet.
%
%   Subject is liable in Kind (`primary`, `joint`, `contributory`,
%   `secondary`) for the infringement of Right in Work (a work, or a
%   protected output, D29) through Output (`none` for a training copy, and
%   for a reposted item that is not an output's copy of something) in
%   Stage.  A party holding several roles gets every liability of each role.

%!  liable(?Subject, ?Kind, ?Right, ?Stage) is nondet.
%
%   Subject is liable in Kind for infringing Right in Stage: the summary of
%   liable_for/6 by subject, kind, right and stage.

%!  defense(?Subject, ?Defense, ?Status) is nondet.
%
%   The Defense of Subject (`tdm_exception`, `provider_fair_use`,
%   `user_fair_use`, `safe_harbor`, `lack_of_knowledge`) is Status
%   (`accepted` or `rejected`): the summary of defense_for/4.

%!  defense_for(?Subject, ?Defense, ?Status, ?Output) is nondet.
%
%   The Defense of Subject is Status as to Output (`none` for a training
%   copy).  A defence is never accepted for an output for which its party
%   is liable in the role the defence belongs to (D13, I03).

%!  provider_ground(?Provider, ?Ground) is nondet.
%
%   Provider, liable in its provider role, is the infringing subject on
%   Ground (D07).


                 /*******************************
                 *  D02, D03 TRAINING STAGE (2.1, 4.2)
                 *******************************/

aigc_templates:template(liable, [party, kind, right, stage],
                        "{0} is liable ({1}) for the {2} right in the {3} stage").
aigc_templates:template(liable_for, [party, kind, right, item, output_or_copy_or_none, stage],
                        "{0} is liable ({1}) for the {2} right in {3}, through {4}, in the {5} stage").

%   The summary: a party liable for an infringement is liable for its right
%   in its stage (D01: every infringement names its stage).  Its doctrines
%   are those of the liable_for/6 atoms it summarises (aigc.pl).
rule(r_liable_summary, [d01-'2.1'],
     ( liable(S, Kind, R, St) :-
           liable_for(S, Kind, R, _, _, St)
     )).

%   D02: the developer copying a protected work into training data without
%   authorisation is primarily liable, whatever the regime.  Here and in
%   every row below, a system named as a party is never liable (D06, 4.1;
%   I02): the rules guarantee it, not only the case validator.
rule(r_d02_liable_training, [d02-'2.1', d02-'4.2'],
     ( liable_for(D, primary, reproduction, W, none, training) :-
           infringement(D, reproduction, W, none, training),
           \+ system(D)
     )).

aigc_templates:template(defense, [party, defense, status],
                        "the {1} defence of {0} is {2}").
aigc_templates:template(defense_for, [party, defense, status, output_or_none],
                        "the {1} defence of {0} is {2} (output: {3})").

%   D03: the data-mining / fair-use defence for training is rejected, unless
%   the choice point tdm_exception accepts it; stated for the training copies
%   (output `none`).
rule(r_d03_defense_tdm_rejected, [d03-'4.2'],
     ( defense_for(D, tdm_exception, rejected, none) :-
           training_infringement(D, _, _),
           \+ system(D)
     )).
rule(r_d03_defense_tdm_accepted, [d03-'4.2'],
     ( defense_for(D, tdm_exception, accepted, none) :-
           training_copy(D, S, _),
           \+ system(D),
           tdm_exempt(S)
     )).
rule(r_d03_defense_tdm_summary, [d03-'4.2'],
     ( defense(D, tdm_exception, Status) :-
           defense_for(D, tdm_exception, Status, _)
     )).

                 /*******************************
                 *  D07, D13 THE PROVIDER (3.1, 4.3, 5)
                 *******************************/

%!  provider_output(?Provider, ?Output) is nondet.
%
%   Output, generated by a system Provider provides, infringes.

aigc_templates:template(provider_output, [party, output],
                        "{1}, generated by a system {0} provides, infringes").
rule(r_d07_provider_output, [d07-'3.1', d07-'4.3'],
     ( provider_output(P, O) :-
           provider_of_output(P, O),
           \+ system(P),
           infringing_output(O)
     )).

%!  provider_liability(?Provider, ?Output, ?Kind, ?Basis) is nondet.
%
%   Under the regime of the evaluation (D13), Provider is liable in Kind for
%   the infringing Output its system generated.  Basis names the row:
%   `strict`, `strict_induced`, `fault`, `presumed_fault`,
%   `notice_and_takedown`.

aigc_templates:template(provider_liability, [party, output, kind, basis],
                        "as provider, {0} is liable ({2}) for {1} on the basis: {3}").

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
%   point provider_when_user_induces - beside another party, the inducing
%   user, liable for the same output (kinds table, I06).
rule(r_d11_strict_user_induced, [d07-'4.3', d11-'4.4', d13-'5.3'],
     ( provider_liability(P, O, Kind, strict_induced) :-
           regime(strict),
           provider_output(P, O),
           induced_by_liable_other(P, O),
           position(provider_when_user_induces, Kind)
     )).

%   D11 (4.4), kinds table, I06: where no other party is liable for the
%   induced output (the inducing user's fair use is accepted, or the
%   provider induced its own output), the provider is not joint beside
%   nobody or beside itself: the same liability is primary.
rule(r_d11_strict_induced_alone, [d07-'4.3', d11-'4.4', d13-'5.3'],
     ( provider_liability(P, O, primary, strict_induced) :-
           regime(strict),
           provider_output(P, O),
           induced(_, O),
           \+ induced_by_liable_other(P, O)
     )).

%!  induced_by_liable_other(?Provider, ?Output) is nondet.
%
%   A user other than Provider, and not acting for it, induced Output (D11)
%   and is liable for it.  [ext, court practice] The inducement of someone
%   acting for the provider (its staff, an agent) is the provider's own:
%   the provider is then not beside another party but primary.

aigc_templates:template(induced_by_liable_other, [party, output],
                        "a user other than {0}, not acting for it, induced {1} and is liable for it").
rule(r_d11_induced_by_liable_other, [d11-'4.4'],
     ( induced_by_liable_other(P, O) :-
           induced(U, O),
           U \== P,
           \+ acting_for(U, P),
           user_liability(U, O, _, intent)
     )).

%   D07, D13, D14 (5.1): under fault the claimant proves a breach of duty
%   that relates to the output (D14, I09) and the provider's fault.
rule(r_d13_fault, [d07-'4.3', d13-'5.1', d14-'4.3'],
     ( provider_liability(P, O, primary, fault) :-
           regime(fault),
           provider_output(P, O),
           breach_for(P, O),
           fault_proven(P)
     )).

%   D07, D13, D14 (5.2): under presumed fault the claimant proves a breach
%   that relates to the output (D14, I09); fault is then presumed unless the
%   provider rebuts it.
rule(r_d13_presumed_fault, [d07-'4.3', d13-'5.2', d14-'4.3'],
     ( provider_liability(P, O, primary, presumed_fault) :-
           regime(presumed_fault),
           position(presumed_fault_burden, breach_proven_fault_presumed),
           provider_output(P, O),
           breach_for(P, O),
           \+ fault_rebutted(P)
     )).

%   ... or, with full_reversal, the provider must prove it met every duty.
rule(r_d13_presumed_fault_full_reversal, [d07-'4.3', d13-'5.2', d14-'4.3'],
     ( provider_liability(P, O, primary, presumed_fault) :-
           regime(presumed_fault),
           position(presumed_fault_burden, full_reversal),
           provider_output(P, O),
           \+ duties_met_for(P, O)
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

%   D13, D15 [ext, court practice] (3.1, 3.2): notice about the model an
%   output was generated with, not answered by removing the model promptly.
rule(r_d15_model_notice_not_removed, [d13-'3.1', d15-'3.2'], [ext],
     ( provider_liability(P, O, secondary, notice_and_takedown) :-
           regime(notice_and_takedown),
           provider_output(P, O),
           model_notice_ignored(P, O)
     )).

%!  provider_liable(?Output) is nondet.
%
%   Some provider is liable for Output.

aigc_templates:template(provider_liable, [output],
                        "a provider is liable for {0}").
rule(r_d13_provider_liable, [d07-'4.3', d13-'5'],
     ( provider_liable(O) :-
           provider_liability(_, O, _, _)
     )).

%   The provider is liable for every right the output copies; each row cites
%   its doctrines.
rule(r_d07_liable_strict, [d07-'3.1', d07-'4.3', d13-'5.3'],
     ( liable_for(P, Kind, R, W, O, generation) :-
           provider_liability(P, O, Kind, strict),
           copies(O, W, R)
     )).
rule(r_d11_liable_provider_induced, [d07-'4.3', d11-'4.4', d13-'5.3'],
     ( liable_for(P, Kind, R, W, O, generation) :-
           provider_liability(P, O, Kind, strict_induced),
           copies(O, W, R)
     )).
rule(r_d13_liable_fault, [d07-'4.3', d13-'5.1', d14-'4.3'],
     ( liable_for(P, Kind, R, W, O, generation) :-
           provider_liability(P, O, Kind, fault),
           copies(O, W, R)
     )).
rule(r_d13_liable_presumed_fault, [d07-'4.3', d13-'5.2', d14-'4.3'],
     ( liable_for(P, Kind, R, W, O, generation) :-
           provider_liability(P, O, Kind, presumed_fault),
           copies(O, W, R)
     )).
rule(r_d15_liable_notice, [d13-'3.1', d15-'3.2'], [ext],
     ( liable_for(P, Kind, R, W, O, generation) :-
           provider_liability(P, O, Kind, notice_and_takedown),
           copies(O, W, R)
     )).

aigc_templates:template(provider_ground, [party, provider_ground],
                        "{0} is the infringing subject on the ground: {1}").

%   D07 (3.1, 4.3): the grounds of the provider's position as infringing
%   subject (a "de facto direct infringer"), for a provider liable in its
%   provider role other than only secondarily (under notice and takedown,
%   or the position provider_when_user_induces = secondary, D13, D11).

aigc_templates:template(infringing_subject_for, [party, output],
                        "as provider, {0} is liable for {1} as its infringing subject, not only secondarily").

%   infringing_subject_for(?Provider, ?Output)
rule(r_d07_infringing_subject_for, [d07-'3.1', d07-'4.3', d13-'5'],
     ( infringing_subject_for(P, O) :-
           provider_liability(P, O, Kind, _),
           Kind \== secondary
     )).
aigc_templates:template(infringing_subject, [party],
                        "as provider, {0} is the infringing subject of some output").
aigc_templates:template(system_in_use, [system],
                        "{0} has users").

%   infringing_subject(?Provider): Provider is the infringing subject of
%   some output; system_in_use(?System): System has some user.  Tabled, so
%   that each holds once however many outputs or users prove it.
rule(r_d07_infringing_subject, [d07-'4.3'],
     ( infringing_subject(P) :-
           infringing_subject_for(P, _)
     )).
rule(r_d07_system_in_use, [d07-'4.3'],
     ( system_in_use(S) :-
           user(_, S)
     )).
rule(r_d07_ground_originator_of_risk, [d07-'4.3'],
     ( provider_ground(P, originator_of_risk) :-
           infringing_subject(P)
     )).
rule(r_d07_ground_causal_control, [d07-'4.3'],
     ( provider_ground(P, causal_control) :-
           infringing_subject(P)
     )).
rule(r_d07_ground_potential_owner, [d07-'4.3'],
     ( provider_ground(P, potential_owner) :-
           infringing_subject(P)
     )).
rule(r_d07_ground_diffuse_users, [d07-'4.3'],
     ( provider_ground(P, diffuse_users) :-
           infringing_subject_for(P, O),
           requested_by(O, _)
     )).
rule(r_d07_ground_reward, [d07-'4.3'],
     ( provider_ground(P, reward) :-
           infringing_subject(P),
           profits_from_service(P)
     )).
rule(r_d07_ground_duty_of_care, [d07-'4.3'],
     ( provider_ground(P, duty_of_care) :-
           infringing_subject(P),
           provider(P, S),
           system_in_use(S)
     )).

                 /*******************************
                 *  D13 [ext] THE PROVIDER'S OWN DISSEMINATION (3.1)
                 *******************************/

%!  own_dissemination(?Provider, ?Right, ?Work, ?Output) is nondet.
%
%   Provider, the provider of Output, itself made Output available or
%   reproduced it (a public gallery, a showcase, a feed), infringing Right
%   in Work: its own act (D13 [ext]).

aigc_templates:template(own_dissemination, [party, right, work, output],
                        "{0}, the provider of {3}, itself disseminated it, which copies {2} (the {1} right)").
rule(r_d13_own_dissemination, [d04-'2.1', d13-'3.1'], [ext],
     ( own_dissemination(P, R, W, O) :-
           output_dissemination(P, R, W, O),
           provider_of_output(P, O),
           \+ system(P)
     )).

%!  own_act_liable(?Provider, ?Output, ?Kind) is nondet.
%
%   Provider is liable in Kind for its own act on Output.  The choice point
%   provider_own_dissemination: `direct_act` (default), primary under every
%   regime; `under_regime`, only where the regime makes Provider liable for
%   Output (provider_liability/4), in that kind.

aigc_templates:template(own_act_liable, [party, output, kind],
                        "as provider, {0} is liable ({2}) for its own act on {1}").
rule(r_d13_own_act_direct, [d13-'3.1'], [ext],
     ( own_act_liable(P, O, primary) :-
           position(provider_own_dissemination, direct_act),
           own_dissemination(P, _, _, O)
     )).
rule(r_d13_own_act_under_regime, [d13-'3.1', d13-'5'], [ext],
     ( own_act_liable(P, O, Kind) :-
           position(provider_own_dissemination, under_regime),
           own_dissemination(P, _, _, O),
           provider_liability(P, O, Kind, _)
     )).

%!  provider_liable_for(?Provider, ?Output) is nondet.
%
%   Provider bears liability as provider for Output: for its generation
%   under the regime, or for its own act on it.

aigc_templates:template(provider_liable_for, [party, output],
                        "{0} bears liability as provider for {1}").
rule(r_d13_provider_liable_for_generation, [d13-'5'],
     ( provider_liable_for(P, O) :-
           provider_liability(P, O, _, _)
     )).
rule(r_d13_provider_liable_for_own_act, [d13-'3.1'], [ext],
     ( provider_liable_for(P, O) :-
           own_act_liable(P, O, _)
     )).

%!  provider_liable_any(?Provider) is nondet.
%
%   Provider bears liability as provider for some output.

aigc_templates:template(provider_liable_any, [party],
                        "{0} bears liability as provider for some output").
rule(r_d13_provider_liable_any, [d13-'5'],
     ( provider_liable_any(P) :-
           provider_liable_for(P, _)
     )).

                 /*******************************
                 *  D15, D16, D30 PROVIDER DEFENCES (3.2, 4.2)
                 *******************************/

%   Stated per output (D13: never beside a liability for the same output);
%   defense/3 summarises them.

%   D30 (4.2): a provider's fair use for generation is rejected ("training
%   and generation ... for profit"); tdm_exception never applies to it.
rule(r_d30_provider_fair_use, [d30-'4.2'],
     ( defense_for(P, provider_fair_use, rejected, O) :-
           provider_output(P, O)
     )).
rule(r_d30_provider_fair_use_summary, [d30-'4.2'],
     ( defense(P, provider_fair_use, rejected) :-
           defense_for(P, provider_fair_use, rejected, _)
     )).

%   D15 (3.2): the safe harbour is rejected for outputs the provider's own
%   system generated, except under notice and takedown.
rule(r_d15_safe_harbor_rejected, [d15-'3.2'],
     ( defense_for(P, safe_harbor, rejected, O) :-
           \+ regime(notice_and_takedown),
           provider_output(P, O)
     )).
%   Under notice and takedown: accepted for an output the provider is not
%   liable for as provider, rejected for one it is liable for - by the
%   regime, or for its own act on it (the harbour never covers that, D13).
rule(r_d15_safe_harbor_accepted, [d15-'3.2'], [ext],
     ( defense_for(P, safe_harbor, accepted, O) :-
           regime(notice_and_takedown),
           provider_output(P, O),
           \+ provider_liable_for(P, O)
     )).
rule(r_d15_safe_harbor_lost, [d15-'3.2'], [ext],
     ( defense_for(P, safe_harbor, rejected, O) :-
           regime(notice_and_takedown),
           provider_liability(P, O, _, _)
     )).
rule(r_d13_safe_harbor_own_act, [d13-'3.1', d15-'3.2'], [ext],
     ( defense_for(P, safe_harbor, rejected, O) :-
           regime(notice_and_takedown),
           own_act_liable(P, O, _)
     )).
rule(r_d15_safe_harbor_rejected_summary, [d15-'3.2'],
     ( defense(P, safe_harbor, rejected) :-
           defense_for(P, safe_harbor, rejected, _)
     )).
%   The summary accepts the harbour only for a provider liable as provider
%   for no output: it never contradicts a liability.
rule(r_d15_safe_harbor_accepted_summary, [d15-'3.2'], [ext],
     ( defense(P, safe_harbor, accepted) :-
           defense_for(P, safe_harbor, accepted, _),
           \+ provider_liable_any(P)
     )).

%   D16 (3.2): under strict the provider's lack of knowledge is no defence.
rule(r_d16_lack_of_knowledge, [d16-'3.2'],
     ( defense_for(P, lack_of_knowledge, rejected, O) :-
           regime(strict),
           provider_output(P, O),
           \+ knows_p(P, O)
     )).
rule(r_d16_lack_of_knowledge_summary, [d16-'3.2'],
     ( defense(P, lack_of_knowledge, rejected) :-
           defense_for(P, lack_of_knowledge, rejected, _)
     )).

                 /*******************************
                 *  D08 THE DEVELOPER, GENERATION STAGE (4.2)
                 *******************************/

%!  copies_work_of_other(?Developer, ?Output) is nondet.
%
%   Output, generated by a system Developer developed, copies a work that
%   Developer does not hold (Terms, I01: the developer never answers for an
%   infringement of its own work).

aigc_templates:template(copies_work_of_other, [party, output],
                        "{1}, generated by a system {0} developed, copies a work {0} does not hold").
rule(r_d08_copies_work_of_other, [d04-'2.1', d08-'4.2'],
     ( copies_work_of_other(D, O) :-
           developer(D, S),
           generated_by(O, S),
           copies(O, W, _),
           \+ holder(D, W)
     )).

%!  developer_output(?Developer, ?System, ?Output) is nondet.
%
%   Developer, not the provider of System, developed the System that
%   generated the infringing Output, which copies a work Developer does
%   not hold.

aigc_templates:template(developer_output, [party, system, output],
                        "{0}, not the provider of {1}, developed the system that generated {2}, which infringes").
rule(r_d08_developer_output, [d08-'4.2'],
     ( developer_output(D, S, O) :-
           developer(D, S),
           \+ system(D),
           \+ provider(D, S),
           generated_by(O, S),
           copies_work_of_other(D, O)
     )).

%!  reasonable_measures(?Developer, ?System) is nondet.
%
%   Developer built anti-infringement measures into System and only performs
%   routine maintenance (both), and the training data was lawfully sourced.
%   These are facts of a defence: the developer relying on it proves each,
%   lawful sourcing included (catalogue, burden table); an unproven
%   lawful sourcing counts against it.

aigc_templates:template(reasonable_measures, [party, system],
                        "{0} took reasonable measures for {1} (anti-infringement design, routine maintenance only, lawfully sourced data)").
rule(r_d08_reasonable_measures, [d08-'4.2'],
     ( reasonable_measures(D, S) :-
           anti_infringement_measures(D, S),
           routine_maintenance_only(D, S),
           lawfully_sourced(S),
           \+ unlawfully_sourced_data(S),
           \+ training_infringement(D, S, _)
     )).

%!  no_reasonable_measures_for(?Developer, ?System, ?Output) is nondet.
%
%   Developer, who developed System that generated the infringing Output,
%   took no reasonable measures as to Output: it did not prove them for
%   System, or [ext, court practice] Output copies a work System memorised
%   (it reproduces that work on simple prompts: its design has no
%   reasonable measure against that regurgitation).

aigc_templates:template(no_reasonable_measures_for, [party, system, output],
                        "{0} took no reasonable anti-infringement measures in {1} as to {2}").
rule(r_d08_no_reasonable_measures, [d08-'4.2'],
     ( no_reasonable_measures_for(D, S, O) :-
           developer_output(D, S, O),
           \+ reasonable_measures(D, S)
     )).
rule(r_d08_regurgitation, [d08-'4.2'], [ext],
     ( no_reasonable_measures_for(D, S, O) :-
           developer_output(D, S, O),
           memorised(S, W),
           copies(O, W, _),
           \+ holder(D, W)
     )).

%!  developer_liability(?Developer, ?Output, ?Kind) is nondet.
%
%   Developer without reasonable measures is liable for Output in the Kind
%   of the choice point developer_without_measures, beside another party
%   liable for Output; with none, the same liability is primary (kinds
%   table: no share of, or joint liability beside, nobody; I06).

aigc_templates:template(developer_liability, [party, output, kind],
                        "as developer without reasonable measures, {0} is liable ({2}) for {1}").
rule(r_d08_developer_liability, [d08-'4.2'],
     ( developer_liability(D, O, Kind) :-
           no_reasonable_measures_for(D, _, O),
           position(developer_without_measures, Kind),
           Kind \== not_liable,
           liable_other(D, O)
     )).
rule(r_d08_developer_liability_alone, [d08-'4.2'],
     ( developer_liability(D, O, primary) :-
           no_reasonable_measures_for(D, _, O),
           position(developer_without_measures, Kind),
           Kind \== not_liable,
           \+ liable_other(D, O)
     )).

%!  liable_other(?Party, ?Output) is nondet.
%
%   A party other than Party is liable for Output, as its provider or as
%   the user who requested it.

aigc_templates:template(liable_other, [party, output],
                        "a party other than {0} is liable for {1}").
rule(r_d08_liable_other_provider, [d08-'4.2', d13-'5'],
     ( liable_other(X, O) :-
           provider_liability(P, O, _, _),
           P \== X
     )).
rule(r_d08_liable_other_user, [d08-'4.2', d10-'4.4', d11-'4.4'],
     ( liable_other(X, O) :-
           user_liability(U, O, _, _),
           U \== X
     )).

rule(r_d08_liable_developer, [d08-'4.2'],
     ( liable_for(D, Kind, R, W, O, generation) :-
           developer_liability(D, O, Kind),
           copies(O, W, R),
           \+ holder(D, W)
     )).

                 /*******************************
                 *  D08 [ext] THE TRAINER OF A PUBLISHED MODEL (3.1, 4.2)
                 *******************************/

%!  published_model_output(?Trainer, ?Output, ?Work) is nondet.
%
%   Another user generated Output with a model Trainer trained and
%   published, and Output copies Work, a work the model was trained on or
%   is named after, which Trainer does not hold (Terms, I01).

aigc_templates:template(published_model_output, [party, output, work],
                        "another user generated {1} with a model {0} trained and published, and {1} copies {2}, a work of that model").
rule(r_d08_published_model_output, [d08-'4.2'], [ext],
     ( published_model_output(T, O, W) :-
           model_trained_by(M, T),
           model_published_by(M, T),
           \+ system(T),
           generated_with(O, M),
           requested_by(O, U),
           U \== T,
           model_work(M, W),
           copies(O, W, _),
           \+ holder(T, W)
     )).

%!  trainer_beside_other(?Trainer, ?Output) is nondet.
%
%   A party other than Trainer is liable for Output, an output of Trainer's
%   published model: its provider or the user who requested it.

aigc_templates:template(trainer_beside_other, [party, output],
                        "a party other than {0} is liable for {1}, generated with the model {0} published").
rule(r_d08_model_liable_other_provider, [d08-'4.2', d13-'5'], [ext],
     ( trainer_beside_other(T, O) :-
           published_model_output(T, O, _),
           provider_liability(P, O, _, _),
           P \== T
     )).
rule(r_d08_model_liable_other_user, [d08-'4.2', d10-'4.4', d11-'4.4'], [ext],
     ( trainer_beside_other(T, O) :-
           published_model_output(T, O, _),
           user_liability(U, O, _, _),
           U \== T
     )).

%!  model_trainer_liability(?Trainer, ?Output, ?Kind) is nondet.
%
%   [ext, court practice; Civil Code Art. 1169] Trainer, who trained and
%   published the model another user generated Output with, furnished the
%   means of the infringement: `contributory` beside another party liable
%   for Output, else `primary` (kinds table, as for D08's developer: no
%   share of nobody).  Whatever the regime: the regime governs only the
%   provider (D13).

aigc_templates:template(model_trainer_liability, [party, output, kind],
                        "as trainer and publisher of the model, {0} is liable ({2}) for {1}").
rule(r_d08_model_trainer_contributory, [d08-'4.2'], [ext],
     ( model_trainer_liability(T, O, contributory) :-
           published_model_output(T, O, _),
           trainer_beside_other(T, O)
     )).
rule(r_d08_model_trainer_alone, [d08-'4.2'], [ext],
     ( model_trainer_liability(T, O, primary) :-
           published_model_output(T, O, _),
           \+ trainer_beside_other(T, O)
     )).

rule(r_d08_liable_model_trainer, [d08-'4.2'], [ext],
     ( liable_for(T, Kind, R, W, O, generation) :-
           model_trainer_liability(T, O, Kind),
           published_model_output(T, O, W),
           copies(O, W, R)
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

aigc_templates:template(induced, [party, output],
                        "{0} intentionally induced {1}, which infringes").
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
%   D11 [ext, court practice] (4.4): a user that trained a model on a work
%   and generated with that model an output copying the work intended it.
rule(r_d11_trained_model_used, [d11-'4.4'], [ext],
     ( induced(U, O) :-
           requested_by(O, U),
           generated_with(O, M),
           model_trained_by(M, U),
           model_trained_on(M, W),
           copies(O, W, _),
           infringing_output(O)
     )).

%!  knows_u(?User, ?Output) is nondet.
%
%   D10: User knew or should have known that the infringing Output it
%   requested infringes; a single prompt naming the copied work shows that
%   it should have known (never intent), and so do repeated suggestive
%   prompts towards the work the output copies.

aigc_templates:template(knows_u, [party, output],
                        "{0} knew or should have known that {1} infringes").
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
%   D10 (4.4): repeated, suggestive prompts steering towards one work, with
%   an output that copies that work, show at least that the user should
%   have known (intent needs the output highly similar, D11).
%   D10 [ext, court practice] (4.4): a user that generated with a model
%   named after a work an output copying that work should have known that
%   it infringes (never intent by itself).
rule(r_d10_model_named_after_work, [d10-'4.4'], [ext],
     ( knows_u(U, O) :-
           requested_by(O, U),
           generated_with(O, M),
           model_named_after(M, W),
           copies(O, W, _),
           infringing_output(O)
     )).
rule(r_d10_repeated_suggestive_prompts, [d10-'4.4'],
     ( knows_u(U, O) :-
           requested_by(O, U),
           repeated_suggestive_prompts(U, O, W),
           copies(O, W, _),
           infringing_output(O)
     )).

%!  user_exposure(?User, ?Output, ?Kind, ?Basis) is nondet.
%
%   User would be liable in Kind for the infringing Output it requested,
%   before its fair-use defence (D12).  Basis: `intent` (D11), `knowledge`
%   (D10) or `direct_infringer` (D13, notice and takedown).

aigc_templates:template(user_exposure, [party, output, kind, user_basis],
                        "as user, {0} would be liable ({2}) for {1} on the basis: {3}, before any fair-use defence").

%   D11 (4.4): the inducing user bears primary liability from the outset.
rule(r_d11_user_induced, [d11-'4.4'],
     ( user_exposure(U, O, primary, intent) :-
           induced(U, O),
           \+ system(U)
     )).

%   D10 (4.4): the knowing user is secondary beside a liable provider, else
%   primary.
rule(r_d10_user_secondary, [d10-'4.4'],
     ( user_exposure(U, O, secondary, knowledge) :-
           \+ regime(notice_and_takedown),
           knows_u(U, O),
           \+ system(U),
           \+ induced(U, O),
           provider_liable(O)
     )).
rule(r_d10_user_primary, [d10-'4.4'],
     ( user_exposure(U, O, primary, knowledge) :-
           \+ regime(notice_and_takedown),
           knows_u(U, O),
           \+ system(U),
           \+ induced(U, O),
           \+ provider_liable(O)
     )).

%   D13 [ext] (3.1): under notice and takedown the requesting user is the
%   direct infringer; D09 does not shield it.
rule(r_d13_user_direct_infringer, [d13-'3.1'], [ext],
     ( user_exposure(U, O, primary, direct_infringer) :-
           regime(notice_and_takedown),
           requested_by(O, U),
           \+ system(U),
           infringing_output(O)
     )).

                 /*******************************
                 *  D12 USER'S FAIR USE (4.4)   *
                 *******************************/

aigc_templates:template(personal_purpose, [purpose],
                        "{0} is a personal purpose (personal study, research, appreciation)").

%   personal_purpose(?Purpose): a purpose that raises the defence.
rule(r_d12_personal_study, [d12-'4.4'],
     ( personal_purpose(personal_study) )).
rule(r_d12_research, [d12-'4.4'],
     ( personal_purpose(research) )).
rule(r_d12_appreciation, [d12-'4.4'],
     ( personal_purpose(appreciation) )).

aigc_templates:template(fair_use_raised, [party, output],
                        "{0}, exposed to liability, used {1} for a personal purpose (fair use raised)").

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
%   User's personal-use defence succeeds: the user proved that it obtained
%   the output otherwise than through a commercial platform (the facts of a
%   defence are on the party relying on it: catalogue, burden table, D12),
%   and the choice point personal_fair_use_noncommercial accepts it.

aigc_templates:template(fair_use_accepted, [party, output],
                        "the personal-use defence of {0} for {1} succeeds").
rule(r_d12_fair_use_accepted, [d12-'4.4'],
     ( fair_use_accepted(U, O) :-
           position(personal_fair_use_noncommercial, accepted),
           fair_use_raised(U, O),
           noncommercial_access(U, O),
           \+ via_commercial_platform(U, O)
     )).

rule(r_d12_user_fair_use_accepted, [d12-'4.4'],
     ( defense_for(U, user_fair_use, accepted, O) :-
           fair_use_accepted(U, O)
     )).
rule(r_d12_user_fair_use_rejected, [d12-'4.4'],
     ( defense_for(U, user_fair_use, rejected, O) :-
           fair_use_raised(U, O),
           \+ fair_use_accepted(U, O)
     )).
rule(r_d12_user_fair_use_summary, [d12-'4.4'],
     ( defense(U, user_fair_use, Status) :-
           defense_for(U, user_fair_use, Status, _)
     )).

%!  user_liability(?User, ?Output, ?Kind, ?Basis) is nondet.
%
%   User is liable in Kind for Output on Basis (see user_exposure/4), its
%   fair-use defence failing.

aigc_templates:template(user_liability, [party, output, kind, user_basis],
                        "as user, {0} is liable ({2}) for {1} on the basis: {3}").
rule(r_d12_user_liability, [d09-'4.4', d10-'4.4', d11-'4.4', d12-'4.4', d13-'3.1'],
     ( user_liability(U, O, Kind, Basis) :-
           user_exposure(U, O, Kind, Basis),
           \+ fair_use_accepted(U, O)
     )).

rule(r_d11_liable_user_induced, [d11-'4.4'],
     ( liable_for(U, Kind, R, W, O, generation) :-
           user_liability(U, O, Kind, intent),
           copies(O, W, R)
     )).
rule(r_d10_liable_user_knowledge, [d10-'4.4'],
     ( liable_for(U, Kind, R, W, O, generation) :-
           user_liability(U, O, Kind, knowledge),
           copies(O, W, R)
     )).
rule(r_d13_liable_user_direct_infringer, [d13-'3.1'], [ext],
     ( liable_for(U, Kind, R, W, O, generation) :-
           user_liability(U, O, Kind, direct_infringer),
           copies(O, W, R)
     )).

                 /*******************************
                 *  [ext] ACTS OF STAFF AND AGENTS (3.1)
                 *******************************/

%   [ext, court practice; Civil Code Art. 1191] What anyone acting for a
%   principal (its staff, team or agent: acting_for/2) did in that capacity,
%   the principal did: requesting an output, disseminating one, copying a
%   work into training data.  The principal answers for the act beside the
%   agent, who keeps its own liability (D04, D10, D11 apply to it as to
%   anyone), jointly and severally (joint.pl); the principal has recourse
%   against an agent that knew or intended (Art. 1191: intent or gross
%   negligence; risk.pl).  What the agent knew is the principal's knowledge
%   (duty_of_care.pl, limitation.pl).  Only the agent's own acts count,
%   not acts attributed to the agent in turn.

%!  staff_requested(?Principal, ?Agent, ?Output) is nondet.
%
%   Agent, acting for Principal, requested Output and is liable for it as
%   its user (D10, D11, or D13 under notice and takedown), and Output
%   copies a work Principal does not hold (Terms, I01).

aigc_templates:template(staff_requested, [party, party, output],
                        "{1}, acting for {0}, requested {2} and is liable for it as its user").
rule(r_d13_staff_requested, [d11-'4.4', d13-'3.1'], [ext],
     ( staff_requested(P, A, O) :-
           acting_for(A, P),
           A \== P,
           \+ system(P),
           user_liability(A, O, _, _),
           copies(O, W, _),
           \+ holder(P, W)
     )).

%   The principal answers for the request in the kind its agent does.
rule(r_d13_liable_staff_request, [d11-'4.4', d13-'3.1'], [ext],
     ( liable_for(P, Kind, R, W, O, generation) :-
           staff_requested(P, A, O),
           user_liability(A, O, Kind, _),
           copies(O, W, R),
           \+ holder(P, W)
     )).

%   An output its own staff requested is no output the provider hosts or
%   generates for a user: the safe harbour does not cover it.
rule(r_d13_provider_liable_for_staff, [d13-'3.1'], [ext],
     ( provider_liable_for(P, O) :-
           staff_requested(P, _, O),
           provider_of_output(P, O)
     )).
rule(r_d13_safe_harbor_staff, [d13-'3.1', d15-'3.2'], [ext],
     ( defense_for(P, safe_harbor, rejected, O) :-
           regime(notice_and_takedown),
           staff_requested(P, _, O),
           provider_of_output(P, O)
     )).

%!  staff_disseminated(?Principal, ?Agent, ?Right, ?Work, ?Output) is nondet.
%
%   Agent, acting for Principal, disseminated Output, which copies Work,
%   without authorisation (D04), and Principal was not authorised either.

aigc_templates:template(staff_disseminated, [party, party, right, work, output],
                        "{1}, acting for {0}, disseminated {4}, which copies {3}, without authorisation (the {2} right)").
rule(r_d13_staff_disseminated, [d04-'2.1', d13-'3.1'], [ext],
     ( staff_disseminated(P, A, R, W, O) :-
           acting_for(A, P),
           A \== P,
           \+ system(P),
           output_dissemination(A, R, W, O),
           \+ system(A),
           \+ provider_of_output(A, O),
           \+ dissemination_authorised(P, O),
           \+ dissemination_authorised(P, W),
           \+ holder(P, W)
     )).

%   Staff of the provider making an output of its system available (its
%   gallery, its feed): the provider's own dissemination (choice point
%   provider_own_dissemination) ...
rule(r_d13_own_dissemination_staff, [d04-'2.1', d13-'3.1'], [ext],
     ( own_dissemination(P, R, W, O) :-
           staff_disseminated(P, _, R, W, O),
           provider_of_output(P, O)
     )).
%   ... of another's output: the principal answers for it as primarily as
%   its agent.
rule(r_d13_liable_staff_dissemination, [d04-'2.1', d13-'3.1'], [ext],
     ( liable_for(P, primary, R, W, O, generation) :-
           staff_disseminated(P, _, R, W, O),
           \+ provider_of_output(P, O)
     )).

%!  staff_item_act(?Principal, ?Agent, ?Right, ?Item, ?Copy) is nondet.
%
%   Agent, acting for Principal, disseminated the protected Item itself
%   (Copy is `none`: a reposted work or output, D29) or made, distributed
%   or made available Copy of it (a copy in another medium, D29, D04),
%   infringing Right, and Principal neither holds Item nor was licensed to
%   disseminate it.

aigc_templates:template(staff_item_act, [party, party, right, item, output_or_copy_or_none],
                        "{1}, acting for {0}, infringed the {2} right in {3} (copy: {4})").
rule(r_d13_staff_reposted, [d13-'3.1', d29-'2.2'], [ext],
     ( staff_item_act(P, A, R, X, none) :-
           acting_for(A, P),
           A \== P,
           \+ system(P),
           item_dissemination(A, R, X),
           \+ system(A),
           \+ dissemination_authorised(P, X),
           \+ holder(P, X)
     )).
rule(r_d13_staff_copied, [d13-'3.1', d29-'2.2'], [ext],
     ( staff_item_act(P, A, R, X, C) :-
           acting_for(A, P),
           A \== P,
           \+ system(P),
           copy_infringement(A, R, X, C),
           \+ system(A),
           \+ dissemination_authorised(P, X),
           \+ holder(P, X)
     )).
%   ... the principal answers for it as primarily as its agent.
rule(r_d13_liable_staff_item_act, [d13-'3.1', d29-'2.2'], [ext],
     ( liable_for(P, primary, R, X, C, generation) :-
           staff_item_act(P, _, R, X, C)
     )).

%!  staff_trained(?Principal, ?Agent, ?Work) is nondet.
%
%   Agent, acting for Principal, made an infringing training copy of Work
%   (D02, D03; a memorised copy included), a work Principal does not hold.

aigc_templates:template(staff_trained, [party, party, work],
                        "{1}, acting for {0}, made an infringing training copy of {2}").
rule(r_d02_staff_trained, [d02-'2.1', d02-'4.2', d13-'3.1'], [ext],
     ( staff_trained(P, A, W) :-
           acting_for(A, P),
           A \== P,
           \+ system(P),
           training_infringement(A, _, W),
           \+ system(A),
           \+ holder(P, W)
     )).
rule(r_d02_liable_staff_training, [d02-'2.1', d02-'4.2', d13-'3.1'], [ext],
     ( liable_for(P, primary, reproduction, W, none, training) :-
           staff_trained(P, _, W)
     )).

                 /*******************************
                 *  D04, D29 DISSEMINATION (2.1, 2.2, 3.3)
                 *******************************/

%   A provider's dissemination of an output of its own system is its own
%   act, liable as the choice point provider_own_dissemination says (D13
%   [ext]).
rule(r_d04_liable_dissemination, [d04-'2.1', d04-'4.3'],
     ( liable_for(P, primary, R, W, O, generation) :-
           output_dissemination(P, R, W, O),
           \+ system(P),
           \+ provider_of_output(P, O)
     )).
rule(r_d13_liable_own_dissemination, [d04-'2.1', d13-'3.1'], [ext],
     ( liable_for(P, Kind, R, W, O, generation) :-
           own_dissemination(P, R, W, O),
           own_act_liable(P, O, Kind)
     )).
rule(r_d29_liable_dissemination, [d29-'2.2', d29-'3.3'], [ext],
     ( liable_for(P, primary, R, X, none, generation) :-
           item_dissemination(P, R, X),
           \+ system(P)
     )).

%   D29 [ext], D04 (2.1, 2.2, 3.3): whoever made, distributed or made
%   available a copy of a protected output (or of a work an output copies)
%   is its direct infringer, primary, whatever its role towards an AI
%   system and whatever the medium; the infringement names the copy.  The
%   regime does not reach it: it governs only the provider's generation of
%   the output (D13), not its copies.
rule(r_d29_liable_copy, [d29-'2.2', d29-'3.3', d04-'2.1'], [ext],
     ( liable_for(P, primary, R, X, C, generation) :-
           copy_infringement(P, R, X, C),
           \+ system(P)
     )).
