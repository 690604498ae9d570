"""Apply the relation frames of data/patterns/relations.yaml to a parsed sentence."""

from __future__ import annotations

from spacy.tokens import Span, Token

from proxygraph.extract.args import (
    MentionMap,
    agent_objects,
    children,
    governing_verb,
    is_passive,
    noun_owners,
    predicated_of,
    prep_objects,
    subject_heads,
)
from proxygraph.extract.candidates import Candidate
from proxygraph.extract.patterns import Conditions, Frame, Patterns
from proxygraph.nlp.found import Found
from proxygraph.nlp.lexicon import rule_words


class FrameMatcher:
    """Reads candidates off one sentence with the frames.

    mentions (MentionMap): the doc's mentions by token.
    patterns (Patterns): frames, ontology rules and word lists.
    demonym_actor (dict): lower-case demonym -> Found-like actor for "Iranian-backed".
    """

    def __init__(
        self, mentions: MentionMap, patterns: Patterns, demonym_actor: dict[str, Found]
    ) -> None:
        self.m = mentions
        self.p = patterns
        self.demonyms = demonym_actor

    def sentence(self, sent: Span) -> list[Candidate]:
        out: list[Candidate] = []
        for tok in sent:
            pos = "NOUN" if tok.pos_ in ("NOUN", "PROPN") else tok.pos_
            if pos == "AUX":
                pos = "VERB"
            for frame in self.p.frames_for(tok.lemma_.lower(), pos):
                found = self.apply(frame, tok, sent)
                if found:
                    out.extend(found)
                    break
        return out

    # --- conditions ---------------------------------------------------------------
    def _words_ok(self, cond: Conditions | None, tok: Token, sent: Span, need: bool) -> bool:
        if cond is None:
            return True
        checks: list[bool] = []
        if cond.modifiers:
            words = {c.lower_ for c in tok.children} | {c.lemma_.lower() for c in tok.children}
            checks.append(bool(words & set(cond.modifiers)))
        if cond.object_words:
            words = set()
            for obj in children(tok, "dobj", "nsubjpass", "attr") + prep_objects(tok, "in"):
                words |= {t.lower_ for t in obj.subtree} | {obj.lemma_.lower()}
            checks.append(bool(words & set(cond.object_words)))
        if cond.clause_words:
            words = {t.lower_ for t in tok.subtree}
            checks.append(bool(words & set(cond.clause_words)))
        if cond.head_words:
            checks.append(tok.head.lower_ in set(cond.head_words))
        if cond.sentence_words:
            words = {t.lower_ for t in sent}
            checks.append(bool(words & set(cond.sentence_words)))
        return all(checks) if need else not any(checks)

    # --- roles --------------------------------------------------------------------
    def role(self, role: str, tok: Token, frame: Frame) -> list[Found]:
        verbal = tok.pos_ in ("VERB", "AUX", "ADJ")
        passive = verbal and is_passive(tok)
        if role == "subject":
            if verbal:
                if passive or _reduced_passive(tok):
                    return self._from_heads(agent_objects(tok))
                return self._from_heads([h for h in subject_heads(tok) if not _no_one(h)])
            by = self._from_heads(prep_objects(tok, "by"))
            if by:
                return by
            verb = governing_verb(tok)
            if verb is None:
                return []
            return self._from_heads(subject_heads(verb) or children(verb, "nsubjpass"))
        if role == "object":
            if passive:
                # "after being routed by X": the routed are the governing clause's subject
                return self._from_heads(children(tok, "nsubjpass") or subject_heads(tok))
            if _reduced_passive(tok):
                return self._owner_chain(tok.head)
            direct = children(tok, "dobj", "attr")
            if not direct and tok.dep_ == "relcl":  # "the figures it is hiding"
                direct = [tok.head]
            if not direct:  # "letting X train", "allowing X to live": the complement's subject
                direct = [
                    s
                    for c in children(tok, "ccomp", "xcomp")
                    if not children(c, "mark") and all(a.lower_ == "to" for a in children(c, "aux"))
                    for s in children(c, "nsubj")
                ]
            if not direct and verbal:  # "arming and assisting X": the next verb's object
                direct = [
                    o
                    for c in children(tok, "conj")
                    if c.pos_ == "VERB" and c.i > tok.i
                    for o in children(c, "dobj")
                ][:1]
            return self._from_heads(direct)
        if role == "dative":
            return self._from_heads(children(tok, "dative", "iobj"))
        if role == "coordinated_subject":  # "A and B fought": both ends, when two or more
            if not verbal or passive:
                return []
            found = self._from_heads(children(tok, "nsubj"))
            return found if len(found) >= 2 else []
        if role.startswith("prep_intrans:"):  # "clashed with X", "fought a war with X",
            objs = children(tok, "dobj")  # not "captured towns [near ...] with Rwanda"
            word = role[13:]
            heads = [h for o in objs for h in prep_objects(o, word)] if objs else []
            return self._from_heads(heads or ([] if objs else prep_objects(tok, word)))
        if role.startswith("prep_agent:"):  # "looked to Moscow for backing": the backer
            return self._from_heads(prep_objects(tok, role[11:]))
        if role.startswith("prep:"):
            word = role[5:]
            heads = prep_objects(tok, word)
            for obj in children(tok, "dobj"):
                heads += prep_objects(obj, word)
                for appos in children(obj, "appos"):  # "pit X, an alliance ..., against Y"
                    heads += prep_objects(appos, word)
            if not heads and tok.pos_ == "NOUN" and tok.dep_ == "dobj":
                heads = prep_objects(tok.head, word)  # "carried out strikes ... against X"
            return self._from_heads(heads)
        if role == "object_prep:with":
            return []
        if role == "possessor":
            return self._from_heads(children(tok, "poss"))
        if role == "compound":
            return [
                f for c in children(tok, "compound", "amod", "nmod") for f in self._from_heads([c])
            ]
        if role == "between":
            return self._from_heads(prep_objects(tok, "between") + prep_objects(tok, "among"))
        if role == "modified":
            if tok.dep_ in ("amod", "acl", "compound") and tok.head.pos_ in ("NOUN", "PROPN"):
                return self._owner_chain(tok.head)
            return []
        if role == "hyphen":
            return self._hyphen_actor(tok)
        if role == "hyphen_modifier":  # "Iranian-made weapons", "Russian-supplied drones"
            return [f for c in children(tok, "amod", "compound") for f in self._hyphen_actor(c)]
        if role.startswith("acl_prep:"):  # "weapons bound for the Houthis"
            word = role[9:]
            return self._from_heads(
                [o for c in children(tok, "acl") for o in prep_objects(c, word)]
            )
        if role.startswith("prep_owner:"):  # "relied on Russian support": Russia
            word = role[11:]
            return self._from_heads([o for h in prep_objects(tok, word) for o in noun_owners(h)])
        if role == "apposition":  # "the military's media wing, Inter-Services Public Relations"
            return self._from_heads(children(tok, "appos"))
        if role == "object_named":  # "formed a bloc known as the AES", "a coalition, the X"
            heads = []
            for obj in children(tok, "dobj"):
                heads += children(obj, "appos")
                for acl in children(obj, "acl"):
                    heads += children(acl, "oprd") + prep_objects(acl, "as")
            return self._from_heads(heads)
        if role == "predicated_of":  # "X is an Indian proxy", "X, which it called a proxy"
            return self._from_heads(predicated_of(tok))
        if role == "object_with":  # "provide the army with instructors"
            if any(p.lower_ == "with" for p in children(tok, "prep")):
                return self._from_heads(children(tok, "dobj"))
            return []
        if role == "target_owner":  # "support for their proxies": they back the proxies
            owners = [
                p
                for h in prep_objects(tok, "for") + prep_objects(tok, "to")
                for p in children(h, "poss")
            ]
            return self._from_heads(owners)
        return []

    def _organ_adjective(self, f: Found) -> Found:
        """ "Russian military support": "military" says what kind of support, so the state
        backs, not its armed forces (unlike "the Russian military's support")."""
        doc = self.m.doc
        last = doc[f.end - 1]
        if (
            f.type != "STATE_AGENCY"
            or f.rule != "organ-phrase"
            or last.dep_ != "amod"
            or last.lower_ not in ORGAN_ADJECTIVES
        ):
            return f
        state = self.demonyms.get(doc[f.start].lower_)
        if state is None:
            return f
        return Found(
            f.start,
            f.end,
            state.type,
            state.actor_id,
            state.name,
            "organ-adjective",
            kb_ids=state.kb_ids,
        )

    def _owner_chain(self, head: Token) -> list[Found]:
        """What a modified noun names; a descriptive noun ("factions", "militia") gives way
        to what it describes: "X, an alliance of factions supported by Y", "X, an Iran-backed
        militia"."""
        if self.m.of_token(head) is None and self.m.describe is not None:
            described = self.m.describe(head)  # "Turkish-backed forces": whom Turkey backs
            if described is not None and described.rule == "backed-description":
                return [described]
        named = self.m.in_phrase(head)
        cur = head
        for _ in range(3):
            if named:
                return named
            if cur.dep_ == "appos":
                cur = cur.head
                named = self.m.in_phrase(cur)
            elif cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.pos_ == "NOUN":
                cur = cur.head.head  # "an alliance of factions": the alliance itself only
                hit = self.m.of_token(cur)
                named = [hit] if hit is not None else []
            else:
                return []
        return named

    def _next_actors(self, tok: Token) -> list[Found]:
        """Last resort for nouns: actors named in the 24 tokens after the trigger."""
        out: list[Found] = []
        for k in range(tok.i + 1, min(tok.sent.end, tok.i + 25)):
            hit = self.m.at.get(k)
            if hit is not None and hit.type != "LOCATION" and hit not in out:
                out.append(hit)
        return out

    def _from_heads(self, heads: list[Token]) -> list[Found]:
        out: list[Found] = []
        for head in heads:
            for f in self.m.in_phrase(head):
                if f not in out:
                    out.append(f)
        return out

    def _hyphen_actor(self, tok: Token) -> list[Found]:
        """ "Iran-backed", "Iranian-backed": the actor written before the hyphen."""
        doc = tok.doc
        i = tok.i
        if i >= 2 and doc[i - 1].text == "-":
            prev = doc[i - 2]
            hit = self.m.of_token(prev)
            if hit is not None:
                return [hit]
            actor = self.demonyms.get(prev.lower_)
            if actor is not None:
                return [actor]
        return []

    # --- frame application -------------------------------------------------------
    def apply(self, frame: Frame, tok: Token, sent: Span) -> list[Candidate]:
        if not self._words_ok(frame.requires, tok, sent, need=True):
            return []
        if not self._words_ok(frame.excludes, tok, sent, need=False):
            return []
        support = self._support(frame, tok)
        if frame.requires_support_words and not support:
            return []
        rule = self.p.relations[frame.relation]
        pair: tuple[str | None, list[Found]] = (None, [])
        for both in PAIR_ROLES & set(frame.source):
            pair = self._first([both], tok, frame, rule.source_types)
            if len(pair[1]) >= 2:
                break
        # "an alliance between A and B" names both ends, whoever else the clause names
        src_role, sources = (
            pair
            if len(pair[1]) >= 2
            else self._first(
                frame.source,
                tok,
                frame,
                rule.source_types & frozenset(frame.source_types or rule.source_types),
            )
        )
        if src_role in PAIR_ROLES and len(sources) >= 2:
            sources, targets = sources[:1], sources[1:]
        else:
            _, targets = self._first(frame.target, tok, frame, rule.target_types, exclude=sources)
        if not sources or not targets:
            return []
        kind = frame.kind_by_lemma.get(tok.lemma_.lower(), frame.kind)
        if frame.kind_from:
            kind = self._kind(frame.kind_from, tok) or kind
        stypes = None
        if frame.relation == "SUPPORTS":
            stypes = tuple(frame.support_type or support or ["unspecified"])
        respective = any(c.lower_ == "respective" for t in tok.subtree for c in [t])
        pairs = [(s, t, frame.rule) for s in sources for t in targets]
        if "subject" in frame.source:
            pairs = self._gapped(pairs, tok, frame)
        out: list[Candidate] = []
        for s, t, rule_name in pairs:
            if s is t or (s.actor_id and s.actor_id == t.actor_id) or s.name == t.name:
                continue
            out.append(
                Candidate(
                    s, frame.relation, t, tok.i, rule_name, stypes, kind, respective=respective
                )
            )
        return out

    def _gapped(
        self, pairs: list[tuple[Found, Found, str]], tok: Token, frame: Frame
    ) -> list[tuple[Found, Found, str]]:
        """ "Egypt stands behind A and the UAE behind B": the verb is left out of the second
        clause, whose subject the parser joins to A; it pairs with the second object."""
        for role in frame.target:
            if not role.startswith("prep:"):
                continue
            preps = [p for p in tok.children if p.dep_ == "prep" and p.lower_ == role[5:]]
            for first, second in zip(preps, preps[1:], strict=False):
                objs = children(second, "pobj")
                gapped = [
                    c
                    for o in children(first, "pobj")
                    for c in o.subtree
                    if c.dep_ == "conj" and c.right_edge.i + 1 == second.i
                ]
                if not objs or not gapped:
                    continue
                new_src = self._from_heads(gapped)
                new_tgt = self._from_heads(objs)
                if not new_src or not new_tgt:
                    continue
                moved = {f.name for f in new_src + new_tgt}
                pairs = [p for p in pairs if p[1].name not in moved]
                pairs += [(s, t, frame.rule + "+gapped") for s in new_src for t in new_tgt]
        return pairs

    def _first(
        self,
        roles: list[str],
        tok: Token,
        frame: Frame,
        allowed: frozenset[str],
        exclude: list[Found] | None = None,
    ) -> tuple[str | None, list[Found]]:
        """The first role that names actors of the allowed types (not only excluded ones)."""
        names = {f.name for f in exclude or ()}
        for role in roles:
            found = [
                _as_actor(self._organ_adjective(f), allowed, role)
                for f in self.role(role, tok, frame)
                if f.type in allowed
                or (f.type == "STATE" and "LOCATION" in allowed)
                or _country_place(f, allowed, role)
            ]
            if role == "next_actor":
                found = [f for f in self._next_actors(tok) if f.name not in names][:1]
            if found and {f.name for f in found} != names:
                return role, found
        return None, []

    def _support(self, frame: Frame, tok: Token) -> list[str]:
        if frame.support_from is None:
            return []
        if frame.support_from == "trigger":
            words = [tok]
        else:
            heads = children(tok, "dobj", "nsubjpass") + prep_objects(tok, "with")
            words = [t for obj in heads for t in obj.subtree if not self.m.of_token(t)]
        found: list[str] = []
        lowered = (
            [t.lower_ for t in words]
            if frame.support_from == "object"
            else [tok.lower_, tok.lemma_.lower()]
        )
        for size in (3, 2, 1):
            for k in range(len(lowered) - size + 1):
                stype = self.p.support_words.get(tuple(lowered[k : k + size]))
                if stype and stype not in found:
                    found.append(stype)
        if len(found) > 1 and "unspecified" in found:
            found.remove("unspecified")
        return found

    def _kind(self, where: str, tok: Token) -> str | None:
        words = (
            [tok]
            if where == "trigger"
            else [t for obj in children(tok, "dobj", "nsubjpass") for t in obj.subtree]
        )
        for t in words:
            kind = self.p.kind_words.get(t.lemma_.lower()) or self.p.kind_words.get(t.lower_)
            if kind:
                return kind
        return None


