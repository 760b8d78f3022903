from __future__ import annotations

import pytest

from kg.loaders.decode import DecodeError, decode_bytes, is_binary

TEXT = "聊城市人民政府工作报告。新建中小学12所，新增义务教育学位1.2万个。"
TRAD = "長春市二道區人民政府工作報告。實施城市更新行動，推進老舊小區改造。"


def test_utf8():
    assert decode_bytes(TEXT.encode("utf-8")) == (TEXT, "utf-8")


def test_utf8_with_bom():
    assert decode_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8")) == (TEXT, "utf-8-sig")


def test_gbk():
    text, encoding = decode_bytes(TEXT.encode("gbk"))
    assert text == TEXT
    assert encoding == "gb18030"


def test_gbk_traditional_text_is_not_taken_for_big5():
    text, encoding = decode_bytes(TRAD.encode("gbk"))
    assert (text, encoding) == (TRAD, "gb18030")


def test_big5():
    text, encoding = decode_bytes(TRAD.encode("big5"))
    assert (text, encoding) == (TRAD, "big5")


def test_utf16_with_bom():
    assert decode_bytes(TEXT.encode("utf-16"))[0] == TEXT


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"%PDF-1.4\n", b"abc\x00\x00def", bytes(range(32)) * 4],
)
def test_binary(data):
    assert is_binary(data)
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(data)


def test_undecodable_garbage():
    garbage = bytes([0x80, 0xFF, 0xFE, 0x81, 0x30, 0xC0]) * 50
    with pytest.raises(DecodeError, match="undecodable"):
        decode_bytes(garbage)


def test_seeds_are_utf8(seed):
    _, report = seed
    assert report.encoding == "utf-8"
