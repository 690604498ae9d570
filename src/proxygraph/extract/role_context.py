"""The organisation of a role whose phrase names none, from knowledge and context.

"President X", "Defence Minister X", "Government spokesman X", "army chief X": the title
names an office but not whose. The KB may know the office the person held on the
document's date; otherwise the state is the one the sentence names, or the one the
discourse speaks as (the subject of this or the last sentences). A person's state, once
read off a role, is remembered for later sentences of the document.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from proxygraph.extract.args import MentionMap, children
from proxygraph.kb.loader import KnowledgeBase
from proxygraph.nlp.found import Found
from proxygraph.nlp.lexicon import Lexicon, rule_words
from proxygraph.nlp.organs import resolve_organ

DEPUTY = rule_words("deputy")
# Organs whose mention says little about which state a person in the sentence serves
# ("Rwandan troops ... helping President X").
SECURITY_ORGANS = frozenset(
    {"military", "security", "police", "navy", "air_force", "personnel", "intelligence"}
)
# mentions resolved by guessing from context: no evidence of a person's state
INDIRECT_RULES = frozenset(
    {"anaphora", "pronoun", "plural-anaphora", "organ-description", "group-description"}
)
NOT_NOW = rule_words("not_now")


@dataclass(frozen=True)
class RoleTitles:
    """The title words of role reading.

    roles: every noun read as a role, the state and voice titles included.
    leaders: titles that make the holder the leader.
    state: titles of a state office ("president", "interior minister").
    voice: titles of those who speak for a state ("spokesman").
    organ: organ words that make a role an organ's ("army" in "army chief").
    offices: the titles of the offices KB persons hold.
    """

    roles: frozenset[str]
    leaders: set[str]
    state: frozenset[str]
    voice: frozenset[str]
    organ: frozenset[str]
    offices: frozenset[str]

    @classmethod
    def build(
        cls, roles: set[str], leaders: set[str], kb: KnowledgeBase, lex: Lexicon | None
    ) -> RoleTitles:
        """The titles for role nouns `roles`; without a lexicon the KB's state, voice and
        organ titles are left out."""
        names = kb.lexicon.get("names", {}) if lex is not None else {}
        state = frozenset(w.lower() for w in names.get("state_titles", []))
        voice = frozenset(w.lower() for w in names.get("voice_titles", []))
        return cls(
            roles=frozenset(roles | state | voice),
            leaders=leaders,
            state=state,
            voice=voice,
            organ=frozenset(w.lower() for w in names.get("organ_roles", [])),
            offices=frozenset(
                o.title for a in kb.actors.values() if a.type == "PERSON" for o in a.offices
            ),
        )


class RoleContext:
    """Infers the state (or its organ) a role belongs to when its phrase names none.

    mentions (MentionMap): the doc's mentions.
    titles (RoleTitles): the title words.
    kb (KnowledgeBase): for offices, states and their organs.
    demonyms (dict[str, Found]): "russian" -> the Russian state.
    lex (Lexicon | None): organ phrases; without it nothing is inferred.
    on (date | None): the document's date, for the office a KB person held then.
    """

    def __init__(
        self,
        mentions: MentionMap,
        titles: RoleTitles,
        kb: KnowledgeBase,
        demonyms: dict[str, Found],
        lex: Lexicon | None = None,
        on: date | None = None,
    ) -> None:
        self.mentions = mentions
        self.titles = titles
        self.kb = kb
        self.demonyms = demonyms
        self.lex = lex
        self.on = on
        self.doc: Doc = mentions.doc
        self.person_state: dict[str, str] = {}  # person name -> the state their role is in
        self._sents = list(self.doc.sents) if lex is not None else []
        self._sent_at = {s.start: n for n, s in enumerate(self._sents)}

    def remember_state(self, person: Found, org: Found) -> None:
        """Keeps the state of `org`, where a role of `person` is, as the person's state
        (the first one found stays)."""
        state = self.state_of(org)
        if state is not None:
            self.person_state.setdefault(person.name, state[0])

    def led_by(self, person: Found) -> Found | None:
        """What a person leads or serves: the organisation of their KB office on the
        document's date, else the state a role of theirs earlier in the document is in."""
        spec = self.kb.office_org_any(person.actor_id, self.on)
        if spec is None and person.name in self.person_state:
            spec = self.kb.get(self.person_state[person.name])
        if spec is None:
            return None
        return Found(person.start, person.end, spec.type, spec.id, spec.name, "leader-office")

    def is_unlinked_office(self, org: Found, tok: Token) -> bool:
        """An unlinked office name ("Foreign Ministry spokesman", "Interior Minister",
        "chief minister of Balochistan"): the office says nothing of its state."""
        if org.actor_id is not None or self.lex is None:
            return False
        if tok.lower_ not in self.titles.state | self.titles.voice:
            return False
        return org.type == "STATE_AGENCY" or (
            org.type == "POLITICAL_ORG" and org.end - org.start == 1
        )

    def infer_org(self, tok: Token, person: Found) -> tuple[Found, str, str] | None:
        """(organisation, relation, rule) for "President X", "Defence Minister X",
        "Government spokesman X", "army chief X": the state (or its organ) that the context
        names, only when it names one.

        A spokesperson or an organ's officer speaks for the state the discourse speaks as
        (the subject of this or the last sentences); a state office belongs to the one state
        the sentence names outside the person's own phrase, else the nearest one that is not
        only a foreign security organ, else, when the sentence names none, the discourse's."""
        if self.lex is None or children(tok, "poss"):
            return None  # "his adviser", "Afghanistan's caretaker president": owner named
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i]
        before = []
        for t in reversed(self.doc[max(tok.sent.start, tok.i - 5) : tok.i]):
            if t.is_punct and t.text not in ("-", "‐"):
                break
            before.append(t)
        if any(t.lower_ in NOT_NOW for c in mods for t in c.subtree) or any(
            t.lower_ in NOT_NOW for t in before
        ):
            return None  # a former office is one in a past government
        office, known = self._kb_office(tok, mods, person)
        if office is not None:
            return office, office.rule, "kb-office"
        if known:
            return None  # the KB has this title for the person, but not on this date
        organ = next(
            (
                self.lex.organ_phrases.get((c.lower_,))
                for c in mods
                if c.lower_ in self.titles.organ and (c.lower_,) in self.lex.organ_phrases
            ),
            None,
        )
        voice = tok.lower_ in self.titles.voice
        office = (
            tok.lower_ in self.titles.state
            or hyphenated(tok) in self.titles.state
            or is_compound_role(tok, self.titles.roles)
        )
        if organ is None and not voice and not office:
            return None
        sent = tok.sent
        if organ is not None or voice:
            # a spokesperson speaks for the voice of the last few sentences; an organ's
            # officer belongs to the state of this sentence's or the last one's subject
            back = 3 if voice else 1
            state, where = self._discourse_state(sent, person, back=back), "discourse"
            if state is None:
                state, _ = self._sentence_state(sent, person, only_one=True)
                where = "sentence"
        else:
            state, named_any = self._sentence_state(sent, person)
            where = "sentence"
            if state is None and not named_any and self._is_subject(person):
                # "Prime Minister X praised the troops": the office holder acts for the
                # state the previous sentence spoke as
                state, where = self._discourse_state(sent, person, back=1), "discourse"
        if state is None:
            return None
        deputy = {c.lower_ for c in mods} & DEPUTY
        leader = (
            tok.lower_ in self.titles.leaders or hyphenated(tok) in self.titles.leaders
        ) and not deputy
        if organ is not None:
            spec = self.kb.get(state.kb_ids[0] if state.kb_ids else state.actor_id)
            if spec is None:
                return None
            demonym = spec.demonyms[0] if spec.demonyms else spec.name
            aid, name, typ, part_of = resolve_organ(self.kb, self.lex, spec, organ, demonym, None)
            agency = Found(state.start, state.end, typ, aid, name, state.rule, part_of)
            return agency, "LEADS" if leader else "MEMBER_OF", f"organ-{where}"
        words = {t.lower_ for c in mods for t in c.subtree}
        if tok.lower_ == "minister" and "prime" in words:
            leader = not deputy
        return state, "LEADS" if leader else "MEMBER_OF", f"state-{where}"

    def _kb_office(self, tok: Token, mods: list[Token], person: Found) -> tuple[Found | None, bool]:
        """(the state or group of a KB person's office, when the title before the name is
        one of their offices: "President X", "army chief X", "Foreign Minister X" — its rule
        is the relation, LEADS or MEMBER_OF; whether the KB knows such an office of theirs
        at all). Knowledge, not context."""
        if not self.titles.offices:
            return None, False
        # a linked person, or a lone surname after the title ("President Hollande")
        ids = [person.actor_id] if person.actor_id else self.kb.persons_by_surname(person.name)
        if not ids:
            return None, False
        words = {t.lower_ for c in mods for t in c.subtree} | {tok.lower_}
        if words & DEPUTY:
            return None, False
        titles = {
            t
            for t in self.titles.offices
            if t.split()[-1] == tok.lower_ and set(t.split()) <= words
        }
        if not titles:
            return None, False
        specs = {s.id: s for i in ids if (s := self.kb.office_org(i, titles, self.on))}
        if len(specs) > 1:
            return None, False  # a surname shared by leaders of several states: unsure
        if not specs:
            held = any(self.kb.office_org(i, titles, None) is not None for i in ids)
            return None, held
        spec = next(iter(specs.values()))
        leads = any(self._leading(t) for t in titles)
        # the Found's rule carries the relation: a leading office LEADS, another is MEMBER_OF
        rel = "LEADS" if leads else "MEMBER_OF"
        return Found(tok.i, tok.i + 1, spec.type, spec.id, spec.name, rel), True

    def _leading(self, title: str) -> bool:
        """Whether an office title makes its holder the leader ("president", "prime
        minister", "supreme leader", "army chief"), not a member ("foreign minister")."""
        words = title.split()
        return "leader" in words or "prime" in words or words[-1] in self.titles.leaders

    def _is_subject(self, person: Found) -> bool:
        head = self.doc[person.start : person.end].root
        return head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ == "ROOT"

    def state_of(self, f: Found) -> tuple[str, bool] | None:
        """(governing state id, named only as a security organ) of a mention, if any."""
        if f.type == "PERSON":
            sid = self.person_state.get(f.name)
            return (sid, False) if sid else None
        if f.actor_id is None:
            return None
        spec = self.kb.get(f.actor_id)
        organ_only = f.type == "STATE_AGENCY"
        if spec is None:
            if "~" not in f.actor_id:
                return None
            spec, organ_only = self.kb.get(f.actor_id.split("~")[0]), True
        elif spec.type != "STATE":
            if f.type not in ("STATE_AGENCY", "STATE"):
                return None
            spec = self.kb.state_of(spec.id)
        if spec is None:
            return None
        if f.rule == "organ-phrase" and self.lex is not None:
            last = self.doc[f.end - 1].lower_
            organ_only = organ_only or self.lex.organ_phrases.get((last,)) in SECURITY_ORGANS
        gov = self.kb.governing(spec.id, None) or spec
        return gov.id, organ_only

    def _state_found(self, f: Found, sid: str) -> Found:
        gov = self.kb.get(sid)
        assert gov is not None
        place = f.kb_ids[0] if f.kb_ids else sid
        return Found(f.start, f.end, gov.type, gov.id, gov.name, "role-context", kb_ids=(place,))

    def _sentence_state(
        self, sent: Span, person: Found, only_one: bool = False
    ) -> tuple[Found | None, bool]:
        """(the state the sentence names for a person's office, whether it names any).
        A state reached only through an anaphor counts as named but is not taken."""
        head = self.doc[person.start : person.end].root
        own = {t.i for t in head.subtree}
        acted_on = _acted_on(head)
        seen: dict[str, tuple[int, bool, Found]] = {}  # state -> (distance, organ only, mention)

        def add(f: Found, got: tuple[str, bool] | None) -> None:
            if got is None or f.start in own or f.start in acted_on:
                return
            sid, organ_only = got
            dist = abs(f.start - person.start)
            prior = seen.get(sid)
            if prior is None:
                seen[sid] = (dist, organ_only, f)
            else:
                seen[sid] = (min(dist, prior[0]), prior[1] and organ_only, prior[2])

        vague = False
        for f in self.mentions.found:
            if sent.start <= f.start < sent.end and f.type != "PERSON":
                got = self.state_of(f)
                if got is not None and f.type != "PERSON" and f.rule in INDIRECT_RULES:
                    vague = True
                    continue
                add(f, got)
        for t in sent:
            proto = self.demonyms.get(t.lower_)
            # a demonym the NER took for an unlinked place ("The Emirati attorney general")
            unlinked = t.i not in self.mentions.at or self.mentions.at[t.i].actor_id is None
            if proto is not None and unlinked and proto.actor_id:
                add(
                    Found(
                        t.i,
                        t.i + 1,
                        proto.type,
                        proto.actor_id,
                        proto.name,
                        "demonym",
                        kb_ids=proto.kb_ids,
                    ),
                    (proto.actor_id, False),
                )
        if not seen:
            return None, vague
        if only_one and len(seen) > 1:
            return None, True
        if len(seen) > 1:
            seen = {k: v for k, v in seen.items() if not v[1]}
        if not seen:
            return None, True
        sid, (_, _, f) = min(seen.items(), key=lambda kv: kv[1][0])
        return self._state_found(f, sid), True

    def _discourse_state(self, sent: Span, person: Found, back: int) -> Found | None:
        """The state the subject of this sentence or of one of the `back` before speaks
        as; a person whose state is unknown ends the search."""
        n = self._sent_at.get(sent.start)
        if n is None:
            return None
        for k in range(n, max(-1, n - back - 1), -1):
            here = self._sents[k]
            subjects = children(here.root, "nsubj", "nsubjpass")
            first = next((t for t in here if t.dep_ in ("nsubj", "nsubjpass")), None)
            if first is not None and first not in subjects:
                subjects.append(first)  # the parser may hang the main clause lower
            for subj in subjects:
                found = [
                    f
                    for f in self.mentions.in_phrase(subj)
                    if f.name != person.name
                    and (f.type == "PERSON" or f.rule not in INDIRECT_RULES)
                ]
                if not found and any(f.name == person.name for f in self.mentions.in_phrase(subj)):
                    continue
                for f in found:
                    got = self.state_of(f)
                    if got is not None:
                        return self._state_found(f, got[0])
                for c in subj.children:
                    proto = self.demonyms.get(c.lower_)
                    if c.dep_ in ("amod", "compound") and proto is not None and proto.actor_id:
                        return Found(
                            c.i,
                            c.i + 1,
                            proto.type,
                            proto.actor_id,
                            proto.name,
                            "role-context",
                            kb_ids=proto.kb_ids,
                        )
                if any(f.type == "PERSON" for f in found):
                    return None
        return None


def _acted_on(subject: Token) -> set[int]:
    """Tokens of what the clause of which `subject` is the subject acts on ("Minister X
    welcomes the Government of Iraq's ..."): a state there is the person's counterpart,
    not the state they serve."""
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return set()
    verb = subject.head
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative", "attr")]
    preps = [p for p in verb.children if p.dep_ == "prep"]
    objects += [o for p in preps for o in p.children if o.dep_ == "pobj"]
    return {t.i for o in objects for t in o.subtree}


def is_compound_role(tok: Token, roles: frozenset[str]) -> bool:
    """ "attorney general", "inspector general": a rank word headed by a role noun."""
    return (
        tok.lower_ == "general"
        and tok.dep_ not in ("compound", "nmod")
        and any(c.dep_ == "compound" and c.lower_ in roles for c in tok.children)
    )


def hyphenated(tok: Token) -> str:
    """ "secretary-general", "commander-in-chief" as one word."""
    doc = tok.doc
    k = tok.i
    words = [tok.lower_]
    while k + 2 < len(doc) and doc[k + 1].text == "-" and len(words) < 3:
        words.append(doc[k + 2].lower_)
        k += 2
    return "-".join(words)