SUPPLIER_ROLES = frozenset({"prep:from", "prep:by", "possessor"})
PAIR_ROLES = frozenset({"between", "coordinated_subject"})  # roles naming both ends
ORGAN_ADJECTIVES = rule_words("organ_adjectives")


def _reduced_passive(tok: Token) -> bool:
    """ "factions supported by Turkey"; not "a claim that it had shipped arms" (the parser
    hangs such a clause on the noun as `acl` too, with a subject of its own)."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and not children(tok, "nsubj")


def _no_one(head: Token) -> bool:
    """ "No other state has recognised X": a negated subject names no actor."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in head.children)


def _country_place(f: Found, allowed: frozenset[str], role: str) -> bool:
    """A country or capital written as a place where a role names an agent ("arms from
    Iran", "Abu Dhabi's backing")."""
    return (
        (role in SUPPLIER_ROLES or role.startswith("prep_agent:"))
        and f.type == "LOCATION"
        and "STATE" in allowed
        and f.rule.startswith(("kb-alias", "kb-metonym"))
    )


def _as_actor(f: Found, allowed: frozenset[str], role: str) -> Found:
    if "LOCATION" not in allowed and _country_place(f, allowed, role):
        return Found(f.start, f.end, "STATE", f.actor_id, f.name, f.rule, f.part_of, f.kb_ids)
    return f
