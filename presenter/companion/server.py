"""The companion server: ``websockets`` on an asyncio loop in a thread of its own (no Qt).

Plain GET requests (pages, assets) and WebSocket messages are answered by ``CompanionCore`` on
this thread; the talk is only touched through ``Hooks``, which the Qt side turns into queued
signals, so nothing here can hold up a slide change. The questions log is opened on this thread
with its own SQLite connection (WAL, synchronous writes: the same crash safety as the laptop's).
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from websockets.asyncio.server import ServerConnection, broadcast, serve
from websockets.datastructures import Headers
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request as WsRequest
from websockets.http11 import Response as WsResponse

from presenter.companion.auth import CODE_TTL, PairingCode, PairingCodes, RateLimiter, Sessions
from presenter.companion.core import Channel, CompanionCore, Outcome, Request
from presenter.companion.pages import HttpResponse
from presenter.companion.state import Snapshot, slides_message, state_message
from presenter.talk.questions import QuestionLog
from presenter.talk.storage import StorageError, open_store

log = logging.getLogger(__name__)

MAX_MESSAGE = 64 * 1024


def _noop(*_args: object) -> None:
    return None


@dataclass(frozen=True)
class Hooks:
    """What the server tells the app; called on the server's thread."""

    command: Callable[[str], None] = _noop
    questions_changed: Callable[[], None] = _noop
    devices_changed: Callable[[], None] = _noop
    pairing_changed: Callable[[str], None] = _noop


def _positional(snap: Snapshot) -> tuple[object, ...]:
    return snap.label, snap.number, snap.total, snap.blank


