/*  Tests of infringement.pl: D01-D05, D28 (provenance), D29 (copies in other media too).
    Expectations derived by hand from docs/semantics.md, sections 1-3.
*/

:- use_module(aigc_engine(test_support)).

:- begin_tests(d05_independence).

%   Negative: a work that copies nothing does not infringe.
test(work_without_similarity) :-
    variant(provider_case, [human_contribution(usr, o)],
            [substantially_similar(o, w)], F),
    eval(F, [], C),
    assertion(lacks(C, infringement(_, _, _, _, _))),
    assertion(has(C, copyright(o, work, prov, commissioned_provider),
                  [d17, d19])).
%   The infringement conclusions do not depend on the output being a work.
test(same_infringements) :-
    scenario(provider_case, F0),
    variant(provider_case, [human_contribution(usr, o)], [], F1),
    eval(F0, [], C0),
    eval(F1, [], C1),
    findall(I, (member(conclusion(I, _), C0), I = infringement(_,_,_,_,_)), I0),
    findall(I, (member(conclusion(I, _), C1), I = infringement(_,_,_,_,_)), I1),
    assertion(I0 == I1).

:- end_tests(d05_independence).


:- begin_tests(i01_holder_own_work).

%   Terms, D04, I01: the provider holding the copied work does not infringe
%   by generating a copy of it, nor by making that copy available.
test(provider_holds_work) :-
    variant(provider_case, [owns_copyright(prov, w), made_available(prov, o)],
            [owns_copyright(rh, w)], F),
    eval(F, [], C),
    assertion(lacks(C, infringement(_, _, _, _, _))),
    assertion(lacks(C, liable(_, _, _, _))).
%   ... but a third party making that copy available does (D04).
test(third_party_reposts_holders_copy) :-
    variant(provider_case, [owns_copyright(prov, w), party(t), made_available(t, o)],
            [owns_copyright(rh, w)], F),
    eval(F, [], C),
    assertion(has(C, infringement(t, communication, w, o, generation))),
    assertion(lacks(C, infringement(prov, _, _, _, _))).
%   D02, I01: a developer training on a work it holds, or holds an exclusive
%   licence in, makes no infringing training copy.
test(developer_holds_work) :-
    variant(training_case, [owns_copyright(dev, w)], [owns_copyright(rh, w)], F),
    eval(F, [], C),
    assertion(lacks(C, infringement(_, _, _, _, _))).
test(developer_exclusive_licensee) :-
    variant(training_case, [exclusive_licensee(dev, w)], [], F),
    eval(F, [], C),
    assertion(lacks(C, infringement(dev, _, _, _, training))).

:- end_tests(i01_holder_own_work).

:- begin_tests(d28_provenance_evidence).

%   D28: a record naming another than the proven owner is reported, and the
%   named party is no holder.
test(record_against_owner) :-
    eval([party(rh), party(m), work(w), owns_copyright(rh, w),
          provenance_record(w, m), made_available(m, w)], [], C),
    assertion(has(C, provenance_conflict(w, m, rh), [d28])),
    assertion(has(C, infringement(m, communication, w, none, generation))).
%   A record naming the owner itself is no conflict.
test(record_of_owner) :-
    eval([party(rh), work(w), owns_copyright(rh, w), provenance_record(w, rh)], [], C),
    assertion(lacks(C, provenance_conflict(_, _, _))).

:- end_tests(d28_provenance_evidence).

:- begin_tests(d29_outputs_copying_outputs).

%   Two outputs of prov's service, each a work of a different user (terms).
two_outputs(Extra, F) :-
    F0 = [ party(prov), party(a), party(b), system(sys), output(o1), output(o2),
           provider(prov, sys), user(a, sys), user(b, sys),
           terms_assign_copyright(prov, a), terms_assign_copyright(prov, b),
           generated_by(o1, sys), requested_by(o1, a), human_contribution(a, o1),
           generated_by(o2, sys), requested_by(o2, b), human_contribution(b, o2)
         ],
    append(F0, Extra, F).

%   D29, D04: an output copying another's protected output infringes it.
test(copy_of_protected_output) :-
    two_outputs([substantially_similar(o2, o1)], F),
    eval(F, [], C),
    assertion(has(C, infringement(prov, reproduction, o1, o2, generation))),
    assertion(has(C, copyright(o2, work, none, infringing_output))),
    assertion(lacks(C, protection_undefined(_))).
