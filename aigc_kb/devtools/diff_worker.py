"""The child process of ``aigc-kb diff``: one knowledge base, evaluated and explained on request.

pyswip runs one Prolog engine per process and a process holds one knowledge
base, so ``aigc-kb diff`` runs each of the two knowledge bases it compares in
a process of its own (:class:`aigc_kb.devtools.diff.KbProcess`), started as
``python -m aigc_kb.devtools.diff_worker --kb DIR [limits]``.

The protocol is one JSON object per line.  The child first writes
``{"ready": true}``, or ``{"ready": false, "error": TEXT}`` when the knowledge
base does not load (TEXT names file and line) and stops.  Then, for each
request line, it writes one reply line:

``{"op": "evaluate", "items": [ITEM, ...]}``
    ITEM is ``{"case": CASE, "reading": READING, "engines": [ENGINE, ...]}``;
    the reply ``{"results": [{ENGINE: {"rows": [[PRED, ARGS, DOCTRINES], ...]}
    or {"error": TEXT}}, ...]}``, one per item.  Cases are evaluated in
    batches (:func:`aigc_kb.batch.pipeline.batch_evaluator`), a case the
    batch does not settle alone, each call under the limits given.
``{"op": "explain", "items": [ITEM, ...]}``
    ITEM is ``{"case": CASE, "reading": READING, "atoms": [[PRED, ARGS], ...]}``;
    the reply ``{"results": [{"explanation": EXPLANATION} or {"error": TEXT}]}``,
    EXPLANATION the JSON form of :class:`aigc_kb.explain.model.Explanation`
    with one answer per atom.
``{"op": "quit"}``
    The child ends.

CASE is ``{"path": FILE}`` (a case file, loaded by the child with its own
vocabulary) or ``{"source": NAME, "data": OBJECT}`` (a case object as in a
JSON Lines batch); READING is ``{"name": N, "regime": R or null,
"positions": [[POINT, POSITION], ...]}``.

The protocol runs over a duplicate of the child's standard output; standard
output itself goes to standard error, so nothing an engine prints can mix
into a reply.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from ..api import KnowledgeBase
from ..batch.pipeline import batch_evaluator
from ..batch.record import Row
from ..core.errors import AigcError, InputError
from ..core.loader import load_case_json_line
from ..core.model import Case, Reading
from ..core.reading import ResolvedReading, resolve
from ..engines.limits import Limits
from ..explain.trees import NEGATION_DEPTH, explain
from ..patterns import Pattern

#: Cases per batch engine call.
CHUNK = 200


def describe(err: BaseException) -> str:
    """An error as the lines ``aigc-kb`` would print for it."""
    if isinstance(err, InputError):
        return "\n".join(str(p) for p in err.problems)
    return str(err)


class Worker:
    """Evaluate and explain cases on one knowledge base, caching the cases loaded."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._cases: dict[str, Case] = {}

    def probe(self) -> None:
        """Load both encodings (the Prolog files, and the ASP program grounded once).

        Raises
        ------
        AigcError
            When either does not load, naming file and line.
        """
        self.kb.engine("prolog")
        probe = Case(id="probe", path="<probe>")
        self.kb.evaluate_reading(probe, resolve(self.kb.vocab, Reading()), "asp")

    def case(self, spec: dict[str, Any]) -> Case:
        key = json.dumps(spec, sort_keys=True)
        case = self._cases.get(key)
        if case is None:
            if "path" in spec:
                case = self.kb.load_case(str(spec["path"]))
            else:
                case = load_case_json_line(json.dumps(spec["data"]), str(spec["source"]), 1, self.kb.vocab)
            self._cases[key] = case
        return case

    def item(self, item: dict[str, Any]) -> tuple[Case, ResolvedReading]:
        case = self.case(item["case"])
        raw = item["reading"]
        reading = Reading(str(raw["name"]), raw.get("regime"),
                          tuple((str(p), str(v)) for p, v in raw.get("positions", ())))
        return case, resolve(self.kb.vocab, reading, source=case.path)

    def _batch(self, engine: str, items: Sequence[tuple[Case, ResolvedReading]]) -> list[list[Row] | None]:
        """Each item's conclusions from batch engine calls (``None``: evaluate it alone)."""
        try:
            evaluator = batch_evaluator(self.kb, engine)
        except AigcError:
            return [None] * len(items)
        out: list[list[Row] | None] = []
        for start in range(0, len(items), CHUNK):
            part = items[start:start + CHUNK]
            try:
                request = evaluator.prepare(part)
                out.extend(evaluator.decode(len(part), request, evaluator.call(request)))
            except AigcError:
                out.extend([None] * len(part))
        return out

    def evaluate(self, items: list[dict[str, Any]]) -> dict[str, Any]:
        results: list[dict[str, Any]] = [{} for _ in items]
        pending: dict[str, list[tuple[int, Case, ResolvedReading]]] = {}
        for index, item in enumerate(items):
            try:
                case, reading = self.item(item)
            except AigcError as err:
                for engine in item["engines"]:
                    results[index][engine] = {"error": describe(err)}
                continue
            for engine in item["engines"]:
                pending.setdefault(str(engine), []).append((index, case, reading))
        for engine, group in pending.items():
            batch = self._batch(engine, [(case, reading) for _, case, reading in group])
            for (index, case, reading), rows in zip(group, batch):
                if rows is None:
                    try:
                        found = self.kb.evaluate_reading(case, reading, engine).conclusions
                    except AigcError as err:
                        results[index][engine] = {"error": describe(err)}
                        continue
                    rows = [(c.pred, c.args, c.doctrines) for c in found]
                results[index][engine] = {"rows": [[pred, list(args), list(doctrines)]
                                                   for pred, args, doctrines in rows]}
        return {"results": results}

    def explain(self, items: list[dict[str, Any]]) -> dict[str, Any]:
        results: list[dict[str, Any]] = []
        for item in items:
            try:
                case, reading = self.item(item)
                requests = [("explain", Pattern(str(pred), tuple(str(a) for a in args)))
                            for pred, args in item["atoms"]]
                explanation = explain(self.kb, case, reading, requests, why_depth=NEGATION_DEPTH)
                results.append({"explanation": explanation.to_dict()})
            except AigcError as err:
                results.append({"error": describe(err)})
        return {"results": results}


def _send(out: TextIO, message: dict[str, Any]) -> None:
    out.write(json.dumps(message, ensure_ascii=False) + "\n")
    out.flush()


def main(argv: Sequence[str] | None = None) -> int:
    """Serve requests on standard input until ``quit`` or its end."""
    parser = argparse.ArgumentParser(prog="python -m aigc_kb.devtools.diff_worker")
    parser.add_argument("--kb", required=True)
    parser.add_argument("--time-limit", type=float, default=Limits.time)
    parser.add_argument("--stack-limit", type=int, default=Limits.stack_mb)
    parser.add_argument("--model-limit", type=int, default=Limits.models)
    args = parser.parse_args(argv)
    out = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    sys.stdout.flush()
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    try:
        worker = Worker(KnowledgeBase(args.kb, Limits(time=args.time_limit, stack_mb=args.stack_limit,
                                                      models=args.model_limit)))
        worker.probe()
    except (AigcError, OSError) as err:
        _send(out, {"ready": False, "error": describe(err)})
        return 0
    _send(out, {"ready": True})
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        if request.get("op") == "evaluate":
            _send(out, worker.evaluate(request["items"]))
        elif request.get("op") == "explain":
            _send(out, worker.explain(request["items"]))
        else:
            break
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
