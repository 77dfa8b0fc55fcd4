/*  Part of aigc-kb: who is liable when AI-generated content infringes copyright.

    GENERATED from kb/vocabulary.yaml and kb/doctrines.yaml by
    `aigc-kb declarations --write` (or `make declarations`); do not edit.

    The declarations of the Prolog encoding: every input predicate of the
    vocabulary (exported and dynamic: a case's facts are asserted here for
    one evaluation, see facts.pl), the output predicates, the templates and
    burdens of the input facts, the doctrines, the regimes and the choice
    points.  The rules (the other modules) are written by hand.
*/

:- module(aigc_declarations,
          [ input_predicate/2,          % ?Name, ?Arity
            output_predicate/2,         % ?Name, ?Arity
            input_template/3,           % ?Name, ?ArgTypes, ?Template
            input_burden/2,             % ?Name, ?Bearer
            doctrine_id/1,              % ?Doctrine
            doctrine_section/2,         % ?Doctrine, ?Section
            ext_doctrine/1,             % ?Doctrine
            conflict/2,                 % ?Name, ?Name
            regime_value/2,             % ?Regime, ?Section
            default_regime/1,           % ?Regime
            choice_point/4,             % ?ChoicePoint, ?Doctrine, ?Default, ?Positions
            entity_type/1,              % ?Type
            % entities
            party/1,
            system/1,
            work/1,
            output/1,
            copy/1,
            % roles towards AI systems
            developer/2,
            provider/2,
            via_api/2,
            user/2,
            runs_itself/2,
            ai_named_defendant/1,
            ai_named_author/2,
            % works and rights
            owns_copyright/2,
            exclusive_licensee/2,
            well_known/1,
            provenance_record/2,
            % training
            trained_on/2,
            training_authorised/2,
            noncommercial_research/1,
            lawfully_sourced/1,
            unlawfully_sourced_data/1,
            anti_infringement_measures/2,
            routine_maintenance_only/2,
            % memorisation
            memorised/2,
            % outputs
            generated_by/2,
            requested_by/2,
            substantially_similar/2,
            highly_similar/2,
            derivative_of/2,
            authorised_use/2,
            made_available/2,
            reproduced/2,
            dissemination_authorised/2,
            attribution_removed/2,
            aia_tag/1,
            % copies in other media
            copy_made_by/2,
            copy_medium/2,
            copy_similar/2,
            copy_derivative_of/2,
            copy_distributed/2,
            copy_made_available/2,
            copy_authorised/1,
            % user conduct
            prompt_names_work/3,
            repeated_suggestive_prompts/3,
            fine_tuned_on/3,
            intent_proven/2,
            user_knew/2,
            user_should_have_known/2,
            purpose/3,
            via_commercial_platform/2,
            noncommercial_access/2,
            % provider conduct
            complaint_mechanism/1,
            no_complaint_mechanism/1,
            risk_warning/1,
            no_risk_warning/1,
            labels_outputs/1,
            no_ai_labels/1,
            filters_work/2,
            no_filtering/2,
            due_diligence/2,
            no_due_diligence/2,
            recommends/2,
            offers_training_function/2,
            recommends_model/2,
            pre_publication_review/1,
            filtering_feasible/2,
            keyword_filtering_only/1,
            filters_updated_after_notice/2,
            notice_received/2,
            removed_promptly/2,
            provider_knew/2,
            provider_should_have_known/2,
            profits_from_service/1,
            breach_proven/1,
            fault_proven/1,
            fault_rebutted/1,
            % ownership
            human_contribution/2,
            contributed_by/3,
            acting_for/2,
            terms_assign_copyright/2,
            possesses/2,
            % user-made models
            model/1,
            model_trained_by/2,
            model_trained_on/2,
            model_training_authorised/2,
            model_based_on/2,
            model_published_by/2,
            generated_with/2,
            model_named_after/2,
            model_notice_received/2,
            model_removed_promptly/2,
            % limits, remedies, risk spreading
            force_majeure/1,
            holder_misconduct/2,
            holder_gross_negligence/2,
            inadvertent/2,
            covered_by/3,
            indemnifies/2,
            disclaimer/2,
            assessment_clause/3
          ]).

