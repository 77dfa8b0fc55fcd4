/*  Part of aigc-kb: who is liable when AI-generated content infringes copyright.

    The JSON the Python package reads from the Prolog encoding: the
    conclusions of a case and the answers of a named query.  Engine code,
    not law: it calls the knowledge base (kb/prolog/aigc.pl, loaded first)
    by module-qualified goals only, so that it serves any copy of the kb.

        swipl kb/prolog/aigc.pl aigc_kb/prolog/json.pl
*/

:- module(aigc_json,
          [ evaluate_case_json/3,       % +Facts, +Options, -Json
            conclusions_json/2,         % +Conclusions, -Json
            run_query/4                 % +QueryModule, +Facts, +Options, -Json
          ]).
:- use_module(library(apply)).
:- use_module(library(lists)).
:- use_module(library(http/json)).


                 /*******************************
                 *          CONCLUSIONS         *
                 *******************************/

%!  evaluate_case_json(+Facts:list, +Options:list, -Json:string) is det.
%
%   As aigc:evaluate_case/3, the conclusions serialised as one JSON string: a
%   list of objects {"pred": Name, "args": [...], "doctrines": [...]},
%   every argument written as a JSON string ("none" for `none`).

evaluate_case_json(Facts, Options, Json) :-
    aigc:evaluate_case(Facts, Options, Conclusions),
    conclusions_json(Conclusions, Json).

%!  conclusions_json(+Conclusions:list, -Json:string) is det.
%
%   Json is the JSON text of Conclusions (see evaluate_case_json/3), on
%   one line.  Built from parts, with library(http/json) only for the rare
%   text that needs escaping: json_write_dict/3 costs about 20 microseconds
%   per conclusion, this about 3.

conclusions_json(Conclusions, Json) :-
    phrase(json_array(Conclusions, json_conclusion), Parts),
    atomics_to_string(Parts, Json).

%   json_array(+List, :Element)//: a JSON array, each element by Element.
json_array([], _) -->
    ['[]'].
json_array([X|Xs], Element) -->
    ['['],
    call(Element, X),
    json_rest(Xs, Element),
    [']'].

json_rest([], _) -->
    [].
json_rest([X|Xs], Element) -->
    [', '],
    call(Element, X),
    json_rest(Xs, Element).

json_conclusion(conclusion(Atom, Doctrines)) -->
    { Atom =.. [Name|Args] },
    ['{"pred": '],
    json_text(Name),
    [', "args": '],
    json_texts(Args),
    [', "doctrines": '],
    json_texts(Doctrines),
    ['}'].

%   json_texts(+List)//: a JSON array of strings, the text of each element.
json_texts([]) -->
    !,
    ['[]'].
json_texts(Xs) -->
    { maplist(atomic, Xs),
      atomic_list_concat(Xs, ' ', All),
      plain_text(All)
    },
    !,
    { atomic_list_concat(Xs, '", "', Text) },
    ['["', Text, '"]'].
json_texts(Xs) -->
    json_array(Xs, json_text).

%   json_text(+X)//: X (an atom, a string, or any term as written by
%   write/1) as a JSON string.
json_text(X) -->
    {   (   ( atom(X) ; string(X) )
        ->  Text = X
        ;   term_string(X, Text)
        )
    },
    (   { plain_text(Text) }
    ->  ['"', Text, '"']
    ;   { atom_string(Text, String),
          with_output_to(string(Escaped),
                         json_write(current_output, String, [width(0)]))
        },
        [Escaped]
    ).

%   plain_text(+Text): Text needs no escaping in a JSON string: it has no
%   quote, backslash or control character.
plain_text(Text) :-
    json_special_chars(Special),
    split_string(Text, Special, "", [_]).

:- dynamic json_special_chars/1.

init_json_special_chars :-
    numlist(1, 31, Controls),          % NUL cannot be a separator; a NUL in
                                       % the text splits it all the same
    append(Controls, [0'", 0'\\], Codes),
    string_codes(Special, Codes),
    retractall(json_special_chars(_)),
    assertz(json_special_chars(Special)).

:- initialization(init_json_special_chars).


                 /*******************************
                 *            QUERIES           *
                 *******************************/

%!  run_query(+QueryModule, +Facts:list, +Options:list, -Json:string) is det.
%
%   Json is the JSON list of the answers of QueryModule (see
%   aigc:query_answers/4): a list of lists of strings, sorted, without
%   duplicates.
%
%   @error existence_error(query_module, QueryModule) if there is none.

run_query(Spec, Facts, Options, Json) :-
    aigc:query_answers(Spec, Facts, Options, Rows),
    phrase(json_array(Rows, json_texts), Parts),
    atomics_to_string(Parts, Json).
