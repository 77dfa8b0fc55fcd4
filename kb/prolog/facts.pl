/*  Part of aigc-kb: who is liable when AI-generated content infringes copyright.

    The case's facts.  The input predicates of kb/vocabulary.yaml (`inputs:`)
    are declared once, `dynamic`, in the generated declarations.pl and
    re-exported from here: the rule modules import them and read nothing
    else of a case.

    A case is a list of ground input facts, each possibly wrapped as
    unknown(Fact) (an open fact: not proven, reported as open).  It is
    asserted for one evaluation and retracted afterwards (see
    aigc:with_case/3).  Case files are data: they are read with read_term/2,
    never consulted.
*/

:- module(aigc_facts,
          [ input_fact/1,               % @Term
            check_case/3,               % +Facts, -Proven, -Open
            load_case/1,                % +Proven
            unload_case/1,              % +Proven
            unload_case/0,
            case_active/0
          ]).
:- reexport(declarations).
:- use_module(library(error)).
:- use_module(library(lists)).
:- use_module(library(apply)).

:- dynamic case_active/0.

%!  case_active is semidet.
%
%   True while a case is loaded (between load_case/1 and unload_case/0).


                 /*******************************
                 *        LOADING A CASE        *
                 *******************************/

%!  input_fact(@Term) is semidet.
%
%   Term is a fact of an input predicate whose arguments are atoms.

input_fact(Term) :-
    callable(Term),
    functor(Term, Name, Arity),
    input_predicate(Name, Arity),
    Term =.. [_|Args],
    maplist(atom, Args).

%!  check_case(+Facts:list, -Proven:list, -Open:list) is det.
%
%   Validates the list Facts and splits it into the proven facts and the
%   open facts (those given as unknown(Fact)), each sorted and without
%   duplicates.  A fact proven and also listed as unknown stays proven.
%
%   @error instantiation_error if Facts is partial or a fact is not ground.
%   @error type_error(list, Facts) if Facts is not a list.
%   @error type_error(atom, Arg) if an argument of a fact is not an atom
%          (every argument is a name or an enumeration value).
%   @error domain_error(input_fact, Fact) if a fact is not of an input
%          predicate.

check_case(Facts, Proven, Open) :-
    must_be(list, Facts),
    split_facts(Facts, Proven0, Open0),
    sort(Proven0, Proven),
    sort(Open0, Open).

split_facts([], [], []).
split_facts([Fact|Facts], Proven, Open) :-
    (   var(Fact)
    ->  instantiation_error(Fact)
    ;   Fact = unknown(Open1)
    ->  check_fact(Open1),
        Open = [Open1|Open2],
        split_facts(Facts, Proven, Open2)
    ;   check_fact(Fact),
        Proven = [Fact|Proven2],
        split_facts(Facts, Proven2, Open)
    ).

check_fact(Fact) :-
    (   var(Fact)
    ->  instantiation_error(Fact)
    ;   callable(Fact),
        functor(Fact, Name, Arity),
        input_predicate(Name, Arity)
    ->  check_arguments(Arity, Fact)
    ;   domain_error(input_fact, Fact)
    ).

%   Every argument of a fact is a name or an enumeration value: an atom.
check_arguments(0, _) :-
    !.
check_arguments(N, Fact) :-
    arg(N, Fact, Arg),
    (   atom(Arg)
    ->  true
    ;   var(Arg)
    ->  instantiation_error(Arg)
    ;   type_error(atom, Arg)
    ),
    N1 is N - 1,
    check_arguments(N1, Fact).

%!  load_case(+Proven:list) is det.
%
%   Asserts the proven facts of a case, checked by check_case/3, and marks
%   the case active.  The facts module is empty when no case is active:
%   every load_case/1 is paired with an unload_case/1 of the same list.
%
%   @error permission_error(load, aigc_case, active) if a case is loaded.

load_case(Proven) :-
    (   case_active
    ->  permission_error(load, aigc_case, active)
    ;   true
    ),
    assertz(case_active),
    assert_facts(Proven).

assert_facts([]).
assert_facts([Fact|Facts]) :-
    assertz(Fact),
    assert_facts(Facts).

%!  unload_case(+Proven:list) is det.
%
%   Removes the facts of the case loaded by load_case(Proven): every fact
%   of each predicate that Proven uses, and marks no case active.  Proven is
%   sorted, so the facts of one predicate are adjacent.

unload_case(Proven) :-
    retract_predicates(Proven, -),
    retractall(case_active).

retract_predicates([], _).
retract_predicates([Fact|Facts], Previous) :-
    functor(Fact, Name, Arity),
    (   Previous == Name/Arity
    ->  true
    ;   functor(Head, Name, Arity),
        retractall(Head)
    ),
    retract_predicates(Facts, Name/Arity).

%!  unload_case is det.
%
%   Removes every fact of every input predicate and marks no case active.

unload_case :-
    clear_facts,
    retractall(case_active).

clear_facts :-
    forall(input_predicate(Name, Arity),
           ( functor(Head, Name, Arity),
             retractall(Head)
           )).
