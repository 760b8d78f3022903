"""Loaders: report files to normalised text, metadata, section tree, sentences and list items.

>>> from kg.loaders import load_text
>>> report = load_text("一、总体要求\\n坚持稳中求进，推动高质量发展。")
>>> [s.text for s in report.sentences]
['总体要求', '坚持稳中求进，推动高质量发展。']
"""

from __future__ import annotations

from kg.loaders.load import clean_text, load_report, load_text
from kg.loaders.model import ListItem, Metadata, Report, Section, Sentence

__all__ = ["ListItem", "Metadata", "Report", "Section", "Sentence", "clean_text", "load_report", "load_text"]
