/*  Part of aigc-kb: who is liable when AI-generated content infringes copyright.

    The rule-as-data mechanism.  Every rule of the knowledge base is written as

        rule(Id, Citations, (Head :- Body)).
        rule(Id, Citations, Flags, (Head :- Body)).

    in a module that imports this one.  At load time term expansion turns it into

      - the ordinary clause  Head :- Body  of the loading module;
      - a registry fact  aigc_rules:rule_clause(Id, Doctrines, Citations, Module, Head, Body);
      - a fact  aigc_rules:rule_flag(Id, Flag)  for each Flag (e.g. `ext` for the
        project's extensions marked [ext] in the doctrine catalogue);
      - for a rule that concludes an output predicate, a clause
        aigc_rules:rule_fired(Id, Doctrines, Head) :- Body  whose body runs in the
        loading module: the compiled form that collects every conclusion with the
        doctrines of the rules that concluded it (no meta-call per rule).

    Id is a unique atom, Citations a non-empty list of Doctrine-Section pairs
    (d07-'4.3': a doctrine id of kb/doctrines.yaml and one of the sections the
    table gives it, or a subsection of one), the citation scheme the ASP
    encoding's annotations share; Doctrines is the sorted set of the cited
    doctrines.  `aigc-kb lint` checks every pair against kb/doctrines.yaml,
    and that a rule concluding an output predicate has the same id and
    citations in both engines.  The head's
    predicate is declared discontiguous: rules are grouped by doctrine, not
    by predicate.
*/

:- module(aigc_rules,
          [ rule_clause/6,              % ?Id, ?Doctrines, ?Citations, ?Module, ?Head, ?Body
            rule_flag/2,                % ?Id, ?Flag
            rule_registry/1,            % -Rules
            rule_fired/3,               % ?Id, ?Doctrines, ?Head
            collect_conclusions/1,      % -Conclusions
            registry_problem/1          % -Problem
          ]).
:- reexport(declarations,
            [ output_predicate/2,       % ?Name, ?Arity
              doctrine_id/1             % ?Doctrine
            ]).
:- use_module(library(lists)).
:- use_module(library(pairs)).
:- use_module(library(apply)).
:- use_module(library(error)).

:- multifile
    rule_clause/6,
    rule_flag/2,
    rule_fired/3.
:- dynamic
    rule_clause/6,
    rule_flag/2,
    rule_fired/3.
:- discontiguous
    rule_clause/6,
    rule_flag/2,
    rule_fired/3.

%!  rule_clause(?Id, ?Doctrines, ?Citations, ?Module, ?Head, ?Body) is nondet.
%
%   The registry: rule Id of Module, citing Citations (the list of
%   Doctrine-Section pairs as written, e.g. [d07-'4.3', d13-'5.3']) and so
%   Doctrines (their sorted set of doctrine ids), is the clause
%   Head :- Body.  Head and Body share their variables.

%!  rule_flag(?Id, ?Flag) is nondet.
%
%   Rule Id carries Flag.  The only flag is `ext`: the rule encodes one of
%   the project's extensions (marked [ext] in the doctrine catalogue).

%!  rule_fired(?Id, ?Doctrines, ?Head) is nondet.
%
%   Rule Id, which concludes the output atom Head and cites Doctrines, fires
%   for the case under evaluation.  Generated from every rule whose head is an
%   output predicate.

%   output_predicate/2 (the output predicates of kb/vocabulary.yaml) and
%   doctrine_id/1 (the doctrines of kb/doctrines.yaml) are generated into
%   declarations.pl.

%!  rule_registry(-Rules) is det.
%
%   Rules is the list of every registered rule as
%   rule(Id, Doctrines, Citations, Flags, Module, (Head :- Body)), sorted by Id.

rule_registry(Rules) :-
    findall(Id-rule(Id, Ds, Cites, Flags, M, (H :- B)),
            ( rule_clause(Id, Ds, Cites, M, H, B),
              findall(F, rule_flag(Id, F), Flags)
            ),
            Pairs),
    keysort(Pairs, Sorted),
    pairs_values(Sorted, Rules).

