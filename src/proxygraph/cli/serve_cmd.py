"""`proxygraph serve`: the read-only web app and JSON API over the store."""

from __future__ import annotations

import ipaddress

import click

from proxygraph.cli.db import db_option, open_store


def is_loopback(host: str) -> bool:
    """Whether host names this machine only (127.0.0.0/8, ::1, localhost)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@click.command("serve")
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. The default answers this machine only; another address "
    "exposes the store to the network (a warning is printed).",
)
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8000, show_default=True, metavar="N",
    help="Port to listen on.",
)  # fmt: skip
def serve_command(db: str, host: str, port: int) -> None:
    """Serve the claim graph in a browser: network, evidence, actors, documents, timeline
    and map, plus a read-only JSON API (OpenAPI at /api/openapi.json).

    Everything runs from this machine (no CDN, no tile server); the front-end files are
    built by `make setup`. Stop with Ctrl-C.

    \b
    Examples:
      proxygraph load examples/corpus --db example.db
      proxygraph serve --db example.db               # then open http://127.0.0.1:8000/
      proxygraph serve --db postgresql://analyst@localhost/proxygraph --port 8080
    """
    import uvicorn

    from proxygraph.web import Limits, create_app
    from proxygraph.web.app import LOOPBACK_HOSTS
    from proxygraph.web.pages import vendor_ready

    store = open_store(db)
    loopback = is_loopback(host)
    if not loopback:
        click.echo(
            f"proxygraph: warning: serving on {host}, not loopback: anyone who can reach this "
            "machine can read the store",
            err=True,
        )
    if not vendor_ready():
        click.echo(
            "proxygraph: warning: front-end files not built (run `make setup`): the network "
            "and the map will not draw",
            err=True,
        )
    limits = Limits(allowed_hosts=LOOPBACK_HOSTS if loopback else None)
    app = create_app(store, limits=limits)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"proxygraph: serving {store.url.split('://')[0]} store on http://{shown}:{port}/",
               err=True)  # fmt: skip
    try:
        uvicorn.run(
            app,
            host=host,
            port=port,
            log_level="warning",
            access_log=False,
            server_header=False,
            limit_concurrency=200,
            h11_max_incomplete_event_size=16 * 1024,
            timeout_keep_alive=5,
        )
    finally:
        store.close()
