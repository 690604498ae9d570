"""Where a relation's two actors sit in the dependency tree around a trigger word."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Token

from proxygraph.nlp.found import Found
from proxygraph.nlp.lexicon import function_words, rule_words

SUBJ = ("nsubj", "csubj")
# mention rules for descriptive nominals that name no actor of their own
GENERIC_RULES = frozenset({"group-noun", "group-pronoun", "generic-noun", "descriptive"})
PASSIVE_SUBJ = ("nsubjpass", "csubjpass")
CLAUSE_BOUNDARY = ("relcl", "ccomp", "advcl", "parataxis", "acl", "csubj", "xcomp", "appos")
OBJECT_CONTROL = rule_words("object_control")
RELATIVE = function_words("relative")
LOCATIVE_PREPS = function_words("locative_preps")
MODIFIERS = ("amod", "compound", "nmod")
QUANTITIES = rule_words("quantities")
NOT_NOW = rule_words("not_now")  # "former": no longer an organ of the state
PRONOUNS = function_words("pronouns")
PLURAL_PRONOUNS = function_words("plural_pronouns")


class MentionMap:
    """Token index -> the mention covering it, with helpers to read argument phrases."""

    def __init__(
        self,
        doc: Doc,
        found: list[Found],
        describe: Callable[[Token], Found | None] | None = None,
        demonyms: dict[str, Found] | None = None,
        demonym_heads: frozenset[str] = frozenset(),
    ) -> None:
        self.doc = doc
        self.found = found
        self.describe = describe
        self.demonyms = demonyms or {}
        self.demonym_heads = demonym_heads
        self.at: dict[int, Found] = {}
        for f in found:
            if f.actor_id is None and f.rule in GENERIC_RULES:
                continue  # "key members", "the group": look at what the phrase names
            for i in range(f.start, f.end):
                self.at[i] = f

    def of_token(self, tok: Token) -> Found | None:
        return self.at.get(tok.i)

    def in_phrase(self, head: Token, *, depth_limit: int = 4) -> list[Found]:
        """The actors a noun phrase names: the nearest mentions under its head, with
        conjuncts ("Rwanda and Uganda"); nested clauses are not searched."""
        out: list[Found] = []
        for tok in _with_conjuncts(head):
            hit = self.at.get(tok.i)
            if hit is not None:
                # "Pakistani and Tajik intelligence agencies": the borrowed-organ demonym
                out.extend(
                    self.at[t.i]
                    for c in tok.lefts
                    for t in (c, *c.children)
                    if t.i in self.at and self.at[t.i].rule == "organ-coordination"
                )
                out.extend(hit.members or (hit,))
                continue
            named = [f for a in tok.children if a.dep_ == "appos" for f in self.in_phrase(a)]
            if named:  # "their respective proxies, namely ISKP and the NRF"
                out.extend(named)
                continue
            if tok.lower_ in PRONOUNS:
                out.extend(self.resolve_pronoun(tok))
                continue
            as_state = self.demonym(tok)
            if as_state is not None:  # "an Indian proxy": the demonym itself
                out.append(as_state)
                continue
            if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl":
                out.extend(self.in_phrase(tok.head.head))
                continue
            if tok.lower_ == "whose" and tok.head.head.dep_ == "relcl":
                # "armed groups, whose fighters hold ...": the noun the clause modifies
                out.extend(self.in_phrase(tok.head.head.head))
                continue
            person = self._appositive_person(tok)
            if person is not None:  # "Russia's ambassador in Kabul, Dmitry Zhirnov, met ..."
                out.append(person)
                continue
            below = self._nearest_below(tok, depth_limit)
            if not below and self.describe is not None:
                described = self.describe(tok)  # "the army": the army of the state in context
                if described is None and (tok.pos_ == "NUM" or tok.lower_ in QUANTITIES):
                    # "dozens of the Turkish-backed fighters": the description after "of"
                    described = next(
                        (d for o in _of_objects(tok) if (d := self.describe(o)) is not None),
                        None,
                    )
                below = [described] if described is not None else []
            out.extend(below)
        return _unique(out)

    def _appositive_person(self, head: Token) -> Found | None:
        """The person a noun is set beside by commas, the appositive written after the
        noun's own modifiers ("the ambassador in Kabul, X,")."""
        if head.pos_ != "NOUN":
            return None
        for tok in head.subtree:
            if tok.dep_ != "appos" or tok.i <= head.i:
                continue
            anchor = tok.head
            if anchor.i != head.i and not (
                anchor.dep_ == "pobj"
                and anchor.head.dep_ == "prep"
                and anchor.head.head.i == head.i
            ):
                continue
            hit = self.at.get(tok.i)
            if hit is None or hit.type != "PERSON" or tok.left_edge.i < 1:
                continue
            if self.doc[tok.left_edge.i - 1].text == ",":
                return hit
        return None

    def _nearest_below(self, head: Token, depth_limit: int) -> list[Found]:
        frontier = [head]
        for _ in range(depth_limit):
            nxt: list[Token] = []
            hits: list[Found] = []
            for tok in frontier:
                for child in tok.children:
                    if child.dep_ in CLAUSE_BOUNDARY or child.dep_ in ("punct", "cc", "det"):
                        continue
                    if child.dep_ == "conj" and tok.i == head.i:
                        continue  # "the army and the RSF": in_phrase reads each conjunct
                    if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS:
                        continue  # "towns near the border with Rwanda" names no actor
                    hit = self.at.get(child.i)
                    as_state = (
                        self.demonym(child)
                        if hit is not None and hit.type == "LOCATION" and child.dep_ in MODIFIERS
                        else None
                    )
                    if as_state is not None:  # "an Emirati effort": the state, not the place
                        hits.append(as_state)
                    elif hit is not None:
                        for conj in _with_conjuncts(child) + _nested_conjuncts(child):
                            if conj.i in self.at:
                                member = self.at[conj.i]
                                hits.extend(member.members or (member,))
                    elif child.lower_ in PRONOUNS and child.dep_ == "poss":
                        hits.extend(self.resolve_pronoun(child))
                    elif child.lower_ == "whose" and child.dep_ == "poss":
                        hits.extend(self.in_phrase(child))  # "groups, whose fighters ..."
                    elif child.dep_ in ("amod", "compound", "nmod") and self.demonym(child):
                        hits.append(self.demonym(child))  # "Emirati effort", "Iranian weapons"
                    else:
                        nxt.append(child)
            if hits:
                return _unique(hits)
            frontier = nxt
            if not frontier:
                break
        return []

    def demonym(self, tok: Token) -> Found | None:
        """The state a demonym token stands for, placed at that token."""
        proto = self.demonyms.get(tok.lower_)
        if proto is None or tok.head.lower_ not in self.demonym_heads:
            return None
        if any(c.lower_ in NOT_NOW for c in tok.head.children if c.i < tok.i):
            return None  # "a former Pakistani envoy" no longer speaks for the state
        return Found(
            tok.i, tok.i + 1, proto.type, proto.actor_id, proto.name, "demonym", kb_ids=proto.kb_ids
        )

    def _previous_subject(self, tok: Token, plural: bool) -> list[Found]:
        """A pronoun with no antecedent in its own sentence: the previous sentence's
        subject ("Mali's junta broke with France. It relied on Wagner ...")."""
        start = tok.sent.start
        if start == 0 or tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
            return []  # an object "it" is as often a thing ("called it a landmark")
        prev = self.doc[start - 1].sent
        excluded = ("LOCATION",) if plural else ("LOCATION", "PERSON")
        for subj in _root_subjects(prev):
            if subj.lower_ in PRONOUNS:
                continue
            found = [f for f in self.in_phrase(subj) if f.type not in excluded]
            if found and (plural or len(found) == 1):
                return found
        return []

    def resolve_pronoun(self, tok: Token) -> list[Found]:
        """it/its/they/their: the subject of a governing clause, else the nearest actors before."""
        plural = tok.lower_ in PLURAL_PRONOUNS
        cur = tok
        own_clause = tok.head if tok.dep_ in ("dobj", "dative", "iobj", "pobj") else None
        # an object pronoun never means its own clause's subject ("Tehran gave it money"),
        # nor the subject its clause shares with a verb it is conjoined to
        own = _shared_subject_clauses(own_clause) if own_clause is not None else set()
        for _ in range(8):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX") and cur.i not in own:
                # an object pronoun never means its own clause's subject ("Tehran gave it money")
                for child in cur.children:
                    if (
                        child.dep_ in SUBJ
                        and child.i < tok.i
                        and child.lower_ not in PRONOUNS
                        and not (child.left_edge.i <= tok.i <= child.right_edge.i)
                    ):
                        found = [
                            f
                            for f in self.in_phrase(child)
                            if f.type != "LOCATION" and (plural or f.type != "PERSON")
                        ]
                        if found and (plural or len(found) == 1):
                            return found
        own_subjects: set[str] = set()
        if own_clause is not None:
            own_subjects = {
                f.name
                for c in subject_heads(own_clause)
                if c.lower_ not in PRONOUNS
                for f in self.in_phrase(c)
            }
        excluded_types = ("LOCATION",) if plural else ("LOCATION", "PERSON")
        before = [
            f
            for f in self.found
            if f.end <= tok.i
            and f.type not in excluded_types
            and f.start >= tok.sent.start
            and f.rule not in ("pronoun",)
            and f.name not in own_subjects
        ]
        if not before:
            return self._previous_subject(tok, plural)
        if not plural:
            return [before[-1]]
        last = before[-1]
        group = [last]
        for f in reversed(before[:-1]):
            between = self.doc[f.end : group[0].start]
            if len(between) <= 2 and all(t.lower_ in ("and", ",", "or") for t in between):
                group.insert(0, f)
            else:
                break
        return group


