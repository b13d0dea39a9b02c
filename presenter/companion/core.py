"""The companion's rules, without a network or Qt: who may fetch what, and what a message does.

``CompanionCore.handle_http`` answers plain requests (the pairing page, the two phone pages,
their assets), ``open_channel`` authenticates a WebSocket handshake, ``handle_message`` one
message on it. Every one of them checks the session token again, so a revoked device is
refused at its next request or message.
"""

from __future__ import annotations

import json
import logging
import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.cookies import CookieError, SimpleCookie
from typing import Any
from urllib.parse import urlsplit

from presenter.companion import clerk, pages
from presenter.companion.auth import ROLES, Device, PairingCodes, RateLimiter, Sessions
from presenter.companion.hosts import allowed_hosts, host_ok, url_host
from presenter.companion.pages import HttpResponse
from presenter.talk.questions import QuestionLog
from presenter.talk.storage import StorageError

log = logging.getLogger(__name__)

COOKIE = "presenter_session"
COMMANDS = ("next", "previous", "black")
LATE_MS = 1500.0  # a tap delivered later than this (a connection that stalled) is dropped


@dataclass(frozen=True)
class Request:
    """A plain HTTP request or a WebSocket handshake, as the server library gave it.

    Attributes:
        path: the path with any query.
        headers: header names in lower case.
        address: the client's IP address.
    """

    method: str
    path: str
    headers: Mapping[str, str]
    address: str


@dataclass
class Channel:
    """One open WebSocket: whose it is, and what it has sent so far."""

    token: str
    device_id: str
    role: str
    address: str
    last_id: int = 0
    min_offset: float = math.inf  # the smallest (server time - phone time) seen: the delay floor


@dataclass(frozen=True)
class Outcome:
    """What a message leads to: replies to its sender, a command for the talk, news for others."""

    replies: tuple[dict[str, Any], ...] = ()
    command: str = ""
    questions_changed: bool = False
    close_code: int = 0


def token_of(request: Request) -> str:
    """The session token from the cookie or an ``Authorization: Bearer`` header ("" for none)."""
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    try:
        cookie = SimpleCookie(request.headers.get("cookie", ""))
    except CookieError:
        return ""
    morsel = cookie.get(COOKIE)
    return morsel.value if morsel is not None else ""


def device_label(user_agent: str) -> str:
    """``Chrome on Android`` from a User-Agent (best effort, for the device list only)."""
    ua = user_agent.lower()
    browser = next((name for key, name in (("edg/", "Edge"), ("firefox", "Firefox"), ("fxios", "Firefox"),
                                           ("crios", "Chrome"), ("chrom", "Chrome"), ("safari", "Safari"))
                    if key in ua), "Browser")
    system = next((name for key, name in (("android", "Android"), ("iphone", "iPhone"), ("ipad", "iPad"),
                                          ("windows", "Windows"), ("mac os", "Mac"), ("cros", "ChromeOS"),
                                          ("linux", "Linux")) if key in ua), "")
    return f"{browser} on {system}" if system else browser


