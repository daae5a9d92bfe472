"""The student page served on the classroom's own port: `/` (with or without a code) is
the page with a strict Content-Security-Policy, any other path is 404, and the same port
still speaks the protocol to terminal clients."""

from __future__ import annotations

import base64
import hashlib
import http.client
import re
from collections.abc import Iterator

import pytest
from classroom_helpers import every_type
from fakes import FakeClock
from web_helpers import RawStudent, WebHost, web_host


@pytest.fixture
def host() -> Iterator[WebHost]:
    with web_host(every_type(), FakeClock()) as the_host:
        yield the_host


def get(host: WebHost, path: str) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", host.server.port, timeout=5)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def test_the_page_is_served_at_the_root_with_or_without_a_code(host: WebHost) -> None:
    status, headers, body = get(host, "/")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert int(headers["Content-Length"]) == len(body)
    assert body.startswith(b"<!DOCTYPE html>")
    assert b"<title>Join the quiz</title>" in body
    assert get(host, "/?code=123456")[2] == body


@pytest.mark.parametrize("path", ["/favicon.ico", "/index.html", "/admin", "/?/../etc"])
def test_any_other_path_is_not_found(host: WebHost, path: str) -> None:
    status, headers, body = get(host, path)
    if path.startswith("/?"):  # a query on the root is still the root
        assert status == 200
        return
    assert status == 404
    assert headers["Content-Type"].startswith("text/plain")
    assert b"<html" not in body


def test_the_policy_allows_only_the_pages_own_script_and_style(host: WebHost) -> None:
    _, headers, body = get(host, "/")
    policy = dict(
        part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";")
    )
    page = body.decode()
    (script,) = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    (style,) = re.findall(r"<style>(.*?)</style>", page, re.DOTALL)
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == f"'{sha256(script)}'"
    assert policy["style-src"] == f"'{sha256(style)}'"
    assert policy["connect-src"] == f"ws://127.0.0.1:{host.server.port}"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["form-action"] == "'none'"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"


def test_a_strange_host_header_is_not_repeated_in_the_policy(host: WebHost) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", host.server.port, timeout=5)
    connection.putrequest("GET", "/", skip_host=True)
    connection.putheader("Host", "evil.example; script-src *")
    connection.endheaders()
    response = connection.getresponse()
    policy = response.getheader("Content-Security-Policy") or ""
    connection.close()
    assert "evil" not in policy and "*" not in policy
    assert "connect-src 'self';" in policy


def test_the_page_is_self_contained_and_inserts_no_html() -> None:
    from importlib.resources import files

    page = files("quiz.classroom.web").joinpath("student.html").read_text(encoding="utf-8")
    assert not re.search(r"https?://", page)  # nothing from elsewhere: no CDN, no fonts
    assert not re.search(r"""<[^>]*\son[a-z]+\s*=""", page)  # no inline event handlers
    assert "innerHTML" not in page and "outerHTML" not in page
    assert "insertAdjacentHTML" not in page and "document.write" not in page
    assert "eval(" not in page and "new Function" not in page
    assert len(page.encode()) <= 60_000


def test_terminal_clients_still_join_on_the_same_port(host: WebHost) -> None:
    get(host, "/")
    student = RawStudent(host.uri)
    try:
        welcome = student.join("Ann")
        assert welcome["name"] == "Ann" and welcome["rejoined"] is False
    finally:
        student.close()
