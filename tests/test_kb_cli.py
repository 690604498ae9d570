"""`proxygraph kb check` and `proxygraph kb show` on the packaged KB and on user folders
(tests/fixtures/cli/kb_*)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from proxygraph.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "cli"


def kb(*args: str) -> Result:
    return CliRunner().invoke(main, ["kb", *args])


def test_check_passes_on_the_packaged_kb():
    res = kb("check")
    assert res.exit_code == 0, res.stderr
    assert res.stderr == ""
    assert res.stdout.rstrip().endswith("; 0 problems")
    assert " STATE" in res.stdout and " ARMED_GROUP" in res.stdout


def test_check_passes_with_a_good_user_folder():
    base = int(kb("check").stdout.split()[0])
    res = kb("check", "--kb", str(FIXTURES / "kb_user"))
    assert res.exit_code == 0, res.stderr
    assert res.stdout.startswith(f"{base + 1} actors")


def test_check_names_a_dangling_part_of():
    folder = FIXTURES / "kb_dangling"
    res = kb("check", "--kb", str(folder))
    assert res.exit_code == 1
    assert res.stderr.splitlines() == [
        f"proxygraph: error: {folder / 'actors' / 'agencies.yaml'}: "
        "xx-intel.part_of: unknown actor 'xx-nowhere'"
    ]
    assert res.stdout.rstrip().endswith("; 1 problems")


def test_check_names_an_alias_shared_by_two_actors():
    folder = FIXTURES / "kb_dup_alias"
    res = kb("check", "--kb", str(folder))
    assert res.exit_code == 1
    (line,) = res.stderr.splitlines()
    assert str(folder / "actors" / "first.yaml") in line
    assert "alias 'rhf' is shared by red-hand (first.yaml), river-hawks (second.yaml)" in line


def test_check_names_both_files_of_a_shared_alias():
    folder = FIXTURES / "kb_dup_alias"
    res = kb("check", "--kb", str(folder))
    assert str(folder / "actors" / "second.yaml") in res.stderr


def test_check_names_file_and_key_of_an_unknown_type():
    folder = FIXTURES / "kb_bad_type"
    res = kb("check", "--kb", str(folder))
    assert res.exit_code == 1
    (line,) = res.stderr.splitlines()
    assert line.startswith(f"Error: {folder / 'actors' / 'groups.yaml'}: ")
    assert "actors[0] (id 'grey-wolves-x').type" in line
    assert "ARMED_GROUP" in line  # says what is allowed
    assert "Traceback" not in res.output


def test_check_names_file_and_key_of_a_bad_lexicon():
    folder = FIXTURES / "kb_bad_lexicon"
    res = kb("check", "--kb", str(folder))
    assert res.exit_code == 1
    assert str(folder / "lexicon" / "names.yaml") in res.stderr
    assert "titles" in res.stderr


def test_check_rejects_a_missing_folder():
    res = kb("check", "--kb", str(FIXTURES / "no-such-folder"))
    assert res.exit_code == 2
    assert "does not exist" in res.stderr


def test_show_iskp():
    res = kb("show", "ISKP")
    assert res.exit_code == 0, res.stderr
    first, *rest = res.stdout.splitlines()
    assert first.startswith("iskp: Islamic State Khorasan Province [ARMED_GROUP]")
    assert first.rstrip().endswith(".yaml)")
    assert any(line.startswith("  aliases: ") and "ISKP" in line for line in rest)


@pytest.mark.parametrize("name", ["iskp", "islamic state khorasan province", "IS-K"])
def test_show_by_id_name_or_alias(name: str):
    res = kb("show", name)
    assert res.exit_code == 0
    assert res.stdout.startswith("iskp: ")


def test_show_a_user_actor():
    res = kb("show", "Lotus Brigade", "--kb", str(FIXTURES / "kb_user"))
    assert res.exit_code == 0, res.stderr
    assert res.stdout.startswith("lotus-brigade: Brigade of the Lotus [ARMED_GROUP]")
    assert "kb_user" in res.stdout.splitlines()[0]
    assert "  country: SD" in res.stdout


def test_show_unknown_name():
    res = kb("show", "No Such Group Anywhere")
    assert res.exit_code == 1
    assert res.stderr.strip() == "Error: no actor named 'No Such Group Anywhere'"


def test_show_with_a_malformed_user_folder_is_a_clean_error():
    res = kb("show", "ISKP", "--kb", str(FIXTURES / "kb_bad_type"))
    assert res.exit_code == 1
    assert "groups.yaml" in res.stderr
