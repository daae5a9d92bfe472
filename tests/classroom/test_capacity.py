"""Open files: a cap on connections that have not joined, no more connections than the
open-file limit leaves room for, the limit raised at start, and running out never floods
the log."""

from __future__ import annotations

import asyncio
import resource
import subprocess

import pytest
from classroom_helpers import CODE, Host, RawStudent, read_until, start_host
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus


async def refused_status(uri: str) -> int:
    with pytest.raises(InvalidStatus) as refused:
        await connect(uri, open_timeout=5)
    return refused.value.response.status_code


async def test_connections_that_have_not_joined_are_capped(host: Host) -> None:
    host.server.max_unjoined = 2
    idle = [await host.raw(), await host.raw()]  # connected, never joining
    assert await refused_status(host.uri) == 503
    await idle[0].join("Ann")  # one joins: there is room for one more
    assert (await (await host.raw()).join("Bob"))["type"] == "welcome"


async def test_no_more_connections_than_the_room_the_host_has(host: Host) -> None:
    host.server.capacity = 2
    await (await host.raw()).join("Ann")
    await (await host.raw()).join("Bob")
    assert await refused_status(host.uri) == 503


def start_host_with_open_files(soft: int, hard: int, port: int) -> subprocess.Popen[str]:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))

    return start_host(
        *("--auto", "--port", str(port), "--code", CODE),
        *("--min-players", "1000", "--max-players", "1000"),
        preexec_fn=limit,
    )


async def test_out_of_open_files_the_host_refuses_quietly_and_goes_on(free_port: int) -> None:
    host = start_host_with_open_files(128, 128, free_port)
    try:
        lines = await asyncio.to_thread(read_until, host, "code: ")
        assert lines[0] == (
            "room: 64 students (open-file limit 128); --max-players 1000 needs a higher "
            "`ulimit -n`"
        )
        uri = f"ws://127.0.0.1:{free_port}"

        async def crowd_member() -> object:
            try:
                return await connect(uri, open_timeout=10)
            except (OSError, InvalidStatus, TimeoutError) as refused:
                return refused

        crowd = await asyncio.gather(*(crowd_member() for _ in range(300)))
        connected = [c for c in crowd if not isinstance(c, BaseException)]
        assert 0 < len(connected) <= 64
        for connection in connected:
            await connection.close()  # type: ignore[attr-defined]
        # The host is still there for a student once the crowd has gone.
        student = await RawStudent.connect(uri)
        assert (await student.join("Ann"))["type"] == "welcome"
        await student.close()
    finally:
        host.kill()
        _, err = host.communicate(timeout=30)
    assert "Traceback" not in err
    assert len(err.splitlines()) <= 3, err


async def test_the_host_raises_its_open_file_limit_toward_the_hard_limit(free_port: int) -> None:
    host = start_host_with_open_files(128, 1024, free_port)
    try:
        lines = await asyncio.to_thread(read_until, host, "code: ")
    finally:
        host.kill()
        host.communicate(timeout=30)
    assert lines[0] == (
        "room: 960 students (open-file limit 1024); --max-players 1000 needs a higher `ulimit -n`"
    )
