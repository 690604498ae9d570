"""The docs stay honest: every command has help and a section in docs/cli.md, whose --help
blocks are what the commands print; docs/kb.md covers the KB shapes; README's commands and
examples hold."""

from __future__ import annotations

import importlib.util
import json
import re
import typing
from pathlib import Path
from types import ModuleType

import click
import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
README = ROOT / "README.md"


def _gen_cli_docs() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_cli_docs", ROOT / "scripts/gen_cli_docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GEN = _gen_cli_docs()
COMMANDS = list(GEN.commands())
IDS = [" ".join(path) for path, _ in COMMANDS]


def test_all_commands_are_found():
    assert set(IDS) >= {
        "proxygraph", "proxygraph extract", "proxygraph kb", "proxygraph kb check",
        "proxygraph kb show", "proxygraph eval",
    }  # fmt: skip


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_command_has_help(path: tuple[str, ...], command: click.Command):
    assert command.help and command.help.strip(), path
    assert command.get_short_help_str(), path
    if not isinstance(command, click.Group) and command.params:
        assert "Example" in command.help, f"{' '.join(path)}: no example in its help"


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_options_have_help(path: tuple[str, ...], command: click.Command, request):
    missing = [p.opts[-1] for p in command.params if isinstance(p, click.Option) and not p.help]
    assert missing == [], f"{' '.join(path)}: options without help: {missing}"


def test_every_command_is_documented_in_cli_md():
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert set(IDS) <= GEN.documented(text)
    for name in IDS[1:]:
        assert f"## `{name}`" in text or f"### `{name}`" in text, name


def test_cli_md_is_up_to_date():
    """Run `python scripts/gen_cli_docs.py` when this fails."""
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert GEN.render(text) == text, "docs/cli.md is stale: run python scripts/gen_cli_docs.py"


def test_every_option_is_mentioned_in_cli_md():
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    for path, command in COMMANDS:
        for param in command.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("--"):
                    assert opt in text, f"{' '.join(path)} {opt}"


def test_kb_md_covers_every_actor_key_type_and_organ():
    from proxygraph.kb.specs import ACTOR_TYPES, ActorSpec, Organ

    text = (DOCS / "kb.md").read_text(encoding="utf-8")
    for key in ActorSpec.model_fields:
        assert f"`{key}`" in text, key
    for name in ACTOR_TYPES:
        assert f"`{name}`" in text, name
    for organ in typing.get_args(Organ):
        assert f"`{organ}`" in text, organ


def test_kb_md_covers_every_lexicon_file():
    from proxygraph.kb.loader import DATA_DIR

    text = (DOCS / "kb.md").read_text(encoding="utf-8")
    for path in sorted((DATA_DIR / "lexicon").glob("*.yaml")):
        assert f"`{path.name}`" in text, path.name


def test_kb_md_states_the_case_rule_of_kb_index():
    from proxygraph.nlp.kb_index import is_case_sensitive

    text = (DOCS / "kb.md").read_text(encoding="utf-8")
    assert "without any lower-case letter matches only as written" in text
    assert is_case_sensitive("ISI") and is_case_sensitive("M23") and is_case_sensitive("IS-K")
    assert not is_case_sensitive("Hamas")
    assert "contains an acronym word also matches only as written" in text
    assert is_case_sensitive("IS Pakistan") and not is_case_sensitive("Islamic State")


@pytest.mark.parametrize("doc", ["README.md", "docs/cli.md", "docs/kb.md"])
def test_local_links_resolve(doc: str):
    path = ROOT / doc
    for target in re.findall(r"\]\(([^)#\s]+)\)", path.read_text(encoding="utf-8")):
        if "://" not in target:
            assert (path.parent / target).exists(), f"{doc}: broken link {target}"


# --- README ---------------------------------------------------------------------------


def test_readme_commands_exist():
    text = README.read_text(encoding="utf-8")
    for line in (
        "make setup",
        "make test",
        ".venv/bin/proxygraph extract examples/corpus --format table",
    ):
        assert line in text
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^setup:", makefile, re.M) and re.search(r"^test:", makefile, re.M)
    assert any((ROOT / "examples" / "corpus").iterdir())
    for name in IDS[1:]:
        assert name.replace("proxygraph ", "`proxygraph ") in text, name


def test_readme_json_claim_follows_the_contract():
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```json\n(.*?)```", text, re.DOTALL)
    assert blocks, "README has no JSON example"
    claim = json.loads(blocks[0])
    assert set(claim) == {
        "source", "relation", "target", "support_type", "kind", "role", "polarity",
        "modality", "claimant", "time", "evidence", "confidence", "rule",
    }  # fmt: skip
    for end in ("source", "target"):
        assert set(claim[end]) == {"name", "type", "actor_id", "mention", "start", "end"}
    ev = claim["evidence"]
    assert ev["end"] - ev["start"] == len(ev["text"])
    assert claim["source"]["mention"] in ev["text"] and claim["target"]["mention"] in ev["text"]
