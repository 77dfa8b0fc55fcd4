/*  Loading the knowledge base from Python with every message collected.

    pyswip prints consult errors and goes on; these predicates load a file
    while a message hook records each error and warning with its file and
    line, so that the caller can refuse a kb that does not load cleanly.
*/
:- module(aigc_load, [load_kb/2, load_query/3]).

:- dynamic collecting/0.
:- dynamic collected/4.

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

%!  load_kb(+File, -Messages) is det.
%
%   Load File (and what it loads) as code, collecting every error and
%   warning as msg(Kind, File, Line, Text).
load_kb(File, Messages) :-
    collect(load_files(user:File, [if(not_loaded)]), Messages).

%!  load_query(+File, -Module, -Messages) is det.
%
%   Load a query module file and return its module name.
load_query(File, Module, Messages) :-
    collect(load_files(user:File, [if(not_loaded)]), Messages),
    absolute_file_name(File, Abs, [file_type(prolog), access(read)]),
    (   module_property(Module, file(Abs))
    ->  true
    ;   Module = user
    ).

collect(Goal, Messages) :-
    retractall(collected(_, _, _, _)),
    setup_call_cleanup(
        assertz(collecting),
        catch(Goal, Error, record_error(Error)),
        retractall(collecting)),
    findall(msg(K, F, L, T), collected(K, F, L, T), Messages),
    retractall(collected(_, _, _, _)).

record_error(Error) :-
    print_message(error, Error).
