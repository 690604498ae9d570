"""Claims of one parsed document: frames, titles and context rules, then attribution,
pairing of "respective" lists and denials of earlier accusations."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span

from proxygraph.extract.args import MentionMap
from proxygraph.extract.attribution import Attribution, Attributor
from proxygraph.extract.candidates import Candidate
from proxygraph.extract.context_rules import ContextRules
from proxygraph.extract.cooperation import CooperationReader
from proxygraph.extract.denials import DenialReader
from proxygraph.extract.descriptions import DescriptionResolver
from proxygraph.extract.frames import FrameMatcher
from proxygraph.extract.located import LocatedReader
from proxygraph.extract.meetings import MeetingReader
from proxygraph.extract.opposes import OpposesReader
from proxygraph.extract.patterns import Patterns
from proxygraph.extract.roles import RoleReader
from proxygraph.extract.same_as import SameAsReader
from proxygraph.extract.timex import claim_time
from proxygraph.extract.titles import TitleReader
from proxygraph.kb.loader import KnowledgeBase
from proxygraph.nlp.found import Found
from proxygraph.nlp.lexicon import Lexicon
from proxygraph.records import ActorRef, Claim

_OWN = frozenset({"SUPPORTS", "FIGHTS"})  # relations whose post-processing is ours
# A rough prior per rule family: titles and appositions are the most reliable reading,
# rules that combine context (participation, meeting parties, protection) the least.
CONFIDENCE = {"frame": 0.7, "title": 0.8, "context": 0.6, "denial-of-previous": 0.6}
CONTEXT_RULES = frozenset(
    {
        "meets-participation",
        "located-origin",
        "supports-under-protection",
        "cooperates-meeting-parties",
    }
)


class ClaimExtractor(DescriptionResolver, DenialReader):
    """Turns a doc and its mentions into Claim records.

    kb (KnowledgeBase): for demonyms and state roll-up.
    patterns (Patterns): frames and cues from the data files.
    disabled (set[str]): rule names to skip.
    """

    def __init__(
        self,
        kb: KnowledgeBase,
        lex: Lexicon,
        patterns: Patterns,
        demonym_of: dict[str, str],
        disabled: Iterable[str] = (),
    ) -> None:
        self.kb = kb
        self.lex = lex
        self.p = patterns
        self.demonym_of = demonym_of
        self.disabled = set(disabled)
        self.past = [tuple(p.split()) for p in patterns.cues["past_words"]]
        self.group_heads = frozenset(patterns.cues.get("group_heads", []))
        self._backed: dict[str, list[Found]] = {}

    def extract(
        self, doc: Doc, found: list[Found], outlet: str, on: date | None = None
    ) -> list[Claim]:
        """The claims of a parsed document.

        found (list[Found]): its mentions; outlet (str): the default claimant;
        on (date | None): the document's date (which office a titled person held).
        """
        demonyms = self._demonym_actors(doc)
        mentions = MentionMap(
            doc,
            found,
            describe=lambda tok: self._organ_description(tok, found),
            demonyms=demonyms,
            demonym_heads=frozenset(self.p.cues.get("demonym_heads", [])),
        )
        frames = FrameMatcher(mentions, self.p, demonyms)
        context = ContextRules(mentions, self.p.cues)
        attributor = Attributor(mentions, self.p.cues)
        cands: list[Candidate] = []
        self._backed = {}  # backer -> groups the document has said it backs, so far
        # OPPOSES / COOPERATES_WITH / MEETS_WITH beyond one trigger's frame
        opposes = OpposesReader(mentions, self.p.cues)
        cooperation = CooperationReader(mentions, self.p.cues)
        meetings = MeetingReader(mentions, self.p.cues)
        for sent in doc.sents:
            here = frames.sentence(sent)
            here += opposes.sentence(sent) + cooperation.sentence(sent) + meetings.sentence(sent)
            here = meetings.drop_mediators(sent, here)
            context.remember_meetings(here)
            here += context.sentence(sent, here)
            cands += here
            for c in here:
                if c.relation == "SUPPORTS" and c.target.type == "ARMED_GROUP":
                    self._backed.setdefault(self.root_state(c.source), []).append(c.target)
        cands += TitleReader(mentions).read()
        # membership relations (extract/roles.py, extract/located.py, extract/same_as.py)
        cands += self._membership(mentions, frames, on)
        cands = [
            c
            for c in cands
            if c.rule not in self.disabled
            and c.rule.split("+")[0] not in self.disabled
            and self._allowed(c)
        ]
        cands = self._forces_of_leader(doc, cands)
        cands = [
            self._ministry_as_state(c)
            for c in self._speak_for_state(cands)
            if not self._self_relation(c)
        ]
        cands = [c for c in cands if c.relation not in _OWN or c.source.name != c.target.name]
        cands = self._pair_respective(cands)
        claims: list[Claim] = []
        for cand in cands:
            att = attributor.attribute(doc[cand.trigger], rule=cand.rule)
            if not att.directive:
                made = self._claims(doc, cand, att, outlet)
                claims += made
                if "denial-despite" not in self.disabled:
                    claims += self._despite_denials(doc, mentions, cand, made[:1])
        if "denial-of-previous" not in self.disabled:
            claims += self._denials_of_previous(doc, mentions, claims, outlet)
        return _dedupe(claims, self.p)

    # --- helpers ------------------------------------------------------------------
    def _membership(
        self, mentions: MentionMap, frames: FrameMatcher, on: date | None
    ) -> list[Candidate]:
        """MEMBER_OF/LEADS (roles.py), LOCATED_IN (located.py), SAME_AS (same_as.py)."""
        return (
            RoleReader(
                mentions,
                set(self.lex.titles),
                set(self.lex.leader_titles),
                self.kb,
                frames.demonyms,
                self.lex,
                on=on,
            ).read()
            + LocatedReader(mentions, self.kb).read()
            + SameAsReader(mentions).read()
        )

    def _time_of(self, sent: Span) -> str | None:
        """The claim time of a sentence, computed once per sentence of the current doc."""
        doc = sent.doc
        if getattr(self, "_time_doc", None) is not doc:
            self._time_doc = doc
            self._time_cache: dict[int, str | None] = {}
        if sent.start not in self._time_cache:
            self._time_cache[sent.start] = claim_time(sent, self.past)
        return self._time_cache[sent.start]

    def _demonym_actors(self, doc: Doc) -> dict[str, Found]:
        out: dict[str, Found] = {}
        for tok in doc:
            sid = self.demonym_of.get(tok.lower_)
            if sid and tok.lower_ not in out and sid in self.kb.actors:
                gov = self.kb.governing(sid, None) or self.kb.actors[sid]
                out[tok.lower_] = Found(
                    tok.i, tok.i + 1, gov.type, gov.id, gov.name, "demonym", kb_ids=(sid,)
                )
        return out

    def _allowed(self, c: Candidate) -> bool:
        rule = self.p.relations[c.relation]
        target_type = c.target.type
        if c.relation == "LOCATED_IN" and target_type == "STATE":
            target_type = "LOCATION"
        return c.source.type in rule.source_types and target_type in rule.target_types

    def _forces_of_leader(self, doc: Doc, cands: list[Candidate]) -> list[Candidate]:
        """ "the forces of President X", "X's troops": the state X leads, when the text
        says X leads a state."""
        nouns = set(self.p.cues.get("force_nouns", []))
        leads = {
            c.source.name: c.target
            for c in cands
            if c.relation == "LEADS" and c.source.type == "PERSON" and c.target.type == "STATE"
        }
        if not leads:
            return cands

        def owned_force(f: Found) -> bool:
            tok = doc[f.end - 1]
            if tok.dep_ == "poss":
                return tok.head.lower_ in nouns
            return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in nouns

        out: list[Candidate] = []
        for c in cands:
            if c.relation in _OWN:
                ends = [
                    leads[f.name] if f.name in leads and owned_force(f) else f
                    for f in (c.source, c.target)
                ]
                if ends[0] is not c.source or ends[1] is not c.target:
                    c = replace(c, source=ends[0], target=ends[1], rule=c.rule + "+leader-forces")
            out.append(c)
        return out

    def _ministry_as_state(self, c: Candidate) -> Candidate:
        """A ministry that strikes or backs someone acts for its state ("the Pentagon said
        it struck KH": the United States); ministries speak for the state."""
        if c.relation not in ("SUPPORTS", "FIGHTS"):
            return c
        ends = []
        for f in (c.source, c.target):
            actor = self.kb.get(f.actor_id) if f.type == "STATE_AGENCY" else None
            ministry = actor is not None and (actor.organ or "").endswith("_ministry")
            ends.append((self._state_found(f) if ministry else None) or f)
        if ends[0] is c.source and ends[1] is c.target:
            return c
        return replace(c, source=ends[0], target=ends[1], rule=c.rule + "+ministry-state")

    def _self_relation(self, c: Candidate) -> bool:
        """A state backing or fighting its own organ ("Russia trains the Russian army") is
        a misread antecedent, not a claim."""
        if c.relation not in ("SUPPORTS", "FIGHTS"):
            return False
        ends = (c.source, c.target)
        if any(f.type not in ("STATE", "STATE_AGENCY") for f in ends):
            return False
        return self.root_state(c.source) == self.root_state(c.target)

    def root_state(self, f: Found) -> str:
        if f.part_of:
            return f.part_of
        if f.actor_id and "~" in f.actor_id:
            return f.actor_id.split("~")[0]
        return f.actor_id or f.name

    def _speak_for_state(self, cands: list[Candidate]) -> list[Candidate]:
        """A spokesperson or minister of a state acts as that state ("the spokesman warned
        Pakistan" -> the Taliban warned Pakistan); membership claims keep the person."""
        roles = [r.lower() for r in self.p.cues.get("speaks_for_state_roles", [])]
        voice: dict[str, Found] = {}
        for c in cands:
            if c.relation not in ("MEMBER_OF", "LEADS") or c.source.type != "PERSON":
                continue
            if not c.role or not any(r in c.role for r in roles):
                continue
            state = self._state_found(c.target)
            if state is not None:
                voice.setdefault(c.source.name, state)
        fighters = {  # "killed Qari Fateh, a commander of ISKP": the fight is with ISKP
            c.source.name: c.target
            for c in cands
            if c.relation in ("MEMBER_OF", "LEADS")
            and c.source.type == "PERSON"
            and c.target.type == "ARMED_GROUP"
        }
        if not voice and not fighters:
            return cands
        out: list[Candidate] = []
        for c in cands:
            if c.relation == "FIGHTS" and (c.source.name in fighters or c.target.name in fighters):
                src = fighters.get(c.source.name, c.source)
                tgt = fighters.get(c.target.name, c.target)
                if src.name == tgt.name:
                    continue
                c = Candidate(
                    src,
                    c.relation,
                    tgt,
                    c.trigger,
                    c.rule + "+member-group",
                    c.support_type,
                    c.kind,
                    c.role,
                    c.respective,
                )
            speaker = voice.get(c.source.name)
            # a meeting links the people named as meeting (eval conventions), not their state
            if speaker is not None and c.relation not in (
                "MEMBER_OF",
                "LEADS",
                "LOCATED_IN",
                "MEETS_WITH",
            ):
                if speaker.name == c.target.name:
                    continue
                c = Candidate(
                    speaker,
                    c.relation,
                    c.target,
                    c.trigger,
                    c.rule + "+speaks-for",
                    c.support_type,
                    c.kind,
                    c.role,
                    c.respective,
                )
            out.append(c)
        return out

    def _state_found(self, org: Found) -> Found | None:
        """The state an organisation mention belongs to, as a Found at the same place."""
        if org.type == "STATE":
            return org
        if org.type != "STATE_AGENCY":
            return None
        state_id = self.root_state(org)
        state = self.kb.get(state_id)
        if state is None:
            return None
        return Found(org.start, org.end, state.type, state.id, state.name, org.rule)

    def _pair_respective(self, cands: list[Candidate]) -> list[Candidate]:
        """ "support for their respective proxies, namely A and B": pair each backer with
        the proxy the rest of the document says it backs; else in the order written."""
        groups: dict[tuple[int, str], list[Candidate]] = {}
        rest: list[Candidate] = []
        for c in cands:
            if c.respective:
                groups.setdefault((c.trigger, c.relation), []).append(c)
            else:
                rest.append(c)
        known = {
            (self.root_state(c.source), c.target.name) for c in rest if c.relation == "SUPPORTS"
        }
        out = list(rest)
        for group in groups.values():
            sources = _ordered_unique([c.source for c in group])
            targets = _ordered_unique([c.target for c in group])
            pairs: dict[int, int] = {}
            for si, s in enumerate(sources):
                for ti, t in enumerate(targets):
                    if (self.root_state(s), t.name) in known and ti not in pairs.values():
                        pairs[si] = ti
            free_t = [ti for ti in range(len(targets)) if ti not in pairs.values()]
            for si in range(len(sources)):
                if si not in pairs and free_t:
                    pairs[si] = free_t.pop(0)
            for si, ti in pairs.items():
                proto = group[0]
                out.append(
                    Candidate(
                        sources[si],
                        proto.relation,
                        targets[ti],
                        proto.trigger,
                        proto.rule + "+respective",
                        proto.support_type,
                        proto.kind,
                        proto.role,
                    )
                )
        return out

    def _ref(self, doc: Doc, f: Found, as_place: bool = False) -> ActorRef:
        span = doc[f.start : f.end]
        name, typ, aid = f.name, f.type, f.actor_id
        if as_place and typ == "STATE":
            place = self.kb.get(f.kb_ids[0]) if f.kb_ids else None
            if place is not None:
                name, aid = place.name, place.id
            typ = "LOCATION"
        if as_place and "metonym" in f.rule:
            name, aid = span.text, None  # "in Kabul": the city, not the state it stands for
        return ActorRef(
            name=name,
            type=typ,
            actor_id=aid,
            mention=span.text,
            start=span.start_char,
            end=span.end_char,
        )

    def _source_support(self, doc: Doc, c: Candidate) -> tuple[str, ...] | None:
        """ "Russian instructors helped X": the backer's own words name the support."""
        if c.relation != "SUPPORTS" or c.support_type not in (None, ("unspecified",)):
            return c.support_type
        for tok in doc[c.source.start : c.source.end]:
            stype = self.p.support_words.get((tok.lower_,))
            if stype and stype != "unspecified":
                return (stype,)
        return c.support_type

    def _claims(self, doc: Doc, c: Candidate, att: Attribution, outlet: str) -> list[Claim]:
        sent = doc[c.trigger].sent
        base = dict(
            source=self._ref(doc, c.source),
            relation=c.relation,
            target=self._ref(doc, c.target, as_place=c.relation == "LOCATED_IN"),
            evidence_start=sent.start_char,
            evidence_end=sent.end_char,
            evidence_text=sent.text,
            support_type=self._source_support(doc, c),
            kind=c.kind,
            role=c.role,
            time=self._time_of(sent),
        )
        family = c.rule.split("-")[0]
        if family in ("title", "role", "apposition"):
            conf = CONFIDENCE["title"]
        elif c.rule in CONTEXT_RULES:
            conf = CONFIDENCE["context"]
        else:
            conf = CONFIDENCE["frame"]
        out = [
            Claim(
                **base,
                rule=f"{c.rule}|{att.rule}",
                polarity=att.polarity,
                modality=att.modality,
                claimant_name=att.claimant.name if att.claimant else outlet,
                claimant_mention=_text(doc, att.claimant),
                confidence=conf,
            )
        ]
        if att.also_alleged_by is not None:
            alleger = att.also_alleged_by
            out.append(
                Claim(
                    **base,
                    rule=f"{c.rule}|claim-noun",
                    polarity="affirmed",
                    modality="alleged",
                    claimant_name=alleger.name,
                    claimant_mention=_text(doc, alleger),
                    confidence=conf,
                )
            )
        return out


def _text(doc: Doc, f: Found | None) -> str | None:
    return doc[f.start : f.end].text if f is not None else None


def _ordered_unique(items: list[Found]) -> list[Found]:
    out: list[Found] = []
    for f in items:
        if all(f.name != g.name for g in out):
            out.append(f)
    return out


def _dedupe(claims: list[Claim], patterns: Patterns) -> list[Claim]:
    """One claim per (ends, relation, polarity, claimant, sentence); the support types of
    duplicates are merged, a specific type replacing `unspecified`."""
    merged: dict[tuple, Claim] = {}
    for c in claims:
        ends = (c.source.name, c.target.name)
        if patterns.relations[c.relation].symmetric:
            ends = tuple(sorted(ends))
        key = (ends, c.relation, c.polarity, c.claimant_name, c.evidence_start)
        prior = merged.get(key)
        if prior is None:
            merged[key] = c
        elif c.support_type:
            types = [*(prior.support_type or ()), *c.support_type]
            types = list(dict.fromkeys(types))
            if len(types) > 1 and "unspecified" in types:
                types.remove("unspecified")
            merged[key] = replace(prior, support_type=tuple(types))
    return list(merged.values())


def sentence_of(doc: Doc, i: int) -> Span:
    return doc[i].sent
