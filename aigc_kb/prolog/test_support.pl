/*  Part of aigc-kb: support for the plunit tests of kb/prolog and
    aigc_kb/prolog (*.plt), loaded by test_all.pl.

    Scenarios (hand-written cases) and small helpers to evaluate them and
    check conclusions.  Expected outcomes in the tests are derived by hand
    from docs/semantics.md, never from the code's output.
*/

:- module(aigc_test_support,
          [ scenario/2,                 % ?Name, -Facts
            variant/4,                  % +Name, +Add, +Remove, -Facts
            eval/3,                     % +Facts, +Options, -Conclusions
            has/2,                      % +Conclusions, ?Atom
            has/3,                      % +Conclusions, ?Atom, ?Doctrines
            lacks/2,                    % +Conclusions, +Pattern
            atoms_of/2,                 % +Conclusions, -Atoms
            kb_file/2                   % +Relative, -Absolute
          ]).
:- use_module(library(lists)).
:- use_module(library(apply)).
:- reexport(aigc_kb(aigc)).
:- reexport(aigc_engine(json)).

%!  scenario(?Name, -Facts) is nondet.
%
%   Facts is the case Name.

%   A rights holder rh owns w; dev develops sys, prov provides it, usr uses
%   it and requested o, which is substantially similar to w.
scenario(provider_case,
         [ party(rh), party(prov), party(dev), party(usr),
           system(sys), work(w), output(o),
           owns_copyright(rh, w),
           developer(dev, sys), provider(prov, sys), user(usr, sys),
           generated_by(o, sys), requested_by(o, usr),
           substantially_similar(o, w)
         ]).
%   dev copied the protected w into the training data of sys.
scenario(training_case,
         [ party(rh), party(dev), system(sys), work(w),
           owns_copyright(rh, w),
           developer(dev, sys), trained_on(sys, w)
         ]).
%   Li v. Liu: Li runs the model himself and contributed to img; Liu
%   removed the watermark and made img available.
scenario(li_v_liu,
         [ party(li), party(liu), system(sd), output(img),
           runs_itself(li, sd), generated_by(img, sd), requested_by(img, li),
           human_contribution(li, img),
           attribution_removed(liu, img), made_available(liu, img)
         ]).
%   Dreamwriter: Tencent develops, provides and uses the system; its team
%   contributed to the article; Yingxun copied it onto its website.
scenario(dreamwriter,
         [ party(tencent), party(team), party(yingxun),
           system(dw), output(article),
           developer(tencent, dw), provider(tencent, dw), user(tencent, dw),
           generated_by(article, dw), requested_by(article, tencent),
           human_contribution(team, article), acting_for(team, tencent),
           made_available(yingxun, article)
         ]).
%   A case with no output and nothing that infringes.
scenario(empty_case,
         [ party(a), work(w), owns_copyright(a, w) ]).

%!  variant(+Name, +Add:list, +Remove:list, -Facts) is det.
%
%   Facts is scenario Name without the facts Remove (each must be there)
%   and with the facts Add.

variant(Name, Add, Remove, Facts) :-
    scenario(Name, Base),
    foldl(remove_fact, Remove, Base, Rest),
    append(Rest, Add, Facts).

remove_fact(Fact, Facts0, Facts) :-
    (   selectchk(Fact, Facts0, Facts)
    ->  true
    ;   throw(error(existence_error(scenario_fact, Fact), _))
    ).

%!  eval(+Facts, +Options, -Conclusions) is det.

eval(Facts, Options, Conclusions) :-
    evaluate_case(Facts, Options, Conclusions).

%!  has(+Conclusions, ?Atom) is semidet.
%!  has(+Conclusions, ?Atom, ?Doctrines) is semidet.
%
%   Atom is concluded (with exactly Doctrines).

has(Conclusions, Atom) :-
    memberchk(conclusion(Atom, _), Conclusions).
has(Conclusions, Atom, Doctrines) :-
    memberchk(conclusion(Atom, Doctrines), Conclusions).

%!  lacks(+Conclusions, +Pattern) is semidet.
%
%   No concluded atom unifies with Pattern.

lacks(Conclusions, Pattern) :-
    \+ memberchk(conclusion(Pattern, _), Conclusions).

%!  atoms_of(+Conclusions, -Atoms) is det.
%
%   Atoms is the sorted list of the concluded atoms.

atoms_of(Conclusions, Atoms) :-
    findall(A, member(conclusion(A, _), Conclusions), Atoms0),
    msort(Atoms0, Atoms).

%!  kb_file(+Relative, -Absolute) is det.
%
%   Absolute is the path of Relative in the project root (the directory
%   above kb/).

kb_file(Relative, Absolute) :-
    module_property(aigc, file(File)),
    file_directory_name(File, PrologDir),
    file_directory_name(PrologDir, KbDir),
    file_directory_name(KbDir, Root),
    directory_file_path(Root, Relative, Absolute).
