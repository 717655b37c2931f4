"""Vega-Lite specs to SVG (for the HTML file) and PNG (for the PDF), with vl-convert: no browser,
no network (no base URL is allowed, so a spec can load nothing from anywhere)."""

from __future__ import annotations

import html
import re
from typing import Any

import vl_convert as vlc

WIDTH = 560
PNG_SCALE = 1.5  # pixels per CSS pixel: sharp enough in print, small in the file
CONFIG = {
    "view": {"continuousWidth": WIDTH, "stroke": None},
    "font": "Liberation Sans, DejaVu Sans, Arial, Helvetica, sans-serif",
    "title": {"anchor": "start", "fontSize": 14},
    # one image named by its label: Vega's own labels on marks and axes read inner field names
    # ("stage_rank: 2") to a screen reader
    "aria": False,
    "mark": {"aria": False},
}
_NAMESPACES = re.compile(r'\s+xmlns(:xlink)?="[^"]*"')


def _spec(spec: dict[str, Any]) -> dict[str, Any]:
    spec = {k: v for k, v in spec.items() if k != "$schema"} | {"background": "white"}
    if not any(k in spec for k in ("vconcat", "hconcat", "concat", "width")):
        spec["width"] = WIDTH
    return spec


def to_svg(spec: dict[str, Any], label: str) -> str:
    """Inline SVG markup, an image named `label` for a screen reader: the namespace declarations an
    HTML parser supplies itself are dropped, so the file names no address at all."""
    svg = vlc.vegalite_to_svg(_spec(spec), config=CONFIG, allowed_base_urls=[])
    svg = _NAMESPACES.sub("", svg, count=2)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(label, quote=True)}" ', 1)


def to_png(spec: dict[str, Any], scale: float = PNG_SCALE) -> bytes:
    return vlc.vegalite_to_png(_spec(spec), scale=scale, config=CONFIG, allowed_base_urls=[])
