/*  Part of aigc-kb: who is liable when AI-generated content infringes copyright.

    The entry of the Prolog encoding.  Loading this file loads the whole
    knowledge base:

        swipl kb/prolog/aigc.pl

    A case is a list of ground input facts (kb/vocabulary.yaml, `inputs:`),
    each possibly wrapped as unknown(Fact).  A reading is a list of options
    regime(R) and position(ChoicePoint, Position); what is missing takes the
    default of the vocabulary.  The facts and the reading are loaded for one
    evaluation and removed afterwards, so that evaluating case A and then
    case B gives exactly B's answer.

    Every conclusion is conclusion(Atom, Doctrines): Atom an output atom
    (kb/vocabulary.yaml, `outputs:`), Doctrines the sorted union of the
    doctrines of every rule that concludes Atom and whose body succeeds -
    except for a summary atom (summary_of/2: liable/4, concluded from
    liable_for/6), whose doctrines are the union of those of the
    per-infringement atoms it summarises.
*/

:- module(aigc,
          [ evaluate_case/3,            % +Facts, +Options, -Conclusions
            evaluate_file/2,            % +File, +Options
            query_answers/4,            % +QueryModule, +Facts, +Options, -Rows
            with_case/3,                % +Facts, +Options, :Goal
            read_case_file/2,           % +File, -Facts
            rule_registry/1,            % -Rules
            rule_clause/6,              % ?Id, ?Doctrines, ?Section, ?Module, ?Head, ?Body
            rule_flag/2,                % ?Id, ?Flag
            input_predicate/2,          % ?Name, ?Arity
            output_predicate/2,         % ?Name, ?Arity
            rule_read_problem/1,        % -Problem
            summary_of/2,               % ?Summary, ?PerInfringement
            conclusion_doctrines/2,     % +Atom, -Doctrines
            % the output predicates (kb/vocabulary.yaml, `outputs:`)
            infringement/5,
            liable/4,
            liable_for/6,
            not_liable/3,
            defense/3,
            provider_ground/2,
            copyright/4,
            tangible_owner/2,
            limitation/3,
            remedy/2,
            remedy_factor/2,
            insurance/2,
            recourse/3,
            joint_and_several/4,
            assessor/3,
            provenance_conflict/3,
            protection_undefined/1,
            % issue 13, fix 3: defences and not_liable reasons per output
            defense_for/4,
            not_liable_for/4
          ]).
:- use_module(library(error)).
:- use_module(library(lists)).
:- use_module(library(apply)).
:- use_module(library(assoc)).
:- use_module(library(pairs)).

:- use_module(rules).
:- use_module(facts).
:- use_module(params).
:- use_module(infringement).
:- use_module(duty_of_care).
:- use_module(liability).
:- use_module(not_liable).
:- use_module(ownership).
:- use_module(limitation).
:- use_module(risk).
:- use_module(joint).

:- meta_predicate
    with_case(+, +, 0).


                 /*******************************
                 *          EVALUATION          *
                 *******************************/

%!  with_case(+Facts:list, +Options:list, :Goal) is semidet.
%
%   Runs once(Goal) with the case Facts and the reading Options loaded,
%   and removes both afterwards, whatever happens.  Evaluations are
%   serialised by a mutex; a nested evaluation is an error.
%
%   @error see check_case/3 (facts) and resolve_reading/2 (options).
%   @error permission_error(load, aigc_case, active) when nested.

with_case(Facts, Options, Goal) :-
    resolve_reading(Options, Reading),
    check_case(Facts, Proven, _Open),
    with_mutex(aigc_case,
               setup_call_cleanup(
                   open_case(Proven, Reading),
                   once(Goal),
                   close_case(Proven))).

open_case(Proven, Reading) :-
    load_case(Proven),
    set_reading(Reading).

close_case(Proven) :-
    unload_case(Proven),
    clear_reading,
    abolish_all_tables.

%!  evaluate_case(+Facts:list, +Options:list, -Conclusions:list) is det.
%
%   Conclusions is the sorted list of conclusion(Atom, Doctrines) that the
%   case Facts yields under the reading Options.  Facts given as
%   unknown(Fact) are not proven.
%
%   @error domain_error(regime, R), domain_error(choice_point, P),
%          domain_error(position(P), X) for an unknown regime, choice
%          point or position (also `open`); domain_error(input_fact, F)
%          for a fact outside the vocabulary.

evaluate_case(Facts, Options, Conclusions) :-
    with_case(Facts, Options, collect_conclusions(Conclusions0)),
    summary_doctrines(Conclusions0, Summaries),
    maplist(summary_conclusion(Summaries), Conclusions0, Conclusions).


                 /*******************************
                 *      SUMMARY DOCTRINES       *
                 *******************************/

