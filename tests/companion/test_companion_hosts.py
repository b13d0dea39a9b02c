"""The LAN address chosen, the URL form, the Host headers accepted (no Qt)."""

from __future__ import annotations

from presenter.companion.hosts import Interface, allowed_hosts, choose_host, host_ok, url_host


def test_choose_the_wifi_address() -> None:
    found = [Interface("lo", "127.0.0.1", loopback=True), Interface("docker0", "172.17.0.1"),
             Interface("wlp2s0", "fe80::1c2d"), Interface("wlp2s0", "192.168.1.20"),
             Interface("eth0", "169.254.10.2"), Interface("tun0", "10.8.0.2")]
    assert choose_host(found) == "192.168.1.20"
    assert choose_host([Interface("docker0", "172.17.0.1"), Interface("enp3s0", "10.20.0.5", up=False)]) == "172.17.0.1"
    assert choose_host([Interface("lo", "127.0.0.1", loopback=True)]) == "127.0.0.1"
    assert choose_host([]) == "127.0.0.1"


def test_host_headers() -> None:
    assert url_host("::1") == "[::1]" and url_host("192.168.1.20") == "192.168.1.20"
    lan = allowed_hosts("192.168.1.20", "192.168.1.20", 41234)
    assert host_ok("192.168.1.20:41234", lan, "192.168.1.20", 41234)
    assert not host_ok("localhost:41234", lan, "192.168.1.20", 41234)
    assert not host_ok("attacker.example:41234", lan, "192.168.1.20", 41234)
    everywhere = allowed_hosts("0.0.0.0", "192.168.1.20", 41234)
    assert host_ok("10.0.0.3:41234", everywhere, "0.0.0.0", 41234)  # another interface, as asked
    assert not host_ok("attacker.example:41234", everywhere, "0.0.0.0", 41234)
    assert not host_ok("10.0.0.3:80", everywhere, "0.0.0.0", 41234)
