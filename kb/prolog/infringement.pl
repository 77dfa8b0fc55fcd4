/*  Part of aigc-kb: who is liable when AI-generated content infringes copyright.

    Stages and infringing acts: D01-D05, and the dissemination rows of D29.
    Infringements are acts and whose act each is; they do not depend on the
    regime (docs/semantics.md, sections 1 and 2).
*/

:- module(aigc_infringement,
          [ infringement/5,             % ?Subject, ?Right, ?Work, ?Output, ?Stage
            holder/2,                   % ?Holder, ?Item
            protected/1,                % ?Item
            copies/3,                   % ?Output, ?Work, ?Right
            infringing_output/1,        % ?Output
            provider_of_output/2,       % ?Provider, ?Output
            has_provider/1,             % ?Output
            developer_run/2,            % ?Developer, ?Output
            training_copy/3,            % ?Developer, ?Artefact, ?Work
            training_infringement/3,    % ?Developer, ?Artefact, ?Work
            memorised_copy/3,           % ?Developer, ?System, ?Work
            tdm_exempt/1,               % ?Artefact
            model_work/2,               % ?Model, ?Work
            infringing_training_copy/3, % ?Developer, ?Work, ?Artefact
            output_dissemination/4,     % ?Party, ?Right, ?Work, ?Output
            item_dissemination/3,       % ?Party, ?Right, ?Item
            copy_source/3,              % ?Copy, ?Output, ?Right
            copy_item/3,                % ?Copy, ?Item, ?Right
            copy_infringement/4,        % ?Party, ?Right, ?Item, ?Copy
            commissioned_use/2,         % ?User, ?Output
            authorised_output/2,        % ?Output, ?Item
            authorised_reproduction/2,  % ?Output, ?Item
            uses_item/2,                % ?Output, ?Item
            self_run_output/1,          % ?Output
            copy_cycle/2,               % ?Output, ?Item
            protection_undefined/1,     % ?Output
            provenance_conflict/3       % ?Work, ?Recorded, ?Owner
          ]).
:- use_module(rules).
:- use_module(facts).
:- use_module(params).
:- use_module(ownership).
:- use_module(templates, []).

:- multifile aigc_templates:template/3.
:- discontiguous aigc_templates:template/3.

%   Tabled: computed once per case (the tables are abolished when the case
%   is unloaded), so that duplicate proofs do not multiply upwards.  Only
%   the predicates through which proofs multiply in dense cases are tabled
%   (test_robustness.py holds a dense case to an inference budget): a table
%   costs more than it saves on a predicate proved in few ways.
:- table
    copies/3,
    holder/2,
    protected/1,
    infringing_output/1,
    copy_path/2,
    uses_item/2,
    copy_item/3.

                 /*******************************
                 *    PROTECTED WORKS (D04, D28, D29)
                 *******************************/

%!  holder(?Holder, ?Item) is nondet.
%
%   Holder holds copyright or exclusive rights in Item: it owns the
%   copyright, is exclusive licensee, or a provenance record names it as
%   author (D28); in an output, it is the owner of the copyright (D29).

aigc_templates:template(holder, [party, item],
                        "{0} holds copyright or exclusive rights in {1}").
rule(r_d04_holder_owner, [d04-'2.1', d04-'4.3'],
     ( holder(H, W) :-
           owns_copyright(H, W)
     )).
rule(r_d04_holder_licensee, [d04-'2.1', d04-'4.3'],
     ( holder(H, W) :-
           exclusive_licensee(H, W)
     )).

%   D28 (6.2): a provenance record is evidence of who authored a work,
%   never title: it counts only where no owner of the work is proven (the
%   proven owner prevails, and the conflict is reported: provenance_conflict/3).
rule(r_d28_holder_provenance, [d04-'2.1', d28-'6.2', d28-'6.5'],
     ( holder(H, W) :-
           provenance_record(W, H),
           \+ owns_copyright(_, W)
     )).

%!  provenance_conflict(?Work, ?Recorded, ?Owner) is nondet.
%
%   A provenance record names Recorded as author of Work, whose proven
%   owner is another, Owner: the record is evidence, not title (D28), and
%   Owner keeps its rights.

