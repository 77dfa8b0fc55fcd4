/*  Part of aigc-kb: who is liable when AI-generated content infringes copyright.

    Engine code of the package, loaded after the knowledge base
    (swipl kb/prolog/aigc.pl aigc_kb/prolog/explain.pl).

    Explanations produced by the reasoning itself: a meta-interpreter over
    the rule registry (aigc_rules:rule_clause/6) that proves a conclusion of
    the case loaded by aigc:with_case/3 and records the proof as a tree, and
    answers "why not?" for a conclusion that does not hold.

    A proof tree has a node per condition used:

      - derived(Goal, RuleId, Children, Truncated): Goal derived by the rule,
        Children the conditions of its body (Truncated: not expanded);
      - fact(Fact): an input fact of the case;
      - absent(Fact, Bearer, Open): the input Fact is not proven (a negated
        condition that holds, or the condition a rule failed at); Bearer
        bore the burden (templates.pl), Open marks an open (unknown) fact;
      - underived(Goal, Bearer, Attempts, Truncated): the derived Goal is not
        concluded; Attempts are the rules that could have concluded it (why
        not), Truncated when the why-not depth is spent;
      - absent_all(Goals, Proven, Failed, Alternatives): \+ (A, B, ...) holds:
        the conditions Proven hold, Failed does not, for every way of meeting
        them (Alternatives is the number of the other ways);
      - present(Goal, Proof): \+ Goal fails because Goal holds, with its proof;
      - regime(Actual, Condition, Holds), position(Point, Actual, Condition,
        Holds): the reading the rule read;
      - test(Goal, Holds): a built-in test (==, \==, ...), opaque;
      - attempt(Head, RuleId, Proven, Failed, Alternatives): the rule could
        conclude Head, but its body fails at Failed after the conditions
        Proven, for every way of meeting them.

    The conditions are found by the compiled rules (call/1 on the body): the
    meta-interpreter only records, for a goal known to hold, the proof the
    compiled rule found first.  Built-ins and control constructs other than
    ',', ';', '->', \+ are opaque leaves.
*/

:- module(aigc_explain,
          [ explain_json/5,             % +Facts, +Options, +Requests, +Settings, -Json
            open_burdens_json/3,        % +Facts, +Options, -Json
            explain_requests/3,         % +Requests, +Settings, -Answers
            explain_conclusions/3,      % +Pattern, +Settings, -Nodes
            why_not/3,                  % +Pattern, +Settings, -Attempts
            node_dict/2,                % +Node, -Dict
            reading_dict/1              % -Dict
          ]).
:- use_module(library(lists)).
:- use_module(library(apply)).
:- use_module(library(pairs)).
:- use_module(library(error)).
:- use_module(library(aggregate)).
:- use_module(library(solution_sequences)).
:- use_module(library(http/json)).

%   The modules of the knowledge base this one reads, imported from the
%   files they were loaded from: the explainer is engine code of the
%   package and serves whichever kb (kb/prolog/aigc.pl or an edited copy)
%   is loaded first.
kb_import(Module) :-
    (   module_property(Module, file(File))
    ->  use_module(File)
    ;   existence_error(kb_module, Module)
    ).

:- kb_import(aigc_rules).
:- kb_import(aigc_facts).
:- kb_import(aigc_params).
:- kb_import(aigc_templates).


                 /*******************************
                 *             API              *
                 *******************************/

%!  explain_json(+Facts:list, +Options:list, +Requests:list, +Settings:list,
%!               -Json:string) is det.
%
%   Json is the JSON object {"reading": ..., "answers": [...]} for the case
%   Facts (input facts and unknown(Fact) terms) under the reading Options
%   (see aigc:evaluate_case/3), one answer per request of Requests:
%
%     - explain(Pattern): every concluded atom unifying Pattern, each with
%       its proofs (one per rule that concludes it);
%     - why_not(Pattern): if no atom unifying Pattern is concluded, every
%       rule that could conclude one and the first condition that failed;
%       else the explanations of those that are.
%
%   Pattern is an atom of an output (or auxiliary) predicate, possibly with
%   unbound arguments.  Settings: depth(D) expands proofs D rule levels
%   deep (default `inf`); why_depth(W) answers "why not" W levels deep
%   (default 1), for negated conditions in proofs and for why_not/1;
%   open(Facts) lists the open facts of the case, to mark them where they
%   are not proven (explain_json/5 takes them from its Facts).
%
%   @error domain_error(explain_request, R) for an unknown request,
%          domain_error(conclusion_pattern, P) for a pattern no rule
%          concludes; the errors of aigc:with_case/3.

