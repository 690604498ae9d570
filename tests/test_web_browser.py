"""End-to-end tests in a real headless Chromium (Debian's `chromium`, driven by Playwright):
open the network, filter it, click an edge and read its evidence; open every view; and
check that no payload in hostile article text ever runs.

They skip, with the reason, when chromium, the playwright package or the built front-end
files are missing, unless CI is set: then they fail (.ci/run installs chromium and `make
setup` builds the front end). Screenshots go to pytest's temporary folder; with
PROXYGRAPH_SCREENSHOTS=DIR they are also written to DIR (docs/img for the README).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest
from web_support import HOSTILE_ACTOR, HOSTILE_CLAIMANT, HOSTILE_PLACE, build_store, live_server

from proxygraph.store import Store
from proxygraph.store.rows import document_key
from proxygraph.web import create_app
from proxygraph.web.pages import vendor_ready

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _chromium() -> str | None:
    for candidate in (os.environ.get("PROXYGRAPH_CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser")):  # fmt: skip
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (make setup installs it)"
    if _chromium() is None:
        return "no chromium (apt-get install -y chromium; .ci/run does it)"
    if not vendor_ready():
        return "front-end files not built (make setup runs npm in web/)"
    return None


@pytest.fixture(scope="module")
def browser():
    missing = _missing()
    if missing:
        if IN_CI:
            pytest.fail(f"CI=true but the browser tests cannot run: {missing}")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=_chromium(), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("browser") / "web.db")


@pytest.fixture(scope="module")
def base(db):
    with Store(db, create=False) as store, live_server(create_app(store)) as url:
        yield url


class Watch:
    """What a page did: dialogs, console errors, script errors, requests, bad responses."""

    def __init__(self, page, base: str) -> None:
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.base = base
        page.on("dialog", self._dialog)
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("response", lambda r: r.status >= 400 and self.errors.append(f"{r.status} {r.url}"))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def foreign_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(self.base + "/")
                and not u.startswith(("data:", "about:"))]  # fmt: skip


@pytest.fixture
def page(browser, base):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    opened.watch = Watch(opened, base)
    yield opened
    context.close()


def screenshot(page, tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path))
    assert path.stat().st_size > 10_000
    target = os.environ.get("PROXYGRAPH_SCREENSHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, Path(target) / path.name)
    return path


def wait_graph(page) -> int:
    page.wait_for_selector("body[data-graph=ready][data-loads]")
    return int(page.get_attribute("body", "data-edges"))


def loads(page) -> int:
    """How many times the network was loaded (graph.js counts them)."""
    return int(page.get_attribute("body", "data-loads") or 0)


def wait_reloaded(page, before: int) -> None:
    """Wait until the network has loaded again since `before` loads."""
    page.wait_for_function("(n) => Number(document.body.dataset.loads || 0) > n", arg=before)


def click_edge(page, edge_id: str) -> None:
    """Click the middle of an edge's line on the canvas, as a person would."""
    point = page.evaluate(
        """(id) => {
            const cy = window.proxygraph.cy;
            cy.fit(cy.$id(id).connectedNodes(), 120);
            const mid = cy.$id(id).renderedMidpoint();
            const box = document.getElementById('cy').getBoundingClientRect();
            return {x: box.left + mid.x, y: box.top + mid.y};
        }""",
        edge_id,
    )
    page.mouse.click(point["x"], point["y"])


def everything_count(page) -> int:
    return page.evaluate("async () => (await (await fetch('/api/graph')).json()).edges.length")


def cy_edges(page) -> list[dict]:
    return page.evaluate("() => window.proxygraph.cy.edges().map(e => e.data())")


