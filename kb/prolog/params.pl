/*  Part of aigc-kb: who is liable when AI-generated content infringes copyright.

    The reading under which a case is evaluated: the liability regime
    (doctrine D13) and the position of every choice point of the doctrine
    catalogue, with the defaults of kb/vocabulary.yaml (declarations.pl,
    generated).  The reading is set for one evaluation (aigc:with_case/3)
    and cleared afterwards; the rules read it through regime/1 and
    position/2.
*/

:- module(aigc_params,
          [ regime/1,                   % ?Regime
            position/2,                 % ?ChoicePoint, ?Position
            resolve_reading/2,          % +Options, -Reading
            set_reading/1,              % +Reading
            clear_reading/0,
            current_reading/1           % -Reading
          ]).
:- reexport(declarations,
            [ regime_value/2,           % ?Regime, ?Section
              default_regime/1,         % ?Regime
              choice_point/4            % ?ChoicePoint, ?Doctrine, ?Default, ?Positions
            ]).
:- use_module(library(error)).
:- use_module(library(lists)).
:- use_module(library(pairs)).

:- dynamic
    regime/1,
    position/2.

%!  regime(?Regime) is semidet.
%
%   Regime is the liability regime of the evaluation in progress: one of
%   `strict`, `presumed_fault`, `fault`, `notice_and_takedown`.  Fails
%   outside an evaluation.

%!  position(?ChoicePoint, ?Position) is nondet.
%
%   ChoicePoint takes Position in the evaluation in progress.  Every choice
%   point has exactly one position during an evaluation.

%   regime_value/2, default_regime/1 and choice_point/4 (the regimes and
%   the choice points of kb/vocabulary.yaml, with their defaults) are
%   generated into declarations.pl.

%!  resolve_reading(+Options:list, -Reading) is det.
%
%   Reading is reading(Regime, Positions), Positions a list
%   ChoicePoint-Position of every choice point in standard order, from
%   Options: regime(R) and position(ChoicePoint, Position) terms; what is
%   not given takes its default.  Giving the same choice point (or the
%   regime) twice with different values is an error.
%
%   @error domain_error(regime, R) for an unknown regime or `open`.
%   @error domain_error(choice_point, P) for an unknown choice point.
%   @error domain_error(position(P), X) for an unknown position or `open`.
%   @error domain_error(aigc_option, O) for any other option term.
%   @error domain_error(consistent_options, Options) for conflicting ones.

resolve_reading(Options, reading(Regime, Positions)) :-
    must_be(list, Options),
    maplist(option_setting, Options, Settings0),
    sort(Settings0, Settings),
    (   select_setting(regime, Settings, Regime0)
    ->  Regime = Regime0
    ;   default_regime(Regime)
    ),
    findall(Point-Position,
            ( choice_point(Point, _, Default, _),
              (   select_setting(position(Point), Settings, Given)
              ->  Position = Given
              ;   Position = Default
              )
            ),
            Positions0),
    keysort(Positions0, Positions),
    (   pairs_keys(Settings, Keys),
        sort(Keys, UniqueKeys),
        length(Keys, N),
        length(UniqueKeys, N)
    ->  true
    ;   domain_error(consistent_options, Options)
    ).

select_setting(Key, Settings, Value) :-
    memberchk(Key-Value, Settings).

option_setting(Option, _) :-
    var(Option),
    !,
    instantiation_error(Option).
option_setting(regime(R), regime-R) :-
    !,
    must_be(atom, R),
    (   regime_value(R, _)
    ->  true
    ;   domain_error(regime, R)
    ).
option_setting(position(Point, Position), position(Point)-Position) :-
    !,
    must_be(atom, Point),
    must_be(atom, Position),
    (   choice_point(Point, _, _, Positions)
    ->  (   memberchk(Position, Positions)
        ->  true
        ;   domain_error(position(Point), Position)
        )
    ;   domain_error(choice_point, Point)
    ).
option_setting(Option, _) :-
    domain_error(aigc_option, Option).

%!  set_reading(+Reading) is det.
%
%   Makes Reading, as produced by resolve_reading/2, the reading of the
%   evaluation that starts.

set_reading(reading(Regime, Positions)) :-
    clear_reading,
    assertz(regime(Regime)),
    forall(member(Point-Position, Positions),
           assertz(position(Point, Position))).

%!  clear_reading is det.
%
%   Removes the reading of the evaluation that ended.

clear_reading :-
    retractall(regime(_)),
    retractall(position(_, _)).

%!  current_reading(-Reading) is semidet.
%
%   Reading is reading(Regime, Positions) of the evaluation in progress.

current_reading(reading(Regime, Positions)) :-
    regime(Regime),
    findall(Point-Position, position(Point, Position), Positions0),
    keysort(Positions0, Positions).
