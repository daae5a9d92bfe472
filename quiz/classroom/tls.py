"""TLS for the classroom: the host's certificate and key (`quiz host --tls-cert --tls-key`,
students then join with wss://) and the certificate authority a student trusts for it
(`quiz join --ca`, for a certificate the school made itself)."""

from __future__ import annotations

import ssl
from pathlib import Path

from quiz.errors import QuizError


def server_context(cert: Path, key: Path) -> ssl.SSLContext:
    """A TLS context serving `cert` with `key`; QuizError (one line) if they can't be used."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    for path in (cert, key):
        if not path.is_file():
            raise QuizError(f"{path}: no such file")
    try:
        context.load_cert_chain(cert, key)
    except ssl.SSLError as error:
        raise QuizError(
            f"{cert}, {key}: not a PEM certificate and its private key ({error.reason or error})"
        ) from None
    except OSError as error:
        raise QuizError(f"{cert}: cannot read: {error.strerror or error}") from None
    return context


def client_context(ca: Path) -> ssl.SSLContext:
    """A TLS context that trusts the certificate authority in `ca` (a PEM file)."""
    if not ca.is_file():
        raise QuizError(f"{ca}: no such file")
    try:
        return ssl.create_default_context(cafile=str(ca))
    except (ssl.SSLError, ValueError) as error:
        raise QuizError(f"{ca}: not a PEM certificate ({error})") from None
    except OSError as error:
        raise QuizError(f"{ca}: cannot read: {error.strerror or error}") from None
