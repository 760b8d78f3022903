"""Each sentence tokenised once: segmenter words with part-of-speech tags.

The segmenter is ``rjieba`` (jieba-rs: jieba's dictionary and HMM, compiled Rust, ~8 MB/s
with tags on one core, dictionary shipped inside the wheel). The project's gazetteers are
added to its dictionary as user words, so a division (东昌府区, 湛江) or a standard body name
(发展改革委) is one token: the GB/T 2260 division names and their short forms (tag ``ns``),
the place suffixes the dictionary lacks (经开区, 都市圈; tag ``n``) and the agency alias table
(tag ``nt``).

Tags are jieba's (ICTCLAS-style): ``n*`` nouns (``ns`` place, ``nt`` organisation, ``nr``
person, ``nz`` other proper noun), ``v*`` verbs (``vn`` verbal noun), ``a`` adjective,
``d`` adverb, ``p`` preposition, ``c`` conjunction, ``u`` particle, ``r`` pronoun, ``m``
numeral, ``q`` classifier, ``f`` direction, ``x`` punctuation or unknown.

Extractors use the tokens for boundaries: a name starts and ends on token boundaries
(:func:`boundaries`), and never starts with a verb, adverb, preposition, conjunction,
particle or pronoun (:func:`opens_name`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache, lru_cache, partial
from itertools import accumulate
from typing import Any, NamedTuple

from kg.loaders.model import Report

__all__ = [
    "FUNCTION_TAGS",
    "UNKNOWN_WORD_TAGS",
    "VERB_TAGS",
    "Token",
    "boundaries",
    "opens_name",
    "segmenter",
    "sentence_tokens",
    "token_starting_at",
    "tokenize",
    "tokens_in",
    "with_gazetteers",
]

VERB_TAGS = frozenset({"v", "vd", "vg", "vi", "vq"})
"""Verb tags; ``vn`` (a verbal noun such as 建设 in 基础设施建设) is left out: it is often a noun."""

FUNCTION_TAGS = frozenset({"d", "p", "c", "u", "ud", "ug", "uj", "ul", "uv", "uz", "r", "rr", "rz", "y", "e", "o"})
"""Adverbs, prepositions, conjunctions, particles, pronouns, modal and onomatopoeic words."""

UNKNOWN_WORD_TAGS = frozenset({"x", "zg", "g"})
"""Tags of characters the segmenter knows no word for (圣钘/x, 垚/zg, 钜/g): often a trade name's."""


class Token(NamedTuple):
    """One word: its text, part-of-speech tag and span in the tokenised text.

    A named tuple rather than a dataclass: a report makes tens of thousands of them, and a
    tuple is built several times faster.
    """

    text: str
    pos: str
    start: int
    end: int

    @property
    def is_verb(self) -> bool:
        return self.pos in VERB_TAGS

    @property
    def is_function(self) -> bool:
        return self.pos in FUNCTION_TAGS


@cache
def segmenter():
    """The shared ``rjieba.Jieba`` with the project's gazetteers added as user words.

    It is the segmenter ``import rjieba`` makes for its module-level functions (``rjieba.cut``
    and so on), not a second one: each loads jieba's dictionary, 0.24 CPU-s per process.
    """
    import rjieba

    return with_gazetteers(getattr(rjieba, "_DEFAULT_JIEBA", None) or rjieba.Jieba())


def with_gazetteers(jieba: Any) -> Any:
    """``jieba`` (an ``rjieba.Jieba``) with the project's gazetteers added as user words; returned for chaining."""
    from kg.divisions import all_divisions, short_name
    from kg.extract.lexicon import rows

    for division in all_divisions():
        for name in (division.name, short_name(division.name)):
            if name and len(name) >= 2:
                jieba.add_word(name, None, "ns")
    for row in rows("place_suffixes.tsv"):
        if len(row[0]) >= 3 and not jieba.has_word(row[0]):
            jieba.add_word(row[0], None, "n")  # 经开区 is a word: 市|经开区, not 市经|开区
    for row in rows("agency_aliases.tsv"):
        for form in row:
            if len(form) >= 2:
                jieba.add_word(form, None, "nt")
    return jieba


def tokenize(text: str) -> list[Token]:
    """The words of ``text`` with their tags and spans, left to right, covering all of it.

    Results are cached by text: extractors that look at a sentence's words again (an owner's
    name, a title) get them without segmenting twice.
    """
    return list(_tokens(text))


@lru_cache(maxsize=1 << 14)
def _tokens(text: str) -> tuple[Token, ...]:
    """The tokens of ``text``, built in bulk (``zip``/``map`` rather than a Python loop per word)."""
    pairs = segmenter().tag(text)
    if not pairs:
        return ()
    words, tags = zip(*pairs, strict=True)
    ends = list(accumulate(map(len, words)))
    return tuple(map(_new_token, zip(words, tags, [0, *ends[:-1]], ends, strict=True)))


_new_token = partial(tuple.__new__, Token)
"""``Token(...)`` without its keyword handling."""


def sentence_tokens(report: Report) -> dict[int, list[Token]]:
    """The tokens of every sentence of ``report`` by sentence index: tokenised once, read by every extractor."""
    return {sentence.index: tokenize(sentence.text) for sentence in report.sentences}


def boundaries(tokens: Iterable[Token]) -> frozenset[int]:
    """Offsets where a word starts or ends: a name may only start and end at one of these."""
    out: set[int] = {0}
    for token in tokens:
        out.add(token.start)
        out.add(token.end)
    return frozenset(out)


def opens_name(token: Token) -> bool:
    """Whether a name may start with this word (not a verb, adverb, preposition or function word)."""
    return not (token.is_verb or token.is_function or token.pos == "x")


def tokens_in(tokens: Iterable[Token], start: int, end: int) -> list[Token]:
    """The tokens lying inside ``[start, end)``."""
    return [t for t in tokens if t.start >= start and t.end <= end]


def token_starting_at(tokens: Mapping[int, Token] | Iterable[Token], offset: int) -> Token | None:
    """The token that starts at ``offset``, if one does."""
    if isinstance(tokens, Mapping):
        return tokens.get(offset)
    for t in tokens:
        if t.start == offset:
            return t
        if t.start > offset:
            break
    return None
