/*  Part of aigc-kb.  Query: the remedies and against whom.

    Loaded as code (kb code, not case data).  Run it on a case with
    aigc:query_answers(remedies, Facts, Options, Rows).
*/

:- module(remedies, [answer/2]).
:- use_module('../kb/prolog/aigc').

%!  answer(?Against, ?Remedy) is nondet.
%
%   Remedy (damages, injunction or licence_fee) lies against Against.

answer(Against, Remedy) :-
    remedy(Against, Remedy).
