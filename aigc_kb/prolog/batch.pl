/*  Part of aigc-kb: who is liable when AI-generated content infringes copyright.

    Batch evaluation: many cases in one call, one serialised result.

    Each case is evaluated exactly as aigc:evaluate_case_json/3 evaluates it
    alone (its facts and reading loaded for that evaluation only and removed
    afterwards), so evaluating case A and then case B in one batch gives B
    the answer it has alone.  What a batch saves is the per-call cost of the
    host language: one call and one returned string for thousands of cases.

    The module calls the knowledge base by module-qualified goals only, so
    that it can be loaded after any copy of the kb (aigc.pl must be loaded
    first):

        swipl kb/prolog/aigc.pl aigc_kb/prolog/batch.pl
*/

:- module(aigc_batch,
          [ evaluate_cases_json/3,      % +Cases, +Options, -Json
            evaluate_cases_json/4,      % +Cases, +Options, +BatchOptions, -Json
            case_result_json/4,         % +Case, +Options, +BatchOptions, -Json
            evaluate_case_stream/4      % +In, +Out, +Options, +BatchOptions
          ]).
:- use_module(library(lists)).
:- use_module(library(option)).
:- use_module(library(time)).
:- use_module(library(http/json)).


                 /*******************************
                 *            BATCHES           *
                 *******************************/

%!  evaluate_cases_json(+Cases:list, +Options:list, -Json:string) is det.
%!  evaluate_cases_json(+Cases:list, +Options:list, +BatchOptions:list,
%!                      -Json:string) is det.
%
%   Json is a JSON array with one object per element of Cases, in order
%   (see case_result_json/4).  Each case is case(Id, Facts), evaluated
%   under the reading Options, or case(Id, Facts, CaseOptions), evaluated
%   under CaseOptions.  A case that fails, raises an error or hits a limit
%   gives an object with an "error" and the batch goes on.
%
%   BatchOptions:
%     - time_limit(+Seconds)
%       Each case is evaluated under a time limit of Seconds.

evaluate_cases_json(Cases, Options, Json) :-
    evaluate_cases_json(Cases, Options, [], Json).

evaluate_cases_json(Cases, Options, BatchOptions, Json) :-
    must_be(list, Cases),
    with_output_to(string(Json),
                   write_cases(Cases, Options, BatchOptions)).

write_cases([], _, _) :-
    write('[]').
write_cases([Case|Cases], Options, BatchOptions) :-
    write('['),
    write_case(Case, Options, BatchOptions),
    forall(member(Next, Cases),
           ( write(',\n'),
             write_case(Next, Options, BatchOptions)
           )),
    write(']').

write_case(Case, Options, BatchOptions) :-
    case_result_json(Case, Options, BatchOptions, Json),
    write(Json).

%!  case_result_json(+Case, +Options:list, +BatchOptions:list,
%!                   -Json:string) is det.
%
%   Json is one JSON value on one line: [Id, Conclusions] where
%   Conclusions is a flat array of strings, for each conclusion its
%   predicate name, its arguments and the space-separated doctrines of the
%   rules that concluded it (the predicate's arity says how many arguments
%   follow), in the order of aigc:evaluate_case/3; or {"id": Id, "error":
%   Text} when the evaluation failed, raised an error or hit the time
%   limit (Text then starts with `time_limit`, `resource(...)`, `failed` or
%   the error term).  Id is written as a JSON number when it is an integer
%   and as a JSON string otherwise.  Case and BatchOptions are as for
%   evaluate_cases_json/4.

case_result_json(Case, Options, BatchOptions, Json) :-
    case_parts(Case, Options, Id, Facts, CaseOptions),
    json_id(Id, IdText),
    option(time_limit(Seconds), BatchOptions, infinite),
    (   catch(limited(Seconds, aigc:evaluate_case(Facts, CaseOptions, Conclusions)),
              Error, true)
    ->  (   var(Error)
        ->  flat_json(Conclusions, Flat),
            atomics_to_string(['[', IdText, ', ', Flat, ']'], Json)
        ;   error_text(Error, Text),
            error_json(IdText, Text, Json)
        )
    ;   error_json(IdText, "failed", Json)
    ).