def test_filter_the_graph_click_an_edge_read_its_evidence(page, base, tmp_path):
    page.goto(base + "/")
    everything = wait_graph(page)
    assert everything > 5
    assert page.evaluate("() => window.proxygraph.cy.nodes().length") > 5

    before = loads(page)
    page.select_option("select[name=relation]", "SUPPORTS")  # a change reloads the graph
    wait_reloaded(page, before)
    supports = wait_graph(page)
    assert 0 < supports < everything
    assert {e["relation"] for e in cy_edges(page)} == {"SUPPORTS"}
    assert "relation=SUPPORTS" in page.url

    page.fill("input[name=actor]", "United Arab Emirates")
    before = loads(page)
    page.select_option("select[name=support_type]", "weapons")
    wait_reloaded(page, before)
    before = loads(page)
    page.click("#filters button[type=submit]")
    wait_reloaded(page, before)
    wait_graph(page)
    edges = cy_edges(page)
    assert edges and all(e["relation"] == "SUPPORTS" for e in edges)
    edge = next(e for e in edges if e["target"] == "kb:rsf" and e["source"] == "kb:ae")

    click_edge(page, edge["id"])
    page.wait_for_selector(f"#panel[data-edge='{edge['id']}']")
    panel = page.locator("#panel")
    text = panel.inner_text()
    assert "United Arab Emirates" in text and "Rapid Support Forces" in text
    claims = panel.locator("li.claim")
    assert claims.count() >= 1
    first = claims.first
    assert "supplying drones and ammunition" in first.locator("q.sentence").inner_text()
    assert first.locator("mark.hl-source").inner_text() == "United Arab Emirates"
    assert first.locator(".claimant").inner_text() == "Sudanese Armed Forces"
    assert first.locator(".outlet").inner_text() == "Nile Post"
    assert first.locator(".date").inner_text() == "2024-05-02"
    assert page.locator("#edges-table tr.selected").get_attribute("data-edge") == edge["id"]
    screenshot(page, tmp_path, "web-network")

    doc_link = first.locator("a.doc-link")
    assert doc_link.get_attribute("href").startswith("/documents/")
    doc_link.click()
    page.wait_for_selector("#doctext")
    assert page.locator("#doctext mark.ev").count() >= 1
    assert page.locator("#doctext a.m").count() >= 3
    assert re.search(r"#claim-[0-9a-f]{16}$", page.url)
    assert page.watch.errors == [] and page.watch.foreign_requests() == []


def test_date_range_and_min_independent(page, base):
    page.goto(base + "/?since=2024-03-01&until=2024-03-31&min_independent=1")
    count = wait_graph(page)
    expected = page.evaluate(
        "async () => (await (await fetch('/api/graph?since=2024-03-01&until=2024-03-31"
        "&min_independent=1')).json()).edges.length"
    )
    assert count == expected > 0
    page.fill("input[name=since]", "")
    page.fill("input[name=until]", "")
    page.fill("input[name=min_independent]", "2")
    before = loads(page)
    page.click("#filters button[type=submit]")
    wait_reloaded(page, before)
    corroborated = wait_graph(page)
    assert 0 < corroborated < everything_count(page)
    assert "min_independent=2" in page.url and "since" not in page.url
    page.fill("input[name=actor]", "Nobody At All")
    before = loads(page)
    page.click("#filters button[type=submit]")
    wait_reloaded(page, before)
    page.wait_for_selector("body[data-graph=error]")
    assert "no actor called" in page.inner_text("#status")


def test_every_view_works_offline(page, base, tmp_path):
    """Each view loads with no error, no CSP violation and no request off this server."""
    page.goto(base + "/map")
    page.wait_for_selector("body[data-basemap=ready]")
    page.wait_for_selector("body[data-places]")
    assert int(page.get_attribute("body", "data-places")) >= 3
    assert page.locator("#map path.leaflet-interactive").count() >= 3  # place markers
    assert page.locator("#map svg path").count() > 100  # country outlines
    screenshot(page, tmp_path, "web-map")
    for path in ("/timeline", "/documents", "/api", "/actors/RSF", "/timeline?actor=RSF"):
        page.goto(base + path)
        page.wait_for_load_state("load")
        assert page.locator("main h1").count() == 1, path
    assert page.locator("svg.chart rect.bar").count() >= 1
    assert page.watch.errors == []
    assert page.watch.foreign_requests() == []


def assert_nothing_ran(page, where: str) -> None:
    assert page.evaluate("() => window.__pwned") is None, where
    assert page.watch.dialogs == [], where
    found = page.evaluate(
        """() => ({
            img: document.querySelectorAll('img[src="x"], img[onerror]').length,
            svg: document.querySelectorAll('svg[onload]').length,
            iframe: document.querySelectorAll('iframe').length,
            js: [...document.querySelectorAll('a[href]')].filter(
                a => a.getAttribute('href').trim().toLowerCase().startsWith('javascript:')).length,
            inline: [...document.querySelectorAll('script')].filter(s => !s.src).length,
            handlers: [...document.querySelectorAll('*')].filter(
                el => [...el.attributes].some(a => a.name.startsWith('on'))).length,
        })"""
    )
    assert found == {"img": 0, "svg": 0, "iframe": 0, "js": 0, "inline": 0, "handlers": 0}, (
        where,
        found,
    )


