"""aigc-kb: who is liable when AI-generated content infringes copyright, and why.

The public surface: load a case, evaluate it on the Prolog or ASP encoding
under a regime and choice-point positions, run named queries, check
hand-derived expectations.
"""

from .api import ENGINES, KnowledgeBase
from .check import CaseReport, Failure, check_case
from .errors import AigcError, EngineError, InputError, KbError, Problem
from .export import export_case
from .limits import LimitError, Limits
from .model import Case, Expectation, Fact, Reading
from .reading import ResolvedReading
from .result import Conclusion, Evaluation
from .scenario import (ScenarioLimitError, ScenarioLimits, compare_regimes, enumerate_outcomes, find_flips,
                       must_prove)
from .vocabulary import Vocabulary

__all__ = [
    "ENGINES",
    "AigcError",
    "Case",
    "CaseReport",
    "Conclusion",
    "EngineError",
    "Evaluation",
    "Expectation",
    "Fact",
    "Failure",
    "InputError",
    "KbError",
    "KnowledgeBase",
    "LimitError",
    "Limits",
    "Problem",
    "Reading",
    "ResolvedReading",
    "ScenarioLimitError",
    "ScenarioLimits",
    "Vocabulary",
    "check_case",
    "compare_regimes",
    "enumerate_outcomes",
    "export_case",
    "find_flips",
    "must_prove",
]
__version__ = "0.1.0"
