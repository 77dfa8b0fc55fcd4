/*  Part of aigc-kb.  Query: the defences raised and their status.

    Loaded as code (kb code, not case data).  Run it on a case with
    aigc:query_answers(defenses, Facts, Options, Rows).
*/

:- module(defenses, [answer/3]).
:- use_module('../kb/prolog/aigc').

%!  answer(?Subject, ?Defense, ?Status) is nondet.
%
%   The Defense of Subject is Status (accepted or rejected).

answer(Subject, Defense, Status) :-
    defense(Subject, Defense, Status).
