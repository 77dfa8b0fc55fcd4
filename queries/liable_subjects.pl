/*  Part of aigc-kb.  Query: who is liable, and in which kind.

    Loaded as code (kb code, not case data).  Run it on a case with
    aigc:query_answers(liable_subjects, Facts, Options, Rows).
*/

:- module(liable_subjects, [answer/2]).
:- use_module('../kb/prolog/aigc').

%!  answer(?Subject, ?Kind) is nondet.
%
%   Subject is liable in Kind (primary, joint, contributory, secondary) for
%   some right in some stage.

answer(Subject, Kind) :-
    liable(Subject, Kind, _Right, _Stage).
