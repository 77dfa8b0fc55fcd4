"""Hostile case files for the command line: hypothesis strategies, the property they must satisfy, a long run.

Every generated file is either evaluated (exit 0, one JSON result, and both
engines agree on it) or refused (exit 2, nothing on standard output, and each
line on standard error is ``aigc-kb: FILE:LINE: problem`` naming the file);
no input gives a traceback.  Inputs are drawn two ways:

* **structured**: a valid case (as data) with one to three of its parts
  replaced by hostile values (lone surrogates, control characters, integers
  beyond Python's 4,300-digit limit, mappings with keys of mixed types,
  expectations with no or two output predicates, zero-argument entity facts,
  empty keys, deep nesting), written as YAML, JSON, ``.pl`` or ``.lp``;
* **raw**: the bytes of a valid case file with hostile snippets or random
  bytes inserted or written over.

``tests/test_fuzz.py`` runs a bounded, seeded number of each in the suite;
``make fuzz`` runs this module for a long run (``python -m tests.fuzz_cases
--count 10000``) and prints the counts.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aigc_kb import KnowledgeBase
from aigc_kb.cli import main

BASE: dict[str, Any] = {
    "id": "fuzz",
    "title": "A provider's output copies a work",
    "facts": [{"party": "acme"}, {"party": "rh"}, {"system": "gen"}, {"work": "w1"}, {"output": "o1"},
              {"provider": ["acme", "gen"]}, {"owns_copyright": ["rh", "w1"]}, {"generated_by": ["o1", "gen"]},
              {"substantially_similar": ["o1", "w1"]}],
    "unknown": [{"profits_from_service": "acme"}],
    "positions": {"remedy": "licence_fee"},
    "expect": [{"reading": "paper", "regime": "strict",
                "holds": [{"liable": {"subject": "acme", "kind": "primary"}, "because": ["D07"]}],
                "absent": [{"liable": {"subject": "rh"}}]}],
}
SUFFIXES = (".yaml", ".json", ".pl", ".lp")
#: Stands for an integer too long for Python to write; replaced in the written text.
BIG = "\u2063BIGINT\u2063"
BIG_DIGITS = "7" * 4400

_NASTY_CHARS = st.sampled_from(["\ud800", "\udfff", "\x00", "\x01", "\x1b", "\x7f", "\x85", "\x9f", "\ufffe",
                                "\uffff", "\u2028", "'", '"', "\\", ":", "-", "#", "&", "*", "!", "%", "{", "[",
                                "\n", "\t", " ", "é", "\U0001F600"])
_NASTY_TEXT = st.lists(st.one_of(_NASTY_CHARS, st.characters(codec=None)), max_size=6).map("".join)
_SCALARS = st.one_of(_NASTY_TEXT, st.integers(-10**30, 10**30), st.just(BIG), st.floats(allow_nan=True),
                     st.booleans(), st.none(), st.sampled_from(["acme", "rh", "gen", "w1", "o1", "open", "none", ""]))
_KEYS = st.one_of(_NASTY_TEXT, st.integers(-5, 5), st.none(), st.booleans(),
                  st.sampled_from(["party", "liable", "because", "remedy", "reading", "id", "facts", ""]))
_VALUES: st.SearchStrategy[Any] = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(_KEYS, inner, max_size=3)),
    max_leaves=6)
_RAW_SNIPPETS = st.sampled_from([
    b"\x00", b"\xff\xfe", b"\xfe\xff", b"\x01", b"\x7f", "\x85".encode(), "\ufffe".encode(), b"\xed\xa0\x80",
    b"\xc3", b"&a [*a, *a]", b"*a", b"[" * 3000, b"{" * 2000, b"9" * 4400, b"\t", b"? ", b"!!python/object:os.system",
    b"!!binary AAAA", b":- halt.", b"#script (python)\n", b"'\\xD800\\'", b'"\\ud800"', b"\\x", b"\r", b"---\n",
    b"...\n", b"{", b"}", b"%", b"/*", b"\n  - party:\n", b": x\n", b'"": x\n', b"1: x\n", b"party.\n", b"unknown(.\n",
    b"X", b"_", b"\n" * 3, b"\"\\u0000\"", b"\xef\xbb\xbf"])


def _mutate(case: dict[str, Any], where: str, value: Any) -> None:
    """Replace one part of ``case`` (a copy) by ``value``."""
    if where == "top":
        case[value if not isinstance(value, (dict, list)) else "extra"] = value
    elif where in ("id", "title", "facts", "unknown", "positions", "expect"):
        case[where] = value
    elif where == "fact_value":
        case["facts"][1] = {"party": value}
    elif where == "fact_key":
        case["facts"][2] = {value if not isinstance(value, (dict, list)) else "x": "gen"}
    elif where == "fact_args":
        case["facts"][5] = {"provider": [value, "gen"]}
    elif where == "position":
        case["positions"] = {"remedy": "licence_fee", **({value: "x"} if not isinstance(value, (dict, list)) else {})}
    elif where == "expectation":
        case["expect"][0]["holds"] = [value]
    elif where == "expectation_two":
        case["expect"][0]["holds"] = [{"liable": {"subject": "acme"}, "infringement": {}}]
    elif where == "because_only":
        case["expect"][0]["holds"] = [{"because": ["D07"]}]
    elif where == "expect_field":
        case["expect"][0]["absent"] = [{"liable": {"subject": value}}]
    elif where == "zero_arg":
        case["facts"].append({"party": []})


_WHERE = st.sampled_from(["top", "id", "title", "facts", "unknown", "positions", "expect", "fact_value", "fact_key",
                          "fact_args", "position", "expectation", "expectation_two", "because_only", "expect_field",
                          "zero_arg"])


def _fact_text(name: str, args: list[Any], dialect: str) -> str:
    def quoted(value: Any) -> str:
        text = str(value) if value is not BIG else BIG
        if dialect == "pl":
            return "'" + "".join("\\\\" if c == "\\" else "\\'" if c == "'" else
                                 f"\\x{ord(c):X}\\" if ord(c) < 32 or 0xD800 <= ord(c) <= 0xDFFF else c
                                 for c in text) + "'"
        return '"' + "".join("\\\\" if c == "\\" else '\\"' if c == '"' else
                             f"\\x{ord(c):X}\\" if ord(c) < 32 or 0xD800 <= ord(c) <= 0xDFFF else c
                             for c in text) + '"'

    inner = ", ".join(quoted(a) for a in args)
    return f"{name}({inner}).\n" if args else f"{name}.\n"


def render(case: dict[str, Any], suffix: str) -> bytes:
    """``case`` written as a file of type ``suffix``; text that cannot be encoded is written escaped."""
    if suffix == ".json":
        text = json.dumps(case, ensure_ascii=True, default=str, allow_nan=True)
    elif suffix == ".yaml":
        try:
            text = yaml.safe_dump(case, allow_unicode=False, sort_keys=False)
        except (yaml.YAMLError, ValueError, TypeError):
            text = json.dumps(case, ensure_ascii=True, default=str)
    else:
        dialect = suffix[1:]
        lines = []
        for fact in case.get("facts") if isinstance(case.get("facts"), list) else []:
            if isinstance(fact, dict):
                for name, value in fact.items():
                    args = value if isinstance(value, list) else [value]
                    lines.append(_fact_text(str(name) if str(name).isidentifier() else "party", args, dialect))
        text = "".join(lines)
    text = text.replace(json.dumps(BIG)[1:-1], BIG_DIGITS).replace(BIG, BIG_DIGITS)
    return text.encode("utf-8", errors="surrogatepass")


@st.composite
def structured_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """A valid case with one to three hostile parts, and the type of file it is written as."""
    case = json.loads(json.dumps(BASE))
    for _ in range(draw(st.integers(1, 3))):
        try:
            _mutate(case, draw(_WHERE), draw(_VALUES))
        except (TypeError, IndexError, KeyError, AttributeError):
            pass  # an earlier mutation replaced the part this one changes
    suffix = draw(st.sampled_from(SUFFIXES))
    return suffix, render(case, suffix)


@st.composite
def raw_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """The bytes of a valid case file with hostile snippets or random bytes put in or written over."""
    suffix = draw(st.sampled_from(SUFFIXES))
    data = bytearray(render(json.loads(json.dumps(BASE)), suffix))
    for _ in range(draw(st.integers(1, 4))):
        piece = draw(st.one_of(_RAW_SNIPPETS, st.binary(min_size=1, max_size=8)))
        at = draw(st.integers(0, len(data)))
        if draw(st.booleans()):
            data[at:at] = piece
        else:
            data[at:at + len(piece)] = piece
    return suffix, bytes(data)


class Runner:
    """Runs the CLI in this process on generated files and checks the property; counts what it saw."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="aigc-fuzz-"))
        self.kb = KnowledgeBase()
        self.counts: Counter[str] = Counter()
        self.number = 0

    def check(self, kind: str, suffix: str, data: bytes) -> None:
        """Assert the property for one file (see the module docstring)."""
        self.number += 1
        path = self.dir / f"case{self.number % 50}{suffix}"
        path.write_bytes(data)
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["evaluate", "--format", "json", str(path)])
        self.counts[f"{kind} inputs"] += 1
        stdout, stderr = out.getvalue(), err.getvalue()
        assert "Traceback" not in stderr, stderr
        if code == 0:
            self.counts[f"{kind} evaluated"] += 1
            result = json.loads(stdout)
            assert stderr == "" and isinstance(result, dict) and "case" in result, (stdout, stderr)
            case = self.kb.load_case(path)
            reading = self.kb.resolve(case)
            prolog = self.kb.evaluate_reading(case, reading, "prolog").conclusions
            asp = self.kb.evaluate_reading(case, reading, "asp").conclusions
            assert prolog == asp, (data, prolog, asp)
            return
        assert code == 2, (code, stderr, data[:300])
        self.counts[f"{kind} refused"] += 1
        assert stdout == "", stdout
        lines = stderr.splitlines()
        assert lines, data[:300]
        located = re.compile(rf"^aigc-kb: {re.escape(str(path))}:\d+: \S")
        for line in lines:
            assert located.match(line), (line, data[:300])