%!  summary_of(?Summary, ?PerInfringement) is nondet.
%
%   Summary, an atom of a summary output predicate, is concluded from the
%   per-infringement atoms unifying PerInfringement: liable(S, K, R, St)
%   from every liable_for(S, K, R, Work, Output, St).  A summary atom cites
%   the doctrines of those atoms, not its summary rule's own (the same in
%   ASP: kb/asp/explain.lp).

summary_of(liable(S, K, R, St), liable_for(S, K, R, _, _, St)).

%   summary_doctrines(+Conclusions, -Summaries): Summaries is an assoc
%   from each summary atom to the sorted union of the doctrines of the
%   conclusions it summarises (one pass, so linear in the conclusions).
summary_doctrines(All, Summaries) :-
    findall(Atom-Ds,
            ( member(conclusion(Part, Ds), All),
              summary_of(Atom, Part)
            ),
            Pairs),
    keysort(Pairs, Sorted),
    group_pairs_by_key(Sorted, Groups),
    maplist(union_doctrines, Groups, Unions),
    list_to_assoc(Unions, Summaries).

union_doctrines(Atom-Lists, Atom-Doctrines) :-
    append(Lists, All),
    sort(All, Doctrines).

%   summary_conclusion(+Summaries, +Conclusion0, -Conclusion)
summary_conclusion(Summaries, conclusion(Atom, Doctrines0), conclusion(Atom, Doctrines)) :-
    (   get_assoc(Atom, Summaries, Doctrines)
    ->  true
    ;   summary_of(Atom, _)
    ->  Doctrines = []
    ;   Doctrines = Doctrines0
    ).

%!  conclusion_doctrines(+Atom, -Doctrines:list) is det.
%
%   Doctrines is the sorted list of the doctrines of the output atom Atom
%   for the case loaded now (inside with_case/3), as evaluate_case/3 gives
%   them: the union over the rules that conclude Atom, or for a summary atom
%   over the rules that conclude the atoms it summarises.

conclusion_doctrines(Atom, Doctrines) :-
    (   summary_of(Atom, Part)
    ->  Goal = Part
    ;   Goal = Atom
    ),
    findall(D, ( rule_fired(_, Ds, Goal), member(D, Ds) ), Ds0),
    sort(Ds0, Doctrines).


                 /*******************************
                 *          CASE FILES          *
                 *******************************/

%!  read_case_file(+File, -Facts:list) is det.
%
%   Facts is the list of the clauses of File, read as data with
%   read_term/2 (never consulted): input facts and unknown(Fact) terms.
%
%   @error domain_error(input_fact, Term) for any other term.

read_case_file(File, Facts) :-
    setup_call_cleanup(
        open(File, read, Stream),
        read_terms(Stream, Facts),
        close(Stream)),
    check_case(Facts, _, _).

read_terms(Stream, Terms) :-
    read_term(Stream, Term, []),
    (   Term == end_of_file
    ->  Terms = []
    ;   Terms = [Term|Rest],
        read_terms(Stream, Rest)
    ).

%!  evaluate_file(+File, +Options:list) is det.
%
%   Reads the case File (see read_case_file/2), evaluates it under Options
%   and prints the reading, the open facts and the conclusions, one per
%   line with their doctrines.  For example:
%
%       swipl -g "evaluate_file('case.pl', [regime(fault)])" -t halt kb/prolog/aigc.pl

evaluate_file(File, Options) :-
    read_case_file(File, Facts),
    check_case(Facts, _, Open),
    resolve_reading(Options, reading(Regime, Positions)),
    evaluate_case(Facts, Options, Conclusions),
    format("% case: ~w~n", [File]),
    format("% regime: ~w~n", [Regime]),
    forall(member(Point-Position, Positions),
           format("% position: ~w = ~w~n", [Point, Position])),
    (   Open == []
    ->  format("% open facts: none~n")
    ;   forall(member(Fact, Open),
               format("% open (not proven): ~q~n", [Fact]))
    ),
    map_list_to_pairs(vocabulary_rank, Conclusions, Ranked),
    keysort(Ranked, Sorted),
    forall(member(_-conclusion(Atom, Doctrines), Sorted),
           print_conclusion(Atom, Doctrines)).

%   Conclusions print in the order of the output predicates of the
%   vocabulary, then in standard order.
vocabulary_rank(conclusion(Atom, _), Rank) :-
    functor(Atom, Name, Arity),
    findall(N/A, output_predicate(N, A), Outputs),
    nth0(Rank, Outputs, Name/Arity),
    !.

%   Doctrines print as the catalogue writes them: [D07, D13].
print_conclusion(Atom, Doctrines) :-
    maplist(upcase_atom, Doctrines, Ids),
    atomic_list_concat(Ids, ', ', Cited),
    format("~W~t~64|  [~w]~n",
           [Atom, [quoted(true), spacing(next_argument)], Cited]).


                 /*******************************
                 *            QUERIES           *
                 *******************************/

