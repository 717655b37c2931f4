def test_a_count_is_said_in_the_right_number():
    from lib.core.text import plural

    assert plural(1, "application") == "1 application"
    assert plural(73, "application") == "73 applications"
    assert plural(0, "email") == "0 emails"
    assert plural(1, "person", "people") == "1 person"
    assert plural(1200, "person", "people") == "1,200 people"


def test_no_user_facing_text_says_a_count_with_an_s_in_brackets():
    import ast
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    # Still to do: the importers' own messages (being reworked elsewhere).
    not_yet = ("lib/data/importers/", "ui/data/data_import.py")
    found = []
    for folder in ("lib", "ui", "pages"):
        for path in sorted((root / folder).rglob("*.py")):
            name = str(path.relative_to(root))
            if name.startswith(not_yet):
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                is_text = isinstance(node, ast.Constant) and isinstance(node.value, str)
                if is_text and re.search(r"[A-Za-z]\((?:s|es)\)", node.value):
                    found.append(f"{name}:{node.lineno}")
    assert found == [], "say '1 application' / '2 applications' with lib.core.text.plural: " + ", ".join(
        found
    )


def test_a_date_outside_the_current_year_shows_its_year():
    import datetime as dt

    from lib.core.text import short_date

    today = dt.date(2026, 12, 3)
    assert short_date(dt.date(2026, 4, 27), today) == "27 Apr"
    assert short_date(dt.date(2023, 4, 27), today) == "27 Apr 2023"
    assert short_date(dt.datetime(2027, 1, 2, 9, 30), today) == "02 Jan 2027"


def test_what_a_most_is_measured_against_is_said_in_words():
    from lib.core import text

    assert text.others(1, "format") == "the one other format"
    assert text.others(2, "company", "companies") == "2 other companies"


def test_a_sentence_ends_with_one_full_stop_even_after_a_name_with_its_own():
    from lib.core.text import ended

    assert ended("Saved: Analyst at Acme Inc.") == "Saved: Analyst at Acme Inc."  # not "Inc.."
    assert ended("Saved: Analyst at Acme") == "Saved: Analyst at Acme."
