/*  Part of aigc-kb: static checks and rule firing for the Prolog encoding.

    Run as a program, never loaded into the Python process (pyswip holds one
    knowledge base per process; a linted kb may not even load):

        swipl aigc_kb/prolog/lint.pl lint  INPUT
        swipl aigc_kb/prolog/lint.pl fired INPUT

    INPUT is a file of terms, read with read_term/2 (never consulted):

        entry(File)            the kb's entry file (kb/prolog/aigc.pl)
        prolog_dir(Dir)        the directory whose *.pl files are read
        query_file(File)       a query file (its calls count as uses)
        input(Name, Arity)     an input predicate of kb/vocabulary.yaml
        output(Name, Arity)    an output predicate of kb/vocabulary.yaml
        doctrine(Id)           a doctrine id of kb/doctrines.yaml (d01 ...)
        doctrine_section(Id, S)  a section kb/doctrines.yaml gives doctrine Id
        case(Key, Facts, Options)   (fired only) a case and a reading

    Every result is one JSON object per line on standard output:

        {"record": "finding", "kind": K, "file": F, "line": L, "message": M}
        {"record": "rule", "id": Id, "doctrines": [...], "section": S,
         "citations": [[D, S], ...], "head": "Name/Arity",
         "flags": [...], "module": M, "file": F, "line": L}
        {"record": "fired", "case": Key, "rules": [Id, ...]}
        {"record": "error", "case": Key, "message": M}

    The lint reads every .pl file of kb/prolog with read_term/3 (positions,
    variable names, singletons), loads the kb with a message hook that
    collects every error and warning, and cross-references the loaded
    files with library(prolog_xref).
*/

:- module(aigc_lint, []).
:- use_module(library(prolog_xref)).
:- use_module(library(http/json)).
:- use_module(library(lists)).
:- use_module(library(apply)).
:- use_module(library(pairs)).
:- use_module(library(readutil)).
:- use_module(library(error)).

:- initialization(main, main).

:- dynamic
    setting/1,
    source_text/2,          % File, LineStarts
    read_clause/5,          % File, Module, Head, Body, Line
    module_file/2,          % Module, File
    load_message/5,         % Kind, Term, File, Line, Text
    collecting/0,
    finding_at/3.           % Kind, File, Line (emitted by the read pass)

main :-
    current_prolog_flag(argv, Argv),
    (   Argv = [Mode, Input]
    ->  true
    ;   format(user_error, "usage: swipl lint.pl lint|fired INPUT~n", []),
        halt(2)
    ),
    read_settings(Input),
    set_stream(user_output, encoding(utf8)),
    (   Mode == lint
    ->  lint
    ;   Mode == fired
    ->  fired
    ;   format(user_error, "unknown mode ~w~n", [Mode]),
        halt(2)
    ).

read_settings(File) :-
    setup_call_cleanup(
        open(File, read, Stream, [encoding(utf8)]),
        read_settings_from(Stream),
        close(Stream)).

read_settings_from(Stream) :-
    read_term(Stream, Term, []),
    (   Term == end_of_file
    ->  true
    ;   assertz(setting(Term)),
        read_settings_from(Stream)
    ).


                 /*******************************
                 *            OUTPUT            *
                 *******************************/

emit(Dict) :-
    json_write_dict(current_output, Dict, [width(0)]),
    nl.

%!  finding(+Kind, +File, +Line, +Format, +Args) is det.
%
%   Emits one finding; Format and Args make its message.

finding(Kind, File, Line, Format, Args) :-
    format(string(Message), Format, Args),
    emit(_{record: finding, kind: Kind, file: File, line: Line,
           message: Message}).

%   read_finding(+Kind, +File, +Line, +Format, +Args): a finding of the
%   read pass, remembered at its line and at the line of the term being
%   read (where loading reports the same problem, less precisely).
read_finding(Kind, File, Line, Format, Args) :-
    assertz(finding_at(Kind, File, Line)),
    (   nb_current(aigc_lint_term, File:TermLine)
    ->  assertz(finding_at(Kind, File, TermLine))
    ;   true
    ),
    finding(Kind, File, Line, Format, Args).


                 /*******************************
                 *             LINT             *
                 *******************************/

