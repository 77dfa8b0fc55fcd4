/*  Part of aigc-kb: who is liable when AI-generated content infringes copyright.

    Limits on liability and remedies, the paper's proposals of 6.1: D22
    (exemption), D23 (mitigation), D24 (damages case by case), D25 (the
    liability-rule remedy), each per infringement.  An infringement is
    (Work, Output): the item Work infringed, through Output, or Output =
    none for a training copy or a reposted item; its rights holder is the
    holder of Work.  docs/semantics.md, sections 5 and 6.
*/

:- module(aigc_limitation,
          [ limitation_for/5,           % ?Subject, ?Effect, ?Reason, ?Work, ?Output
            remedy_for/4,               % ?Against, ?Remedy, ?Work, ?Output
            remedy_factor_for/4,        % ?Against, ?Factor, ?Work, ?Output
            limitation/3,               % ?Subject, ?Effect, ?Reason
            remedy/2,                   % ?Against, ?Remedy
            remedy_factor/2,            % ?Against, ?Factor
            liable_infringement/3,      % ?Party, ?Work, ?Output
            exposed/3,                  % ?Party, ?Output, ?Role
            limitation_applies/2,       % ?Party, ?Output
            exempt_for/3,               % ?Party, ?Work, ?Output
            remedy_due_for/3,           % ?Party, ?Work, ?Output
            through_ai_output/2,        % ?Work, ?Output
            knows_of/2,                 % ?Party, ?Output
            notified_of/2,              % ?Party, ?Output
            intends_of/2                % ?Party, ?Output
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
%   is unloaded).  Every remedy rule reads liable_infringement/3, which reads
%   the liabilities of every role; knows_of/2, notified_of/2 and
%   intends_of/2 follow acting_for/2, which may run in a circle.
:- table
    liable_infringement/3,
    exempt_for/3,
    knows_of/2,
    notified_of/2,
    intends_of/2.

                 /*******************************
                 *  THE INFRINGEMENTS A PARTY IS LIABLE FOR
                 *******************************/

%!  liable_infringement(?Party, ?Work, ?Output) is nondet.
%
%   Party is liable for the infringement of Work through Output (Output =
%   none: a training copy, or a reposted item that is no output's copy of
%   something), read from liable_for/6 (liability.pl), the only place that
%   says so.

aigc_templates:template(liable_infringement, [party, item, output_or_none],
                        "{0} is liable for the infringement of {1} through {2}").
rule(r_d24_liable_infringement, [d24-'6.1'],
     ( liable_infringement(X, W, O) :-
           liable_for(X, _, _, W, O, _)
     )).

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

%   [ext, court practice; Civil Code Art. 1191] A principal that answers for
%   what its agent did for it (liability.pl: acts of staff and agents)
%   answers for the agent's act: where every exposed party benefits, it
%   benefits with its agent, for the output the agent requested or
%   disseminated.  Its liability for that act rests on the agent's, so it
%   is exempted or mitigated with it, per infringement as for any party.
rule(r_d22_scope_staff_request, [d13-'3.1', d22-'6.1', d23-'6.1'], [ext],
     ( limitation_applies(P, O) :-
           position(exemption_scope, all_parties),
           staff_requested(P, A, O),
           limitation_applies(A, O)
     )).
rule(r_d22_scope_staff_dissemination, [d13-'3.1', d22-'6.1', d23-'6.1'], [ext],
     ( limitation_applies(P, O) :-
           position(exemption_scope, all_parties),
           staff_disseminated(P, A, _, _, O),
           limitation_applies(A, O)
     )).

%!  limitation_for(?Subject, ?Effect, ?Reason, ?Work, ?Output) is nondet.
%
%   Subject's liability for the infringement of Work through Output is
%   `exempt` or `mitigated` for Reason.  Per infringement (I04): force
%   majeure reaches the infringements through that output, the rights
%   holder's conduct those of the works it holds through that output; never
%   a training copy (Output = none is no output).

aigc_templates:template(limitation_for, [party, effect, limitation_reason, item, output_or_copy_or_none],
                        "the liability of {0} for {3} through {4} is {1}: {2}").

%   D22 (6.1): force majeure, or intentional misconduct of the rights holder
%   (the victim), exempts.
rule(r_d22_force_majeure, [d22-'6.1'],
     ( limitation_for(X, exempt, force_majeure, W, O) :-
           liable_infringement(X, W, O),
           limitation_applies(X, O),
           force_majeure(O)
     )).
rule(r_d22_rights_holder_misconduct, [d22-'6.1'],
     ( limitation_for(X, exempt, rights_holder_misconduct, W, O) :-
           liable_infringement(X, W, O),
           limitation_applies(X, O),
           holder_misconduct(H, O),
           holder(H, W)
     )).

%   D23 (6.1): significant negligence of the rights holder mitigates, towards
%   that rights holder only.
rule(r_d23_rights_holder_negligence, [d23-'6.1'],
     ( limitation_for(X, mitigated, rights_holder_negligence, W, O) :-
           liable_infringement(X, W, O),
           limitation_applies(X, O),
           holder_gross_negligence(H, O),
           holder(H, W)
     )).

%!  exempt_for(?Party, ?Work, ?Output) is nondet.
%
%   Party's liability for the infringement of Work through Output is exempt.

aigc_templates:template(exempt_for, [party, item, output_or_none],
                        "the liability of {0} for {1} through {2} is exempt").
rule(r_d22_exempt_for, [d22-'6.1'],
     ( exempt_for(X, W, O) :-
           limitation_for(X, exempt, _, W, O)
     )).

%!  limitation(?Subject, ?Effect, ?Reason) is nondet.
%
%   Summary: Subject's liability for some infringement is Effect for Reason.

aigc_templates:template(limitation, [party, effect, limitation_reason],
                        "the liability of {0} is {1}: {2}").
rule(r_d22_limitation_exempt, [d22-'6.1'],
     ( limitation(X, exempt, R) :-
           limitation_for(X, exempt, R, _, _)
     )).
rule(r_d23_limitation_mitigated, [d23-'6.1'],
     ( limitation(X, mitigated, R) :-
           limitation_for(X, mitigated, R, _, _)
     )).

                 /*******************************
                 *  D24, D25 REMEDIES (6.1)     *
                 *******************************/

%!  remedy_due_for(?Party, ?Work, ?Output) is nondet.
%
%   Party is liable for the infringement of Work through Output and not
%   exempt for it: it owes remedies for it.

aigc_templates:template(remedy_due_for, [party, item, output_or_none],
                        "{0} is liable for {1} through {2} and not exempt: it owes remedies for it").
rule(r_d24_remedy_due_for, [d24-'6.1'],
     ( remedy_due_for(X, W, O) :-
           liable_infringement(X, W, O),
           \+ exempt_for(X, W, O)
     )).

%!  remedy_for(?Against, ?Remedy, ?Work, ?Output) is nondet.
%
%   Remedy lies against Against for the infringement of Work through Output.

aigc_templates:template(remedy_for, [party, remedy, item, output_or_copy_or_none],
                        "{1} lies against {0} for {2} through {3}").

%   D24 (6.1): no statutory cap; damages assessed case by case, for every
%   infringement that is not exempt.
rule(r_d24_damages, [d24-'6.1'],
     ( remedy_for(X, damages, W, O) :-
           remedy_due_for(X, W, O)
     )).

%   D25 (6.1): beside damages, an injunction, or (worth exploring) continued
%   use against a licence fee: choice point remedy.  The licence fee applies
%   only to infringements through AI outputs; any other infringement (a
%   reposted human work, a training copy) keeps the injunction.
rule(r_d25_remedy, [d25-'6.1'],
     ( remedy_for(X, injunction, W, O) :-
           remedy_due_for(X, W, O),
           position(remedy, injunction)
     )).
rule(r_d25_remedy_licence_fee, [d25-'6.1'],
     ( remedy_for(X, licence_fee, W, O) :-
           remedy_due_for(X, W, O),
           position(remedy, licence_fee),
           through_ai_output(W, O)
     )).
rule(r_d25_remedy_injunction_kept, [d25-'6.1'],
     ( remedy_for(X, injunction, W, O) :-
           remedy_due_for(X, W, O),
           position(remedy, licence_fee),
           \+ through_ai_output(W, O)
     )).

%!  through_ai_output(?Work, ?Output) is nondet.
%
%   The infringement of Work through Output is one through an AI output:
%   generated or disseminated through Output, a protected output Work
%   reposted (D29), or a copy of an output in any medium (D29 [ext]).

aigc_templates:template(through_ai_output, [item, output_or_none],
                        "the infringement of {0} through {1} is one through an AI output").
rule(r_d25_through_output, [d25-'6.1'],
     ( through_ai_output(W, O) :-
           liable_infringement(_, W, O),
           output(O)
     )).
rule(r_d25_through_output_protected_output, [d25-'6.1', d29-'2.2'], [ext],
     ( through_ai_output(W, none) :-
           liable_infringement(_, W, none),
           output(W)
     )).
rule(r_d25_through_output_copy, [d25-'6.1', d29-'2.2'], [ext],
     ( through_ai_output(X, C) :-
           liable_infringement(_, X, C),
           copy(C)
     )).

%!  remedy(?Against, ?Remedy) is nondet.
%
%   Summary: Remedy lies against Against for some infringement.

aigc_templates:template(remedy, [party, remedy],
                        "{1} lies against {0}").
rule(r_d24_remedy_damages, [d24-'6.1'],
     ( remedy(X, damages) :-
           remedy_for(X, damages, _, _)
     )).
rule(r_d25_remedy_beside_damages, [d25-'6.1'],
     ( remedy(X, R) :-
           remedy_for(X, R, _, _),
           R \== damages
     )).

%!  knows_of(?Party, ?Output) is nondet.
%
%   Party, or anyone acting for it (its staff, agents: D26), knew or should
%   have known that Output infringes.  A notice alone is no knowledge here
%   (it weighs no `knowledge` in damages), but an infringement notified to
%   the party (notified_of/2) is no inadvertent one for D24 and D26.

aigc_templates:template(knows_of, [party, output],
                        "{0}, or someone acting for it, knew or should have known that {1} infringes").
rule(r_d24_knows_of_provider, [d24-'6.1', d26-'6.3'],
     ( knows_of(X, O) :-
           knows_p(X, O)
     )).
rule(r_d24_knows_of_user, [d24-'6.1', d26-'6.3'],
     ( knows_of(X, O) :-
           knows_u(X, O)
     )).
rule(r_d24_knows_of_knew, [d24-'6.1', d26-'6.3'],
     ( knows_of(X, O) :-
           user_knew(X, O)
     )).
rule(r_d24_knows_of_should_have_known, [d24-'6.1', d26-'6.3'],
     ( knows_of(X, O) :-
           user_should_have_known(X, O)
     )).
rule(r_d24_knows_of_agent, [d24-'6.1', d26-'6.3'],
     ( knows_of(X, O) :-
           acting_for(A, X),
           knows_of(A, O)
     )).

%!  notified_of(?Party, ?Output) is nondet.
%
%   Party, or anyone acting for it (D26), received notice that Output
%   infringes.

aigc_templates:template(notified_of, [party, output],
                        "{0}, or someone acting for it, received notice that {1} infringes").
rule(r_d24_notified_of, [d24-'6.1', d26-'6.3'],
     ( notified_of(X, O) :-
           notice_received(X, O)
     )).
rule(r_d24_notified_of_agent, [d24-'6.1', d26-'6.3'],
     ( notified_of(X, O) :-
           acting_for(A, X),
           notified_of(A, O)
     )).

%!  intends_of(?Party, ?Output) is nondet.
%
%   Party, or anyone acting for it (D26), intended Output to infringe:
%   proven intent, or intentional inducement (D11).

aigc_templates:template(intends_of, [party, output],
                        "{0}, or someone acting for it, intended {1} to infringe").
rule(r_d24_intends_of_proven, [d24-'6.1', d26-'6.3'],
     ( intends_of(X, O) :-
           intent_proven(X, O)
     )).
rule(r_d24_intends_of_induced, [d11-'4.4', d24-'6.1', d26-'6.3'],
     ( intends_of(X, O) :-
           induced(X, O)
     )).
rule(r_d24_intends_of_agent, [d24-'6.1', d26-'6.3'],
     ( intends_of(X, O) :-
           acting_for(A, X),
           intends_of(A, O)
     )).

%!  remedy_factor_for(?Against, ?Factor, ?Work, ?Output) is nondet.
%
%   D24: the damages against Against for the infringement of Work through
%   Output weigh Factor, as the facts of that infringement supply it.

aigc_templates:template(remedy_factor_for, [party, factor, item, output_or_copy_or_none],
                        "the damages against {0} for {2} through {3} weigh {1}").
rule(r_d24_factor_mitigation, [d24-'6.1'],
     ( remedy_factor_for(X, mitigation, W, O) :-
           remedy_due_for(X, W, O),
           limitation_for(X, mitigated, _, W, O)
     )).
rule(r_d24_factor_inadvertence, [d24-'6.1'],
     ( remedy_factor_for(X, inadvertence, W, O) :-
           remedy_due_for(X, W, O),
           inadvertent(X, O),
           \+ knows_of(X, O),
           \+ intends_of(X, O),
           \+ notified_of(X, O)
     )).
rule(r_d24_factor_intent, [d24-'6.1'],
     ( remedy_factor_for(X, intent, W, O) :-
           remedy_due_for(X, W, O),
           intends_of(X, O)
     )).
rule(r_d24_factor_knowledge, [d24-'6.1'],
     ( remedy_factor_for(X, knowledge, W, O) :-
           remedy_due_for(X, W, O),
           knows_of(X, O)
     )).

%!  remedy_factor(?Against, ?Factor) is nondet.
%
%   Summary: the damages against Against weigh Factor for some infringement.

aigc_templates:template(remedy_factor, [party, factor],
                        "the damages against {0} weigh {1}").
rule(r_d24_remedy_factor, [d24-'6.1'],
     ( remedy_factor(X, F) :-
           remedy_factor_for(X, F, _, _)
     )).
