"""A download never reruns the page. A rerun on the click gives a file built on demand a new id while
the browser is still asking for the old one, and the download silently does not happen."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _downloads_that_rerun(path: Path) -> list[int]:
    return [
        node.lineno
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "download_button"
        and not any(
            k.arg == "on_click" and isinstance(k.value, ast.Constant) and k.value.value == "ignore"
            for k in node.keywords
        )
    ]


def test_every_download_button_leaves_the_page_as_it_is():
    files = [ROOT / "app.py", *sorted((ROOT / "ui").rglob("*.py")), *sorted((ROOT / "pages").rglob("*.py"))]
    found = {str(p.relative_to(ROOT)): lines for p in files if (lines := _downloads_that_rerun(p))}
    assert found == {}, "st.download_button without on_click='ignore': " + str(found)
