"""A child process that grounds and solves batch programs, started afresh now and then.

clingo never frees a symbol once made, and a batch program makes hundreds of
thousands of them, so a process that grounded batch after batch would grow
without end.  The batch programs are therefore grounded in a child process
that is replaced after a fixed number of programs (its memory goes back to
the system), and killed when a program takes longer than the time limit
(grounding cannot be interrupted in-process).  The parent sends a program's
text and gets back the shown atoms of its one answer set as text.

The child is a plain ``python .../aigc_kb/batch_grounder.py`` process talking
over a pair of pipes (not a ``multiprocessing`` process, which would import
the parent's main script again).  It runs clingo's own main program on the
encoding files and the program, exactly as the ``clingo`` command does, and
sends back what clingo prints.
"""

from __future__ import annotations

import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, cast

#: Programs a child grounds before it is replaced.
PROGRAMS_PER_CHILD = 24


@dataclass(frozen=True)
class Answer:
    """The shown atoms of a program's one answer set.

    Attributes
    ----------
    count : int
        How many atoms.
    text : str | None
        The atoms as ``str()`` writes them, joined by commas, when none holds
        a string (``None`` otherwise).
    atoms : tuple[str, ...]
        Each atom's text, when some holds a string (empty otherwise).
    """

    count: int
    text: str | None
    atoms: tuple[str, ...] = ()


def _serve(files: list[str], conn: Connection) -> None:
    """The child: ground and solve each program received, until told to stop."""
    with tempfile.TemporaryDirectory(prefix="aigc-kb-batch-") as workdir:
        program = os.path.join(workdir, "program.lp")
        output = os.path.join(workdir, "answer.txt")
        while True:
            try:
                request = conn.recv()
            except EOFError:
                return
            if request is None:
                return
            text, seconds = request
            try:
                found = _answer(files, text, seconds, program, output)
                reply = ("ok", (found.count, found.text, found.atoms)) if isinstance(found, Answer) else ("no", found)
            except Exception as err:  # any failure: the parent evaluates the cases alone
                reply = ("error", f"{type(err).__name__}: {err}")
            conn.send((*reply, peak_rss_mb()))


class _Clingo:
    """clingo's own application: load the files, ground, solve, print the answer sets."""

    program_name = "clingo"


