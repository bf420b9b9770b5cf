"""Getting a record by its number, against a server on this computer (127.0.0.1 only).

The server answers by study number: a real sample record, a 404, a slow answer, a
body too large, a web page, and so on. No test here reaches beyond this computer:
the invalid-number and name-lookup tests use a socket spy instead of a network.
"""

from __future__ import annotations

import json
import os
import socket
import stat
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from explainer import download
from explainer.cli import main
from explainer.download import DownloadError, download_record, registry_base_url
from explainer.errors import UsageError

SAMPLES = Path(__file__).parent / "fixtures" / "ctgov"
RECORD = (SAMPLES / "NCT03934567.json").read_bytes()  # a bare study, as /api/v2/studies/NCT… sends
OTHER = (SAMPLES / "NCT00973089.json").read_bytes()
WAIT_AT_MOST = 10.0  # seconds a slow answer is held back at most, so a failing test still ends


@dataclass
class Seen:
    """What the server was sent, for the tests to check."""

    requests: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)


def _handler(seen: Seen) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        timeout = WAIT_AT_MOST  # a client that stops reading cannot hold a server thread for ever

        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            seen.requests.append((self.command, self.path, dict(self.headers.items())))
            number = self.path.rsplit("/", 1)[-1]
            self.record = RECORD.replace(b"NCT03934567", number.encode())  # the sample, as the study asked for
            answer = ANSWERS.get(number, "missing")
            getattr(self, f"_{answer}")()

        def log_message(self, *_args) -> None:  # quiet
            pass

        def _send(self, code: int, body: bytes, kind: str = "application/json", length: bool = True) -> None:
            self.send_response(code)
            self.send_header("Content-Type", kind)
            if length:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except OSError:  # the client gave up first (a size limit): fine
                pass

        def _record(self) -> None:
            self._send(200, RECORD)

        def _record_no_length(self) -> None:
            self.close_connection = True
            self._send(200, self.record, length=False)

        def _claims_huge(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", str(10**12))
            self.end_headers()
            try:
                self.wfile.write(RECORD[:1000])
            except OSError:
                pass

        def _missing(self) -> None:
            self._send(404, b'{"message": "not found"}')

        def _busy(self) -> None:
            self._send(503, b"busy", "text/plain")

        def _forbidden(self) -> None:
            self._send(403, b"no", "text/plain")

        def _moved(self) -> None:
            self.send_response(301)
            self.send_header("Location", "/elsewhere/NCT03934567")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _slow(self) -> None:
            seen.release.wait(WAIT_AT_MOST)  # longer than the client's time limit
            self._send(200, self.record)

        def _trickle(self) -> None:
            self.send_response(200)
            self.send_header("Content-Length", str(len(RECORD)))
            self.end_headers()
            for index in range(len(RECORD)):
                if seen.release.wait(0.05):
                    return
                try:
                    self.wfile.write(RECORD[index:index + 1])
                    self.wfile.flush()
                except OSError:
                    return

        def _web_page(self) -> None:
            self._send(200, b"<!DOCTYPE html><html><body>Please enable JavaScript</body></html>", "text/html")

        def _not_json(self) -> None:
            self._send(200, b"Service temporarily unavailable, please retry", "text/plain")

        def _not_a_study(self) -> None:
            self._send(200, b'{"message": "ok", "count": 0}')

        def _other_study(self) -> None:
            self._send(200, OTHER)

        def _broken_record(self) -> None:
            data = json.loads(RECORD)
            data["protocolSection"]["identificationModule"]["briefTitle"] = ["not", "text"]
            self._send(200, json.dumps(data).encode())

    return Handler


ANSWERS = {
    "NCT03934567": "record",
    "NCT00000001": "slow",
    "NCT00000002": "trickle",
    "NCT00000003": "record_no_length",
    "NCT00000004": "claims_huge",
    "NCT00000005": "web_page",
    "NCT00000006": "not_json",
    "NCT00000007": "not_a_study",
    "NCT00000008": "busy",
    "NCT00000009": "moved",
    "NCT00000010": "other_study",
    "NCT00000011": "forbidden",
    "NCT00000012": "broken_record",
}


@pytest.fixture
def server() -> Iterator[tuple[str, Seen]]:
    seen = Seen()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(seen))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", seen
    finally:
        seen.release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(WAIT_AT_MOST)


