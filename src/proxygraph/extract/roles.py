"""MEMBER_OF and LEADS from a role noun and the person it describes, read off the parse.

The role noun ("spokesman", "minister", "commander", "head", "leader", ...) is tied to a
person by apposition ("X, the group's commander", "the Taliban's spokesman, X"), a title
before the name ("Interior Minister X"), a copula ("X is the NRF's leader") or an
"as"-predicate ("served as its head", "described X as the group's intelligence chief"),
and to an organisation by a possessive ("the NRF's"), a modifier ("Taliban spokesman",
"Russian President"), or an of/for/at phrase ("head of the ISI", "spokesman for the
ministry"). Ministries and government offices speak for their state, so a role in one is a
role in the state. When the phrase names no organisation, role_context.py infers it from
the KB and the context.

Also "Org, the movement headed by X": a "led/headed/run by" participle on an apposition.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Token

from proxygraph.extract.args import MentionMap, children, subject_heads
from proxygraph.extract.candidates import Candidate
from proxygraph.extract.role_context import (
    DEPUTY,
    RoleContext,
    RoleTitles,
    hyphenated,
    is_compound_role,
)
from proxygraph.kb.loader import KnowledgeBase
from proxygraph.nlp.found import Found
from proxygraph.nlp.lexicon import Lexicon, function_words, rule_words

ORG_TYPES = frozenset(
    {"STATE", "STATE_AGENCY", "ARMED_GROUP", "POLITICAL_ORG", "INTERNATIONAL_ORG"}
)
EXTRA_ROLES = rule_words("extra_roles")  # role nouns beyond the lexicon's titles
# Honorifics and occupations: they mark a person but name no role in an organisation
# ("chief" only as a head noun: handled below).
NOT_ROLES = rule_words("not_roles")
LEAD_VERBS = rule_words("lead_verbs")
# Organs whose people speak for the state ("government spokesman", "foreign minister").
STATE_ORGANS = frozenset({"foreign_ministry", "government", "presidency", "interior_ministry"})
ORG_PREPS = function_words("org_preps")
BOSS_PREPS = function_words("boss_preps")  # "director for President X"


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
        self.doc: Doc = mentions.doc
        self.kb = kb
        self.demonyms = demonyms
        role_nouns = (set(titles) | EXTRA_ROLES) - (NOT_ROLES - {"chief"})
        role_titles = RoleTitles.build(role_nouns, leaders, kb, lex)
        self.roles = role_titles.roles
        self.leaders = leaders
        # infers the organisation a phrase leaves unnamed; remembers each person's state
        self.context = RoleContext(mentions, role_titles, kb, demonyms, lex, on)

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
            if org is None and (boss := self._boss_state(tok)) is not None:
                # "Touadera's security adviser", "an aide to President X": a member of the
                # state (or group) the boss leads, whatever the role noun
                org, rel, how = boss, "MEMBER_OF", f"{how}+leader"
            if org is None or self.context.is_unlinked_office(org, tok):
                inferred = self.context.infer_org(tok, persons[0])
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
                self.context.remember_state(p, target)
        out += self._led_by_apposition()
        return out

    # --- the role noun ------------------------------------------------------------------
    def _is_role_head(self, tok: Token) -> bool:
        if tok.pos_ not in ("NOUN", "PROPN"):
            return False
        if tok.lower_ not in self.roles and not is_compound_role(tok, self.roles):
            return False
        if tok.dep_ in ("compound", "amod", "nmod"):
            # a modifier of another role noun ("army chief spokesman") is not the head;
            # a title before a name ("Interior Minister X", "spokesman General X") is
            return self._titled_person(tok) is not None
        hit = self.m.at.get(tok.i)
        # "the leader" may itself be read as an anaphor of the person: still a role
        return hit is None or hit.type != "PERSON" or hit.rule == "anaphora"

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

    def _boss_state(self, tok: Token) -> Found | None:
        """The state or group led by the person a role noun belongs to ("X's adviser", "an
        aide to X", "director for X"), when the KB or the document says which."""
        bosses: list[Found] = []
        for c in tok.children:
            if c.dep_ == "poss":
                bosses += [f for f in self.m.in_phrase(c) if f.type == "PERSON"]
            if c.dep_ == "prep" and c.lower_ in BOSS_PREPS:
                for obj in children(c, "pobj"):
                    bosses += [f for f in self.m.in_phrase(obj) if f.type == "PERSON"]
        for boss in bosses:
            led = self.context.led_by(boss)
            if led is not None:
                return led
        return None

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

    # --- relation and role ---------------------------------------------------------------
    def _relation(self, tok: Token, direct: bool) -> str:
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "det")]
        words = {c.lower_ for c in mods} | {t.lower_ for c in mods for t in c.subtree}
        if words & DEPUTY or words & {"a", "an", "one"}:
            return "MEMBER_OF"
        leader = (
            tok.lower_ in self.leaders
            or hyphenated(tok) in self.leaders
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
