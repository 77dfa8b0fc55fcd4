/*  Part of aigc-kb.  Query: the defences raised and their status.

    Loaded as code (kb code, not case data).  Run it on a case with
    aigc:query_answers(defenses, Facts, Options, Rows).
*/

:- module(defenses, [answer/5]).
:- use_module('../kb/prolog/aigc').

%!  answer(?Subject, ?Defense, ?Status, ?Item, ?Act) is nondet.
%
%   The Defense of Subject for Item (an output, or the work trained on)
%   and Act is Status (accepted or rejected).

answer(Subject, Defense, Status, Item, Act) :-
    defense(Subject, Defense, Status, Item, Act).
