"""Which address to listen on, how to write it in a URL, and which Host headers to accept (no Qt)."""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Sequence
from dataclasses import dataclass

log = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"
WILDCARDS = ("0.0.0.0", "::")
VIRTUAL = ("docker", "br-", "veth", "virbr", "vmnet", "vboxnet", "tun", "tap", "wg", "zt", "lxc", "podman")


@dataclass(frozen=True)
class Interface:
    """One address of a network interface."""

    name: str
    address: str
    up: bool = True
    loopback: bool = False


def _rank(iface: Interface) -> tuple[int, int] | None:
    try:
        ip = ipaddress.ip_address(iface.address.split("%")[0])
    except ValueError:
        return None
    if not iface.up or iface.loopback or ip.is_loopback or ip.is_link_local or ip.version != 4:
        return None
    virtual = iface.name.lower().startswith(VIRTUAL)
    return (0 if ip.is_private else 1, 1 if virtual else 0)


def choose_host(interfaces: Sequence[Interface]) -> str:
    """The laptop's LAN address: a private IPv4 address of a running, real interface (Wi-Fi or
    Ethernet before Docker bridges and VPNs); loopback when there is none."""
    ranked = [(rank, i) for i in interfaces if (rank := _rank(i)) is not None]
    if not ranked:
        log.warning("companion: no network address found; listening on loopback only")
        return LOOPBACK
    return min(ranked, key=lambda pair: pair[0])[1].address


def url_host(host: str) -> str:
    """``192.168.1.20`` as is, ``::1`` as ``[::1]``."""
    return f"[{host}]" if ":" in host else host


def allowed_hosts(bind: str, advertised: str, port: int) -> frozenset[str]:
    """The Host headers a browser sends for this server (anything else is refused: DNS rebinding)."""
    hosts = {f"{url_host(advertised)}:{port}"}
    if bind == LOOPBACK or advertised == LOOPBACK:
        hosts |= {f"localhost:{port}", f"127.0.0.1:{port}"}
    return frozenset(h.lower() for h in hosts)


def host_ok(header: str, allowed: frozenset[str], bind: str, port: int) -> bool:
    """Whether a request's Host header names this server: one of ``allowed``, or, when listening
    on every address (``0.0.0.0``, only when asked), any IP address with our port (never a name)."""
    value = header.strip().lower()
    if value in allowed:
        return True
    if bind not in WILDCARDS:
        return False
    host, sep, port_text = value.rpartition(":")
    if not sep or port_text != str(port):
        return False
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True
