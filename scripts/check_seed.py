"""Score `proxygraph extract` on the seed document against ../shared/seed/expected.yaml.

Usage: .venv/bin/python scripts/check_seed.py [--seed-dir ../shared/seed] [--kb DIR]

Prints each required claim as found or missing, and every extracted claim that is in
neither the required nor the optional list. A claim matches an expected one when the
relation is equal and each end matches one of the expected actor's names (canonical name
or surface mention, case-insensitive), or, for an agency, its state's names; symmetric
relations match either way round.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from proxygraph.extractor import Extractor
from proxygraph.records import Document

SYMMETRIC = {"COOPERATES_WITH", "MEETS_WITH", "FIGHTS", "SAME_AS"}


def names_of(actor: dict) -> set[str]:
    return {n.lower() for n in actor["names"]}


def end_matches(ref: dict, key: str, actors: dict) -> bool:
    names = names_of(actors[key]) | {key.lower()}
    return (ref["name"] or "").lower() in names or (ref.get("mention") or "").lower() in names


def claim_matches(claim: dict, exp: dict, actors: dict) -> bool:
    if claim["relation"] != exp["relation"]:
        return False
    fwd = end_matches(claim["source"], exp["source"], actors) and end_matches(
        claim["target"], exp["target"], actors
    )
    if fwd:
        return True
    return (
        exp["relation"] in SYMMETRIC
        and end_matches(claim["source"], exp["target"], actors)
        and end_matches(claim["target"], exp["source"], actors)
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed-dir", default=str(Path(__file__).parents[2] / "shared" / "seed"))
    parser.add_argument("--kb", action="append", default=[])
    args = parser.parse_args()
    seed = Path(args.seed_dir)
    expected = yaml.safe_load((seed / "expected.yaml").read_text(encoding="utf-8"))
    text = (seed / "seed.txt").read_text(encoding="utf-8")
    record = Extractor(kb_dirs=args.kb).extract(Document("seed", text, "seed.txt"))
    actors = expected["actors"]
    claims = record["claims"]
    found_req = 0
    for exp in expected["required"]:
        hit = any(claim_matches(c, exp, actors) for c in claims)
        found_req += hit
        print(f"{'ok  ' if hit else 'MISS'} {exp['source']} {exp['relation']} {exp['target']}")
    allowed = expected["required"] + expected["optional"]
    extra = [c for c in claims if not any(claim_matches(c, e, actors) for e in allowed)]
    for c in extra:
        print(f"EXTRA {c['source']['name']} {c['relation']} {c['target']['name']} [{c['rule']}]")
    mentioned = {(m["actor"] or "").lower() for m in record["mentions"]} | {
        m["text"].lower() for m in record["mentions"]
    }
    actors_found = sum(1 for a in actors.values() if names_of(a) & mentioned)
    print(f"actors found: {actors_found}/{len(actors)}")
    print(
        f"required claims: {found_req}/{len(expected['required'])}; "
        f"claims outside the lists: {len(extra)}; total claims {len(claims)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