explain_json(Facts, Options, Requests, Settings, Json) :-
    must_be(list, Requests),
    maplist(check_request, Requests),
    check_case(Facts, _, Open),
    settings_context([open(Open)|Settings], Ctx),
    aigc:with_case(Facts, Options,
                   aigc_explain:explain_dict(Requests, Ctx, Dict)),
    with_output_to(string(Json),
                   json_write_dict(current_output, Dict, [width(0)])).

explain_dict(Requests, Ctx, _{reading: Reading, answers: Answers}) :-
    reading_dict(Reading),
    maplist(request_answer(Ctx), Requests, Answers).

check_request(Request) :-
    (   ( Request = explain(Pattern) ; Request = why_not(Pattern) ),
        callable(Pattern)
    ->  (   derived_goal(Pattern, _)
        ->  true
        ;   domain_error(conclusion_pattern, Pattern)
        )
    ;   domain_error(explain_request, Request)
    ).

%!  open_burdens_json(+Facts:list, +Options:list, -Json:string) is det.
%
%   Json is a JSON array of the open facts of the case Facts (those given
%   as unknown(Fact)), in standard order, each as [Name, Args, Bearer]:
%   Bearer loses when the fact is not proven under the reading Options
%   (fact_burden/2: the catalogue's burden of proof, shifted to the
%   provider under presumed fault with full reversal, D13).

open_burdens_json(Facts, Options, Json) :-
    check_case(Facts, _, Open),
    aigc:with_case(Facts, Options, aigc_explain:open_burdens(Open, Rows)),
    with_output_to(string(Json), json_write(current_output, Rows, [width(0)])).

open_burdens(Open, Rows) :-
    findall([Name, Args, Bearer],
            ( member(Fact, Open),
              Fact =.. [Name|Args],
              fact_burden(Fact, Bearer)
            ),
            Rows).

%!  explain_requests(+Requests:list, +Settings:list, -Answers:list) is det.
%
%   As explain_json/5 for the case loaded now (inside aigc:with_case/3):
%   Answers are the answers as dicts.

explain_requests(Requests, Settings, Answers) :-
    maplist(check_request, Requests),
    settings_context(Settings, Ctx),
    maplist(request_answer(Ctx), Requests, Answers).

%!  explain_conclusions(+Pattern, +Settings:list, -Nodes:list) is det.
%
%   Nodes are conclusion(Atom, Proofs) for every atom unifying Pattern that
%   holds for the case loaded now, in standard order; Proofs has a
%   derived/4 node for each rule that concludes Atom, in the order of the
%   rule ids.

explain_conclusions(Pattern, Settings, Nodes) :-
    settings_context(Settings, Ctx),
    conclusions(Pattern, Ctx, Nodes).

%!  why_not(+Pattern, +Settings:list, -Attempts:list) is det.
%
%   Attempts are attempt/5 nodes, one for each rule whose head unifies
%   with Pattern, in the order of the rule ids, for the case loaded now.
%   Meant for a Pattern that does not hold: a rule whose body succeeds is
%   left out.

why_not(Pattern, Settings, Attempts) :-
    settings_context(Settings, Ctx),
    attempts(Pattern, Ctx, Attempts, _).

request_answer(Ctx, explain(Pattern), Answer) :-
    conclusions(Pattern, Ctx, Nodes),
    answer_dict(explain, Pattern, Nodes, [], Answer).