:- dynamic((
        party/1,
        system/1,
        work/1,
        output/1,
        copy/1,
        developer/2,
        provider/2,
        via_api/2,
        user/2,
        runs_itself/2,
        ai_named_defendant/1,
        ai_named_author/2,
        owns_copyright/2,
        exclusive_licensee/2,
        well_known/1,
        provenance_record/2,
        trained_on/2,
        training_authorised/2,
        noncommercial_research/1,
        lawfully_sourced/1,
        unlawfully_sourced_data/1,
        anti_infringement_measures/2,
        routine_maintenance_only/2,
        memorised/2,
        generated_by/2,
        requested_by/2,
        substantially_similar/2,
        highly_similar/2,
        derivative_of/2,
        authorised_use/2,
        made_available/2,
        reproduced/2,
        dissemination_authorised/2,
        attribution_removed/2,
        aia_tag/1,
        copy_made_by/2,
        copy_medium/2,
        copy_similar/2,
        copy_derivative_of/2,
        copy_distributed/2,
        copy_made_available/2,
        copy_authorised/1,
        prompt_names_work/3,
        repeated_suggestive_prompts/3,
        fine_tuned_on/3,
        intent_proven/2,
        user_knew/2,
        user_should_have_known/2,
        purpose/3,
        via_commercial_platform/2,
        noncommercial_access/2,
        complaint_mechanism/1,
        no_complaint_mechanism/1,
        risk_warning/1,
        no_risk_warning/1,
        labels_outputs/1,
        no_ai_labels/1,
        filters_work/2,
        no_filtering/2,
        due_diligence/2,
        no_due_diligence/2,
        recommends/2,
        offers_training_function/2,
        recommends_model/2,
        pre_publication_review/1,
        filtering_feasible/2,
        keyword_filtering_only/1,
        filters_updated_after_notice/2,
        notice_received/2,
        removed_promptly/2,
        provider_knew/2,
        provider_should_have_known/2,
        profits_from_service/1,
        breach_proven/1,
        fault_proven/1,
        fault_rebutted/1,
        human_contribution/2,
        contributed_by/3,
        acting_for/2,
        terms_assign_copyright/2,
        possesses/2,
        model/1,
        model_trained_by/2,
        model_trained_on/2,
        model_training_authorised/2,
        model_based_on/2,
        model_published_by/2,
        generated_with/2,
        model_named_after/2,
        model_notice_received/2,
        model_removed_promptly/2,
        force_majeure/1,
        holder_misconduct/2,
        holder_gross_negligence/2,
        inadvertent/2,
        covered_by/3,
        indemnifies/2,
        disclaimer/2,
        assessment_clause/3
   )).

%!  input_predicate(?Name, ?Arity) is nondet.
%
%   Name/Arity is an input predicate of the vocabulary (`inputs:`).

