/*  Part of aigc-kb: runs every plunit test of kb/prolog without Python.

        swipl -g "load_test_files([]), run_tests" -t halt kb/prolog/test_all.pl

    exits 0 when all tests pass and 1 otherwise.  The tests of each source
    file are in the .plt file beside it; load_test_files/1 loads them for
    every file loaded here.
*/

:- use_module(aigc).
:- use_module(batch).
:- use_module(test_support).
