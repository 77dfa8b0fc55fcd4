/*  Part of aigc-kb: who is liable when AI-generated content infringes copyright.

    Ownership of outputs: D17-D21, with D06 (the AI is never an author).
    docs/semantics.md, section 4.  Copyright in an output and ownership of
    its tangible form are independent (D18).
*/

:- module(aigc_ownership,
          [ copyright/4,                % ?Output, ?Status, ?Owner, ?Reason
            tangible_owner/2,           % ?Output, ?Owner
            copyrightable/1,            % ?Output
            contributor/2,              % ?Human, ?Output
            original_work/1,            % ?Output
            terms_reach/2               % ?Output, ?Assignee
          ]).
:- use_module(rules).
:- use_module(facts).
:- use_module(params).
:- use_module(infringement).
:- use_module(templates, []).

:- multifile aigc_templates:template/3.
:- discontiguous aigc_templates:template/3.

                 /*******************************
                 *  D17 HUMAN CONTRIBUTION (2.2)
                 *******************************/

%!  copyrightable(?Output) is nondet.
%
%   A human made an original contribution to Output: it is a work (D17).

aigc_templates:template(copyrightable, [output],
                        "a human made an original contribution to {0}: it is a work").
rule(r_d17_copyrightable, [d17-'2.2'],
     ( copyrightable(O) :-
           output(O),
           contributor(_, O)
     )).

%!  contributor(?Human, ?Output) is nondet.
%
%   Human made an original contribution to Output (D17): a bare finding
%   (human_contribution/2), or [ext, court practice] the kinds of input
%   recorded with contributed_by/3 that reach the threshold of the choice
%   point human_contribution_threshold.  Simple prompts, selection among
%   outputs and light edits never do by themselves.

aigc_templates:template(contributor, [party, output],
                        "{0} made an original contribution to {1}").
rule(r_d17_contribution_found, [d17-'2.2'],
     ( contributor(H, O) :-
           human_contribution(H, O)
     )).
%   Iterative prompting with parameter choices (original_contribution only).
rule(r_d17_contribution_prompting, [d17-'2.2'], [ext],
     ( contributor(H, O) :-
           contributed_by(H, O, iterative_prompting),
           contributed_by(H, O, parameter_choices),
           position(human_contribution_threshold, original_contribution)
     )).
%   The human's own substantial revision, or creative selection and
%   arrangement: under every position.
rule(r_d17_contribution_revision, [d17-'2.2'], [ext],
     ( contributor(H, O) :-
           contributed_by(H, O, substantial_revision)
     )).
rule(r_d17_contribution_arrangement, [d17-'2.2'], [ext],
     ( contributor(H, O) :-
           contributed_by(H, O, creative_arrangement)
     )).

%!  copyright(?Output, ?Status, ?Owner, ?Reason) is nondet.
%
%   Output is a `work` or `not_a_work`; Owner holds its copyright (`none`:
%   nobody) for Reason.

aigc_templates:template(copyright, [output, copyright_status, party_or_none, copyright_reason],
                        "{0} is {1}; copyright owner: {2} ({3})").

%   D17 (2.2): without a human contribution there is no work and no owner.
rule(r_d17_not_a_work, [d17-'2.2'],
     ( copyright(O, not_a_work, none, no_human_contribution) :-
           output(O),
           \+ contributor(_, O)
     )).

%   D06 (4.1): naming the AI as author changes nothing.
rule(r_d06_ai_author_not_a_work, [d06-'4.1', d17-'2.2'],
     ( copyright(O, not_a_work, none, no_human_contribution) :-
           output(O),
           \+ contributor(_, O),
           ai_named_author(_, O)
     )).

                 /*******************************
                 *  D20 NO COPYRIGHT BY INFRINGEMENT (3.3)
                 *******************************/

%   D17, D20 (3.3): an infringing output may be a work, but nobody acquires
%   copyright in it through the infringement.
rule(r_d20_infringing_output, [d17-'2.2', d20-'3.3'],
     ( copyright(O, work, none, infringing_output) :-
           copyrightable(O),
           infringing_output(O)
     )).

