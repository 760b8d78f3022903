"""Named policy documents: the report itself, titles in 《》, items of policy lists, and titled documents in text.

Names are cut on the segmenter's tokens (:func:`name_start`, shared with the plan and
organisation finders): a running-text title ends in a document type on a word end
(意见/办法/方案/规划 …, ``data/policy_suffixes.txt``) and starts after the predicate verb in
front of it, never on a verb, adverb, preposition or function word. It must follow a lead verb
(编制/出台/落实 …, ``data/lead_verbs.tsv``), which gives the status: planned (编制, 出台),
issued (印发, or a planned verb in the review part) or cited. A report whose title ends in a
document type is an issued policy, and so is the document its notice prints (关于印发《X》的通知).
A title may also open with its own subject phrase right after the lead verb (出台|促进甲业公平竞争条例,
制定实施|进一步深化乙改革方案, 修订|自治区促进…条例), keeping 的 only before 意见 or 若干措施 (出台推动丙城发展的
实施意见: 关于 dropped); 意见 after a verb of hearing (多听经营主体意见) is opinions.
关于…的决定/意见 in running text is a title whatever the verb (拥护党中央关于甲改革的决定), unless heard
(听取关于…的意见).
A year may open a title (2026年甲市…工作方案, but 2026年工作方案 is generic) and an edition or trial mark in
brackets ends it (某某办法（试行）).
A package named by a quoted count keeps the subject phrase before it (出台|支持甲业“15条”政策), and a plan
reported as approved or drawn up (甲城国土空间总体规划获批, 某某规划完成编制) is issued. A nationwide plan keeps
全国 (全国主体功能区规划, 全国…纲要), the State Council's way of titling them; before other documents 全国 is their
scope.
Near-identical titles are kept apart and point at each other through ``may_be_same_as``.

Named whatever verb stands before them (status cited, or the lead verb's): five-year plans by
their ordinal (“十四五”规划, 第一个五年计划), a quoted name before 制度/政策 (“三个一”制度), the
constitution and civil code by their bare name (宪法, 民法典), and laws and international instruments by a
subject stem and their kind (增值税法, 某地特别行政区基本法, 某某经济伙伴关系协定, 中甲联合声明, also where the
segmenter cut 中 off a one-character partner: :func:`instrument_titles`, the verb before giving the status).
Running-text 措施/举措 need a title mark (若干, 20条, quotes, 关于, an issuer), as a generic X政策 is no policy.
A title needs a named subject: a stem that is only a kind word (改革方案, 总体方案, 行业规划, 流域规划:
``data/policy_generic.txt``) or only the predicate's scope, manner adverb or verb (在全国范围内|实施方案,
全面|实施方案) names none, and 规定 after a body alone or a document's article (国家规定的标准, 宪法第十条规定) is
what they stipulate.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache, lru_cache

from kg.extract.agencies import agency_mentions
from kg.extract.lexicon import CJK, alternation, rows, word_re, word_set, words
from kg.extract.model import Agency, DocContext, Policy
from kg.extract.ownership import names_an_owner, owner_in, trailing_owner
from kg.extract.tokens import Token, opens_name, tokenize
from kg.extract.verbs import verb_under_adverb
from kg.loaders.model import Report

__all__ = [
    "about_titles",
    "count_titles",
    "find_policies",
    "five_year_plans",
    "head_spans",
    "instrument_titles",
    "is_five_year_plan",
    "is_phase",
    "is_verbal",
    "lead_before",
    "lead_verbs",
    "name_start",
    "named_codes",
    "near_duplicates",
    "price_policies",
    "quoted_policies",
    "responsible_agency",
    "strip_owner",
    "titled_policies",
]

_CLAUSE_END = "，,。；;：:！？!?\n"
_OWNER_RE = re.compile(r"[（(]([^（）()]{2,30})[）)]\s*[；;。.]?\s*$")
_QUOTE_TITLE_RE = re.compile(r"《([^》]{2,60})》")
_RESPONSIBLE_RE = re.compile(r"由(.{2,30}?)(?:牵头|负责|承担|组织实施)")
_FOLLOW_OK = set("，,。；;：:！？、)）”及和与等精的并")
_LIST_TITLE_RE = re.compile(r"政策|文件|制度")
_PLANNED_LIST_RE = re.compile(r"拟|计划|将|待")
_DRAFT_RE = re.compile(r"[（(]?(?:草案|征求意见稿|试行)[）)]?$")
_PRINTS_RE = re.compile(r"关于(?:印发|转发|发布|实施)(.{2,60})的(?:通知|决定)$")
_NOTICE_RE = re.compile(r"关于[^，,。；;：:“”]{2,60}?的通知")
_UNQUOTED_FIVE_YEAR = r"(?<![一二三四五六七八九十百千万零〇\d])(?:十[一二三四]?|[一二三四六七八九])五(?=规划|计划)"
_FIVE_YEAR_RE = re.compile(
    r"(?:国民经济和社会发展)?(?:“[一二三四五六七八九十]{1,3}五”|第[一二三四五六七八九十]{1,3}个五年|"
    + _UNQUOTED_FIVE_YEAR
    + r")(?:规划|计划)(?:纲要|建议)?"
)
"""“十四五”规划, “九五”计划, 第一个五年计划, 国民经济和社会发展第十个五年计划纲要: the national economic plan of a
five-year period, by its ordinal (the number is the plan's name, not a quantity); the 1980s reports write the short
form without quotes too (六五计划, 七五计划)."""


def five_year_plans(text: str) -> list[tuple[int, str]]:
    """(start, title) of the five-year plans ``text`` names: a cited document whatever verb stands before it."""
    if "五" not in text:
        return []  # both ordinals hold 五 (“十四五”, 第十个五年)
    return [(m.start(), m.group()) for m in _FIVE_YEAR_RE.finditer(text)]


_QUOTED_POLICY_RE = re.compile(
    r"(?:“[^“”，。；]{1,12}”)+(?:[\u4e00-\u9fff](?<![等和及与的])){0,6}?(?:制度|政策)(?![性化])"
)
"""“三个一”制度, “某某”挂钩政策, “两新”政策: a quoted name before 制度/政策 (a few words of what it governs between,
no 的/等/和: “走出去”的政策 and “以旧换新”等政策 describe policies of a kind)."""


def quoted_policies(text: str) -> list[tuple[int, str]]:
    """(start, title) of the quoted systems and policies ``text`` names: a 制度 or X政策 is a policy only when quoted
    or titled (GUIDELINES), and quoted it is one whatever verb stands before it; a quoted quantity or kind word
    (“一揽子”政策, ``data/policy_generic_quoted.txt``) is still a generic X政策."""
    generic = word_set("policy_generic_quoted.txt")
    return [(m.start(), m.group()) for m in _QUOTED_POLICY_RE.finditer(text) if _quoted_words(m.group()) - generic]


def _quoted_words(title: str) -> set[str]:
    """The names in quotes of ``title`` (“两重”“两新”政策 → 两重, 两新)."""
    return set(re.findall(r"“([^“”]+)”", title))


_CODE_RE = re.compile(r"(?:中华人民共和国)?(?:宪法|民法典)(?!修正|草案)")
"""宪法, 民法典: the codes named by their bare name in running text (遵守宪法法律, 实施民法典)."""


def named_codes(text: str) -> list[tuple[int, str]]:
    """(start, title) of the constitution and the civil code named without 《》: cited whatever the verb."""
    if "宪法" not in text and "民法典" not in text:
        return []
    return [(m.start(), m.group()) for m in _CODE_RE.finditer(text)]


@cache
def _price_policy_re() -> re.Pattern[str]:
    users = alternation(words("policy_price_users.txt"))
    mechanisms = alternation(words("policy_price_mechanisms.txt"))
    return re.compile(rf"(?P<user>{users})?(?P<mechanism>{mechanisms})政策(?![性化])")


_PRICED_GOODS = frozenset("电水气热")


def price_policies(text: str) -> list[tuple[int, str]]:
    """(start, title) of the named price-mechanism policies ``text`` names (居民阶梯气价政策, 分时电价政策,
    小麦最低收购价政策): a mechanism of the price law (``data/policy_price_mechanisms.txt``), with the users it
    covers, is no generic X政策 but the name of one policy, whatever verb stands before it. A mechanism that names
    no good of its own (最低收购价, 目标价格, 阶梯价格) needs the good or users before it: alone (完善重点粮食品种
    最低收购价政策) it is the kind of policy set for each good, not one policy."""
    if "政策" not in text:
        return []  # the pattern ends with 政策; its alternations are not searched in other sentences
    return [
        (m.start(), m.group())
        for m in _price_policy_re().finditer(text)
        if m.group("user") or _PRICED_GOODS & set(m.group("mechanism"))
    ]


_TITLED_POLICY_RE = re.compile(
    r"关于(?:进一步)?(?:调整|实施|实行|执行|完善|优化|落实|明确)?([^，,。；;：:“”《》的]{2,30}?政策)"
    r"(?:有关|相关)?(?:事项|问题)?的(?:通知|决定|意见|批复)$"
)
"""关于分时电价政策有关事项的通知: an X政策 a notice is titled after is titled (GUIDELINES), so named."""


def titled_policies(title: str) -> list[str]:
    """The policy a notice's ``title`` is named after (关于X政策有关事项的通知 → X政策), else nothing."""
    m = _TITLED_POLICY_RE.search(title.strip().strip("《》"))
    return [m.group(1)] if m and m.group(1) not in word_set("policy_generic.txt") else []


def is_five_year_plan(name: str) -> bool:
    """Whether ``name`` is just a five-year plan's title (“九五”计划): a policy document, not an action plan."""
    return _FIVE_YEAR_RE.fullmatch(name) is not None


@cache
def lead_verbs() -> dict[str, tuple[str, str]]:
    """Lead verb → (what it introduces, status it gives a policy)."""
    return {r[0]: (r[1], r[2]) for r in rows("lead_verbs.tsv")}


def strip_owner(text: str) -> tuple[str, str | None]:
    """Split a list item into its text and the trailing （owner）, when the brackets name a body."""
    return trailing_owner(text, agency_mentions(text) if text.rstrip("；;。. ").endswith(("）", ")")) else [])


@lru_cache(maxsize=1 << 14)
def responsible_agency(sentence: str) -> str | None:
    """The mention of the body a sentence itself puts in charge (由市体育局牵头 → 市体育局), by its syntax.

    Cached by text: the policy and the plan extractors both ask it of every sentence."""
    if not names_an_owner(sentence):
        return None
    return owner_in(sentence, len(sentence), agency_mentions(sentence)).agency


_QUOTES = frozenset("“”")
_STOP_TAGS = frozenset({"f"})  # a one-character direction word (上, 中, 内) ends a phrase: 在思想上|行动; 南部 does not
_PHASE_RE = re.compile(r"[一二三四五六七八九十\d]+期")


def is_phase(token: Token) -> bool:
    """Whether ``token`` is the phase of a work (二期/b, 三期/t): the stage a named project builds."""
    return token.text.endswith("期") and bool(_PHASE_RE.fullmatch(token.text))  # the cue first: asked of every word


_OPEN_WITH_DE = "关于"  # 关于…的意见: the one title shape that holds 的
_NOMINAL_TAGS = frozenset({"j", "l", "m", "vn"})  # abbreviations, set phrases, numerals, verbal nouns: objects too
_COORDINATORS = frozenset({"和", "及", "与"})
_DASHES = frozenset({"—", "-", "－", "——"})  # 辽西走廊—腾格里沙漠: two places joined in one name


def is_verbal(token: Token) -> bool:
    """Whether a token is a verb: tagged ``v*``, a lead verb jieba mis-tags (落实/a, 深化/j, 印发/nz), or an
    adverb and lead verb jieba joined into one word (深入开展/i, 全面实施/n)."""
    text = token.text
    return token.is_verb or text in lead_verbs() or (len(text) >= 4 and text[-2:] in lead_verbs())


def _is_noun(token: Token) -> bool:
    """A noun or a quote: what makes the words after a verb its object (参与|城市更新项目)."""
    return token.pos.startswith("n") or token.text in _QUOTES


def _complements() -> frozenset[str]:
    return word_set("policy_complements.txt")


def name_start(tokens: Sequence[Token], head: int, *, quoted: bool = False, nominal: bool = False) -> int:
    """Index of the first token of the name whose head word is ``tokens[head]``.

    The name lies in the phrase before its head, which ends on the left at punctuation
    (quotes excepted), a function word (adverb, preposition, conjunction, particle,
    pronoun) or a direction word; 和/及 or a dash between two nouns stays inside (人才和项目联合招引行动,
    甲地—乙地边缘阻击战).
    In that phrase the name follows the first verb that has a noun after it, the predicate
    (加快建设|甲滑河综合治理项目, 开展|重点行业安全隐患集中整治行动); verbs after it belong to
    the name; after 的 the phrase is a noun phrase with no predicate. A pivot (支持|企业参与|某某项目)
    passes the predicate to its second verb.
    ``quoted``: the head closes a quote; ``nominal``: a noun is part of the head's word (二期工程).
    """
    b = _phrase_start(tokens, head, quoted)
    modified = b > 0 and tokens[b - 1].text == "的"  # …能力的|工业固体废物处置中心填埋场工程: a noun phrase
    p = b if modified else _after_predicate(tokens, b, head, nominal)
    i = p
    while i < head and not _opens(tokens, i, after_predicate=p > b and i == p):
        i += 1
    return i


def _phrase_start(tokens: Sequence[Token], head: int, quoted: bool) -> int:
    inside = quoted
    i = head
    while i > 0:
        t = tokens[i - 1]
        if t.text in _QUOTES:
            inside = t.text == "”"
        elif inside:
            pass
        elif t.text == _OPEN_WITH_DE:
            return i - 1
        elif (t.text in _COORDINATORS or t.text in _DASHES) and 1 < i < head and _joins_nouns(tokens, i - 1):
            pass
        elif is_phase(t) or _mistagged_adverb(tokens, i - 1, head):
            pass  # 一期/d, 维修更新/d|计划, 自然/d|保护地: an adverb cannot modify a noun, jieba mis-tagged it
        elif t.pos == "x" or t.is_function or (t.pos in _STOP_TAGS and len(t.text) == 1):
            break
        i -= 1
    return i


def _mistagged_adverb(tokens: Sequence[Token], i: int, head: int = -1) -> bool:
    """Whether ``tokens[i]`` is tagged an adverb but stands before the ``head`` (维修更新/d|计划) or, as the
    object of a verb, before a noun (实施|自然/d|保护地): adverbs modify verbs and adjectives, never a noun, so
    the segmenter mis-tagged a noun."""
    t = tokens[i]
    if t.pos != "d" or len(t.text) < 2 or i + 1 >= len(tokens):
        return False
    object_of_verb = i > 0 and is_verbal(tokens[i - 1])  # 实施|自然保护地…, not 深入/d|基层 (a verb itself)
    return i + 1 == head or (object_of_verb and tokens[i + 1].pos.startswith("n"))


def _joins_nouns(tokens: Sequence[Token], c: int) -> bool:
    """Whether the conjunction ``tokens[c]`` joins two nouns inside one name (节能审查和碳排放评价|办法)."""
    left, right = tokens[c - 1], tokens[c + 1]
    return (_is_noun(left) or left.pos == "vn") and _is_noun(right)


def _after_predicate(tokens: Sequence[Token], b: int, head: int, nominal: bool) -> int:
    """Index after the first verb chain in ``tokens[b:head]`` that has a noun after it, else ``b``."""
    inside = False
    if head - b > 2 and tokens[b].pos == tokens[b + 1].pos == "vn":  # 优化升级|江淮英才计划: verbs tagged vn
        return b + 2
    if head - b > 1 and tokens[b].pos == "vn" and tokens[b + 1].text == "“":  # 优化|“甲乙联办”机制
        return b + 1
    has_noun_after = [nominal] * (head + 1)
    for k in range(head - 1, b - 1, -1):
        has_noun_after[k] = has_noun_after[k + 1] or _is_noun(tokens[k]) or tokens[k].pos in _NOMINAL_TAGS
    for k in range(b, head):
        t = tokens[k]
        if t.text in _QUOTES:
            inside = t.text == "“"
        elif not inside and (_modifies_predicate(tokens, k, head) or (is_verbal(t) and has_noun_after[k + 1])):
            j = k + 1
            while j < head and (
                _modifies_predicate(tokens, j - 1, head)
                or _modifies_predicate(tokens, j, head)
                or (has_noun_after[j + 1] and _continues_predicate(tokens, j))
            ):
                j += 1
            return _past_pivot(tokens, j, head, nominal and tokens[head].pos.startswith("n"))
    return b


def _modifies_predicate(tokens: Sequence[Token], k: int, head: int) -> bool:
    """Whether ``tokens[k]`` is an adverb that only modifies a verb (``data/predicate_adverbs.txt``) with a word
    after it before the head: that word is the predicate, whatever its tag (努力|扩大/v, 严格|规范/n)."""
    return k + 2 < head and tokens[k].text in word_set("predicate_adverbs.txt") and tokens[k + 1].text not in _QUOTES


def _continues_predicate(tokens: Sequence[Token], j: int) -> bool:
    """Whether ``tokens[j]`` extends the verb chain before a name: a lead verb (深入|实施, 制定|实施), a
    complement (编制|好), a verb with its complement (组织|打好, 持续|做实), a verb after a one-character modal
    (要|深入|实施); another verb opens the name (出台|甲乙同城化发展规划)."""
    t = tokens[j]
    if t.text in _complements() or (is_verbal(t) and (t.text in lead_verbs() or _has_complement(t.text))):
        return True
    if is_verbal(t) and tokens[j - 1].is_verb and len(tokens[j - 1].text) == 1:
        return True
    return is_verbal(t) and j + 1 < len(tokens) and tokens[j + 1].text in _complements()


def _has_complement(verb: str) -> bool:
    """做实, 做强, 用好: a one-character verb and its complement, one word in jieba, still a predicate."""
    return len(verb) == 2 and verb[1] in _complements()


def _past_pivot(tokens: Sequence[Token], i: int, head: int, nominal: bool) -> int:
    """支持|企业参与|某某项目: one or two nouns and a verb, then a verb-free noun phrase up to the head.

    A lead verb that is no pivot verb (``data/plan_pivot_verbs.txt``) takes the name itself as its
    object: 实施|农村人才振兴专项计划 has no pivot at 振兴.
    """
    verb = tokens[i - 1].text if i > 0 else ""
    if verb in lead_verbs() and verb not in word_set("plan_pivot_verbs.txt"):
        return i
    for n in (1, 2):
        v = i + n
        if v + 1 > head or (v + 1 == head and not nominal):
            continue
        actor = all(tokens[k].pos.startswith("n") or tokens[k].pos == "j" for k in range(i, v))
        if not actor or not is_verbal(tokens[v]):
            continue
        rest = tokens[v + 1 : head]
        if sum(len(t.text) for t in rest) < 3 and not nominal:
            continue  # 稳岗|扩容|提质行动: too short an object to be the name, so no pivot
        if not any(is_verbal(t) for t in rest) and (nominal or any(_is_noun(t) for t in rest)):
            return v + 1
    return i


def _opens(tokens: Sequence[Token], i: int, *, after_predicate: bool = False) -> bool:
    """Whether a name may start at ``tokens[i]``.

    Not a verb (unless right after the predicate and before a noun: 出台|甲乙同城化发展规划, where
    jieba tags 郑开 a verb), its complement (编制|好), a verbal noun after a verb (加快|建设), a
    scope word (全市) or a time of the year (年内).
    """
    t = tokens[i]
    if t.text in _QUOTES or t.text == _OPEN_WITH_DE:
        return True
    if not (opens_name(t) or (after_predicate and t.is_verb) or _mistagged_adverb(tokens, i)) or _is_scope(t.text):
        return False
    if t.pos == "t" and "年" in t.text:  # 年内, 今年: when, not what (冬季 stays: 冬季清洁取暖规划)
        return False
    if is_verbal(t) and (not after_predicate or _verbal_next(tokens, i)):
        return False
    after_verb = i > 0 and is_verbal(tokens[i - 1])
    if _complement_of_one_char_verb(tokens, i):
        return False
    return not (after_verb and (t.text in _complements() or t.pos == "vn"))  # 编制|好, 加快|建设


def _complement_of_one_char_verb(tokens: Sequence[Token], i: int) -> bool:
    """用/p|好, 建|好: a one-character complement after a one-character verb, however the verb is tagged (jieba reads
    the 用 of 用好 as a preposition); it closes the predicate and opens no name."""
    if i == 0 or len(tokens[i].text) != 1 or tokens[i].text not in _complements():
        return False
    before = tokens[i - 1]
    return len(before.text) == 1 and before.pos != "x" and not before.text.isascii()


def _verbal_next(tokens: Sequence[Token], i: int) -> bool:
    """Whether no noun follows ``tokens[i]``: 学习|运用, 实化|“…” are verb chains, not a name's opening."""
    return i + 1 >= len(tokens) or not (tokens[i + 1].pos.startswith("n") or tokens[i + 1].pos == "j")


def _is_scope(word: str) -> bool:
    """全市, 全省, 全县, 全国: the whole of a jurisdiction, a scope in front of a name, not part of it."""
    return len(word) == 2 and word[0] == "全" and word[1] in "国省市区县州盟旗镇乡"


def lead_before(tokens: Sequence[Token], start: int) -> str | None:
    """The lead verb right before the name starting at ``tokens[start]`` (出台了 → 出台了), if any."""
    i = start
    while i > 0 and i - start > -3 and not is_verbal(tokens[i - 1]):
        i -= 1
    if i == 0 or not is_verbal(tokens[i - 1]):
        return None
    verb = tokens[i - 1].text
    for word in (tokens[i - 2].text + verb if i >= 2 else "", "".join(t.text for t in tokens[i - 1 : start])):
        if word in lead_verbs():  # 出台了, 制定实施: the longer verb gives the status
            return word
    if verb not in lead_verbs() and len(verb) >= 4 and verb[-2:] in lead_verbs():
        return verb[-2:]  # 全面落实/i, 认真落实/z: an adverb jieba joined to the lead verb
    return verb


def is_document_title(title: str) -> bool:
    """Whether a 《》 title names a policy document: it ends in a document or law type (《某某条例》,
    《民营经济促进法》), not a work of art (《山海情》), and is more than a back-reference to a
    document named in full elsewhere (《方案》, 《纲要（草案）》, 《建议》)."""
    bare = _DRAFT_RE.sub("", title)
    if bare in word_set("policy_suffixes.txt") or bare in word_set("policy_quoted_ends.txt"):
        return False
    return bool(word_re("policy_suffixes.txt").search(bare[-6:])) or bare.endswith(_quoted_ends())


@cache
def _quoted_ends() -> tuple[str, ...]:
    return tuple(word_set("policy_quoted_ends.txt"))


def _status(verb: str | None, part: str | None) -> str:
    if verb == _APPROVED:
        return "issued"
    status = lead_verbs().get(verb or "", ("", "cited"))[1]
    if status == "planned" and part == "review":
        return "issued"
    return status


def _quote_lead(tokens: Sequence[Token], offset: int) -> str | None:
    """The rightmost lead verb of a policy in the clause before ``offset`` (研究制定《…》 → 制定)."""
    best = None
    for t in tokens:
        if t.end > offset:
            break
        if t.text in _CLAUSE_END:
            best = None
        elif t.text in lead_verbs() and lead_verbs()[t.text][0] in ("policy", "both"):
            best = t.text
    return best


def head_spans(text: str, tokens: Sequence[Token], suffixes: str) -> list[tuple[int, int, int]]:
    """(index of the token holding the head's start, head start, head end) for each head word on a word end.

    A head ends where a word ends (湛江 is not 湛|江); it may start inside a word the
    segmenter joined to it (二期工程, 实施方案), whose first part then belongs to the stem.
    """
    out = []
    ends: frozenset[int] | None = None  # looked up on the first head found: most sentences have none
    k = 0
    for m in word_re(suffixes).finditer(text):
        if ends is None:
            ends = _word_ends(tokens)
        if m.end() not in ends:
            continue
        while k < len(tokens) and tokens[k].end <= m.start():
            k += 1
        if k < len(tokens):
            out.append((k, m.start(), m.end()))
    return out


def _word_ends(tokens: Sequence[Token]) -> frozenset[int]:
    """The offsets where the words of ``tokens`` end, kept for the last word list: the head rules of the policies,
    plans and organisations each ask of the same sentence."""
    if _ENDS[0] is not tokens:
        _ENDS[:] = [tokens, frozenset(t.end for t in tokens)]
    return _ENDS[1]


_ENDS: list = [None, frozenset()]
"""(words, the offsets where they end) of the last :func:`_word_ends` call."""


_LAW_HEADS = frozenset({"法", "法典"})
_DRAFTING_AFTER = re.compile(r"(?:的)?(编制|修编|修订|制定|起草)(?:工作)?(?=[，,。；;、和及与]|$|工作)")


_APPROVED_AFTER = re.compile(
    r"(?:正式|顺利)?(?:获批|获国务院批复|获得批复|获国务院批准|完成编制|编制完成)(?:实施|印发|同意)?(?=[，,。；;、]|$)"
)
"""甲城国土空间总体规划获批, 某某方案获国务院批复, 某某规划完成编制: a plan reported as approved by the higher
authority, or as drawn up, is issued."""
_APPROVED = "获批"


def _drafting_after(text: str, end: int) -> str | None:
    """The drafting verb right after a title used as a noun (某某规划编制工作, 某某办法的修订), or 获批 when it is
    reported approved (某某规划获批实施): it gives the status."""
    m = _DRAFTING_AFTER.match(text, end)
    if m:
        return m.group(1)
    return _APPROVED if _APPROVED_AFTER.match(text, end) else None


_LISTED_HEAD = "(?:办法|方案|意见|规划|条例|措施|纲要|战略|法)[和及与]"  # 甲办法和乙办法: two titles, not one


def _last_conjunct(tokens: Sequence[Token], i: int, k: int, start: int, stem: str) -> tuple[int, int]:
    """(first token, start) of the last title of a list joined after a kind (出台甲评估办法和|乙资金配套办法,
    落实甲战略和|乙功能区规划): the head names only the last item, which shares the verb before the list; the
    earlier items are found at their own heads. Unchanged when the stem lists nothing."""
    cut = [m.end() for m in re.finditer(_LISTED_HEAD, stem)]
    if not cut:
        return i, start
    j = next((j for j in range(i, k + 1) if tokens[j].start == start + cut[-1]), None)
    return (j, tokens[j].start) if j is not None and j < k else (i, start)


_NATIONAL_SCOPE = "全国"
_NATIONAL_PLAN_HEADS = ("规划", "纲要")


def _over_nation(tokens: Sequence[Token], i: int, k: int, head: str) -> int:
    """Where a plan's title opens when 全国 stands before the stem the name rule found (实施|全国|主体功能区规划): at
    全国, as the State Council titles its nationwide plans (全国主体功能区规划, 全国国土规划纲要); elsewhere 全国
    is the scope a measure applies in (全国|统一…办法) and stays out. ``i`` otherwise."""
    if 0 < i < k and tokens[i - 1].text == _NATIONAL_SCOPE and head.endswith(_NATIONAL_PLAN_HEADS):
        return i - 1
    return i


def _running_titles(text: str, tokens: Sequence[Token]) -> list[tuple[str, str | None]]:
    """(title, lead verb) pairs of document titles written in running text."""
    out: list[tuple[str, str | None]] = []
    listed: tuple[int, str | None] = (-1, None)  # (end, lead verb) of the last title found
    waiting: list[tuple[int, int]] = []  # (start, end) of titles with no verb yet, each before a 、
    generic = word_set("policy_generic.txt")
    for k, hs, he in head_spans(text, tokens, "policy_suffixes.txt"):
        end = he + 1 if text.startswith("”", he) else he
        edition = _EDITION_RE.match(text, end)
        written = edition.end() if edition else end  # 某某办法（试行）: the bracket is part of the title
        after = _drafting_after(text, written)
        if written < len(text) and text[written] not in _FOLLOW_OK and after is None:
            continue
        law = text[hs:he] in _LAW_HEADS  # 促进法/v: jieba tags a law's word a verb, a law is a noun
        i = name_start(tokens, k, nominal=tokens[k].start < hs and (_is_noun(tokens[k]) or law))  # 实施规划: stem
        i = _over_nation(tokens, i, k, text[hs:he])
        lead = lead_before(tokens, i)
        if after == _APPROVED or lead is None or lead_verbs().get(lead, ("",))[0] not in ("policy", "both"):
            lead = after  # 做好国土空间规划编制工作, 某某规划获批: the verb may follow the title as a noun
        if lead is None and i > 0 and tokens[i - 1].text == "、" and tokens[i - 1].start == listed[0]:
            lead = listed[1]  # 出台甲条例、乙办法: the items of a list of titles share its verb
        start = tokens[i].start if i < k else min(hs, tokens[k].start)
        i, start = _last_conjunct(tokens, i, k, start, text[start:hs])
        title = text[start:end]
        stem = text[start:hs]
        named = _without_year(stem)  # 2026年工作方案 is as generic as 工作方案
        if (
            len(named) < 2
            or len(title) > 40
            or named in generic
            or _only_predicate(named, generic)
            or ("的" in stem) != stem.startswith(_OPEN_WITH_DE)  # 关于…的意见; 推动…的政策举措 is a description
            or re.search(_LISTED_HEAD, stem)
            or not _opens_title(tokens, i, stem)
            or _one_word_stem(tokens, i, k, hs)
            or "、" in re.sub(r"[（(“][^）)”]*[）)”]", "", stem)
            or not re.search(rf"[{CJK}]", stem)
            or (title.endswith(_MEASURE_ENDS) and not _names_measures(title))
            or _DETERMINER_RE.search(stem)
            or (title.endswith("规定") and _stipulates(stem, title))
            or _OPINIONS_RE.search(title)
        ):
            continue
        if lead is None:
            if text.startswith("、", written):
                waiting.append((start, written))  # 甲规划、乙方案获批: a verb after the list may come
            continue
        first = start
        while lead == _APPROVED and waiting and waiting[-1][1] + 1 == first:
            first, item_end = waiting.pop()
            out.append((text[first:item_end], lead))  # every item of the list is approved
        out.append((text[start:written], lead))
        listed = (written, lead)
    return out


_SCOPE_OPENING_RE = re.compile(r"^在?[^，,]{0,3}范围内")
"""在全国范围内, 范围内: the scope the predicate applies in (研究制定在全国范围内|实施方案)."""


def _only_predicate(stem: str, generic: frozenset[str]) -> bool:
    """Whether a stem is only the scope, manner adverb or verb of what is done with the document (在全国范围内|实施方案,
    全面|实施方案, 全面实施|方案): a generic document word after its predicate, no subject named."""
    rest = _SCOPE_OPENING_RE.sub("", stem)
    if not rest or rest in word_set("verb_adverbs.txt"):
        return True
    verb = verb_under_adverb(rest)
    return verb != rest and (verb in lead_verbs() or verb in generic)


_EDITION_RE = re.compile(r"[（(](?:\d{4}(?:年)?(?:[—－-]\d{4}年?)?|\d{4}年?版|[试暂]行|草案|征求意见稿)[）)]")
"""（2026版）, （2025—2027年）, （试行）, （草案）: an edition, period or draft in brackets, part of the title."""
_OPINIONS_RE = re.compile(r"(?:听|听取|征求|征询|收集|吸纳|尊重|反映|提出)[^的]{0,8}意见$")
"""听取群众意见, 多听经营主体意见: after a verb of hearing or voicing, 意见 is opinions, not a document."""


def _issuing_lead(tokens: Sequence[Token], j: int) -> tuple[str, int] | None:
    """(lead verb, index after it) when ``tokens[j]`` ends a lead verb of policies (出台, 制定实施, 印发, 落实)."""
    verb = tokens[j].text
    after = j + 1
    if after < len(tokens) and verb + tokens[after].text in lead_verbs():  # 制定|实施: the longer verb
        verb, after = verb + tokens[after].text, after + 1
    elif j > 0 and tokens[j - 1].text + verb in lead_verbs():
        verb = tokens[j - 1].text + verb
    return (verb, after) if lead_verbs().get(verb, ("",))[0] in ("policy", "both") else None


def _opens_subject(tokens: Sequence[Token], i: int, head: int) -> bool:
    """Whether ``tokens[i:head]`` opens as a title's subject phrase: a verb with its object (促进|公平竞争,
    加快发展|甲产业), an adverb before one (进一步|深化), or a jurisdiction before one (自治区|促进…)."""
    j = i
    if j < head and (tokens[j].pos == "ns" or tokens[j].text in _JURISDICTIONS):
        j += 1
    if j < head and tokens[j].pos == "d" and len(tokens[j].text) >= 2:
        j += 1
    if j + 1 < head and is_verbal(tokens[j]) and is_verbal(tokens[j + 1]) and len(tokens[j].text) > 1:
        j += 1  # 加快|发展|甲产业: a verb chain before its object
    if any(lead_verbs().get(t.text, ("",))[0] in ("policy", "both") for t in tokens[i : j + 1]):
        return False  # 实施|“某某”规划: a lead verb of policies is the predicate, it opens no subject
    verb = is_verbal(tokens[j]) or (tokens[j].pos == "vn" and j + 1 < head and _is_noun(tokens[j + 1]))
    return j + 1 < head and verb and _is_object(tokens[j + 1])  # 优化/vn|营商环境: a verb tagged a verbal noun


def _is_object(token: Token) -> bool:
    """A word that can open a verb's object: a noun, an abbreviation, a set phrase, a distinguishing word (新型,
    民营) or a quote."""
    return _is_noun(token) or token.pos in ("j", "l", "b", "vn")


_JURISDICTIONS = frozenset({"自治区", "省", "市", "县", "区", "全省", "全市", "本市", "本省"})
_DE_TITLE_RE = re.compile(r"的(?:实施|指导|若干)?意见$|的若干(?:政策)?(?:措施|举措|规定)$")
"""出台促进甲产业发展的实施意见, 促进乙的若干措施: the heads a title keeps after 的 when its 关于 is dropped;
的政策举措, 的办法 after a verb phrase describe what is done."""


def _subject_lead(tokens: Sequence[Token], k: int, hs: int, head: int) -> tuple[str, int, int] | None:
    """(lead verb, index of the title's first token, number of 的 between) for the head at ``tokens[k]``: the
    nearest lead verb on its left in the same phrase (no punctuation but quotes, no function word but adverbs,
    的 and 和/及/与) that a subject phrase follows."""
    de = 0
    for j in range(k - 1, -1, -1):
        t = tokens[j]
        if hs - t.start > 40:
            break
        if t.text == "的":
            de += 1
        elif _ends_phrase(t):
            break
        lead = _issuing_lead(tokens, j)
        if lead and lead[1] < head and _opens_subject(tokens, lead[1], head):
            return lead[0], lead[1], de
    return None


def _ends_phrase(token: Token) -> bool:
    """Punctuation other than quotes, or a function word other than an adverb or 和/及/与, ends a phrase."""
    if token.pos == "x":
        return token.text not in _QUOTES
    return token.is_function and token.pos != "d" and token.text not in _COORDINATORS


_PACKAGE_RE = re.compile(r"专项(?:措施|举措)$")
"""出台|支持甲企业发展专项措施: after a title's own subject phrase, 专项 makes the measures one dedicated package."""


def _subject_titles(text: str, tokens: Sequence[Token], taken: set[int]) -> list[tuple[str, str | None]]:
    """(title, lead verb) of titles that open with their subject phrase right after a lead verb
    (出台|促进公平竞争条例, 制定实施|进一步深化甲改革方案, 出台|推动甲发展的实施意见), as official texts cite a
    document without 《》 or 关于. Heads already named (``taken``: head ends, as of titles in 《》) are skipped."""
    out: list[tuple[str, str | None]] = []
    generic = word_set("policy_generic.txt")
    for k, hs, he in head_spans(text, tokens, "policy_suffixes.txt"):
        edition = _EDITION_RE.match(text, he)
        follow = edition.end() if edition else he
        if he in taken or follow in taken or (follow < len(text) and text[follow] not in _FOLLOW_OK):
            continue
        found = _subject_lead(tokens, k, hs, k if tokens[k].start == hs else k + 1)
        if found is None:
            continue
        verb, i, de = found
        title, stem = text[tokens[i].start : he], text[tokens[i].start : hs]
        rest = stem[len(tokens[i].text) :]  # 编制实施|发展|规划纲要: the object is a document word, a back-reference
        if (
            len(stem) < 4
            or stem in generic
            or rest in generic
            or rest in word_set("policy_suffixes.txt")
            or de > (1 if _DE_TITLE_RE.search(title) else 0)
            or "、" in stem
            or re.search(_LISTED_HEAD, stem)
            or _DETERMINER_RE.search(stem)
            or (title.endswith(_MEASURE_ENDS) and not (_names_measures(title) or _PACKAGE_RE.search(title)))
            or _OPINIONS_RE.search(title)
        ):
            continue
        out.append((text[tokens[i].start : follow], verb))
    return out


_COUNT_NAME_RE = re.compile(
    r"(?<!”)“[^“”，。；]{0,3}?(?:\d{1,3}|[一二两三四五六七八九十百]{1,4})条”(?:政策措施|政策举措|政策|措施|创新举措|举措)?(?![“等])"
)
"""稳外贸“20条”, 支持甲业发展“十条”政策: a package of measures named by its count in quotes, as official texts
cite one; another count right after (“21条”“18条”) or 等 makes a list or a kind."""


def count_titles(text: str, tokens: Sequence[Token]) -> list[tuple[str, str | None]]:
    """(title, lead verb) of packages named by a quoted count with the subject phrase before it (出台|支持创业带动
    就业“15条”政策, 制定实施|民营经济高质量发展“26条”): the subject opens after the nearest lead verb or at the
    phrase start, and must hold a noun of two characters or more; a bare count (“26条”) refers back."""
    out: list[tuple[str, str | None]] = []
    for m in _COUNT_NAME_RE.finditer(text):
        if m.end() < len(text) and text[m.end()] not in _FOLLOW_OK:
            continue
        q = next((n for n, t in enumerate(tokens) if t.start == m.start()), None)
        if q is None:
            continue
        i, lead = q, None
        while i > 0 and m.start() - tokens[i - 1].start <= 20:
            t = tokens[i - 1]
            if _ends_phrase(t) or t.text == "的":
                break
            if t.text in lead_verbs():
                found = _issuing_lead(tokens, i - 1)
                lead = found[0] if found else None
                break
            i -= 1
        subject = tokens[i:q]
        if not any(len(t.text) >= 2 and (_is_noun(t) or t.pos in ("j", "l")) for t in subject):
            continue
        out.append((text[tokens[i].start : m.end()], lead))
    return out


_DETERMINER_RE = re.compile(r"有关|相关|各项|各类|每项|每个")
"""中央有关规定, 廉洁从政各项规定: a determiner inside the stem refers to rules in general, it titles none."""
_STIPULATING_DOCUMENTS = ("计划", "规划", "报告", "纲要", "方案", "决议", "法", "条例")
"""第一季度计划规定…, 宪法规定…: after a document's name 规定 is its verb (the plan stipulates), no title."""
_STIPULATING_BODIES = frozenset({"国家", "中央", "党中央", "国务院", "上级"})
_ARTICLE_RE = re.compile(r"第[一二三四五六七八九十百零〇\d]+条$")


def _stipulates(stem: str, title: str) -> bool:
    """Whether 规定 after ``stem`` is a verb or rules in general, not a title: after a document or its article
    (宪法规定, 宪法第十条|规定: the text stipulates) or after a body alone (国家规定的标准, 按照中央规定: what it
    stipulates; a counted set, 中央八项规定, names its rules)."""
    if stem.endswith(_STIPULATING_DOCUMENTS) or _ARTICLE_RE.search(stem):
        return True
    return stem in _STIPULATING_BODIES and title == stem + "规定"
_MEASURE_ENDS = ("措施", "举措")
_MEASURE_MARKS = re.compile(r"[“「]|^关于|[0-9]+[条项]|[一二两三四五六七八九十百]+[条项]|若干")


def _names_measures(title: str) -> bool:
    """Whether measures written in running text are a titled package (若干措施, 20条措施, “X”措施, 关于…的措施,
    市政府…措施) rather than a description of what is done (稳就业举措, 安全防范措施, 各项改革措施): like a
    generic X政策 (GUIDELINES), unmarked measures are no policy document."""
    if _MEASURE_MARKS.search(title):
        return True
    head = agency_mentions(title)
    return bool(head and head[0][0] == 0)


def _one_word_stem(tokens: Sequence[Token], i: int, k: int, hs: int) -> bool:
    """A stem of one word that is not a noun (差异化|举措) or is a quality word (针对性/n|措施: -性, -化, -型, -式)
    describes measures rather than names them."""
    words = tokens[i:k] if tokens[k].start == hs else tokens[i : k + 1]
    return len(words) == 1 and (not words[0].pos.startswith("n") or words[0].text.endswith(_QUALITY_ENDS))


_QUALITY_ENDS = ("性", "化", "型", "式")


def _opens_title(tokens: Sequence[Token], i: int, stem: str) -> bool:
    """A title does not open with a numeral or a determiner (一批, 各项, 相关); a year is an edition and may open it
    (2026年甲市…工作方案)."""
    if _YEAR_OPEN_RE.match(stem):
        return True
    t = tokens[i]
    numeral_or_determiner = t.pos.startswith(("m", "r")) or stem[0].isdigit()
    return not (numeral_or_determiner or stem.startswith(("相关", "有关")))


_YEAR_OPEN_RE = re.compile(r"(?:\d{4}|[〇零一二三四五六七八九]{4})年度?")


def _without_year(stem: str) -> str:
    """``stem`` without the year it opens with (2026年度甲市就业工作 → 甲市就业工作)."""
    m = _YEAR_OPEN_RE.match(stem)
    return stem[m.end() :] if m else stem


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether one substitution, insertion or deletion turns ``a`` into ``b`` (or they are equal).

    Linear time: past the common prefix, the rest of both must agree after skipping one
    character of each (substitution) or of the longer one (insertion).
    """
    if len(a) < len(b):
        a, b = b, a
    if len(a) - len(b) > 1:
        return False
    i = 0
    while i < len(b) and a[i] == b[i]:
        i += 1
    return a[i + 1 :] == (b[i + 1 :] if len(a) == len(b) else b[i:])


def _without_city(title: str) -> str:
    return title.replace("市", "").replace("城", "")


def near_duplicates(a: str, b: str) -> bool:
    """Whether two titles may name one document (某城城市… vs 某城市…)."""
    if a == b:
        return False
    if _without_city(a) == _without_city(b):
        return True
    return min(len(a), len(b)) >= 12 and _one_edit_apart(a, b)


def _printed(title: str) -> str | None:
    """The document a notice puts out: 关于印发《X》的通知, 关于实施X的通知 → X, when X is a titled document."""
    m = _PRINTS_RE.search(title)
    if not m:
        return None
    inner = m.group(1).strip("《》")
    return inner if word_re("policy_suffixes.txt").search(inner[-6:]) and len(inner) >= 4 else None


def own_titles(report: Report) -> list[tuple[str, str | None]]:
    """(title, agency) of the report itself when it is a policy document, and of the document its notice prints.

    A report whose title ends in a document type (方案, 办法, 通知 …) is itself an issued policy;
    a work report or speech is not. Its agency is the body the title opens with, else the issuer.
    """
    title = (report.meta.title or "").strip().strip("《》")
    if not title or not word_re("policy_suffixes.txt").search(title[-6:]) or not title.endswith(_suffix_words()):
        return []
    head = agency_mentions(title)
    agency = head[0][2] if head and head[0][0] == 0 else report.meta.issuer
    out: list[tuple[str, str | None]] = [(title, agency)]
    inner = _printed(title)
    if inner:
        out.append((inner, agency))
    return out


@cache
def _suffix_words() -> tuple[str, ...]:
    return tuple(word_set("policy_suffixes.txt"))


def _notice_titles(text: str) -> list[tuple[str, str | None]]:
    """关于…的通知 written in running text (…办公室关于印发X的通知指出): the notice, and what it prints."""
    out: list[tuple[str, str | None]] = []
    for m in _NOTICE_RE.finditer(text):
        issuer = [mention for _, end, mention in agency_mentions(text[: m.start()]) if end == m.start()]
        agency = issuer[-1] if issuer else None  # 某某办公室|关于印发…的通知: the body right before 关于
        out.append((m.group(), agency))
        inner = _printed(m.group())
        if inner:
            out.append((inner, agency))
    return out


_ABOUT_TITLE_RE = re.compile(
    r"关于(?![这那此该])[^，,。；;：:“”《》]{2,60}?的(?:决定|(?:若干|实施|指导)?意见)(?![稿书])"
)
"""党中央关于甲体制改革的决定, 国务院关于支持乙省…的意见: 关于…的 and a document type title a document written
without 《》 whatever verb stands before it; its status comes from the lead verb (落实 → cited)."""


_HEARD_RE = re.compile(r"(?:听|听取|征求|征询|收集|吸纳|尊重|反映|提出)$")


def about_titles(text: str) -> list[tuple[int, str, str | None]]:
    """(start, title, issuer mention) of the 关于…的决定/意见 titles written in running text, outside 《》; the issuer
    is the body named right before 关于 (国务院|关于…的意见), else None."""
    quoted = [m.span() for m in _QUOTE_TITLE_RE.finditer(text)]
    out: list[tuple[int, str, str | None]] = []
    for m in _ABOUT_TITLE_RE.finditer(text):
        if any(a <= m.start() < b for a, b in quoted) or _HEARD_RE.search(text, 0, m.start()):
            continue  # 听取关于…的意见: opinions heard, no document
        issuer = [mention for _, end, mention in agency_mentions(text[: m.start()]) if end == m.start()]
        out.append((m.start(), m.group(), issuer[-1] if issuer else None))
    return out


_PARTICIPLE_RE = re.compile(r"(?:了)?(?:后)?的")
"""新修订的, 修订后的, 大会通过的: a verb before 的 describes the title, it is not the verb of the clause."""
_NOUN_TAGS = ("n", "j", "l")


@cache
def _instrument_verbs() -> dict[str, str]:
    """Verb → status for laws and international instruments: the lead verbs of policies, then
    ``data/policy_instrument_verbs.tsv`` (签署, 缔结 → issued; 商签, 起草 → planned)."""
    verbs = {v: status for v, (kind, status) in lead_verbs().items() if kind in ("policy", "both")}
    verbs.update({r[0]: r[1] for r in rows("policy_instrument_verbs.tsv")})
    return verbs


@cache
def _instrument_verb_re() -> re.Pattern[str]:
    return re.compile(f"({alternation(_instrument_verbs())})(?:了)?")


def _instrument_verb(clause: str) -> str | None:
    """The rightmost verb of laws and instruments in ``clause`` that is not a participle before 的."""
    best = None
    for m in _instrument_verb_re().finditer(clause):
        if not _PARTICIPLE_RE.match(clause, m.end()):
            best = m.group(1)
    return best


def _stem_words(text: str, tokens: Sequence[Token], i: int, k: int, hs: int, law: bool) -> list[Token]:
    """The words of the stem before the head at ``hs``: the sentence's tokens, then the part the segmenter joined
    to the head's token. A law's part is segmented on its own, as a law is named by its subject noun (预算|法 of
    预算法/n; 文明|执|法 of 文明执法/n is no law); an instrument's noun token stands for its part (友好条约/n) unless
    that part is a verb (达成协议: reach an agreement). A head token that is no noun (想方设法/i) gives no words."""
    words = list(tokens[i:k])
    if tokens[k].start < hs:
        part = tokenize(text[tokens[k].start : hs])
        if not tokens[k].pos.startswith(_NOUN_TAGS) or (not law and part[-1].is_verb):
            return []
        words += part if law else [tokens[k]]
    return words


def _names_subject(words: Sequence[Token], size: int, *, law: bool, parties: bool) -> bool:
    """Whether a law's or an instrument's stem ends on what it governs, as a title does.

    A law is named by its subject: a noun of two characters or more (增值税|法), or a verbal noun after a noun
    (传染病防治|法); a one-character or verbal ending is a way of doing (工作方|法, 文明执|法, 做|法) and a stem
    holding 法 a slogan (尊法|法学|法). An instrument is named by its parties (甲地宣言, 中美联合声明: a place,
    a body, an abbreviation, or China and its partner's one-character short name) or by a subject phrase of six
    characters or more ending on a noun (某某经济伙伴关系|协定); a short or verbal stem without a party is a kind of
    agreement (文化合作|协定, 市民公约, 陆地边界条约, 达成|协议). ``size``: the stem's length in characters;
    ``parties``: the sentence's words of the stem name a party (the tags of a part the segmenter joined to the
    head are no evidence: 同盟条约/n)."""
    if not words:
        return False
    last = words[-1]
    partner = parties and len(words) > 1 and words[-2].text == _CHINA  # 中|英: China and a one-character partner
    if (len(last.text) < 2 and not partner) or (law and "法" in last.text):
        return False
    noun = last.pos.startswith(_NOUN_TAGS)
    verbal_noun = last.pos == "vn" and len(words) > 1 and words[-2].pos.startswith(_NOUN_TAGS)
    if law:
        return noun or verbal_noun
    if parties:
        return noun or verbal_noun or _names_party([last])  # 东盟自贸区升级|议定书, 中日/t|联合声明
    return noun and size >= 6


_PARTY_TAGS = frozenset({"ns", "nt", "j"})
_PARTY_DASHES = frozenset("—－-–")
"""The dashes between the parties of an instrument's title (中国—东盟自贸区升级议定书)."""


def _names_party(words: Sequence[Token]) -> bool:
    """Whether one of ``words`` is a party to an instrument: a place, a body or an abbreviation (巴黎, 东盟, 中澳), or
    China and its partner's one-character short name (中葡)."""
    return any(w.pos in _PARTY_TAGS or (len(w.text) == 2 and w.text[0] == "中") for w in words)


_COUNT_RE = re.compile(r"[0-9一二三四五六七八九十两几]+(?:个|项|部|份|批|些)")
"""升级8个自贸协定, 三个联合公报: a count of instruments, no title."""


_METHOD_STEMS = ("工作", "宪")
"""某某工作法 is a working method, not a law; 宪法 is one of :func:`named_codes`."""


def _is_way_of_doing(token: Token) -> bool:
    """A two-character word ending in 法 (方法, 做法, 执法, 学法) is a way of doing, never a law: a law's word is 法
    alone or holds its subject (预算法, 专利法)."""
    return len(token.text) == 2 and token.text.endswith("法")


_CHINA = "中"


def _over_china(tokens: Sequence[Token], i: int, head: int) -> int:
    """Where an instrument's title opens when the segmenter cut China's 中 off its partner's short name (中/f|英/j|
    联合声明, 中/f|泰/ns|…备忘录): at 中, as bilateral instruments are titled by both parties (:func:`_names_party`);
    the name rule stops at 中 as at a direction word. Also at the first party of a title that joins two with a
    dash (中国—|东盟自贸区升级议定书), where the name rule stops at the dash. ``i`` otherwise."""
    if 0 < i < head and tokens[i - 1].text == _CHINA and tokens[i].pos in _PARTY_TAGS:
        return i - 1
    dashed = 1 < i < head and tokens[i - 1].text in _PARTY_DASHES
    if dashed and tokens[i].pos in _PARTY_TAGS and tokens[i - 2].pos in _PARTY_TAGS:
        return i - 2
    return i


def _after_coordinator(tokens: Sequence[Token], i: int, head: int) -> int:
    """The start of the last item of a stem joined by 和/及/与 (甲方针和|乙基本法): the head names the last one."""
    for j in range(head - 1, i - 1, -1):
        if tokens[j].text in _COORDINATORS:
            return j + 1
    return i


def instrument_titles(text: str, tokens: Sequence[Token], part: str | None = None) -> list[tuple[int, str, str]]:
    """(start, title, status) of the laws and international instruments ``text`` cites by title without 《》:
    a subject stem and a kind of the 立法法 or of the treaty database (``data/policy_instruments.txt``: 增值税法,
    香港特别行政区基本法, 区域全面经济伙伴关系协定, 甲乙和平友好条约). The title names a document whatever verb stands
    before it; that verb gives the status (签署 → issued, 起草 → planned, ``data/policy_instrument_verbs.tsv``),
    else it is cited. A kind alone (该法, 一部法律, 有关协定) or after a way of doing (工作方法) titles nothing."""
    quoted = [m.span() for m in _QUOTE_TITLE_RE.finditer(text)]
    out: list[tuple[int, str, str]] = []
    for k, hs, he in head_spans(text, tokens, "policy_instruments.txt"):
        if any(a <= hs < b for a, b in quoted) or text[:he].endswith(_suffix_words()) or _is_way_of_doing(tokens[k]):
            continue  # 《…》 is named as written; 办法, 促进法 are policy_suffixes' titles
        i = _over_china(tokens, _after_coordinator(tokens, name_start(tokens, k, nominal=tokens[k].start < hs), k), k)
        verbs = [j for j in range(i, k) if tokens[j].text in _instrument_verbs()]
        i = verbs[-1] + 1 if verbs else i  # 商签/n|两岸…协议: a verb jieba tagged a noun is the predicate
        start = tokens[i].start if i < k else tokens[k].start
        if text.startswith("“", start) and text.startswith("”", he):
            start += 1  # “某地宣言”: the quoted title
        stem, law = text[start:hs], text[hs:he].endswith("法")
        if (
            len(stem) < 2
            or stem.count("“") != stem.count("”")
            or stem.endswith(_METHOD_STEMS)
            or ("的" in stem) != stem.startswith(_OPEN_WITH_DE)
            or "、" in stem
            or not _opens_title(tokens, i, stem)
            or _DETERMINER_RE.search(stem)
            or stem in word_set("policy_generic.txt")
            or _COUNT_RE.search(stem)
            or not _names_subject(
                _stem_words(text, tokens, i, k, hs, law), len(stem), law=law, parties=_names_party(tokens[i:k])
            )
            or (i > 0 and is_verbal(tokens[i - 1]) and len(tokens[i - 1].text) == 1)  # 进步跨|太平洋…: cut inside
        ):
            continue
        verb = _instrument_verb(_clause_before(text, start))
        status = _instrument_verbs().get(verb or "", "cited")
        out.append((start, text[start:he], "issued" if status == "planned" and part == "review" else status))
    return out


_EDITION_WORD_RE = re.compile(r"^(?:新版|最新版|新修订的|修订后的)(?=[\u4e00-\u9fff])")
"""落实新版|鼓励外商投资产业目录, 实施新修订的|外商投资产业指导目录: which edition is meant, no part of the title."""


def _without_edition_word(title: str) -> str:
    """``title`` without a leading word naming its edition (新版, 新修订的): the document keeps its title."""
    return _EDITION_WORD_RE.sub("", title)


def find_policies(
    report: Report, ctx: DocContext, agencies: list[Agency], tokens: Mapping[int, Sequence[Token]] | None = None
) -> list[Policy]:
    """The named policy documents of ``report``."""
    found: dict[str, Policy] = {}

    def add(title: str, sentence: int, *, agency: str | None, status: str) -> None:
        title = _without_edition_word(title.strip())
        if not title:
            return
        policy = found.get(title)
        if policy is None:
            policy = found[title] = Policy(title, agency=agency, status=status)
        elif agency and not policy.agency:
            policy.agency = agency
        if sentence not in policy.sentences:
            policy.sentences.append(sentence)

    own = own_titles(report)
    for title, agency in own:
        found[title] = Policy(title, agency=agency, status="issued")
    priced: set[str] = set()
    for title, agency in own:
        for named in titled_policies(title):  # the notice sets the policy it is named after
            found.setdefault(named, Policy(named, agency=agency, status="issued"))
            priced.add(named)

    item_sentences = set()
    for item in report.items:
        if not _LIST_TITLE_RE.search(item.list_title):
            continue
        text, owner = strip_owner(item.text)
        if not word_re("policy_suffixes.txt").search(text[-6:]):
            continue
        status = "planned" if _PLANNED_LIST_RE.search(item.list_title) else "issued"
        add(text, item.sentence, agency=item.owner or owner, status=status)
        item_sentences.add(item.sentence)

    list_titles = {item.list_title.strip() for item in report.items}
    for sentence in report.sentences:
        if sentence.index in item_sentences or sentence.text.strip() in list_titles:
            continue
        text = sentence.text
        words = tokens[sentence.index] if tokens is not None else tokenize(text)
        responsible = responsible_agency(text)
        for m in _QUOTE_TITLE_RE.finditer(text):
            if not is_document_title(m.group(1)):
                continue
            lead = _quote_lead(words, m.start())
            add(m.group(1), sentence.index, agency=responsible, status=_status(lead, sentence.part))
        for title, issuer in _notice_titles(text):
            if not any(title in t for t, _ in own if t != title):  # the report's own title, named in full
                add(title, sentence.index, agency=issuer or responsible, status="issued")
                for named in titled_policies(title):
                    add(named, sentence.index, agency=issuer or responsible, status="issued")
        for start, title, issuer in about_titles(text):
            status = _status(_quote_lead(words, start), sentence.part)
            add(title, sentence.index, agency=issuer or responsible, status=status)
        for start, title in price_policies(text):
            status, agency = _status(_quote_lead(words, start), sentence.part), responsible
            if own and status == "cited" and _EFFECT_RE.search(_clause_before(text, start)):
                status, agency = "issued", responsible or own[0][1]  # 本市试行…政策 in the notice that sets it
            add(title, sentence.index, agency=agency, status=status)
            priced.add(title)
        subjects = _subject_titles(text, words, {m.end(1) for m in _QUOTE_TITLE_RE.finditer(text)})
        running = [r for r in _running_titles(text, words) if not any(s.endswith(r[0]) for s, _ in subjects)]
        running += subjects  # 实施|优化营商环境行动方案: the title opening after the lead verb is the longer one
        running += [(t, v) for t, v in count_titles(text, words) if not any(t in r for r, _ in running)]
        for title, verb in running:
            if f"《{title}》" in text:
                continue
            head = agency_mentions(title)
            agency = head[0][2] if head and head[0][0] == 0 else responsible
            add(title, sentence.index, agency=agency, status=_status(verb, sentence.part))
        named = [m.group(1) for m in _QUOTE_TITLE_RE.finditer(text)] + [t for t, _ in running]
        for _, title, status in instrument_titles(text, words, sentence.part):
            if not any(t.endswith(title) or title.endswith(t) for t in named):
                add(title, sentence.index, agency=responsible, status=status)
                named.append(title)
        for start, title in [*five_year_plans(text), *quoted_policies(text), *named_codes(text)]:
            if not any(title in t and title != t for t in named):  # 《某省…第十五个五年规划纲要》 is named in full
                add(title, sentence.index, agency=None, status=_status(_quote_lead(words, start), sentence.part))

    _merge_back_references(found, priced)
    policies = list(found.values())
    for p in policies:
        p.may_be_same_as = [q.title for q in policies if near_duplicates(p.title, q.title)]
    return policies


_EFFECT_RE = re.compile(r"试行|实行|实施|执行")


def _clause_before(text: str, start: int) -> str:
    """The clause of ``text`` that ends at ``start``."""
    cut = max(text.rfind(c, 0, start) for c in _CLAUSE_END)
    return text[cut + 1 : start]


def _merge_back_references(found: dict[str, Policy], priced: set[str]) -> None:
    """Fold a price policy named short (本次阶梯电价政策) into the one named in full in the same document
    (居民阶梯气价政策): the short name refers back to it, it is no second policy."""
    for short in sorted(priced, key=len):
        full = [t for t in priced if t != short and t.endswith(short) and t in found]
        if short in found and len(full) == 1:
            policy = found.pop(short)
            target = found[full[0]]
            target.sentences.extend(i for i in policy.sentences if i not in target.sentences)
            target.agency = target.agency or policy.agency
