"""FollowTheMoney entities (JSON Lines of `EntityProxy.to_dict()`), for Aleph and the `ftm`
tools. Needs the optional extra: `pip install 'proxygraph[ftm]'`.

Actors become entities by type, claims edges become relationship entities; every claim
behind an edge is quoted in the relationship's `description`, with its outlet, date and
claimant, so nothing reaches Aleph as an unsourced fact:

| proxygraph | FtM |
|---|---|
| PERSON | Person |
| STATE, STATE_AGENCY | PublicBody (an agency's `parent` is its state, when exported) |
| ARMED_GROUP, POLITICAL_ORG, INTERNATIONAL_ORG | Organization |
| LOCATION | Address |
| MEMBER_OF (target an organisation) | Membership (member, organization) |
| LEADS (target an organisation) | Directorship (director, organization), role "leads" |
| every other relation | UnknownLink (subject, object), role e.g. "supports (weapons)" |

Relationship properties: `role`, `summary` (who asserts, who denies, how corroborated),
`description` (the evidence), `status` ("asserted", "contested" or "denied": the claims'
state, never a finding), `date` (first and last report), `publisher` (outlets), `sourceUrl`
(document URLs) and `recordId` (the proxygraph edge id).
"""

from __future__ import annotations

import json

from proxygraph.errors import ExportError
from proxygraph.export.base import Exporter, register
from proxygraph.export.graph import GraphEdge, GraphNode
from proxygraph.store import Edge, Evidence

try:
    from followthemoney import model
    from followthemoney.proxy import EntityProxy
    from followthemoney.schema import Schema
    from followthemoney.types import registry
    from followthemoney.util import make_entity_id
except ModuleNotFoundError as exc:  # pragma: no cover - depends on the installed extras
    if exc.name is None or exc.name.split(".")[0] not in ("followthemoney", "icu"):
        raise
    raise ExportError(
        "--format ftm needs the followthemoney library: pip install 'proxygraph[ftm]' "
        "(PyICU builds against libicu-dev, pkg-config and g++)"
    ) from exc

ID_PREFIX = "proxygraph"
ACTOR_SCHEMAS: dict[str, str] = {
    "PERSON": "Person",
    "STATE": "PublicBody",
    "STATE_AGENCY": "PublicBody",
    "ARMED_GROUP": "Organization",
    "POLITICAL_ORG": "Organization",
    "INTERNATIONAL_ORG": "Organization",
    "LOCATION": "Address",
}
# relation -> (schema, source property, target property), when the target is an Organization
INTEREST_SCHEMAS: dict[str, tuple[str, str, str]] = {
    "MEMBER_OF": ("Membership", "member", "organization"),
    "LEADS": ("Directorship", "director", "organization"),
}
RELATION_ROLES: dict[str, str] = {
    "SUPPORTS": "supports",
    "COOPERATES_WITH": "cooperates with",
    "MEETS_WITH": "meets with",
    "FIGHTS": "fights",
    "OPPOSES": "opposes",
    "MEMBER_OF": "member of",
    "LEADS": "leads",
    "LOCATED_IN": "located in",
    "SAME_AS": "same as",
}
# what of the description fits in one FtM text value (65,000 characters), with a margin
MAX_DESCRIPTION = registry.text.max_length - 1000


def actor_schema(actor_type: str) -> str:
    """The FtM schema name of a proxygraph actor type (LegalEntity if unknown)."""
    return ACTOR_SCHEMAS.get(actor_type, "LegalEntity")


def _schema(actor_type: str) -> Schema:
    found = model.get(actor_schema(actor_type))
    assert found is not None
    return found


def entity_id(kind: str, key: str) -> str:
    """A stable FtM id: a hash of the prefix, the kind (actor or edge) and the key."""
    made = make_entity_id(ID_PREFIX, kind, key)
    assert made is not None
    return made


def relation_role(edge: Edge) -> str:
    role = RELATION_ROLES.get(edge.relation, edge.relation.lower().replace("_", " "))
    return f"{role} ({edge.support_type})" if edge.support_type else role


def edge_status(edge: Edge) -> str:
    """The state of the claims: contested, denied (only denials) or asserted."""
    if edge.contested:
        return "contested"
    return "denied" if edge.affirmed == 0 and edge.denied > 0 else "asserted"


def edge_summary(edge: Edge) -> str:
    parts = [f"Claim: {edge.source} {relation_role(edge)} {edge.target}."]
    if edge.claimants:
        parts.append(f"Asserted by {', '.join(edge.claimants)}.")
    if edge.deniers:
        parts.append(f"Denied by {', '.join(edge.deniers)}.")
    parts.append(
        f"{edge.claims} claims in {edge.documents} documents from {edge.outlets} outlets "
        f"({edge.independent_outlets} independent); {edge.affirmed} affirmed, "
        f"{edge.denied} denied. proxygraph edge {edge.edge_id}."
    )
    return " ".join(parts)