input_predicate(party, 1).
input_predicate(system, 1).
input_predicate(work, 1).
input_predicate(output, 1).
input_predicate(copy, 1).
input_predicate(developer, 2).
input_predicate(provider, 2).
input_predicate(via_api, 2).
input_predicate(user, 2).
input_predicate(runs_itself, 2).
input_predicate(ai_named_defendant, 1).
input_predicate(ai_named_author, 2).
input_predicate(owns_copyright, 2).
input_predicate(exclusive_licensee, 2).
input_predicate(well_known, 1).
input_predicate(provenance_record, 2).
input_predicate(trained_on, 2).
input_predicate(training_authorised, 2).
input_predicate(noncommercial_research, 1).
input_predicate(lawfully_sourced, 1).
input_predicate(unlawfully_sourced_data, 1).
input_predicate(anti_infringement_measures, 2).
input_predicate(routine_maintenance_only, 2).
input_predicate(memorised, 2).
input_predicate(generated_by, 2).
input_predicate(requested_by, 2).
input_predicate(substantially_similar, 2).
input_predicate(highly_similar, 2).
input_predicate(derivative_of, 2).
input_predicate(authorised_use, 2).
input_predicate(made_available, 2).
input_predicate(reproduced, 2).
input_predicate(dissemination_authorised, 2).
input_predicate(attribution_removed, 2).
input_predicate(aia_tag, 1).
input_predicate(copy_made_by, 2).
input_predicate(copy_medium, 2).
input_predicate(copy_similar, 2).
input_predicate(copy_derivative_of, 2).
input_predicate(copy_distributed, 2).
input_predicate(copy_made_available, 2).
input_predicate(copy_authorised, 1).
input_predicate(prompt_names_work, 3).
input_predicate(repeated_suggestive_prompts, 3).
input_predicate(fine_tuned_on, 3).
input_predicate(intent_proven, 2).
input_predicate(user_knew, 2).
input_predicate(user_should_have_known, 2).
input_predicate(purpose, 3).
input_predicate(via_commercial_platform, 2).
input_predicate(noncommercial_access, 2).
input_predicate(complaint_mechanism, 1).
input_predicate(no_complaint_mechanism, 1).
input_predicate(risk_warning, 1).
input_predicate(no_risk_warning, 1).
input_predicate(labels_outputs, 1).
input_predicate(no_ai_labels, 1).
input_predicate(filters_work, 2).
input_predicate(no_filtering, 2).
input_predicate(due_diligence, 2).
input_predicate(no_due_diligence, 2).
input_predicate(recommends, 2).
input_predicate(offers_training_function, 2).
input_predicate(recommends_model, 2).
input_predicate(pre_publication_review, 1).
input_predicate(filtering_feasible, 2).
input_predicate(keyword_filtering_only, 1).
input_predicate(filters_updated_after_notice, 2).
input_predicate(notice_received, 2).
input_predicate(removed_promptly, 2).
input_predicate(provider_knew, 2).
input_predicate(provider_should_have_known, 2).
input_predicate(profits_from_service, 1).
input_predicate(breach_proven, 1).
input_predicate(fault_proven, 1).
input_predicate(fault_rebutted, 1).
input_predicate(human_contribution, 2).
input_predicate(contributed_by, 3).
input_predicate(acting_for, 2).
input_predicate(terms_assign_copyright, 2).
input_predicate(possesses, 2).
input_predicate(model, 1).
input_predicate(model_trained_by, 2).
input_predicate(model_trained_on, 2).
input_predicate(model_training_authorised, 2).
input_predicate(model_based_on, 2).
input_predicate(model_published_by, 2).
input_predicate(generated_with, 2).
input_predicate(model_named_after, 2).
input_predicate(model_notice_received, 2).
input_predicate(model_removed_promptly, 2).
input_predicate(force_majeure, 1).
input_predicate(holder_misconduct, 2).
input_predicate(holder_gross_negligence, 2).
input_predicate(inadvertent, 2).
input_predicate(covered_by, 3).
input_predicate(indemnifies, 2).
input_predicate(disclaimer, 2).
input_predicate(assessment_clause, 3).

%!  output_predicate(?Name, ?Arity) is nondet.
%
%   Name/Arity is an output predicate of the vocabulary (`outputs:`).

output_predicate(infringement, 5).
output_predicate(liable, 4).
output_predicate(not_liable, 3).
output_predicate(defense, 3).
output_predicate(provider_ground, 2).
output_predicate(copyright, 4).
output_predicate(tangible_owner, 2).
output_predicate(limitation, 3).
output_predicate(remedy, 2).
output_predicate(remedy_factor, 2).
output_predicate(insurance, 2).
output_predicate(recourse, 3).
output_predicate(joint_and_several, 4).
output_predicate(assessor, 3).
output_predicate(provenance_conflict, 3).
output_predicate(protection_undefined, 1).
output_predicate(liable_for, 6).
output_predicate(limitation_for, 5).
output_predicate(remedy_for, 4).
output_predicate(remedy_factor_for, 4).
output_predicate(insurance_for, 4).
output_predicate(defense_for, 4).
output_predicate(not_liable_for, 4).
output_predicate(infringing_training_copy, 3).

