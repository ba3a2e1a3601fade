"""The documents in the repository stay honest, cheaply: every file path that docs/ARCHITECTURE.md,
docs/RULES.md and CONTRIBUTING.md name exists, every test they name as `file::test` is defined in
that file (and every test named alone, somewhere under tests/), and every `make` target they name
is in the Makefile."""
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ["docs/ARCHITECTURE.md", "docs/RULES.md", "CONTRIBUTING.md"]
# Where the repository's paths start, and the files at its root that the documents may name.
TOP = ("server", "web", "tests", "docs", "bench", "tools", ".ci")
ROOT_FILES = ("Makefile", "README.md", "CONTRIBUTING.md", "pytest.ini", "requirements.txt",
              "requirements-dev.txt", "Containerfile", "compose.yaml", "Caddyfile")
PATH = re.compile(r"(?<![\w./-])((?:%s)/[\w./<>*-]*[\w/>*]|(?:%s)(?![\w.-]))(?:::(\w+))?" % (
    "|".join(re.escape(top) for top in TOP), "|".join(re.escape(f) for f in ROOT_FILES)))
# `make <target>` in code: inline code spans and fenced blocks (prose uses "make" as a verb).
CODE = re.compile(r"```.*?```|`[^`\n]+`", re.DOTALL)
MAKE = re.compile(r"(?<![\w-])make ([a-z][\w-]*)")
# A test named on its own, in code: `test_views_import_no_model`.
TEST_NAME = re.compile(r"`(test_\w+)`")
# Targets a document announces before they land (CONTRIBUTING.md says so beside each).


def paths_named(text):
    """(path, test name or None) of each repository path in `text`; placeholders such as
    `server/migrations/<next number>_<what>.py` are left out."""
    found = set()
    for match in PATH.finditer(text):
        path, test = match.group(1), match.group(2)
        if not any(c in path for c in "<>*"):
            found.add((path.rstrip("/."), test))
    return found


def make_targets_named(text):
    """The `make` targets named in the code of `text`."""
    return {target for code in CODE.findall(text) for target in MAKE.findall(code)}


def named_tests(text):
    """The test functions named alone (in backticks, without their file) in `text`."""
    return set(TEST_NAME.findall(text))


def defined_tests():
    """Every test function defined under tests/."""
    return {name for path in (ROOT / "tests").rglob("test_*.py")
            for name in re.findall(r"^\s*def (test_\w+)\(", path.read_text(), re.MULTILINE)}


def makefile_targets():
    return set(re.findall(r"^([a-z][\w-]*):", (ROOT / "Makefile").read_text(), re.MULTILINE))


def missing_paths(text):
    """What `text` names that the repository does not have: paths, and tests not in their file."""
    missing = []
    for path, test in sorted(paths_named(text), key=str):
        target = ROOT / path
        if not target.exists():
            missing.append(path)
        elif test and not re.search(rf"^def {test}\(", target.read_text(), re.MULTILINE):
            missing.append(f"{path}::{test}")
    return missing


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_path_a_document_names_exists(document):
    text = (ROOT / document).read_text()
    assert len(paths_named(text)) > 10, "the document names almost no file: is PATH still right?"
    assert missing_paths(text) == []


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_test_a_document_names_exists(document):
    assert named_tests((ROOT / document).read_text()) - defined_tests() == set()


@pytest.mark.parametrize("document", DOCUMENTS)
def test_every_make_target_a_document_names_exists(document):
    named = make_targets_named((ROOT / document).read_text())
    assert named - makefile_targets() == set()


def test_the_documents_name_the_make_targets_people_run():
    named = set().union(*(make_targets_named((ROOT / d).read_text()) for d in DOCUMENTS))
    assert {"run", "test"} <= named


def test_the_checks_catch_what_does_not_exist():
    sample = ("See `server/store/nowhere.py` and server/api/checkins.py, the test "
              "`tests/test_architecture.py::test_not_there`, docs/ARCHITECTURE.md and a "
              "placeholder `server/migrations/<next number>_<what>.py`. Run `make run`, then:\n"
              "```sh\nmake tset\n```\nand make sure of it.")
    assert paths_named(sample) == {("server/store/nowhere.py", None),
                                   ("server/api/checkins.py", None),
                                   ("tests/test_architecture.py", "test_not_there"),
                                   ("docs/ARCHITECTURE.md", None)}
    assert missing_paths(sample) == ["server/store/nowhere.py",
                                     "tests/test_architecture.py::test_not_there"]
    assert make_targets_named(sample) == {"run", "tset"}
    assert make_targets_named(sample) - makefile_targets() == {"tset"}
    named = named_tests("`test_views_import_no_model` and `test_that_was_renamed`")
    assert named - defined_tests() == {"test_that_was_renamed"}