%!  flat_json(+Conclusions:list, -Json:string) is det.
%
%   Json is the flat JSON array of strings of Conclusions (see
%   case_result_json/4).  The texts are checked for characters JSON must
%   escape all at once; only when one has some is each written by
%   json_write/3.

flat_json([], "[]") :-
    !.
flat_json(Conclusions, Json) :-
    flat_texts(Conclusions, Texts),
    atomics_to_string(Texts, All),
    json_special(Special),
    (   split_string(All, Special, "", [_])
    ->  separated(Texts, Parts),
        atomics_to_string(['["'|Parts], Json)
    ;   maplist(json_string, Texts, Quoted),
        atomic_list_concat(Quoted, ',', Inner),
        atomics_to_string(['[', Inner, ']'], Json)
    ).

flat_texts([], []).
flat_texts([conclusion(Atom, Doctrines)|Conclusions], [Name|Texts]) :-
    Atom =.. [Name|Args],
    append(Args, [DoctrineText|Rest], Texts),
    atomic_list_concat(Doctrines, ' ', DoctrineText),
    flat_texts(Conclusions, Rest).

%   separated(+Texts, -Parts): the (non-empty) texts, each but the last
%   followed by '","', the last by '"]' (the caller adds the opening '["').
separated([Text|Texts], [Text|Parts]) :-
    (   Texts == []
    ->  Parts = ['"]']
    ;   Parts = ['","'|Rest],
        separated(Texts, Rest)
    ).

%   json_special(-Special): the characters a JSON string must escape, as
%   a string of separators for split_string/4 (NUL never occurs in a name).
json_special(Special) :-
    numlist(1, 31, Controls),
    string_codes(Special, [0'", 0'\\|Controls]).

case_parts(case(Id, Facts), Options, Id, Facts, Options) :- !.
case_parts(case(Id, Facts, CaseOptions), _, Id, Facts, CaseOptions) :- !.
case_parts(Case, _, _, _, _) :-
    domain_error(aigc_batch_case, Case).

limited(infinite, Goal) :-
    !,
    call(Goal).
limited(Seconds, Goal) :-
    call_with_time_limit(Seconds, Goal).

json_id(Id, Text) :-
    (   integer(Id)
    ->  Text = Id
    ;   (   atom(Id) ; string(Id) )
    ->  json_string(Id, Text)
    ;   term_string(Id, String),
        json_string(String, Text)
    ).

json_string(Text, Json) :-
    atom_string(Text, String),
    with_output_to(string(Json),
                   json_write(current_output, String, [width(0)])).

error_text(time_limit_exceeded, "time_limit") :- !.
error_text(time_limit_exceeded(_), "time_limit") :- !.
error_text(error(resource_error(What), _), Text) :- !,
    format(string(Text), "resource(~q)", [What]).
error_text(Error, Text) :-
    format(string(Text), "~q", [Error]).

error_json(IdText, Text, Json) :-
    json_string(Text, Quoted),
    atomics_to_string(['{"id": ', IdText, ', "error": ', Quoted, '}'], Json).


                 /*******************************
                 *            STREAMS           *
                 *******************************/

%!  evaluate_case_stream(+In, +Out, +Options:list, +BatchOptions:list)
%!      is det.
%
%   Reads case terms (see evaluate_cases_json/4) from the stream In, one
%   after the other until its end, and writes the result of each to Out as
%   one line of JSON (case_result_json/4): the native batch driver.  Case
%   terms are read as data with read_term/3, never consulted.

evaluate_case_stream(In, Out, Options, BatchOptions) :-
    read_term(In, Case, []),
    (   Case == end_of_file
    ->  true
    ;   case_result_json(Case, Options, BatchOptions, Json),
        write(Out, Json),
        nl(Out),
        evaluate_case_stream(In, Out, Options, BatchOptions)
    ).
