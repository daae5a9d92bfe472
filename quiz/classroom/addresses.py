"""The addresses students can use to reach this machine."""

from __future__ import annotations

import contextlib
import socket


def lan_addresses() -> list[str]:
    """Every IPv4 address of this machine we can find without extra libraries, loopback last.

    Uses the host name's addresses, plus the address the kernel would use for an outside
    route (a UDP `connect` sends no packet).
    """
    found: list[str] = []
    with contextlib.suppress(OSError):
        found += socket.gethostbyname_ex(socket.gethostname())[2]
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed, nothing is sent
            found.append(probe.getsockname()[0])
    except OSError:
        pass
    unique = [a for i, a in enumerate(found) if a not in found[:i] and not a.startswith("127.")]
    return [*unique, "127.0.0.1"]


# What a host binds to when it listens on every address of the machine.
EVERY_ADDRESS = ("0.0.0.0", "", "::")


def host_addresses(bind: str) -> list[str]:
    """The addresses students reach a host bound to `bind` at: every LAN address of this
    machine (loopback last) when it listens everywhere, else `bind` itself."""
    return lan_addresses() if bind in EVERY_ADDRESS else [bind]
