"""`proxygraph brief`: the HTML parses, is self-contained, cites every claim with its
quoted evidence, puts contested claims side by side, and escapes hostile article text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from export_support import fixture_store, hostile_record, hostile_store

from proxygraph.brief.markdown import md
from proxygraph.cli import main
from proxygraph.store import Store

# every tag the brief writes itself; anything else would come from article text
OWN_TAGS = {
    "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "em", "strong",
    "table", "tr", "th", "td", "span", "a", "blockquote", "ol", "li", "figure", "figcaption",
    "svg", "defs", "marker", "path", "line", "g", "circle", "text", "rect",
}  # fmt: skip


class Page(HTMLParser):
    """Tags, attributes, ids, hrefs and the text of a page."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def plain(self) -> str:
        return " ".join(" ".join(self.text).split())

    def attr(self, name: str) -> list[str]:
        return [a[name] or "" for _, a in self.tags if name in a]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return fixture_store(tmp_path_factory.mktemp("brief"))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def brief(db: str, tmp_path: Path, name: str = "brief.html", *args: str) -> str:
    out = tmp_path / name
    code, _, err = run("brief", "-o", str(out), "--db", db, *args)
    assert code == 0, err
    return out.read_text(encoding="utf-8")


def test_html_brief_parses_and_cites_every_claim(db: str, tmp_path: Path):
    html = brief(db, tmp_path)
    page = Page(html)
    assert {t for t, _ in page.tags} <= OWN_TAGS
    text = page.plain
    for heading in ("Key actors", "Network", "Who backs whom", "Contested claims",
                    "Other relations", "Sources"):  # fmt: skip
        assert heading in text
    with Store(db) as store:
        edges = store.edges()
        evidence = [(e, ev) for e in edges for ev in store.evidence(e.edge_id)]
    assert len(evidence) == 20
    for _, ev in evidence:  # every claim's sentence, quoted, with its outlet
        assert " ".join(ev.sentence.split()) in text
        assert ev.outlet in text and ev.doc_id in text
    # every citation link points at a source entry, and there is one entry per claim
    ids = set(page.attr("id"))
    cites = [h for h in page.attr("href") if h.startswith("#")]
    assert cites and all(h[1:] in ids for h in cites)
    assert len([i for i in ids if re.fullmatch(r"c\d+", i)]) == len(evidence)
    backing = html[html.index("<h2>Who backs whom</h2>"): html.index("<h2>Contested claims</h2>")]
    row = next(r for r in re.findall(r"<tr.*?</tr>", backing, re.DOTALL) if "Houthis" in r)
    cells = [Page(c).plain for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)]
    assert cells[:6] == ["Iran", "Houthis", "weapons", "11", "2 of 11",
                         "United Nations, Yemeni Coast Guard"]  # fmt: skip


def test_html_brief_is_self_contained(db: str, tmp_path: Path):
    html = brief(db, tmp_path)
    page = Page(html)
    assert "<script" not in html.lower() and "<link" not in html.lower()
    assert page.attr("src") == []  # nothing loaded from anywhere
    assert all(h.startswith(("#", "https://", "http://")) for h in page.attr("href"))
    external = [h for h in page.attr("href") if not h.startswith("#")]
    assert external and all(".example/" in h for h in external)  # the documents' own URLs
    assert "@import" not in html and "url(" not in html.replace("url(#arrow-", "")


def test_network_picture_is_well_formed_svg(db: str, tmp_path: Path):
    html = brief(db, tmp_path)
    svg = re.search(r"<svg.*?</svg>", html, re.DOTALL)
    assert svg is not None
    root = ET.fromstring(svg.group(0))  # a screenshot-free check: it parses as XML
    ns = "{http://www.w3.org/2000/svg}"
    assert len(root.findall(f".//{ns}circle")) == 9  # one per actor
    assert len(root.findall(f".//{ns}line")) == 8  # one per edge
    dashed = [e for e in root.iter(f"{ns}line") if e.get("stroke-dasharray")]
    assert len(dashed) == 1  # the contested edge
    labels = {t.text for t in root.iter(f"{ns}text")}
    assert {"Rapid Support Forces", "Iran", "Houthis"} <= labels


