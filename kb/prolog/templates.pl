/*  Part of aigc-kb: who is liable when AI-generated content infringes copyright.

    Natural-language templates for the input predicates (the templates of
    the output and auxiliary predicates are beside the rules that define
    them, in each area module), who bears the burden of proving
    each input fact, and which doctrines are the project's extensions as a
    whole.  The explanations (explain.pl) read these; nothing here decides a
    case.

    A template is a text in which {0}, {1}, ... stand for the arguments,
    and {0:noun}, {1:noun}, ... for the noun of an argument's entity type
    ("output" or "copy" for an argument of type output_or_copy_or_none).
    The input templates (the `meaning` strings of kb/vocabulary.yaml), the
    burdens of the input facts (its `burden` entries) and the doctrines that
    are extensions as a whole (kb/doctrines.yaml) are generated into
    declarations.pl (with the entity types of the arguments) and re-exported
    from here; this module adds the shift of
    the doctrine catalogue's "Burden of proof" table under presumed_fault
    with full_reversal.
*/

:- module(aigc_templates,
          [ template/3,                 % ?Name, ?ArgTypes, ?Template
            atom_text/2,                % +Atom, -Text
            goals_text/2,               % +Goals, -Text
            value_text/3,               % +Type, +Value, -Text
            term_text/2,                % +Term, -Text
            input_burden/2,             % ?Name, ?Bearer
            burden_shift/4,             % ?Name, ?Regime, ?Position, ?Bearer
            derived_burden/2,           % ?Name/Arity, ?Bearer
            fact_burden/2,              % +Fact, -Bearer
            conclusion_burden/2,        % +Atom, -Bearer
            ext_doctrine/1,             % ?Doctrine
            entity_type/1               % ?Type
          ]).
:- use_module(library(lists)).
:- use_module(library(apply)).
:- use_module(params).
:- use_module(declarations).

:- multifile template/3.
:- discontiguous template/3.

                 /*******************************
                 *           TEMPLATES          *
                 *******************************/

%!  template(?Name, ?ArgTypes:list, ?Template:string) is nondet.
%
%   The atoms of predicate Name/N, N the length of ArgTypes, read as
%   Template, in which {I} stands for argument I (from 0) and {I:noun}
%   for the noun of its entity's type (arg_noun/3).  ArgTypes are
%   the argument types of kb/vocabulary.yaml (party, system, work, output,
%   copy, item, subject, party_or_none, output_or_none,
%   output_or_copy_or_none, or an enumeration) or,
%   for auxiliary predicates, a name for the kind of value (basis, ...).

%   ---- input predicates: the `meaning` strings of kb/vocabulary.yaml,
%   generated into declarations.pl (input_template/3)

template(Name, Types, Template) :-
    input_template(Name, Types, Template).

%   The templates of the output and auxiliary predicates are beside the rules
%   that define them, in each area module (aigc_templates:template/3 is
%   multifile).

                 /*******************************
                 *          RENDERING           *
                 *******************************/

%   entity_type(?Type): arguments of Type name entities of the case,
%   written as they are; generated into declarations.pl from the types of
%   kb/vocabulary.yaml and re-exported from here.

%!  atom_text(+Atom, -Text:string) is det.
%
%   Text is Atom read through its template.  An unbound argument reads as
%   "some party" (an entity) or "…" (a value).  An atom without a template
%   is written as a term.

atom_text(Atom, Text) :-
    atom_text(Atom, [], Text).

%!  goals_text(+Goals, -Text:string) is det.
%
%   Text reads the conjunction Goals (a term (A, B, ...)); an unbound
%   variable shared by several goals is named (output A, ...) so that the
%   reader sees which goals speak of the same thing.

