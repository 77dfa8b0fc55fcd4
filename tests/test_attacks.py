"""The reproducers of the attack families (``tests/attacks/``): each is one located problem, exit 2.

Expected lines and words are read off each file by hand: the line of the
offending key, value or byte, and the word naming what is wrong.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from aigc_kb.cli import main

ATTACKS = Path(__file__).resolve().parent / "attacks"

#: file -> (line, words of the one problem); the file's own family is its name's prefix.
EXPECTED: dict[str, tuple[int, str]] = {
    # 1. an expectation with only `because`, or with two output predicates
    "f1_because_only.yaml": (15, "names one output predicate (none given)"),
    "f1_two_outputs.yaml": (15, "names one output predicate (liable, infringement given)"),
    # 2. mapping keys of mixed types
    "f2_mixed_keys_top.yaml": (12, "unknown key 1, 'foo'"),
    "f2_mixed_keys_positions.yaml": (12, "unknown choice point 1, 'foo'"),
    "f2_mixed_keys_expect.yaml": (15, "unknown key 2, 'foo'"),
    # 3. a lone surrogate in a name
    "f3_surrogate.yaml": (4, "lone surrogate"),
    "f3_surrogate.json": (1, "lone surrogate"),
    "f3_surrogate.pl": (1, "lone surrogate"),
    "f3_surrogate.lp": (1, "lone surrogate"),
    # 4. an integer of more than 4,300 digits
    "f4_big_int.yaml": (12, "integer too long"),
    "f4_big_int.json": (2, "4300 digits"),
    # 5. a raw control character (C0, C1, U+FFFE in YAML; C0 inside a JSON string)
    "f5_control.yaml": (4, "U+0001 is not allowed in YAML"),
    "f5_c1.yaml": (4, "U+0080 is not allowed in YAML"),
    "f5_fffe.yaml": (4, "U+FFFE is not allowed in YAML"),
    "f5_control.json": (2, "Invalid control character"),
    # 6. a zero-argument entity fact
    "f6_zero_arg.pl": (2, "party(party) takes 1 argument, 0 given"),
    "f6_zero_arg.lp": (2, "party(party) takes 1 argument, 0 given"),
    # 7. problems that had a file but no line, and an empty key
    "f7_nul.yaml": (3, "binary file"),
    "f7_utf16.json": (1, "UTF-16"),
    "f7_deep.yaml": (2, "nesting too deep"),
    "f7_deep.json": (2, "nesting too deep"),
    "f7_aliases.yaml": (8, "aliases expand the document"),
    "f7_empty_key.yaml": (13, "unknown choice point ''"),
    "f7_empty_key2.yaml": (12, "unknown key ''"),
    # found by the fuzzer: a name holding a line break made one problem two lines
    "fz_newline_name.yaml": (4, "'g\\nh' is used but not declared"),
}


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def test_every_reproducer_is_listed() -> None:
    assert sorted(p.name for p in ATTACKS.iterdir()) == sorted([*EXPECTED, "f5_del.json"])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_reproducer_is_one_located_problem(name: str) -> None:
    path = ATTACKS / name
    code, out, err = _run("evaluate", str(path))
    line, words = EXPECTED[name]
    assert code == 2, err
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert lines and all(l.startswith(f"aigc-kb: {path}:") for l in lines), err
    assert lines[0].startswith(f"aigc-kb: {path}:{line}: ") and words in lines[0], err


def test_a_json_name_with_del_is_a_name() -> None:
    """DEL (U+007F) is allowed inside a JSON string: the case is evaluated, the name kept as written."""
    code, out, err = _run("evaluate", "--format", "json", str(ATTACKS / "f5_del.json"))
    assert (code, err) == (0, "")
    assert json.loads(out)["case"] == "f5_del"


def test_a_large_file_is_refused_at_the_line_where_it_gets_too_large(tmp_path: Path) -> None:
    from aigc_kb.core.loader import MAX_CASE_BYTES

    path = tmp_path / "large.yaml"
    row = b"# " + b"x" * 97 + b"\n"  # 100 bytes a line
    path.write_bytes(b"id: large\nfacts: []\n" + row * (MAX_CASE_BYTES // 100 + 10))
    code, out, err = _run("evaluate", str(path))
    expected_line = 2 + (MAX_CASE_BYTES - 20) // 100 + 1  # the line holding byte MAX_CASE_BYTES
    assert (code, out) == (2, "")
    assert err.startswith(f"aigc-kb: {path}:{expected_line}: file too large"), err