%!  query_answers(+QueryModule, +Facts:list, +Options:list, -Rows:list) is det.
%
%   Rows is the sorted list, without duplicates, of the argument lists of
%   every solution of QueryModule:answer/N (the arity the module defines)
%   with the case Facts and the reading Options loaded.  QueryModule is a
%   loaded module, or the name or path of a query file (looked up in the
%   queries/ directory of the project), loaded as code.
%
%   @error existence_error(query_module, QueryModule) if there is none.

query_answers(Spec, Facts, Options, Rows) :-
    query_module(Spec, Module),
    (   query_arity(Module, Arity)
    ->  true
    ;   existence_error(procedure, Module:answer/'_')
    ),
    length(Args, Arity),
    Goal =.. [answer|Args],
    with_case(Facts, Options, findall(Args, Module:Goal, Rows0)),
    sort(Rows0, Rows).

query_module(Spec, Module) :-
    atom(Spec),
    current_module(Spec),
    query_arity(Spec, _),
    !,
    Module = Spec.
query_module(Spec, Module) :-
    queries_directory(Dir),
    absolute_file_name(Spec, File,
                       [ file_type(prolog),
                         access(read),
                         relative_to(Dir),
                         file_errors(fail)
                       ]),
    !,
    load_files(File, [if(not_loaded), imports([])]),
    (   module_property(Module, file(File))
    ->  true
    ;   existence_error(query_module, Spec)
    ).
query_module(Spec, _) :-
    existence_error(query_module, Spec).

query_arity(Module, Arity) :-
    current_predicate(Module:answer/Arity),
    functor(Head, answer, Arity),
    \+ predicate_property(Module:Head, imported_from(_)),
    !.

queries_directory(Dir) :-
    module_property(aigc, file(File)),
    file_directory_name(File, PrologDir),
    file_directory_name(PrologDir, KbDir),
    file_directory_name(KbDir, Root),
    directory_file_path(Root, queries, Dir).


                 /*******************************
                 *          LOAD CHECK          *
                 *******************************/

:- multifile prolog:message//1.

prolog:message(aigc_registry_problem(Problem)) -->
    [ 'aigc rule registry: ~q'-[Problem] ].

check_registry :-
    forall(registry_problem(Problem),
           print_message(warning, aigc_registry_problem(Problem))).

:- initialization(check_registry).


                 /*******************************
                 *   WHAT THE RULES READ        *
                 *******************************/

%!  rule_read_problem(-Problem) is nondet.
%
%   Problem is a goal in the body of a registered rule that reads
%   something other than a rule-defined predicate, a declared input
%   predicate (kb/vocabulary.yaml) or the reading (regime/1, position/2):
%   undefined(Id, Name/Arity) for a predicate nothing defines, and
%   undeclared_input(Id, Name/Arity) for a dynamic predicate that is not a
%   declared input.

rule_read_problem(Problem) :-
    rule_clause(Id, _, _, Module, _, Body),
    body_goal(Body, Goal),
    functor(Goal, Name, Arity),
    (   \+ predicate_property(Module:Goal, defined)
    ->  Problem = undefined(Id, Name/Arity)
    ;   predicate_property(Module:Goal, dynamic),
        \+ input_predicate(Name, Arity),
        \+ memberchk(Name/Arity, [regime/1, position/2])
    ->  Problem = undeclared_input(Id, Name/Arity)
    ).

%   body_goal(+Body, -Goal): Goal is a goal called by Body, looking
%   through control constructs and the all-solutions predicates.
body_goal(Var, _) :-
    var(Var), !, fail.
body_goal(_:Body, Goal) :- !,
    body_goal(Body, Goal).
body_goal((A, B), Goal) :- !,
    ( body_goal(A, Goal) ; body_goal(B, Goal) ).
body_goal((A ; B), Goal) :- !,
    ( body_goal(A, Goal) ; body_goal(B, Goal) ).
body_goal((A -> B), Goal) :- !,
    ( body_goal(A, Goal) ; body_goal(B, Goal) ).
body_goal(\+ A, Goal) :- !,
    body_goal(A, Goal).
body_goal(forall(A, B), Goal) :- !,
    ( body_goal(A, Goal) ; body_goal(B, Goal) ).
body_goal(findall(_, A, _), Goal) :- !,
    body_goal(A, Goal).
body_goal(aggregate_all(_, A, _), Goal) :- !,
    body_goal(A, Goal).
body_goal(Goal, Goal).


                 /*******************************
                 *          TEMPLATES           *
                 *******************************/

%   The templates of the predicates and the burdens of proof (templates.pl),
%   read by the explainer of the package (aigc_kb/prolog/explain.pl).

:- use_module(templates).
