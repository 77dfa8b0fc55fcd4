/*  Part of aigc-kb: who is liable when AI-generated content infringes copyright.

    The provider's duty of care and knowledge: the facts the fault regimes of
    D13 read (D13, D14, D28).  Under `strict` none of this decides whether a
    provider is liable (D16).
*/

:- module(aigc_duty_of_care,
          [ third_party_model/2,        % ?Provider, ?System
            notified_work/2,            % ?Provider, ?Work
            breach_for/2,               % ?Provider, ?Output
            labelling_met/1,            % ?Provider
            filtering_duty/2,           % ?Provider, ?Work
            duties_met_for/2,           % ?Provider, ?Output
            knows_p/2,                  % ?Provider, ?Output
            model_notice_ignored/2      % ?Provider, ?Output
          ]).
:- use_module(rules).
:- use_module(facts).
:- use_module(infringement).
:- use_module(templates, []).

:- multifile aigc_templates:template/3.
:- discontiguous aigc_templates:template/3.

%   Tabled for the reason given in infringement.pl: proofs multiply
%   through these in dense cases.
:- table
    breach_for/2,
    notified_work/2.

                 /*******************************
                 *   DUTY OF CARE (D14, D28)    *
                 *******************************/

%!  third_party_model(?Provider, ?System) is nondet.
%
%   Provider deploys System, another's model: reached through an API or
%   developed by someone else (D14, 6.4: due diligence on the system).

aigc_templates:template(third_party_model, [party, system],
                        "{0} deploys {1}, another's model").
rule(r_d14_third_party_model_api, [d14-'6.4'],
     ( third_party_model(P, S) :-
           provider(P, S),
           via_api(P, S)
     )).
rule(r_d14_third_party_model_developer, [d14-'6.4'],
     ( third_party_model(P, S) :-
           provider(P, S),
           developer(D, S),
           D \== P
     )).

%!  notified_work(?Provider, ?Work) is nondet.
%
%   Provider received notice of an output that copies Work, or [ext] of a
%   model that reproduces Work.

aigc_templates:template(notified_work, [party, work],
                        "{0} received notice that {1} is copied (of an output that copies it, or of a model trained on it or named after it)").
rule(r_d14_notified_work, [d14-'4.3'],
     ( notified_work(P, W) :-
           notice_received(P, O),
           copies(O, W, _)
     )).
%   [ext, court practice; Civil Code Art. 1195] Notice about a model is
%   notice that it reproduces its works: the works it was trained on (the
%   copies it embodies) and the work it is named after (the work it is held
%   out as making).  Those are notified works the provider must filter
%   (D14), whether or not it removed the model: another output of its
%   system may still copy them.
rule(r_d14_notified_work_model, [d14-'4.3', d15-'3.2'], [ext],
     ( notified_work(P, W) :-
           model_notice_received(P, M),
           model_work(M, W)
     )).

%!  labelling_met(?Provider) is nondet.
%
%   Provider labels its outputs as AI-generated; or (D28 [ext]) it provides
%   a system that generated an output and every output of its systems
%   carries an AI-attribution tag.

aigc_templates:template(labelling_met, [party],
                        "{0} meets the duty to label its outputs as AI-generated").
rule(r_d14_labels_outputs, [d14-'4.3'],
     ( labelling_met(P) :-
           labels_outputs(P)
     )).
rule(r_d28_labelling_by_aia_tags, [d14-'4.3', d28-'6.5'], [ext],
     ( labelling_met(P) :-
           provider(P, S),
           generated_by(_, S),
           % no output of a system P provides lacks the tag
           \+ ( provider(P, S1),
                generated_by(O, S1),
                \+ aia_tag(O)
              )
     )).

%!  filtering_duty(?Provider, ?Work) is nondet.
%
%   Provider must filter for Work: Work is well known or notified, and an
%   output of a system Provider provides copies it.

aigc_templates:template(filtering_duty, [party, work],
                        "{0} must filter for {1} (well known or notified, and copied by an output of its system)").
rule(r_d14_filtering_duty_well_known, [d14-'4.3'], [ext],
     ( filtering_duty(P, W) :-
           provider(P, S),
           generated_by(O, S),
           copies(O, W, _),
           well_known(W)
     )).
rule(r_d14_filtering_duty_notified, [d14-'4.3'], [ext],
     ( filtering_duty(P, W) :-
           provider(P, S),
           generated_by(O, S),
           copies(O, W, _),
           notified_work(P, W)
     )).