lint :-
    setting(prolog_dir(Dir)),
    directory_file_path(Dir, '*.pl', Pattern),
    expand_file_name(Pattern, Files0),
    maplist(absolute, Files0, Files),
    forall(member(File, Files), guarded(read_pass(File))),
    guarded(check_duplicate_rule_ids),
    guarded(load_pass),
    guarded(xref_pass(Files)),
    guarded(rule_input_pass).

%   guarded(:Pass): run Pass; an exception stops that pass only, reported
%   as a finding on the entry file.
guarded(Pass) :-
    catch(Pass, Error, true),
    (   var(Error)
    ->  true
    ;   setting(entry(Entry)),
        message_to_codes(Error, Text),
        finding(prolog_lint_failed, Entry, 0, "a pass of the lint stopped: ~s", [Text])
    ).

absolute(File, Abs) :-
    absolute_file_name(File, Abs).


                 /*******************************
                 *          READ PASS           *
                 *******************************/

%   read_pass(+File): every term of File read with positions; syntax
%   errors and singletons reported; clauses and rule/4,5 terms recorded.

read_pass(File) :-
    read_file_to_codes(File, Codes, [encoding(utf8)]),
    line_starts(Codes, Starts),
    assertz(source_text(File, Starts)),
    setup_call_cleanup(
        open(File, read, Stream, [encoding(utf8)]),
        read_terms(Stream, File, user),
        ( close(Stream),
          nb_setval(aigc_lint_term, none)
        )).

line_starts(Codes, [0|Starts]) :-
    line_starts(Codes, 0, Starts).

line_starts([], _, []).
line_starts([C|Cs], I, Starts) :-
    I1 is I + 1,
    (   C == 0'\n
    ->  Starts = [I1|Rest]
    ;   Starts = Rest
    ),
    line_starts(Cs, I1, Rest).

%   char_line(+File, +CharNo, -Line): the 1-based line of character CharNo.
char_line(File, CharNo, Line) :-
    source_text(File, Starts),
    aggregate_all(count, (member(S, Starts), S =< CharNo), Line).

read_terms(Stream, File, Module0) :-
    nb_setval(aigc_lint_term, none),
    catch(read_term(Stream, Term,
                    [ subterm_positions(Pos),
                      term_position(TermPos),
                      singletons(Singletons),
                      syntax_errors(error)
                    ]),
          Error,
          true),
    (   nonvar(Error)
    ->  report_read_error(File, Error),
        read_terms(Stream, File, Module0)
    ;   Term == end_of_file
    ->  true
    ;   stream_position_data(line_count, TermPos, Line),
        nb_setval(aigc_lint_term, File:Line),
        report_singletons(File, Term, Pos, Singletons),
        record_term(Term, Pos, File, Line, Module0, Module),
        read_terms(Stream, File, Module)
    ).

report_read_error(File, error(syntax_error(What), Where)) :-
    !,
    error_line(Where, Line),
    (   atom(What)
    ->  atomic_list_concat(Words, '_', What),
        atomic_list_concat(Words, ' ', Text)
    ;   format(atom(Text), "~q", [What])
    ),
    read_finding(prolog_syntax_error, File, Line, "syntax error: ~w", [Text]).
report_read_error(File, Error) :-
    message_to_codes(Error, Text),
    read_finding(prolog_syntax_error, File, 0, "cannot read: ~s", [Text]).

error_line(file(_, Line, _, _), Line) :- !.
error_line(stream(_, Line, _, _), Line) :- !.
error_line(_, 0).

message_to_codes(Term, Codes) :-
    message_to_codes(Term, [], Codes0),
    !,
    Codes = Codes0.
message_to_codes(Term, Codes) :-
    format(codes(Codes), "~q", [Term]).

message_to_codes(Term, _, Codes) :-
    catch(( translate_message(Term, Lines, []),
            with_output_to(codes(Codes),
                           print_message_lines(current_output, '', Lines))
          ),
          _, fail).

%   A variable that occurs once and whose name does not start with `_`:
%   reported at the line of its occurrence.
report_singletons(File, Term, Pos, Singletons) :-
    forall(( member(Name=Var, Singletons),
             \+ sub_atom(Name, 0, _, _, '_')
           ),
           (   var_position(Term, Pos, Var, From)
           ->  char_line(File, From, Line),
               read_finding(prolog_singleton, File, Line,
                            "singleton variable ~w", [Name])
           ;   true
           )).