%!  collect_conclusions(-Conclusions) is det.
%
%   Conclusions is the sorted list of conclusion(Atom, Doctrines) for the
%   case under evaluation: each output atom once, with the sorted union of
%   the doctrines of every rule that concludes it and whose body succeeds.

collect_conclusions(Conclusions) :-
    findall(Head-Ds, rule_fired(_, Ds, Head), Pairs),
    keysort(Pairs, Sorted),
    group_pairs_by_key(Sorted, Groups),
    maplist(merge_doctrines, Groups, Conclusions).

merge_doctrines(Head-DoctrineLists, conclusion(Head, Doctrines)) :-
    append(DoctrineLists, All),
    sort(All, Doctrines).

%!  registry_problem(-Problem) is nondet.
%
%   Problem is something wrong with the registry: a rule id used twice, a
%   rule without a citation, a doctrine not in doctrine_id/1, a citation that is
%   not Doctrine-Section with a non-empty atom Section.
%   The lint test asserts that there is none.

registry_problem(duplicate_rule_id(Id)) :-
    findall(Id0, rule_clause(Id0, _, _, _, _, _), Ids),
    msort(Ids, Sorted),
    append(_, [Id, Id|_], Sorted).
registry_problem(no_doctrine(Id)) :-
    rule_clause(Id, [], _, _, _, _).
registry_problem(unknown_doctrine(Id, D)) :-
    rule_clause(Id, Ds, _, _, _, _),
    member(D, Ds),
    \+ doctrine_id(D).
registry_problem(bad_citation(Id, C)) :-
    rule_clause(Id, _, Cites, _, _, _),
    member(C, Cites),
    \+ ( C = D-Sec, atom(D), atom(Sec), Sec \== '' ).


                 /*******************************
                 *        TERM EXPANSION        *
                 *******************************/

:- multifile user:term_expansion/2.
:- dynamic user:term_expansion/2.

rule_term(rule(_, _, _)).
rule_term(rule(_, _, _, _)).

expand_rule(rule(Id, Cites, Clause), Module, Clauses) :-
    expand_rule(rule(Id, Cites, [], Clause), Module, Clauses).
expand_rule(rule(Id, Cites, Flags, Clause), Module, Clauses) :-
    must_be(atom, Id),
    check_citations(Id, Cites, Ds),
    check_flags(Id, Flags),
    clause_parts(Clause, Head, Body),
    must_be(callable, Head),
    (   Body == true
    ->  Local = Head
    ;   Local = (Head :- Body)
    ),
    findall(aigc_rules:rule_flag(Id, F), member(F, Flags), FlagFacts),
    functor(Head, Name, Arity),
    (   predicate_property(Module:Head, discontiguous)
    ->  Declare = []
    ;   Declare = [(:- discontiguous(Module:Name/Arity))]
    ),
    (   output_predicate(Name, Arity)
    ->  Fired = [(aigc_rules:rule_fired(Id, Ds, Head) :- Body)]
    ;   Fired = []
    ),
    append([ Declare,
             [ Local,
               aigc_rules:rule_clause(Id, Ds, Cites, Module, Head, Body)
             ],
             FlagFacts,
             Fired
           ], Clauses).

clause_parts((Head :- Body), Head, Body) :- !.
clause_parts(Head, Head, true).

check_citations(Id, Cites, Ds) :-
    must_be(list, Cites),
    (   Cites == []
    ->  domain_error(rule_citations(Id), Cites)
    ;   true
    ),
    forall(member(C, Cites),
           (   C = D-Sec, doctrine_id(D), atom(Sec), Sec \== ''
           ->  true
           ;   domain_error(citation(Id), C)
           )),
    findall(D, member(D-_, Cites), Ds0),
    sort(Ds0, Ds).

check_flags(Id, Flags) :-
    must_be(list, Flags),
    forall(member(F, Flags),
           (   F == ext
           ->  true
           ;   domain_error(rule_flag(Id), F)
           )).

%   Only rule/3 and rule/4 terms read into a module that imports this one
%   are touched.
user:term_expansion(Term, Clauses) :-
    rule_term(Term),
    prolog_load_context(module, Module),
    Module \== aigc_rules,
    predicate_property(Module:rule_clause(_, _, _, _, _, _),
                       imported_from(aigc_rules)),
    expand_rule(Term, Module, Clauses).