goals_text(Goals, Text) :-
    conjunction_list(Goals, List),
    shared_variables(List, Shared),
    variable_labels(Shared, 0'A, Labels),
    maplist(goal_text(Labels), List, Texts),
    atomic_list_concat(Texts, ', and ', Text0),
    atom_string(Text0, Text).

conjunction_list(Var, [Var]) :-
    var(Var), !.
conjunction_list((A, B), List) :- !,
    conjunction_list(A, LA),
    conjunction_list(B, LB),
    append(LA, LB, List).
conjunction_list(G, [G]).

shared_variables(Goals, Shared) :-
    term_variables(Goals, Vars),
    include(occurs_twice(Goals), Vars, Shared).

occurs_twice(Term, Var) :-
    occurrences_of_var(Var, Term, N),
    N > 1.

variable_labels([], _, []).
variable_labels([V|Vs], Code, [V-Label|Ls]) :-
    char_code(Label, Code),
    Code1 is Code + 1,
    variable_labels(Vs, Code1, Ls).

goal_text(Labels, \+ G, Text) :- !,
    goal_text(Labels, G, Text0),
    string_concat("not: ", Text0, Text).
goal_text(Labels, G, Text) :-
    atom_text(G, Labels, Text).

atom_text(Atom, Labels, Text) :-
    callable(Atom),
    Atom =.. [Name|Args],
    length(Args, N),
    length(Types, N),
    template(Name, Types, Template),
    !,
    template_parts(Template, Parts),
    parts_text(Parts, Args, Types, Labels, Texts),
    atomic_list_concat(Texts, Text0),
    atom_string(Text0, Text).
atom_text(Atom, _, Text) :-
    term_text(Atom, Text).

parts_text([], _, _, _, []).
parts_text([Part|Parts], Args, Types, Labels, [Text|Texts]) :-
    part_text(Part, Args, Types, Labels, Text),
    parts_text(Parts, Args, Types, Labels, Texts).

part_text(lit(Text), _, _, _, Text).
part_text(noun(I), Args, Types, _, Text) :-
    nth0(I, Args, Value),
    nth0(I, Types, Type),
    arg_noun(Type, Value, Text).
part_text(arg(I), Args, Types, Labels, Text) :-
    nth0(I, Args, Value),
    nth0(I, Types, Type),
    (   var(Value)
    ->  variable_text(Type, Value, Labels, Text)
    ;   value_text(Type, Value, Text)
    ).

%!  value_text(+Type, +Value, -Text) is det.
%
%   Value of Type as read in a sentence: an entity's name as it is, `none`
%   as "nobody" (a party) or "none", a value with spaces for `_` (the
%   identifier safe_harbor reads "safe harbour", the spelling of the text).

value_text(party_or_none, none, "nobody") :- !.
value_text(_, safe_harbor, "safe harbour") :- !.      % one spelling in the text
value_text(Type, Value, Text) :-
    entity_type(Type),
    !,
    term_text(Value, Text).
value_text(_, Value, Text) :-
    term_text(Value, Text0),
    split_string(Text0, "_", "", Words),
    atomic_list_concat(Words, ' ', Text1),
    atom_string(Text1, Text).

%!  term_text(+Term, -Text:string) is det.
%
%   Text is an atom or string as it is, any other term written quoted,
%   its variables as _ (so that the text is the same in every run).

term_text(Value, Text) :-
    (   atom(Value)
    ->  atom_string(Value, Text)
    ;   string(Value)
    ->  Text = Value
    ;   copy_term(Value, Copy),
        numbervars(Copy, 0, _, [singletons(true)]),
        format(string(Text), "~W",
               [Copy, [quoted(true), numbervars(true), spacing(next_argument)]])
    ).

variable_text(Type, Var, Labels, Text) :-
    (   member(V-Label, Labels),
        V == Var
    ->  type_noun(Type, Noun),
        atomic_list_concat([Noun, ' ', Label], Text)
    ;   entity_type(Type)
    ->  type_noun(Type, Noun),
        atomic_list_concat([some, ' ', Noun], Text)
    ;   Text = '\u2026'
    ).

%!  arg_noun(+Type, ?Value, -Noun) is det.
%
%   Noun names the entity type of Value, an argument of Type: for a union
%   of entity types named A_or_B (output_or_copy, and with `_or_none`), the
%   member that the case declares Value to be (copy(poster1): "copy"), else
%   (`none`, unbound, undeclared) the first member; for any other type,
%   its noun.

arg_noun(Type, Value, Noun) :-
    type_members(Type, Members),
    (   nonvar(Value),
        member(Member, Members),
        declared_entity(Member, Value)
    ->  Noun = Member
    ;   Members = [Noun|_]
    ),
    !.
arg_noun(Type, _, Noun) :-
    type_noun(Type, Noun).

type_members(Type, Members) :-
    (   atom_concat(Base, '_or_none', Type)
    ->  true
    ;   Base = Type
    ),
    entity_type(Base),
    atomic_list_concat(Members, '_or_', Base),
    Members = [_, _|_],
    forall(member(M, Members), entity_type(M)).

declared_entity(Type, Value) :-
    Goal =.. [Type, Value],
    catch(Goal, error(existence_error(_, _), _), fail).

type_noun(item, 'work or output') :- !.
type_noun(subject, 'party or system') :- !.
type_noun(artefact, 'system or model') :- !.
type_noun(party_or_none, party) :- !.
type_noun(output_or_none, output) :- !.
type_noun(output_or_copy_or_none, 'output or copy') :- !.
type_noun(Type, Type).

%   template_parts(+Template, -Parts): Template as lit(Text), arg(I) and
%   noun(I).
template_parts(Template, Parts) :-
    split_string(Template, "{", "", [First|Rest]),
    foldl(template_piece, Rest, Pieces, []),
    Parts0 = [lit(First)|Pieces],
    exclude(==(lit("")), Parts0, Parts).

template_piece(Piece, [Part, lit(After)|T], T) :-
    sub_string(Piece, B, 1, A, "}"),
    !,
    sub_string(Piece, 0, B, _, Inside),
    (   string_concat(Digits, ":noun", Inside)
    ->  number_string(I, Digits),
        Part = noun(I)
    ;   number_string(I, Inside),
        Part = arg(I)
    ),
    sub_string(Piece, _, A, 0, After).


                 /*******************************
                 *        BURDEN OF PROOF       *
                 *******************************/

%   input_burden(?Name, ?Bearer): who loses when an input fact Name is not
%   proven (kb/vocabulary.yaml, `burden`), generated into declarations.pl.

%!  burden_shift(?Name, ?Regime, ?Position, ?Bearer) is nondet.
%
%   Under Regime with the choice-point Position (Point-Value), the input
%   fact Name is borne by Bearer instead of its input_burden/2.  The
%   catalogue: "that the provider met every duty | the provider |
%   presumed_fault with presumed_fault_burden=full_reversal".

burden_shift(Duty, presumed_fault, presumed_fault_burden-full_reversal, provider) :-
    provider_duty(Duty).

provider_duty(complaint_mechanism).
provider_duty(risk_warning).
provider_duty(labels_outputs).
provider_duty(aia_tag).
provider_duty(filters_work).
provider_duty(due_diligence).

%!  derived_burden(?Indicator, ?Bearer) is nondet.
%
%   Bearer must establish a conclusion Name/Arity that the rules derive
%   (the catalogue's "Burden of proof" table): the claimant a breach,
%   knowledge, intent and infringement; the party relying on a defence or
%   exemption its facts; the party claiming copyright a human contribution.
%   Conclusions not listed have no single bearer.

derived_burden(breach_for/2, claimant).
derived_burden(knows_p/2, claimant).
derived_burden(knows_u/2, claimant).
derived_burden(induced/2, claimant).
derived_burden(copies/3, claimant).
derived_burden(infringing_output/1, claimant).
derived_burden(training_copy/3, claimant).
derived_burden(output_dissemination/4, claimant).
derived_burden(item_dissemination/3, claimant).
derived_burden(notified_work/2, claimant).
derived_burden(reasonable_measures/2, relying_party).
derived_burden(tdm_exempt/1, relying_party).
derived_burden(fair_use_accepted/2, relying_party).
derived_burden(labelling_met/1, relying_party).
derived_burden(duties_met_for/2, provider).
derived_burden(copyrightable/1, copyright_claimant).

%!  fact_burden(+Fact, -Bearer) is det.
%
%   Bearer loses when the input Fact is not proven, under the reading of
%   the evaluation in progress.

fact_burden(Fact, Bearer) :-
    functor(Fact, Name, _),
    (   aigc_params:regime(Regime),
        burden_shift(Name, Regime, Point-Value, Bearer0),
        aigc_params:position(Point, Value)
    ->  Bearer = Bearer0
    ;   input_burden(Name, Bearer0)
    ->  Bearer = Bearer0
    ;   Bearer = none
    ).

%!  conclusion_burden(+Atom, -Bearer) is det.
%
%   Bearer must establish the derived Atom (derived_burden/2), or `none`.

conclusion_burden(Atom, Bearer) :-
    functor(Atom, Name, Arity),
    (   derived_burden(Name/Arity, Bearer0)
    ->  Bearer = Bearer0
    ;   Bearer = none
    ).
