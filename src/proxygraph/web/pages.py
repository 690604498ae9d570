"""The HTML pages: the network, an edge's evidence, an actor, a document, the timeline,
the map, the document list and the API reference. Rendered by Jinja2 with autoescaping:
no text from the store is ever inserted as markup."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from proxygraph import __version__
from proxygraph.store import Store
from proxygraph.web.api import ActorKey, DocKey, EdgeId, get_store
from proxygraph.web.data import (
    GraphFilter,
    NotFound,
    actor_queries,
    claim_queries,
    display,
    document_queries,
    edge_queries,
    facet_queries,
    place_queries,
)
from proxygraph.web.filters import as_query, graph_filter

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
VENDOR_FILES = ("cytoscape.min.js", "leaflet.js", "leaflet.css", "topojson-client.min.js",
                "countries-50m.json")  # fmt: skip

router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(get_store)]
FilterDep = Annotated[GraphFilter, Depends(graph_filter)]


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # every {{ value }} is HTML-escaped, in every template
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["urlkey"] = lambda value: quote(str(value), safe="")
    env.filters["qs"] = lambda params: urlencode(
        {k: v for k, v in dict(params).items() if v not in (None, "")}
    )
    env.globals["version"] = __version__
    return env


templates = Jinja2Templates(env=_environment())


def vendor_ready() -> bool:
    """Whether `make setup` built the front-end files (static/vendor/)."""
    return all((STATIC / "vendor" / name).is_file() for name in VENDOR_FILES)


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("vendor_ready", vendor_ready())
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def error_page(request: Request, status_code: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status_code=status_code, status=status_code,
                  message=message)  # fmt: skip


def _filtered(
    select: Callable[[Store, GraphFilter], tuple[list[Any], bool]], store: Store, flt: GraphFilter
) -> tuple[list[Any], dict[str, Any]]:
    """What `select` finds for a filtered page, and the page's filter context (facets,
    query, total, truncated, problem); a filter naming no actor finds nothing and says so."""
    try:
        found, truncated = select(store, flt)
        problem = None
    except NotFound as exc:
        found, truncated, problem = [], False, str(exc)
    context = {
        "facets": facet_queries.facets(store),
        "flt": flt,
        "query": as_query(flt),
        "total": len(found),
        "truncated": truncated,
        "problem": problem,
    }
    return found, context


@router.get("/", response_class=HTMLResponse)
def graph_page(request: Request, store: StoreDep, flt: FilterDep) -> HTMLResponse:
    found, context = _filtered(edge_queries.select_edges, store, flt)
    return render(request, "graph.html", edges=found[:100], stats=store.stats(), **context)


@router.get("/edges/{edge_id}", response_class=HTMLResponse)
def edge_page(request: Request, store: StoreDep, edge_id: EdgeId) -> HTMLResponse:
    try:
        edge, items = edge_queries.evidence(store, edge_id)
    except NotFound as exc:
        return error_page(request, 404, str(exc))
    for item in items:
        item["pieces"] = display.split(item["sentence"], item["highlights"])
    return render(request, "edge.html", edge=edge, items=items)


@router.get("/actors/{key:path}", response_class=HTMLResponse)
def actor_page(request: Request, store: StoreDep, key: ActorKey) -> HTMLResponse:
    try:
        resolved = actor_queries.resolve_key(store, key)
    except NotFound as exc:
        return error_page(request, 404, str(exc))
    return render(
        request,
        "actor.html",
        actor=store.actor(resolved),
        edges=edge_queries.select_edges(store, GraphFilter(actor=resolved, limit=1000))[0],
        documents=actor_queries.actor_documents(store, resolved),
    )


@router.get("/documents", response_class=HTMLResponse)
def documents_page(
    request: Request,
    store: StoreDep,
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> HTMLResponse:
    size = 100
    found, total = document_queries.list_documents(store, limit=size, offset=(page - 1) * size)
    return render(request, "documents.html", documents=found, total=total, page=page,
                  pages=max(1, -(-total // size)))  # fmt: skip


@router.get("/documents/{doc_key}", response_class=HTMLResponse)
def document_page(request: Request, store: StoreDep, doc_key: DocKey) -> HTMLResponse:
    try:
        doc = document_queries.document(store, doc_key)
    except NotFound as exc:
        return error_page(request, 404, str(exc))
    for claim in doc["claims"]:
        claim["pieces"] = display.split(claim["sentence"], claim["highlights"])
    pieces = display.segments(doc["text"], doc["mentions"], doc["claims"]) if doc["text"] else []
    return render(request, "document.html", doc=doc, pieces=pieces)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, store: StoreDep, flt: FilterDep) -> HTMLResponse:
    flt = GraphFilter(**{**flt.__dict__, "limit": min(flt.limit, 2000)})
    found, context = _filtered(claim_queries.select_claims, store, flt)
    months: OrderedDict[str, list[dict[str, Any]]] = OrderedDict()
    for item in found:
        months.setdefault(item["date"][:7] if item["date"] else "undated", []).append(item)
    return render(request, "timeline.html", months=months, chart=_chart(months), **context)


def _continuous(months: OrderedDict[str, list[dict[str, Any]]]) -> dict[str, list[Any]]:
    """The months with claims and the empty months between them (up to ten years), so the
    chart's axis is time; "undated" stays last."""
    dated = [m for m in months if m != "undated" and len(m) == 7]
    if not dated:
        return dict(months)
    (y0, m0), (y1, m1) = (
        divmod(int(d[:4]) * 12 + int(d[5:]) - 1, 12) for d in (dated[0], dated[-1])
    )
    span = (y1 * 12 + m1) - (y0 * 12 + m0)
    if span > 120:
        return dict(months)
    out: dict[str, list[Any]] = {}
    for k in range(y0 * 12 + m0, y1 * 12 + m1 + 1):
        name = f"{k // 12:04d}-{k % 12 + 1:02d}"
        out[name] = months.get(name, [])
    for name, items in months.items():
        out.setdefault(name, items)
    return out


