"""Every string translated: the catalogues are complete and current, and no
user-visible string in mediator/ui bypasses tr().

The one place that checks translations as a whole (the packages' own
test_translations.py check their Markdown tables):

* the .ts catalogues: nothing unfinished, vanished or obsolete; placeholders kept;
  every table row agrees with the catalogue (apply_translations.py never
  overwrites a finished entry, so a changed row would otherwise never reach users);
* the .ts files are what ``build/translations.py`` would write (lupdate finds no
  new string, no table row waits to be merged) and each .qm is its .ts compiled;
* a static check of mediator/ui: string literals with letters handed straight to a
  Qt text setter or constructor without tr(); tr() calls lupdate cannot read; and
  Chinese literals that would show in the English UI.

A failure here after adding GUI strings means: put the Chinese in your package's
TRANSLATIONS_zh_CN.md and run ``python build/translations.py`` (``make translations``).
"""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "translations"
UI = ROOT / "mediator" / "ui"
CATALOGUES = sorted(TS_DIR.glob("*.ts"))


def build_script(name: str) -> ModuleType:
    """build/<name>.py, imported from its file (build/ is not a package)."""
    sys.path.insert(0, str(ROOT / "build"))
    try:
        spec = importlib.util.spec_from_file_location(name, ROOT / "build" / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "build"))


# ------------------------------------------------------------------ the catalogues
def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    tree = ET.parse(ts)
    out = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message.findtext("source") or "", message))
    return out


def translations_of(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [f.text or "" for f in translation.iter("numerusform")]
    return [translation.text or ""]


def test_the_catalogues_are_there() -> None:
    assert [p.name for p in CATALOGUES] == ["mediator_en.ts", "mediator_zh_CN.ts"]


@pytest.mark.parametrize("ts", CATALOGUES, ids=lambda p: p.stem)
def test_no_entry_is_unfinished_vanished_obsolete_or_empty(ts: Path) -> None:
    """zh_CN carries every string; en only plural forms, which must be filled too."""
    entries = messages(ts)
    assert entries
    problems = []
    for context, source, message in entries:
        translation = message.find("translation")
        assert translation is not None
        kind = translation.get("type")
        if kind in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{kind}: {context}: {source!r}")
        elif not all(t.strip() for t in translations_of(message)):
            problems.append(f"empty: {context}: {source!r}")
    assert not problems, f"{ts.name}: {problems}"


def test_chinese_keeps_every_placeholder() -> None:
    for context, source, message in messages(TS_DIR / "mediator_zh_CN.ts"):
        wanted = sorted(re.findall(r"%\d|%n", source))
        for text in translations_of(message):
            assert sorted(re.findall(r"%\d|%n", text)) == wanted, (context, source, text)
            if context != "FirstRunDialog":  # its examples are Chinese in both languages
                # Chinese text or Chinese punctuation (e.g. "%1、%2" joining a list)
                assert re.search(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]", text), (
                    context, source, text)


def test_every_table_row_agrees_with_the_catalogue() -> None:
    """A row changed after its merge must be changed in the .ts too (or the .ts entry
    marked unfinished, so build/translations.py takes the row again)."""
    apply = build_script("apply_translations")
    catalogue = {(context, apply._key(source)): translations_of(message)[0]
                 for context, source, message in messages(TS_DIR / "mediator_zh_CN.ts")}
    disagree = []
    for table in apply.find_tables():
        for (context, source), chinese in apply.read_table(table).items():
            merged = catalogue.get((context, apply._key(source)))
            if merged is not None and merged != chinese:
                disagree.append(f"{table.relative_to(ROOT)}: {context}: {source!r}: "
                                f"table {chinese!r}, catalogue {merged!r}")
    assert not disagree, "\n".join(disagree)


def test_catalogues_match_the_code_and_the_tables() -> None:
    """Running build/translations.py would not change a .ts: lupdate finds no new or
    removed string and every table row is merged."""
    stale = build_script("translations").stale_catalogues()
    assert not stale, f"{stale}: run python build/translations.py and commit the result"


def test_every_qm_is_its_ts_compiled() -> None:
    stale = build_script("translations").stale_qm_files()
    assert not stale, f"{stale}: run python build/translations.py and commit the result"


