"""Helpers for the web tests: a fixture store, hostile records, a live server on loopback.

The store holds tests/fixtures/store/*.jsonl, one record with geocoded places (for the
map) and one hostile record whose every field carries script payloads (for the XSS
tests); each payload would set window.__pwned or open a dialog if it ever ran.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from store_support import fixture_records

from proxygraph.store import Store

PAYLOADS = [
    "<script>window.__pwned = 'script'</script>",
    "<img src=x onerror=\"window.__pwned='img'\">",
    "<svg onload=\"window.__pwned='svg'\"></svg>",
    "\"><script>alert('quoted')</script>",
    "</q></mark></a><script>window.__pwned='close'</script>",
    "<a href=\"javascript:window.__pwned='href'\">click me</a>",
    "<iframe src=\"javascript:alert('frame')\"></iframe>",
    "{{ 7 * 7 }} ${7*7}",
]
HOSTILE_ACTOR = "<img src=x onerror=\"window.__pwned='actor'\">Evil Brigade"
HOSTILE_CLAIMANT = "<script>alert('claimant')</script>Spokesman"
HOSTILE_PLACE = "<img src=x onerror=\"window.__pwned='place'\">Town"
HOSTILE_URL = "javascript:window.__pwned='url'"


def _mention(text: str, needle: str, **fields: Any) -> dict[str, Any]:
    start = text.index(needle)
    return {"start": start, "end": start + len(needle), "text": needle, **fields}


def hostile_record() -> dict[str, Any]:
    """A document whose id, outlet, title, URL, text, actors, claimant and place all
    carry payloads."""
    sentence = f"{HOSTILE_ACTOR} armed the Rapid Support Forces, {HOSTILE_CLAIMANT} said."
    text = " ".join(PAYLOADS) + " " + sentence + f" They met in {HOSTILE_PLACE}."
    start = text.index(sentence)
    end = start + len(sentence)
    source = {
        "name": HOSTILE_ACTOR,
        "type": "ARMED_GROUP",
        "actor_id": None,
        "mention": HOSTILE_ACTOR,
    }
    target = {
        "name": "Rapid Support Forces",
        "type": "ARMED_GROUP",
        "actor_id": "rsf",
        "mention": "Rapid Support Forces",
    }
    return {
        "format": "proxygraph.doc/1",
        "doc_id": "<script>window.__pwned='docid'</script>",
        "source": "<img src=x onerror=\"window.__pwned='outlet'\">Outlet",
        "date": "2024-06-01",
        "url": HOSTILE_URL,
        "title": "<script>window.__pwned='title'</script>Title",
        "text": text,
        "mentions": [
            _mention(text, HOSTILE_ACTOR, type="ARMED_GROUP", actor=HOSTILE_ACTOR),
            _mention(
                text,
                "Rapid Support Forces",
                type="ARMED_GROUP",
                actor="Rapid Support Forces",
                actor_id="rsf",
            ),
            _mention(
                text,
                HOSTILE_PLACE,
                type="LOCATION",
                actor=HOSTILE_PLACE,
                geo={
                    "gazetteer_id": "test:evil",
                    "name": HOSTILE_PLACE,
                    "lat": 15.6,
                    "lon": 32.5,
                    "country_code": "SD",
                    "admin_path": [HOSTILE_PLACE],
                    "feature": "<b>city</b>",
                },
            ),
        ],  # fmt: skip
        "claims": [
            {
                "source": source,
                "relation": "SUPPORTS",
                "target": target,
                "support_type": ["weapons"],
                "polarity": "affirmed",
                "modality": "alleged",
                "claimant": {"name": HOSTILE_CLAIMANT, "mention": HOSTILE_CLAIMANT},
                "evidence": {"start": start, "end": end, "text": sentence},
                "rule": "<script>alert('rule')</script>",
            }
        ],
    }


def places_record() -> dict[str, Any]:
    """A document naming two geocoded places (for the map) and one without coordinates."""
    text = (
        "Fighting spread from El Fasher to Nyala, residents said. "
        "Sudan's army denied that it had shelled the Gulf."
    )
    geo = {
        "El Fasher": {"gazetteer_id": "geonames:379303", "name": "El Fasher", "lat": 13.6279,
                      "lon": 25.3494, "country_code": "SD",
                      "admin_path": ["Sudan", "North Darfur", "El Fasher"], "feature": "city"},
        "Nyala": {"gazetteer_id": "geonames:368277", "name": "Nyala", "lat": 12.05,
                  "lon": 24.8833, "country_code": "SD",
                  "admin_path": ["Sudan", "South Darfur", "Nyala"], "feature": "city"},
        "Gulf": {"gazetteer_id": "text:gulf", "name": "Gulf", "lat": None, "lon": None,
                 "country_code": None, "admin_path": [], "feature": None},
    }  # fmt: skip
    return {
        "format": "proxygraph.doc/1",
        "doc_id": "darfur-2024-06-03",
        "source": "Darfur Monitor",
        "date": "2024-06-03",
        "url": "https://darfur.example/2024-06-03",
        "title": "Fighting spreads to Nyala",
        "text": text,
        "mentions": [
            _mention(text, name, type="LOCATION", actor=name, geo=g) for name, g in geo.items()
        ],
        "claims": [],
    }


def build_store(path: Path, *, hostile: bool = True) -> str:
    """A SQLite store at path with every fixture record; returns its path as a --db value."""
    records = fixture_records("contested") + fixture_records("syndicated") + [places_record()]
    if hostile:
        records.append(hostile_record())
    with Store(str(path)) as store:
        store.load_records(records)
    return str(path)


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def live_server(app: Any) -> Iterator[str]:
    """Serve app with uvicorn in a thread on 127.0.0.1; yields its base URL."""
    import uvicorn

    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                            access_log=False, lifespan="off")  # fmt: skip
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def raw_get(base: str, target: str, *, headers: str = "", timeout: float = 5) -> tuple[int, bytes]:
    """Send one HTTP/1.1 request with the request target exactly as given (no
    normalisation of dot segments or escapes); returns (status, body)."""
    host, port = base.split("//", 1)[1].split(":")
    with socket.create_connection((host, int(port)), timeout=timeout) as sock:
        request = (
            f"GET {target} HTTP/1.1\r\nHost: {host}:{port}\r\n{headers}Connection: close\r\n\r\n"
        )
        sock.sendall(request.encode("latin-1"))
        chunks = []
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    data = b"".join(chunks)
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1]) if head else 0
    return status, body