%!  entity_type(?Type) is nondet.
%
%   Arguments of Type name entities of the case (an entity type of the
%   vocabulary, a union of them, or one of these or `none`): written as they
%   are; every other argument is a value.

entity_type(party).
entity_type(system).
entity_type(work).
entity_type(output).
entity_type(model).
entity_type(copy).
entity_type(item).
entity_type(subject).
entity_type(artefact).
entity_type(output_or_copy).
entity_type(output_or_copy_or_none).
entity_type(output_or_none).
entity_type(party_or_none).

%!  input_template(?Name, ?ArgTypes:list, ?Template:string) is nondet.
%
%   The input facts Name/N, N the length of ArgTypes, read as Template
%   (the `meaning` of the vocabulary), {I} standing for argument I.

input_template(party, [party],
               "{0} is a natural or legal person in the case").
input_template(system, [system],
               "{0} is an AI system (an artefact, never a legal subject)").
input_template(work, [work],
               "{0} is a pre-existing work").
input_template(output, [output],
               "{0} is content generated by an AI system").
input_template(copy, [copy],
               "{0} is a copy of an output made by a party in some medium (not an AI output)").
input_template(developer, [party, system],
               "{0} developed and trained {1}").
input_template(provider, [party, system],
               "{0} provides {1} to users as a generation service").
input_template(via_api, [party, system],
               "{0} provides its service through {1}, another's model reached via an API").
input_template(user, [party, system],
               "{0} uses {1}").
input_template(runs_itself, [party, system],
               "{0} runs {1} itself, with no service provider between them").
input_template(ai_named_defendant, [system],
               "the case names the AI system {0} as a defendant").
input_template(ai_named_author, [system, output],
               "the case names the AI system {0} as author of {1}").
input_template(owns_copyright, [party, work],
               "{0} owns the copyright in {1}").
input_template(exclusive_licensee, [party, work],
               "{0} is exclusive licensee of {1} with the right to sue").
input_template(well_known, [work],
               "{0} is a well-known work").
input_template(provenance_record, [work, party],
               "a provenance record (e.g. on a blockchain) names {1} as author of {0}").
input_template(trained_on, [system, work],
               "{0} was trained on copies of {1}").
input_template(training_authorised, [system, work],
               "the rights holder licensed the copying of {1} to train {0}").
input_template(noncommercial_research, [artefact],
               "{0} (a system or a model) was trained for non-commercial research").
input_template(lawfully_sourced, [system],
               "the training data of {0} was lawfully sourced").
input_template(unlawfully_sourced_data, [system],
               "the training data of {0} was not lawfully sourced").
input_template(anti_infringement_measures, [party, system],
               "{0} built reasonable anti-infringement measures into the design of {1}").
input_template(routine_maintenance_only, [party, system],
               "after release {0} only performs routine maintenance on {1}").
input_template(memorised, [system, work],
               "{0} memorised {1}: it reproduces {1} on simple prompts (a copy fixed in its weights)").
input_template(generated_by, [output, system],
               "{0} was generated by {1}").
input_template(requested_by, [output, party],
               "{0} was generated at the request (prompt) of {1}").
input_template(substantially_similar, [output, item],
               "{0} is substantially similar to {1}").
input_template(highly_similar, [output, item],
               "{0} is highly similar to (reproduces) {1}").
input_template(derivative_of, [output, item],
               "{0} keeps the original features of {1} and adds new ones").
input_template(authorised_use, [output, item],
               "the rights holder of {1} licensed its use in {0}").
input_template(made_available, [party, item],
               "{0} made {1} available on an information network").
input_template(reproduced, [party, item],
               "{0} reproduced {1}").
input_template(dissemination_authorised, [party, item],
               "the rights holder of {1} authorised {0} to reproduce or make it available").
input_template(attribution_removed, [party, item],
               "{0} removed the author's name or watermark from {1}").