def _answer(files: list[str], text: str, seconds: float, program: str, output: str) -> Answer | str:
    """Run clingo's own main on the encoding and the program, as ``clingo`` would; read what it prints.

    Its printer writes the answer set text at C++ speed (no Python object per
    atom).  Atoms holding strings (which may hold spaces) are read again
    through the Python API.
    """
    import clingo

    with open(program, "w", encoding="utf-8") as handle:
        handle.write(text)
    limit = f"--time-limit={max(1, math.ceil(seconds))}"
    saved = os.dup(1)
    target = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.dup2(target, 1)
        # Without a main of its own, the application runs clingo's default main.
        code = clingo.clingo_main(cast(clingo.Application, _Clingo()),
                                  [*files, program, "--models=2", "--verbose=0", limit])
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(target)
    with open(output, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    if code != 30 or len(lines) != 3 or lines[1] != "SATISFIABLE":  # exactly one answer set, and all searched
        return f"clingo exit code {code}"
    atoms = lines[0]
    if '"' in atoms:
        return _answer_via_api(files, text, seconds)
    return Answer(atoms.count(" ") + 1 if atoms else 0, atoms.replace(" ", ","))


def _answer_via_api(files: list[str], text: str, seconds: float) -> Answer | str:
    import clingo

    ctl = clingo.Control(["--models=2"], logger=lambda code, message: None, message_limit=0)
    for file in files:
        ctl.load(file)
    ctl.add("base", [], text)
    ctl.ground([("base", [])])
    models: list[list[clingo.Symbol]] = []
    with ctl.solve(on_model=lambda m: models.append(list(m.symbols(shown=True))), async_=True) as handle:
        if not handle.wait(seconds):
            handle.cancel()
            return "time limit"
        handle.get()
    if len(models) != 1:
        return f"{len(models)} answer sets"
    atoms = tuple(str(s) for s in models[0])
    return Answer(len(atoms), None, atoms)


def _reap(pid: int, seconds: float | None) -> tuple[int, float] | None:
    """Wait for a child to end: its exit status and CPU seconds (``None`` if still running after ``seconds``)."""
    deadline = None if seconds is None else time.monotonic() + seconds
    while True:
        try:
            done, status, usage = os.wait4(pid, 0 if deadline is None else os.WNOHANG)
        except ChildProcessError:  # reaped already
            return (0, 0.0)
        if done:
            return (os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime)
        if deadline is not None and time.monotonic() > deadline:
            return None
        time.sleep(0.005)


def _proc_cpu(pid: int) -> float:
    """User and system CPU seconds of a live process (0 where ``/proc`` is not there)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def peak_rss_mb() -> float:
    """The peak resident set of this process: ``VmHWM`` where ``/proc`` has it (``ru_maxrss`` survives
    exec on Linux, so it could report the parent's peak)."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Grounder:
    """Grounds programs of ``files`` plus facts in a child process.

    Parameters
    ----------
    files : list[str]
        The encoding.

    Attributes
    ----------
    peak_mb : float
        The largest resident set any child reached, in MiB.
    """

    def __init__(self, files: list[str]) -> None:
        self.files = files
        self.peak_mb = 0.0
        self._ended_cpu = 0.0
        self._process: subprocess.Popen[bytes] | None = None
        self._conn: Connection | None = None
        self._served = 0

    def _start(self) -> Connection:
        to_child_r, to_child_w = os.pipe()
        to_parent_r, to_parent_w = os.pipe()
        try:
            # Run as a script, not ``-m aigc_kb...``: the package's imports are not needed there.
            self._process = subprocess.Popen(
                [sys.executable, os.path.abspath(__file__), str(to_child_r), str(to_parent_w), *self.files],
                pass_fds=(to_child_r, to_parent_w), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL)
        except OSError:
            os.close(to_parent_r)
            os.close(to_child_w)
            raise
        finally:
            os.close(to_child_r)
            os.close(to_parent_w)
        self._conn = _Duplex(to_parent_r, to_child_w)
        self._served = 0
        return self._conn

    def solve(self, text: str, seconds: float) -> Answer | None:
        """The shown atoms of the one answer set of the encoding with ``text``.

        ``None`` when there is not exactly one answer set, when grounding and
        solving take more than ``seconds`` (the child is then killed), or on
        any error.
        """
        if self._conn is not None and not self._alive():
            self.stop(kill=True)  # it died: reap it, close its pipes
        conn = self._conn if self._conn is not None else self._start()
        try:
            conn.send((text, seconds))
            if not conn.poll(seconds + 1.0):
                self.stop(kill=True)
                return None
            status, payload, peak = conn.recv()
        except (EOFError, OSError):
            self.stop(kill=True)
            return None
        self.peak_mb = max(self.peak_mb, peak)
        self._served += 1
        if self._served >= PROGRAMS_PER_CHILD:
            self.stop()
        if status != "ok":
            return None
        count, joined, atoms = payload
        return Answer(count, joined, tuple(atoms))

    def start(self) -> None:
        """Start the child now (it starts by itself on first use otherwise)."""
        if self._conn is None:
            self._start()

    def _alive(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def cpu_seconds(self) -> float:
        """CPU seconds used by every child so far (the running one read from ``/proc``)."""
        total = self._ended_cpu
        if self._process is not None:
            total += _proc_cpu(self._process.pid)
        return total

    def stop(self, kill: bool = False) -> None:
        """End the child (another is started when needed); its CPU time is kept."""
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if process is None or conn is None:
            return
        if not kill:
            try:
                conn.send(None)
            except OSError:
                kill = True
        if kill:
            process.kill()
        status = _reap(process.pid, 5.0)
        if status is None:
            process.kill()
            status = _reap(process.pid, None)
        if status is not None:
            self._ended_cpu += status[1]
            process.returncode = status[0]
        conn.close()

    def __del__(self) -> None:
        try:
            self.stop(kill=True)
        except Exception:  # the interpreter is shutting down
            pass


class _Duplex(Connection):
    """A connection that reads from one pipe and writes to another."""

    def __init__(self, read_fd: int, write_fd: int) -> None:
        super().__init__(read_fd, readable=True, writable=False)
        self._writer = Connection(write_fd, readable=False, writable=True)

    def send(self, obj: Any) -> None:
        self._writer.send(obj)

    def close(self) -> None:
        self._writer.close()
        super().close()


def main(argv: list[str]) -> None:
    """The child's entry point: ``READ_FD WRITE_FD FILE...``."""
    conn = _Duplex(int(argv[0]), int(argv[1]))
    try:
        _serve(argv[2:], conn)
    finally:
        conn.close()


if __name__ == "__main__":
    main(sys.argv[1:])