%   var_position(+Term, +Pos, +Var, -From): From is the character offset of
%   an occurrence of Var in Term, whose layout is Pos.
var_position(Term, Pos, Var, From) :-
    var(Term),
    !,
    Term == Var,
    nonvar(Pos),
    arg(1, Pos, From).
var_position(Term, parentheses_term_position(_, _, Inner), Var, From) :-
    !,
    var_position(Term, Inner, Var, From).
var_position(Term, term_position(_, _, _, _, ArgsPos), Var, From) :-
    !,
    compound(Term),
    Term =.. [_|Args],
    nth_member_position(Args, ArgsPos, Var, From).
var_position(Term, list_position(_, _, ElemsPos, TailPos), Var, From) :-
    !,
    list_parts(Term, ElemsPos, Elems, Tail),
    (   nth_member_position(Elems, ElemsPos, Var, From)
    ->  true
    ;   TailPos \== none,
        var_position(Tail, TailPos, Var, From)
    ).
var_position({Arg}, brace_term_position(_, _, ArgPos), Var, From) :-
    !,
    var_position(Arg, ArgPos, Var, From).
var_position(Term, dict_position(_, _, _, _, KVPos), Var, From) :-
    !,
    is_dict(Term),
    member(key_value_position(_, _, _, _, Key, _, VPos), KVPos),
    get_dict(Key, Term, Value),
    var_position(Value, VPos, Var, From).

nth_member_position([Arg|Args], [Pos|Poss], Var, From) :-
    (   var_position(Arg, Pos, Var, From)
    ->  true
    ;   nth_member_position(Args, Poss, Var, From)
    ).

list_parts(Term, [], [], Term) :- !.
list_parts([H|T], [_|Ps], [H|Hs], Tail) :-
    list_parts(T, Ps, Hs, Tail).

%   record_term(+Term, +Pos, +File, +Line, +Module0, -Module)
record_term((:- module(M, _)), _, File, _, _, M) :-
    atom(M),
    !,
    assertz(module_file(M, File)).
record_term((:- Body), Pos, File, Line, M, M) :-
    !,
    (   strip_parentheses(Pos, term_position(_, _, _, _, [BodyPos]))
    ->  true
    ;   BodyPos = none
    ),
    assertz(read_clause(File, M, '<directive>', directive(Body, BodyPos), Line)).
record_term(Term, Pos, File, Line, M, M) :-
    rule_term(Term, Pos, Id, Cites, CitesPos, Flags, Clause, ClausePos),
    !,
    check_rule(File, Line, Id, Cites, CitesPos),
    clause_parts(Clause, ClausePos, Head, Body, BodyPos),
    assertz(read_clause(File, M, Head, rule(Id, Body, BodyPos), Line)),
    (   is_list(Cites), atom(Id)
    ->  findall([D, S], ( member(D-S, Cites), atom(D), atom(S) ), Pairs),
        findall(D, member([D, _], Pairs), Ds0),
        sort(Ds0, DsAtoms),
        findall(S, member([_, S], Pairs), Ss0),
        list_to_set(Ss0, Ss),
        atomic_list_concat(Ss, ', ', Sec),
        (   is_list(Flags) -> include(atom, Flags, FlagAtoms) ; FlagAtoms = [] ),
        (   callable(Head) -> functor(Head, HN, HA), format(atom(HeadKey), "~w/~w", [HN, HA]) ; HeadKey = '' ),
        emit(_{record: rule, id: Id, doctrines: DsAtoms, section: Sec, citations: Pairs,
               head: HeadKey, flags: FlagAtoms, module: M, file: File, line: Line})
    ;   true
    ).
record_term((H --> B), _, File, Line, M, M) :-
    !,
    catch(dcg_translate_rule((H --> B), Clause), _, fail),
    clause_parts(Clause, none, Head, Body, _),
    assertz(read_clause(File, M, Head, Body, Line)).
record_term(Term, _, File, Line, M, M) :-
    clause_parts(Term, none, Head, Body, _),
    assertz(read_clause(File, M, Head, Body, Line)).

