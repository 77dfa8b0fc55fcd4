"""Refuse an edited knowledge base that does not load cleanly, once, before any case is read.

An edited copy of ``kb/`` (``--kb DIR``) is code the project did not write:
its Prolog files may not parse, may loop in a load-time directive, and its
ASP files may not parse.  :func:`check_kb` finds each of these before any
command runs, every problem as ``FILE:LINE: problem``:

* the Prolog encoding is loaded in a ``swipl`` child process, killed at the
  time limit (a directive cannot be interrupted reliably in-process: SWI-Prolog
  catches the time-limit exception of one directive and goes on with the
  next); the child names each directive before it runs, so a load that does
  not finish is blamed on the directive that was running;
* the ASP encoding is parsed (not grounded) with clingo, in this process.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

from ..core.errors import KbError, Problem
from .limits import Limits
from ..core.paths import KbPaths, engine_prolog

_LOADER = engine_prolog("load.pl")
#: One line of the child: ``at FILE:LINE`` before a directive, ``msg\tKIND\tFILE\tLINE\tTEXT`` per message.
_AT = re.compile(r"^at\t(.*)\t(\d+)$")
#: A location SWI-Prolog puts in front of a message text (``FILE:LINE:COL: ``), dropped as it is given apart.
_LOCATION_PREFIX = re.compile(r"^\S.*?:\d+:(\d+:)?\s*")


def check_kb(paths: KbPaths, limits: Limits, engines: tuple[str, ...] = ("prolog", "asp")) -> None:
    """Raise :class:`KbError`, with every problem, when the kb does not load cleanly or in time.

    Parameters
    ----------
    paths : KbPaths
        The knowledge base.
    limits : Limits
        Its time limit bounds loading the Prolog encoding.
    engines : tuple of str
        The encodings to check.
    """
    problems: list[Problem] = []
    if "asp" in engines:
        problems.extend(asp_problems(paths))
    if "prolog" in engines:
        problems.extend(prolog_problems(paths, limits.time))
    if problems:
        raise KbError.located(problems)


def asp_problems(paths: KbPaths) -> list[Problem]:
    """The parse errors of the ASP encoding, each with its file and line."""
    import clingo

    problems: list[Problem] = []
    if not paths.asp_files:
        return [Problem(str(paths.root / "asp"), None, "no .lp files")]

    def logger(code: clingo.MessageCode, message: str) -> None:
        if code == clingo.MessageCode.RuntimeError or ": error:" in message:  # not warnings or infos
            problems.append(_clingo_problem(message))

    for file in paths.asp_files:
        ctl = clingo.Control(["--warn=none"], logger=logger, message_limit=20)
        try:
            ctl.load(str(file))
        except RuntimeError as err:
            if not problems:
                problems.append(Problem(str(file), None, f"the ASP encoding does not parse ({err})"))
    return problems


def _clingo_problem(message: str) -> Problem:
    """A clingo message ``FILE:LINE:COL-COL: error: text`` as a problem."""
    first = message.strip().splitlines()[0] if message.strip() else message
    match = re.match(r"^(.*?):(\d+):[\d:-]*:?\s*(.*)$", first)
    if match:
        return Problem(match.group(1), int(match.group(2)), match.group(3))
    return Problem("<asp>", None, first)


def prolog_problems(paths: KbPaths, seconds: float) -> list[Problem]:
    """The problems of loading the Prolog encoding in a child process within ``seconds``.

    Raises
    ------
    KbError
        When loading does not finish in time (the message names the directive that was running).
    """
    swipl = shutil.which("swipl")
    if swipl is None:  # no binary beside the library: the in-process load still collects its messages
        return []
    entry = str(paths.prolog_entry)
    goal = f"aigc_load:preflight({_quoted(entry)})"
    started = time.monotonic()
    # the kb's files are UTF-8 whatever the locale (under LC_ALL=C swipl would read them as ASCII)
    process = subprocess.Popen([swipl, "-q", "--no-tty", "--no-packs", "-g", "set_prolog_flag(encoding, utf8)",
                                "-g", goal, "-t", "halt", str(_LOADER)],
                               stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               encoding="utf-8", errors="replace")
    try:
        out, _ = process.communicate(timeout=max(seconds, 0.001))
    except subprocess.TimeoutExpired:
        process.kill()
        out, _ = process.communicate()
        where = [m for m in (_AT.match(line) for line in out.splitlines()) if m]
        last = where[-1] if where else None
        file, line = (last.group(1), int(last.group(2))) if last else (entry, None)
        raise KbError.located([Problem(file, line, f"loading the knowledge base did not finish within the time "
                                                   f"limit of {seconds:g} s ({time.monotonic() - started:.1f} s "
                                                   "taken); raise it with --time-limit SECONDS")]) from None
    problems = []
    for text in out.splitlines():
        parts = text.split("\t", 4)
        if len(parts) == 5 and parts[0] == "msg":
            _, kind, file, number, message = parts
            message = _LOCATION_PREFIX.sub("", message.strip(), count=1)
            problems.append(Problem(file or entry, int(number) if number.isdigit() and number != "0" else None,
                                    f"{kind}: {message}"))
    if "done" not in out.splitlines() and not problems:
        where = [m for m in (_AT.match(line) for line in out.splitlines()) if m]
        at, line = (where[-1].group(1), int(where[-1].group(2))) if where else (entry, None)
        problems.append(Problem(at, line, "loading the knowledge base ended the process (a directive calls "
                                            f"halt, or the loader failed: exit {process.returncode})"))
    return problems


def _quoted(text: str) -> str:
    """``text`` as a Prolog quoted atom (for the one path put in the child's goal)."""
    from .quoting import prolog_atom

    return prolog_atom(text)