input_template(aia_tag, [output],
               "{0} carries an AI-attribution (AIA) tag disclosing AI involvement").
input_template(copy_made_by, [copy, party],
               "{0} was made by {1}").
input_template(copy_medium, [copy, medium],
               "{0} is fixed in the medium {1}").
input_template(copy_similar, [copy, output],
               "{0} is substantially similar to (reproduces) {1}").
input_template(copy_derivative_of, [copy, output],
               "{0} keeps the original features of {1} and adds new ones").
input_template(copy_distributed, [copy, party],
               "{1} sold or gave {0} to the public").
input_template(copy_made_available, [copy, party],
               "{1} made {0} available on an information network").
input_template(copy_authorised, [copy],
               "the rights holder of what {0} copies authorised its making and distribution").
input_template(prompt_names_work, [party, output, work],
               "the prompt of {0} for {1} named {2}").
input_template(repeated_suggestive_prompts, [party, output, work],
               "{0} steered towards {2} with repeated, suggestive prompts for {1}").
input_template(fine_tuned_on, [party, system, work],
               "{0} trained or fine-tuned {1} on {2} to make it reproduce {2}").
input_template(intent_proven, [party, output],
               "{0} intended {1} to infringe (proven)").
input_template(user_knew, [party, output],
               "{0} knew that {1} infringes").
input_template(user_should_have_known, [party, output],
               "{0} should have known that {1} infringes").
input_template(purpose, [party, output, purpose],
               "{0} used {1} for the purpose {2}").
input_template(via_commercial_platform, [party, output],
               "{0} obtained {1} through a commercial platform").
input_template(noncommercial_access, [party, output],
               "{0} obtained {1} otherwise than through a commercial platform").
input_template(complaint_mechanism, [party],
               "{0} runs a complaint / reporting mechanism").
input_template(no_complaint_mechanism, [party],
               "{0} has no complaint / reporting mechanism (proven)").
input_template(risk_warning, [party],
               "{0} warns users of infringement risk").
input_template(no_risk_warning, [party],
               "{0} gives users no warning of infringement risk (proven)").
input_template(labels_outputs, [party],
               "{0} labels its outputs as AI-generated").
input_template(no_ai_labels, [party],
               "{0} does not label its outputs as AI-generated (proven)").
input_template(filters_work, [party, work],
               "{0} filters prompts and outputs for {1}").
input_template(no_filtering, [party, work],
               "{0} does not filter for {1} (proven)").
input_template(due_diligence, [party, system],
               "{0} conducted due diligence on the third-party model {1}").
input_template(no_due_diligence, [party, system],
               "{0} conducted no due diligence on the third-party model {1} (proven)").
input_template(recommends, [party, output],
               "{0} featured or recommended {1}").
input_template(offers_training_function, [party, system],
               "{0} offers its users a function to train or fine-tune models on {1}").
input_template(recommends_model, [party, model],
               "{0} featured or recommended the model {1}").
input_template(pre_publication_review, [party],
               "{0} reviews content before it publishes or features it").
input_template(filtering_feasible, [party, work],
               "{0} could technically have filtered outputs copying {1}").
input_template(keyword_filtering_only, [party],
               "{0} filtered only by keywords").
input_template(filters_updated_after_notice, [party, work],
               "{0} updated its filters to catch copies of {1} after notice").
input_template(notice_received, [party, output],
               "{0} received notice that {1} infringes").
input_template(removed_promptly, [party, output],
               "{0} removed {1} promptly after notice").
input_template(provider_knew, [party, output],
               "{0} knew that {1} infringes").
input_template(provider_should_have_known, [party, output],
               "{0} should have known that {1} infringes").
input_template(profits_from_service, [party],
               "{0} profits from its AI service (fees, membership, advertising)").
input_template(breach_proven, [party],
               "a breach of duty of care by {0} is proven (on grounds not listed separately)").
input_template(fault_proven, [party],
               "the fault of {0} is proven").
input_template(fault_rebutted, [party],
               "{0} proved it was not at fault").