rule_term(rule(Id, Cites, Clause), Pos, Id, Cites, CitesPos, [], Clause, CPos) :-
    (   Pos = term_position(_, _, _, _, [_, CitesPos, CPos])
    ->  true
    ;   CitesPos = none, CPos = none
    ).
rule_term(rule(Id, Cites, Flags, Clause), Pos, Id, Cites, CitesPos, Flags, Clause, CPos) :-
    (   Pos = term_position(_, _, _, _, [_, CitesPos, _, CPos])
    ->  true
    ;   CitesPos = none, CPos = none
    ).

clause_parts(Clause, Pos, Head, Body, BodyPos) :-
    nonvar(Clause),
    Clause = (Head :- Body),
    !,
    (   strip_parentheses(Pos, term_position(_, _, _, _, [_, BodyPos0]))
    ->  BodyPos = BodyPos0
    ;   BodyPos = none
    ).
clause_parts(Head, _, Head, true, none).

strip_parentheses(Pos, Pos) :-
    var(Pos), !, fail.
strip_parentheses(parentheses_term_position(_, _, Inner), Pos) :- !,
    strip_parentheses(Inner, Pos).
strip_parentheses(Pos, Pos).

%   check_rule(+File, +Line, +Id, +Citations, +CitesPos)
%
%   Every citation is Doctrine-Section: a doctrine of kb/doctrines.yaml and
%   one of the sections the table gives it, or a subsection of one ('5.3'
%   under '5').
check_rule(File, Line, Id, _, _) :-
    \+ atom(Id),
    !,
    read_finding(prolog_rule_no_id, File, Line,
                 "rule without an atom as its id: ~q", [Id]).
check_rule(File, Line, Id, Cites, CitesPos) :-
    (   \+ is_list(Cites)
    ->  read_finding(prolog_rule_no_doctrine, File, Line,
                     "rule ~w: citations ~q is not a list of Doctrine-'Section' pairs",
                     [Id, Cites])
    ;   Cites == []
    ->  read_finding(prolog_rule_no_doctrine, File, Line,
                     "rule ~w cites no doctrine", [Id])
    ;   forall(nth1(I, Cites, C),
               (   element_line(File, CitesPos, I, Line, CLine),
                   check_citation(File, CLine, Id, C)
               ))
    ).

check_citation(File, Line, Id, C) :-
    (   C = D-S
    ->  (   \+ ( atom(D), setting(doctrine(D)) )
        ->  read_finding(prolog_rule_unknown_doctrine, File, Line,
                         "rule ~w cites ~q, not a doctrine of kb/doctrines.yaml",
                         [Id, D])
        ;   \+ ( atom(S), S \== '' )
        ->  read_finding(prolog_rule_no_section, File, Line,
                         "rule ~w: section ~q of ~w is not a non-empty atom", [Id, S, D])
        ;   section_of(D, S)
        ->  true
        ;   findall(T, setting(doctrine_section(D, T)), Ts),
            atomic_list_concat(Ts, ', ', Listed),
            upcase_atom(D, Up),
            read_finding(prolog_rule_wrong_section, File, Line,
                         "rule ~w cites ~w for \u00a7~w; kb/doctrines.yaml gives ~w \u00a7~w",
                         [Id, Up, S, Up, Listed])
        )
    ;   read_finding(prolog_rule_no_section, File, Line,
                     "rule ~w: citation ~q is not Doctrine-'Section'", [Id, C])
    ).

%   section_of(+Doctrine, +Section): Section is one of Doctrine's sections
%   in kb/doctrines.yaml, or a subsection of one.
section_of(D, S) :-
    setting(doctrine_section(D, T)),
    (   S == T
    ->  true
    ;   atom_concat(T, '.', Prefix),
        atom_concat(Prefix, _, S)
    ),
    !.

element_line(File, list_position(_, _, ElemsPos, _), I, _, Line) :-
    nth1(I, ElemsPos, Pos),
    arg(1, Pos, From),
    !,
    char_line(File, From, Line).
element_line(_, _, _, Line, Line).

