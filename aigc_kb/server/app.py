"""The HTTP API and the workbench page (FastAPI).

This layer checks the shape of requests, hands them to the engine workers
(:mod:`aigc_kb.server.pool`) and formats their answers and errors; what each
endpoint computes is in :mod:`aigc_kb.server.work`, which calls the package's
own functions.  Errors are JSON: an ``error`` code, a ``message`` and the
``problems`` (``file``, ``line``, ``problem``, and the CLI's one-line ``text``).
"""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any, AsyncIterator, Literal, Union

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..api import KnowledgeBase
from . import schemas, work
from .cases import bundled_case_file, bundled_case_names
from .pool import Busy, Crashed, EnginePool, Reply, Timeout

API = "/api/v1"
STATIC = Path(__file__).resolve().parent / "static"
#: Request bodies larger than this are refused (413).
MAX_BODY_BYTES = 1024 * 1024

# ------------------------------------------------------------- requests --
CaseValue = Union[str, dict[str, Any]]


class Assumption(BaseModel):
    """An input fact fixed true or false (as ``aigc-kb explain --assume FACT=true``)."""

    model_config = ConfigDict(extra="forbid", strict=True)
    fact: str = Field(max_length=2000, examples=["fault_proven(acme)"])
    value: bool


class AnalysisLimits(BaseModel):
    """Scenario limits; they may only lower the server's."""

    model_config = ConfigDict(extra="forbid", strict=True)
    max_outcomes: Annotated[int | None, Field(gt=0)] = None
    max_implicants: Annotated[int | None, Field(gt=0)] = None
    count_limit: Annotated[int | None, Field(gt=0)] = None
    max_candidates: Annotated[int | None, Field(gt=0)] = None
    max_worlds: Annotated[int | None, Field(gt=0)] = None


class CaseRequest(BaseModel):
    """A case: ``case`` (the text of a case file, or the mapping it holds) or ``case_name`` (a bundled case)."""

    model_config = ConfigDict(extra="forbid", strict=True)
    case: CaseValue | None = Field(None, description="YAML or JSON text of a case file, or the mapping it holds")
    case_name: str | None = Field(None, max_length=200, examples=["real_ultraman.yaml"],
                                  description="a bundled case (GET /api/v1/cases)")
    file: str | None = Field(None, max_length=200, examples=["my_case.yaml"],
                             description="the file name problems are reported in; its suffix "
                                         "(.yaml, .yml, .json, .pl, .lp) chooses how text is read")


class ReadingRequest(CaseRequest):
    regime: str | None = Field(None, examples=["fault"], description="default: the case's or strict")
    positions: dict[str, str] = Field(default_factory=dict, description="choice point -> position")


class EvaluateRequest(ReadingRequest):
    engine: Literal["prolog", "asp"] = "prolog"
    assume: list[Assumption] = Field(default_factory=list, max_length=1000)
    reasons: bool = Field(False, description="add each row's short reasons (`evaluate --explain`)")
    lang: Literal["en", "zh"] | None = Field(None, description="with a language: the reasons worded in it, and "
                                             "`lang` and `display` (each section's title and lines, as "
                                             "`aigc-kb evaluate --lang` prints them) added; keys never change")


class ExplainRequest(ReadingRequest):
    assume: list[Assumption] = Field(default_factory=list, max_length=1000)
    query: str | None = Field(None, max_length=2000, examples=["liable(tab_operator, _, _, _)"])
    why_not: str | None = Field(None, max_length=2000, examples=["not_liable(tab_operator, _, _)"])
    depth: int | None = Field(None, ge=0, le=20)
    format: Literal["json", "svg", "dot", "text", "markdown"] = "json"
    cite: Literal["ids", "full"] = "ids"
    lang: Literal["en", "zh"] | None = Field(None, description="the language of the texts (default English; "
                                             "identifiers and keys never change)")


class EnumerateRequest(ReadingRequest):
    all_regimes: bool = False
    open: list[str] = Field(default_factory=list, max_length=100)
    outcome: list[str] | None = Field(None, max_length=100)
    list_worlds: bool = False
    limits: AnalysisLimits = AnalysisLimits()


class CompareRequest(CaseRequest):
    positions: dict[str, str] = Field(default_factory=dict)
    divergent: bool = False


class MustProveRequest(ReadingRequest):
    goal: str | None = Field(None, max_length=2000, examples=["liable(tab_operator, _, _, _)"])
    avoid: str | None = Field(None, max_length=2000)
    open: list[str] = Field(default_factory=list, max_length=100)
    limits: AnalysisLimits = AnalysisLimits()


class FlipsRequest(ReadingRequest):
    outcome: list[str] | None = Field(None, max_length=100)
    limits: AnalysisLimits = AnalysisLimits()