input_template(human_contribution, [party, output],
               "{0} made an original intellectual contribution to {1}").
input_template(contributed_by, [party, output, contribution_kind],
               "{0} contributed to {1} by {2}").
input_template(acting_for, [party, party],
               "{0} acts for {1} (its staff, team or agent)").
input_template(terms_assign_copyright, [party, party],
               "the terms of service of {0} assign copyright in outputs to {1}").
input_template(possesses, [party, output],
               "{0} possesses and controls {1}").
input_template(model, [model],
               "{0} is a fine-tuned model (an artefact, never a legal subject)").
input_template(model_trained_by, [model, party],
               "{0} was trained (fine-tuned) by {1}").
input_template(model_trained_on, [model, work],
               "{0} was trained on copies of {1}").
input_template(model_training_authorised, [model, work],
               "the rights holder licensed the copying of {1} to train {0}").
input_template(model_based_on, [model, system],
               "{0} was fine-tuned from the base system {1}").
input_template(model_published_by, [model, party],
               "{1} published {0} for other users to generate with").
input_template(generated_with, [output, model],
               "{0} was generated with the model {1}").
input_template(model_named_after, [model, work],
               "{0} is named after {1}").
input_template(model_notice_received, [party, model],
               "{0} received notice that {1} reproduces the works it was trained on or is named after").
input_template(model_removed_promptly, [party, model],
               "{0} removed {1} promptly after notice").
input_template(force_majeure, [output],
               "the infringement through {0} was caused by force majeure").
input_template(holder_misconduct, [party, output],
               "intentional misconduct of the rights holder {0} caused the infringement through {1}").
input_template(holder_gross_negligence, [party, output],
               "significant negligence of the rights holder {0} contributed to the infringement through {1}").
input_template(inadvertent, [party, output],
               "{0} infringed through {1} inadvertently, due to technical limitations").
input_template(covered_by, [party, party, cover_kind],
               "{0} is covered by copyright liability {2} from {1}").
input_template(indemnifies, [party, party],
               "{0} indemnifies {1} by contract against infringement claims").
input_template(disclaimer, [party, party],
               "a clause disclaims the liability of {0} towards {1}").
input_template(assessment_clause, [party, party, party],
               "{0} and {1} agreed that {2} assesses infringement disputes between them").

%!  input_burden(?Name, ?Bearer) is nondet.
%
%   Bearer loses when an input fact Name is not proven (`burden`):
%   `claimant` (the rights holder), `relying_party` (the party relying on a
%   defence, exemption or mitigation) or `copyright_claimant` (the party
%   claiming the copyright).

