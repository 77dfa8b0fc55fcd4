/*  The native Prolog batch driver of the benchmark: the raw baseline.

        swipl bench/driver.pl KB_DIR CASES OUT OPTIONS

    Loads KB_DIR/prolog/aigc.pl and the batch module of the package
    (aigc_kb/prolog/batch.pl, beside this directory), then reads the case terms of
    CASES one after the other -- case(Id, Facts), Facts written exactly as
    the Python API sends them -- evaluates each with the same isolation as
    the API (aigc_batch:case_result_json/4: the facts and the reading loaded
    for that case only) and writes one JSON line per case to OUT.  OPTIONS
    is the reading as a Prolog options list.  Prints to standard error one
    JSON object: the seconds spent loading and the wall-clock and CPU
    seconds spent evaluating (loading excluded), and the number of cases.
*/

:- initialization(main, main).

main :-
    current_prolog_flag(argv, [KbDir, CasesFile, OutFile, OptionsText]),
    !,
    get_time(Start),
    directory_file_path(KbDir, 'prolog/aigc.pl', Entry),
    load_files(user:Entry, [silent(true)]),
    batch_file(Batch),
    load_files(user:Batch, [silent(true)]),
    term_string(Options, OptionsText),
    get_time(Loaded),
    statistics(cputime, Cpu0),
    setup_call_cleanup(
        open(CasesFile, read, In, [encoding(utf8)]),
        setup_call_cleanup(
            open(OutFile, write, Out, [encoding(utf8)]),
            aigc_batch:evaluate_case_stream(In, Out, Options, []),
            close(Out)),
        close(In)),
    statistics(cputime, Cpu1),
    get_time(Done),
    Load is Loaded - Start,
    Wall is Done - Loaded,
    Cpu is Cpu1 - Cpu0,
    format(user_error, '{"load": ~6f, "wall": ~6f, "cpu": ~6f}~n', [Load, Wall, Cpu]).
main :-
    format(user_error, "usage: swipl bench/driver.pl KB_DIR CASES OUT OPTIONS~n", []),
    halt(2).

batch_file(File) :-
    source_file(main, Here),
    file_directory_name(Here, BenchDir),
    file_directory_name(BenchDir, Root),
    directory_file_path(Root, 'aigc_kb/prolog/batch.pl', File).
