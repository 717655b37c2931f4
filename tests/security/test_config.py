"""The privacy and security defaults in .streamlit/config.toml (README, "Privacy and security")."""

import tomllib
from pathlib import Path

CONFIG = tomllib.loads((Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml").read_text())


def test_the_server_listens_on_this_machine_only_with_xsrf_and_cors_on():
    assert CONFIG["server"]["address"] == "127.0.0.1"
    assert CONFIG["server"].get("enableXsrfProtection", True) is True
    assert CONFIG["server"].get("enableCORS", True) is True


def test_uploads_are_small_and_no_usage_statistics_are_sent():
    assert CONFIG["server"]["maxUploadSize"] <= 20
    assert CONFIG["browser"]["gatherUsageStats"] is False


def test_no_deploy_button_and_errors_show_only_their_type_with_no_links_off_the_machine():
    assert CONFIG["client"]["toolbarMode"] == "viewer"
    assert CONFIG["client"]["showErrorDetails"] == "type"
    # Streamlit's default ("auto") puts "Ask Google" and "Ask ChatGPT" links, carrying the error's
    # text, in every error box on localhost
    assert CONFIG["client"]["showErrorLinks"] is False


def test_only_this_machines_names_reach_the_app():
    assert CONFIG["server"]["allowedHosts"] == ["localhost", "127.0.0.1"]


def test_the_page_icon_is_an_image_in_the_project_not_a_web_font():
    app = (Path(__file__).resolve().parents[2] / "app.py").read_text()
    assert "page_icon=layout.FAVICON" in app
    from ui.layout import FAVICON

    assert Path(FAVICON).is_file() and Path(FAVICON).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
