"""Helpers for the companion tests: requests to a core, pairing, the phone browser's settings."""

from __future__ import annotations

from presenter.companion.core import COOKIE, CompanionCore, Request

PORT = 41234
HOST = f"127.0.0.1:{PORT}"


def get(core: CompanionCore, path: str, token: str = "", address: str = "127.0.0.1", method: str = "GET",
        **headers: str):
    """One request to ``core`` from ``address``, with the session cookie when ``token`` is given."""
    all_headers = {"host": HOST, **{k.replace("_", "-"): v for k, v in headers.items()}}
    if token:
        all_headers["cookie"] = f"{COOKIE}={token}"
    return core.handle_http(Request(method, path, all_headers, address))


def token_from(response) -> str:
    """The session token set by a pairing response."""
    cookie = dict(response.headers)["Set-Cookie"]
    return cookie.split(";")[0].split("=", 1)[1]


def pair(core: CompanionCore, role: str = "clicker", address: str = "127.0.0.1") -> str:
    """Pair a device through the pairing URL; returns its session token."""
    response = get(core, f"/pair/{core.codes.current().code}/{role}", address=address)
    assert response.status == 303
    return token_from(response)


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