@pytest.fixture
def registry(server, monkeypatch) -> tuple[str, Seen]:
    """The app's address points at the local server, as a user's environment would."""
    monkeypatch.setenv(download.ENV_VAR, server[0])
    return server


def failure(number: str, base: str, **kw) -> str:
    with pytest.raises(DownloadError) as caught:
        download_record(number, base, **kw)
    message = str(caught.value)
    assert "\n" not in message and message.endswith(".") and message[0].isupper()
    assert isinstance(caught.value, UsageError)  # the command line: exit 2, one line
    return message


# ---------------------------------------------------------------- what is sent

def test_a_record_is_downloaded_and_checked(server) -> None:
    base, seen = server
    fetched = download_record("NCT03934567", base)
    assert fetched.study.nct_id == "NCT03934567"
    assert fetched.data == RECORD  # exactly what the registry sent
    assert fetched.address == f"{base}/api/v2/studies/NCT03934567"


def test_nothing_but_the_study_number_is_sent(server) -> None:
    base, seen = server
    download_record(" nct03934567 ", base)
    assert len(seen.requests) == 1
    method, path, headers = seen.requests[0]
    assert (method, path) == ("GET", "/api/v2/studies/NCT03934567")  # no query, no other path
    names = {name.lower() for name in headers}
    assert names <= {"host", "user-agent", "accept", "accept-encoding", "connection"}
    assert headers["User-Agent"] == "trial-explainer"  # no version, no system details
    assert "cookie" not in names and "authorization" not in names and "content-length" not in names


def test_a_record_without_a_length_is_read_to_its_end(server) -> None:
    base, _ = server
    assert download_record("NCT00000003", base).data == RECORD.replace(b"NCT03934567", b"NCT00000003")


# ---------------------------------------------------------------- what goes wrong

@pytest.mark.parametrize(("number", "words"), [
    ("NCT99999999", "There is no study NCT99999999 in the registry; please check the number."),
    ("NCT00000008", "The registry is busy right now (error 503); please try again later."),
    ("NCT00000011", "The registry answered with an error (code 403); please try again later."),
    ("NCT00000009", "The registry sent the app to another address (code 301), which it does not follow."),
    ("NCT00000005", "is not a study record the app can use (this is a saved web page"),
    ("NCT00000006", "is not a study record the app can use (this is plain text"),
    ("NCT00000007", "is not a study record the app can use (this file is not a ClinicalTrials.gov study"),
    ("NCT00000012", "briefTitle should be text"),
    ("NCT00000010", "The registry sent something other than study NCT00000010, so nothing was kept."),
])
def test_each_bad_answer_is_one_plain_sentence(server, number, words) -> None:
    base, seen = server
    assert words in failure(number, base)
    assert [path for _, path, _ in seen.requests] == [f"/api/v2/studies/{number}"]  # a redirect is not followed


@pytest.mark.parametrize("number", ["NCT03934567", "NCT00000003", "NCT00000004"])
def test_a_body_over_the_size_limit_is_stopped(server, number) -> None:
    base, _ = server
    message = failure(number, base, max_bytes=4000)  # the record is 17,923 bytes
    assert message == f"The record for {number} is larger than the 3 kB the app accepts, so it was not downloaded."


def test_the_default_size_limit_is_the_record_files_limit() -> None:
    assert download_record.__defaults__[-1] == 20 * 1024 * 1024


def test_an_answer_that_does_not_come_in_time(server) -> None:
    base, seen = server
    assert "took too long to answer" in failure("NCT00000001", base, timeout=0.5)
    seen.release.set()