def _of_objects(tok: Token) -> list[Token]:
    return [o for p in tok.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]


def _root_subjects(sent) -> list[Token]:
    root = sent.root
    return [c for c in root.children if c.dep_ in SUBJ + PASSIVE_SUBJ]


def _shared_subject_clauses(verb: Token) -> set[int]:
    """The verb and the verbs it is conjoined to without a subject of its own."""
    out = {verb.i}
    cur = verb
    while cur.dep_ == "conj" and not any(c.dep_ in SUBJ for c in cur.children):
        cur = cur.head
        out.add(cur.i)
    return out


def _with_conjuncts(tok: Token) -> list[Token]:
    out = [tok]
    stack = [tok]
    while stack:
        cur = stack.pop()
        for child in cur.children:
            if child.dep_ == "conj" and child not in out:
                out.append(child)
                stack.append(child)
    return out


def _nested_conjuncts(tok: Token) -> list[Token]:
    """Conjuncts the parser hung deeper inside a name ("members of the NRF of Afghanistan
    and Ayoub Zareen": Zareen is attached to Afghanistan)."""
    return [
        t
        for t in tok.subtree
        if t.dep_ == "conj" and t.i > tok.i and t.pos_ == "PROPN" and t.head.i != tok.i
    ]


def _unique(items: Iterable[Found]) -> list[Found]:
    seen: set[int] = set()
    out: list[Found] = []
    for f in items:
        if id(f) not in seen:
            seen.add(id(f))
            out.append(f)
    return out