check_duplicate_rule_ids :-
    findall(Id-(File:Line),
            read_clause(File, _, _, rule(Id, _, _), Line),
            Pairs),
    keysort(Pairs, Sorted),
    group_pairs_by_key(Sorted, Groups),
    forall(( member(Id-[First|Others], Groups),
             member(File:Line, Others)
           ),
           (   First = File0:Line0,
               read_finding(prolog_duplicate_rule_id, File, Line,
                            "rule id ~w is also used at ~w:~w", [Id, File0, Line0])
           )).


                 /*******************************
                 *          LOAD PASS           *
                 *******************************/

:- multifile user:message_hook/3.
:- dynamic user:message_hook/3.

user:message_hook(Term, Kind, Lines) :-
    collecting,
    memberchk(Kind, [error, warning]),
    message_location(Term, File, Line),
    catch(with_output_to(string(Text),
                         print_message_lines(current_output, '', Lines)),
          _, Text = ""),
    assertz(load_message(Kind, Term, File, Line, Text)).

message_location(error(_, file(File, Line, _, _)), File, Line) :-
    atom(File), integer(Line), !.
message_location(pldoc(invalid_comment(File:Line, _)), File, Line) :-
    atom(File), integer(Line), !.
message_location(error(_, stream(_, Line, _, _)), File, Line) :-
    integer(Line),
    source_location(File, _), !.
message_location(_, File, Line) :-
    source_location(File, Line), !.
message_location(_, '', 0).

%   load_pass: load the kb as code, every error and warning collected and
%   reported unless the read pass reported the same place already.

load_pass :-
    setting(entry(Entry0)),
    absolute(Entry0, Entry),
    setup_call_cleanup(
        assertz(collecting),
        catch(load_files(user:Entry, [if(not_loaded)]), Error,
              print_message(error, Error)),
        retractall(collecting)),
    forall(load_message(Kind, Term, File, Line, Text),
           report_load_message(Kind, Term, File, Line, Text)).

report_load_message(_, aigc_registry_problem(_), _, _, _) :-
    !.                          % the read pass checks the same, with lines
report_load_message(Kind, Term, File, Line, Text) :-
    load_kind(Kind, Term, LintKind),
    (   finding_at(_, File, Line)
    ->  true                    % already reported, more precisely
    ;   assertz(finding_at(LintKind, File, Line)),
        split_string(Text, "\n", " \t", Parts0),
        exclude(==(""), Parts0, Parts),
        atomic_list_concat(Parts, ' ', One),
        finding(LintKind, File, Line, "~w", [One])
    ).

load_kind(_, error(syntax_error(_), _), prolog_syntax_error) :- !.
load_kind(_, singletons(_, _), prolog_singleton) :- !.
load_kind(_, multitons(_, _), prolog_singleton) :- !.
load_kind(_, pldoc(_), prolog_doc_warning) :- !.
load_kind(error, _, prolog_load_error) :- !.
load_kind(warning, _, prolog_load_warning).


                 /*******************************
                 *          XREF PASS           *
                 *******************************/

%   xref_pass(+Files): every loaded file of the kb and every query file is
%   cross-referenced.  A call is what library(prolog_xref) reports, or a
%   goal of a clause as read (looking through every meta-argument, also of
%   module-qualified calls, which the cross-referencer leaves alone).
%   Calls to undefined predicates and local predicates that nothing uses
%   are reported.

xref_pass(Files) :-
    include(source_file, Files, Loaded),
    findall(Q, ( setting(query_file(Q0)), absolute(Q0, Q), exists_file(Q) ), Queries),
    forall(member(Q, Queries), catch(read_pass(Q), _, true)),
    append(Loaded, Queries, Sources),
    forall(member(S, Sources),
           catch(xref_source(S, [silent(true)]), _, true)),
    findall(used(IM, PI), used_predicate(Sources, IM, PI), Used0),
    sort(Used0, Used),
    forall(member(F, Loaded), report_undefined(F)),
    forall(member(F, Loaded), report_unused(F, Used)).

file_module(File, Module) :-
    (   module_file(Module0, File)
    ->  Module = Module0
    ;   module_property(Module0, file(File))
    ->  Module = Module0
    ;   Module = user
    ).

