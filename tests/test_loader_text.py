"""Cases given as text (``aigc_kb.core.loader.load_case_text``, used by the HTTP API), and a character
YAML does not allow, in a file or a text: a located problem, not a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from aigc_kb import InputError, KnowledgeBase
from aigc_kb.core.loader import load_case_text

from .conftest import ROOT, run_cli

C1 = "\u0092"  # a C1 control character: YAML 1.1 does not allow it in a document


def test_a_character_yaml_does_not_allow_is_a_located_problem_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "c1.yaml"
    path.write_text(f"id: x\nfacts:\n  - party: a{C1}\n", encoding="utf-8")
    done = run_cli("evaluate", str(path))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [f"aigc-kb: {path}:3: invalid YAML: the character U+0092 is not allowed in "
                                        "YAML (write it as an escape inside double quotes, e.g. \"\\x01\")"]


def test_a_text_loads_as_its_file_does(kb: KnowledgeBase) -> None:
    path = ROOT / "cases" / "real_ultraman.yaml"
    from_text = load_case_text(path.read_text(encoding="utf-8"), "cases/real_ultraman.yaml", kb.vocab)
    assert from_text == kb.load_case("cases/real_ultraman.yaml")


@pytest.mark.parametrize("text,name,where", [
    (f"id: x\nfacts:\n  - party: a{C1}\n", "c.yaml", ("c.yaml", 3)),
    ("id: x\nfacts: [\n", "c.yaml", ("c.yaml", 3)),
    ('{"id": "x",\n "facts": [}', "c.json", ("c.json", 2)),
    ("party(a).\nprovider(a).\n", "c.pl", ("c.pl", 2)),
    ("id: x\0", "c.yaml", ("c.yaml", 1)),
    ("id: x", "c.txt", ("c.txt", None)),
])
def test_a_bad_text_is_located_in_the_name_given(kb: KnowledgeBase, text: str, name: str,
                                                  where: tuple[str, int | None]) -> None:
    with pytest.raises(InputError) as err:
        load_case_text(text, name, kb.vocab)
    first = err.value.problems[0]
    assert (first.file, first.line) == where