%   D20: a chain o2 -> o1 -> w: o1 infringes w, so nobody owns o1 and o2
%   infringes nothing through it (a stratified answer, not a guess).
test(copy_of_infringing_output) :-
    two_outputs([party(rh), work(w), owns_copyright(rh, w),
                 substantially_similar(o1, w), substantially_similar(o2, o1)], F),
    eval(F, [], C),
    assertion(has(C, infringement(prov, reproduction, w, o1, generation))),
    assertion(lacks(C, infringement(_, _, o1, _, _))),
    assertion(lacks(C, protection_undefined(_))).
%   D20 (well-founded): two outputs said to copy each other infringe through
%   neither, and both are reported undefined; also for a longer cycle.
test(two_cycle) :-
    two_outputs([substantially_similar(o1, o2), derivative_of(o2, o1)], F),
    eval(F, [], C),
    assertion(lacks(C, infringement(_, _, _, _, _))),
    assertion(has(C, protection_undefined(o1))),
    assertion(has(C, protection_undefined(o2))).
test(three_cycle) :-
    two_outputs([ output(o3), generated_by(o3, sys), requested_by(o3, a),
                  human_contribution(a, o3),
                  substantially_similar(o1, o2), substantially_similar(o2, o3),
                  substantially_similar(o3, o1) ], F),
    eval(F, [], C),
    assertion(lacks(C, infringement(_, _, _, _, _))),
    forall(member(O, [o1, o2, o3]), assertion(has(C, protection_undefined(O)))).

:- end_tests(d29_outputs_copying_outputs).

:- begin_tests(d20_output_copying_itself).

%   D20: an output said to copy itself (the generator of worlds can say so)
%   is a cycle of one: it infringes nothing through itself and, a work,
%   is reported undefined; it keeps its owner.
test(self_copy) :-
    eval([ party(p), party(a), system(s), output(o), provider(p, s),
           generated_by(o, s), requested_by(o, a), human_contribution(a, o),
           substantially_similar(o, o) ], [], C),
    assertion(lacks(C, infringement(_, _, _, _, _))),
    assertion(has(C, protection_undefined(o))),
    assertion(has(C, copyright(o, work, p, commissioned_provider))).

:- end_tests(d20_output_copying_itself).


:- begin_tests(d29_copies_in_other_media).

%   D29 [ext]: Liu prints posters of Li's image and sells them: reproduction
%   and distribution in img, through the copy.
test(poster_of_protected_output) :-
    variant(li_v_liu, [copy(p), copy_made_by(p, liu), copy_similar(p, img),
                       copy_distributed(p, liu)], [], F),
    eval(F, [], C),
    assertion(has(C, infringement(liu, reproduction, img, p, generation))),
    assertion(has(C, infringement(liu, distribution, img, p, generation))),
    assertion(has(C, liable_for(liu, primary, distribution, img, p, generation))),
    assertion(lacks(C, infringement(li, _, _, p, _))).
%   The medium never changes a conclusion.
test(medium_irrelevant) :-
    Base = [copy(p), copy_made_by(p, liu), copy_similar(p, img)],
    variant(li_v_liu, [copy_medium(p, print)|Base], [], F1),
    variant(li_v_liu, [copy_medium(p, physical_product)|Base], [], F2),
    eval(F1, [], C1),
    eval(F2, [], C2),
    assertion(C1 == C2).
%   D04: a copy of an output that copies w reproduces w, not the output
%   (no work: no human contribution, D17).
test(copy_of_infringing_output) :-
    variant(provider_case, [party(t), copy(c), copy_made_by(c, t), copy_similar(c, o)], [], F),
    eval(F, [], C),
    assertion(has(C, infringement(t, reproduction, w, c, generation))),
    assertion(lacks(C, infringement(_, _, o, _, _))).
%   D06, I02: a system named as the maker of a copy infringes nothing, also
%   in the raw engine.
test(system_never_copies) :-
    variant(li_v_liu, [copy(p), copy_made_by(p, sd), copy_similar(p, img)], [], F),
    eval(F, [], C),
    assertion(lacks(C, infringement(sd, _, _, _, _))),
    assertion(lacks(C, liable_for(sd, _, _, _, _, _))).

:- end_tests(d29_copies_in_other_media).