%   source_call(?File, ?Line, -Caller, -Module, -Goal, -GoalLine): the
%   clause read at Line of File, of predicate Caller, calls Goal in Module
%   at GoalLine.
source_call(File, Line, Caller, GM, Goal, GoalLine) :-
    read_clause(File, M, Head, Body0, Line),
    body_and_pos(Body0, Body, BodyPos),
    (   Head == '<directive>'
    ->  Caller = '<directive>'
    ;   callable(Head)
    ->  functor(Head, HN, HA),
        Caller = HN/HA
    ),
    body_goal(M, Body, BodyPos, GM, Goal, GoalPos),
    callable(Goal),
    \+ control(Goal),
    pos_line(File, GoalPos, Line, GoalLine).

body_and_pos(rule(_, Body, Pos), Body, Pos) :- !.
body_and_pos(directive(Body, Pos), Body, Pos) :- !.
body_and_pos(Body, Body, none).

control((_, _)).
control((_ ; _)).
control((_ -> _)).
control((_ *-> _)).
control(\+ _).

%   resolved(+Module, +Goal, -DefModule): the module whose definition of
%   Goal a call in Module reaches.
resolved(M, Goal, IM) :-
    (   catch(predicate_property(M:Goal, implementation_module(IM0)), _, fail)
    ->  IM = IM0
    ;   IM = M
    ).

%   used_predicate(+Sources, -Module, -Name/Arity): a call from a clause of
%   another predicate (or a directive) in Sources reaches Module:Name/Arity.
used_predicate(Sources, IM, Name/Arity) :-
    member(Source, Sources),
    file_module(Source, M),
    xref_called(Source, Called, By),
    callable(Called),
    strip_module(M:Called, CM, Goal),
    atom(CM),
    callable(Goal),
    functor(Goal, Name, Arity),
    resolved(CM, Goal, IM),
    \+ ( IM == M, callable(By), functor(By, Name, Arity) ).
used_predicate(Sources, IM, Name/Arity) :-
    member(Source, Sources),
    file_module(Source, M),
    source_call(Source, _, Caller, GM, Goal, _),
    atom(GM),
    functor(Goal, Name, Arity),
    resolved(GM, Goal, IM),
    \+ ( IM == M, Caller == Name/Arity ).

