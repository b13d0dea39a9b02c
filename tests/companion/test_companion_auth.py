"""Pairing codes, sessions and the rate limiter (no Qt, no network)."""

from __future__ import annotations

import re

from presenter.companion.auth import ALPHABET, CODE_LENGTH, PairingCodes, RateLimiter, Sessions


def test_a_code_works_once_and_expires(fake_clock) -> None:
    seen: list[str] = []
    codes = PairingCodes(ttl=300, now=fake_clock, on_change=lambda c: seen.append(c.code))
    first = codes.current().code
    assert re.fullmatch(f"[{ALPHABET}]{{{CODE_LENGTH}}}", first)
    assert codes.valid(first) and codes.valid(first.lower())  # typed by hand in lower case
    assert codes.redeem(first)
    assert not codes.valid(first) and not codes.redeem(first)  # once only
    second = codes.current().code
    assert seen == [second] and second != first
    fake_clock.t += 299
    assert codes.valid(second)
    fake_clock.t += 2
    assert not codes.valid(second)  # expired
    third = codes.current().code  # asking for the code replaces the expired one
    assert third != second and codes.valid(third) and seen == [second, third]


def test_codes_are_not_repeated(fake_clock) -> None:
    codes = PairingCodes(now=fake_clock)
    assert len({codes.renew().code for _ in range(200)}) == 200


def test_sessions_find_revoke_and_limit() -> None:
    sessions = Sessions(limit=2)
    made = sessions.create("clicker", "Chrome on Android", "192.168.1.23")
    assert made is not None
    token, device = made
    assert len(token) >= 40 and sessions.find(token) == device and sessions.find(token + "x") is None
    assert sessions.find("") is None
    assert sessions.set_notes(device.id, True).notes  # type: ignore[union-attr]
    other = sessions.create("clerk", "Firefox on Windows", "192.168.1.40")
    assert other is not None and sessions.set_notes(other[1].id, True).notes is False  # type: ignore[union-attr]
    assert sessions.create("clerk", "x", "y") is None  # full
    assert sessions.connected(device.id, 1).connected == 1  # type: ignore[union-attr]
    assert sessions.revoke(device.id) is not None
    assert sessions.find(token) is None and [d.role for d in sessions.devices()] == ["clerk"]


def test_rate_limiter_locks_out_and_forgives(fake_clock) -> None:
    limiter = RateLimiter(max_failures=3, window=60, lockout=30, now=fake_clock)
    for _ in range(2):
        limiter.failure("10.0.0.9")
    assert limiter.retry_after("10.0.0.9") == 0
    fake_clock.t += 61  # old failures leave the window
    for _ in range(2):
        limiter.failure("10.0.0.9")
    assert limiter.retry_after("10.0.0.9") == 0
    limiter.failure("10.0.0.9")
    assert limiter.retry_after("10.0.0.9") == 30 and limiter.retry_after("10.0.0.8") == 0
    fake_clock.t += 30
    assert limiter.retry_after("10.0.0.9") == 0


def test_rate_limiter_memory_is_bounded(fake_clock) -> None:
    limiter = RateLimiter(now=fake_clock)
    for i in range(RateLimiter.MAX_ADDRESSES + 10):
        limiter.failure(f"10.1.{i // 256}.{i % 256}")
        fake_clock.t += 0.1
    assert len(limiter._failures) <= RateLimiter.MAX_ADDRESSES
