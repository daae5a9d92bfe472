"""Plain HTTP on the classroom's WebSocket port: the student page at `/`, 404 elsewhere.

websockets hands every opening request to the server's `process_request`; one that asks
for a WebSocket (an `Upgrade: websocket` header) goes on to the classroom protocol, any
other is answered here and the connection closes. The page talks to the host over the same
protocol as every other client.
"""

from __future__ import annotations

import re
from http import HTTPStatus
from urllib.parse import urlsplit

from websockets.asyncio.server import ServerConnection
from websockets.http11 import Request, Response

from quiz.classroom.web.page import student_page

# What a Host header may hold to be repeated in the policy: a name or address and a port.
_HOST = re.compile(r"[A-Za-z0-9.\-]{1,253}(:[0-9]{1,5})?|\[[0-9A-Fa-f:.]{2,45}\](:[0-9]{1,5})?")


def wants_websocket(request: Request) -> bool:
    """The request opens a WebSocket (a classroom client), not a page."""
    return "websocket" in request.headers.get("Upgrade", "").lower()


def http_response(ws: ServerConnection, request: Request, *, scheme: str) -> Response:
    """The answer to a plain HTTP request: the student page for `/` (with any query, such
    as `?code=123456`), 404 for any other path. `scheme` is `ws` or `wss`: the page may
    connect only there."""
    if urlsplit(request.path).path != "/":
        return ws.respond(HTTPStatus.NOT_FOUND, "Not found. The student page is at /\n")
    page = student_page()
    response = ws.respond(HTTPStatus.OK, "")
    host = request.headers.get("Host", "")
    origin = f"{scheme}://{host}" if _HOST.fullmatch(host) else "'self'"
    headers = response.headers
    del headers["Content-Type"], headers["Content-Length"]
    headers["Content-Type"] = "text/html; charset=utf-8"
    headers["Content-Length"] = str(len(page.body))
    headers["Content-Security-Policy"] = page.policy(origin)
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "no-referrer"
    headers["Cache-Control"] = "no-cache"
    return Response(response.status_code, response.reason_phrase, headers, page.body)
