"""The workbench page in a real headless Chromium (Debian's ``chromium``, driven by Playwright).

The server runs as ``aigc-kb serve`` in a process of its own.  Outside CI the
tests are skipped when Chromium or Playwright is missing; in CI (``CI`` set)
a missing browser fails them.  The last test leaves a screenshot of the page
in ``docs/workbench.png`` (shown in the README).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from .conftest import ROOT

CHROMIUM = os.environ.get("AIGC_KB_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
IN_CI = os.environ.get("CI", "").lower() not in ("", "0", "false")
SCREENSHOT = ROOT / "docs" / "workbench.png"
WAIT = 60_000  # ms: the first answer waits for an engine worker to load the rules


def _need_browser() -> Any:
    problem = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        problem = "the Python package playwright is not installed"
    if problem is None and not Path(CHROMIUM).exists():
        problem = f"Chromium is not installed ({CHROMIUM}); apt-get install chromium chromium-driver"
    if problem is not None:
        if IN_CI:
            pytest.fail(f"browser tests must run in CI: {problem}")
        pytest.skip(problem)
    return sync_playwright


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    _need_browser()
    port = _free_port()
    # a generous engine time limit: a busy CI machine must not turn an answer into a limit error
    process = subprocess.Popen([sys.executable, "-m", "aigc_kb", "serve", "--port", str(port), "--workers", "2",
                                "--time-limit", "60"],
                               cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/v1/cases", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the server did not start: {process.stderr.read() if process.stderr else ''}")
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Any]:
    sync_playwright = _need_browser()
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1440, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    errors: list[str] = []
    elsewhere: list[str] = []   # the page works offline: it asks nothing but its own server
    pg.on("pageerror", lambda err: errors.append(str(err)))
    pg.on("request", lambda request: None if request.url.startswith((server, "data:", "blob:"))
          else elsewhere.append(request.url))
    pg.set_default_timeout(WAIT)
    pg.goto(server)
    pg.wait_for_selector("body[data-ready=true]")
    yield pg
    context.close()
    assert errors == [] and elsewhere == []


def _open_case(page: Any, name: str) -> None:
    page.select_option("#case-select", name)
    page.wait_for_function("document.querySelector('#status').textContent.includes(%r)" % Path(name).stem)


def _liable_subjects(page: Any) -> list[str]:
    subjects: list[str] = page.eval_on_selector_all(
        "[data-section=liable] li.conclusion", "items => items.map(i => i.dataset.subject)")
    return subjects


def _wait_evaluated(page: Any, regime: str) -> None:
    page.wait_for_function("document.querySelector('#status').textContent.includes(' under %s ')" % regime)


def _case(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((ROOT / "cases" / name).read_text(encoding="utf-8"))
    return data


def test_ultraman_operator_is_not_liable_under_notice_and_takedown(page: Any) -> None:
    case = _case("real_ultraman.yaml")
    # The case's own `paper` reading (the default regime, strict) holds the operator liable.
    paper = next(r for r in case["expect"] if r["reading"] == "paper")
    assert "regime" not in paper
    assert any(next(iter(h)) == "liable" and h["liable"]["subject"] == "tab_operator" for h in paper["holds"])
    # D13/D15 (§3.1, §3.2): under notice_and_takedown a provider is liable only if it knew, should have
    # known, or failed to act on a notice; the case states none of these for the operator.
    stated = {next(iter(f)) for f in case["facts"]}
    assert not stated & {"provider_knew", "provider_should_have_known", "notice_received"}

    _open_case(page, "real_ultraman.yaml")
    _wait_evaluated(page, "strict")
    assert "tab_operator" in _liable_subjects(page)
    page.select_option("#regime-select", "notice_and_takedown")
    _wait_evaluated(page, "notice_and_takedown")
    assert "tab_operator" not in _liable_subjects(page)
    not_liable = page.inner_text("[data-section=not_liable]")
    assert "tab_operator" in not_liable


def test_switching_an_unknown_fact_makes_a_liability_appear(page: Any) -> None:
    case = _case("unknown_fault_proven.yaml")
    # The case's `fault` reading: with fault_proven(acme) unknown, acme is not liable (D13, §5.1) ...
    fault = next(i for i, r in enumerate(case["expect"]) if r["reading"] == "fault")
    assert any(next(iter(a)) == "liable" and a["liable"]["subject"] == "acme" for a in case["expect"][fault]["absent"])
    assert case["unknown"] == [{"fault_proven": ["acme"]}]
    _open_case(page, "unknown_fault_proven.yaml")
    page.select_option("#reading-select", str(fault))
    _wait_evaluated(page, "fault")
    assert "acme" not in _liable_subjects(page)
    # ... and once its fault is proven (with the breach of duty the case states, D14) acme is liable.
    page.check("[data-fact='fault_proven(acme)'] input[value=true]")
    page.wait_for_selector("[data-section=liable] li.conclusion[data-subject=acme]")
    assert "acme" in _liable_subjects(page)


def test_a_tree_opens_and_a_node_expands_by_keyboard(page: Any) -> None:
    _open_case(page, "real_ultraman.yaml")
    _wait_evaluated(page, "strict")
    page.click("[data-section=liable] li.conclusion[data-subject=tab_operator] button.why")
    page.wait_for_selector("#tree details")
    heading = page.inner_text("#tree-heading")
    assert "liable(tab_operator" in heading
    tree = page.inner_text("#tree")
    assert "D13" in tree and "§5.3" in tree   # the strict regime's rule cites D13 and §5.3
    closed = page.locator("#tree details:not([open]) > summary").first.element_handle()  # fixed, not re-queried
    assert closed.evaluate("s => s.parentElement.open") is False
    closed.focus()
    page.keyboard.press("Enter")
    assert closed.evaluate("s => s.parentElement.open") is True
    with page.expect_download() as tree_file:
        page.click("#download-svg")
    svg = Path(tree_file.value.path()).read_text(encoding="utf-8")
    assert "<svg" in svg and "D13" in svg
    with page.expect_download() as result_file:
        page.click("#download-result")
    result = json.loads(Path(result_file.value.path()).read_text(encoding="utf-8"))
    assert result["case"] == "real_ultraman" and result["regime"] == "strict"
    assert result_file.value.suggested_filename == "real_ultraman-strict.json"
    with page.expect_download() as case_file:
        page.click("#download-case")
    assert Path(case_file.value.path()).read_text(encoding="utf-8") == (ROOT / "cases" / "real_ultraman.yaml").read_text(encoding="utf-8")
    page.locator("#tree-pane").scroll_into_view_if_needed()
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))


def test_a_broken_case_shows_its_error_at_its_line(page: Any) -> None:
    broken = "id: broken\nfacts:\n  - party: acme\n  - provider: [acme]\n"
    page.click(".cm-content")
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(broken)
    problem = page.wait_for_selector("#problems button.problem[data-line='4']")
    assert problem.inner_text().startswith("case.yaml:4: ")
    line4 = page.locator(".cm-content .cm-line").nth(3)
    assert line4.locator(".cm-lintRange-error").count() == 1
    assert page.locator(".cm-content .cm-line").nth(2).locator(".cm-lintRange-error").count() == 0


def test_the_language_switch_renders_the_page_and_the_results_in_chinese(page: Any) -> None:
    _open_case(page, "real_ultraman.yaml")
    _wait_evaluated(page, "strict")
    assert page.inner_text("[data-section=liable] h3") == "Liable"
    page.select_option("#lang-select", "zh")
    # the page's own texts, and the rows as the server words them, with the case's Chinese names (names:)
    page.wait_for_function("document.querySelector('#status').textContent.includes('归责原则：strict')")
    assert page.inner_text("#case-heading") == "案件"
    assert page.inner_text("[data-section=liable] h3") == "责任承担"
    assert "被告AI绘画网站（Tab）经营者：就改编权、复制权承担直接侵权责任" in page.inner_text("[data-section=liable]")
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    # identifiers stay: the row's subject and the atom its tree is asked for
    assert "tab_operator" in _liable_subjects(page)
    page.click("[data-section=liable] li.conclusion[data-subject=tab_operator] button.why")
    page.wait_for_selector("#tree details")
    assert "liable(tab_operator" in page.inner_text("#tree-heading")
    assert "在生成阶段就" in page.inner_text("#tree") and "承担直接侵权责任" in page.inner_text("#tree")
    # the doctrines' names in the tooltips are Chinese too
    titles = page.eval_on_selector_all("#tree abbr[title^='D07']", "items => items.map(i => i.title)")
    assert titles and all(t.startswith("D07 服务提供者的直接责任: ") for t in titles)
    page.select_option("#lang-select", "en")
    page.wait_for_function("document.querySelector('[data-section=liable] h3').textContent === 'Liable'")
    page.wait_for_function("!document.querySelector('#tree').textContent.includes('承担')")
    assert "tab_operator: primary" in page.inner_text("[data-section=liable]")


def test_a_training_copy_shows_the_model_it_trained(page: Any) -> None:
    # i14_models_training_pos: bob copied w1 into the fine-tuning set of his model m1 (D02, [ext] issue 14)
    case = _case("i14_models_training_pos.yaml")
    assert {"model_trained_on": ["m1", "w1"]} in case["facts"] and {"model_trained_by": ["m1", "bob"]} in case["facts"]
    _open_case(page, "i14_models_training_pos.yaml")
    _wait_evaluated(page, "strict")
    row = "[data-section=liable] li.conclusion[data-subject=bob]"
    page.wait_for_selector(row)
    assert "w1 (copied to train m1)" in page.inner_text(row)
    page.select_option("#lang-select", "zh")
    page.wait_for_function("document.querySelector('[data-section=liable] h3').textContent === '责任承担'")
    page.wait_for_function("document.querySelector(%r).textContent.includes('w1（复制用于训练m1）')" % row)
