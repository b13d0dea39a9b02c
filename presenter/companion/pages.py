"""HTTP responses of the companion server: the pages and assets in ``resources/companion`` (no Qt).

Every response carries a strict Content-Security-Policy (scripts and styles from this server
only; the pairing and refusal pages, served without a token, inline their one stylesheet,
allowed by its hash), no caching, no referrer and no framing.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import json
import logging
from dataclasses import dataclass
from typing import Any

from presenter.assets import resource

log = logging.getLogger(__name__)

ASSETS = {"companion.css": "text/css; charset=utf-8", "companion.js": "text/javascript; charset=utf-8",
          "clicker.js": "text/javascript; charset=utf-8", "clerk.js": "text/javascript; charset=utf-8"}
PAGES = ("clicker.html", "clerk.html", "pair.html", "message.html")
REASONS = {200: "OK", 204: "No Content", 303: "See Other", 401: "Unauthorized", 403: "Forbidden",
           404: "Not Found", 405: "Method Not Allowed", 429: "Too Many Requests", 500: "Internal Server Error"}


@dataclass(frozen=True)
class HttpResponse:
    """One HTTP response (the server adds the security headers)."""

    status: int
    body: bytes = b""
    content_type: str = "text/plain; charset=utf-8"
    headers: tuple[tuple[str, str], ...] = ()

    @property
    def reason(self) -> str:
        """The reason phrase (``Forbidden``)."""
        return REASONS.get(self.status, "")

    def all_headers(self) -> list[tuple[str, str]]:
        """Its own headers, the content type and the security headers."""
        return [("Content-Type", self.content_type), *self.headers, *security_headers()]


@functools.cache
def _read(name: str) -> str:
    return resource("companion", name).read_text(encoding="utf-8")


@functools.cache
def inline_style() -> str:
    """The stylesheet inlined in the pages served without a token."""
    return _read("plain.css")


@functools.cache
def security_headers() -> tuple[tuple[str, str], ...]:
    """Headers on every response."""
    digest = base64.b64encode(hashlib.sha256(inline_style().encode("utf-8")).digest()).decode()
    csp = ("default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data:; "
           f"style-src 'self' 'sha256-{digest}'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
    return (("Content-Security-Policy", csp), ("Cache-Control", "no-store"), ("Referrer-Policy", "no-referrer"),
            ("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY"))


def _fill(template: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        template = template.replace("{{" + key + "}}", value)
    return template


def page(name: str, status: int = 200, headers: tuple[tuple[str, str], ...] = (), **values: str) -> HttpResponse:
    """A page from ``resources/companion``, its ``{{name}}`` fields filled in (values are escaped)."""
    escaped = {k: html.escape(v) for k, v in values.items()}
    body = _fill(_read(name), {"style": inline_style(), **escaped})
    return HttpResponse(status, body.encode("utf-8"), "text/html; charset=utf-8", headers)


def message(status: int, title: str, text: str, headers: tuple[tuple[str, str], ...] = ()) -> HttpResponse:
    """A refusal or notice page (served without a token; says what to do, never why in detail)."""
    return page("message.html", status, headers, title=title, text=text)


def asset(name: str) -> HttpResponse | None:
    """A stylesheet or script, or None when there is no such asset."""
    if name not in ASSETS:
        return None
    return HttpResponse(200, _read(name).encode("utf-8"), ASSETS[name])


def json_response(data: dict[str, Any], status: int = 200) -> HttpResponse:
    """A small JSON answer."""
    return HttpResponse(status, json.dumps(data).encode("utf-8"), "application/json")


def redirect(location: str, headers: tuple[tuple[str, str], ...] = ()) -> HttpResponse:
    """303 See Other."""
    return HttpResponse(303, b"", "text/plain; charset=utf-8", (("Location", location), *headers))