request_answer(Ctx, why_not(Pattern), Answer) :-
    derived_goal(Pattern, Module),
    (   \+ \+ call(Module:Pattern)
    ->  conclusions(Pattern, Ctx, Nodes),
        answer_dict(why_not, Pattern, Nodes, [], Answer)
    ;   Ctx = ctx(D, W, O),
        W1 is max(1, W),                % the rules themselves, at least
        attempts(Pattern, ctx(D, W1, O), Attempts, _),
        answer_dict(why_not, Pattern, [], Attempts, Answer)
    ).

answer_dict(Request, Pattern, Conclusions, Attempts, Dict) :-
    atom_string(Request, RequestText),
    goal_fields(Pattern, Fields),
    maplist(node_dict, Conclusions, CDicts),
    maplist(node_dict, Attempts, ADicts),
    (   Conclusions == []
    ->  Holds = false
    ;   Holds = true
    ),
    dict_create(Dict, _,
                [ request-RequestText, holds-Holds,
                  conclusions-CDicts, attempts-ADicts
                | Fields
                ]).

%   settings_context(+Settings, -Ctx): ctx(Depth, WhyDepth, Open).
settings_context(Settings, ctx(Depth, Why, Open)) :-
    must_be(list, Settings),
    (   memberchk(open(Open0), Settings)
    ->  must_be(list, Open0),
        Open = Open0
    ;   Open = []
    ),
    (   memberchk(depth(Depth0), Settings)
    ->  (   Depth0 == inf
        ->  true
        ;   must_be(positive_integer, Depth0)
        ),
        Depth = Depth0
    ;   Depth = inf
    ),
    (   memberchk(why_depth(Why0), Settings)
    ->  must_be(nonneg, Why0),
        Why = Why0
    ;   Why = 1
    ).


                 /*******************************
                 *       META-INTERPRETER       *
                 *******************************/

%   input_goal(@Goal): Goal reads an input fact of the case.
input_goal(Goal) :-
    callable(Goal),
    functor(Goal, Name, Arity),
    input_predicate(Name, Arity).

%   derived_goal(@Goal, -Module): rules of Module conclude Goal.
derived_goal(Goal, Module) :-
    callable(Goal),
    functor(Goal, Name, Arity),
    functor(Head, Name, Arity),
    rule_clause(_, _, _, Module, Head, _),
    !.

%   prove(+Body, +Module, +Ctx, -Nodes, ?Tail): Body, run in Module,
%   holds; Nodes (a difference list) records the conditions used.
prove(Var, _, _, _, _) :-
    var(Var),
    !,
    instantiation_error(Var).
prove(true, _, _, T, T) :- !.
prove((A, B), M, C, N0, N) :- !,
    prove(A, M, C, N0, N1),
    prove(B, M, C, N1, N).
prove((If -> Then ; Else), M, C, N0, N) :- !,
    (   prove(If, M, C, N0, N1)
    ->  prove(Then, M, C, N1, N)
    ;   prove(Else, M, C, N0, N)
    ).
prove((A ; B), M, C, N0, N) :- !,
    (   prove(A, M, C, N0, N)
    ;   prove(B, M, C, N0, N)
    ).
prove((If -> Then), M, C, N0, N) :- !,
    (   prove(If, M, C, N0, N1)
    ->  prove(Then, M, C, N1, N)
    ).
prove(\+ G, M, C, [Node|T], T) :- !,
    \+ call(M:G),
    absent_node(G, M, C, Node).
prove(M1:G, _, C, N0, N) :- !,
    prove(G, M1, C, N0, N).
prove(G, M, C, [Node|T], T) :-
    goal_node(G, M, C, Node).

goal_node(G, _, _, fact(G)) :-
    input_goal(G),
    !,
    call(aigc_facts:G).
goal_node(regime(R), _, _, regime(R, regime(R), true)) :- !,
    aigc_params:regime(R).
goal_node(position(P, V), _, _, position(P, V, position(P, V), true)) :- !,
    aigc_params:position(P, V).