input_burden(party, claimant).
input_burden(system, claimant).
input_burden(work, claimant).
input_burden(output, claimant).
input_burden(copy, claimant).
input_burden(developer, claimant).
input_burden(provider, claimant).
input_burden(via_api, claimant).
input_burden(user, claimant).
input_burden(runs_itself, relying_party).
input_burden(ai_named_defendant, claimant).
input_burden(ai_named_author, copyright_claimant).
input_burden(owns_copyright, claimant).
input_burden(exclusive_licensee, claimant).
input_burden(well_known, claimant).
input_burden(provenance_record, claimant).
input_burden(trained_on, claimant).
input_burden(training_authorised, relying_party).
input_burden(noncommercial_research, relying_party).
input_burden(lawfully_sourced, relying_party).
input_burden(unlawfully_sourced_data, relying_party).
input_burden(anti_infringement_measures, relying_party).
input_burden(routine_maintenance_only, relying_party).
input_burden(memorised, claimant).
input_burden(generated_by, claimant).
input_burden(requested_by, claimant).
input_burden(substantially_similar, claimant).
input_burden(highly_similar, claimant).
input_burden(derivative_of, claimant).
input_burden(authorised_use, relying_party).
input_burden(made_available, claimant).
input_burden(reproduced, claimant).
input_burden(dissemination_authorised, relying_party).
input_burden(attribution_removed, claimant).
input_burden(aia_tag, relying_party).
input_burden(copy_made_by, claimant).
input_burden(copy_medium, claimant).
input_burden(copy_similar, claimant).
input_burden(copy_derivative_of, claimant).
input_burden(copy_distributed, claimant).
input_burden(copy_made_available, claimant).
input_burden(copy_authorised, relying_party).
input_burden(prompt_names_work, claimant).
input_burden(repeated_suggestive_prompts, claimant).
input_burden(fine_tuned_on, claimant).
input_burden(intent_proven, claimant).
input_burden(user_knew, claimant).
input_burden(user_should_have_known, claimant).
input_burden(purpose, relying_party).
input_burden(via_commercial_platform, claimant).
input_burden(noncommercial_access, relying_party).
input_burden(complaint_mechanism, relying_party).
input_burden(no_complaint_mechanism, claimant).
input_burden(risk_warning, relying_party).
input_burden(no_risk_warning, claimant).
input_burden(labels_outputs, relying_party).
input_burden(no_ai_labels, claimant).
input_burden(filters_work, relying_party).
input_burden(no_filtering, claimant).
input_burden(due_diligence, relying_party).
input_burden(no_due_diligence, claimant).
input_burden(recommends, claimant).
input_burden(offers_training_function, claimant).
input_burden(recommends_model, claimant).
input_burden(pre_publication_review, claimant).
input_burden(filtering_feasible, claimant).
input_burden(keyword_filtering_only, claimant).
input_burden(filters_updated_after_notice, relying_party).
input_burden(notice_received, claimant).
input_burden(removed_promptly, relying_party).
input_burden(provider_knew, claimant).
input_burden(provider_should_have_known, claimant).
input_burden(profits_from_service, claimant).
input_burden(breach_proven, claimant).
input_burden(fault_proven, claimant).
input_burden(fault_rebutted, relying_party).
input_burden(human_contribution, copyright_claimant).
input_burden(contributed_by, copyright_claimant).
input_burden(acting_for, copyright_claimant).
input_burden(terms_assign_copyright, copyright_claimant).
input_burden(possesses, relying_party).
input_burden(model, claimant).
input_burden(model_trained_by, claimant).
input_burden(model_trained_on, claimant).
input_burden(model_training_authorised, relying_party).
input_burden(model_based_on, claimant).
input_burden(model_published_by, claimant).
input_burden(generated_with, claimant).
input_burden(model_named_after, claimant).
input_burden(model_notice_received, claimant).
input_burden(model_removed_promptly, relying_party).
input_burden(force_majeure, relying_party).
input_burden(holder_misconduct, relying_party).
input_burden(holder_gross_negligence, relying_party).
input_burden(inadvertent, relying_party).
input_burden(covered_by, relying_party).
input_burden(indemnifies, relying_party).
input_burden(disclaimer, relying_party).
input_burden(assessment_clause, relying_party).

%!  doctrine_id(?Doctrine) is nondet.
%
%   Doctrine is the id of a doctrine of kb/doctrines.yaml.

doctrine_id(d01).
doctrine_id(d02).
doctrine_id(d03).
doctrine_id(d04).
doctrine_id(d05).
doctrine_id(d06).
doctrine_id(d07).
doctrine_id(d08).
doctrine_id(d09).
doctrine_id(d10).
doctrine_id(d11).
doctrine_id(d12).
doctrine_id(d13).
doctrine_id(d14).
doctrine_id(d15).
doctrine_id(d16).
doctrine_id(d17).
doctrine_id(d18).
doctrine_id(d19).
doctrine_id(d20).
doctrine_id(d21).
doctrine_id(d22).
doctrine_id(d23).
doctrine_id(d24).
doctrine_id(d25).
doctrine_id(d26).
doctrine_id(d27).
doctrine_id(d28).
doctrine_id(d29).
doctrine_id(d30).
doctrine_id(d31).

%!  doctrine_section(?Doctrine, ?Section) is nondet.
%
%   The catalogue lists Section of the paper for Doctrine.

