"""Verbs written as one word with the adverb before them (深入开展, 全面实施, 认真落实, 逐步推进).

jieba joins some manner adverbs to the verb they modify and tags the word anyhow (深入开展/i, 严格执行/nr,
全面完成/l). The extractors key on verb words (实施 opens a campaign's name, 落实 cites a policy), so
:func:`verb_in` lets such a word stand for its verb, in one place, instead of each fused word being listed
beside its verb (the adverbs: ``data/verb_adverbs.txt``).
"""

from __future__ import annotations

from collections.abc import Collection
from functools import cache

from kg.extract.lexicon import words

__all__ = ["verb_in", "verb_under_adverb"]


@cache
def _adverbs() -> tuple[str, ...]:
    """The adverbs of ``data/verb_adverbs.txt``, longest first (进一步 before 进)."""
    return tuple(sorted(words("verb_adverbs.txt"), key=len, reverse=True))


@cache
def verb_under_adverb(word: str) -> str:
    """The verb ``word`` writes after a manner adverb (深入开展 → 开展), or ``word`` itself when it opens with none
    or the adverb leaves less than a two-character verb."""
    for adverb in _adverbs():
        if word.startswith(adverb) and len(word) - len(adverb) >= 2:
            return word[len(adverb) :]
    return word


def verb_in(word: str, verbs: Collection[str]) -> bool:
    """Whether ``word`` is one of ``verbs``, itself or as the verb after a manner adverb jieba joined to it
    (全面实施 in {实施}: True; 全面 in {实施}: False)."""
    return word in verbs or verb_under_adverb(word) in verbs
