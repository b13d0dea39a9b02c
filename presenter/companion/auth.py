"""Pairing codes, session tokens and rate limiting for the companion page (no Qt).

A pairing code is short enough to type (10 letters and digits, about 49 bits), made with
``secrets``, valid for one pairing and for a few minutes; redeeming it gives the device a
session token of 256 bits. Only the SHA-256 of a token is kept, so looking one up reveals
nothing through timing. Failed attempts are counted per address and an address that fails
too often is refused for a while.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

log = logging.getLogger(__name__)

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: easy to read off a screen
CODE_LENGTH = 10
CODE_TTL = 300.0
ROLES = ("clicker", "clerk")
MAX_DEVICES = 8


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogateescape")).hexdigest()


@dataclass(frozen=True)
class PairingCode:
    """The current pairing code and when (monotonic seconds) it stops working."""

    code: str
    expires: float


class PairingCodes:
    """One pairing code at a time: used once, or expired, it is replaced by a new one.

    Args:
        ttl: seconds a code stays valid.
        now: monotonic clock (injected in tests).
        on_change: called with the new code whenever the code is replaced.
    """

    def __init__(self, ttl: float = CODE_TTL, now: Callable[[], float] = time.monotonic,
                 on_change: Callable[[PairingCode], None] | None = None):
        self.ttl, self.now = ttl, now
        self.on_change = on_change or (lambda _code: None)
        self._lock = threading.Lock()
        self._code = self._make()

    def _make(self) -> PairingCode:
        return PairingCode("".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH)), self.now() + self.ttl)

    def current(self) -> PairingCode:
        """The code to show; an expired one is replaced first."""
        with self._lock:
            if self.now() < self._code.expires:
                return self._code
        return self.renew()

    def renew(self) -> PairingCode:
        """Replace the code now (the old one stops working)."""
        with self._lock:
            self._code = code = self._make()
        self.on_change(code)
        return code

    def valid(self, code: str) -> bool:
        """Whether ``code`` is the current, unexpired code (compared in constant time)."""
        with self._lock:
            current = self._code
        return self.now() < current.expires and hmac.compare_digest(code.upper().encode(), current.code.encode())

    def redeem(self, code: str) -> bool:
        """Use the code for one pairing: True if it was valid; it is replaced either way when valid."""
        if not self.valid(code):
            return False
        self.renew()
        return True


@dataclass(frozen=True)
class Device:
    """A paired phone or browser, as the presenter window lists it.

    Attributes:
        id: a short public id (not the token).
        role: ``clicker`` or ``clerk``.
        label: what it is, from its User-Agent (``Chrome on Android``).
        address: its IP address.
        paired_at: wall-clock time of pairing (``19:02``).
        notes: whether the speaker lets it show the notes (clickers only).
        connected: open WebSocket connections now.
    """

    id: str
    role: str
    label: str
    address: str
    paired_at: str
    notes: bool = False
    connected: int = 0


class Sessions:
    """The paired devices, by token; tokens live in memory only (a new presenter run forgets them).

    Args:
        limit: how many devices may be paired at once.
        wall: wall clock (injected in tests).
    """

    def __init__(self, limit: int = MAX_DEVICES, wall: Callable[[], dt.datetime] = dt.datetime.now):
        self.limit, self.wall = limit, wall
        self._lock = threading.Lock()
        self._by_digest: dict[str, Device] = {}

    def create(self, role: str, label: str, address: str) -> tuple[str, Device] | None:
        """A new session: its token (given to the device once) and the device; None when full."""
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}")
        token = secrets.token_urlsafe(32)
        with self._lock:
            if len(self._by_digest) >= self.limit:
                return None
            ids = {d.id for d in self._by_digest.values()}
            device_id = secrets.token_hex(3)
            while device_id in ids:
                device_id = secrets.token_hex(3)
            device = Device(device_id, role, label, address, self.wall().strftime("%H:%M"))
            self._by_digest[_digest(token)] = device
        log.info("paired %s as %s (%s)", label, role, device_id)
        return token, device

    def find(self, token: str) -> Device | None:
        """The device a token belongs to, or None (unknown, revoked, or from another run)."""
        if not token:
            return None
        with self._lock:
            return self._by_digest.get(_digest(token))

    def _update(self, device_id: str, change: Callable[[Device], Device | None]) -> Device | None:
        with self._lock:
            for digest, device in self._by_digest.items():
                if device.id == device_id:
                    new = change(device)
                    if new is None:
                        del self._by_digest[digest]
                        return device
                    self._by_digest[digest] = new
                    return new
        return None

    def revoke(self, device_id: str) -> Device | None:
        """End a device's session; its token stops working at once. Returns the device, if found."""
        return self._update(device_id, lambda _d: None)

    def revoke_all(self) -> None:
        """End every session."""
        with self._lock:
            self._by_digest.clear()

    def set_notes(self, device_id: str, on: bool) -> Device | None:
        """Let a clicker show the notes, or stop it."""
        return self._update(device_id, lambda d: replace(d, notes=on and d.role == "clicker"))

    def connected(self, device_id: str, delta: int) -> Device | None:
        """Count a WebSocket connection opened (+1) or closed (-1)."""
        return self._update(device_id, lambda d: replace(d, connected=max(0, d.connected + delta)))

    def devices(self) -> list[Device]:
        """Every paired device, in pairing order."""
        with self._lock:
            return list(self._by_digest.values())


class RateLimiter:
    """Refuses an address for ``lockout`` seconds after ``max_failures`` failures within ``window``.

    Args:
        max_failures, window, lockout: the limits.
        now: monotonic clock (injected in tests).
    """

    MAX_ADDRESSES = 4096

    def __init__(self, max_failures: int = 10, window: float = 60.0, lockout: float = 60.0,
                 now: Callable[[], float] = time.monotonic):
        self.max_failures, self.window, self.lockout, self.now = max_failures, window, lockout, now
        self._lock = threading.Lock()
        self._failures: dict[str, list[float]] = {}
        self._blocked_until: dict[str, float] = {}

    def retry_after(self, address: str) -> float:
        """Seconds until ``address`` may try again (0 when it may now)."""
        with self._lock:
            return max(0.0, self._blocked_until.get(address, 0.0) - self.now())

    def failure(self, address: str) -> None:
        """Count one failed attempt from ``address``."""
        t = self.now()
        with self._lock:
            if len(self._failures) >= self.MAX_ADDRESSES and address not in self._failures:
                self._prune(t)
            recent = [x for x in self._failures.get(address, []) if t - x < self.window] + [t]
            self._failures[address] = recent
            if len(recent) >= self.max_failures:
                self._blocked_until[address] = t + self.lockout
                self._failures[address] = []
                log.warning("companion: %s refused for %.0f s after %d failed attempts", address, self.lockout,
                            len(recent))

    def _prune(self, t: float) -> None:
        for key in [k for k, v in self._failures.items() if not v or t - v[-1] >= self.window]:
            del self._failures[key]
        for key in [k for k, v in self._blocked_until.items() if v <= t]:
            del self._blocked_until[key]