class CompanionServer:
    """The companion's web server, started and stopped from the app's thread.

    Args:
        host: the address to listen on; advertised: the one put in the URL (defaults to ``host``).
        deck_path: the deck whose questions log the clerk writes to (None: no log).
        hooks: what to tell the app.
        port: 0 for a free port.
        code_ttl: seconds a pairing code is valid.
        now: monotonic clock (injected in tests).
    """

    def __init__(self, host: str, deck_path: Path | None, hooks: Hooks = Hooks(), advertised: str | None = None,
                 port: int = 0, code_ttl: float = CODE_TTL, now: Callable[[], float] = time.monotonic):
        self.host, self.advertised, self.deck_path, self.hooks = host, advertised or host, deck_path, hooks
        self.port, self.code_ttl, self.now = port, code_ttl, now
        self.sessions = Sessions()
        self.core: CompanionCore | None = None
        self.loop: asyncio.AbstractEventLoop | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._stopping: asyncio.Event | None = None
        self._thread: threading.Thread | None = None
        self._channels: dict[ServerConnection, Channel] = {}
        self._closing: set[asyncio.Task[None]] = set()  # kept until done (the loop holds tasks weakly)
        self._snapshot = Snapshot()
        self.version = 0

    # -- the app's thread ------------------------------------------------------------------
    def start(self, timeout: float = 10.0) -> str:
        """Listen, and return the first pairing URL.

        Raises:
            OSError: the address cannot be listened on (not this machine's, or no port free).
        """
        self._thread = threading.Thread(target=self._run, name="companion", daemon=True)
        self._thread.start()
        if not self._ready.wait(timeout):
            raise OSError("the companion server did not start in time")
        if self._error is not None:
            raise OSError(str(self._error)) from self._error
        assert self.core is not None
        return self.core.pairing_url()

    def stop(self) -> None:
        """Close every connection, forget every session, stop the thread."""
        self.sessions.revoke_all()
        if self.loop is not None and self._stopping is not None and self.loop.is_running():
            self.loop.call_soon_threadsafe(self._stopping.set)
        if self._thread is not None:
            self._thread.join(10)
            self._thread = None

    def _call(self, fn: Callable[..., Any], *args: Any) -> None:
        if self.loop is not None and self.loop.is_running():
            self.loop.call_soon_threadsafe(fn, *args)

    def publish(self, snapshot: Snapshot) -> None:
        """Show a new snapshot of the talk on every phone (cheap; safe from any thread)."""
        self._call(self._publish, snapshot)

    def revoke(self, device_id: str) -> None:
        """Disconnect a device for good (its token stops working at once)."""
        self.sessions.revoke(device_id)
        self._call(self._close_device, device_id, 4403, "disconnected by the speaker")

    def set_notes(self, device_id: str, on: bool) -> None:
        """Let a clicker show the notes, or stop it."""
        self.sessions.set_notes(device_id, on)
        self._call(self._resend_state, device_id)

    def questions_edited(self) -> None:
        """The questions were changed on the laptop: refresh the clerks' lists."""
        self._call(self._broadcast_questions)

    def new_code(self) -> None:
        """Replace the pairing code now (the old one stops working)."""
        if self.core is not None:
            self.core.codes.renew()

    # -- the server's thread ---------------------------------------------------------------
    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        except BaseException as exc:  # reported to start(), never lost
            self._error = exc
            self._ready.set()

    async def _main(self) -> None:
        self.loop = asyncio.get_running_loop()
        self._stopping = asyncio.Event()
        async with serve(self._handler, self.host, self.port, process_request=self._process_request,
                         max_size=MAX_MESSAGE, ping_interval=10, ping_timeout=10, close_timeout=1,
                         server_header=None) as server:
            port = int(server.sockets[0].getsockname()[1])
            self.core = self._make_core(port)
            self._ready.set()
            expiry = asyncio.create_task(self._expire_codes())
            await self._stopping.wait()
            expiry.cancel()
        if self.core.questions is not None:
            self.core.questions.store.close()

    def _make_core(self, port: int) -> CompanionCore:
        origin_host = f"[{self.advertised}]" if ":" in self.advertised else self.advertised

        def changed(code: PairingCode) -> None:
            self.hooks.pairing_changed(f"http://{origin_host}:{port}/pair/{code.code}")

        codes = PairingCodes(self.code_ttl, self.now, on_change=changed)
        core = CompanionCore(self.host, self.advertised, port, codes, self.sessions, RateLimiter(now=self.now),
                             self.now, self._open_log(), lambda: self._snapshot.elapsed,
                             lambda: self._snapshot.slides)
        return core

    def _open_log(self) -> QuestionLog | None:
        if self.deck_path is None or not self.deck_path.is_file():
            return None
        try:
            return QuestionLog(open_store(self.deck_path))
        except StorageError as exc:
            log.warning("companion: the clerk cannot save questions: %s", exc)
            return None

    async def _expire_codes(self) -> None:
        assert self.core is not None
        while True:
            self.core.codes.current()  # replaces an expired code (and says so)
            await asyncio.sleep(1.0)

    def _process_request(self, connection: ServerConnection, ws_request: WsRequest) -> WsResponse | None:
        assert self.core is not None
        headers = {k.lower(): v for k, v in ws_request.headers.raw_items()}
        request = Request(ws_request.method, ws_request.path, headers, str(connection.remote_address[0]))
        if headers.get("upgrade", "").lower() != "websocket":
            return _to_ws(self.core.handle_http(request))
        channel = self.core.open_channel(request)
        if isinstance(channel, HttpResponse):
            return _to_ws(channel)
        self._channels[connection] = channel
        return None

    async def _handler(self, connection: ServerConnection) -> None:
        assert self.core is not None
        channel = self._channels.get(connection)
        if channel is None:
            return
        self.sessions.connected(channel.device_id, 1)
        self.hooks.devices_changed()
        try:
            await self._greet(connection, channel)
            async for text in connection:
                outcome = self.core.handle_message(channel, text)
                if await self._act(connection, outcome):
                    break
        except ConnectionClosed:
            pass  # a lost connection does nothing to the talk
        finally:
            self._channels.pop(connection, None)
            self.sessions.connected(channel.device_id, -1)
            self.hooks.devices_changed()

    async def _greet(self, connection: ServerConnection, channel: Channel) -> None:
        assert self.core is not None
        device = self.sessions.find(channel.token)
        if device is None:
            await connection.close(4401, "not paired")
            return
        await connection.send(json.dumps({"type": "hello", "role": device.role, "id": device.id}))
        await connection.send(json.dumps(state_message(self._snapshot, self.version, device)))
        if device.role == "clerk":
            await connection.send(json.dumps(slides_message(self._snapshot)))
            await connection.send(json.dumps(self.core.questions_message()))

    async def _act(self, connection: ServerConnection, outcome: Outcome) -> bool:
        """Carry out a message's outcome; True when the connection is to be closed."""
        for reply in outcome.replies:
            await connection.send(json.dumps(reply))
        if outcome.command:
            self.hooks.command(outcome.command)
        if outcome.questions_changed:
            self._broadcast_questions()
            self.hooks.questions_changed()
        if outcome.close_code:
            await connection.close(outcome.close_code, "not paired")
            return True
        return False

    def _publish(self, snapshot: Snapshot) -> None:
        old, self._snapshot = self._snapshot, snapshot
        if old == snapshot:
            return
        if _positional(old) != _positional(snapshot):
            self.version += 1
        for connection, channel in list(self._channels.items()):
            self._send_state(connection, channel)
        if old.slides != snapshot.slides:
            text = json.dumps(slides_message(snapshot))
            broadcast([c for c, ch in self._channels.items() if ch.role == "clerk"], text)

    def _send_state(self, connection: ServerConnection, channel: Channel) -> None:
        device = self.sessions.find(channel.token)
        if device is not None:
            broadcast([connection], json.dumps(state_message(self._snapshot, self.version, device)))

    def _resend_state(self, device_id: str) -> None:
        for connection, channel in list(self._channels.items()):
            if channel.device_id == device_id:
                self._send_state(connection, channel)
        self.hooks.devices_changed()

    def _broadcast_questions(self) -> None:
        if self.core is not None:
            text = json.dumps(self.core.questions_message())
            broadcast([c for c, ch in self._channels.items() if ch.role == "clerk"], text)

    def _close_device(self, device_id: str, code: int, reason: str) -> None:
        assert self.loop is not None
        for connection, channel in list(self._channels.items()):
            if channel.device_id == device_id:
                task = self.loop.create_task(connection.close(code, reason))
                self._closing.add(task)
                task.add_done_callback(self._closing.discard)
        self.hooks.devices_changed()


def _to_ws(response: HttpResponse) -> WsResponse:
    headers = Headers([("Date", email.utils.formatdate(usegmt=True)), ("Connection", "close"),
                       ("Content-Length", str(len(response.body))), *response.all_headers()])
    return WsResponse(response.status, response.reason, headers, response.body)
