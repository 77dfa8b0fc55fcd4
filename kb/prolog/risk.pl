/*  Part of aigc-kb: who is liable when AI-generated content infringes copyright.

    Spreading the risk, the paper's proposals of 6.3-6.5: D26 (insurance and
    compensation funds), D27 (contractual allocation), D31 [ext] (recourse).
    The provenance and labelling evidence of D28 is read in
    infringement.pl (authorship) and duty_of_care.pl (labelling).
    docs/semantics.md, section 7.
*/

:- module(aigc_risk,
          [ insurance/2,                % ?Insured, ?Coverer
            recourse/3,                 % ?From, ?Against, ?Ground
            assessor/3                  % ?Party, ?Other, ?Assessor
          ]).
:- use_module(rules).
:- use_module(facts).
:- use_module(infringement).
:- use_module(liability).
:- use_module(not_liable).
:- use_module(templates, []).

:- multifile aigc_templates:template/3.
:- discontiguous aigc_templates:template/3.

                 /*******************************
                 *  D26 INSURANCE AND FUNDS (6.3)
                 *******************************/

aigc_templates:template(liable_provider_or_developer, [party],
                        "{0} is liable as provider or developer").

%   liable_provider_or_developer(?Party): Party is liable in its provider or
%   developer role, in any stage.
rule(r_d26_liable_as_provider, [d26-'6.3'],
     ( liable_provider_or_developer(X) :-
           liable_in_role(X, provider)
     )).
rule(r_d26_liable_as_developer, [d26-'6.3'],
     ( liable_provider_or_developer(X) :-
           liable_in_role(X, developer)
     )).

%!  insurance(?Insured, ?Coverer) is nondet.
%
%   Coverer (insurer or compensation fund) covers the legal fees and
%   compensation of Insured, which infringed inadvertently, due to technical
%   limitations; intentional infringement is not covered.

aigc_templates:template(insurance, [party, party],
                        "{1} covers the legal fees and compensation of {0}").
rule(r_d26_insurance, [d26-'6.3'],
     ( insurance(X, C) :-
           covered_by(X, C, _),
           liable_provider_or_developer(X),
           inadvertent(X, _),
           \+ intent_proven(X, _)
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
