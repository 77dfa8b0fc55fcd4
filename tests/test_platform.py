"""Platform-scale cases (``aigc-kb generate --platform K``): valid, seeded, in the shares asked for."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from aigc_kb import KnowledgeBase
from aigc_kb.devtools.generate import PlatformShape, case_to_yaml, platform_case

from .conftest import run_cli


def test_a_platform_case_reads_back_and_keeps_its_shares(kb: KnowledgeBase, tmp_path: Path) -> None:
    shape = PlatformShape(2000)
    case = platform_case(shape, seed=5)
    path = tmp_path / f"{case.id}.yaml"
    path.write_text(case_to_yaml(case), encoding="utf-8")
    loaded = kb.load_case(path)
    assert set(loaded.facts) == set(case.facts)
    count = Counter(f.pred for f in case.facts)
    assert count["user"] == count["output"] == count["requested_by"] == 2000
    assert count["work"] == count["owns_copyright"] == 200
    assert count["party"] == 1 + 2000 + 200
    for pred, share in (("substantially_similar", 0.5), ("highly_similar", 0.2), ("prompt_names_work", 0.3),
                        ("made_available", 0.2), ("notice_received", 0.1)):
        assert abs(count[pred] / 2000 - share) < 0.05, pred
    highly = {f.args for f in case.facts if f.pred == "highly_similar"}
    assert highly <= {f.args for f in case.facts if f.pred == "substantially_similar"}


def test_the_same_seed_gives_the_same_case() -> None:
    assert platform_case(PlatformShape(300), 1) == platform_case(PlatformShape(300), 1)
    assert platform_case(PlatformShape(300), 1).facts != platform_case(PlatformShape(300), 2).facts


@pytest.mark.parametrize("shape, problem", [
    (PlatformShape(0), "users must be at least 1"),
    (PlatformShape(10, similar=1.5), "similar must be between 0 and 1"),
    (PlatformShape(10, similar=0.1, highly_similar=0.2), "highly_similar cannot exceed similar"),
])
def test_bad_shapes_are_refused(shape: PlatformShape, problem: str) -> None:
    assert problem in shape.problems()
    with pytest.raises(ValueError):
        platform_case(shape)


def test_the_command_writes_a_platform_case(tmp_path: Path) -> None:
    proc = run_cli("generate", "--platform", "50", "--seed", "2", "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    (path,) = tmp_path.glob("*.yaml")
    assert path.name == "platform_50_2.yaml"
    bad = run_cli("generate", "--platform", "10", "--noticed", "2")
    assert bad.returncode == 2 and "--platform: noticed must be between 0 and 1" in bad.stderr