%!  original_work(?Output) is nondet.
%
%   Output is a work and infringes nothing: someone can hold copyright in it.

aigc_templates:template(original_work, [output],
                        "{0} is a work and infringes nothing").
rule(r_d20_original_work, [d17-'2.2', d20-'3.3'],
     ( original_work(O) :-
           copyrightable(O),
           \+ infringing_output(O)
     )).

                 /*******************************
                 *  D19 COMMISSIONED CREATION (3.3)
                 *******************************/

%!  service_user(?Provider, ?Party) is nondet.
%
%   Party is a user of a service of Provider: it uses a system Provider
%   provides, or commissioned an output of one.

aigc_templates:template(service_user, [party, party],
                        "{1} is a user of the service of {0}").
rule(r_d19_service_user_role, [d19-'3.3'],
     ( service_user(P, U) :-
           provider(P, S),
           user(U, S)
     )).
rule(r_d19_service_user_commission, [d19-'3.3'],
     ( service_user(P, U) :-
           provider_of_output(P, O),
           requested_by(O, U)
     )).

%!  terms_reach(?Output, ?Assignee) is nondet.
%
%   D19 (3.3), I07: the terms of service of the provider of Output assign
%   the copyright in Output to Assignee.  A term naming a user of the
%   service gives that user the outputs it commissioned, never another
%   user's; a term naming a party that is no user of the service (the
%   provider itself, an affiliate) reaches every output of the service.

aigc_templates:template(terms_reach, [output, party],
                        "the terms of service of the provider of {0} assign its copyright to {1}").
rule(r_d19_terms_reach_commission, [d19-'3.3'],
     ( terms_reach(O, A) :-
           provider_of_output(P, O),
           terms_assign_copyright(P, A),
           requested_by(O, A)
     )).
rule(r_d19_terms_reach_non_user, [d19-'3.3'],
     ( terms_reach(O, A) :-
           provider_of_output(P, O),
           terms_assign_copyright(P, A),
           \+ service_user(P, A)
     )).

%!  terms_govern(?Output) is semidet.
%
%   A term of service reaches Output.

aigc_templates:template(terms_govern, [output],
                        "a term of service reaches {0}").
rule(r_d19_terms_govern, [d19-'3.3'],
     ( terms_govern(O) :-
           terms_reach(O, _)
     )).

%   D17, D19 (3.3): user = client, provider = contractor, AI = tool.  The
%   contract (terms of service) decides ...
rule(r_d19_terms_of_service, [d17-'2.2', d19-'3.3'],
     ( owner_claim(O, A, terms_of_service) :-
           original_work(O),
           terms_reach(O, A)
     )).

%   ... and absent a term, the contractor (the provider) holds it, in the
%   paper's reading (choice point default_owner).
rule(r_d19_commissioned_provider, [d17-'2.2', d19-'3.3'],
     ( owner_claim(O, P, commissioned_provider) :-
           original_work(O),
           provider_of_output(P, O),
           \+ terms_govern(O),
           position(default_owner, provider)
     )).

aigc_templates:template(contributing_human_holds, [party, output],
                        "{0}, the contributing human, holds the copyright in {1}").

%   holding_contributor(?Human, ?Output): the human who holds as
%   contributor (I07: one owner): the commissioning user where it
%   contributed, else any contributor (an editor of an output nobody
%   requested, a team running its own system).

aigc_templates:template(contributing_requester, [output],
                        "the user who requested {0} contributed to it").
rule(r_d19_contributing_requester, [d19-'3.3'],
     ( contributing_requester(O) :-
           contributor(H, O),
           requested_by(O, H)
     )).
aigc_templates:template(holding_contributor, [party, output],
                        "{0} holds as the contributor to {1}").
rule(r_d19_holding_contributor_requester, [d19-'3.3'],
     ( holding_contributor(H, O) :-
           contributor(H, O),
           requested_by(O, H)
     )).
rule(r_d19_holding_contributor_other, [d19-'3.3'],
     ( holding_contributor(H, O) :-
           contributor(H, O),
           \+ contributing_requester(O)
     )).

