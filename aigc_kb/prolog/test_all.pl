/*  Part of aigc-kb: runs every plunit test of kb/prolog and aigc_kb/prolog
    without Python.

        swipl -g "load_test_files([]), run_tests" -t halt aigc_kb/prolog/test_all.pl

    exits 0 when all tests pass and 1 otherwise.  The tests of each source
    file are in the .plt file beside it; load_test_files/1 loads them for
    every file loaded here: the law of kb/prolog and the engine code of the
    package.  The .plt files find the two directories through the aliases
    aigc_kb(File) and aigc_engine(File).
*/

:- multifile user:file_search_path/2.
:- dynamic user:file_search_path/2.

:- prolog_load_context(directory, Engine),
   directory_file_path(Engine, '../../kb/prolog', Kb0),
   absolute_file_name(Kb0, Kb),
   asserta(user:file_search_path(aigc_engine, Engine)),
   asserta(user:file_search_path(aigc_kb, Kb)).

:- use_module(aigc_kb(aigc)).
:- use_module(aigc_engine(json)).
:- use_module(aigc_engine(explain)).
:- use_module(aigc_engine(batch)).
:- use_module(aigc_engine(test_support)).