def is_passive(tok: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJ or c.dep_ == "auxpass" for c in tok.children)


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def prep_objects(tok: Token, word: str) -> list[Token]:
    """Objects of preposition `word` attached to tok ("support to X", "war against Y")."""
    parts = word.split()
    out: list[Token] = []
    for prep in tok.children:
        if prep.dep_ not in ("prep", "agent", "dative") or prep.lower_ != parts[-1]:
            continue
        # "to ISKP and to the TTP": the second preposition is a conjunct of the first
        for each in [prep, *(c for c in prep.children if c.dep_ == "conj" and c.pos_ == "ADP")]:
            out.extend(c for c in each.children if c.dep_ in ("pobj", "pcomp"))
    return out


def agent_objects(tok: Token) -> list[Token]:
    return [c for a in tok.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"]


def _without_split_titles(heads: list[Token]) -> list[Token]:
    """Subjects less a title the parser split from the name it precedes ("Sudan's army
    chief Abdel-Fattah al-Burhan visited ...": two subjects, the chief and Burhan)."""
    names = {h.left_edge.i for h in heads if h.pos_ == "PROPN"}
    kept = [h for h in heads if not (h.pos_ == "NOUN" and h.i + 1 in names)]
    return kept or heads


def subject_heads(tok: Token) -> list[Token]:
    """The subject of a verb, climbing through control, conjunction and purpose clauses
    when the verb has none ("plan to employ X": the planner; "accused X of arming Y": X)."""
    cur = tok
    for _ in range(6):
        subj = children(cur, *SUBJ)
        if subj:
            return _without_split_titles(subj)
        if cur.dep_ in PASSIVE_SUBJ or cur.head.i == cur.i:
            return []
        head = cur.head
        if cur.dep_ == "acl" and cur.tag_ in ("VBG", "VBN") and head.pos_ in ("NOUN", "PROPN"):
            return [head]  # "posts backing the rebels": the posts do the backing
        if _infinitive(cur) and cur.dep_ == "acl" and head.pos_ == "NOUN":
            owners = children(head, "poss")
            if owners:  # "the militia's capacity to strike X": the militia strikes
                return owners
            if any(c.dep_ in ("amod", "compound") and c.text[:1].isupper() for c in head.children):
                return [head]  # "an Emirati effort to back X": the effort's owner backs X
        if _infinitive(cur) and cur.dep_ == "relcl" and head.dep_ in ("attr", "oprd"):
            cur = head.head  # "X became the first state to recognise Y": X recognises Y
            continue
        if cur.dep_ in ("xcomp", "pcomp", "pobj", "advcl", "prep") or (
            cur.dep_ == "acl" and head.pos_ == "NOUN"
        ):
            if head.lemma_ in OBJECT_CONTROL and cur.dep_ in ("xcomp", "pcomp", "prep"):
                obj = children(head, "dobj")
                if obj:
                    return obj
            if head.dep_ == "prep" and head.head.lemma_ in OBJECT_CONTROL:
                # "accused X of arming Y": X; "X was accused (by Z) of arming Y": X too
                obj = children(head.head, "dobj") or children(head.head, "nsubjpass")
                if obj:
                    return obj
        elif cur.dep_ == "relcl":
            return [head]
        elif cur.dep_ not in ("conj", "dobj", "attr", "acl", "ccomp", "advmod", "npadvmod"):
            return []
        if cur.dep_ == "ccomp":
            return []
        cur = head
    return []


def _infinitive(tok: Token) -> bool:
    """A "to"-infinitive with no relative pronoun of its own."""
    kids = list(tok.children)
    return (
        tok.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids)
        and not any(c.lower_ in RELATIVE for c in kids)
    )


def predicated_of(tok: Token) -> list[Token]:
    """What a predicate noun is said of: the subject of "is a proxy", the object of
    "described X as a proxy" (a relative pronoun standing for its noun), an apposition's head."""
    if tok.dep_ in ("attr", "acomp", "oprd"):
        return subject_heads(tok.head)
    if tok.dep_ == "appos":
        return [tok.head]
    if tok.dep_ == "pobj" and tok.head.lower_ == "as":
        verb = tok.head.head
        objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        out: list[Token] = []
        for obj in objs:
            out.append(
                obj.head.head if obj.lower_ in RELATIVE and obj.head.dep_ == "relcl" else obj
            )
        if not out and verb.dep_ == "relcl":
            out = [verb.head]
        return out
    return []


def noun_owners(tok: Token) -> list[Token]:
    """Possessors and modifiers of a noun that may name its owner ("Russian support")."""
    return [c for c in tok.children if c.dep_ in ("poss", "amod", "compound", "nmod")]


def governing_verb(tok: Token) -> Token | None:
    """The verb a noun trigger depends on ("forged an alliance": forged)."""
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
        if cur.dep_ in CLAUSE_BOUNDARY:
            return None
    return None
