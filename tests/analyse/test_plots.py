"""Figures: written by suffix, Chinese drawn with a CJK font (not empty boxes)."""

from __future__ import annotations

import os
import warnings

import pytest

from kg.analyse import plots
from kg.analyse.compare import compare_reports
from kg.analyse.measures import agency_communities, place_commitments, projection_summary
from kg.analyse.projections import agency_coresponsibility

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def font() -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", plots.CjkFontWarning)
        name = plots.cjk_font()
    if name is None:
        if os.environ.get("CI"):
            pytest.fail("no CJK font: apt-get install fonts-noto-cjk")
        pytest.skip("no CJK font installed (fonts-noto-cjk)")
    return name


def test_cjk_font_has_the_glyphs(font):
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    path = font_manager.findfont(font_manager.FontProperties(family=font), fallback_to_default=False)
    face = FT2Font(path)
    assert all(face.get_char_index(ord(ch)) for ch in "部门协同网络河流")


def test_plots_write_png_and_svg(example_index, tmp_path, font):
    network = agency_coresponsibility(example_index)
    figures = {
        "agencies.png": plots.plot_agency_network(network, communities=agency_communities(example_index)),
        "places.svg": plots.plot_top_places(place_commitments(example_index)),
        "degrees.png": plots.plot_degree_distribution(projection_summary(example_index)[1]),
        "compare.pdf": plots.plot_comparison(compare_reports(example_index, "liaocheng-2023-gov-report-part",
                                                             "liaocheng-dongchangfu-2023-gov-report")),
    }
    for name, fig in figures.items():
        path = plots.save_figure(fig, tmp_path / name)
        assert path.stat().st_size > 5000, name
    assert (tmp_path / "agencies.png").read_bytes().startswith(PNG)
    svg = (tmp_path / "places.svg").read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and "<path" in svg  # glyphs drawn as paths


def test_missing_cjk_font_warns(monkeypatch):
    from matplotlib import font_manager

    plots.cjk_font.cache_clear()
    monkeypatch.setattr(font_manager.fontManager, "ttflist", [])
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *a, **k: [])
    try:
        with pytest.warns(plots.CjkFontWarning, match="fonts-noto-cjk"):
            assert plots.cjk_font() is None
    finally:
        plots.cjk_font.cache_clear()


def test_unknown_suffix_is_refused(tmp_path):
    fig = plots.plot_degree_distribution(_tiny())
    with pytest.raises(ValueError, match=r"\.png, \.svg or \.pdf"):
        plots.save_figure(fig, tmp_path / "x.gif")


def _tiny():
    import networkx as nx

    return nx.path_graph(4)
