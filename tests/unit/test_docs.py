"""The README tells the truth about the code: every module is listed in "How it is built", every
path it names exists, every command of `python -m lib` is documented, every local link resolves."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from lib import __main__ as cli

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CODE_PATH = re.compile(r"`((?:lib|ui|pages|tests|bench|data|docs|static|\.streamlit|\.ci)/[^`\s]*)`")


def _built_section() -> str:
    start = README.index("## How it is built")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else None]


def _modules() -> list[str]:
    found = []
    for top in ("lib", "ui", "pages"):
        for path in sorted((ROOT / top).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if path.name == "__init__.py" or "/migrations/" in rel:
                continue
            found.append(rel)
    return found


@pytest.mark.parametrize("module", _modules())
def test_every_module_is_listed_in_how_it_is_built(module: str) -> None:
    assert f"`{module}`" in _built_section(), f"README, 'How it is built', does not list {module}"


@pytest.mark.parametrize("path", sorted(set(CODE_PATH.findall(README))))
def test_every_path_the_readme_names_exists(path: str) -> None:
    path = path.rstrip(".,:;")
    if path.startswith("data/") and (path.endswith(".db") or path.startswith("data/backups")):
        pytest.skip("the person's own data: made when the app runs, never in the project")
    assert (ROOT / path).exists() or any(ROOT.glob(path)), f"README names {path}, which does not exist"


def _commands() -> list[str]:
    parser = cli.build_parser()
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(name for action in actions for name in action.choices)


def test_the_command_line_has_commands() -> None:
    assert {"import", "export", "backup", "restore"} <= set(_commands())


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_documented(command: str) -> None:
    assert re.search(rf"python -m lib {re.escape(command)}\b", README), (
        f"`python -m lib {command}` is not in README"
    )


@pytest.mark.parametrize(
    "target",
    sorted({t for t in re.findall(r"\]\(([^)\s]+)\)", README) if "://" not in t and not t.startswith("#")}),
)
def test_every_local_link_resolves(target: str) -> None:
    assert (ROOT / target.split("#")[0]).exists(), f"README links to {target}, which does not exist"
