/*  Part of aigc-kb: who is liable when AI-generated content infringes copyright.

    Limits on liability and remedies, the paper's proposals of 6.1: D22
    (exemption), D23 (mitigation), D24 (damages case by case), D25 (the
    liability-rule remedy).  docs/semantics.md, sections 5 and 6.
*/

:- module(aigc_limitation,
          [ limitation/3,               % ?Subject, ?Effect, ?Reason
            remedy/2,                   % ?Against, ?Remedy
            remedy_factor/2,            % ?Against, ?Factor
            exposed/3,                  % ?Party, ?Output, ?Role
            limitation_applies/2,             % ?Party, ?Output
            remedy_due/1                % ?Party
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

%   Tabled: computed once per case (the tables are abolished when the case
%   is unloaded).  Every remedy rule reads remedy_due/1, which reads all of
%   liable/4: without the table each of them would prove liability again.
:- table
    remedy_due/1.

                 /*******************************
                 *  D22, D23 EXEMPTION AND MITIGATION (6.1)
                 *******************************/

%!  exposed(?Party, ?Output, ?Role) is nondet.
%
%   Party is liable in the generation stage for a right Output copies, or
%   for an infringement through Output: in Role `provider`, `developer`,
%   `user`, or `dissemination`.

aigc_templates:template(exposed, [party, output, exposure_role],
                        "{0} is liable for {1} in the role: {2}").
rule(r_d22_exposed_provider, [d22-'6.1', d23-'6.1'],
     ( exposed(P, O, provider) :-
           provider_liability(P, O, _, _)
     )).
rule(r_d22_exposed_developer, [d22-'6.1', d23-'6.1'],
     ( exposed(D, O, developer) :-
           developer_liability(D, O, _)
     )).
rule(r_d22_exposed_user, [d22-'6.1', d23-'6.1'],
     ( exposed(U, O, user) :-
           user_liability(U, O, _, _)
     )).
rule(r_d22_exposed_dissemination, [d22-'6.1', d23-'6.1'],
     ( exposed(X, O, dissemination) :-
           output_dissemination(X, _, _, O),
           \+ system(X)
     )).

%!  limitation_applies(?Party, ?Output) is nondet.
%
%   Exemptions and mitigation for Output benefit Party: the service provider
%   (the paper), or every exposed party (choice point exemption_scope).

aigc_templates:template(limitation_applies, [party, output],
                        "exemptions and mitigation for {1} benefit {0}").
rule(r_d22_scope_provider, [d22-'6.1', d23-'6.1'],
     ( limitation_applies(P, O) :-
           position(exemption_scope, provider),
           exposed(P, O, provider)
     )).
rule(r_d22_scope_all_parties, [d22-'6.1', d23-'6.1'],
     ( limitation_applies(X, O) :-
           position(exemption_scope, all_parties),
           exposed(X, O, _)
     )).

%!  limitation(?Subject, ?Effect, ?Reason) is nondet.
%
%   Subject's liability is `exempt` or `mitigated` for Reason.

aigc_templates:template(limitation, [party, effect, limitation_reason],
                        "the liability of {0} is {1}: {2}").

%   D22 (6.1): force majeure, or intentional misconduct of the rights holder
%   (the victim), exempts.
rule(r_d22_force_majeure, [d22-'6.1'],
     ( limitation(X, exempt, force_majeure) :-
           force_majeure(O),
           limitation_applies(X, O)
     )).
rule(r_d22_rights_holder_misconduct, [d22-'6.1'],
     ( limitation(X, exempt, rights_holder_misconduct) :-
           holder_misconduct(H, O),
           copies(O, W, _),
           holder(H, W),
           limitation_applies(X, O)
     )).

%   D23 (6.1): significant negligence of the rights holder mitigates.
rule(r_d23_rights_holder_negligence, [d23-'6.1'],
     ( limitation(X, mitigated, rights_holder_negligence) :-
           holder_gross_negligence(H, O),
           copies(O, W, _),
           holder(H, W),
           limitation_applies(X, O)
     )).

                 /*******************************
                 *  D24, D25 REMEDIES (6.1)     *
                 *******************************/

%!  remedy_due(?Party) is nondet.
%
%   Party is liable and not exempt: it owes remedies.

aigc_templates:template(remedy_due, [party],
                        "{0} is liable and not exempt: it owes remedies").
rule(r_d24_remedy_due, [d24-'6.1'],
     ( remedy_due(X) :-
           liable(X, _, _, _),
           \+ limitation(X, exempt, _)
     )).

%!  remedy(?Against, ?Remedy) is nondet.
%
%   Remedy lies against Against.

aigc_templates:template(remedy, [party, remedy],
                        "{1} lies against {0}").

%   D24 (6.1): no statutory cap; damages assessed case by case.
rule(r_d24_damages, [d24-'6.1'],
     ( remedy(X, damages) :-
           remedy_due(X)
     )).

%   D25 (6.1): beside damages, an injunction, or (worth exploring) continued
%   use against a licence fee: choice point remedy.  The licence fee applies
%   only to infringements through AI outputs; any other infringement (a
%   reposted human work, a training copy) keeps the injunction.
rule(r_d25_remedy, [d25-'6.1'],
     ( remedy(X, injunction) :-
           remedy_due(X),
           position(remedy, injunction)
     )).
rule(r_d25_remedy_licence_fee, [d25-'6.1'],
     ( remedy(X, licence_fee) :-
           remedy_due(X),
           position(remedy, licence_fee),
           liable_through_output(X)
     )).
rule(r_d25_remedy_injunction_kept, [d25-'6.1'],
     ( remedy(X, injunction) :-
           remedy_due(X),
           position(remedy, licence_fee),
           liable_not_through_output(X)
     )).

aigc_templates:template(liable_through_output, [party],
                        "{0} is liable for an infringement through an AI output").
aigc_templates:template(liable_not_through_output, [party],
                        "{0} is liable for an infringement not through an AI output (a training copy, or a work that is no output disseminated)").

%   liable_through_output(?Party): Party is liable for an infringement
%   through an AI output: in the generation stage for it, or for
%   disseminating it.
rule(r_d25_through_output_exposed, [d25-'6.1'],
     ( liable_through_output(X) :-
           exposed(X, _, _)
     )).
rule(r_d25_through_output_protected_output, [d25-'6.1', d29-'2.2'], [ext],
     ( liable_through_output(X) :-
           item_dissemination(X, _, O),
           output(O)
     )).

%   liable_not_through_output(?Party): Party is liable for a training copy
%   (D02) or for disseminating a work that is not an output (D29).
rule(r_d25_not_through_output_training, [d02-'4.2', d25-'6.1'],
     ( liable_not_through_output(X) :-
           liable(X, _, _, training)
     )).
rule(r_d25_not_through_output_work, [d25-'6.1', d29-'2.2'], [ext],
     ( liable_not_through_output(X) :-
           item_dissemination(X, _, W),
           \+ output(W)
     )).

%!  remedy_factor(?Against, ?Factor) is nondet.
%
%   D24: the damages against Against weigh Factor, as the facts supply it.

aigc_templates:template(remedy_factor, [party, factor],
                        "the damages against {0} weigh {1}").
rule(r_d24_factor_mitigation, [d24-'6.1'],
     ( remedy_factor(X, mitigation) :-
           limitation(X, mitigated, _),
           remedy_due(X)
     )).
rule(r_d24_factor_inadvertence, [d24-'6.1'],
     ( remedy_factor(X, inadvertence) :-
           inadvertent(X, _),
           remedy_due(X)
     )).
rule(r_d24_factor_intent_proven, [d24-'6.1'],
     ( remedy_factor(X, intent) :-
           intent_proven(X, _),
           remedy_due(X)
     )).
rule(r_d24_factor_intent_induced, [d24-'6.1'],
     ( remedy_factor(X, intent) :-
           induced(X, _),
           remedy_due(X)
     )).
rule(r_d24_factor_knowledge_provider, [d24-'6.1'],
     ( remedy_factor(X, knowledge) :-
           knows_p(X, _),
           remedy_due(X)
     )).
rule(r_d24_factor_knowledge_user, [d24-'6.1'],
     ( remedy_factor(X, knowledge) :-
           knows_u(X, _),
           remedy_due(X)
     )).
