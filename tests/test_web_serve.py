"""`proxygraph serve` as a user runs it: one subprocess on a free loopback port."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from web_support import build_store, free_port, raw_get

from proxygraph.cli import main
from proxygraph.cli.serve_cmd import is_loopback, serve_command
from proxygraph.store import Store

OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never a proxy


def _listening_addresses(port: int) -> set[str]:
    """Local addresses with a TCP socket listening on port (Linux /proc/net/tcp*)."""
    found = set()
    for name, width in (("tcp", 8), ("tcp6", 32)):
        table = Path(f"/proc/net/{name}")
        if not table.exists():
            continue
        for line in table.read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hexport = local.split(":")
            if state == "0A" and int(hexport, 16) == port and len(address) == width:
                found.add(address)
    return found


def test_serve_smoke(tmp_path):
    db = build_store(tmp_path / "serve.db", hostile=False)
    port = free_port()
    exe = Path(sys.executable).with_name("proxygraph")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "proxygraph"]
    proc = subprocess.Popen(
        [*command, "serve", "--db", db, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with OPENER.open(f"{base}/api/stats", timeout=2) as response:
                    stats = json.load(response)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"serve did not start: {proc.communicate()}") from None
                time.sleep(0.1)
        with Store(db, create=False) as store:
            assert stats == store.stats()
        with OPENER.open(f"{base}/", timeout=5) as response:
            assert response.status == 200
            assert "proxygraph" in response.read().decode()
        status, _ = raw_get(base, "/static/../../etc/passwd")
        assert status == 400
        # Bound to loopback only: 127.0.0.1 (7F000001, little-endian on Linux), nothing else
        if sys.platform.startswith("linux"):
            assert _listening_addresses(port) == {"0100007F"}
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            _, err = proc.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
    assert proc.returncode == 0, err
    assert f"serving sqlite store on http://127.0.0.1:{port}/" in err


def test_serve_defaults_to_loopback():
    options = {p.name: p for p in serve_command.params}
    assert options["host"].default == "127.0.0.1"
    assert options["port"].default == 8000


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.8.9.10", True), ("localhost", True), ("::1", True),
     ("[::1]", True), ("0.0.0.0", False), ("::", False), ("192.168.1.4", False),
     ("example.org", False)],
)  # fmt: skip
def test_is_loopback(host, loopback):
    assert is_loopback(host) is loopback


def test_serve_without_a_store_fails_cleanly(tmp_path):
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "no store at" in result.output
    assert not (tmp_path / "none.db").exists()