def _chart(months: OrderedDict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Bar geometry of claims per month (affirmed above, denied stacked on top)."""
    height, step, width = 120, 34, 24
    top = max((len(items) for items in months.values()), default=1)
    bars = []
    for i, (month, items) in enumerate(_continuous(months).items()):
        denied = sum(1 for c in items if c["polarity"] == "denied")
        total_h = round(height * len(items) / top)
        denied_h = round(height * denied / top)
        bars.append({
            "x": 30 + i * step, "width": width, "month": month, "count": len(items),
            "denied": denied, "y": 10 + height - total_h, "h": total_h - denied_h,
            "dy": 10 + height - total_h, "dh": denied_h,
        })  # fmt: skip
    return {"bars": bars, "width": 40 + len(bars) * step, "height": height + 50,
            "base": 10 + height, "top": top}  # fmt: skip


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, store: StoreDep) -> HTMLResponse:
    return render(request, "map.html", places=place_queries.places(store))


@router.get("/api", response_class=HTMLResponse)
def api_page(request: Request) -> HTMLResponse:
    schema = request.app.openapi()
    endpoints = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            endpoints.append({
                "method": method.upper(), "path": path, "summary": op.get("summary", ""),
                "description": op.get("description", ""),
                "parameters": [
                    {"name": p["name"], "in": p["in"], "required": p.get("required", False),
                     "description": p.get("description", ""),
                     "type": _type_name(p.get("schema", {}))}
                    for p in op.get("parameters", [])
                ],
            })  # fmt: skip
    return render(request, "api.html", endpoints=endpoints)


def _type_name(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " | ".join(_type_name(s) for s in schema["anyOf"] if s.get("type") != "null")
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    return str(schema.get("type", ""))