# --------------------------------------------------- the static check of mediator/ui
#: Methods whose text argument is what the user reads: the first "stringy" argument
#: (a literal, f-string, list of strings or tr() call), so an index, icon or
#: orientation before it and user data after it are skipped.
TEXT_METHODS = {
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip",
    "setWhatsThis", "setTitle", "setLabelText", "setInformativeText", "setDetailedText",
    "setAccessibleName", "setAccessibleDescription", "setWindowIconText", "setIconText",
    "setPrefix", "setSuffix", "setSpecialValueText", "setButtonText", "setTabText",
    "setTabToolTip", "setItemText", "setItemToolTip", "setHeaderData", "setHtml",
    "setPlainText", "setNameFilter", "setCancelButtonText", "setOkButtonText",
    "addItem", "addItems", "insertItem", "insertItems", "addAction", "addMenu", "addTab",
    "insertTab", "addRow", "insertRow", "addButton", "addSection", "showMessage",
    "setHeaderLabels", "setHorizontalHeaderLabels", "setVerticalHeaderLabels",
    "setSectionTitle", "setSubTitle", "showText", "setTextValue",
}
#: Widgets and items whose constructor takes the text (first stringy argument).
TEXT_CONSTRUCTORS = {
    "QLabel", "QPushButton", "QToolButton", "QCommandLinkButton", "QGroupBox", "QCheckBox",
    "QRadioButton", "QAction", "QMenu", "QLineEdit", "QTextEdit", "QPlainTextEdit",
    "QTableWidgetItem", "QListWidgetItem", "QTreeWidgetItem", "QStandardItem", "QDockWidget",
    "QProgressDialog",
}
#: Static dialogs: every stringy argument (title and text) is read by the user.
DIALOG_CLASSES = {"QMessageBox", "QInputDialog", "QFileDialog", "QToolTip"}
#: Keyword arguments (Qt properties) that carry text.
TEXT_KEYWORDS = {"text", "title", "toolTip", "placeholderText", "windowTitle", "statusTip",
                 "whatsThis", "informativeText", "detailedText", "caption", "filter",
                 "label", "labelText"}
#: Calls that translate their (first literal) argument.
TRANSLATING = {"tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP"}


def ui_modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(UI.rglob("*.py")):
        yield str(path.relative_to(UI)), ast.parse(path.read_text(encoding="utf-8"))


def call_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def has_letter(text: str) -> bool:
    return any(unicodedata.category(ch).startswith("L") for ch in text)


def is_stringy(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Call):
        return call_name(node) in TRANSLATING or call_name(node) in ("format", "join")
    if isinstance(node, ast.BinOp):
        return is_stringy(node.left) or is_stringy(node.right)
    if isinstance(node, ast.IfExp):
        return is_stringy(node.body) or is_stringy(node.orelse)
    if isinstance(node, (ast.List, ast.Tuple)):
        return bool(node.elts) and all(is_stringy(e) for e in node.elts)
    return False


