"""Who may fetch what, and what a message does (the core, no Qt, no network)."""

from __future__ import annotations

import base64
import hashlib
import json
import re

from companion_helpers import HOST, get, pair, token_from

from presenter.companion.core import COOKIE, LATE_MS, Request, device_label
from presenter.companion.pages import inline_style


def open_ws(core, token: str, origin: str | None = f"http://{HOST}", address: str = "127.0.0.1"):
    headers = {"host": HOST, "upgrade": "websocket", "cookie": f"{COOKIE}={token}"}
    if origin is not None:
        headers["origin"] = origin
    return core.open_channel(Request("GET", "/ws", headers, address))


def send(core, channel, **message: object):
    return core.handle_message(channel, json.dumps(message))


def test_pairing_page_then_session_cookie(make_core) -> None:
    core = make_core()
    code = core.codes.current().code
    assert core.pairing_url() == f"http://{HOST}/pair/{code}"
    chooser = get(core, f"/pair/{code}")
    assert chooser.status == 200 and f"/pair/{code}/clicker".encode() in chooser.body
    paired = get(core, f"/pair/{code}/clicker", user_agent="Mozilla/5.0 (Linux; Android 14) Chrome/130 Mobile")
    assert paired.status == 303 and dict(paired.headers)["Location"] == "/clicker"
    cookie = dict(paired.headers)["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    token = token_from(paired)
    assert get(core, "/clicker", token).status == 200
    assert get(core, "/assets/clicker.js", token).status == 200
    assert get(core, "/clerk", token).status == 403  # paired as the clicker
    assert json.loads(get(core, "/api/me", token).body)["role"] == "clicker"
    assert [d.label for d in core.sessions.devices()] == ["Chrome on Android"]
    assert get(core, f"/pair/{code}/clerk").status == 403  # the code worked once
    assert core.codes.current().code != code


def test_nothing_without_a_token_but_the_pairing_page(make_core) -> None:
    core = make_core()
    for path in ("/", "/clicker", "/clerk", "/api/me", "/assets/companion.js", "/assets/companion.css", "/nothing"):
        response = get(core, path)
        assert response.status == 401, path
        assert b"Scan the QR code" in response.body
    assert get(core, "/clicker", "made-up-token").status == 401
    assert open_ws(core, "").status == 401  # type: ignore[union-attr]
    assert core.sessions.devices() == []


def test_expired_code_and_other_sessions_token_are_refused(make_core, fake_clock) -> None:
    core, other = make_core(), make_core()
    old = core.codes.current().code
    fake_clock.t += 301
    assert get(core, f"/pair/{old}").status == 403
    assert get(core, f"/pair/{old}/clicker").status == 403 and core.sessions.devices() == []
    stranger = pair(other)  # a token from another presenter run
    assert get(core, "/clicker", stranger).status == 401 and open_ws(core, stranger).status == 401  # type: ignore[union-attr]


def test_wrong_attempts_are_rate_limited(make_core, fake_clock) -> None:
    core = make_core()
    for _ in range(10):
        assert get(core, "/pair/AAAAAAAAAA", address="10.0.0.66").status == 403
    good = core.codes.current().code
    locked = get(core, f"/pair/{good}/clicker", address="10.0.0.66")
    assert locked.status == 429 and int(dict(locked.headers)["Retry-After"]) == 60
    assert get(core, f"/pair/{good}", address="10.0.0.7").status == 200  # others are not locked out
    fake_clock.t += 60
    assert get(core, f"/pair/{good}/clicker", address="10.0.0.66").status == 303


def test_wrong_tokens_count_as_failures(make_core) -> None:
    core = make_core()
    for n in range(10):
        assert get(core, "/clicker", f"guess{n}", address="10.0.0.5").status == 401
    assert get(core, "/clicker", "guess", address="10.0.0.5").status == 429


def test_wrong_host_origin_and_method_are_refused(make_core) -> None:
    core = make_core()
    token = pair(core)
    assert get(core, "/clicker", token, host="evil.example:41234").status == 403  # DNS rebinding
    assert get(core, "/clicker", token, host="127.0.0.1:9").status == 403
    assert get(core, "/clicker", token, host="localhost:41234").status == 200
    assert open_ws(core, token, origin="http://evil.example").status == 403  # type: ignore[union-attr]
    assert get(core, "/clicker", token, method="POST").status == 405


def test_every_response_has_the_security_headers(make_core) -> None:
    core = make_core()
    response = get(core, f"/pair/{core.codes.current().code}")
    headers = dict(response.all_headers())
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    digest = base64.b64encode(hashlib.sha256(inline_style().encode()).digest()).decode()
    assert f"'sha256-{digest}'" in csp and f"<style>{inline_style()}</style>".encode() in response.body
    assert headers["Cache-Control"] == "no-store" and headers["Referrer-Policy"] == "no-referrer"
    assert not re.search(rb"<script>|\son\w+=", response.body)  # no inline script anywhere


def test_clicker_commands_once_each_and_never_late(make_core, fake_clock) -> None:
    core = make_core()
    channel = open_ws(core, pair(core))
    assert send(core, channel, type="ping", t=0.0).replies == ({"type": "pong"},)
    fake_clock.t += 1  # the phone's clock and ours move together
    assert send(core, channel, type="command", name="next", id=1, t=1000.0).command == "next"
    assert send(core, channel, type="command", name="next", id=1, t=1000.0).command == ""  # a repeat
    assert send(core, channel, type="command", name="quit", id=2, t=1000.0).command == ""  # not allowed
    fake_clock.t += 5  # sent at phone time 2 s, delivered at 6 s: a stalled connection
    late = send(core, channel, type="command", name="next", id=3, t=2000.0)
    assert late.command == "" and late.replies[0]["type"] == "dropped"
    fake_clock.t += LATE_MS / 2000
    assert send(core, channel, type="command", name="previous", id=4, t=6000.0 + LATE_MS / 2).command == "previous"
    assert send(core, channel, type="command", name="next", id=5).command == ""  # no send time: not done


def test_roles_and_revocation_per_message(make_core) -> None:
    core = make_core()
    clicker_token = pair(core)
    clerk = open_ws(core, pair(core, "clerk"))
    clicker = open_ws(core, clicker_token)
    refused = send(core, clerk, type="command", name="next", id=1, t=0.0)
    assert refused.command == "" and refused.replies[0]["status"] == 403
    assert send(core, clicker, type="save", question={"question": "x"}).replies[0]["status"] == 403
    core.sessions.revoke(core.sessions.find(clicker_token).id)  # type: ignore[union-attr]
    assert send(core, clicker, type="command", name="next", id=9, t=0.0).close_code == 4401
    assert get(core, "/clicker", clicker_token).status == 401
    assert core.handle_message(clerk, "{not json").replies[0]["type"] == "error"
    assert core.handle_message(clerk, "[" * 60000).replies[0]["type"] == "error"  # too deep: refused, not a crash


def test_device_limit_keeps_the_code(make_core) -> None:
    core = make_core()
    for _ in range(8):
        pair(core)
    code = core.codes.current().code
    assert get(core, f"/pair/{code}/clerk").status == 403 and core.codes.valid(code)


def test_device_labels() -> None:
    assert device_label("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1") == "Safari on iPhone"
    assert device_label("Mozilla/5.0 (Windows NT 10.0) Gecko/20100101 Firefox/131.0") == "Firefox on Windows"
    assert device_label("") == "Browser"