aigc_templates:template(provenance_conflict, [work, party, party],
                        "a provenance record names {1} as author of {0}, but {2} is its proven owner and keeps its rights").
rule(r_d28_provenance_conflict, [d28-'6.2', d28-'6.5'],
     ( provenance_conflict(W, R, H) :-
           provenance_record(W, R),
           owns_copyright(H, W),
           R \== H
     )).

%   D29 [ext] (2.2, 3.3): a copyrightable output is a protected work of its
%   owner.
rule(r_d29_holder_output, [d29-'2.2', d29-'3.3'], [ext],
     ( holder(H, O) :-
           output(O),
           copyright(O, work, H, _),
           H \== none
     )).

%!  protected(?Item) is nondet.
%
%   Someone holds copyright or exclusive rights in Item.

aigc_templates:template(protected, [item],
                        "{0} is protected (someone holds copyright or exclusive rights in it)").
rule(r_d04_protected, [d04-'2.1', d29-'2.2'],
     ( protected(X) :-
           holder(_, X)
     )).

                 /*******************************
                 *   OUTPUT INFRINGEMENT (D04, D05)
                 *******************************/

%!  copy_link(?Output, ?Item) is nondet.
%
%   The case says that Output is similar to, or derived from, Item (a work
%   or another output): the facts D04 reads, before protection and
%   authorisation.

aigc_templates:template(copy_link, [output, item],
                        "{0} is said to be similar to or derived from {1}").
rule(r_d04_copy_link_similar, [d04-'2.1', d04-'4.3'],
     ( copy_link(O, X) :-
           substantially_similar(O, X)
     )).
rule(r_d04_copy_link_highly_similar, [d04-'2.1', d04-'4.3'],
     ( copy_link(O, X) :-
           highly_similar(O, X)
     )).
rule(r_d04_copy_link_derivative, [d04-'2.1', d04-'4.3'],
     ( copy_link(O, X) :-
           derivative_of(O, X)
     )).

%!  copy_path(?Output, ?Item) is nondet.
%
%   A chain of outputs, each said to copy the next, leads from Output to
%   the output Item (D29: outputs as protected works).

aigc_templates:template(copy_path, [output, output],
                        "a chain of outputs each said to copy the next leads from {0} to {1}").
rule(r_d29_copy_path_link, [d04-'4.3', d29-'2.2'], [ext],
     ( copy_path(O, X) :-
           copy_link(O, X),
           output(X)
     )).
rule(r_d29_copy_path_step, [d04-'4.3', d29-'2.2'], [ext],
     ( copy_path(O, X) :-
           copy_link(O, Y),
           output(Y),
           copy_path(Y, X)
     )).

%!  copy_cycle(?Output, ?Item) is nondet.
%
%   Output is said to copy the output Item, and Item leads back to Output
%   through outputs said to copy each other (or Item is Output itself).
%   Whether Item is protected against Output then depends on whether
%   Output is protected against it: the well-founded answer is undefined
%   (D20), and the link grounds no infringement.

aigc_templates:template(copy_cycle, [output, output],
                        "{0} and {1} are said to copy each other through a cycle of outputs").
rule(r_d20_copy_cycle, [d20-'3.3', d29-'2.2'], [ext],
     ( copy_cycle(O, X) :-
           copy_link(O, X),
           output(X),
           copy_path(X, O)
     )).

%!  protection_undefined(?Output) is nondet.
%
%   Output, to which a human contributed (D17: else it is no work and
%   protects nothing), is said to be copied by an output of a cycle of
%   outputs said to copy each other: whether it protects against that copy
%   is undefined (D20: well-founded, never guessed); no infringement is
%   found through it.

aigc_templates:template(protection_undefined, [output],
                        "whether {0} is protected against the outputs said to copy it in a cycle is undefined").
rule(r_d20_protection_undefined, [d20-'3.3', d29-'2.2'], [ext],
     ( protection_undefined(X) :-
           copy_cycle(_, X),
           contributor(_, X)
     )).

%!  source_protected(?Output, ?Item) is nondet.
%
%   Output is said to copy Item, and Item is protected as a source of
%   Output: a protected work, or a protected output (D29) not on a copy
%   cycle with Output.

