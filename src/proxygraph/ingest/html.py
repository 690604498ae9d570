"""HTML pages and fragments to plain text: trafilatura first, a plain lxml walk as fallback."""

from __future__ import annotations

import logging
import re
from typing import Any

import lxml.html
from lxml import etree

from proxygraph.errors import InvalidInput
from proxygraph.ids import content_id
from proxygraph.ingest.dates import normalise_date
from proxygraph.records import Document

# fmt: off
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
_SKIP_TAGS = frozenset({
    "script", "style", "noscript", "template", "head", "iframe", "object", "svg", "canvas",
})
# fmt: on
_PAGE_SKIP_TAGS = _SKIP_TAGS | {"nav"}
_WHITESPACE = re.compile(r"\s+")
_SPACES = re.compile(r"[ \t\f\v\r\u00a0]+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")

log = logging.getLogger(__name__)


def html_document(markup: str, where: str, name: str) -> Document:
    """Build a Document from a whole HTML page.

    The main text comes from trafilatura (no network), with title, date, url and
    site name from its metadata; when it finds no main text, the visible text of
    the page (scripts, styles and navigation dropped) is used instead. The source
    is the page's site name when it declares one, else `name` (the file name).
    """
    meta = _trafilatura(markup)
    text = (meta.get("text") or "").strip()
    title = meta.get("title")
    if not text:
        text, title = page_text(markup)
    if not text:
        raise InvalidInput(where, "no text found in the HTML page")
    return Document(
        doc_id=content_id(text),
        text=text,
        source=meta.get("sitename") or name,
        date=normalise_date(meta.get("date")),
        url=meta.get("url"),
        title=title or None,
        origin=where,
    )


def _trafilatura(markup: str) -> dict[str, Any]:
    """Run trafilatura on a page; return {} when it fails or finds nothing."""
    import trafilatura  # slow to import: only when an HTML input is seen

    try:
        result = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception as exc:  # trafilatura or its parsers can fail on odd markup
        log.debug("trafilatura failed: %s", exc)
        return {}
    if result is None:
        return {}
    return result if isinstance(result, dict) else result.as_dict()


def page_text(markup: str) -> tuple[str, str | None]:
    """Return the visible text and <title> of a whole page using lxml only."""
    try:
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", markup, count=1))
    except (etree.ParserError, ValueError):
        return "", None
    title = root.findtext(".//title")
    body = root.find("body")
    text = element_text(body if body is not None else root, skip=_PAGE_SKIP_TAGS)
    return text, (" ".join(title.split()) if title else None)


def fragment_text(fragment: str) -> str:
    """Return the text of an HTML fragment (e.g. a feed entry), one line per block."""
    if "<" not in fragment and "&" not in fragment:
        return _tidy(fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _tidy(fragment)
    return element_text(root, skip=_SKIP_TAGS)


def element_text(root: lxml.html.HtmlElement, skip: frozenset[str] = _SKIP_TAGS) -> str:
    """Return the text under `root`, with a line break around each block element."""
    parts: list[str] = []

    def add(text: str | None, keep_breaks: bool) -> None:
        if text:
            parts.append(text if keep_breaks else _WHITESPACE.sub(" ", text))

    def walk(element: Any, in_pre: bool) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in skip or not tag:  # comments and processing instructions have no str tag
            add(element.tail, in_pre)
            return
        block = tag in _BLOCK_TAGS
        if block or tag == "br":
            parts.append("\n")
        inner_pre = in_pre or tag == "pre"
        add(element.text, inner_pre)
        for child in element:
            walk(child, inner_pre)
        if block:
            parts.append("\n")
        add(element.tail, in_pre)

    walk(root, False)
    return _tidy("".join(parts))


def _tidy(text: str) -> str:
    """Collapse runs of spaces, trim each line and drop empty lines."""
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