def evidence_line(ev: Evidence) -> str:
    """One claim as a quoted sentence with its source."""
    by = ev.claimant + (f' ("{ev.claimant_mention}")' if ev.claimant_mention else "")
    source = ", ".join(x for x in (ev.outlet, ev.date or "undated", ev.title, ev.url) if x)
    sentence = " ".join(ev.sentence.split())
    return f'{ev.polarity}, {ev.modality}, by {by}: "{sentence}" ({source}; doc {ev.doc_id})'


def edge_description(item: GraphEdge) -> str:
    """Every claim behind the edge, one per line, cut to fit one FtM text value."""
    lines: list[str] = []
    size = 0
    for n, ev in enumerate(item.evidence):
        line = f"- {evidence_line(ev)}"
        if size + len(line) + 1 > MAX_DESCRIPTION:
            rest = len(item.evidence) - n
            lines.append(f"({rest} more claims: proxygraph evidence {item.edge.edge_id})")
            break
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines)


@register
class FtMExporter(Exporter):
    name = "ftm"
    suffix = ".ftm.json"
    description = "FollowTheMoney entities as JSON lines, for Aleph (needs proxygraph[ftm])"
    needs_evidence = True

    def __init__(self, target: str) -> None:
        super().__init__(target)
        self._nodes: dict[str, GraphNode] = {}  # buffered until every node is known
        self._emitted: set[str] = set()  # actor keys written out
        self._out = self.open_text()

    def write(self, item: GraphNode | GraphEdge) -> None:
        if isinstance(item, GraphNode):
            self._nodes[item.key] = item
            return
        self._flush_nodes()
        e = item.edge
        for key, name, kind in ((e.source_key, e.source, e.source_type),
                                (e.target_key, e.target, e.target_type)):  # fmt: skip
            if key not in self._emitted:  # an end not fed as a node: a bare entity
                self._emit(self._bare_actor(key, name, kind))
                self._emitted.add(key)
        self._emit(self.edge_entity(item))

    def finalize(self) -> None:
        self._flush_nodes()
        self.close_text(self._out)

    def _flush_nodes(self) -> None:
        for key, node in self._nodes.items():
            if key not in self._emitted:
                self._emit(self.actor_entity(node))
                self._emitted.add(key)

    def _emit(self, proxy: EntityProxy) -> None:
        self._out.write(json.dumps(proxy.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")

    def _bare_actor(self, key: str, name: str, kind: str) -> EntityProxy:
        proxy = model.make_entity(actor_schema(kind))
        proxy.id = entity_id("actor", key)
        proxy.add("name", name)
        if proxy.schema.name == "Address":
            proxy.add("full", name)
        return proxy

    def actor_entity(self, node: GraphNode) -> EntityProxy:
        """The FtM entity of an actor."""
        a = node.actor
        proxy = self._bare_actor(a.key, a.name, a.type)
        schema = proxy.schema
        if schema.name == "Address":
            proxy.add("country", node.country)
            proxy.add("summary", f"Place in the proxygraph claim graph ({a.key}).")
            return proxy
        proxy.add("alias", a.aliases)
        proxy.add("country", node.country)
        if schema.is_a("Organization"):
            proxy.add("jurisdiction", node.country)
            parent = self._nodes.get(a.part_of_key or "")
            if parent is not None and _schema(parent.actor.type).is_a("Organization"):
                proxy.add("parent", entity_id("actor", parent.key))
        if node.wikidata:
            proxy.add("wikidataId", node.wikidata)
        summary = f"{a.type.replace('_', ' ').lower()} in the proxygraph claim graph ({a.key})"
        if a.part_of:
            summary += f"; part of {a.part_of}"
        proxy.add("summary", summary[0].upper() + summary[1:] + ".")
        return proxy

    def edge_entity(self, item: GraphEdge) -> EntityProxy:
        """The FtM relationship entity of an edge, with its evidence as description."""
        e = item.edge
        source_id, target_id = entity_id("actor", e.source_key), entity_id("actor", e.target_key)
        schema, src_prop, tgt_prop = "UnknownLink", "subject", "object"
        if (e.relation in INTEREST_SCHEMAS
                and _schema(e.target_type).is_a("Organization")
                and _schema(e.source_type).is_a("LegalEntity")):  # fmt: skip
            schema, src_prop, tgt_prop = INTEREST_SCHEMAS[e.relation]
        proxy = model.make_entity(schema)
        proxy.id = entity_id("edge", e.edge_id)
        proxy.add(src_prop, source_id)
        proxy.add(tgt_prop, target_id)
        proxy.add("role", relation_role(e))
        proxy.add("summary", edge_summary(e))
        proxy.add("description", edge_description(item) or None)
        proxy.add("status", edge_status(e))
        proxy.add("date", [d for d in (e.first_date, e.last_date) if d])
        proxy.add("publisher", e.outlet_names)
        proxy.add("sourceUrl", sorted({ev.url for ev in item.evidence if ev.url}))
        proxy.add("recordId", e.edge_id)
        return proxy