%   report_undefined(+File): a call that the cross-referencer reports and
%   a clause as read makes (the same predicate, at the clause's line), or
%   that only a clause as read makes, of a predicate nothing defines.
report_undefined(File) :-
    file_module(File, M),
    findall(GoalLine-PI,
            ( source_call(File, Line, _, GM, Goal, GoalLine),
              atom(GM),
              undefined_call(File, M, GM, Goal, PI),
              confirmed(File, Line, GM, Goal)
            ),
            Pairs0),
    sort(Pairs0, Pairs),
    forall(member(Line-PI, Pairs),
           finding(prolog_undefined, File, Line,
                   "~q is called but never defined", [PI])).

%   confirmed(+File, +Line, +Module, +Goal): the cross-referencer reports
%   the call too, or the call is a meta-argument of a module-qualified
%   call (which it does not look into).
confirmed(File, Line, _, Goal) :-
    functor(Goal, Name, Arity),
    functor(Gen, Name, Arity),
    (   xref_called(File, Gen, _, _, Line)
    ;   xref_called(File, _:Gen, _, _, Line)
    ),
    !.
confirmed(File, Line, _, _) :-
    \+ xref_called(File, _, _, _, Line).
confirmed(File, Line, _, _) :-
    xref_called(File, Q:_, _, _, Line),
    atom(Q),
    !.

undefined_call(File, M, GM, Goal, PI) :-
    functor(Goal, Name, Arity),
    \+ known_predicate(File, GM, Goal),
    (   GM == M
    ->  PI = Name/Arity
    ;   PI = GM:Name/Arity
    ).

known_predicate(_, M, Goal) :-
    catch(predicate_property(M:Goal, defined), _, fail), !.
known_predicate(_, M, Goal) :-
    catch(predicate_property(M:Goal, dynamic), _, fail), !.
known_predicate(File, M, Goal) :-
    file_module(File, M),
    xref_defined(File, Goal, _), !.
known_predicate(_, M, Goal) :-
    functor(Goal, Name, Arity),
    '$find_library'(M, Name, Arity, _, _), !.
known_predicate(_, _, Goal) :-
    predicate_property(system:Goal, defined), !.

report_unused(File, Used) :-
    file_module(File, M),
    findall(Line-(Name/Arity),
            ( xref_defined(File, Goal, local(Line)),
              Goal \= _:_,
              functor(Goal, Name, Arity),
              \+ memberchk(used(M, Name/Arity), Used),
              \+ counts_as_used(File, M, Goal)
            ),
            Pairs0),
    sort(Pairs0, Pairs),
    forall(member(Line-PI, Pairs),
           finding(prolog_unused, File, Line,
                   "~q is defined but never used", [PI])).

%   A predicate counts as used when its module exports it (the module's
%   API), it is an input or output predicate of the vocabulary, a hook
%   (multifile or public), or it is passed by name to a higher-order
%   predicate.
counts_as_used(_, _, Goal) :-
    functor(Goal, Name, Arity),
    (   setting(output(Name, Arity))
    ;   setting(input(Name, Arity))
    ),
    !.
counts_as_used(File, _, Goal) :-
    xref_exported(File, Goal),
    !.
counts_as_used(File, _, Goal) :-
    (   xref_defined(File, Goal, multifile(_))
    ;   xref_defined(File, Goal, public(_))
    ),
    !.
counts_as_used(_, M, Goal) :-
    functor(Goal, Name, _),
    closure_reference(M, Name),
    !.

%   closure_reference(+Module, +Name): Name is passed as an argument to a
%   goal of Module whose predicate calls that argument (a declared meta
%   argument, or a local predicate that calls a variable with call/N).
closure_reference(M, Name) :-
    read_clause(_, M, _, Body0, _),
    body_and_pos(Body0, Body, _),
    body_goal(M, Body, none, _, Goal, _),
    compound(Goal),
    arg(I, Goal, Arg),
    Arg == Name,
    higher_order_arg(M, Goal, I),
    !.


higher_order_arg(M, Goal, I) :-
    catch(predicate_property(M:Goal, meta_predicate(Spec)), _, fail),
    arg(I, Spec, S),
    ( integer(S) ; S == (^) ; S == (//) ),
    !.
higher_order_arg(M, Goal, I) :-
    functor(Goal, Name, Arity),
    functor(Head, Name, Arity),
    read_clause(_, M, Head, Body0, _),
    body_and_pos(Body0, Body, _),
    arg(I, Head, Var),
    var(Var),
    body_goal(M, Body, none, _, Called, _),
    compound(Called),
    functor(Called, call, N),
    N >= 2,
    arg(1, Called, Closure),
    Closure == Var,
    !.


                 /*******************************
                 *         BODY GOALS           *
                 *******************************/

%!  body_goal(+Module, +Body, +Pos, -GoalModule, -Goal, -GoalPos) is nondet.
%
%   Goal, called in GoalModule, with layout GoalPos (or `none`), is a goal
%   that Body (read in Module, with layout Pos) calls, looking through
%   control constructs, module qualification and every meta-argument of a
%   predicate with a meta_predicate declaration.

body_goal(_, Body, _, _, _, _) :-
    var(Body), !, fail.
body_goal(_, Q:G, Pos0, GM, Goal, Pos) :-
    !,
    atom(Q),                    % a module known only at run time: no goal
    inner_pos(Pos0, Pos1),
    sub_pos(Pos1, 2, GPos),
    body_goal(Q, G, GPos, GM, Goal, Pos).
body_goal(M, Body, Pos0, GM, Goal, Pos) :-
    inner_pos(Pos0, Pos1),
    (   GM = M,
        Goal = Body,
        Pos = Pos1
    ;   meta_arg(M, Body, Pos1, Arg, ArgPos),
        body_goal(M, Arg, ArgPos, GM, Goal, Pos)
    ).

%   meta_arg(+M, +Goal, +Pos, -Arg, -ArgPos): Arg is a meta-argument of Goal
%   as a callable goal (closures extended with fresh arguments).
meta_arg(M, Goal, Pos, Arg, ArgPos) :-
    compound(Goal),
    catch(predicate_property(M:Goal, meta_predicate(Spec)), _, fail),
    arg(I, Spec, S),
    arg(I, Goal, A0),
    callable(A0),
    sub_pos(Pos, I, APos),
    (   S == 0
    ->  Arg = A0
    ;   integer(S)
    ->  extend(A0, S, Arg)
    ;   S == (^)
    ->  strip_carets(A0, Arg)
    ;   S == (//)
    ->  extend(A0, 2, Arg)
    ),
    ArgPos = APos.

extend(Goal, N, Extended) :-
    Goal =.. List0,
    length(Extra, N),
    append(List0, Extra, List),
    Extended =.. List.

strip_carets(Goal, Goal) :- var(Goal), !.
strip_carets(_^G0, G) :- !, strip_carets(G0, G).
strip_carets(G, G).

inner_pos(Pos, Pos) :- var(Pos), !.
inner_pos(parentheses_term_position(_, _, Inner), Pos) :- !,
    inner_pos(Inner, Pos).
inner_pos(Pos, Pos).

sub_pos(term_position(_, _, _, _, ArgsPos), I, Pos) :-
    nth1(I, ArgsPos, Pos0), !,
    Pos = Pos0.
sub_pos(_, _, none).

pos_line(File, Pos, _, Line) :-
    nonvar(Pos),
    Pos \== none,
    arg(1, Pos, From),
    integer(From),
    !,
    char_line(File, From, Line).
pos_line(_, _, Line, Line).


                 /*******************************
                 *     WHAT THE RULES READ      *
                 *******************************/

%   rule_input_pass: a goal of a rule body that reads a dynamic predicate
%   that is neither an input of kb/vocabulary.yaml nor the reading
%   (regime/1, position/2) reads an undeclared input.

rule_input_pass :-
    forall(read_clause(File, M, _, rule(Id, Body, BodyPos), Line),
           forall(undeclared_read(M, Body, BodyPos, PI, GoalPos),
                  (   pos_line(File, GoalPos, Line, GLine),
                      finding(prolog_undeclared_input, File, GLine,
                              "rule ~w reads ~q, which is not an input predicate of kb/vocabulary.yaml",
                              [Id, PI])
                  ))).

undeclared_read(M, Body, BodyPos, Name/Arity, GoalPos) :-
    findall(PI-P,
            ( body_goal(M, Body, BodyPos, GM, G, P),
              callable(G),
              atom(GM),
              catch(predicate_property(GM:G, dynamic), _, fail),
              functor(G, N, A),
              PI = N/A,
              \+ setting(input(N, A)),
              \+ reading_predicate(N, A)
            ),
            Pairs),
    sort(1, @<, Pairs, Unique),
    member((Name/Arity)-GoalPos, Unique).

reading_predicate(regime, 1).
reading_predicate(position, 2).


                 /*******************************
                 *         RULE FIRING          *
                 *******************************/

%   fired: every registered rule (from the loaded registry, with the file
%   and line of its rule/4,5 term), then, for every case(Key, Facts,
%   Options) of the input, the ids of the registered rules whose body has a
%   solution with the case loaded.

fired :-
    setting(entry(Entry)),
    catch(load_files(user:Entry, [if(not_loaded), silent(true)]), Error,
          ( message_to_codes(Error, Text),
            format(user_error, "~s~n", [Text]),
            halt(1)
          )),
    forall(registered_rule(Id, Doctrines, Cites, Module, File, Line),
           (   findall([D, S], member(D-S, Cites), Pairs),
               emit(_{record: rule, id: Id, doctrines: Doctrines, citations: Pairs,
                      flags: [], module: Module, file: File, line: Line})
           )),
    forall(setting(case(Key, Facts, Options)),
           fired_case(Key, Facts, Options)).

registered_rule(Id, Doctrines, Cites, Module, File, Line) :-
    clause(aigc_rules:rule_clause(Id, Doctrines, Cites, Module, _, _), true, Ref),
    (   clause_property(Ref, file(File0)),
        clause_property(Ref, line_count(Line0))
    ->  File = File0, Line = Line0
    ;   File = '', Line = 0
    ).

fired_case(Key, Facts, Options) :-
    catch(( aigc:with_case(Facts, Options, aigc_lint:findall(Id, fires(Id), Ids0)),
            sort(Ids0, Ids),
            emit(_{record: fired, case: Key, rules: Ids})
          ),
          Error,
          (   message_to_codes(Error, Text),
              string_codes(Message, Text),
              emit(_{record: error, case: Key, message: Message})
          )).

fires(Id) :-
    aigc_rules:rule_clause(Id, _, _, Module, _, Body),
    once(Module:Body).
