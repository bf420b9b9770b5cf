"""Getting a study record by its number: the one place the app goes online.

It happens only when the patient asks (the window's "Get a study by its number", or
`trial-explainer download NCT…`), after saying so. The request carries nothing but
the study number: a plain GET of {base}/api/v2/studies/NCT…, no cookies, no query,
a fixed User-Agent without version details. The number is checked before any
connection; the answer has a time limit and a size limit (enforced while it
arrives) and is checked as a study record before anyone keeps it.

The address is https://clinicaltrials.gov unless TRIAL_EXPLAINER_REGISTRY_URL says
otherwise (the tests point it at a server on this computer). Only urllib: nothing
here is loaded until a download is asked for.
"""

from __future__ import annotations

import http.client
import ipaddress
import os
import socket
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from explainer.core.registry_record import RegistryStudy
from explainer.errors import UsageError
from explainer.records_io import MAX_RECORD_BYTES, NCT_PATTERN, RecordFileError, not_a_study_number, parse_record

ENV_VAR = "TRIAL_EXPLAINER_REGISTRY_URL"
DEFAULT_BASE_URL = "https://clinicaltrials.gov"
USER_AGENT = "trial-explainer"  # names the app; no version, no system details
DEFAULT_TIMEOUT = 30.0          # seconds for the whole download
_CHUNK = 64 * 1024


class DownloadError(UsageError):
    """A download that did not give a usable record; ``str()`` is one plain sentence."""

    @property
    def plain(self) -> str:
        return str(self)


@dataclass(frozen=True)
class Download:
    """A checked record: the study, and its JSON exactly as the registry sent it."""

    study: RegistryStudy
    data: bytes
    address: str


def study_number(text: str) -> str:
    """``text`` as a study number (NCT and 8 digits), or a DownloadError; no connection."""
    number = text.strip().upper() if isinstance(text, str) else ""
    if NCT_PATTERN.fullmatch(number):
        return number
    raise DownloadError(not_a_study_number(text))


def registry_base_url(environ: Mapping[str, str] | None = None) -> str:
    """The registry's address: the default, or the one in TRIAL_EXPLAINER_REGISTRY_URL.

    https only, except plain http to this computer (a test server); no user name,
    query or fragment, so nothing but the study number can ever be sent."""
    value = (environ if environ is not None else os.environ).get(ENV_VAR, "").strip() or DEFAULT_BASE_URL
    try:
        parts = urlsplit(value)
        host = parts.hostname or ""
        _ = parts.port  # a bad port raises here
    except ValueError:
        raise DownloadError(_bad_address()) from None
    secure = parts.scheme == "https" and host
    local = parts.scheme == "http" and _is_loopback(host)
    if not (secure or local) or parts.username or parts.password or parts.query or parts.fragment:
        raise DownloadError(_bad_address())
    return value.rstrip("/")


def record_address(nct_id: str, base_url: str) -> str:
    return f"{base_url}/api/v2/studies/{nct_id}"


def going_online_notice(nct_id: str, base_url: str) -> str:
    """Said once, before connecting: the only time the app goes online, and what it sends."""
    host = urlsplit(base_url).hostname or base_url
    return (f"This is the only time Trial Explainer goes online: it asks {host} for study {nct_id} "
            "and sends nothing but that number.")


def download_record(nct_id: str, base_url: str | None = None, timeout: float = DEFAULT_TIMEOUT,
                    max_bytes: int = MAX_RECORD_BYTES) -> Download:
    """Fetch and check one study record; every failure is one DownloadError sentence."""
    number = study_number(nct_id)  # before anything else: a bad number never connects
    base = registry_base_url() if base_url is None else _checked_base(base_url)
    address = record_address(number, base)
    host = urlsplit(base).hostname or ""
    deadline = time.monotonic() + timeout
    try:
        body = _fetch(address, host, timeout, deadline, max_bytes, number)
    except DownloadError:
        raise
    except urllib.error.HTTPError as err:
        err.close()
        raise DownloadError(_http_problem(err.code, number)) from None
    except urllib.error.URLError as err:
        raise DownloadError(_network_problem(err.reason, host)) from None
    except (TimeoutError, socket.timeout):
        raise DownloadError(_timed_out(host)) from None
    except (http.client.HTTPException, ConnectionError):
        raise DownloadError(f"The connection to {host} broke off before the record was complete; "
                            "please try again.") from None
    except OSError as err:
        raise DownloadError(_network_problem(err, host)) from None
    return Download(_checked_study(body, number), body, address)


