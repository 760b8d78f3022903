from __future__ import annotations

import pytest

from kg.loaders.noise import drop_repeats, noise_kind, remove_noise, without_breadcrumbs, without_footer

REPORT = "全面落实河湖长制，常态化开展河湖“清四乱”行动。"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("导航菜单", "nav"),
        ("当前位置：公文素材库>演讲致辞>发言表态>城市品质提升工作部署会议领导讲话稿", "nav"),
        ("首页 | 新闻 | 报告", "nav"),
        ("网站：公文素材库|时间：2019-05-18 05:52:03|移动端：讲话稿", "meta"),
        ("本文仅代表作者观点，不代表本站立场。凡注明为博县网原创作品的，未经许可，不得转载", "disclaimer"),
        ("来源：网络整理 免责声明：本文仅限学习分享，如产生版权问题，请联系我们及时删除。", "disclaimer"),
        ("本文地址：/baogao/huadong/4392.html", "address"),
        ("链接地址：http://www.example.com/gongwen/304068.html", "address"),
        ("留言与评论（共有条评论）", "comment"),
        ("验证码：", "comment"),
        ("版权所有 © 2023 某某网 鲁ICP备12345678号", "copyright"),
        ("欧洲免费无码视频在线，亚洲日韩av中文字幕高清一区二区，成人午夜精选视频在线观看免费，五月情天", "spam"),
    ],
)
def test_noise_kinds(line, kind):
    assert noise_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        REPORT,
        "加强网站建设，完善政务公开，时间节点明确。",
        "通过设置微信公众号、“随手拍”APP等方式，鼓励市民及时发现和举报城市管理问题。",
        "全力打造宜居宜业宜游的品质城市，坚持城乡统筹发展。",
        "一、充分肯定我市城市品质提升工作取得的成绩",
    ],
)
def test_report_lines_are_not_noise(line):
    assert noise_kind(line) is None


def test_remove_noise_keeps_report_text_around_noise():
    lines = [
        "导航菜单",
        "荟聚奇文、博采众长、见贤思齐",
        "某市人民政府工作报告",
        REPORT,
        "验证码：",
        "本文地址：/a.html",
    ]
    assert remove_noise(lines) == ["某市人民政府工作报告", REPORT]


def test_drop_repeated_appendix():
    appendix = ["附件2", "2023年拟制发主要政策清单", "1.关于新能源产业高质量发展的意见（市发展改革委）"]
    lines = ["正文。", *appendix, "附件3", "重点行动计划清单", *appendix]
    assert drop_repeats(lines) == ["正文。", *appendix, "附件3", "重点行动计划清单"]


def test_short_repeats_are_kept():
    lines = ["各位代表！", "正文一。", "各位代表！", "正文二。"]
    assert drop_repeats(lines) == lines


def test_seed_noise_is_gone(seed):
    _, report = seed
    for word in ("导航菜单", "验证码", "本文仅代表", "本文地址", "免责声明", "当前位置", "无码", "ICP"):
        assert word not in report.text


REPORT_RUN = (
    "过去一年，全市地区生产总值增长6.5%。新建改造城镇老旧小区120个，惠及居民3.2万户。" * 4
    + "今年将新增城镇就业1.5万人。版权所有©2023某某网鲁ICP备12345678号"
)


def test_report_run_into_one_line_keeps_its_sentences():
    # a page saved without line breaks: the copyright footer must not take the report with it
    assert remove_noise([REPORT_RUN]) == [REPORT_RUN.split("版权所有")[0]]


def test_word_of_a_noise_pattern_inside_report_text_drops_only_its_sentence():
    rest = "全年办结群众诉求4.2万件，满意率98%。" + REPORT * 8
    line = "开通政务服务网，群众留言与评论均在3日内答复。" + rest
    assert remove_noise([line]) == [rest]


def test_short_noise_lines_are_still_dropped_whole():
    disclaimer = "本文仅代表作者观点，不代表本站立场。请读者仅作参考。"
    assert remove_noise(["本文仅代表作者观点，不代表本站立场。", disclaimer, REPORT]) == [REPORT]


def test_meta_pattern_does_not_reach_across_sentences():
    line = "发布时间：今年完成投资100亿元。各项工作有序推进，全年目标全面完成|下一步"
    assert noise_kind(line) is None


LICENCE = [
    "本作品是某国的法律、法规，国家机关的决议、决定、命令和其他文件。根据《著作权法》第五条，本作品不适用于该法，属于公有领域。",
    "注：中文维基文库社群认为，公务演讲不总是具有立法性质的文件。",
    "Public domain",
    "false",
]


def test_dataset_licence_footer_is_dropped_with_what_follows():
    body = ["一、过去一年工作回顾", REPORT, "各位代表！让我们团结奋斗！"]
    assert remove_noise(body + LICENCE) == body


def test_footer_opener_inside_a_report_keeps_the_report_text():
    quoting = "本作品是否受保护，要依法判断。" + REPORT * 30
    assert without_footer([REPORT, quoting, REPORT]) == [REPORT, quoting, REPORT]


def test_text_without_footer_is_unchanged():
    assert without_footer([REPORT, "Public domain is a term.", REPORT]) == [REPORT, "Public domain is a term.", REPORT]


def test_page_widgets_saved_one_word_a_line_are_noise():
    toolbar = ["下载", "打印", "全屏", "收藏", "【字号：", "加大", "还原", "减小", "】"]
    toolbar += ["【字体：", "大", "中", "小", "】", "分享到微信", "×"]
    assert remove_noise([*toolbar, "2026年某省政府工作报告", REPORT]) == ["2026年某省政府工作报告", REPORT]


def test_breadcrumb_trail_one_link_a_line_is_dropped():
    trail = ["当前位置：", "首页", ">", "政务信息", ">", "要闻"]
    assert without_breadcrumbs([*trail, REPORT]) == ["当前位置：", REPORT]
    assert remove_noise([*trail, REPORT]) == [REPORT]


def test_related_articles_box_and_editor_credits_close_the_page():
    tail = ["责任编辑：", "王某某", "扫一扫在手机打开当前页", "相关附件>>", "某省热议政府工作报告"]
    tail += ["打印本页", "关闭窗口"]
    assert remove_noise([REPORT, "各位代表！让我们团结奋斗！", *tail]) == [REPORT, "各位代表！让我们团结奋斗！"]
    assert remove_noise([REPORT, "相关报道：", "某市召开会议"]) == [REPORT]
