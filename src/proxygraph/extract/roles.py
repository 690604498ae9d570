"""MEMBER_OF and LEADS from a role noun and the person it describes, read off the parse.

The role noun ("spokesman", "minister", "commander", "head", "leader", ...) is tied to a
person by apposition ("X, the group's commander", "the Taliban's spokesman, X"), a title
before the name ("Interior Minister X"), a copula ("X is the NRF's leader") or an
"as"-predicate ("served as its head", "described X as the group's intelligence chief"),
and to an organisation by a possessive ("the NRF's"), a modifier ("Taliban spokesman",
"Russian President"), or an of/for/at phrase ("head of the ISI", "spokesman for the
ministry"). Ministries and government offices speak for their state, so a role in one is a
role in the state.

Also "Org, the movement headed by X": a "led/headed/run by" participle on an apposition.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from proxygraph.extract.args import MentionMap, children, subject_heads
from proxygraph.extract.candidates import Candidate
from proxygraph.kb.loader import KnowledgeBase
from proxygraph.nlp.found import Found
from proxygraph.nlp.lexicon import Lexicon, function_words, rule_words
from proxygraph.nlp.organs import resolve_organ

ORG_TYPES = frozenset(
    {"STATE", "STATE_AGENCY", "ARMED_GROUP", "POLITICAL_ORG", "INTERNATIONAL_ORG"}
)
EXTRA_ROLES = rule_words("extra_roles")  # role nouns beyond the lexicon's titles
# Honorifics and occupations: they mark a person but name no role in an organisation
# ("chief" only as a head noun: handled below).
NOT_ROLES = rule_words("not_roles")
DEPUTY = rule_words("deputy")
LEAD_VERBS = rule_words("lead_verbs")
# Organs whose people speak for the state ("government spokesman", "foreign minister").
STATE_ORGANS = frozenset({"foreign_ministry", "government", "presidency", "interior_ministry"})
ORG_PREPS = function_words("org_preps")
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


class RoleReader:
    """Reads role nouns around person mentions.

    mentions (MentionMap): the doc's mentions.
    titles (set[str]): person titles of the lexicon.
    leaders (set[str]): titles that make the holder the leader.
    kb (KnowledgeBase): for rolling a ministry up to its state.
    demonyms (dict[str, Found]): "russian" -> the Russian state, for "Russian President X".
    lex (Lexicon | None): organ phrases, for "army chief X"; without it titles that name no
        organisation are not read.
    on (date | None): the document's date, for the office a KB person held then.
    """

    def __init__(
        self,
        mentions: MentionMap,
        titles: set[str],
        leaders: set[str],
        kb: KnowledgeBase,
        demonyms: dict[str, Found],
        lex: Lexicon | None = None,
        on: date | None = None,
    ) -> None:
        self.m = mentions
        self.on = on
        self.office_titles = frozenset(
            o.title for a in kb.actors.values() if a.type == "PERSON" for o in a.offices
        )
        self.doc: Doc = mentions.doc
        self.roles = (set(titles) | EXTRA_ROLES) - (NOT_ROLES - {"chief"})
        self.leaders = leaders
        self.kb = kb
        self.demonyms = demonyms
        self.lex = lex
        names = kb.lexicon.get("names", {}) if lex is not None else {}
        self.state_titles = frozenset(w.lower() for w in names.get("state_titles", []))
        self.voice_titles = frozenset(w.lower() for w in names.get("voice_titles", []))
        self.organ_roles = frozenset(w.lower() for w in names.get("organ_roles", []))
        self.roles |= self.state_titles | self.voice_titles
        self.person_state: dict[str, str] = {}  # person name -> the state their role is in
        self._sents = list(self.doc.sents) if lex is not None else []
        self._sent_at = {s.start: n for n, s in enumerate(self._sents)}

    # --- entry ----------------------------------------------------------------------
    def read(self) -> list[Candidate]:
        out: list[Candidate] = []
        for tok in self.doc:
            if not self._is_role_head(tok):
                continue
            persons = self._persons(tok, depth=0)
            if not persons:
                continue
            how = self._how
            org, direct = self._org(tok)
            rel = ""
            if org is None or self._office_org(org, tok):
                inferred = self._context_org(tok, persons[0])
                if inferred is None:
                    continue
                org, rel, where = inferred
                how = f"{how}+{where}"
            rel = rel or self._relation(tok, direct)
            target = self._roll_up(org, tok)
            role = self._role_text(tok, org)
            for p in persons:
                if p.name == target.name:
                    continue
                out.append(Candidate(p, rel, target, tok.i, f"role-{rel.lower()}-{how}", role=role))
                state = self._state_of(target)
                if state is not None:
                    self.person_state.setdefault(p.name, state[0])
        out += self._led_by_apposition()
        return out

    # --- the role noun ------------------------------------------------------------------
    def _is_role_head(self, tok: Token) -> bool:
        if tok.pos_ not in ("NOUN", "PROPN"):
            return False
        if tok.lower_ not in self.roles and not self._compound_role(tok):
            return False
        if tok.dep_ in ("compound", "amod", "nmod"):
            # a modifier of another role noun ("army chief spokesman") is not the head;
            # a title before a name ("Interior Minister X", "spokesman General X") is
            return self._titled_person(tok) is not None
        hit = self.m.at.get(tok.i)
        # "the leader" may itself be read as an anaphor of the person: still a role
        return hit is None or hit.type != "PERSON" or hit.rule == "anaphora"

    def _compound_role(self, tok: Token) -> bool:
        """ "attorney general", "inspector general": a rank word headed by a role noun."""
        return (
            tok.lower_ == "general"
            and tok.dep_ not in ("compound", "nmod")
            and any(c.dep_ == "compound" and c.lower_ in self.roles for c in tok.children)
        )

    def _titled_person(self, tok: Token) -> Found | None:
        """The person a title before a name belongs to, through ranks in between
        ("army spokesman Lieutenant General X")."""
        head = tok.head
        for _ in range(4):
            p = self._person_at(head)
            if p is not None:
                return p if p.start > tok.i else None
            if head.dep_ not in ("compound", "nmod") or head.lower_ not in NOT_ROLES | {
                "lieutenant",
                "general",
            }:
                return None
            head = head.head
        return None

    def _person_at(self, tok: Token) -> Found | None:
        hit = self.m.at.get(tok.i)
        return hit if hit is not None and hit.type == "PERSON" else None

    def _persons(self, tok: Token, depth: int) -> list[Found]:
        """The person(s) the role noun describes."""
        self._how = "apposition"
        if depth > 3:
            return []
        hit = self.m.at.get(tok.i)
        if hit is not None and hit.type == "PERSON":
            hit = None
        if hit is not None and hit.type in ORG_TYPES:  # "Taliban spokesman X" as one mention
            nxt = self._person_after(hit.end)
            if nxt is not None:
                self._how = "title"
                return [nxt]
        if tok.dep_ in ("compound", "nmod"):
            p = self._titled_person(tok)
            if p is not None:
                self._how = "title"
                return [p]
            return []
        p = self._split_title(tok)
        if p is not None:
            self._how = "title"
            return [p]
        if tok.dep_ == "appos":
            p = self._person_at(tok.head)
            if p is not None:
                return [p]
            # the parser hung the apposition on another word: take the name just before
            left = tok.left_edge.i
            if left >= 2 and self.doc[left - 1].text == ",":
                p = self._person_at(self.doc[left - 2])
                if p is not None:
                    return [p]
        for a in children(tok, "appos"):
            p = self._person_at(a)
            if p is not None:
                return [p]
        for prep in children(tok, "prep"):  # "Russia's ambassador in Kabul, X": hung on Kabul
            for obj in children(prep, "pobj"):
                place = self.m.at.get(obj.i)
                if place is None or place.type != "LOCATION":
                    continue
                for a in children(obj, "appos"):
                    p = self._person_at(a)
                    if p is not None:
                        return [p]
        if tok.dep_ == "attr" and tok.head.lemma_ == "be":
            self._how = "copula"
            return self._people(subject_heads(tok.head))
        if tok.dep_ == "pobj" and tok.head.lower_ == "as":
            prep = tok.head
            while prep.dep_ == "conj" and prep.head.lower_ == "as":
                prep = prep.head
            verb = prep.head
            if verb.pos_ not in ("VERB", "AUX"):
                return []
            self._how = "as"
            objs = self._people(children(verb, "dobj", "nsubjpass"))
            if objs:
                return objs
            subj = children(verb, "nsubj")
            if subj and subj[0].lower_ in ("who", "whom") and verb.dep_ == "relcl":
                return self._people([verb.head])
            return self._people(subject_heads(verb))
        if tok.dep_ == "conj" and tok.head.lower_ in self.roles:
            return self._persons(tok.head, depth + 1)
        return []

    def _split_title(self, tok: Token) -> Found | None:
        """ "Sudan's army chief Abdel-Fattah al-Burhan visited ...": the parser made the
        title and the name two subjects (or objects) of one verb; the name right after the
        title, in the same role, is the person it titles."""
        p = self._person_after(tok.i + 1)
        if p is None or p.start != tok.i + 1:
            return None
        root = self.doc[p.start : p.end].root
        same = root.head == tok.head and root.dep_ == tok.dep_ and root is not tok.head
        return p if same and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") else None

    def _people(self, heads: list[Token]) -> list[Found]:
        return [f for h in heads for f in self.m.in_phrase(h) if f.type == "PERSON"]

    def _person_after(self, i: int) -> Found | None:
        """The person named right after a title, honorifics allowed in between."""
        for k in range(i, min(len(self.doc), i + 4)):
            hit = self.m.at.get(k)
            if hit is not None:
                return hit if hit.type == "PERSON" and hit.start == k else None
            if self.doc[k].lower_ not in NOT_ROLES:
                return None
        return None

    # --- the organisation ---------------------------------------------------------------
    def _org(self, tok: Token) -> tuple[Found | None, bool]:
        """(organisation, directly attached) for a role noun."""
        hit = self.m.at.get(tok.i)
        if hit is not None and hit.type in ORG_TYPES:
            return hit, True
        for c in tok.children:
            if c.dep_ == "poss":
                found = self._orgs(self.m.in_phrase(c))
                if found:
                    return found, True
            if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i:
                h = self.m.at.get(c.i)
                if h is not None and h.type in ORG_TYPES:
                    return h, True
                dem = self.demonyms.get(c.lower_)
                if dem is not None and h is None:
                    return dem, True
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ORG_PREPS:
                for obj in children(c, "pobj"):
                    direct = self.m.at.get(obj.i)
                    found = self._orgs(self.m.in_phrase(obj))
                    if found:
                        named = direct is found or _names_noun(found, obj)
                        return found, (named and c.lower_ == "of")
        return None, False

    def _orgs(self, found: list[Found]) -> Found | None:
        for f in found:
            if f.type in ORG_TYPES:
                return f
        return None

    def _roll_up(self, org: Found, tok: Token) -> Found:
        """A ministry or government office stands for its state."""
        if org.type != "STATE_AGENCY":
            return org
        state_id: str | None = None
        spec = self.kb.get(org.actor_id)
        if spec is not None:
            organ = str(getattr(spec.organ, "value", spec.organ) or "")
            minister = tok.lower_ == "minister" and organ.endswith("_ministry")
            if organ in STATE_ORGANS or minister:
                state = self.kb.state_of(spec.id)
                state_id = state.id if state else None
        elif org.actor_id and "~" in org.actor_id:
            state_id = org.actor_id.split("~")[0]
        if state_id is None:
            return org
        gov = self.kb.governing(state_id, None) or self.kb.get(state_id)
        if gov is None:
            return org
        return Found(org.start, org.end, gov.type, gov.id, gov.name, org.rule)

    # --- a title that names no organisation: the state in context ----------------------
    def _office_org(self, org: Found, tok: Token) -> bool:
        """An unlinked office name ("Foreign Ministry spokesman", "Interior Minister",
        "chief minister of Balochistan"): the office says nothing of its state."""
        if org.actor_id is not None or self.lex is None:
            return False
        if tok.lower_ not in self.state_titles | self.voice_titles:
            return False
        return org.type == "STATE_AGENCY" or (
            org.type == "POLITICAL_ORG" and org.end - org.start == 1
        )

    def _context_org(self, tok: Token, person: Found) -> tuple[Found, str, str] | None:
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
            return office, "LEADS", "kb-office"
        if known:
            return None  # the KB has this title for the person, but not on this date
        organ = next(
            (
                self.lex.organ_phrases.get((c.lower_,))
                for c in mods
                if c.lower_ in self.organ_roles and (c.lower_,) in self.lex.organ_phrases
            ),
            None,
        )
        voice = tok.lower_ in self.voice_titles
        office = (
            tok.lower_ in self.state_titles
            or _hyphenated(tok) in self.state_titles
            or self._compound_role(tok)
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
        leader = (tok.lower_ in self.leaders or _hyphenated(tok) in self.leaders) and not deputy
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
        """(the state or group a KB person leads, when the title before the name is one of
        their leading offices: "President X", "army chief X"; whether the KB knows such an
        office of theirs at all). Knowledge, not context."""
        if person.actor_id is None or not self.office_titles:
            return None, False
        words = {t.lower_ for c in mods for t in c.subtree} | {tok.lower_}
        if words & DEPUTY:
            return None, False
        titles = {
            t
            for t in self.office_titles
            if t.split()[-1] == tok.lower_ and set(t.split()) <= words
            and (tok.lower_ in self.leaders or _hyphenated(tok) in self.leaders
                 or t.split()[-1] in self.leaders or "leader" in t)
        }  # fmt: skip
        if not titles:
            return None, False
        spec = self.kb.office_org(person.actor_id, titles, self.on)
        if spec is None:
            held = self.kb.office_org(person.actor_id, titles, None) is not None
            return None, held
        return Found(tok.i, tok.i + 1, spec.type, spec.id, spec.name, "kb-office"), True

    def _is_subject(self, person: Found) -> bool:
        head = self.doc[person.start : person.end].root
        return head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ == "ROOT"

    def _state_of(self, f: Found) -> tuple[str, bool] | None:
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
        seen: dict[str, tuple[int, bool, Found]] = {}  # state -> (distance, organ only, mention)

        def add(f: Found, got: tuple[str, bool] | None) -> None:
            if got is None or f.start in own:
                return
            sid, organ_only = got
            dist = abs(f.start - person.start)
            prior = seen.get(sid)
            if prior is None:
                seen[sid] = (dist, organ_only, f)
            else:
                seen[sid] = (min(dist, prior[0]), prior[1] and organ_only, prior[2])

        vague = False
        for f in self.m.found:
            if sent.start <= f.start < sent.end and f.type != "PERSON":
                got = self._state_of(f)
                if got is not None and f.type != "PERSON" and f.rule in INDIRECT_RULES:
                    vague = True
                    continue
                add(f, got)
        for t in sent:
            proto = self.demonyms.get(t.lower_)
            # a demonym the NER took for an unlinked place ("The Emirati attorney general")
            unlinked = t.i not in self.m.at or self.m.at[t.i].actor_id is None
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
                    for f in self.m.in_phrase(subj)
                    if f.name != person.name
                    and (f.type == "PERSON" or f.rule not in INDIRECT_RULES)
                ]
                if not found and any(f.name == person.name for f in self.m.in_phrase(subj)):
                    continue
                for f in found:
                    got = self._state_of(f)
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

    # --- relation and role ---------------------------------------------------------------
    def _relation(self, tok: Token, direct: bool) -> str:
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "det")]
        words = {c.lower_ for c in mods} | {t.lower_ for c in mods for t in c.subtree}
        if words & DEPUTY or words & {"a", "an", "one"}:
            return "MEMBER_OF"
        leader = (
            tok.lower_ in self.leaders
            or _hyphenated(tok) in self.leaders
            or (tok.lower_ == "minister" and "prime" in words)
        )
        if not leader or not direct:
            return "MEMBER_OF"
        hit = self.m.at.get(tok.i)
        sub_unit = [
            c
            for c in mods
            if c.pos_ == "NOUN"
            and c.lower_ not in self.leaders
            and self.m.at.get(c.i) is hit
            and hit is None
        ]
        if sub_unit or any(c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
            return "MEMBER_OF"  # "intelligence chief", "head for Kunar province"
        return "LEADS"

    def _role_text(self, tok: Token, org: Found) -> str | None:
        skip = {"det", "poss", "case", "punct", "appos", "relcl", "conj", "cc", "acl"}
        words: list[Token] = []

        def walk(t: Token) -> None:
            for c in t.lefts:
                if c.dep_ not in skip:
                    walk(c)
            words.append(t)
            for c in t.rights:
                if c.dep_ not in skip:
                    walk(c)

        walk(tok)
        kept = [t for t in words if not (org.start <= t.i < org.end) or t.i == tok.i]
        while kept and kept[-1].i > tok.i and kept[-1].pos_ in ("ADP", "PUNCT"):
            kept.pop()  # "leader of [the Houthis]"
        return " ".join(t.text for t in kept).strip().lower() or None

    # --- "Org, the movement headed by X" --------------------------------------------------
    def _led_by_apposition(self) -> list[Candidate]:
        out: list[Candidate] = []
        for tok in self.doc:
            if tok.lemma_.lower() not in LEAD_VERBS or tok.tag_ != "VBN" or tok.dep_ != "acl":
                continue
            noun = tok.head
            if self.m.at.get(noun.i) is not None or noun.dep_ != "appos":
                continue
            org = self.m.at.get(noun.head.i)
            if org is None or org.type not in ORG_TYPES:
                continue
            agents = [
                c for a in tok.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"
            ]
            for p in self._people(agents):
                out.append(Candidate(p, "LEADS", org, tok.i, "leads-by-apposition", role=tok.text))
        return out


def _names_noun(org: Found, noun: Token) -> bool:
    """ "the Inter-Services Intelligence (ISI) agency": the name is the noun's own."""
    if org.start >= noun.i or org.end > noun.i:
        return False
    between = noun.doc[org.end : noun.i]
    return all(t.is_punct or t.is_upper for t in between) and noun.pos_ == "NOUN"


def _hyphenated(tok: Token) -> str:
    """ "secretary-general", "commander-in-chief" as one word."""
    doc = tok.doc
    k = tok.i
    words = [tok.lower_]
    while k + 2 < len(doc) and doc[k + 1].text == "-" and len(words) < 3:
        words.append(doc[k + 2].lower_)
        k += 2
    return "-".join(words)
