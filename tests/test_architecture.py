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
