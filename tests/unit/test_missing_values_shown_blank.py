"""A missing value in a table shows as an empty cell: never the words "None", "nan" or "NaT"."""

import ast
from pathlib import Path

import pandas as pd

from ui.tables import literal as _literal

ROOT = Path(__file__).resolve().parents[2]
NOT_YET: set[str] = set()


def _table_calls_without_placeholder(path: Path) -> list[int]:
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("dataframe", "data_editor")
            and not any(k.arg == "placeholder" for k in node.keywords)
        ):
            lines.append(node.lineno)
    return lines


def test_every_table_on_every_page_leaves_a_missing_value_blank():
    files = sorted((ROOT / "ui").rglob("*.py")) + sorted((ROOT / "pages").rglob("*.py"))
    missing = {
        str(path.relative_to(ROOT)): lines
        for path in files
        if str(path.relative_to(ROOT)) not in NOT_YET and (lines := _table_calls_without_placeholder(path))
    }
    assert missing == {}, "st.dataframe/st.data_editor without placeholder='' (shows 'None'): " + str(missing)


def test_the_numbers_under_a_chart_show_a_missing_value_as_an_empty_cell():
    rows = pd.DataFrame(
        {"group": ["A", None], "rate": [0.5, float("nan")], "on": [pd.Timestamp("2026-01-01"), pd.NaT]}
    )
    shown = _literal(rows)
    assert shown.iloc[1].tolist() == ["", "", ""]
    assert shown.iloc[0].tolist() == ["A", "0.5", "01 Jan 2026"]  # text throughout, for Arrow


def test_the_numbers_under_a_chart_are_text_arrow_takes_without_a_fix():
    import pyarrow as pa

    rows = pd.DataFrame({"stage": ["Applied", "Screen"], "conversion": [float("nan"), 0.41666], "n": [12, 5]})
    shown = _literal(rows)
    assert shown["conversion"].tolist() == ["", "0.42"] and shown["n"].tolist() == ["12", "5"]
    pa.Table.from_pandas(shown)  # no ArrowTypeError (Streamlit would log one and fix the column)
