"""The newsprism web app: stories, articles with highlighted evidence, outlets and their labels (editable),
entities, a claims explorer and search, server-rendered with Jinja2 (autoescape on), with a JSON API under
``/api`` described by OpenAPI (``/openapi.json``, ``/docs`` is off: it would load a CDN).

Safety: bound to 127.0.0.1 by default; requests whose ``Host`` is not the bound address are refused (DNS
rebinding); every form post carries a per-app token and must come from the same origin, and every JSON API write
sends the same token in an ``X-CSRF-Token`` header (``GET /api/token``; no other site can read it); responses carry a
Content-Security-Policy that allows no script but our own (there is none) and no remote resources.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from importlib import resources as pkg_resources
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from ..model import OutletLabel
from ..outlets.labels import FACTUALITY, LEAN

if TYPE_CHECKING:
    from fastapi import FastAPI

    from ..store import Store

__all__ = ["LABEL_FIELDS", "create_app", "serve"]

#: Outlet label fields a user may set from the web app, with the values offered (the vocabulary of
#: :mod:`newsprism.outlets.labels`; values are checked and normalised by ``userlabels.label_outlet``).
LABEL_FIELDS: dict[str, list[str]] = {
    "lean": list(LEAN),
    "factuality": list(FACTUALITY),
    "state_affiliated": ["true", "false"],
    "country": [],
}
MAX_VALUE = 200
#: The header a JSON API client that is not one of the app's own pages sends the token in.
CSRF_HEADER = "X-CSRF-Token"
PAGE = 50


def _web_links() -> Any:
    from ..publish.briefing import Links

    return Links(
        article=lambda i: "/articles/" + quote(i, safe=""),
        story=lambda i: "/stories/" + quote(i, safe=""),
        outlet=lambda i: "/outlets/" + quote(i, safe=""),
        index="/",
        static="/static/",
        axis=lambda i, a: "/stories/" + quote(i, safe="") + "?axis=" + quote(a, safe=""),
    )


def create_app(store: Store, *, allowed_hosts: list[str] | None = None, title: str = "newsprism") -> FastAPI:
    """The app over an open ``store`` (the caller keeps it open while the app runs). Each request works on its own
    connection to the store (see :class:`~newsprism.web.connections.Connections`)."""
    from fastapi import Body, FastAPI, Form, HTTPException, Query, Request
    from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
    from fastapi.staticfiles import StaticFiles

    from ..compare import (
        AXES,
        STATUSES,
        article_context,
        claim_groups,
        compare_story,
        entity_rows,
        outlet_info,
        outlet_row,
        outlet_rows,
        story_context,
    )
    from ..compare.story_figures import figure_rows
    from ..errors import ConfigError
    from ..outlets.userlabels import label_outlet
    from ..publish.briefing import article_page, load_world, make_environment, story_page
    from .connections import Connections

    app = FastAPI(
        title=f"{title} API",
        version="1",
        docs_url=None,
        redoc_url=None,
        description="Stories, articles with evidence, outlets and their labels, entities and claims.",
    )
    env = make_environment(Path(str(pkg_resources.files("newsprism.web") / "templates")))
    links = _web_links()
    world = load_world()
    figure_statuses = (*STATUSES, "part")
    token = secrets.token_urlsafe(32)
    connect = Connections(store)
    hosts = set(allowed_hosts or []) | {"127.0.0.1", "localhost", "[::1]"}
    app.state.store = store
    app.state.csrf_token = token
    app.mount("/static", StaticFiles(directory=str(pkg_resources.files("newsprism.publish") / "static")), "static")

    @app.middleware("http")
    async def guard(request: Request, call_next: Any) -> Response:
        host = _hostname(request.headers.get("host") or "")
        if host not in hosts:
            return Response(f"host {host!r} not allowed", status_code=400, media_type="text/plain")
        if request.method not in {"GET", "HEAD", "OPTIONS"}:
            origin = request.headers.get("origin") or request.headers.get("referer")
            if origin and urlsplit(origin).netloc != request.headers.get("host"):
                return Response("cross-origin request refused", status_code=403, media_type="text/plain")
            if request.url.path.startswith("/api/"):
                sent = request.headers.get(CSRF_HEADER) or ""
                if not hmac.compare_digest(sent, token):  # as the forms' token: no other site can read it
                    detail = f"missing or wrong {CSRF_HEADER} header (GET /api/token gives it)"
                    return JSONResponse({"detail": detail}, status_code=403)
        resp: Response = await call_next(request)
        resp.headers["Content-Security-Policy"] = (
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        )
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["Referrer-Policy"] = "same-origin"  # so form posts carry their Origin
        resp.headers["X-Frame-Options"] = "DENY"
        return resp

    def page(name: str, **ctx: Any) -> HTMLResponse:
        html = env.get_template(name).render(links=links, site_title=title, mode="web", csrf_token=token, **ctx)
        return HTMLResponse(html)

    def check_status(status: str) -> str | None:
        if status and status not in figure_statuses:
            raise HTTPException(422, f"status {status[:40]!r} not valid; valid: {', '.join(figure_statuses)}")
        return status or None

    def check_axis(axis: str | None) -> str | None:
        if axis is not None and axis not in AXES:
            raise HTTPException(422, f"unknown axis {axis[:40]!r}; valid: {', '.join(AXES)}")
        return axis

    def one_outlet(db: Store, outlet_id: str) -> dict[str, Any]:
        o = db.get_outlet(outlet_id)
        if o is None:
            raise HTTPException(404, f"no outlet {outlet_id!r}")
        return outlet_row(o)

    def story_days(db: Store, limit: int, offset: int) -> tuple[list[tuple[str, list[Any]]], int]:
        stories = sorted(db.iter_stories(), key=lambda s: (s.start or "", len(s.article_ids)), reverse=True)
        comps = [compare_story(db, s) for s in stories[offset : offset + limit]]
        days: dict[str, list[Any]] = {}
        for c in comps:
            days.setdefault((c.story.start or "undated")[:10], []).append(c)
        return sorted(days.items(), reverse=True), len(stories)

    def add_label(db: Store, outlet_id: str, field: str, value: str, note: str | None) -> OutletLabel:
        if db.get_outlet(outlet_id) is None:
            raise HTTPException(404, f"no outlet {outlet_id!r}")
        if field not in LABEL_FIELDS:
            raise HTTPException(422, f"field {field!r} not editable; valid: {', '.join(LABEL_FIELDS)}")
        if not value.strip() or len(value) > MAX_VALUE:
            raise HTTPException(422, f"value for {field} must be 1 to {MAX_VALUE} characters")
        try:  # the one path for a user's label: checked and normalised on the labels module's scales
            note = (note or "").strip()[:MAX_VALUE] or None
            _, labels = label_outlet(db, outlet_id, {field: value.strip()}, by="web", note=note)
        except ConfigError as exc:
            raise HTTPException(422, str(exc)) from None
        return labels[0]

    # -- pages (plain functions: Starlette runs them in its thread pool, each on its own store connection) -------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(offset: int = Query(0, ge=0)) -> HTMLResponse:
        with connect() as db:
            days, total = story_days(db, PAGE, offset)
            outlets = outlet_rows(db)
        return page("index.html", days=days, outlets=outlets, total=total, offset=offset, page_size=PAGE)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_html(story_id: str, axis: str | None = None) -> HTMLResponse:
        with connect() as db:
            story = db.get_story(story_id)
            if story is None:
                raise HTTPException(404, "no such story")
            comp = compare_story(db, story, axis=check_axis(axis))
        return page("story.html", **story_page(story_context(comp), world))

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_html(
        offset: int = Query(0, ge=0), outlet: str | None = None, language: str | None = None
    ) -> HTMLResponse:
        with connect() as db:
            arts = list(db.iter_articles(outlet=outlet, language=language, limit=PAGE, offset=offset))
        ctx = {"offset": offset, "page_size": PAGE, "outlet": outlet, "language": language}
        return page("articles.html", articles=arts, **ctx)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_html(article_id: str) -> HTMLResponse:
        with connect() as db:
            view = article_context(db, article_id)
        if view is None:
            raise HTTPException(404, "no such article")
        return page("article.html", **article_page(view, world))

    @app.get("/outlets", response_class=HTMLResponse, include_in_schema=False)
    def outlets_html() -> HTMLResponse:
        with connect() as db:
            outlets = outlet_rows(db)
        return page("outlets.html", outlets=outlets)

    @app.get("/outlets/{outlet_id}", response_class=HTMLResponse, include_in_schema=False)
    def outlet_html(outlet_id: str, saved: int = 0) -> HTMLResponse:
        with connect() as db:
            row = one_outlet(db, outlet_id)
            arts = list(db.iter_articles(outlet=outlet_id))
            info = outlet_info(db, arts[0]) if arts else None
        return page("outlet_edit.html", o=row, info=info, articles=arts, fields=LABEL_FIELDS, saved=saved)

    @app.post("/outlets/{outlet_id}/labels", include_in_schema=False)
    def outlet_label_form(
        outlet_id: str,
        field: str = Form(...),
        value: str = Form(...),
        note: str = Form(""),
        csrf: str = Form(""),
    ) -> RedirectResponse:
        if not hmac.compare_digest(csrf, token):
            raise HTTPException(403, "missing or wrong form token; reload the page and try again")
        with connect() as db:
            add_label(db, outlet_id, field, value, note)
        return RedirectResponse(f"/outlets/{quote(outlet_id, safe='')}?saved=1", status_code=303)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_html(q: str = "") -> HTMLResponse:
        with connect() as db:
            hits = db.search(q[:500], limit=50) if q.strip() else []
        return page("search.html", q=q, hits=hits)

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    def entities_html(q: str = "") -> HTMLResponse:
        with connect() as db:
            rows = entity_rows(db, query=q or None)
        return page("entities.html", rows=rows, q=q)

    @app.get("/claims", response_class=HTMLResponse, include_in_schema=False)
    def claims_html(type: str | None = None, conflicts: int = 0) -> HTMLResponse:
        with connect() as db:
            groups = claim_groups(db, type=type or None, conflicts_only=bool(conflicts))
        return page("claims.html", groups=groups, type=type or "", conflicts=conflicts)

    @app.get("/figures", response_class=HTMLResponse, include_in_schema=False)
    def figures_html(status: str = "", type: str = "") -> HTMLResponse:
        wanted = check_status(status)
        with connect() as db:
            stories = claim_groups(db, type=type or None, status=wanted)
        return page("figures.html", stories=stories, status=status, type=type, statuses=STATUSES)

    # -- JSON API ------------------------------------------------------------------------------------------------
    @app.get("/api/stories", tags=["stories"], summary="Stories, newest first")
    def api_stories(limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0)) -> list[dict[str, Any]]:
        with connect() as db:
            rows = sorted(db.iter_stories(), key=lambda s: (s.start or "", s.id), reverse=True)
        return [s.to_dict() for s in rows[offset : offset + limit]]

    @app.get("/api/stories/{story_id}", tags=["stories"], summary="One story compared across its outlets")
    def api_story(
        story_id: str, axis: str | None = Query(None, description=f"one of {', '.join(AXES)}; default: the best split")
    ) -> dict[str, Any]:
        with connect() as db:
            story = db.get_story(story_id)
            if story is None:
                raise HTTPException(404, "no such story")
            return compare_story(db, story, axis=check_axis(axis)).to_dict()

    @app.get("/api/articles", tags=["articles"], summary="Articles (without bodies)")
    def api_articles(
        limit: int = Query(50, ge=1, le=1000),
        offset: int = Query(0, ge=0),
        outlet: str | None = None,
        language: str | None = None,
    ) -> list[dict[str, Any]]:
        with connect() as db:
            return [
                {k: v for k, v in a.to_dict().items() if k != "body"} | {"chars": len(a.body)}
                for a in db.iter_articles(outlet=outlet, language=language, limit=limit, offset=offset)
            ]

    @app.get("/api/articles/{article_id}", tags=["articles"], summary="One article with every extracted item")
    def api_article(article_id: str) -> dict[str, Any]:
        with connect() as db:
            view = article_context(db, article_id)
        if view is None:
            raise HTTPException(404, "no such article")
        return {
            "article": view["article"].to_dict(),
            "outlet": view["outlet"].to_dict(),
            "items": {k: [it.to_dict() for it in v] for k, v in view["items"].items()},
        }

    @app.get("/api/token", tags=["outlets"], summary=f"The token to send in {CSRF_HEADER} with every API write")
    def api_token() -> dict[str, str]:
        return {"header": CSRF_HEADER, "token": token}

    @app.get("/api/outlets", tags=["outlets"], summary="Outlets with their effective lean and its source")
    def api_outlets() -> list[dict[str, Any]]:
        with connect() as db:
            return outlet_rows(db)

    @app.get("/api/outlets/{outlet_id}", tags=["outlets"], summary="One outlet with all its labels")
    def api_outlet(outlet_id: str) -> dict[str, Any]:
        with connect() as db:
            return one_outlet(db, outlet_id)

    @app.post(
        "/api/outlets/{outlet_id}/labels",
        tags=["outlets"],
        summary="Add the user's own label to an outlet",
        status_code=201,
    )
    def api_outlet_label(
        outlet_id: str,
        field: str = Body(..., description=f"one of {', '.join(LABEL_FIELDS)}"),
        value: str = Body(..., max_length=MAX_VALUE),
        note: str | None = Body(None, max_length=MAX_VALUE),
    ) -> dict[str, Any]:
        with connect() as db:
            return add_label(db, outlet_id, field, value, note).to_dict()

    @app.get("/api/search", tags=["search"], summary="Full-text search over titles and bodies")
    def api_search(q: str = Query(..., max_length=500), limit: int = Query(20, ge=1, le=200)) -> list[dict[str, Any]]:
        with connect() as db:
            return [h.to_dict() for h in db.search(q, limit=limit)]

    @app.get("/api/entities", tags=["entities"], summary="Entities by how many articles name them")
    def api_entities(q: str | None = None, limit: int = Query(200, ge=1, le=5000)) -> list[dict[str, Any]]:
        with connect() as db:
            return entity_rows(db, query=q, limit=limit)

    @app.get("/api/claims", tags=["claims"], summary="Numeric claims grouped by story and type, conflicts first")
    def api_claims(type: str | None = None, conflicts: bool = False) -> list[dict[str, Any]]:
        with connect() as db:
            found = claim_groups(db, type=type, conflicts_only=conflicts)
        return [{"story_id": s["story_id"], "story": s["story"], **g.to_dict()} for s in found for g in s["groups"]]

    @app.get("/api/figures", tags=["figures"], summary="Every count normalised and reconciled per story")
    def api_figures(story_id: str | None = None, status: str = "") -> list[dict[str, Any]]:
        wanted = check_status(status)
        with connect() as db:
            rows = list(figure_rows(db))
        return [r for r in rows if story_id in {None, r["story_id"]} and wanted in {None, r["status"]}]

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:  # renders a template: no store, no wait
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        html = env.get_template("error.html").render(
            links=links, site_title=title, mode="web", status=exc.status_code, detail=str(exc.detail)
        )
        return HTMLResponse(html, status_code=exc.status_code)

    return app


def _hostname(host_header: str) -> str:
    if host_header.startswith("["):
        return host_header.split("]", 1)[0] + "]"
    return host_header.rsplit(":", 1)[0]


def serve(
    db: str | None,
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
    log_level: str = "warning",
    on_ready: Callable[[str], None] | None = None,
) -> None:
    """Open the store at ``db`` and serve the app until interrupted.

    A store path whose folder does not exist is refused (a typo must not create an empty store elsewhere); the
    address is bound before ``on_ready(url)`` is called, so an address in use is reported before anything says
    "serving".
    """
    import socket

    import uvicorn

    from ..errors import ConfigError
    from ..store import open_store

    if db and "://" not in db and db != ":memory:":
        folder = Path(db).expanduser().parent
        if not folder.is_dir():
            raise ConfigError(f"store {db}: folder {folder} does not exist; create it or fix the path")
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    store = open_store(db)
    try:
        app = create_app(store, allowed_hosts=[host])
        server = uvicorn.Server(uvicorn.Config(app, log_level=log_level))
        if on_ready is not None:
            shown = f"[{host}]" if ":" in host else host
            on_ready(f"http://{shown}:{port}/")
        server.run(sockets=[sock])
    finally:
        sock.close()
        store.close()
