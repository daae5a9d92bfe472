"""The student page: one self-contained HTML file shipped in the package, and the
Content-Security-Policy that lets nothing but its own inline script and style run.

The page's inline `<script>` and `<style>` are allowed by their SHA-256 hashes, computed
here from the very bytes served, so the policy can say `default-src 'none'` and still let
the page work. The choice labels (number, letter, shape) come from quiz.game.labels, put
into the page as a JSON data block before the hashes are taken.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from quiz.game.labels import LETTERS, SHAPES

PAGE_FILE = "student.html"
_INLINE = re.compile(r"<(script|style)>(.*?)</\1>", re.DOTALL)


@dataclass(frozen=True)
class StudentPage:
    """The page's bytes and the hashes of its inline script and style."""

    body: bytes
    script_hashes: tuple[str, ...]
    style_hashes: tuple[str, ...]

    def policy(self, socket_origin: str) -> str:
        """The Content-Security-Policy for this page: nothing may load or run but the page's
        own inline script and style, and it may connect only to `socket_origin` (the host's
        own ws:// or wss:// address)."""
        scripts = " ".join(f"'{digest}'" for digest in self.script_hashes)
        styles = " ".join(f"'{digest}'" for digest in self.style_hashes)
        return "; ".join(
            [
                "default-src 'none'",
                f"script-src {scripts}",
                f"style-src {styles}",
                f"connect-src {socket_origin}",
                "img-src data:",  # the empty icon, so that no favicon is fetched
                "base-uri 'none'",
                "form-action 'none'",
                "frame-ancestors 'none'",
            ]
        )


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


@cache
def student_page() -> StudentPage:
    """The page as served (read from the package once)."""
    template = files("quiz.classroom.web").joinpath(PAGE_FILE).read_text(encoding="utf-8")
    labels = json.dumps({"letters": LETTERS[:12], "shapes": list(SHAPES)}, ensure_ascii=False)
    text = template.replace("{{LABELS}}", labels.replace("</", "<\\/"))
    inline = _INLINE.findall(text)
    return StudentPage(
        body=text.encode("utf-8"),
        script_hashes=tuple(_sha256(code) for tag, code in inline if tag == "script"),
        style_hashes=tuple(_sha256(code) for tag, code in inline if tag == "style"),
    )