def test_contested_claims_side_by_side(db: str, tmp_path: Path):
    html = brief(db, tmp_path)
    section = html[html.index("<h2>Contested claims</h2>"): html.index("<h2>Other relations</h2>")]
    page = Page(section)
    assert "United Arab Emirates supports Rapid Support Forces (weapons)" in page.plain
    cells = re.findall(r'<td class="side">(.*?)</td>', section, re.DOTALL)
    assert len(cells) == 2
    asserted, denied = (Page(c).plain for c in cells)
    assert "Sudanese Armed Forces" in asserted and "accused the United Arab Emirates" in asserted
    assert "United Arab Emirates" in denied and "denied providing any weapons" in denied


def test_actor_brief_in_markdown_with_picture(db: str, tmp_path: Path):
    text = brief(db, tmp_path, "rsf.md", "--actor", "RSF")
    assert text.startswith("# Brief: Rapid Support Forces")
    assert "![Network of claims](rsf.svg)" in text
    ET.parse(tmp_path / "rsf.svg")
    assert "Iran" not in text  # not an edge of RSF
    with Store(db) as store:
        for edge in store.edges(actor="RSF"):
            for ev in store.evidence(edge.edge_id):
                assert md(ev.sentence) in text
    assert "### United Arab Emirates supports Rapid Support Forces (weapons)" in text
    assert "**Asserted by**" in text and "**Denied by**" in text


def test_brief_to_stdout_and_errors(db: str):
    code, out, err = run("brief", "-o", "-", "--format", "md", "--db", db)
    assert code == 0 and out.startswith("# Claim graph brief") and "20 claims cited" in err
    code, out, _ = run("brief", "-o", "-", "--db", db)
    assert code == 0 and out.startswith("<!DOCTYPE html>")
    code, _, err = run("brief", "-o", "-", "--actor", "Nobody", "--db", db)
    assert code == 1 and err.strip() == "Error: no actor called 'Nobody' in the store"


# --- untrusted text ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return hostile_store(tmp_path_factory.mktemp("hostile-brief"))


def test_html_escapes_hostile_names_and_evidence(hostile_db: str, tmp_path: Path):
    html = brief(hostile_db, tmp_path)
    lowered = html.lower()
    for raw in ("<script", "<img", "<svg onload", "<b onmouseover", "<i>", "</blockquote><script"):
        assert raw not in lowered, raw
    page = Page(html)
    assert {t for t, _ in page.tags} <= OWN_TAGS
    handlers = [(t, k) for t, a in page.tags for k in a if k.startswith("on")]
    assert handlers == []  # no onerror=, onload=, onmouseover= anywhere as an attribute
    assert not any("javascript:" in h.lower() for h in page.attr("href"))
    # ... while the text is all there, as text
    record = hostile_record()
    for claim in record["claims"]:
        assert " ".join(claim["evidence"]["text"].split()) in page.plain
    assert escape('Backer <img src=x onerror="alert(2)">') in html
    assert "<script>alert(7)</script> Times" in page.plain


def test_markdown_escapes_hostile_text(hostile_db: str, tmp_path: Path):
    text = brief(hostile_db, tmp_path, "h.md")
    tags = set(re.findall(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9]*)", text))
    assert tags <= {"a"}, tags  # only our own <a id="cN"></a> anchors
    assert re.findall(r"<a [^>]*>", text) == [f'<a id="c{n}">' for n in (1, 2)]
    assert re.search(r"(?<!\\)\]\(javascript", text) is None  # never a link target
    assert "\\[link\\](javascript:alert(5))" in text  # the brackets are escaped
    svg = (tmp_path / "h.svg").read_text(encoding="utf-8")
    assert "<script" not in svg and "<img" not in svg
    ET.fromstring(svg)
