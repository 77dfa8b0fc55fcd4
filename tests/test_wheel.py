"""Installed as a wheel into a fresh venv and run elsewhere, it finds kb/, queries/ and the bundled cases."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

from .conftest import ROOT


def test_wheel_installs_and_runs_from_another_directory(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
                   check=True, timeout=300)
    (wheel,) = dist.glob("aigc_kb-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)], check=True, timeout=600)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    case = elsewhere / "case.yaml"
    case.write_text((ROOT / "cases" / "real_ultraman.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    for engine in ("prolog", "asp"):
        proc = subprocess.run([str(venv / "bin" / "aigc-kb"), "evaluate", "case.yaml", "--engine", engine,
                               "--format", "json"], cwd=elsewhere, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout)["liable"]
    proc = subprocess.run([str(venv / "bin" / "aigc-kb"), "query", "liable_subjects", "case.yaml"],
                          cwd=elsewhere, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    # the bundled example cases ship in the package: listed, taken by id, checked by default
    aigc = str(venv / "bin" / "aigc-kb")
    listing = subprocess.run([aigc, "cases", "--format", "json"], cwd=elsewhere, capture_output=True, text=True,
                             timeout=300)
    assert listing.returncode == 0, listing.stderr
    rows = json.loads(listing.stdout)
    assert {row["id"] for row in rows} == {p.stem for p in (ROOT / "cases").glob("*.yaml")}
    assert all("site-packages" in row["file"] for row in rows)
    proc = subprocess.run([aigc, "check", "real_thaler", "real_li_v_liu"], cwd=elsewhere, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.splitlines()[-1] == "2 passed, 0 failed"
    version = subprocess.run([aigc, "--version"], capture_output=True, text=True, timeout=60)
    assert version.stdout.strip() == f"aigc-kb {_project_version()}"
    installed = subprocess.run([str(venv / "bin" / "python"), "-c",
                                "import aigc_kb.core.paths as p; print(p.default_kb_dir())"],
                               cwd=elsewhere, capture_output=True, text=True, check=True)
    assert "site-packages" in installed.stdout
    served = subprocess.run([str(venv / "bin" / "python"), "-c",
                             "from aigc_kb.server.cases import bundled_case_file as f; from aigc_kb.server.app import STATIC; "
                             "print(f('real_ultraman.yaml'), (STATIC / 'workbench.js').is_file())"],
                            cwd=elsewhere, capture_output=True, text=True, check=True)
    assert "site-packages" in served.stdout and served.stdout.split()[-1] == "True"
    # the engine's Prolog ships in the package, the law (with its generated declarations) as the kb
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"aigc_kb/prolog/explain.pl", "aigc_kb/prolog/json.pl", "aigc_kb/prolog/batch.pl",
            "aigc_kb/_data/kb/prolog/declarations.pl", "aigc_kb/_data/kb/asp/declarations.lp"} <= names
    assert not any(n.startswith("aigc_kb/_data/kb/prolog/explain") for n in names)
    assert "aigc_kb/prolog/test_all.pl" not in names and "aigc_kb/prolog/explain.plt" not in names
    proc = subprocess.run([str(venv / "bin" / "aigc-kb"), "explain", "case.yaml", "--query",
                           "liable(_, _, reproduction, _)"], cwd=elsewhere, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0 and "D07" in proc.stdout, proc.stderr


def _project_version() -> str:
    import re

    found = re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.MULTILINE)
    assert found is not None
    return found.group(1)
