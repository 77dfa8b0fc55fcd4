/*  Loading the knowledge base from Python with every message collected,
    and running goals under limits.

    pyswip prints consult errors and goes on; load_kb/2 loads a file while a
    message hook records each error and warning with its file and line, so
    that the caller can refuse a kb that does not load cleanly.  guarded/3
    runs a goal under a time limit and turns every way it can end into a
    status term, so that no Prolog exception or halt reaches Python raw.
*/
:- module(aigc_load, [load_kb/2, load_query/3, guarded/3, refuse_halt/0, preflight/1]).
:- use_module(library(time)).

:- dynamic collecting/0.
:- dynamic collected/4.
:- dynamic halt_refused/0.

:- multifile user:message_hook/3.
:- dynamic user:message_hook/3.

user:message_hook(Term, Kind, Lines) :-
    collecting,
    memberchk(Kind, [error, warning]),
    message_location(Term, File, Line),
    with_output_to(string(Text), print_message_lines(current_output, '', Lines)),
    assertz(collected(Kind, File, Line, Text)).

message_location(error(_, file(File, Line, _, _)), File, Line) :- !.
message_location(error(_, stream(_, Line, _, _)), File, Line) :-
    source_location(File, _), !.
message_location(_, File, Line) :-
    source_location(File, Line), !.
message_location(_, '', 0).

%!  refuse_halt is det.
%
%   From now on halt/0,1 called by any code in this process is cancelled
%   (the Python process must never end because a kb file or query says so);
%   the attempt is remembered and reported by load_kb/2 and guarded/3.
refuse_halt :-
    at_halt(refuse_halt_hook).

refuse_halt_hook :-
    assertz(halt_refused),
    cancel_halt('aigc-kb: halt refused').

%!  load_kb(+File, -Messages) is det.
%
%   Load File (and what it loads) as code, collecting every error and
%   warning as msg(Kind, File, Line, Text).
load_kb(File, Messages) :-
    collect(File, load_files(user:File, [if(not_loaded)]), Messages).

%!  load_query(+File, -Module, -Messages) is det.
%
%   Load a query module file and return its module name.  Nothing is
%   imported into `user`: every query module exports its own answer/N,
%   and each is called qualified by its module, so that any number of
%   queries load side by side.
load_query(File, Module, Messages) :-
    collect(File, load_files(user:File, [if(not_loaded), imports([])]), Messages),
    absolute_file_name(File, Abs, [file_type(prolog), access(read)]),
    (   module_property(Module, file(Abs))
    ->  true
    ;   Module = user
    ).

collect(File, Goal, Messages) :-
    retractall(collected(_, _, _, _)),
    retractall(halt_refused),
    setup_call_cleanup(
        assertz(collecting),
        catch(Goal, Error, print_message(error, Error)),
        retractall(collecting)),
    (   retract(halt_refused)
    ->  assertz(collected(error, File, 0, "calls halt, which is refused"))
    ;   true
    ),
    findall(msg(K, F, L, T), collected(K, F, L, T), Messages),
    retractall(collected(_, _, _, _)).

%!  guarded(:Goal, +Seconds, -Status) is det.
%
%   Run Goal once under a time limit of Seconds.  Status is `ok`,
%   `failed`, `time_limit`, `resource(What)` (e.g. the stack), `halt`
%   (the goal tried to halt the process), or `error(Text)`.
%
%   Goal runs in a thread of its own, with the caller's stack limit, and
%   its bindings are copied back.  The time limit may interrupt Goal at any
%   point, also in the middle of completing a table, and SWI-Prolog's
%   tabling state of the interrupted thread is then left incomplete (every
%   later tabled call in that thread fails with "Cannot catch continuation
%   through findall/3"); the state ends with the goal's thread, and the
%   caller's thread never runs a tabled goal.
:- meta_predicate guarded(0, +, -).
guarded(Goal, Seconds, Status) :-
    retractall(halt_refused),
    current_prolog_flag(stack_limit, StackLimit),
    thread_self(Caller),
    thread_create(run_guarded(Caller, Goal, Seconds), Id, [stack_limit(StackLimit)]),
    thread_join(Id, Joined),
    (   thread_get_message(Caller, guarded_reply(Id, Reply), [timeout(0)])
    ->  true
    ;   Reply = died(Joined)
    ),
    reply_status(Reply, Goal, Status0),
    (   retract(halt_refused)
    ->  Status = halt
    ;   Status = Status0
    ).

run_guarded(Caller, Goal, Seconds) :-
    thread_self(Me),
    (   catch(call_with_time_limit(Seconds, Goal), Error, true)
    ->  (   var(Error)
        ->  Reply = true(Goal)
        ;   Reply = error(Error)
        )
    ;   Reply = false
    ),
    thread_send_message(Caller, guarded_reply(Me, Reply)).

reply_status(true(Goal), Goal, ok).
reply_status(false, _, failed).
reply_status(error(Error), _, Status) :-
    error_status(Error, Status).
reply_status(died(Joined), _, Status) :-
    (   Joined = exception(Error)
    ->  error_status(Error, Status)
    ;   Joined = exited(_)
    ->  Status = halt
    ;   format(string(Text), "the goal's thread ended as ~q", [Joined]),
        Status = error(Text)
    ).

error_status(time_limit_exceeded, time_limit) :- !.
error_status(time_limit_exceeded(_), time_limit) :- !.
error_status(error(resource_error(What), _), resource(What)) :- !.
error_status(unwind(halt(_)), halt) :- !.
error_status(Error, error(Text)) :-
    (   catch(message_to_codes(Error, _, Codes), _, fail)
    ->  string_codes(Text, Codes)
    ;   format(string(Text), "~q", [Error])
    ).

%!  preflight(+File) is det.
%
%   Load File as load_kb/2 does, in a child process that its parent kills
%   at the time limit: before each directive runs, write `at<TAB>File<TAB>Line`
%   to standard output (the last one names the directive a load that does
%   not finish was running), and at the end every message as
%   `msg<TAB>Kind<TAB>File<TAB>Line<TAB>Text`, the text on one line, then
%   `done`.  A directive that halts ends the child before `done`.
preflight(File) :-
    assertz(tracing_directives),
    load_kb(File, Messages),
    forall(member(msg(Kind, F, Line, Text), Messages),
           (   split_string(Text, "\n\t", " ", Parts),
               atomic_list_concat(Parts, ' ', OneLine),
               format("msg\t~w\t~w\t~w\t~w~n", [Kind, F, Line, OneLine])
           )),
    format("done~n"),
    flush_output.

:- dynamic tracing_directives/0.
:- multifile user:term_expansion/2.
:- dynamic user:term_expansion/2.

user:term_expansion((:- _), _) :-
    tracing_directives,
    source_location(File, Line),
    format(user_output, "at\t~w\t~w~n", [File, Line]),
    flush_output(user_output),
    fail.