# --------------------------------------------------------------- errors --
def _error(status: int, code: str, message: str, problems: list[dict[str, Any]] | None = None,
           headers: dict[str, str] | None = None) -> JSONResponse:
    if problems is None:
        problems = [{"file": work.REQUEST, "line": None, "problem": message, "text": f"{work.REQUEST}: {message}"}]
    return JSONResponse({"error": code, "message": message, "problems": problems}, status_code=status,
                        headers=headers)


def _reply(reply: Reply, media_type: str = "application/json") -> Response:
    if reply.status == "ok":
        if isinstance(reply.data, bytes):
            return Response(reply.data, media_type="application/json")
        return Response(reply.data, media_type=media_type)
    if reply.status == "input":
        return _error(422, "invalid_input", "the case or the options are not valid", reply.data)
    if reply.status == "limit":
        return _error(422, "limit_exceeded", str(reply.data))
    if reply.status == "unavailable":
        return _error(503, "unavailable", str(reply.data))
    return _error(500, "internal", str(reply.data))


class BodyLimit:
    """ASGI middleware: refuse (413) a request body over ``limit`` bytes, declared or streamed,
    without reading more than ``limit`` bytes of it."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_large = _error(413, "too_large", f"request body larger than {self.limit} bytes")
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await too_large(scope, receive, send)
            return
        received = 0
        started = refused = False

        async def limited_receive() -> Message:
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit and not started:
                    # answer now, and tell the application the client has gone
                    refused = True
                    await too_large(scope, receive, send)
                    return {"type": "http.disconnect"}
            return message

        async def tracked_send(message: Message) -> None:
            nonlocal started
            if refused:
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracked_send)
        except Exception:
            if not refused:
                raise


# ------------------------------------------------------------------ app --
def create_app(kb: KnowledgeBase | None = None, workers: int = 2, kb_dir: str | None = None) -> FastAPI:
    """The application: the API under ``/api/v1``, the page at ``/``.

    Parameters
    ----------
    kb : KnowledgeBase, optional
        Used in the server's own process for what needs no engine (vocabulary,
        doctrines, validation); default a new one on ``kb_dir``.
    workers : int
        Engine worker processes.
    kb_dir : str, optional
        An edited copy of ``kb/`` for the workers (default the bundled one).
    """
    kb = kb or KnowledgeBase(kb_dir)
    limits = kb.limits
    # The engines stop themselves at their time limit; a compare makes four engine calls and
    # an analysis is bounded as a whole, so a worker silent for this long is stuck.
    pool = EnginePool(workers, kb_dir, limits, deadline=4 * limits.time + 20)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        pool.start()
        try:
            yield
        finally:
            pool.close()

    # No /docs or /redoc: their pages load scripts from a CDN, and the server works offline.
    app = FastAPI(title="aigc-kb", version=f"{schemas.VERSION}.0", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Who is liable when AI-generated content infringes copyright, and why. "
                              "Every answer follows a versioned JSON Schema (components `*V1`, "
                              "also at `GET /api/v1/schemas/{name}`).")
    app.state.pool = pool
    app.state.kb = kb

    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)

    @app.exception_handler(RequestValidationError)
    async def bad_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "body"
            message = f"{where}: {err.get('msg', 'invalid')}"
            problems.append({"file": work.REQUEST, "line": None, "problem": message,
                             "text": f"{work.REQUEST}: {message}"})
        return _error(422, "invalid_request", "the request does not have the expected shape", problems)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed", 413: "too_large"}.get(exc.status_code, "invalid_request")
        return _error(exc.status_code, code, str(exc.detail), headers=getattr(exc, "headers", None))

    async def run(op: str, body: BaseModel, media_type: str = "application/json") -> Response:
        try:
            reply = await pool.call(op, body.model_dump(mode="json"))
        except Busy:
            return _error(503, "busy", "every engine worker is busy; try again", headers={"Retry-After": "1"})
        except Timeout:
            return _error(504, "timeout", f"no answer within {pool.deadline:g} s; the worker was restarted")
        except Crashed:
            return _error(500, "internal", "the engine worker died; it was restarted")
        return _reply(reply, media_type)

    def documented(name: str, *media: str) -> dict[int | str, dict[str, Any]]:
        ref = {"$ref": f"#/components/schemas/{schemas.component_name(name)}"}
        err = {"$ref": f"#/components/schemas/{schemas.component_name('error')}"}
        ok: dict[str, Any] = {"application/json": {"schema": ref}}
        for m in media:
            ok[m] = {"schema": {"type": "string"}}
        out: dict[int | str, dict[str, Any]] = {200: {"description": "the answer", "content": ok}}
        for status, what in ((400, "the body cannot be read (not UTF-8 JSON)"), (404, "no such bundled case or schema"),
                             (413, "request too large"), (422, "invalid case, options or request; limit hit"),
                             (500, "internal error"), (503, "busy or unavailable"), (504, "no answer in time")):
            out[status] = {"description": what, "content": {"application/json": {"schema": err}}}
        return out

    @app.post(f"{API}/evaluate", responses=documented("evaluation"), summary="evaluate (as `aigc-kb evaluate --format json`)")
    async def evaluate(body: EvaluateRequest) -> Response:
        return await run("evaluate", body)

    @app.post(f"{API}/explain", responses=documented("explanation", "image/svg+xml", "text/plain"),
              summary="justification trees (why) or why not (as `aigc-kb explain`)")
    async def explain(body: ExplainRequest) -> Response:
        media = {"svg": "image/svg+xml", "json": "application/json"}.get(body.format, "text/plain; charset=utf-8")
        return await run("explain", body, media)

    @app.post(f"{API}/enumerate", responses=documented("enumeration"), summary="distinct outcomes over the unknown facts")
    async def enumerate_(body: EnumerateRequest) -> Response:
        return await run("enumerate", body)

    @app.post(f"{API}/compare", responses=documented("comparison"), summary="the regimes side by side")
    async def compare(body: CompareRequest) -> Response:
        return await run("compare", body)

    @app.post(f"{API}/must-prove", responses=documented("must_prove"), summary="minimal sets that settle a goal")
    async def must_prove(body: MustProveRequest) -> Response:
        return await run("must-prove", body)

    @app.post(f"{API}/flips", responses=documented("flips"), summary="single facts that change who is liable")
    async def flips(body: FlipsRequest) -> Response:
        return await run("flips", body)

    @app.post(f"{API}/validate", responses=documented("validation"),
              summary="validate a case: its problems, each at its line, or its summary")
    async def validate(body: CaseRequest) -> JSONResponse:
        data = await asyncio.to_thread(work.validate, kb, body.model_dump(mode="json"))
        return JSONResponse(data)

    vocab_json = work.vocabulary(kb)
    doctrines_json = work.doctrines(kb)

    @app.get(f"{API}/vocabulary", responses=documented("vocabulary"), summary="the fact vocabulary")
    async def vocabulary() -> JSONResponse:
        return JSONResponse(vocab_json)

    doctrines_lang = {lang: work.doctrines(kb, lang) for lang in ("en", "zh")}

    @app.get(f"{API}/doctrines", responses=documented("doctrines"), summary="the doctrine catalogue")
    async def doctrines(lang: Literal["en", "zh"] | None = None) -> JSONResponse:
        """With ``lang``: each doctrine's name and statement in that language as ``text`` (and ``lang``)."""
        return JSONResponse(doctrines_json if lang is None else doctrines_lang[lang])

    @app.get(f"{API}/cases", responses=documented("cases"), summary="the bundled cases")
    async def cases() -> JSONResponse:
        return JSONResponse({"cases": await asyncio.to_thread(_case_list)})

    @app.get(f"{API}/cases/{{name}}", responses=documented("case_text", "application/yaml"),
             summary="a bundled case file's text")
    async def case_text(name: str) -> Response:
        file = bundled_case_file(name)
        if file is None:
            return _error(404, "not_found", f"no bundled case {name!r}")
        return JSONResponse({"name": file.name, "text": file.read_text(encoding="utf-8")})

    @app.get(f"{API}/schemas/{{name}}", summary="one response schema (JSON Schema 2020-12)", responses={
        200: {"description": "the schema", "content": {"application/schema+json": {"schema": {"type": "object"}}}},
        404: {"description": "no such schema", "content": {"application/json": {"schema": {
            "$ref": f"#/components/schemas/{schemas.component_name('error')}"}}}}})
    async def schema(name: str) -> Response:
        key = name.removesuffix(".json")
        if key not in schemas.SCHEMAS:
            return _error(404, "not_found", f"no schema {name!r} (one of {', '.join(sorted(schemas.SCHEMAS))})")
        return JSONResponse(schemas.schema(key), media_type="application/schema+json")

    @app.get("/", include_in_schema=False)
    async def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            doc = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            components = doc.setdefault("components", {}).setdefault("schemas", {})
            for name in schemas.SCHEMAS:
                components[schemas.component_name(name)] = schemas.openapi_component(name)
            app.openapi_schema = doc
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def _case_list() -> list[dict[str, str]]:
    """Name, id and title of every bundled case, read from the first lines of each file."""
    out = []
    for name in bundled_case_names():
        file = bundled_case_file(name)
        assert file is not None
        head = {"id": file.stem, "title": ""}
        with file.open(encoding="utf-8") as handle:
            for _, line in zip(range(20), handle):
                key, sep, value = line.partition(":")
                if sep and key in ("id", "title"):
                    head[key] = _scalar(value.strip())
        out.append({"name": name, **head})
    return out


def _scalar(text: str) -> str:
    """A one-line YAML scalar's value (plain, or quoted)."""
    if text[:1] in ("'", '"'):
        try:
            import yaml

            value = yaml.safe_load(text)
            return str(value)
        except Exception:  # noqa: BLE001 - a title that does not parse is shown as written
            return text
    return text


__all__ = ["API", "MAX_BODY_BYTES", "create_app"]
