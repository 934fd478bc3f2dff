"""Chinese for argparse's own words ("usage:", "options", "show this help message
and exit", its error lines), so ``mediator --help`` and ``mediator-server --help``
read in one language.

argparse looks each of its phrases up through its module-level ``_`` (gettext) at
the moment it prints it, and Python ships no Chinese catalogue for it; :func:`install`
puts a lookup of the phrases below there.  Called by our own command lines only
(never on import), so nobody else's argparse changes."""

from __future__ import annotations

import argparse

_ZH = {
    "usage: ": "用法：",
    "positional arguments": "参数",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少以下参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "无效的选择：%(value)r（可选：%(choices)s）",
    "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
    "expected one argument": "需要一个值",
    "expected at least one argument": "至少需要一个值",
    "expected at most one argument": "最多只能有一个值",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "ambiguous option: %(option)s could match %(matches)s":
        "选项 %(option)s 不明确，可能是 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "必须给出参数 %s 之一",
}


def translate(text: str) -> str:
    """The Chinese of one argparse phrase (the phrase itself when not listed)."""
    return _ZH.get(text, text)


def install() -> None:
    """Make argparse print its own words in Chinese in this process."""
    argparse._ = translate  # type: ignore[attr-defined]
