"""Every chart has a title and a text alternative (the spec's description, read by screen readers)."""

import datetime as dt

import pandas as pd
import pytest

from lib.learn import charts
from ui.charts import with_text_alternative


def test_a_chart_gets_a_description_from_its_title_and_data():
    frame = pd.DataFrame(
        {
            "company": ["Acme", "Beta"],
            "stage": ["applied", "interview"],
            "stage_label": ["Applied", "Interview"],
            "applications": [3, 1],
            "company_total": [3, 1],
            "company_traction": [0, 1],
            "order": [0, 1],
        }
    )
    spec = with_text_alternative(charts.company_stages_chart(frame).to_dict())
    assert spec["title"]["text"]
    assert spec["description"].startswith(f"Chart: {spec['title']['text']}.")
    assert "2 data points" in spec["description"]


def test_a_chart_without_a_title_is_refused():
    with pytest.raises(ValueError):
        with_text_alternative({"mark": "bar", "data": {"values": [{"x": dt.date.today().year}]}})


def test_a_chart_without_its_own_title_takes_the_one_the_page_gives():
    spec = with_text_alternative({"mark": "bar", "data": {"values": [{"x": 1}]}}, "Your mood, week by week")
    assert spec["title"]["text"] == "Your mood, week by week"
    assert spec["description"] == "Chart: Your mood, week by week. 1 data point."
