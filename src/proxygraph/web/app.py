"""create_app(store): the read-only web app, with its guard against hostile requests.

Every request passes `Guard` first: only GET and HEAD, bounded URL, header and body sizes,
no dot segments or backslashes in the path, a Host header naming this machine (against DNS
rebinding) when serving on loopback; every response gets a strict Content-Security-Policy
(scripts only from this server, no inline script) and other security headers.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from fastapi import FastAPI, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from proxygraph import __version__
from proxygraph.store import Store

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")

CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


@dataclass(frozen=True)
class Limits:
    """What a request may be.

    max_url_bytes (int): path and query string together; longer gets 414.
    max_query_params (int): more parameters get 400.
    max_headers (int): more header lines get 431 (uvicorn also caps their bytes).
    max_body_bytes (int): a larger declared body, or any chunked one, gets 413 (the app
        reads no bodies: it is read-only).
    allowed_hosts (tuple | None): Host header names accepted (any port); None accepts any.
    """

    max_url_bytes: int = 4096
    max_query_params: int = 64
    max_headers: int = 64
    max_body_bytes: int = 1024
    allowed_hosts: tuple[str, ...] | None = LOOPBACK_HOSTS


class Guard:
    """ASGI middleware: refuse what a read-only app never needs; add security headers."""

    def __init__(self, app: ASGIApp, limits: Limits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self.check(scope)
        if refusal is not None:
            status, message, extra = refusal
            await _plain(send, status, message, extra)
            return

        head = scope["method"] == "HEAD"
        if head:  # answered as GET without the body, on every route
            scope = {**scope, "method": "GET"}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (name, value) for name, value in SECURITY_HEADERS if name not in names
                ]
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def check(self, scope: Scope) -> tuple[int, str, list[tuple[bytes, bytes]]] | None:
        """(status, message, extra headers) when the request is refused, else None."""
        limits = self.limits
        if scope["method"] not in ("GET", "HEAD"):
            return 405, "read-only: only GET and HEAD", [(b"allow", b"GET, HEAD")]
        raw_path: bytes = scope.get("raw_path") or scope["path"].encode("utf-8", "replace")
        query: bytes = scope.get("query_string", b"")
        if len(raw_path) + len(query) > limits.max_url_bytes:
            return 414, f"URL too long (at most {limits.max_url_bytes} bytes)", []
        headers: list[tuple[bytes, bytes]] = scope.get("headers", [])
        if len(headers) > limits.max_headers:
            return 431, f"too many header fields (at most {limits.max_headers})", []
        for name, value in headers:
            if name == b"content-length":
                if not value.isdigit() or int(value) > limits.max_body_bytes:
                    return 413, "request body too large (this app reads no bodies)", []
            elif name == b"transfer-encoding":
                return 413, "request body too large (this app reads no bodies)", []
        if query and len(parse_qsl(query.decode("latin-1"), keep_blank_values=True)) > (
            limits.max_query_params
        ):
            return 400, f"too many query parameters (at most {limits.max_query_params})", []
        path: str = scope["path"]
        segments = path.split("/")
        if ".." in segments or "." in segments or "\\" in path or "\x00" in path:
            return 400, "bad path", []
        if limits.allowed_hosts is not None:
            host = _host_name(headers)
            if host not in limits.allowed_hosts:
                return 400, "unknown Host header (this server answers only to loopback)", []
        return None


def _host_name(headers: list[tuple[bytes, bytes]]) -> str | None:
    """The Host header's name without its port ("[::1]:8000" -> "::1")."""
    for name, value in headers:
        if name == b"host":
            host = value.decode("latin-1").strip().lower()
            if host.startswith("["):
                return host[1:].split("]", 1)[0]
            return host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    return None


async def _plain(send: Send, status: int, message: str, extra: list[tuple[bytes, bytes]]) -> None:
    body = f"{status} {message}\n".encode()
    headers = [
        (b"content-type", b"text/plain; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
        *extra,
        *SECURITY_HEADERS,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def create_app(store: Store | str, *, limits: Limits | None = None) -> FastAPI:
    """The web app over a store (a Store, or a --db value opened without creating it).

    The app only reads; the caller closes a Store it passed in, the app one it opened.
    """
    from proxygraph.web import api, pages

    owned = not isinstance(store, Store)
    opened = Store(store, create=False) if isinstance(store, str) else store

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            opened.close()

    app = FastAPI(
        lifespan=lifespan,
        title="proxygraph",
        version=__version__,
        summary="Read-only API over the proxygraph claim graph: who backs whom, according to whom.",
        description="Every claim says who asserts it. All routes are GET; text from "
        "documents is returned as plain strings (escape it when you show it).",
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI would load scripts from a CDN: /api is the reference
        redoc_url=None,
    )
    app.state.store = opened
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=pages.STATIC, follow_symlink=False), name="static")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api"):
            from fastapi.exception_handlers import http_exception_handler

            return await http_exception_handler(request, exc)
        return pages.error_page(request, exc.status_code, _reason(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if request.url.path.startswith("/api"):
            return await request_validation_exception_handler(request, exc)
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', [])[1:])}: {e.get('msg')}"
            for e in exc.errors()
        )
        return pages.error_page(request, 400, f"bad request: {problems}")

    app.add_middleware(Guard, limits=limits or Limits())
    return app


def _reason(exc: StarletteHTTPException) -> str:
    detail: Any = exc.detail
    return detail if isinstance(detail, str) else "error"
