"""`quiz host --tls-cert --tls-key` serves wss://; `quiz join` trusts it with `--ca`. The
certificates are made in the test (trustme)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import trustme
from classroom_helpers import CODE, QUIZ, Host, sample_questions, start_host, unused_port

from quiz.classroom.client import student_connection
from quiz.classroom.options import JoinOptions
from quiz.classroom.server import ClassroomServer
from quiz.classroom.tls import client_context, server_context
from quiz.errors import QuizError


@pytest.fixture
def certificates(tmp_path: Path) -> dict[str, Path]:
    """A certificate authority and a certificate it signed for 127.0.0.1, as PEM files."""
    authority = trustme.CA()
    issued = authority.issue_cert("127.0.0.1", "localhost")
    files = {"ca": tmp_path / "ca.pem", "cert": tmp_path / "cert.pem", "key": tmp_path / "key.pem"}
    authority.cert_pem.write_to_path(str(files["ca"]))
    issued.cert_chain_pems[0].write_to_path(str(files["cert"]))
    issued.private_key_pem.write_to_path(str(files["key"]))
    return files


async def test_a_student_trusting_the_schools_authority_joins_over_wss(
    host: Host, certificates: dict[str, Path]
) -> None:
    tls = server_context(certificates["cert"], certificates["key"])
    server = ClassroomServer(host.session, port=0, tls=tls)
    await server.start()
    try:
        assert server.scheme == "wss"
        options = JoinOptions(f"127.0.0.1:{server.port}", CODE, "Ann", ca=certificates["ca"])
        client, _ = student_connection(options)
        assert client.uri == f"wss://127.0.0.1:{server.port}"
        assert (await client.join()).name == "Ann"
        await client.close()
        # Without the school's authority the certificate is not trusted.
        untrusting, _ = student_connection(JoinOptions(client.uri, CODE, "Bob"))
        with pytest.raises(QuizError, match="CERTIFICATE_VERIFY_FAILED"):
            await untrusting.join()
    finally:
        await server.stop()


def test_unusable_certificate_files_are_one_line_errors(
    certificates: dict[str, Path], tmp_path: Path
) -> None:
    with pytest.raises(QuizError, match=r"nowhere\.pem: no such file"):
        server_context(tmp_path / "nowhere.pem", certificates["key"])
    with pytest.raises(QuizError, match="not a PEM certificate and its private key"):
        server_context(certificates["cert"], certificates["ca"])  # a certificate as the key
    with pytest.raises(QuizError, match=r"key\.pem: not a PEM certificate"):
        client_context(certificates["key"])


def test_host_and_join_over_wss_from_the_command_line(
    certificates: dict[str, Path], tmp_path: Path
) -> None:
    questions = tmp_path / "questions.json"
    questions.write_text(json.dumps([sample_questions()[1].model_dump(mode="json")]))
    port = str(unused_port())
    host = start_host(
        "--auto", "--port", port, "--code", CODE, "--reveal-seconds", "0",
        "--questions-json", str(questions),
        "--tls-cert", str(certificates["cert"]), "--tls-key", str(certificates["key"]),
    )  # fmt: skip
    try:
        assert host.stdout is not None
        lines = [host.stdout.readline().strip() for _ in range(2)]
        assert lines[1] == f"join: wss://127.0.0.1:{port}"
        student = subprocess.run(
            [*QUIZ, "join", f"127.0.0.1:{port}", "--code", CODE, "--name", "Ann", "--plain",
             "--ca", str(certificates["ca"])],
            input="2\n", capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        _, host_err = host.communicate(timeout=60)
    finally:
        host.kill()
    assert student.returncode == 0, student.stderr
    assert "game over: rank 1 of 1" in student.stdout
    assert host.returncode == 0, host_err


def test_a_certificate_without_its_key_is_a_usage_error(certificates: dict[str, Path]) -> None:
    result = subprocess.run(
        [*QUIZ, "host", "--plain", "--auto", "--tls-cert", str(certificates["cert"])],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == "quiz: --tls-cert and --tls-key go together\n"