aigc_templates:template(source_protected, [output, item],
                        "{1}, which {0} is said to copy, is protected").
rule(r_d04_source_protected_work, [d04-'2.1', d04-'4.3'],
     ( source_protected(O, W) :-
           copy_link(O, W),
           \+ output(W),
           protected(W)
     )).
rule(r_d29_source_protected_output, [d04-'4.3', d29-'2.2', d29-'3.3'], [ext],
     ( source_protected(O, X) :-
           copy_link(O, X),
           output(X),
           \+ copy_path(X, O),
           protected(X)
     )).

%!  uses_item(?Output, ?Item) is nondet.
%
%   Output uses the original expression of the protected Item, whose rights
%   holder did not license its use in Output (authorised_use/2): the ground
%   of an infringement by disseminating Output (D04).

aigc_templates:template(uses_item, [output, item],
                        "{0} uses the original expression of {1} (protected), unlicensed").
rule(r_d04_uses_item, [d04-'2.1', d04-'4.3'],
     ( uses_item(O, X) :-
           source_protected(O, X),
           \+ authorised_use(O, X)
     )).

%!  authorised_output(?Output, ?Item) is nondet.
%
%   The generation of Output, which is said to copy Item, is authorised for
%   Item because of who generates it (Terms: nobody infringes a work it
%   holds or was licensed to use for that act): the provider whose service
%   generated Output holds Item; or the user who commissioned Output holds
%   Item (the holder commissioning a copy or an adaptation of its own work
%   licenses that use).  A licence of the use in Output (authorised_use/2)
%   is read by uses_item/2 and covers the dissemination of Output too.

aigc_templates:template(authorised_output, [output, item],
                        "the generation of {0} is authorised for {1}").
rule(r_d04_authorised_provider_holder, [d04-'4.3', d07-'4.3'],
     ( authorised_output(O, X) :-
           copy_link(O, X),
           provider_of_output(P, O),
           holder(P, X)
     )).
rule(r_d04_authorised_requester_holder, [d04-'4.3', d19-'3.3'],
     ( authorised_output(O, X) :-
           copy_link(O, X),
           requested_by(O, U),
           holder(U, X)
     )).
rule(r_d04_authorised_developer_run_holder, [d04-'4.3', d08-'4.2'],
     ( authorised_output(O, X) :-
           copy_link(O, X),
           developer_run(D, O),
           holder(D, X)
     )).

%!  authorised_reproduction(?Output, ?Item) is nondet.
%
%   The reproduction of Item in Output, which is said to copy it, is
%   licensed (Terms, I01): the party that generates Output - the provider
%   whose service generated it or, with no provider, the requesting user -
%   (or, with neither, the developer that ran its system, developer_run/2)
%   was authorised by the holder of Item to reproduce it
%   (dissemination_authorised/2).  An adaptation is not covered.

aigc_templates:template(authorised_reproduction, [output, item],
                        "the reproduction of {1} in {0} is authorised: whoever generated {0} was licensed to reproduce {1}").
rule(r_d04_authorised_reproduction_provider, [d04-'4.3', d07-'4.3'],
     ( authorised_reproduction(O, X) :-
           copy_link(O, X),
           provider_of_output(P, O),
           dissemination_authorised(P, X)
     )).
rule(r_d04_authorised_reproduction_self_run, [d04-'4.3'],
     ( authorised_reproduction(O, X) :-
           copy_link(O, X),
           \+ has_provider(O),
           requested_by(O, U),
           dissemination_authorised(U, X)
     )).
rule(r_d04_authorised_reproduction_developer_run, [d04-'4.3', d08-'4.2'],
     ( authorised_reproduction(O, X) :-
           copy_link(O, X),
           developer_run(D, O),
           dissemination_authorised(D, X)
     )).