%   [ext, court practice] (3.2: providers' "greater capabilities in content
%   recognition") A work the provider's system memorised, and reproduces on
%   simple prompts, is one it must filter like a well-known or notified work.
rule(r_d14_filtering_duty_memorised, [d14-'4.3', d15-'3.2'], [ext],
     ( filtering_duty(P, W) :-
           provider_of_output(P, O),
           generated_by(O, S),
           memorised(S, W),
           copies(O, W, _)
     )).

%!  filters(?Provider, ?Work) is nondet.
%
%   Provider filters Work: declared, or [ext, court practice] its filters
%   were updated to catch copies of Work after notice.

aigc_templates:template(filters, [party, work],
                        "{0} filters copies of {1}").
rule(r_d14_filters_declared, [d14-'4.3'], [ext],
     ( filters(P, W) :-
           filters_work(P, W)
     )).
rule(r_d14_filters_updated_after_notice, [d14-'4.3', d15-'3.2'], [ext],
     ( filters(P, W) :-
           filters_updated_after_notice(P, W)
     )).

%!  duties_met_for(?Provider, ?Output) is nondet.
%
%   Provider proved it met every duty that relates to Output, an output of
%   a system it provides (what it must prove under presumed_fault with
%   full_reversal, D13): no breach relating to Output is proven, and it runs
%   a complaint mechanism, warns of the risk, labels its outputs, filters
%   every work it must that Output copies, and did due diligence on the
%   model that generated Output if that is another's.  Per output, as a
%   breach relates to outputs (D14, I09): a duty towards another work or
%   another model does not decide Output.

aigc_templates:template(duties_met_for, [party, output],
                        "{0} proved it met every duty of care that relates to {1}").
rule(r_d14_duties_met, [d13-'5.2', d14-'6.4'], [ext],
     ( duties_met_for(P, O) :-
           provider_of_output(P, O),
           \+ breach_for(P, O),
           complaint_mechanism(P),
           risk_warning(P),
           labelling_met(P),
           % no work it must filter that O copies goes unfiltered
           \+ ( copies(O, W, _),
                filtering_duty(P, W),
                \+ filters(P, W)
              ),
           % the third-party model that generated O had due diligence
           \+ ( generated_by(O, S),
                third_party_model(P, S),
                \+ due_diligence(P, S)
              )
     )).

%!  breach_for(?Provider, ?Output) is nondet.
%
%   A breach of Provider's duty of care is proven (D14: generally, or [ext]
%   by one of the concrete omissions or acts of court practice and
%   regulation, each stated in the case as proven), and it relates to
%   Output, an output of a system Provider provides (D14, I09: a breach grounds liability
%   only for the outputs it relates to, 5.1-5.2 "the exact duties the
%   service provider failed to fulfill").  The paper's general breach, no
%   complaint mechanism, no risk warning and no labelling relate to every
%   output of the provider; a failure to filter a work to the outputs
%   copying it; missing due diligence on a third-party model to that
%   model's outputs; featuring or recommending to the featured output.

aigc_templates:template(breach_for, [party, output],
                        "a proven breach of the duty of care by {0} relates to {1}").
rule(r_d14_breach_proven, [d13-'5.1', d13-'5.2', d14-'4.3'],
     ( breach_for(P, O) :-
           breach_proven(P),
           provider_of_output(P, O)
     )).
rule(r_d14_breach_no_complaint_mechanism, [d14-'4.3'], [ext],
     ( breach_for(P, O) :-
           no_complaint_mechanism(P),
           provider_of_output(P, O)
     )).
rule(r_d14_breach_no_risk_warning, [d14-'4.3'], [ext],
     ( breach_for(P, O) :-
           no_risk_warning(P),
           provider_of_output(P, O)
     )).
rule(r_d14_breach_no_ai_labels, [d14-'4.3'], [ext],
     ( breach_for(P, O) :-
           no_ai_labels(P),
           provider_of_output(P, O)
     )).
rule(r_d14_breach_no_filtering_well_known, [d14-'4.3'], [ext],
     ( breach_for(P, O) :-
           no_filtering(P, W),
           well_known(W),
           copies(O, W, _),
           provider_of_output(P, O)
     )).
rule(r_d14_breach_no_filtering_notified, [d14-'4.3'], [ext],
     ( breach_for(P, O) :-
           no_filtering(P, W),
           notified_work(P, W),
           copies(O, W, _),
           provider_of_output(P, O)
     )).
rule(r_d14_breach_no_due_diligence, [d14-'6.4'], [ext],
     ( breach_for(P, O) :-
           no_due_diligence(P, S),
           third_party_model(P, S),
           generated_by(O, S)
     )).
rule(r_d14_breach_recommends, [d14-'4.3'], [ext],
     ( breach_for(P, O) :-
           recommends(P, O),
           infringing_output(O),
           provider_of_output(P, O)
     )).
%   [ext, court practice] Featuring a user-made model is featuring what it
%   makes: a breach towards the outputs generated with it that copy one of
%   its works.
rule(r_d14_breach_recommends_model, [d14-'4.3'], [ext],
     ( breach_for(P, O) :-
           recommends_model(P, M),
           generated_with(O, M),
           provider_of_output(P, O),
           model_work(M, W),
           copies(O, W, _)
     )).
%   [ext, court practice] Not filtering a work that the system which
%   generated the output memorised is a breach; it relates to the outputs
%   of that system copying that work.
rule(r_d14_breach_no_filtering_memorised, [d14-'4.3', d15-'3.2'], [ext],
     ( breach_for(P, O) :-
           no_filtering(P, W),
           memorised(S, W),
           generated_by(O, S),
           copies(O, W, _),
           provider_of_output(P, O)
     )).
%   [ext, court practice] Filtering a well-known work was feasible, but the
%   provider filtered only by keywords: it did not filter that work.
rule(r_d14_breach_keyword_filtering_only, [d14-'4.3'], [ext],
     ( breach_for(P, O) :-
           keyword_filtering_only(P),
           filtering_feasible(P, W),
           well_known(W),
           copies(O, W, _),
           provider_of_output(P, O)
     )).

                 /*******************************
                 *    PROVIDER KNOWLEDGE (D13)  *
                 *******************************/

%!  knows_p(?Provider, ?Output) is nondet.
%
%   Provider knew or should have known that Output infringes.

aigc_templates:template(knows_p, [party, output],
                        "{0} knew or should have known that {1} infringes").
rule(r_d13_provider_knew, [d13-'5'],
     ( knows_p(P, O) :-
           provider_knew(P, O)
     )).
rule(r_d13_provider_should_have_known, [d13-'5'],
     ( knows_p(P, O) :-
           provider_should_have_known(P, O)
     )).

%!  agent_knows(?Agent, ?Output) is nondet.
%
%   Agent knew, should have known or intended that Output infringes
%   (as provider or as user).  [ext, court practice] What anyone acting for
%   a provider (staff, agents) knew, the provider knew.

aigc_templates:template(agent_knows, [party, output],
                        "{0} knew, should have known or intended that {1} infringes").
rule(r_d13_agent_knew, [d13-'3.1'], [ext],
     ( agent_knows(A, O) :-
           provider_knew(A, O)
     )).
rule(r_d13_agent_should_have_known, [d13-'3.1'], [ext],
     ( agent_knows(A, O) :-
           provider_should_have_known(A, O)
     )).
rule(r_d13_agent_user_knew, [d13-'3.1'], [ext],
     ( agent_knows(A, O) :-
           user_knew(A, O)
     )).
rule(r_d13_agent_user_should_have_known, [d13-'3.1'], [ext],
     ( agent_knows(A, O) :-
           user_should_have_known(A, O)
     )).
rule(r_d13_agent_intent, [d13-'3.1'], [ext],
     ( agent_knows(A, O) :-
           intent_proven(A, O)
     )).
rule(r_d13_knows_through_agent, [d13-'3.1'], [ext],
     ( knows_p(P, O) :-
           acting_for(A, P),
           agent_knows(A, O),
           provider_of_output(P, O)
     )).

%   [ext, court practice] Red flags: the provider should have known that an
%   output copying a well-known work infringes where it featured or
%   recommended that output, where it reviews content before publishing
%   it, or where it offers its users a training function on the system and
%   profits from the service.  Under strict none of this decides whether
%   it is liable (D16).
rule(r_d13_red_flag_featured, [d13-'3.1', d16-'3.2'], [ext],
     ( knows_p(P, O) :-
           recommends(P, O),
           provider_of_output(P, O),
           copies(O, W, _),
           well_known(W)
     )).
rule(r_d13_red_flag_featured_model, [d13-'3.1', d16-'3.2'], [ext],
     ( knows_p(P, O) :-
           recommends_model(P, M),
           generated_with(O, M),
           provider_of_output(P, O),
           model_work(M, W),
           copies(O, W, _),
           well_known(W)
     )).
rule(r_d13_red_flag_reviewed, [d13-'3.1', d16-'3.2'], [ext],
     ( knows_p(P, O) :-
           pre_publication_review(P),
           provider_of_output(P, O),
           copies(O, W, _),
           well_known(W)
     )).
rule(r_d13_red_flag_training_service, [d13-'3.1', d16-'3.2'], [ext],
     ( knows_p(P, O) :-
           offers_training_function(P, S),
           profits_from_service(P),
           generated_by(O, S),
           provider_of_output(P, O),
           copies(O, W, _),
           well_known(W)
     )).

                 /*******************************
                 *  D13, D15 [ext] NOTICE ABOUT A MODEL (3.1, 3.2)
                 *******************************/

%!  model_notice_ignored(?Provider, ?Output) is nondet.
%
%   [ext, court practice; Civil Code Art. 1195] Provider received notice
%   about the model Output was generated with, Output copies a work of
%   that model (trained on it or named after it), and Provider did not
%   remove the model promptly: the notice about the model is notice of the
%   outputs generated with it that copy its works; prompt removal of the
%   model (not of an output) answers it for all of them.

aigc_templates:template(model_notice_ignored, [party, output],
                        "{0} received notice about the model {1} was generated with, which copies a work of that model, and did not remove the model promptly").
rule(r_d15_model_notice_ignored, [d13-'3.1', d15-'3.2'], [ext],
     ( model_notice_ignored(P, O) :-
           model_notice_received(P, M),
           \+ model_removed_promptly(P, M),
           generated_with(O, M),
           provider_of_output(P, O),
           model_work(M, W),
           copies(O, W, _)
     )).