%   contributing_human_holds(?Human, ?Output): courts' tendency (position
%   default_owner = contributing_human): the contributing human holds it.
rule(r_d19_contributing_human_holds, [d17-'2.2', d19-'3.3'],
     ( contributing_human_holds(H, O) :-
           original_work(O),
           holding_contributor(H, O),
           has_provider(O),
           \+ terms_govern(O),
           position(default_owner, contributing_human)
     )).

aigc_templates:template(self_run_holds, [party, output],
                        "{0} ran the system itself, contributed to {1} and holds its copyright").

%   self_run_holds(?Human, ?Output): [ext] no provider stands between the
%   user and the system it runs: the contributing human holds it.
rule(r_d19_self_run_holds, [d17-'2.2', d19-'3.3'], [ext],
     ( self_run_holds(H, O) :-
           original_work(O),
           holding_contributor(H, O),
           \+ has_provider(O)
     )).

rule(r_d19_contributing_human, [d17-'2.2', d19-'3.3'],
     ( owner_claim(O, H, contributing_human) :-
           contributing_human_holds(H, O),
           \+ acting_for(H, _)
     )).
rule(r_d19_self_run_user, [d17-'2.2', d19-'3.3'], [ext],
     ( owner_claim(O, H, self_run_user) :-
           self_run_holds(H, O),
           \+ acting_for(H, _)
     )).

%   [ext] A human acting as a legal person's team: the legal person holds it.
rule(r_d19_legal_person_contributing, [d17-'2.2', d19-'3.3'], [ext],
     ( owner_claim(O, L, legal_person_work) :-
           contributing_human_holds(H, O),
           acting_for(H, L)
     )).
rule(r_d19_legal_person_self_run, [d17-'2.2', d19-'3.3'], [ext],
     ( owner_claim(O, L, legal_person_work) :-
           self_run_holds(H, O),
           acting_for(H, L)
     )).

%   owner_claim(?Output, ?Party, ?Reason): the rules above give Party a
%   claim to the copyright in Output for Reason.

aigc_templates:template(owner_claim, [output, party, copyright_reason],
                        "{1} has a claim to the copyright in {0} ({2})").

                 /*******************************
                 *  D19, I07 ONE OWNER (3.3)
                 *******************************/

%   A claim is copyright where it is the only claim to the output.  Where
%   the facts give several parties an equal claim (two providers of the
%   system, two contributors none of whom requested it, a term naming two
%   assignees) no term makes them co-owners, and [ext] the owner stays
%   undetermined until the case states which one holds.

rule(r_d19_sole_owner, [d17-'2.2', d19-'3.3'],
     ( copyright(O, work, X, R) :-
           owner_claim(O, X, R),
           \+ several_claimants(O)
     )).

aigc_templates:template(several_claimants, [output],
                        "several parties have an equal claim to the copyright in {0}").
rule(r_d19_several_claimants, [d19-'3.3'], [ext],
     ( several_claimants(O) :-
           owner_claim(O, X, _),
           owner_claim(O, Y, _),
           X \== Y
     )).
rule(r_d19_owner_undetermined, [d17-'2.2', d19-'3.3'], [ext],
     ( copyright(O, work, none, owner_undetermined) :-
           several_claimants(O)
     )).

                 /*******************************
                 *  D18, D21 THE TANGIBLE FORM (3.3)
                 *******************************/

%!  tangible_owner(?Output, ?Owner) is nondet.
%
%   Owner owns the tangible form of Output: whoever possesses and controls
%   it; if nobody is proven to, each party that requested it.

aigc_templates:template(tangible_owner, [output, party],
                        "{1} owns the tangible form of {0}").
rule(r_d21_possessor, [d18-'3.3', d21-'3.3'],
     ( tangible_owner(O, X) :-
           output(O),
           possesses(X, O)
     )).
rule(r_d21_requester, [d18-'3.3', d21-'3.3'],
     ( tangible_owner(O, X) :-
           output(O),
           \+ possesses(_, O),
           requested_by(O, X)
     )).
