"""aigc-kb: who is liable when AI-generated content infringes copyright, and why.

The public surface: load a case, evaluate it on the Prolog or ASP encoding
under a regime and choice-point positions, run named queries, check
hand-derived expectations.

Names are imported on first use (module-level ``__getattr__``), so that
``import aigc_kb`` loads neither engine, nor the case validator, nor the
scenario analysis until they are asked for.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .core.errors import AigcError, EngineError, InputError, KbError, Problem
from .engines.limits import LimitError, Limits

if TYPE_CHECKING:
    from .api import ENGINES, KnowledgeBase
    from .check import CaseReport, Failure, check_case
    from .export import export_case
    from .core.model import Case, Expectation, Fact, Reading
    from .core.reading import ResolvedReading
    from .core.result import Conclusion, Evaluation
    from .scenario.outcomes import enumerate_outcomes, must_prove
    from .scenario.compare import compare_regimes
    from .scenario.flips import find_flips
    from .scenario.limits import ScenarioLimitError, ScenarioLimits
    from .core.vocabulary import Vocabulary
    from .devtools.audit import AuditReport, Auditor, Invariant, Violation, load_invariants
    from .core.lang import Language, language
    from .explain.localize import localize

#: The module of each name imported on first use.
_LAZY = {
    "ENGINES": "api",
    "KnowledgeBase": "api",
    "CaseReport": "check",
    "Failure": "check",
    "check_case": "check",
    "export_case": "export",
    "Case": "core.model",
    "Expectation": "core.model",
    "Fact": "core.model",
    "Reading": "core.model",
    "ResolvedReading": "core.reading",
    "Conclusion": "core.result",
    "Evaluation": "core.result",
    "ScenarioLimitError": "scenario.limits",
    "ScenarioLimits": "scenario.limits",
    "compare_regimes": "scenario.compare",
    "enumerate_outcomes": "scenario.outcomes",
    "find_flips": "scenario.flips",
    "must_prove": "scenario.outcomes",
    "Vocabulary": "core.vocabulary",
    "AuditReport": "devtools.audit",
    "Auditor": "devtools.audit",
    "Invariant": "devtools.audit",
    "Violation": "devtools.audit",
    "load_invariants": "devtools.audit",
    "Language": "core.lang",
    "language": "core.lang",
    "localize": "explain.localize",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "ENGINES",
    "AigcError",
    "AuditReport",
    "Auditor",
    "Case",
    "CaseReport",
    "Conclusion",
    "EngineError",
    "Evaluation",
    "Expectation",
    "Fact",
    "Failure",
    "InputError",
    "Invariant",
    "KbError",
    "KnowledgeBase",
    "Language",
    "LimitError",
    "Limits",
    "Problem",
    "Reading",
    "ResolvedReading",
    "ScenarioLimitError",
    "ScenarioLimits",
    "Violation",
    "Vocabulary",
    "check_case",
    "compare_regimes",
    "enumerate_outcomes",
    "export_case",
    "find_flips",
    "load_invariants",
    "language",
    "localize",
    "must_prove",
]
__version__ = "0.1.0"
