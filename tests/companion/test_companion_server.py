"""The real server on loopback: HTTP and WebSocket, refusals, the clerk's questions on disk."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import ClientConnection, connect

from presenter.companion.core import COOKIE
from presenter.companion.server import CompanionServer, Hooks
from presenter.companion.state import SlideRef, Snapshot
from presenter.talk.questions import QuestionLog
from presenter.talk.storage import open_store


class Recorder:
    """The hooks, recorded; ``wait_for`` blocks (bounded) until a hook has been called."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []
        self.event = threading.Condition()

    def hook(self, name: str):
        def record(*args: object) -> None:
            with self.event:
                self.calls.append((name, args[0] if args else None))
                self.event.notify_all()
        return record

    def hooks(self) -> Hooks:
        return Hooks(*(self.hook(n) for n in ("command", "questions_changed", "devices_changed", "pairing_changed")))

    def wait_for(self, name: str, count: int = 1) -> None:
        with self.event:
            assert self.event.wait_for(lambda: self.named(name).__len__() >= count, timeout=10), self.calls

    def named(self, name: str) -> list[object]:
        return [arg for n, arg in self.calls if n == name]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, token: str = "") -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Cookie": f"{COOKIE}={token}"} if token else {})
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def pair(url: str, role: str = "clicker") -> str:
    status, headers, _ = fetch(f"{url}/{role}")
    assert status == 303, status
    return headers["Set-Cookie"].split(";")[0].split("=", 1)[1]


def ws(server: CompanionServer, token: str) -> ClientConnection:
    assert server.core is not None
    return connect(server.core.origin.replace("http", "ws") + "/ws", open_timeout=10,
                   additional_headers={"Cookie": f"{COOKIE}={token}", "Origin": server.core.origin})


def receive(conn: ClientConnection, kind: str) -> dict:
    while True:
        message = json.loads(conn.recv(timeout=10))
        if message["type"] == kind:
            return message


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    path = tmp_path / "talk.md"
    path.write_text("# Intro\n\n---\n\n# Budget\n", encoding="utf-8")
    return path


@pytest.fixture
def running(deck: Path) -> Iterator[tuple[CompanionServer, Recorder, str]]:
    recorder = Recorder()
    server = CompanionServer("127.0.0.1", deck, recorder.hooks())
    url = server.start()
    yield server, recorder, url
    server.stop()


def test_tap_reaches_the_app_and_state_comes_back(running) -> None:
    server, recorder, url = running
    token = pair(url)
    recorder.wait_for("pairing_changed")  # the used code was replaced
    assert recorder.named("pairing_changed")[0] != url
    with ws(server, token) as conn:
        assert receive(conn, "hello")["role"] == "clicker"
        conn.send(json.dumps({"type": "ping", "t": time.monotonic() * 1000}))
        conn.send(json.dumps({"type": "command", "name": "next", "id": 1, "t": time.monotonic() * 1000}))
        assert receive(conn, "done")["id"] == 1
        recorder.wait_for("command")
        server.publish(Snapshot(label="2", title="Budget", number=2, total=2))
        state = receive(conn, "state")
        assert (state["label"], state["version"]) == ("2", 1)
    assert recorder.named("command") == ["next"]
    recorder.wait_for("devices_changed", 2)  # connected, then disconnected: nothing else happens


def test_refusals_change_nothing(running, deck: Path) -> None:
    server, recorder, url = running
    assert server.core is not None
    origin = server.core.origin
    assert fetch(f"{origin}/clicker")[0] == 401
    other = CompanionServer("127.0.0.1", None)
    stranger = pair(other.start())  # another session's token
    other.stop()
    assert fetch(f"{origin}/clicker", stranger)[0] == 401
    for token in ("", stranger):
        with pytest.raises(InvalidStatus) as refused:
            ws(server, token)
        assert refused.value.response.status_code == 401
    token = pair(url)
    assert fetch(url)[0] == 403 and fetch(f"{url}/clerk")[0] == 403  # a used code
    with ws(server, token) as conn:
        receive(conn, "hello")
        conn.send(json.dumps({"type": "save", "question": {"question": "sneaky"}}))
        assert receive(conn, "refused")["status"] == 403  # a clicker cannot write questions
    assert recorder.named("command") == [] and QuestionLog(open_store(deck)).all() == []
    assert [d.role for d in server.sessions.devices()] == ["clicker"]


def test_expired_code_is_refused(deck: Path, fake_clock) -> None:
    recorder = Recorder()
    server = CompanionServer("127.0.0.1", deck, recorder.hooks(), code_ttl=300, now=fake_clock)
    url = server.start()
    try:
        fake_clock.t += 301
        assert fetch(url)[0] == 403 and fetch(f"{url}/clicker")[0] == 403
        assert server.sessions.devices() == []
        recorder.wait_for("pairing_changed")  # a new code appears by itself
        fresh = str(recorder.named("pairing_changed")[0])
        assert fresh != url and fetch(fresh)[0] == 200
    finally:
        server.stop()


def test_clerk_question_is_on_disk_and_listed(running, deck: Path) -> None:
    server, recorder, url = running
    server.publish(Snapshot(label="2", slides=(SlideRef("1", "Intro"), SlideRef("2", "Budget"))))
    token = pair(url, "clerk")
    with ws(server, token) as conn:
        assert receive(conn, "slides")["slides"][1]["title"] == "Budget"
        assert receive(conn, "questions")["items"] == []
        form = {"question": "When will the Elstree CCTV be repaired?", "asked_by": "Cllr Patel",
                "organisation": "Elstree", "slide": "2", "owner": "Head of Community Safety", "due": "2026-12-15",
                "status": "follow-up"}
        conn.send(json.dumps({"type": "save", "question": form}))
        saved = receive(conn, "saved")["question"]
        stored = QuestionLog(open_store(deck)).all()  # written before the reply
        assert [(q.id, q.question, q.slide_title) for q in stored] == [(saved["id"], form["question"], "Budget")]
        assert receive(conn, "questions")["items"][0]["asked_by"] == "Cllr Patel"
        recorder.wait_for("questions_changed")
        conn.send(json.dumps({"type": "save", "question": {**form, "id": saved["id"], "status": "answered"}}))
        receive(conn, "saved")
        assert QuestionLog(open_store(deck)).all()[0].status == "answered"


def test_revoked_device_is_disconnected(running) -> None:
    server, _recorder, url = running
    token = pair(url)
    with ws(server, token) as conn:
        receive(conn, "hello")
        server.revoke(server.sessions.devices()[0].id)
        with pytest.raises(ConnectionClosed):
            while True:
                conn.recv(timeout=10)
        assert conn.close_code == 4403
    assert fetch(f"{server.core.origin}/clicker", token)[0] == 401  # type: ignore[union-attr]