# ---------------------------------------------------------------- the request

def _fetch(address: str, host: str, timeout: float, deadline: float, max_bytes: int, number: str) -> bytes:
    request = urllib.request.Request(address, method="GET",
                                     headers={"User-Agent": USER_AGENT, "Accept": "application/json"})
    with _opener(_is_loopback(host)).open(request, timeout=timeout) as response:
        return _read_body(response, max_bytes, deadline, host, number)


def _opener(loopback: bool) -> urllib.request.OpenerDirector:
    """Only the handlers a GET needs: no cookies, no redirects (an answer that sends
    the app elsewhere is an error), no file: or ftp: addresses."""
    opener = urllib.request.OpenerDirector()
    opener.addheaders = []  # not urllib's own "Python-urllib/3.x": the request names the app
    proxies = {} if loopback else urllib.request.getproxies()  # the user's proxy, never for this computer
    for handler in (urllib.request.ProxyHandler(proxies), urllib.request.HTTPHandler(),
                    urllib.request.HTTPSHandler(context=ssl.create_default_context()),
                    urllib.request.HTTPDefaultErrorHandler(), urllib.request.HTTPErrorProcessor()):
        opener.add_handler(handler)
    return opener


def _read_body(response: http.client.HTTPResponse, max_bytes: int, deadline: float, host: str,
               number: str) -> bytes:
    """The body, stopped as soon as it passes ``max_bytes`` or the time is up."""
    length = (response.headers.get("Content-Length") or "").strip()
    if length.isdigit() and int(length) > max_bytes:
        raise DownloadError(_too_large(number, max_bytes))
    chunks: list[bytes] = []
    total = 0
    while True:
        if time.monotonic() > deadline:  # a server that trickles bytes would otherwise never end
            raise DownloadError(_timed_out(host))
        chunk = response.read1(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > max_bytes:
            raise DownloadError(_too_large(number, max_bytes))
        chunks.append(chunk)


def _checked_study(body: bytes, number: str) -> RegistryStudy:
    try:
        record = parse_record(body)
    except RecordFileError as err:
        detail = err.plain.rstrip(".")
        raise DownloadError(f"The answer from the registry for {number} is not a study record the app can use "
                            f"({detail[:1].lower()}{detail[1:]}).") from None
    if len(record.studies) != 1 or record.studies[0].nct_id != number:
        raise DownloadError(f"The registry sent something other than study {number}, so nothing was kept.")
    return record.studies[0]


def _checked_base(base_url: str) -> str:
    return registry_base_url({ENV_VAR: base_url})


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# ---------------------------------------------------------------- words

def _bad_address() -> str:
    return (f"The registry address in {ENV_VAR} cannot be used; it must start with https:// "
            "(or http:// for this computer only) and hold no user name or query.")


def _http_problem(code: int, number: str) -> str:
    if code == 404:
        return f"There is no study {number} in the registry; please check the number."
    if code in (429, 502, 503, 504):
        return f"The registry is busy right now (error {code}); please try again later."
    if 300 <= code < 400:
        return f"The registry sent the app to another address (code {code}), which it does not follow."
    return f"The registry answered with an error (code {code}); please try again later."


def _network_problem(reason: object, host: str) -> str:
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return _timed_out(host)
    if isinstance(reason, socket.gaierror):
        return (f"The app could not find {host} on the internet; please check that this computer "
                "is online, then try again.")
    if isinstance(reason, ssl.SSLError):
        return f"The secure connection to {host} could not be checked, so nothing was downloaded."
    if isinstance(reason, ConnectionRefusedError):
        return (f"The registry at {host} did not take the connection; please check that this computer is online, "
                "then try again.")
    return f"The app could not reach {host}; please check that this computer is online, then try again."


def _timed_out(host: str) -> str:
    return f"The registry at {host} took too long to answer; please check the connection and try again later."


def _too_large(number: str, max_bytes: int) -> str:
    return (f"The record for {number} is larger than the {_size(max_bytes)} the app accepts, "
            "so it was not downloaded.")


def _size(count: int) -> str:
    return f"{count / (1024 * 1024):.0f} MB" if count >= 1024 * 1024 else f"{max(1, count // 1024)} kB"
