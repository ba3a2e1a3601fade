"""The domain stays pure: no web framework, ORM or schema library inside server/domain."""
import ast
from pathlib import Path

DOMAIN = Path(__file__).resolve().parent.parent / "server" / "domain"
FORBIDDEN = {"flask", "peewee", "playhouse", "marshmallow"}


def imported_modules(path: Path) -> set[str]:
    """Top-level names of every module a file imports, wherever the import statement is."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_domain_imports_no_framework():
    files = sorted(DOMAIN.rglob("*.py"))
    assert files, f"no modules found under {DOMAIN}"
    offenders = {str(f.relative_to(DOMAIN)): sorted(imported_modules(f) & FORBIDDEN) for f in files}
    assert {f: names for f, names in offenders.items() if names} == {}


def test_the_check_itself_catches_a_framework_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from playhouse.shortcuts import model_to_dict\nimport flask.json\n")
    assert imported_modules(sample) & FORBIDDEN == {"playhouse", "flask"}


API = DOMAIN.parent / "api"


def models_imported(path: Path) -> set[str]:
    """What a view imports of the models: server.models (relatively or absolutely), peewee."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.ImportFrom):
            module = ("." * node.level) + (node.module or "")
            if module in ("..models", "server.models") or module.startswith(
                    ("..models.", "server.models.")) or (
                    module == ".." and any(a.name == "models" for a in node.names)):
                names.add(module)
            if (node.module or "").split(".")[0] in ("peewee", "playhouse") and node.level == 0:
                names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names
                         if a.name.split(".")[0] in ("peewee", "playhouse")
                         or a.name.startswith("server.models"))
    return names


def test_views_import_no_model():
    """Views call store functions (issue 23): no module of server/api touches a model."""
    files = sorted(API.rglob("*.py"))
    assert len(files) > 5, f"no views found under {API}"
    offenders = {str(f.relative_to(API)): sorted(models_imported(f)) for f in files}
    assert {f: names for f, names in offenders.items() if names} == {}


def test_the_view_check_catches_a_model_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from ..models import Habit\nfrom .. import models\nimport peewee\n"
                      "def f():\n    from server.models.records import Checkin\n")
    assert models_imported(sample) == {"..models", "..", "peewee", "server.models.records"}


SERVER = DOMAIN.parent
# Where every habit, an unfinished import's too, is meant: the import's own run and its lock.
ALL_HABITS = {"importers/runs.py", "importers/apply.py"}


def habit_selects(path: Path) -> int:
    """How many `Habit.select(` calls a file makes (Habit.shown() is the one reads use)."""
    return sum(isinstance(node, ast.Attribute) and node.attr == "select"
               and isinstance(node.value, ast.Name) and node.value.id == "Habit"
               for node in ast.walk(ast.parse(path.read_text(), filename=str(path))))


def test_reads_never_show_an_unfinished_import():
    """An import's new habits are hidden until it ends (issue 29): reads use Habit.shown()."""
    files = [f for f in sorted(SERVER.rglob("*.py"))
             if f.relative_to(SERVER).parts[0] not in ("models", "migrations")]
    offenders = {str(f.relative_to(SERVER)) for f in files if habit_selects(f)}
    assert offenders - ALL_HABITS == set()
    sample = SERVER / "store" / "habits.py"
    assert "Habit.shown(" in sample.read_text() and not habit_selects(sample)


def test_the_habit_check_catches_a_select(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("q = Habit.select(Habit.id).where(Habit.user == 1)\nr = Habit.shown()\n")
    assert habit_selects(sample) == 1
