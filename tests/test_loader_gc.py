"""Reading a case pauses Python's cyclic collector and always gives it back as it was."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest

from aigc_kb import InputError, KnowledgeBase
from aigc_kb.core import loader
from aigc_kb.core.loader import paused_gc

from .conftest import CASE_FILES


def test_the_collector_is_paused_while_a_case_is_read_and_on_again_after(kb: KnowledgeBase, tmp_path: Path) -> None:
    assert gc.isenabled()
    seen: list[bool] = []
    original = loader._structured_case

    def spy(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return original(*args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("aigc_kb.core.loader._structured_case", spy)
        kb.load_case(CASE_FILES[0])
        bad = tmp_path / "bad.yaml"
        bad.write_text("id: x\nfacts:\n  - party: [a, b]\n", encoding="utf-8")
        with pytest.raises(InputError):
            kb.load_case(bad)
    assert seen == [False, False]
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off(kb: KnowledgeBase) -> None:
    gc.disable()
    try:
        kb.load_case(CASE_FILES[0])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_overlapping_pauses_end_with_the_last() -> None:
    first, second = paused_gc(), paused_gc()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert not gc.isenabled()
    second.__exit__(None, None, None)
    assert gc.isenabled()


def test_threads_reading_cases_leave_the_collector_on(kb: KnowledgeBase) -> None:
    errors: list[BaseException] = []

    def read() -> None:
        try:
            for path in CASE_FILES[:20]:
                kb.load_case(path)
        except BaseException as err:  # reported below
            errors.append(err)

    threads = [threading.Thread(target=read) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and gc.isenabled()