@dataclass
class CompanionCore:
    """The companion's state and rules; the server calls it from its own thread.

    Args:
        bind: the address listened on; advertised: the one in the URL; port: the port.
        codes, sessions, limiter: pairing codes, sessions, rate limiting.
        now: monotonic clock (injected in tests).
    """

    bind: str
    advertised: str
    port: int
    codes: PairingCodes = field(default_factory=PairingCodes)
    sessions: Sessions = field(default_factory=Sessions)
    limiter: RateLimiter = field(default_factory=RateLimiter)
    now: Callable[[], float] = time.monotonic
    questions: QuestionLog | None = None
    elapsed: Callable[[], float] = lambda: 0.0
    slides: Callable[[], tuple[Any, ...]] = lambda: ()

    def __post_init__(self) -> None:
        self.hosts = allowed_hosts(self.bind, self.advertised, self.port)

    @property
    def origin(self) -> str:
        """``http://192.168.1.20:41234``."""
        return f"http://{url_host(self.advertised)}:{self.port}"

    def pairing_url(self) -> str:
        """The URL in the QR code: the current one-time pairing code."""
        return f"{self.origin}/pair/{self.codes.current().code}"

    # -- plain requests --------------------------------------------------------------------
    def _refused(self, request: Request) -> HttpResponse | None:
        """The refusal every request gets before anything else: wrong method, too many failures, wrong host."""
        if request.method != "GET":
            return pages.message(405, "Not allowed", "This server only answers GET requests.",
                                 (("Allow", "GET"),))
        wait = self.limiter.retry_after(request.address)
        if wait > 0:
            return pages.message(429, "Too many attempts", "Wait a minute, then scan the QR code again.",
                                 (("Retry-After", str(math.ceil(wait))),))
        if not host_ok(request.headers.get("host", ""), self.hosts, self.bind, self.port):
            return pages.message(403, "Wrong address", "Open the address shown on the presenter's laptop.")
        return None

    def authenticate(self, request: Request) -> Device | HttpResponse:
        """The device a request comes from, or the refusal (401; a wrong token counts as a failure)."""
        token = token_of(request)
        device = self.sessions.find(token)
        if device is not None:
            return device
        if token:
            self.limiter.failure(request.address)
        return pages.message(401, "Not paired", "Scan the QR code on the presenter's laptop to pair this device.")

    def handle_http(self, request: Request) -> HttpResponse:
        """Answer a plain GET request."""
        refused = self._refused(request)
        if refused is not None:
            return refused
        path = urlsplit(request.path).path
        if path.startswith("/pair/"):
            return self._pair(path.split("/")[2:], request)
        device = self.authenticate(request)
        if isinstance(device, HttpResponse):
            return device
        if path == "/":
            return pages.redirect(f"/{device.role}")
        if path in ("/clicker", "/clerk"):
            if path[1:] != device.role:
                return pages.message(403, "Wrong page", f"This device is paired as the {device.role}.")
            return pages.page(f"{device.role}.html")
        if path == "/api/me":
            return pages.json_response({"id": device.id, "role": device.role})
        if path.startswith("/assets/"):
            found = pages.asset(path[len("/assets/"):])
            if found is not None:
                return found
        return pages.message(404, "Not found", "There is no such page.")

    def _pair(self, parts: list[str], request: Request) -> HttpResponse:
        code = parts[0] if parts else ""
        if not self.codes.valid(code):
            self.limiter.failure(request.address)
            return pages.message(403, "Pairing code not valid",
                                 "This code has expired or was already used. Ask the speaker for the new QR code.")
        if len(parts) == 1:
            return pages.page("pair.html", code=code)
        role = parts[1]
        if len(parts) > 2 or role not in ROLES:
            return pages.message(404, "Not found", "There is no such page.")
        made = self.sessions.create(role, device_label(request.headers.get("user-agent", "")), request.address)
        if made is None:
            return pages.message(403, "Too many devices", "Ask the speaker to disconnect a device first.")
        self.codes.redeem(code)
        token, _device = made
        cookie = f"{COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax"
        return pages.redirect(f"/{role}", (("Set-Cookie", cookie),))

    # -- WebSocket -------------------------------------------------------------------------
    def open_channel(self, request: Request) -> Channel | HttpResponse:
        """Authenticate a WebSocket handshake (``/ws``): the channel, or the refusal."""
        refused = self._refused(request)
        if refused is not None:
            return refused
        if urlsplit(request.path).path != "/ws":
            return pages.message(404, "Not found", "There is no such page.")
        origin = request.headers.get("origin")
        if origin is not None and origin.lower() != f"http://{request.headers.get('host', '').lower()}":
            return pages.message(403, "Wrong origin", "This connection was not opened by the companion page.")
        device = self.authenticate(request)
        if isinstance(device, HttpResponse):
            return device
        return Channel(token_of(request), device.id, device.role, request.address)

    def handle_message(self, channel: Channel, text: str | bytes) -> Outcome:
        """One message from a phone, authenticated again against the live sessions."""
        device = self.sessions.find(channel.token)
        if device is None:
            return Outcome(close_code=4401)  # revoked, or the companion was restarted
        try:
            message = json.loads(text)
        except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
            return Outcome(replies=({"type": "error", "message": "not JSON"},))
        if not isinstance(message, dict):
            return Outcome(replies=({"type": "error", "message": "not a message"},))
        late = self._late(channel, message.get("t"))
        kind = message.get("type")
        if kind == "ping":
            return Outcome(replies=({"type": "pong"},))
        if kind == "command":
            return self._command(channel, device, message, late)
        if kind in ("save", "questions"):
            if device.role != "clerk":
                return Outcome(replies=({"type": "refused", "status": 403, "message": "clerk only"},))
            return self._save(message.get("question")) if kind == "save" else self.questions_outcome()
        return Outcome(replies=({"type": "error", "message": f"unknown message {kind!r}"},))

    def _late(self, channel: Channel, sent: object) -> bool:
        """Whether a message arrived more than ``LATE_MS`` after it was sent, judged against the
        fastest message so far (the phone's clock is never compared with ours directly)."""
        if not isinstance(sent, (int, float)) or isinstance(sent, bool) or not math.isfinite(sent):
            return True
        offset = self.now() * 1000.0 - float(sent)
        channel.min_offset = min(channel.min_offset, offset)
        return offset - channel.min_offset > LATE_MS

    def _command(self, channel: Channel, device: Device, message: dict[str, Any], late: bool) -> Outcome:
        name, mid = message.get("name"), message.get("id")
        if device.role != "clicker":
            return Outcome(replies=({"type": "refused", "status": 403, "message": "clicker only"},))
        if name not in COMMANDS or not isinstance(mid, int) or isinstance(mid, bool):
            return Outcome(replies=({"type": "error", "message": "bad command"},))
        if mid <= channel.last_id:
            return Outcome()  # a repeat: done once already
        channel.last_id = mid
        if late:
            log.info("companion: dropped a late %s from %s", name, device.id)
            return Outcome(replies=({"type": "dropped", "id": mid, "message": "arrived late; not done"},))
        return Outcome(replies=({"type": "done", "id": mid},), command=str(name))

    def _save(self, data: object) -> Outcome:
        if self.questions is None:
            return Outcome(replies=({"type": "error", "message": "The questions log is unavailable."},))
        try:
            saved = clerk.save(self.questions, data if isinstance(data, dict) else {}, self.slides(), self.elapsed())
        except (ValueError, TypeError, StorageError) as exc:
            return Outcome(replies=({"type": "error", "message": str(exc)},))
        return Outcome(replies=({"type": "saved", "question": clerk.question_json(saved)},), questions_changed=True)

    def questions_outcome(self) -> Outcome:
        """The list of questions so far, as a reply."""
        return Outcome(replies=(self.questions_message(),))

    def questions_message(self) -> dict[str, Any]:
        """The ``questions`` message: every question recorded so far."""
        items = self.questions.all() if self.questions is not None else []
        return {"type": "questions", "items": [clerk.question_json(q) for q in items]}