def run(count: int, seed: int) -> Counter[str]:
    """Check ``count`` inputs, half structured and half raw; return the counts."""
    runner = Runner()
    each = max(1, count // 2)
    common = dict(max_examples=each, deadline=None, database=None, derandomize=False,
                  suppress_health_check=list(HealthCheck))

    @settings(**common)  # type: ignore[arg-type]
    @given(structured_files())
    def structured(item: tuple[str, bytes]) -> None:
        runner.check("structured", *item)

    @settings(**common)  # type: ignore[arg-type]
    @given(raw_files())
    def raw(item: tuple[str, bytes]) -> None:
        runner.check("raw", *item)

    from hypothesis import seed as hypothesis_seed

    hypothesis_seed(seed)(structured)()
    hypothesis_seed(seed + 1)(raw)()
    return runner.counts


def _main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=18)
    args = parser.parse_args()
    started = time.monotonic()
    counts = run(args.count, args.seed)
    total = counts["structured inputs"] + counts["raw inputs"]
    for key in sorted(counts):
        print(f"{key}: {counts[key]}")
    print(f"total inputs: {total}; no traceback, every refusal located; {time.monotonic() - started:.0f} s")
    return 0 if total >= args.count else 1


if __name__ == "__main__":
    sys.exit(_main())