def test_hostile_text_never_executes(browser, base, tmp_path):
    """With the Content-Security-Policy bypassed, so that escaping alone is tested."""
    context = browser.new_context(bypass_csp=True, viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.watch = Watch(page, base)
    try:
        actor = page.request.get(base + "/api/actors?q=Evil Brigade").json()[0]
        doc = document_key("<img src=x onerror=\"window.__pwned='outlet'\">Outlet",
                           "<script>window.__pwned='docid'</script>")  # fmt: skip
        edges = page.request.get(base + "/api/edges?actor=" + quote(actor["key"])).json()
        for path in (
            f"/documents/{doc}",
            f"/edges/{edges[0]['edge_id']}",
            f"/actors/{quote(actor['key'], safe='')}",
            "/documents",
            "/timeline",
            "/api",
            "/?claimant=" + quote(HOSTILE_CLAIMANT),
        ):
            page.goto(base + path)
            page.wait_for_load_state("load")
            assert_nothing_ran(page, path)
        text = page.goto(base + f"/documents/{doc}") and page.inner_text("#doctext")
        assert "<script>window.__pwned = 'script'</script>" in text  # shown, as text
        assert "{{ 7 * 7 }}" in text

        # the network: the hostile edge, clicked; its evidence drawn by the script
        page.goto(base + "/?actor=" + quote(actor["key"]))
        wait_graph(page)
        click_edge(page, edges[0]["edge_id"])
        page.wait_for_selector(f"#panel[data-edge='{edges[0]['edge_id']}']")
        panel = page.inner_text("#panel")
        assert HOSTILE_ACTOR in panel and HOSTILE_CLAIMANT in panel
        assert_nothing_ran(page, "network panel")
        node = page.evaluate(
            "(key) => { const n = window.proxygraph.cy.$id(key); n.emit('tap'); return n.id(); }",
            actor["key"],
        )
        assert node == actor["key"] and HOSTILE_ACTOR in page.inner_text("#panel")
        assert_nothing_ran(page, "node panel")

        # the map: open every place's popup and tooltip
        page.goto(base + "/map")
        page.wait_for_selector("body[data-places][data-basemap=ready]")
        page.locator("#map path.leaflet-interactive").first.click()  # a real click
        page.wait_for_selector(".leaflet-popup-content")
        shown = page.evaluate(
            """() => window.proxygraph.markers.map((m) => {
                m.openPopup(); m.openTooltip();
                const text = document.querySelector('.leaflet-popup-content').textContent
                    + ' ' + document.querySelector('.leaflet-tooltip').textContent;
                m.closePopup(); m.closeTooltip();
                return text;
            })"""
        )
        assert any(HOSTILE_PLACE in s for s in shown)
        assert_nothing_ran(page, "map popups")
        screenshot(page, tmp_path, "web-hostile-map")
    finally:
        context.close()


def test_csp_blocks_what_escaping_might_miss(page, base):
    """Defence in depth: even an inline script in a page would be refused."""
    page.goto(base + "/documents")
    ran = page.evaluate(
        """() => { const s = document.createElement('script');
                   s.textContent = 'window.__pwned = "csp"'; document.body.appendChild(s);
                   return window.__pwned === undefined; }"""
    )
    assert ran is True
    assert any("Content Security Policy" in e for e in page.watch.errors)


@pytest.mark.skipif(
    not os.environ.get("PROXYGRAPH_SCREENSHOTS"),
    reason="refreshes the README screenshot: PROXYGRAPH_SCREENSHOTS=docs/img (needs the model)",
)
def test_readme_screenshot(browser, tmp_path):
    """The network of the bundled example, with the evidence of a contested edge."""
    import subprocess
    import sys

    from proxygraph.cli.serve_cmd import is_loopback  # noqa: F401  (the CLI is importable)

    db = tmp_path / "example.db"
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-m", "proxygraph", "load", str(root / "examples/corpus"),
                    "--db", str(db)], check=True, capture_output=True)  # fmt: skip
    with Store(str(db), create=False) as store, live_server(create_app(store)) as url:
        context = browser.new_context(viewport={"width": 1440, "height": 860})
        page = context.new_page()
        page.goto(url + "/")
        wait_graph(page)
        edge = next(e for e in cy_edges(page) if e["mark"] == "contested")
        page.evaluate("(id) => window.proxygraph.showEdge(id)", edge["id"])
        page.wait_for_selector(f"#panel[data-edge='{edge['id']}']")
        page.evaluate(
            "(id) => { const cy = window.proxygraph.cy;"
            " cy.fit(cy.$id(id).connectedNodes().closedNeighborhood().closedNeighborhood(), 40); }",
            edge["id"],
        )
        screenshot(page, tmp_path, "web-example")
        context.close()