def test_an_answer_that_trickles_in_is_stopped_at_the_time_limit(server) -> None:
    """Each byte comes in time, but the whole record would take about 15 minutes."""
    base, seen = server
    assert "took too long to answer" in failure("NCT00000002", base, timeout=0.5)
    seen.release.set()


def test_no_server_at_all_is_a_plain_message() -> None:
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    message = failure("NCT03934567", f"http://127.0.0.1:{port}")
    assert message == ("The registry at 127.0.0.1 did not take the connection; please check that this computer "
                       "is online, then try again.")


def test_a_name_that_cannot_be_found_says_to_check_the_connection(monkeypatch) -> None:
    def not_found(*_args, **_kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", not_found)  # offline: no name server answers
    message = failure("NCT03934567", "https://clinicaltrials.gov")
    assert message == ("The app could not find clinicaltrials.gov on the internet; please check that this "
                       "computer is online, then try again.")


def test_a_network_that_is_down_says_to_check_the_connection(monkeypatch) -> None:
    def unreachable(*_args, **_kwargs):
        raise OSError(101, "Network is unreachable")

    monkeypatch.setattr(socket, "create_connection", unreachable)
    assert failure("NCT03934567", "https://clinicaltrials.gov") == (
        "The app could not reach clinicaltrials.gov; please check that this computer is online, then try again.")


@pytest.mark.parametrize("number", [
    "NCT0393456", "NCT039345678", "03934567", "NCT 03934567", "NCT03934567/../x", "NCT03934567?x=1",
    "NCT０３９３４５６７", "", "NCT03934567\x00", "NCT-03934567", "x" * 10_000, None,
])
def test_an_invalid_number_never_connects(no_connections, number) -> None:
    with pytest.raises(DownloadError) as caught:
        download_record(number, "https://clinicaltrials.gov")
    assert str(caught.value).startswith("That is not a study number")
    assert no_connections == []


def test_the_spy_would_see_a_connection(no_connections) -> None:
    """The check above can fail: a valid number does try to connect."""
    with pytest.raises(AssertionError, match="tried to connect"):
        download_record("NCT03934567", "https://clinicaltrials.gov")
    assert no_connections


# ---------------------------------------------------------------- the address

@pytest.mark.parametrize(("value", "usable"), [
    ("", "https://clinicaltrials.gov"),
    ("https://clinicaltrials.gov/", "https://clinicaltrials.gov"),
    ("https://mirror.example.org/ctgov", "https://mirror.example.org/ctgov"),
    ("http://127.0.0.1:8123", "http://127.0.0.1:8123"),
    ("http://[::1]:8123", "http://[::1]:8123"),
    ("http://localhost:8123/", "http://localhost:8123"),
    ("http://clinicaltrials.gov", None),     # plain http leaves this computer: refused
    ("http://10.0.0.1", None),
    ("ftp://127.0.0.1", None),
    ("file:///etc/passwd", None),
    ("https://user:secret@clinicaltrials.gov", None),
    ("https://clinicaltrials.gov?track=me", None),
    ("https://clinicaltrials.gov#x", None),
    ("https://clinicaltrials.gov:99999", None),
    ("clinicaltrials.gov", None),
])
def test_the_registry_address_can_be_changed_only_safely(no_connections, value, usable) -> None:
    environ = {download.ENV_VAR: value}
    if usable is None:
        with pytest.raises(DownloadError, match="TRIAL_EXPLAINER_REGISTRY_URL cannot be used"):
            registry_base_url(environ)
    else:
        assert registry_base_url(environ) == usable
    assert no_connections == []


def test_the_address_comes_from_the_environment(registry) -> None:
    base, seen = registry
    assert download_record("NCT03934567").study.nct_id == "NCT03934567"
    assert len(seen.requests) == 1


# ---------------------------------------------------------------- the command

def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _data_folder(home: Path) -> Path:
    return home / "data" / "trial-explainer"


def test_download_keeps_the_record_privately_and_says_so_first(registry, private_user_folders, capsys) -> None:
    assert main(["download", "NCT03934567"]) == 0
    out, err = capsys.readouterr()
    kept = _data_folder(private_user_folders) / "studies" / "NCT03934567.json"
    assert kept.read_bytes() == RECORD
    assert err == ("This is the only time Trial Explainer goes online: it asks 127.0.0.1 for study "
                   "NCT03934567 and sends nothing but that number.\n")
    assert out == f"Kept study NCT03934567 in {kept}; the app opens it again without going online.\n"
    if os.name == "posix":
        assert _mode(kept) == 0o600
        assert _mode(kept.parent) == 0o700 and _mode(kept.parent.parent) == 0o700


def test_the_notice_comes_before_any_connection(registry, monkeypatch, capsys) -> None:
    said_before: list[str] = []

    def fake(number, base):
        said_before.append(capsys.readouterr().err)
        raise DownloadError("The app could not reach 127.0.0.1; please check that this computer is online.")

    monkeypatch.setattr(download, "download_record", fake)
    assert main(["download", "NCT03934567"]) == 2
    assert "the only time Trial Explainer goes online" in said_before[0]


def test_download_to_a_file(registry, tmp_path, capsys) -> None:
    target = tmp_path / "record.json"
    assert main(["download", "NCT03934567", "-o", str(target)]) == 0
    assert target.read_bytes() == RECORD
    assert capsys.readouterr().out == f"Saved study NCT03934567 to {target}.\n"
    assert not (_data_folder(tmp_path / "home") / "studies").exists()  # written there, not also kept
    assert [p.name for p in tmp_path.iterdir() if p.name != "home"] == ["record.json"]  # no temporary left


@pytest.mark.parametrize(("argv", "words"), [
    (["download", "NCT99999999"], "There is no study NCT99999999 in the registry"),
    (["download", "NCT00000005"], "is not a study record the app can use"),
    (["download", "NCT0393456"], "That is not a study number ('NCT0393456')"),
    (["download", "NCT03934567", "-o", "{tmp}/missing/record.json"], "does not exist"),
    (["download", "NCT03934567", "-o", "{tmp}"], "is a folder. Give a file name, such as NCT03934567.json."),
    (["download"], "the following arguments are required"),
])
def test_download_failures_are_one_line_and_exit_2(registry, tmp_path, capsys, argv, words) -> None:
    base, seen = registry
    argv = [part.replace("{tmp}", str(tmp_path)) for part in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("trial-explainer: ") and words in err[-1]
    connects = argv[1:2] in (["NCT99999999"], ["NCT00000005"])
    assert len(err) == (2 if connects else 1)  # the notice, then the one line; or the one line only
    assert len(seen.requests) == (1 if connects else 0)  # bad input is refused before going online
    assert not (_data_folder(tmp_path / "home") / "studies").exists()


def test_download_without_a_server_is_one_line(monkeypatch, capsys) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv(download.ENV_VAR, f"http://127.0.0.1:{port}")
    assert main(["download", "NCT03934567"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1] == ("trial-explainer: The registry at 127.0.0.1 did not take the connection; please check "
                       "that this computer is online, then try again.")


def test_a_bad_address_in_the_environment_is_refused_before_going_online(monkeypatch, no_connections,
                                                                         capsys) -> None:
    monkeypatch.setenv(download.ENV_VAR, "http://clinicaltrials.gov")
    assert main(["download", "NCT03934567"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert no_connections == []


def test_the_main_help_lists_download(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "download NCT… [-o FILE]" in capsys.readouterr().out


@pytest.mark.parametrize("number", ["NCT99999999", "NCT00000008", "NCT00000011", "NCT00000009", "NCT00000005",
                                    "NCT00000010"])
def test_the_sentences_read_at_grade_8_or_lower(server, number) -> None:
    from tests.readability import grade

    message = failure(number, server[0])
    assert grade(message) <= 8, message
    notice = download.going_online_notice(number, "https://clinicaltrials.gov")
    assert grade(notice) <= 8, notice
