/*  Part of aigc-kb: who is liable when AI-generated content infringes copyright.

    Spreading the risk, the paper's proposals of 6.3-6.5: D26 (insurance and
    compensation funds), D27 (contractual allocation), D31 [ext] (recourse).
    The provenance and labelling evidence of D28 is read in
    infringement.pl (authorship) and duty_of_care.pl (labelling).
    docs/semantics.md, section 7.
*/

:- module(aigc_risk,
          [ insurance_for/4,            % ?Insured, ?Coverer, ?Work, ?Output
            insurance/2,                % ?Insured, ?Coverer
            insurable_for/2,            % ?Party, ?Output
            recourse/3,                 % ?From, ?Against, ?Ground
            assessor/3                  % ?Party, ?Other, ?Assessor
          ]).
:- use_module(rules).
:- use_module(facts).
:- use_module(infringement).
:- use_module(liability).
:- use_module(not_liable).
:- use_module(limitation).
:- use_module(templates, []).

:- multifile aigc_templates:template/3.
:- discontiguous aigc_templates:template/3.

                 /*******************************
                 *  D26 INSURANCE AND FUNDS (6.3)
                 *******************************/

%!  insurable_for(?Party, ?Output) is nondet.
%
%   Party is liable for Output as its provider or developer.

aigc_templates:template(insurable_for, [party, output],
                        "{0} is liable for {1} as provider or developer").
rule(r_d26_insurable_provider, [d26-'6.3'],
     ( insurable_for(X, O) :-
           exposed(X, O, provider)
     )).
rule(r_d26_insurable_developer, [d26-'6.3'],
     ( insurable_for(X, O) :-
           exposed(X, O, developer)
     )).

%!  insurance_for(?Insured, ?Coverer, ?Work, ?Output) is nondet.
%
%   Coverer (insurer or compensation fund) covers the legal fees and
%   compensation of Insured for the infringement of Work through Output:
%   Insured is liable for it as provider or developer, infringed through
%   Output inadvertently, due to technical limitations, and neither it nor
%   anyone acting for it knew of, should have known of, intended or was
%   notified of it (I05); intentional infringement is not covered.  Per
%   infringement, whatever the insured's other outputs.

aigc_templates:template(insurance_for, [party, party, item, output_or_copy_or_none],
                        "{1} covers the legal fees and compensation of {0} for {2} through {3}").
rule(r_d26_insurance_for, [d26-'6.3'],
     ( insurance_for(X, C, W, O) :-
           liable_infringement(X, W, O),
           insurable_for(X, O),
           covered_by(X, C, _),
           inadvertent(X, O),
           \+ knows_of(X, O),
           \+ intends_of(X, O),
           \+ notified_of(X, O)
     )).

%!  insurance(?Insured, ?Coverer) is nondet.
%
%   Summary: Coverer covers the legal fees and compensation of Insured for
%   some infringement.

aigc_templates:template(insurance, [party, party],
                        "{1} covers the legal fees and compensation of {0}").
rule(r_d26_insurance, [d26-'6.3'],
     ( insurance(X, C) :-
           insurance_for(X, C, _, _)
     )).

                 /*******************************
                 *  D31 RECOURSE, D27 CONTRACTS (4.4, 6.4)
                 *******************************/

%!  recourse(?From, ?Against, ?Ground) is nondet.
%
%   From, liable, has recourse against Against, whose conduct caused its
%   liability and who is itself liable for that output (or bound by an
%   indemnity), never against itself (D31, I06).  A disclaimer of Against's liability towards From bars it
%   (D27); nothing here changes what is owed to the rights holder.

aigc_templates:template(recourse, [party, party, recourse_ground],
                        "{0} has recourse against {1} ({2})").

%   D31 [ext] (4.4): the good-faith user held liable, against the provider
%   (users "reasonably assume that the services they receive are lawful").
rule(r_d31_recourse_good_faith_user, [d31-'4.4'], [ext],
     ( recourse(U, P, good_faith_user) :-
           user_liability(U, O, _, _),
           \+ induced(U, O),
           \+ knows_u(U, O),
           provider_liability(P, O, _, _),
           U \== P,
           \+ disclaimer(P, U)
     )).

%   D11, D31 [ext] (4.4): the provider against the user who induced the
%   output.
rule(r_d31_recourse_user_induced, [d11-'4.4', d31-'4.4'], [ext],
     ( recourse(P, U, user_induced) :-
           provider_liability(P, O, _, _),
           induced(U, O),
           user_liability(U, O, _, _),
           P \== U,
           \+ disclaimer(U, P)
     )).

%   D27, D31 [ext] (6.4): the provider against a developer that indemnifies
%   it.
rule(r_d31_recourse_indemnity, [d27-'6.4', d31-'6.4'], [ext],
     ( recourse(P, D, indemnity) :-
           liable_in_role(P, provider),
           indemnifies(D, P),
           D \== P,
           \+ system(D),
           \+ disclaimer(D, P)
     )).

%   [ext, court practice; Civil Code Art. 1191] The principal that answers
%   for its agent's request of an output (liability.pl), against the agent
%   that intended the infringement or knew of it (intent or gross
%   negligence).
rule(r_d31_recourse_staff_intent, [d31-'4.4', d13-'3.1'], [ext],
     ( recourse(P, A, staff_at_fault) :-
           staff_requested(P, A, O),
           induced(A, O),
           \+ disclaimer(A, P)
     )).
rule(r_d31_recourse_staff_knowledge, [d31-'4.4', d13-'3.1'], [ext],
     ( recourse(P, A, staff_at_fault) :-
           staff_requested(P, A, O),
           knows_u(A, O),
           \+ disclaimer(A, P)
     )).

%!  assessor(?Party, ?Other, ?Assessor) is nondet.
%
%   D27 (6.4): Party and Other agreed that the neutral Assessor assesses
%   their infringement disputes; a party to the dispute is never its neutral
%   assessor.

aigc_templates:template(assessor, [party, party, party],
                        "{2} assesses infringement disputes between {0} and {1}").
rule(r_d27_assessor, [d27-'6.4'],
     ( assessor(A, B, X) :-
           assessment_clause(A, B, X),
           X \== A,
           X \== B
     )).
