"""Every kind of bad input: a located error, exit 2, no traceback, no output."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import run_cli

GOOD = (
    "id: tiny\nfacts:\n  - party: acme\n  - party: rh\n  - system: gen\n  - work: w1\n  - output: o1\n"
    "  - provider: [acme, gen]\n  - owns_copyright: [rh, w1]\n  - generated_by: [o1, gen]\n"
    "  - substantially_similar: [o1, w1]\n"
)

BAD: list[tuple[str, str, bytes, int | None, str]] = [
    ("unparsable_yaml", "c.yaml", b"id: x\nfacts: [\n", 3, "invalid YAML"),
    ("unparsable_json", "c.json", b'{"id": "x",\n "facts": [}', 2, "invalid JSON"),
    ("unparsable_facts", "c.pl", b"party(a).\nparty(b\n", 3, "unexpected end of file"),
    ("unknown_predicate", "c.yaml", GOOD.replace("owns_copyright", "owns").encode(), 9, "unknown input predicate 'owns'"),
    ("wrong_arity", "c.yaml", GOOD.replace("[acme, gen]", "[acme]").encode(), 8, "provider(party, system) takes 2 arguments, 1 given"),
    ("wrong_type", "c.yaml", GOOD.replace("[o1, w1]", "[o1, acme]").encode(), 11, "'acme' is a party, not a work"),
    ("wrong_enum", "c.yaml", (GOOD + "  - requested_by: [o1, acme]\n  - purpose: [acme, o1, fun]\n").encode(), 13,
     "'fun' is not a purpose"),
    ("undeclared_entity", "c.yaml", GOOD.replace("[acme, gen]", "[acme, ghost]").encode(), 8, "'ghost' is used but not declared"),
    ("asserted_and_unknown", "c.yaml", (GOOD + "unknown:\n  - provider: [acme, gen]\n").encode(), 13,
     "both stated as a fact and listed as unknown"),
    ("contradiction", "c.yaml", (GOOD + "  - no_risk_warning: acme\n  - risk_warning: acme\n").encode(), 12,
     "contradicts risk_warning(acme)"),
    ("binary", "c.yaml", b"\x7fELF\x00\x00\x01", None, "binary file"),
    ("not_utf8", "c.yaml", b"id: x\nfacts:\n  - party: \xe9\n", 3, "not valid UTF-8"),
    ("too_large", "c.yaml", GOOD.encode() + b"#" * (5 * 1024 * 1024), None, "too large"),
    ("deep_nesting", "c.yaml", b"id: x\nfacts: " + b"[" * 5000 + b"]" * 5000, None, "nesting too deep"),
    ("rule_in_facts", "c.pl", b"party(a).\nliable(X) :- party(X).\n", 2, "variable X"),
    ("directive_in_facts", "c.pl", b"party(a).\n:- shell('touch /tmp/aigc_pwned').\n", 2, "rules and directives are code"),
    ("show_in_facts", "c.lp", b"party(a).\n#show party/1.\n", 2, "rules and directives are code"),
    ("script_in_facts", "c.lp", b'party(a).\n#script (python)\nimport os\n#end.\n', 2, "rules and directives are code"),
    ("unknown_regime", "c.yaml", (GOOD + "expect:\n  - reading: r\n    regime: lenient\n").encode(), 14, "lenient"),
    ("unknown_point", "c.yaml", (GOOD + "positions: {nopoint: x}\n").encode(), 12, "unknown choice point 'nopoint'"),
    ("unknown_position", "c.yaml", (GOOD + "positions: {remedy: gold}\n").encode(), 12, "gold"),
    ("reserved_name", "c.yaml", GOOD.replace("party: acme", "party: none").replace("[acme, gen]", "[none, gen]").encode(),
     3, "reserved word"),
    ("duplicate_key", "c.yaml", b"id: x\nid: y\nfacts: []\n", 2, "duplicate key 'id'"),
    ("not_a_mapping", "c.yaml", b"- a\n- b\n", 1, "must be a mapping"),
    ("unknown_suffix", "c.txt", b"party(a).\n", None, "unknown case file type"),
]


@pytest.mark.parametrize(("name", "file", "content", "line", "fragment"), BAD, ids=[b[0] for b in BAD])
def test_bad_case_file(tmp_path: Path, name: str, file: str, content: bytes, line: int | None, fragment: str) -> None:
    path = tmp_path / file
    path.write_bytes(content)
    # 5 MiB is within the default case size limit (64 MiB): the limit is lowered to 4 MiB here
    proc = run_cli("evaluate", str(path), *(["--case-size-limit", "4"] if name == "too_large" else []))
    assert proc.returncode == 2, proc.stderr
    where = f"{path}:{line}:" if line is not None else f"{path}:"
    assert any(where in l and fragment in l for l in proc.stderr.splitlines()), proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""
    assert not Path("/tmp/aigc_pwned").exists()


def test_missing_file_and_directory_without_batch(tmp_path: Path) -> None:
    for target, fragment in ((tmp_path / "missing.yaml", "no such file"), (tmp_path, "no case files in")):
        proc = run_cli("evaluate", str(target))
        assert proc.returncode == 2 and fragment in proc.stderr and "Traceback" not in proc.stderr


def test_all_problems_of_a_file_at_once_one_line_each(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(GOOD.replace("[acme, gen]", "[acme, ghost]").replace("[o1, w1]", "[o1, nowork]"), encoding="utf-8")
    proc = run_cli("evaluate", str(path))
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 2 and f"{path}:8:" in lines[0] and f"{path}:11:" in lines[1]
