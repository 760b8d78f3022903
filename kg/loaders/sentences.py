"""Split the normalised text into sentences with offsets, sections, parts and refs.

Rules: a sentence ends at 。！？ (with any closing quote or bracket after it), never
inside “…”, 《…》 or （…）. A ；-clause becomes its own sentence when both the clause and
the rest of the sentence are at least ``MIN_CLAUSE`` characters, since gov reports
chain independent measures with ；. Section markers (``一、``, ``（一）``, ``1.``,
``一是``, ``——``, ``附件1``) are not part of a sentence. A bracket or quote still open
``MAX_BRACKETED`` characters later is a stray one (a page run into one line must not
become one sentence), so a full stop after that ends the sentence. A list item line is one
sentence, and so is a heading line without a full stop. A paragraph that opens by looking
back (``过去一年，``, ``“十四五”时期，``) inside the plan part reviews, and one opening with the
year ahead inside the review part plans, up to a sentence that turns back.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from kg.loaders.model import Section, Sentence
from kg.loaders.structure import Line, opening_part, turns_ahead

__all__ = ["MAX_BRACKETED", "MIN_CLAUSE", "split_sentences", "split_spans"]

MIN_CLAUSE = 12
MAX_BRACKETED = 300
"""Longest span a quote or bracket may hold a sentence end in (quoted passages are shorter)."""
_ENDS = "。！？"
_CLOSERS = "”’）》】」』"
_OPEN = {"“": "”", "（": "）", "《": "》", "【": "】", "「": "」", "‘": "’"}
_BRACKETS = "".join(_OPEN) + "".join(_OPEN.values())
_SENTENCE_MARKS = re.compile(f"[{re.escape(_BRACKETS + _ENDS)}]")
_CLAUSE_MARKS = re.compile(f"[{re.escape(_BRACKETS)}；]")


def split_sentences(
    text: str,
    lines: list[Line],
    sections: list[Section],
    refs: list[tuple[int, str]] = (),
    *,
    default_part: str | None = None,
    plan_year: int | None = None,
) -> list[Sentence]:
    """The sentences of ``text``, in order; ``refs`` are ``(offset, label)`` of removed marks.

    A sentence takes its section's part, unless its paragraph opens by looking the other way
    (:func:`_paragraph_parts`); ``plan_year`` tells a past year or five-year period from the plan's.
    """
    parts = {s.id: s.part for root in sections for s in root.walk()}
    refs = sorted(refs, key=lambda ref: ref[0])  # in text order (strip_marks gives them so), to bisect
    offsets = [offset for offset, _ in refs]
    out: list[Sentence] = []
    for line in lines:
        whole = line.role in ("item", "title")
        spans = [(line.body, line.end)] if whole else split_spans(text, line.body, line.end)
        section_part = line.part or (parts.get(line.section, default_part) if line.section else default_part)
        sentence_parts = _paragraph_parts(text, spans, section_part, plan_year) if line.role == "text" else None
        for k, (start, end) in enumerate(spans):
            labels = tuple(label for _, label in refs[bisect_right(offsets, start):bisect_right(offsets, end)])
            part = sentence_parts[k] if sentence_parts else section_part
            out.append(Sentence(len(out), text[start:end], start, end, line.section, part, labels))
    return out


def _paragraph_parts(
    text: str, spans: list[tuple[int, int]], section_part: str | None, plan_year: int | None
) -> list[str | None]:
    """The part of each sentence of a paragraph: its section's, unless the paragraph opens by
    looking the other way (``过去一年，…`` in the plan part, :func:`opening_part`); then its
    sentences take that part until one opens by looking the section's way
    (``…取得新进展。新的一年，我们要…``), or, for a look back, opens with the work ahead (``要…``)."""
    if section_part not in ("review", "plan") or not spans:
        return [section_part] * len(spans)
    run = opening_part(text[spans[0][0] : spans[0][1]], plan_year)
    out: list[str | None] = []
    for k, (start, end) in enumerate(spans):
        sentence = text[start:end]
        turns = opening_part(sentence, plan_year) == section_part or (run == "review" and turns_ahead(sentence))
        if k and run and turns:
            run = None
        out.append(run if run and run != section_part else section_part)
    return out


def split_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text[start:end]``, trimmed of spaces."""
    spans: list[tuple[int, int]] = []
    stack: list[str] = []
    begin = i = opened = start
    while found := _SENTENCE_MARKS.search(text, i, end):  # other characters change nothing
        i = found.start()
        char = text[i]
        if stack and char in _ENDS and i - opened > MAX_BRACKETED:
            stack.clear()  # a stray opener: it must not hold the rest of the text in one sentence
        if char in _OPEN and not (char == "“" and stack and stack[-1] == "”"):
            if not stack:
                opened = i
            stack.append(_OPEN[char])
        elif stack and char == stack[-1]:
            stack.pop()
        elif char in _ENDS and not stack:
            j = i + 1
            while j < end and (text[j] in _ENDS or text[j] in _CLOSERS):
                j += 1
            spans.extend(_clauses(text, begin, j))
            begin = i = j
            continue
        i += 1
    if begin < end:
        spans.extend(_clauses(text, begin, end))
    return [(s, e) for s, e in (_trim(text, s, e) for s, e in spans) if e > s]


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts, depth = [], 0
    for found in _CLAUSE_MARKS.finditer(text, start, end):
        char, i = found.group(), found.start()
        if char in _OPEN:
            depth += 1
        elif char in _OPEN.values():
            depth = max(0, depth - 1)
        elif char == "；" and depth == 0:
            cuts.append(i + 1)
    spans, begin = [], start
    for cut in cuts:
        if cut - begin >= MIN_CLAUSE and end - cut >= MIN_CLAUSE:
            spans.append((begin, cut))
            begin = cut
    spans.append((begin, end))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
