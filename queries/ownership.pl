/*  Part of aigc-kb.  Query: who owns each output, as copyright and as a
    tangible thing (D18: the two are independent).

    Loaded as code (kb code, not case data).  Run it on a case with
    aigc:query_answers(ownership, Facts, Options, Rows).
*/

:- module(ownership, [answer/3]).
:- use_module('../kb/prolog/aigc').

%!  answer(?Output, ?What, ?Owner) is nondet.
%
%   What is `copyright` (Owner `none` when nobody holds it) or `tangible`;
%   Owner owns it in Output.

answer(Output, copyright, Owner) :-
    copyright(Output, _Status, Owner, _Reason).
answer(Output, tangible, Owner) :-
    tangible_owner(Output, Owner).
