/*  Part of aigc-kb.  Query: the remedies and against whom.

    Loaded as code (kb code, not case data).  Run it on a case with
    aigc:query_answers(remedies, Facts, Options, Rows).
*/

:- module(remedies, [answer/5]).
:- use_module('../kb/prolog/aigc').

%!  answer(?Against, ?Remedy, ?Work, ?Output, ?Holder) is nondet.
%
%   Remedy (damages, injunction or licence_fee) lies against Against for
%   the infringement of Work (through Output, or none), owed to Holder.

answer(Against, Remedy, Work, Output, Holder) :-
    remedy(Against, Remedy, Work, Output, Holder).