goal_node(G, _, C, Node) :-
    derived_goal(G, Module),
    !,
    call(Module:G),
    derived_node(G, C, Node).
goal_node(G, M, _, test(G, true)) :-
    call(M:G).

%   derived_node(+Goal, +Ctx, -Node): Goal holds; Node is its proof by
%   the first rule (in the registry's order) whose body succeeds.
derived_node(G, C, Node) :-
    once(( rule_clause(Id, _, _, RM, G, Body),
           least_solution(RM, Body)
         )),
    rule_proof(G, Id, RM, Body, C, Node).

%   least_solution(+Module, ?Body): Body's least solution in the standard
%   order of terms.  The proof shown for a conclusion is then the same
%   whatever order the tables hold their answers in (which depends on what
%   the process asked before).
least_solution(M, Body) :-
    findall(Body, call(M:Body), Solutions),
    min_member(Body, Solutions).

%   rule_proof(+Goal, +Id, +Module, +Body, +Ctx, -Node): Body, which
%   succeeded with its bindings, as the children of Goal.
rule_proof(G, Id, RM, Body, C, derived(G, Id, Children, Truncated)) :-
    (   C = ctx(0, _, _)
    ->  Children = [],
        Truncated = true
    ;   deeper(C, C1),
        (   once(prove(Body, RM, C1, Children, []))
        ->  Truncated = false
        ;   existence_error(proof, G)   % the compiled body succeeded
        )
    ).

deeper(ctx(D, W, O), ctx(D1, W, O)) :-
    (   D == inf
    ->  D1 = inf
    ;   D1 is D - 1
    ).

%   absent_node(+Goal, +Module, +Ctx, -Node): \+ Goal holds.
absent_node(regime(R), _, _, regime(Actual, not(regime(R)), true)) :- !,
    aigc_params:regime(Actual).
absent_node(position(P, V), _, _, position(P, Actual, not(position(P, V)), true)) :- !,
    aigc_params:position(P, Actual).
absent_node(G, _, C, Node) :-
    unproven_node(G, C, Node),
    !.
absent_node(G, M, C, absent_all(G, Proven, Failed, Alternatives)) :-
    G = (_, _),
    !,
    body_failure(G, M, C, Proven, Failed, Alternatives).
absent_node(M1:G, _, C, Node) :- !,
    absent_node(G, M1, C, Node).
absent_node(G, _, _, test(\+ G, true)).

open_mark(G, ctx(_, _, Open), Mark) :-
    (   \+ \+ memberchk(G, Open)
    ->  Mark = true
    ;   Mark = false
    ).


                 /*******************************
                 *            WHY NOT           *
                 *******************************/

%   attempts(+Goal, +Ctx, -Attempts, -Truncated): the rules that could
%   conclude Goal, each with the first condition that failed; none and
%   Truncated = true when the why-not depth is spent.
attempts(_, ctx(_, W, _), [], true) :-
    W =< 0,
    !.
attempts(G, ctx(D, W, O), Attempts, false) :-
    W1 is W - 1,
    C1 = ctx(D, W1, O),
    findall(Id-attempt(Shown, Id, Proven, Failed, Alternatives),
            ( copy_term(G, Head),
              rule_clause(Id, _, _, RM, Head, Body),
              copy_term(Head, Shown),
              once(body_failure(Body, RM, C1, Proven, Failed, Alternatives))
            ),
            Pairs),
    keysort(Pairs, Sorted),
    pairs_values(Sorted, Attempts).

%   body_failure(+Body, +Module, +Ctx, -Proven, -Failed, -Alternatives):
%   the conjunction Body fails; Failed is its first condition that fails
%   for every way of meeting the conditions before it, Proven their proof
%   for the first such way, Alternatives the number of the other ways
%   (counted on the variables they share with Failed).  Fails if Body
%   succeeds.
body_failure(Body, M, C, Proven, Failed, Alternatives) :-
    conditions(Body, Conditions),
    append(Before, [Condition|_], Conditions),
    conjunction(Before, Prefix),
    \+ call(M:(Prefix, Condition)),
    !,
    term_variables(Condition, CondVars),
    term_variables(Prefix, PrefixVars),
    include(var_in(CondVars), PrefixVars, Shared),
    aggregate_all(count, distinct(Shared, call(M:Prefix)), Ways),
    Alternatives is max(0, Ways - 1),
    once(call(M:Prefix)),
    (   once(prove(Prefix, M, C, Proven, []))
    ->  true
    ;   existence_error(proof, Prefix)
    ),
    failed_node(Condition, M, C, Failed).

var_in(Vars, V) :-
    member(W, Vars),
    W == V,
    !.

conditions(Var, [Var]) :-
    var(Var), !.
conditions((A, B), Conditions) :- !,
    conditions(A, CA),
    conditions(B, CB),
    append(CA, CB, Conditions).
conditions(G, [G]).

conjunction([], true).
conjunction([G], G) :- !.
conjunction([G|Gs], (G, Rest)) :-
    conjunction(Gs, Rest).

%   unproven_node(+Goal, +Ctx, -Node): Goal, an input fact or a derived
%   notion, is not established: who bears its burden, and for a derived
%   notion the rules that could have concluded it.  Fails for other goals.
unproven_node(G, C, absent(G, Bearer, Open)) :-
    input_goal(G),
    !,
    fact_burden(G, Bearer),
    open_mark(G, C, Open).
unproven_node(G, C, underived(G, Bearer, Attempts, Truncated)) :-
    derived_goal(G, _),
    !,
    conclusion_burden(G, Bearer),
    attempts(G, C, Attempts, Truncated).

%   failed_node(+Condition, +Module, +Ctx, -Node): Condition fails.
failed_node(\+ G, M, C, present(G, Proof)) :- !,
    once(prove(G, M, C, Proof, [])).
failed_node(regime(R), _, _, regime(Actual, regime(R), false)) :- !,
    aigc_params:regime(Actual).
failed_node(position(P, V), _, _, position(P, Actual, position(P, V), false)) :- !,
    aigc_params:position(P, Actual).
failed_node(G, _, C, Node) :-
    unproven_node(G, C, Node),
    !.
failed_node(M1:G, _, C, Node) :- !,
    failed_node(G, M1, C, Node).
failed_node(G, _, _, test(G, false)).


                 /*******************************
                 *          CONCLUSIONS         *
                 *******************************/

%   conclusions(+Pattern, +Ctx, -Nodes)
conclusions(Pattern, Ctx, Nodes) :-
    (   derived_goal(Pattern, Module)
    ->  true
    ;   domain_error(conclusion_pattern, Pattern)
    ),
    findall(Pattern, call(Module:Pattern), Instances0),
    sort(Instances0, Instances),
    maplist(conclusion_node(Ctx), Instances, Nodes).

conclusion_node(Ctx, Atom, conclusion(Atom, Proofs)) :-
    findall(Id-Proof,
            ( rule_clause(Id, _, _, RM, Atom, Body),
              least_solution(RM, Body),
              rule_proof(Atom, Id, RM, Body, Ctx, Proof)
            ),
            Pairs),
    keysort(Pairs, Sorted),
    pairs_values(Sorted, Proofs).


                 /*******************************
                 *             JSON             *
                 *******************************/

%!  node_dict(+Node, -Dict) is det.
%
%   Dict is Node as a dict for json_write_dict/3: `kind`, `text` and, as
%   they apply, `pred` and `args` (an unbound argument is null), `rule`,
%   `doctrines`, `section`, `ext`, `burden`, `open`, `value`, `point`,
%   `default`, `holds`, `alternatives`, `truncated`, `children`, `failed`,
%   and, for a rendering in another language, `goals` (the goals of a
%   conjunction), `wanted` (the value a regime or position condition asks
%   for), `op` and `terms` (a test of identity).  Empty, false and zero
%   fields are left out.

node_dict(conclusion(Atom, Proofs), Dict) :-
    goal_fields(Atom, Fields),
    maplist(node_dict, Proofs, Children),
    (   aigc:summary_of(Atom, _)
    ->  % a summary atom cites the doctrines of the atoms it summarises
        aigc:conclusion_doctrines(Atom, Doctrines0)
    ;   findall(D, ( member(derived(_, Id, _, _), Proofs),
                     rule_clause(Id, Ds, _, _, _, _),
                     member(D, Ds)
                   ), All),
        sort(All, Doctrines0)
    ),
    maplist(doctrine_text, Doctrines0, Doctrines),
    fields_dict([kind-"conclusion", doctrines-Doctrines, children-Children|Fields],
                Dict).
node_dict(derived(G, Id, Children0, Truncated), Dict) :-
    goal_fields(G, Fields),
    rule_fields(Id, RuleFields),
    maplist(node_dict, Children0, Children),
    append([[kind-"derived", children-Children, truncated-Truncated],
            RuleFields, Fields], All),
    fields_dict(All, Dict).
node_dict(fact(G), Dict) :-
    goal_fields(G, Fields),
    fields_dict([kind-"fact"|Fields], Dict).
node_dict(absent(G, Bearer, Open), Dict) :-
    goal_fields(G, Fields),
    burden_field(Bearer, Burden),
    fields_dict([kind-"absent", burden-Burden, open-Open|Fields], Dict).
node_dict(underived(G, Bearer, Attempts, Truncated), Dict) :-
    goal_fields(G, Fields),
    maplist(node_dict, Attempts, Children),
    burden_field(Bearer, Burden),
    fields_dict([kind-"underived", burden-Burden, children-Children,
                 truncated-Truncated|Fields], Dict).
node_dict(absent_all(G, Proven, Failed, Alternatives), Dict) :-
    goal_fields(G, Fields),
    maplist(node_dict, Proven, Children),
    node_dict(Failed, FailedDict),
    fields_dict([kind-"absent_all", children-Children, failed-FailedDict,
                 alternatives-Alternatives|Fields], Dict).
node_dict(present(G, Proof), Dict) :-
    goal_fields(G, Fields),
    maplist(node_dict, Proof, Children),
    fields_dict([kind-"present", children-Children|Fields], Dict).
node_dict(regime(Actual, Condition, Holds), Dict) :-
    regime_info(Actual, Section, Default),
    condition_value(Condition, Wanted),
    regime_text(Actual, Section, Default, Wanted, Text),
    term_text(Actual, Value),
    term_text(Wanted, WantedText),
    fields_dict([kind-"regime", text-Text, value-Value, section-Section,
                 default-Default, holds-Holds, wanted-WantedText], Dict).
node_dict(position(Point, Actual, Condition, Holds), Dict) :-
    position_info(Point, Actual, Doctrine, Default),
    condition_value(Condition, Wanted),
    position_text(Point, Actual, Doctrine, Default, Wanted, Text),
    term_text(Point, PointText),
    term_text(Actual, Value),
    term_text(Wanted, WantedText),
    fields_dict([kind-"position", text-Text, point-PointText, value-Value,
                 doctrines-[Doctrine], default-Default, holds-Holds,
                 wanted-WantedText], Dict).
node_dict(test(G, Holds), Dict) :-
    test_text(G, Holds, Text),
    test_fields(G, Fields),
    fields_dict([kind-"test", text-Text, holds-Holds|Fields], Dict).

node_dict(attempt(Head, Id, Proven, Failed, Alternatives), Dict) :-
    goal_fields(Head, Fields),
    rule_fields(Id, RuleFields),
    maplist(node_dict, Proven, Children),
    node_dict(Failed, FailedDict),
    append([[kind-"attempt", children-Children, failed-FailedDict,
             alternatives-Alternatives], RuleFields, Fields], All),
    fields_dict(All, Dict).

%   test_fields(+Goal, -Fields): the operator and operands of a test of
%   (non-)identity, for a rendering in another language.
test_fields(G, [op-Op, terms-[XT, YT]]) :-
    (   G = (X \== Y)
    ->  Op = "\\=="
    ;   G = (X == Y)
    ->  Op = "=="
    ),
    !,
    term_text(X, XT),
    term_text(Y, YT).
test_fields(_, []).

%   fields_dict(+Pairs, -Dict): Dict of Pairs without the empty ones (an
%   empty list, false, zero); `default` and `holds` are kept when false.
fields_dict(Pairs, Dict) :-
    exclude(empty_field, Pairs, Kept),
    dict_create(Dict, _, Kept).

empty_field(Key-Value) :-
    \+ memberchk(Key, [default, holds]),
    (   Value == []
    ;   Value == false
    ;   Value == 0
    ).

%   goal_fields(+Goal, -Fields): pred, args and text of an atom; the text
%   alone of a conjunction.
goal_fields(G, [text-Text, goals-Goals]) :-
    G = (_, _),
    !,
    goals_text(G, Text),
    conjunction_goals(G, Goals).
goal_fields(G, [pred-Pred, args-Args, text-Text]) :-
    G =.. [Name|Args0],
    atom_string(Name, Pred),
    maplist(arg_json, Args0, Args),
    atom_text(G, Text).

%   conjunction_goals(+Conjunction, -Goals): each goal of Conjunction as a
%   dict {pred, args, vars, negated} so that a rendering in another language
%   can word it: `vars` names, for each argument, the variable shared by
%   several goals it is (the labels A, B, ... of goals_text/2) or null.
conjunction_goals(G, Goals) :-
    conjunction_goals_list(G, List),
    term_variables(List, Vars),
    include(shared_in(List), Vars, Shared),
    shared_labels(Shared, 0'A, Labels),
    maplist(conjunction_goal(Labels), List, Goals).

conjunction_goals_list(G, [G]) :-
    var(G), !.
conjunction_goals_list((A, B), List) :- !,
    conjunction_goals_list(A, LA),
    conjunction_goals_list(B, LB),
    append(LA, LB, List).
conjunction_goals_list(G, [G]).

shared_in(Term, Var) :-
    occurrences_of_var(Var, Term, N),
    N > 1.

shared_labels([], _, []).
shared_labels([V|Vs], Code, [V-Label|Ls]) :-
    char_code(Label0, Code),
    atom_string(Label0, Label),
    Code1 is Code + 1,
    shared_labels(Vs, Code1, Ls).

conjunction_goal(Labels, G0, _{pred: Pred, args: Args, vars: VarLabels, negated: Negated}) :-
    (   nonvar(G0), G0 = (\+ G)
    ->  Negated = true
    ;   G = G0,
        Negated = false
    ),
    (   callable(G)
    ->  G =.. [Name|Args0]
    ;   Name = '?', Args0 = []
    ),
    atom_string(Name, Pred),
    maplist(arg_json, Args0, Args),
    maplist(var_label(Labels), Args0, VarLabels).

var_label(Labels, Arg, Label) :-
    (   var(Arg),
        member(V-Label0, Labels),
        V == Arg
    ->  Label = Label0
    ;   Label = null
    ).

arg_json(Arg, Json) :-
    (   var(Arg)
    ->  Json = null
    ;   term_text(Arg, Json)
    ).

rule_fields(Id, [rule-IdText, doctrines-Doctrines, section-Section, citations-Citations, ext-Ext]) :-
    once(rule_clause(Id, Ds, Cites, _, _, _)),
    atom_string(Id, IdText),
    maplist(doctrine_text, Ds, Doctrines),
    citations_section(Cites, Section),
    maplist(citation_json, Cites, Citations),
    (   (   rule_flag(Id, ext)
        ;   member(D, Ds),
            ext_doctrine(D)
        )
    ->  Ext = true
    ;   Ext = false
    ).

%   citations_section(+Citations, -Section:string)
%
%   The sections of Citations (Doctrine-Section pairs) once each, in the
%   order cited: "4.3, 5.3".
citations_section(Cites, Section) :-
    findall(S, member(_-S, Cites), Ss0),
    list_to_set(Ss0, Ss),
    atomic_list_concat(Ss, ', ', Atom),
    atom_string(Atom, Section).

citation_json(D-S, _{doctrine: Doctrine, section: Section}) :-
    doctrine_text(D, Doctrine),
    atom_string(S, Section).

doctrine_text(D, Text) :-
    upcase_atom(D, Up),
    atom_string(Up, Text).

burden_field(none, []) :- !.
burden_field(Bearer, Text) :-
    atom_string(Bearer, Text).

condition_value(not(regime(R)), R) :- !.
condition_value(regime(R), R) :- !.
condition_value(not(position(_, V)), V) :- !.
condition_value(position(_, V), V).

regime_info(Regime, Section, Default) :-
    (   regime_value(Regime, Sec)
    ->  atom_string(Sec, Section)
    ;   Section = ""
    ),
    (   default_regime(Regime)
    ->  Default = true
    ;   Default = false
    ).

position_info(Point, Position, Doctrine, Default) :-
    choice_point(Point, D, DefaultPosition, _),
    doctrine_text(D, Doctrine),
    (   Position == DefaultPosition
    ->  Default = true
    ;   Default = false
    ).

%   regime_text(+Regime, +Section, +Default, +Wanted, -Text)
regime_text(Regime, Section, Default, Wanted, Text) :-
    (   Default == true
    ->  Note = "the default"
    ;   default_regime(D),
        format(string(Note), "not the default, ~w", [D])
    ),
    format(string(Text0), "regime = ~w (\u00a7~w; ~w)", [Regime, Section, Note]),
    not_wanted(Text0, Regime, Wanted, Text).

%   position_text(+Point, +Position, +Doctrine, +Default, +Wanted, -Text)
position_text(Point, Position, Doctrine, Default, Wanted, Text) :-
    (   Default == true
    ->  Note = "the default"
    ;   choice_point(Point, _, D, _),
        format(string(Note), "not the default, ~w", [D])
    ),
    format(string(Text0), "choice point ~w (~w) = ~w (~w)",
           [Point, Doctrine, Position, Note]),
    not_wanted(Text0, Position, Wanted, Text).

not_wanted(Text0, Actual, Wanted, Text) :-
    (   Actual == Wanted
    ->  Text = Text0
    ;   format(string(Text), "~w, not ~w", [Text0, Wanted])
    ).

%   test_text(+Goal, +Holds, -Text): a built-in test in words.
test_text(X \== Y, Holds, Text) :- !,
    same_text(X, Y, Holds, "is not", "is", Text).
test_text(X == Y, Holds, Text) :- !,
    same_text(X, Y, Holds, "is", "is not", Text).
test_text(G, Holds, Text) :-
    term_text(G, GText),
    (   Holds == true
    ->  Text = GText
    ;   string_concat("it is not the case that ", GText, Text)
    ).

same_text(X, Y, Holds, IfTrue, IfFalse, Text) :-
    term_text(X, XT),
    term_text(Y, YT),
    (   Holds == true
    ->  Verb = IfTrue
    ;   Verb = IfFalse
    ),
    atomic_list_concat([XT, ' ', Verb, ' ', YT], Text0),
    atom_string(Text0, Text).

%!  reading_dict(-Dict) is det.
%
%   Dict describes the reading of the evaluation in progress: `regime`
%   {value, section, default} and `positions`, a list of {point, value,
%   doctrine, default} in the order of the choice points' names.

reading_dict(_{regime: Regime, positions: Positions}) :-
    current_reading(reading(R, Pairs)),
    regime_info(R, Section, Default),
    term_text(R, Value),
    Regime = _{value: Value, section: Section, default: Default},
    maplist(position_entry, Pairs, Positions).

position_entry(Point-Position, _{point: PointText, value: Value,
                                 doctrine: Doctrine, default: Default}) :-
    position_info(Point, Position, Doctrine, Default),
    term_text(Point, PointText),
    term_text(Position, Value).