doctrine_section(d01, '2.1').
doctrine_section(d02, '2.1').
doctrine_section(d02, '4.2').
doctrine_section(d03, '4.2').
doctrine_section(d04, '2.1').
doctrine_section(d04, '4.3').
doctrine_section(d05, '2.3').
doctrine_section(d06, '4.1').
doctrine_section(d07, '3.1').
doctrine_section(d07, '4.3').
doctrine_section(d08, '4.2').
doctrine_section(d09, '4.4').
doctrine_section(d10, '4.4').
doctrine_section(d11, '4.4').
doctrine_section(d12, '4.4').
doctrine_section(d13, '3.1').
doctrine_section(d13, '5').
doctrine_section(d14, '4.3').
doctrine_section(d14, '6.4').
doctrine_section(d15, '3.2').
doctrine_section(d16, '3.2').
doctrine_section(d17, '2.2').
doctrine_section(d18, '3.3').
doctrine_section(d19, '3.3').
doctrine_section(d20, '3.3').
doctrine_section(d21, '3.3').
doctrine_section(d22, '6.1').
doctrine_section(d23, '6.1').
doctrine_section(d24, '6.1').
doctrine_section(d25, '6.1').
doctrine_section(d26, '6.3').
doctrine_section(d27, '6.4').
doctrine_section(d28, '6.2').
doctrine_section(d28, '6.5').
doctrine_section(d29, '2.2').
doctrine_section(d29, '3.3').
doctrine_section(d30, '4.2').
doctrine_section(d31, '4.4').
doctrine_section(d31, '6.4').

%!  ext_doctrine(?Doctrine) is nondet.
%
%   Doctrine is the project's extension as a whole (`ext: true`): every
%   rule citing it carries the [ext] mark.

ext_doctrine(d29).
ext_doctrine(d31).

%!  conflict(?Name1, ?Name2) is nondet.
%
%   The input facts Name1 and Name2 of the same arguments cannot both be
%   proven (`conflicts:`).

conflict(no_complaint_mechanism, complaint_mechanism).
conflict(no_risk_warning, risk_warning).
conflict(no_ai_labels, labels_outputs).
conflict(no_filtering, filters_work).
conflict(no_filtering, filters_updated_after_notice).
conflict(no_due_diligence, due_diligence).
conflict(fault_proven, fault_rebutted).
conflict(lawfully_sourced, unlawfully_sourced_data).
conflict(noncommercial_access, via_commercial_platform).

%!  regime_value(?Regime, ?Section) is nondet.
%
%   Regime is a liability regime, argued in Section of the paper.

regime_value(strict, '5.3').
regime_value(presumed_fault, '5.2').
regime_value(fault, '5.1').
regime_value(notice_and_takedown, '3.1, 3.2').

%!  default_regime(?Regime) is det.
%
%   The regime of the paper's reading.

default_regime(strict).

%!  choice_point(?ChoicePoint, ?Doctrine, ?Default, ?Positions) is nondet.
%
%   ChoicePoint of Doctrine takes one of Positions; Default is the paper's
%   reading (`choice_points:`).

choice_point(tdm_exception, d03, rejected,
             [rejected, accepted, accepted_if_noncommercial]).
choice_point(provider_when_user_induces, d11, joint,
             [joint, secondary]).
choice_point(developer_without_measures, d08, contributory,
             [contributory, joint, not_liable]).
choice_point(personal_fair_use_noncommercial, d12, rejected,
             [rejected, accepted]).
choice_point(presumed_fault_burden, d13, breach_proven_fault_presumed,
             [breach_proven_fault_presumed, full_reversal]).
choice_point(default_owner, d19, provider,
             [provider, contributing_human]).
choice_point(exemption_scope, d22, provider,
             [provider, all_parties]).
choice_point(remedy, d25, injunction,
             [injunction, licence_fee]).
choice_point(human_contribution_threshold, d17, original_contribution,
             [original_contribution, edits_only]).
choice_point(provider_own_dissemination, d13, direct_act,
             [direct_act, under_regime]).