def untranslated_literals(node: ast.expr) -> Iterator[str]:
    """The literal pieces of ``node`` with letters that do not pass through tr()."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if has_letter(node.value):
            yield node.value
    elif isinstance(node, ast.JoinedStr):
        for value in node.values:
            if isinstance(value, ast.FormattedValue):
                yield from untranslated_literals(value.value)
            else:
                yield from untranslated_literals(value)
    elif isinstance(node, ast.BinOp):
        yield from untranslated_literals(node.left)
        yield from untranslated_literals(node.right)
    elif isinstance(node, ast.IfExp):
        yield from untranslated_literals(node.body)
        yield from untranslated_literals(node.orelse)
    elif isinstance(node, (ast.List, ast.Tuple)):
        for element in node.elts:
            yield from untranslated_literals(element)
    elif isinstance(node, ast.Call) and call_name(node) in ("format", "join"):
        assert isinstance(node.func, ast.Attribute)
        yield from untranslated_literals(node.func.value)
        for arg in node.args:
            yield from untranslated_literals(arg)


def text_arguments(call: ast.Call) -> list[ast.expr]:
    """The arguments of ``call`` that the user reads as text, if it is a Qt text call."""
    name = call_name(call)
    keywords = [k.value for k in call.keywords if k.arg in TEXT_KEYWORDS]
    func = call.func
    if isinstance(func, ast.Attribute) and getattr(func.value, "id", "") in DIALOG_CLASSES:
        return [a for a in call.args if is_stringy(a)] + keywords
    if (name in TEXT_METHODS and isinstance(func, ast.Attribute)) or name in TEXT_CONSTRUCTORS:
        first = next((a for a in call.args if is_stringy(a)), None)
        return ([first] if first is not None else []) + keywords
    return []


def bypassing_tr() -> list[str]:
    found = []
    for path, module in ui_modules():
        for call in (n for n in ast.walk(module) if isinstance(n, ast.Call)):
            for arg in text_arguments(call):
                for text in untranslated_literals(arg):
                    found.append(f"{path}:{call.lineno}: {call_name(call)}(...{text!r}...)")
    return found


def test_no_user_visible_literal_bypasses_tr() -> None:
    """Only strings without letters (punctuation, digits, symbols) may skip tr()."""
    found = bypassing_tr()
    assert not found, "wrap in self.tr() and add the Chinese to the package's table:\n" + \
        "\n".join(found)


def test_the_static_check_finds_what_it_should() -> None:
    """The check itself, on a sample of the mistakes it is for."""
    sample = ast.parse(
        "QLabel('Name')\nw.setToolTip(f'{n} cases')\nb.addItem(icon, 'Keep', 'mine')\n"
        "QMessageBox.warning(self, self.tr('Title'), 'Body ' + x)\n"
        "t.setHeaderLabels([self.tr('A'), 'B'])\nQLabel(text='调解')\n"
        "w.setText('%1 / %2')\nw.setText(self.tr('Fine'))\nc.addItem(self.tr('Keep'), 'mine')\n"
        "w.setText(f'{self.tr(\"Due\")}: {n}')\n")
    found = [text for call in ast.walk(sample) if isinstance(call, ast.Call)
             for arg in text_arguments(call) for text in untranslated_literals(arg)]
    assert found == ["Name", " cases", "Keep", "Body ", "B", "调解"]


#: Packages whose strings reach tr() through variables, from a table the build script
#: turns into lupdate input (build/translations.py FIXED_CONTEXT).
FIXED_CONTEXT_PACKAGES = ("workflow/",)


def test_every_tr_call_is_one_lupdate_can_read() -> None:
    """lupdate reads ``tr("source")`` and ``translate("Context", "source")`` with
    literals only: ``tr(variable)`` never reaches the catalogue (unless the module
    marks its strings with QT_TRANSLATE_NOOP), and ``tr("Context", "text")`` is read
    as the source "Context" with a comment."""
    found = []
    for path, module in ui_modules():
        variables_allowed = path.startswith(FIXED_CONTEXT_PACKAGES) or any(
            isinstance(n, ast.Call) and call_name(n) in ("QT_TR_NOOP", "QT_TRANSLATE_NOOP")
            for n in ast.walk(module))
        for call in (n for n in ast.walk(module) if isinstance(n, ast.Call)):
            name = call_name(call)
            texts = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
                     for a in call.args]
            if name == "tr" and len(texts) >= 2 and texts[0] and texts[1] \
                    and re.fullmatch(r"[A-Z]\w*", texts[0]):
                found.append(f"{path}:{call.lineno}: tr() with two strings: use "
                             "QCoreApplication.translate(context, source)")
            elif name == "tr" and not (texts and texts[0]) and not variables_allowed:
                found.append(f"{path}:{call.lineno}: tr() of a variable")
            elif name == "translate" and None in texts[:2] and not variables_allowed:
                found.append(f"{path}:{call.lineno}: translate() of a variable")
    assert not found, "\n".join(found)


#: Chinese literals of mediator/ui that are not UI text of ours, each with why.
#: Error messages (raise ...) and parser patterns are allowed everywhere: errors are
#: Chinese by design, like the core's.
SAFE_INPUT_NAME = "names the file inside safe_input's Chinese refusal (core messages are Chinese)"
CHINESE_ALLOWED = {
    "app.py": {"调解工作台": "the application's display name in the Chinese UI only"},
    "documents/finalise_dialog.py": {"扫描件": SAFE_INPUT_NAME},
    "documents/seal_dialog.py": {"印章图片": SAFE_INPUT_NAME},
    "cases/listpage.py": dict.fromkeys(
        ("（2026）桂城人调字第10000号", "道路交通事故纠纷", "司法确认中"),
        "samples that size the columns; never drawn"),
    "registration/checks.py": dict.fromkeys(
        ("姓名", "单位名称", "法定代表人/负责人姓名", "职务", "民族", "单位或住址", "职业或职务",
         "纠纷简要情况", "申请事项", "移交/委托说明"),
        "field names inside the service's Chinese validation messages, mirrored here"),
    "registration/party_card.py": {"汉族": "a value of the ethnicity catalogue (data)"},
    "sync/enrol.py": {"中": "measures one Chinese character's width; never drawn"},
    "registration/party_layout.py": {"中": "measures one Chinese character's width; never drawn"},
    "workflow/common.py": {"中": "measures one Chinese character's width; never drawn"},
    "screening/visit_form.py": {"中": "measures one Chinese character's width; never drawn"},
    "workflow/outcome_terms.py": {
        "争议事项：": "starts the agreement's 纠纷主要事实 (document text, Chinese in both desks)"},
}


#: Modules that show no widget text at all, with why.
CHINESE_MODULES_ALLOWED = {
    "smoke.py": "`mediator --smoke` prints terminal lines (plain Chinese, like the CLI)",
}
#: Calls whose Chinese arguments are not UI text: translation, patterns, terminal lines.
NOT_UI_CALLS = {*TRANSLATING, "compile", "match", "fullmatch", "search", "sub", "print",
                "write"}


def chinese_literals() -> Iterator[tuple[str, int, str]]:
    """(path, line, text) of string literals with Chinese that are neither a
    docstring, nor inside tr(), a raise, a label= of a validation message, a regex, nor
    a line printed on the terminal (CLI messages are plain Chinese)."""
    cjk = re.compile(r"[\u3400-\u9fff\U00020000-\U0003ffff]")
    for path, module in ui_modules():
        parents = {child: node for node in ast.walk(module)
                   for child in ast.iter_child_nodes(node)}
        for node in ast.walk(module):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            if not cjk.search(node.value) or isinstance(parents.get(node), ast.Expr):
                continue
            up: ast.AST = node
            allowed = False
            while up in parents and not allowed:
                child, up = up, parents[up]
                allowed = (isinstance(up, ast.Raise)
                           or (isinstance(up, ast.Call) and call_name(up) in NOT_UI_CALLS)
                           or (isinstance(up, ast.keyword) and up.arg == "label")
                           or (isinstance(up, ast.Call) and child in up.args
                           and call_name(up).endswith("Error")))
            if not allowed:
                yield path, node.lineno, node.value


def test_no_chinese_literal_reaches_the_english_ui() -> None:
    found = [f"{path}:{line}: {text!r}" for path, line, text in chinese_literals()
             if text not in CHINESE_ALLOWED.get(path, {}) and path not in CHINESE_MODULES_ALLOWED]
    assert not found, ("give these an English source through tr() (or, if they are not "
                       "UI text, list them in CHINESE_ALLOWED with why):\n" + "\n".join(found))


def test_the_chinese_allowlist_has_no_stale_entry() -> None:
    present = {(path, text) for path, _line, text in chinese_literals()}
    stale = [(path, text) for path, texts in CHINESE_ALLOWED.items() for text in texts
             if (path, text) not in present]
    assert not stale, stale


#: The domain's Chinese labels (``*_ZH`` tables, ``.label_zh``) shown by the UI as they
#: are, so the English UI shows them in Chinese.  mediator/ui/labels.py picks a
#: label by language; these do not yet.  A ratchet: no new use, and a use removed
#: comes off the list.  Each needs English labels (through Labels or tr()).
CHINESE_DOMAIN_LABELS_KNOWN = {
    "registration/party_card.py": {"PARTY_ROLE_LABELS_ZH"},  # inside Chinese messages
    "workflow/forms_outcome.py": {"LEGAL_ROUTES_ZH"},  # the codes: shown through labels
    "workflow/session_mode.py": {"label_zh"},  # written into the record, which is Chinese
    "workflow/workspace.py": {"STATUS_LABELS_ZH", "label_zh"},  # the printed report
}

def test_no_new_chinese_domain_label_reaches_the_ui() -> None:
    used: dict[str, set[str]] = {}
    for path, module in ui_modules():
        if path in ("labels.py", "finding_text.py"):  # they pick by language (or read
            continue  # the Chinese sentence to say it in English)
        for node in ast.walk(module):
            name = node.id if isinstance(node, ast.Name) else (
                node.attr if isinstance(node, ast.Attribute) else "")
            if name.endswith("_ZH") or name == "label_zh":
                used.setdefault(path, set()).add(name)
    new = {p: names - CHINESE_DOMAIN_LABELS_KNOWN.get(p, set()) for p, names in used.items()}
    new = {p: names for p, names in new.items() if names}
    assert not new, f"show these through mediator.ui.labels.Labels (by language): {new}"
    gone = {p: names - used.get(p, set()) for p, names in CHINESE_DOMAIN_LABELS_KNOWN.items()}
    gone = {p: names for p, names in gone.items() if names}
    assert not gone, f"no longer used: take them off CHINESE_DOMAIN_LABELS_KNOWN: {gone}"