%!  copies(?Output, ?Work, ?Right) is nondet.
%
%   Output uses the original expression of the protected Work (a work, or
%   a protected output, D29) without authorisation for its generation,
%   infringing Right (D04, [ext] mapping of 2.1's list): similarity gives
%   reproduction, derivation adaptation.  Whether Output is itself a work
%   is never read (D05).

aigc_templates:template(copies, [output, item, right],
                        "{0} uses the original expression of {1} without authorisation (the {2} right)").
rule(r_d04_copies_substantially_similar, [d04-'2.1', d04-'4.3', d05-'2.3'], [ext],
     ( copies(O, W, reproduction) :-
           substantially_similar(O, W),
           uses_item(O, W),
           \+ authorised_output(O, W),
           \+ authorised_reproduction(O, W)
     )).
rule(r_d04_copies_highly_similar, [d04-'2.1', d04-'4.3', d05-'2.3'], [ext],
     ( copies(O, W, reproduction) :-
           highly_similar(O, W),
           \+ substantially_similar(O, W),
           uses_item(O, W),
           \+ authorised_output(O, W),
           \+ authorised_reproduction(O, W)
     )).
rule(r_d04_copies_derivative, [d04-'2.1', d04-'4.3', d05-'2.3'], [ext],
     ( copies(O, W, adaptation) :-
           derivative_of(O, W),
           uses_item(O, W),
           \+ authorised_output(O, W)
     )).

%!  infringing_output(?Output) is nondet.
%
%   Output copies some protected work (D04): generating it is itself the
%   infringing act, no dissemination needed.

aigc_templates:template(infringing_output, [output],
                        "{0} infringes (it copies a protected work)").
rule(r_d04_infringing_output, [d04-'4.3'],
     ( infringing_output(O) :-
           copies(O, _, _)
     )).

%!  provider_of_output(?Provider, ?Output) is nondet.
%
%   Provider provides the system that generated Output (D07).

aigc_templates:template(provider_of_output, [party, output],
                        "{0} provides the system that generated {1}").
rule(r_d07_provider_of_output, [d07-'3.1', d07-'4.3', d19-'3.3'],
     ( provider_of_output(P, O) :-
           generated_by(O, S),
           provider(P, S),
           \+ self_run_output(O)
     )).

%!  self_run_output(?Output) is nondet.
%
%   D19 [ext] (3.3): Output was requested by a user that runs the
%   generating system itself: no provider stands between them, even where
%   another offers the same system as a service (that provider neither owns
%   nor answers for the output, D07, D19).

aigc_templates:template(self_run_output, [output],
                        "{0} was generated on a copy of the system its requesting user runs itself").
rule(r_d19_self_run_output, [d19-'3.3'], [ext],
     ( self_run_output(O) :-
           generated_by(O, S),
           requested_by(O, U),
           runs_itself(U, S)
     )).

%!  has_provider(?Output) is nondet.
%
%   Some provider stands between the user and the system that generated
%   Output.

%!  developer_run(?Developer, ?Output) is nondet.
%
%   Nobody provides the system that generated Output and nobody requested
%   Output: Developer, who developed that system, ran it and generated
%   Output (the party that generates an output: D04, D08).

aigc_templates:template(developer_run, [party, output],
                        "{0} developed the system that generated {1} and ran it itself: nobody provides that system and nobody requested {1}").
rule(r_d04_developer_run, [d04-'4.3', d08-'4.2'],
     ( developer_run(D, O) :-
           generated_by(O, S),
           developer(D, S),
           \+ has_provider(O),
           \+ requested_by(O, _)
     )).

aigc_templates:template(has_provider, [output],
                        "a provider stands between the user and the system that generated {0}").
rule(r_d07_has_provider, [d07-'4.3', d19-'3.3'],
     ( has_provider(O) :-
           provider_of_output(_, O)
     )).

                 /*******************************
                 *   TRAINING STAGE (D01-D03)   *
                 *******************************/

%!  training_copy(?Developer, ?Artefact, ?Work) is nondet.
%
%   Developer copied the protected Work into the training data of Artefact
%   (a system, or a fine-tuned model) without authorisation (D02):
%   developers "are responsible for ensuring that the data used is lawfully
%   sourced".

aigc_templates:template(training_copy, [party, artefact, work],
                        "{0} copied {2} (protected) into the training data of {1} without authorisation").
rule(r_d02_training_copy, [d02-'2.1', d02-'4.2'],
     ( training_copy(D, S, W) :-
           developer(D, S),
           trained_on(S, W),
           protected(W),
           \+ training_authorised(S, W),
           \+ holder(D, W)
     )).

%   D02 (2.1, 4.2): copying works into the fine-tuning set of a model is a
%   training-stage reproduction by whoever trained the model, whether or
%   not it developed the base system; the rights holder, its licensee and
%   a party licensed to train the model on the work are excluded (I01).
rule(r_d02_model_training_copy, [d02-'2.1', d02-'4.2'],
     ( training_copy(T, M, W) :-
           model_trained_by(M, T),
           model_trained_on(M, W),
           protected(W),
           \+ model_training_authorised(M, W),
           \+ holder(T, W)
     )).

%!  model_work(?Model, ?Work) is nondet.
%
%   Work is a work of Model: Model was trained on it or is named after it.

aigc_templates:template(model_work, [model, work],
                        "{1} is a work of {0} (it was trained on it or is named after it)").
rule(r_d02_model_work_trained_on, [d02-'4.2'],
     ( model_work(M, W) :-
           model_trained_on(M, W)
     )).
rule(r_d10_model_work_named_after, [d10-'4.4'], [ext],
     ( model_work(M, W) :-
           model_named_after(M, W)
     )).

%!  tdm_exempt(?Artefact) is semidet.
%
%   A data-mining exception covers the training of Artefact (a system or a
%   model): only where the choice point tdm_exception departs from the
%   paper's `rejected` (D03).

aigc_templates:template(tdm_exempt, [artefact],
                        "a data-mining exception covers the training of {0}").
rule(r_d03_tdm_accepted, [d03-'4.2'],
     ( tdm_exempt(_) :-
           position(tdm_exception, accepted)
     )).
rule(r_d03_tdm_noncommercial, [d03-'4.2'], [ext],
     ( tdm_exempt(S) :-
           position(tdm_exception, accepted_if_noncommercial),
           noncommercial_research(S)
     )).

%!  training_infringement(?Developer, ?Artefact, ?Work) is nondet.
%
%   Developer's training copy of Work for Artefact (a system or a model)
%   infringes: no data-mining exception applies (D02, D03).

aigc_templates:template(training_infringement, [party, artefact, work],
                        "the training copy of {2} by {0} for {1} infringes (no data-mining exception applies)").
rule(r_d02_training_infringement, [d02-'2.1', d03-'4.2'],
     ( training_infringement(D, S, W) :-
           training_copy(D, S, W),
           \+ tdm_exempt(S)
     )).

%!  memorised_copy(?Developer, ?System, ?Work) is nondet.
%
%   [ext, court practice] System, which Developer developed, memorised the
%   protected Work (it reproduces Work on simple prompts): the copy fixed in
%   its weights is a reproduction of Work by Developer in the training stage
%   (D01, D02), unless Developer holds Work or the training of System on
%   Work was authorised.

aigc_templates:template(memorised_copy, [party, system, work],
                        "{1}, which {0} developed, memorised {2} (protected): the copy in its weights is a reproduction by {0} without authorisation").
rule(r_d02_memorised_copy, [d01-'2.1', d02-'2.1', d02-'4.2'], [ext],
     ( memorised_copy(D, S, W) :-
           developer(D, S),
           memorised(S, W),
           protected(W),
           \+ training_authorised(S, W),
           \+ holder(D, W)
     )).

%   [ext] (4.2): the data-mining exception, where a position accepts it,
%   covers copying works to learn from them ("fair use of copyrighted
%   materials for AI training"), not a copy of a work the model keeps and
%   reproduces: a memorised copy infringes whatever tdm_exception says.
rule(r_d03_memorised_infringement, [d02-'4.2', d03-'4.2'], [ext],
     ( training_infringement(D, S, W) :-
           memorised_copy(D, S, W)
     )).

%!  infringing_training_copy(?Developer, ?Work, ?Artefact) is nondet.
%
%   Developer infringed by copying Work into the training data of Artefact,
%   a system or a model (D02, D03): the training-stage infringement
%   infringement(Developer, reproduction, Work, none, training) names no
%   artefact; this says which.

aigc_templates:template(infringing_training_copy, [party, work, artefact],
                        "{0} infringed by copying {1} into the training data of {2}").
rule(r_d02_infringing_training_copy, [d02-'2.1', d02-'4.2', d03-'4.2'],
     ( infringing_training_copy(D, W, S) :-
           training_infringement(D, S, W),
           \+ system(D)
     )).

                 /*******************************
                 *    DISSEMINATION (D04, D29)  *
                 *******************************/

%!  output_dissemination(?Party, ?Right, ?Work, ?Output) is nondet.
%
%   Party made available (communication) or reproduced (reproduction) the
%   Output, which copies the protected Work, without authorisation (D04): a
%   licence to reproduce or make available Output, or Work, covers it.

aigc_templates:template(output_dissemination, [party, right, work, output],
                        "{0} disseminated {3}, which copies {2}, without authorisation (the {1} right)").
rule(r_d04_output_made_available, [d04-'2.1', d04-'4.3'], [ext],
     ( output_dissemination(P, communication, W, O) :-
           made_available(P, O),
           uses_item(O, W),
           \+ dissemination_authorised(P, O),
           \+ dissemination_authorised(P, W),
           \+ holder(P, W)
     )).
rule(r_d04_output_reproduced, [d04-'2.1', d04-'4.3'], [ext],
     ( output_dissemination(P, reproduction, W, O) :-
           reproduced(P, O),
           uses_item(O, W),
           \+ dissemination_authorised(P, O),
           \+ dissemination_authorised(P, W),
           \+ holder(P, W)
     )).

%!  commissioned_use(?User, ?Output) is nondet.
%
%   D19 [ext] (3.3): the user who commissioned Output (requested it) may
%   use it for the purpose of the commission even where another holds its
%   copyright; its own reproduction or making available of Output infringes
%   no copyright in Output.

aigc_templates:template(commissioned_use, [party, output],
                        "{0} commissioned {1} and may use it for the purpose of the commission").
rule(r_d19_commissioned_use, [d19-'3.3'], [ext],
     ( commissioned_use(U, O) :-
           requested_by(O, U)
     )).

%!  item_dissemination(?Party, ?Right, ?Item) is nondet.
%
%   D29 [ext]: Party, not a holder of the protected Item (a work or a
%   copyrightable output), made it available, reproduced it, or removed its
%   author's name or watermark, without authorisation.

aigc_templates:template(item_dissemination, [party, right, item],
                        "{0}, not its holder, disseminated {2} (protected) without authorisation (the {1} right)").
rule(r_d29_item_made_available, [d29-'2.2', d29-'3.3'], [ext],
     ( item_dissemination(P, communication, X) :-
           made_available(P, X),
           protected(X),
           \+ dissemination_authorised(P, X),
           \+ holder(P, X),
           \+ commissioned_use(P, X)
     )).
rule(r_d29_item_reproduced, [d29-'2.2', d29-'3.3'], [ext],
     ( item_dissemination(P, reproduction, X) :-
           reproduced(P, X),
           protected(X),
           \+ dissemination_authorised(P, X),
           \+ holder(P, X),
           \+ commissioned_use(P, X)
     )).
rule(r_d29_attribution_removed, [d29-'2.2', d29-'3.3'], [ext],
     ( item_dissemination(P, authorship, X) :-
           attribution_removed(P, X),
           protected(X),
           \+ holder(P, X)
     )).

                 /*******************************
                 *  COPIES IN OTHER MEDIA (D04, D29)
                 *******************************/

%   A copy (copy/1) is a reproduction of an output made by a party in some
%   medium - a poster, a print, a product reproducing a generated design -
%   and is no AI output.  Whether it infringes is D29's question for the
%   output it copies (and D04's for the work that output copies); the medium
%   (copy_medium/2) is never read: it does not change the infringement
%   (docs/semantics.md section 2).

%!  copy_source(?Copy, ?Output, ?Right) is nondet.
%
%   The case says that Copy reproduces Output (substantially similar: the
%   reproduction right) or keeps its original features and adds new ones
%   (the adaptation right): the mapping of D04 for outputs [ext].

aigc_templates:template(copy_source, [copy, output, right],
                        "{0} is said to copy {1} (the {2} right)").
rule(r_d29_copy_source_similar, [d04-'2.1', d29-'2.2', d29-'3.3'], [ext],
     ( copy_source(C, O, reproduction) :-
           copy_similar(C, O)
     )).
rule(r_d29_copy_source_derivative, [d04-'2.1', d29-'2.2', d29-'3.3'], [ext],
     ( copy_source(C, O, adaptation) :-
           copy_derivative_of(C, O)
     )).

%!  copy_item(?Copy, ?Item, ?Right) is nondet.
%
%   Copy carries the original expression of the protected Item, and making
%   it touches Right: the output it copies, where that output is a
%   copyrightable work someone owns (D29: no human contribution, D17, or an
%   infringing output, D20, and it protects nothing); or a protected work
%   that output copies (D04: a copy of an infringing output reproduces the
%   work it copies, as reproducing the output itself does).

aigc_templates:template(copy_item, [copy, item, right],
                        "{0} carries the original expression of {1} (protected; the {2} right)").
rule(r_d29_copy_item_output, [d29-'2.2', d29-'3.3', d17-'2.2', d20-'3.3'], [ext],
     ( copy_item(C, O, R) :-
           copy_source(C, O, R),
           protected(O)
     )).
rule(r_d04_copy_item_work, [d04-'2.1', d04-'4.3', d29-'3.3'], [ext],
     ( copy_item(C, W, reproduction) :-
           copy_source(C, O, _),
           uses_item(O, W)
     )).

%!  copy_infringement(?Party, ?Right, ?Item, ?Copy) is nondet.
%
%   D29 [ext] (2.2, 3.3), D04: Party infringed Right in the protected Item
%   through Copy: it made the copy (reproduction, or adaptation for a
%   derivative), sold or gave it to the public (distribution [ext],
%   Copyright Law Art. 10(1)(6)) or made it available on an information
%   network (communication) - unless it holds Item, the holder licensed
%   Party (dissemination_authorised/2) or the copy (copy_authorised/1), or
%   Party commissioned the output it copies (D19 [ext]).

aigc_templates:template(copy_infringement, [party, right, item, copy],
                        "{0} infringed the {1} right in {2} through the copy {3}").
rule(r_d29_copy_made, [d29-'2.2', d29-'3.3', d04-'2.1'], [ext],
     ( copy_infringement(P, R, X, C) :-
           copy_made_by(C, P),
           copy_item(C, X, R),
           \+ copy_permitted(P, X, C)
     )).
rule(r_d29_copy_distributed, [d29-'2.2', d29-'3.3'], [ext],
     ( copy_infringement(P, distribution, X, C) :-
           copy_distributed(C, P),
           copy_item(C, X, _),
           \+ copy_permitted(P, X, C)
     )).
rule(r_d29_copy_made_available, [d29-'2.2', d29-'3.3', d04-'2.1'], [ext],
     ( copy_infringement(P, communication, X, C) :-
           copy_made_available(C, P),
           copy_item(C, X, _),
           \+ copy_permitted(P, X, C)
     )).

%   copy_actor(?Party, ?Copy): Party made, distributed or made available
%   Copy.
aigc_templates:template(copy_actor, [party, copy],
                        "{0} made, distributed or made available {1}").
rule(r_d29_copy_actor_made, [d29-'3.3'], [ext],
     ( copy_actor(P, C) :-
           copy_made_by(C, P)
     )).
rule(r_d29_copy_actor_distributed, [d29-'3.3'], [ext],
     ( copy_actor(P, C) :-
           copy_distributed(C, P)
     )).
rule(r_d29_copy_actor_made_available, [d29-'3.3'], [ext],
     ( copy_actor(P, C) :-
           copy_made_available(C, P)
     )).

%   copy_permitted(?Party, ?Item, ?Copy): Party's act on Copy is no
%   infringement of Item (Terms, I01): Party holds Item, the holder
%   licensed Party to reproduce or make available Item or the output Copy
%   copies, or licensed Copy itself, or Party commissioned the output Copy
%   copies (D19 [ext]: use for the purpose of the commission).
aigc_templates:template(copy_permitted, [party, item, copy],
                        "the act of {0} on {2} does not infringe {1} (held, licensed or commissioned)").
rule(r_d29_copy_permitted_holder, [d29-'3.3', d04-'2.1'], [ext],
     ( copy_permitted(P, X, C) :-
           copy_item(C, X, _),
           copy_actor(P, C),
           holder(P, X)
     )).
rule(r_d29_copy_permitted_licensed, [d29-'3.3'], [ext],
     ( copy_permitted(P, X, C) :-
           copy_item(C, X, _),
           copy_actor(P, C),
           dissemination_authorised(P, X)
     )).
rule(r_d29_copy_permitted_output_licensed, [d29-'3.3'], [ext],
     ( copy_permitted(P, X, C) :-
           copy_item(C, X, _),
           copy_actor(P, C),
           copy_source(C, O, _),
           dissemination_authorised(P, O)
     )).
rule(r_d29_copy_permitted_copy_licensed, [d29-'3.3'], [ext],
     ( copy_permitted(P, X, C) :-
           copy_item(C, X, _),
           copy_actor(P, C),
           copy_authorised(C)
     )).
rule(r_d19_copy_permitted_commissioned, [d19-'3.3', d29-'3.3'], [ext],
     ( copy_permitted(P, X, C) :-
           copy_item(C, X, _),
           copy_actor(P, C),
           commissioned_use(P, X)
     )).

                 /*******************************
                 *   INFRINGEMENTS (D01, D02, D04, D29)
                 *******************************/

%!  infringement(?Subject, ?Right, ?Work, ?Output, ?Stage) is nondet.
%
%   Subject infringed Right in Work (through Output, `none` for a training
%   copy or a dissemination of the work itself) in Stage, `training` or
%   `generation` (D01).

aigc_templates:template(infringement, [party, right, item, output_or_copy_or_none, stage],
                        "{0} infringed the {1} right in {2} in the {4} stage ({3:noun}: {3})").

%   Here and in every infringement rule below, a system named as a party
%   is never the infringer (D06, 4.1; I02): the rules guarantee it, not
%   only the case validator.

%   D01, D02, D03 (2.1, 4.2): a training copy without authorisation.
rule(r_d02_infringement_training, [d01-'2.1', d02-'2.1', d02-'4.2', d03-'4.2'],
     ( infringement(D, reproduction, W, none, training) :-
           training_infringement(D, _, W),
           \+ system(D)
     )).

%   D01, D04, D07 (2.1, 4.3): the provider's system generated the output.
rule(r_d04_infringement_provider, [d01-'2.1', d04-'4.3', d07-'3.1'],
     ( infringement(P, R, W, O, generation) :-
           copies(O, W, R),
           provider_of_output(P, O),
           \+ system(P)
     )).

%   D01, D04 (2.1, 4.3): a self-run model, or no system named, and no
%   provider: the requesting user generates.
rule(r_d04_infringement_self_run, [d01-'2.1', d04-'4.3'],
     ( infringement(U, R, W, O, generation) :-
           copies(O, W, R),
           \+ has_provider(O),
           requested_by(O, U),
           \+ system(U)
     )).

%   D01, D04, D08 (2.1, 4.3, 4.2): nobody provides the system and nobody
%   requested the output: the developer that ran its own system generates.
rule(r_d04_infringement_developer_run, [d01-'2.1', d04-'4.3', d08-'4.2'],
     ( infringement(D, R, W, O, generation) :-
           copies(O, W, R),
           developer_run(D, O),
           \+ system(D)
     )).

%   D01, D04 (2.1): disseminating an infringing output.
rule(r_d04_infringement_dissemination, [d01-'2.1', d04-'4.3'],
     ( infringement(P, R, W, O, generation) :-
           output_dissemination(P, R, W, O),
           \+ system(P)
     )).

%   D01, D29 [ext] (2.2, 3.3): disseminating a protected work or output.
rule(r_d29_infringement_dissemination, [d01-'2.1', d29-'2.2', d29-'3.3'], [ext],
     ( infringement(P, R, X, none, generation) :-
           item_dissemination(P, R, X),
           \+ system(P)
     )).

%   D01, D29 [ext] (2.2, 3.3), D04 (2.1): an act on a copy of an output in
%   any medium (the copy named as what the infringement is through).
rule(r_d29_infringement_copy, [d01-'2.1', d04-'2.1', d29-'2.2', d29-'3.3'], [ext],
     ( infringement(P, R, X, C, generation) :-
           copy_infringement(P, R, X, C),
           \+ system(P)
     )).
