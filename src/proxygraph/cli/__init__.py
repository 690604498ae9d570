"""The `proxygraph` command line: a click group whose commands live one per module."""

from __future__ import annotations

import click

from proxygraph import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="proxygraph")
def main() -> None:
    """Turn conflict reporting into a sourced, auditable graph of who backs whom.

    \b
    Typical use:
      proxygraph extract examples/corpus --format table
      proxygraph extract article.html -o claims.jsonl
      proxygraph eval --gold my-gold.jsonl

    \b
    Exit status:
      0  everything worked (every input processed)
      1  something failed: some inputs could not be read or were skipped (each
         named on stderr in one line), or the command could not run
      2  usage error (unknown option, bad value, missing argument)
    """


def _register() -> None:
    from importlib import import_module

    for module, name in (
        ("proxygraph.cli.extract_cmd", "extract_command"),
        ("proxygraph.cli.kb_cmd", "kb_group"),
        ("proxygraph.cli.eval_cmd", "eval_command"),
        ("proxygraph.cli.load_cmd", "load_command"),
        ("proxygraph.cli.edges_cmd", "edges_command"),
        ("proxygraph.cli.actor_cmd", "actor_command"),
        ("proxygraph.cli.evidence_cmd", "evidence_command"),
        ("proxygraph.cli.merge_cmd", "merge_command"),
        ("proxygraph.cli.export_cmd", "export_command"),
        ("proxygraph.cli.brief_cmd", "brief_command"),
        ("proxygraph.cli.serve_cmd", "serve_command"),
    ):
        try:
            mod = import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            continue
        main.add_command(getattr(mod, name))


_register()
