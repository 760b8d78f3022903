"""Figures: written by suffix, Chinese drawn with a CJK font (not empty boxes)."""

from __future__ import annotations

import os
import warnings
from pathlib import Path

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
    monkeypatch.setattr(plots, "_packaged_font", lambda: None)
    try:
        with pytest.warns(plots.CjkFontWarning, match="noto-cjk-sans-otc"):
            assert plots.cjk_font() is None
    finally:
        plots.cjk_font.cache_clear()


def _render_chinese(tmp_path) -> str:
    """Draw a Chinese title with every warning an error; the font file that drew it."""
    from matplotlib import font_manager

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font(s)" would fail here
        font = plots.cjk_font()
        fig = plots.plot_degree_distribution(_tiny())
        fig.axes[0].set_title("部门协同网络·河湖长制")
        plots.save_figure(fig, tmp_path / "title.png")
        plots.save_figure(fig, tmp_path / "title.svg")
    return font_manager.findfont(font_manager.FontProperties(family=font), fallback_to_default=False)


def test_fresh_machine_renders_chinese_from_the_packaged_font(monkeypatch, tmp_path):
    """No system fonts at all (only matplotlib's own DejaVu): the PyPI font is registered and used."""
    from matplotlib import font_manager

    packaged = plots._packaged_font()
    assert packaged, "noto-cjk-sans-otc is a dependency of kg"
    bundled = [f for f in font_manager.fontManager.ttflist if "matplotlib" in f.fname]
    plots.cjk_font.cache_clear()
    monkeypatch.setattr(font_manager.fontManager, "ttflist", list(bundled))
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *a, **k: [])
    font_manager.fontManager._findfont_cached.cache_clear()
    try:
        assert plots.cjk_font() == "Noto Sans CJK SC"
        assert _render_chinese(tmp_path) == packaged
    finally:
        plots.cjk_font.cache_clear()
        font_manager.fontManager._findfont_cached.cache_clear()


def test_system_noto_is_preferred_when_installed(tmp_path):
    from matplotlib import font_manager

    system = [p for p in font_manager.findSystemFonts() if "NotoSansCJK" in Path(p).name]
    if not system:
        pytest.skip("no system Noto Sans CJK here")
    plots.cjk_font.cache_clear()
    try:
        used = _render_chinese(tmp_path)
    finally:
        plots.cjk_font.cache_clear()
    assert used != plots._packaged_font() and "NotoSansCJK" in Path(used).name


def test_unknown_suffix_is_refused(tmp_path):
    fig = plots.plot_degree_distribution(_tiny())
    with pytest.raises(ValueError, match=r"\.png, \.svg or \.pdf"):
        plots.save_figure(fig, tmp_path / "x.gif")


def _tiny():
    import networkx as nx

    return nx.path_graph(4)
