"""Opening a studio's Excel ledger safely: what the file is, which sheet holds the
table, and its rows streamed one at a time.

Why a module of its own: whatever a studio hands over must end in one clear
Chinese sentence, never a traceback — an old .xls (an OLE compound file: "save
it as .xlsx"), a password-protected workbook (also an OLE file, holding an
``EncryptedPackage`` stream), a .zip or .ods that is no workbook, a damaged
file, formulas whose results were never saved (a file written by a program,
not opened in Excel or WPS since), a million rows.

Decisions:
* A macro-enabled workbook (.xlsm) is *read for its values only*: openpyxl never
  runs VBA, and the values are what the ledger holds; refusing it would only
  make the studio re-save the file.  The report says the macros were ignored.
* Sheets are read with ``read_only=True, data_only=True``: rows stream from the
  zip, so memory stays flat whatever the file's size; the declared dimension is
  ignored (files written by other programs often state it wrong, which would cut
  the table short).  At most :data:`MAX_DATA_ROWS` rows with content are read;
  beyond that the import is refused with the limit named, rather than running out
  of memory on a sheet of a million rows.
* Hidden sheets are never imported (they are usually lists for drop-downs or
  old copies); the report names them.
"""

from __future__ import annotations

import re
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mediator.domain.ledger import HEADER_SCAN_ROWS, HeaderGuess, find_header
from mediator.domain.ledger_values import Cell, is_blank, row_kind
from mediator.errors import MediatorError
from mediator.safe_input import check_file, safe_name

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_DATA_ROWS = 20_000  # rows with content; a busy studio records a few thousand a year
MAX_BLANK_RUN = 5_000  # this many empty rows in a row: the table has ended
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
WHAT = "台账文件"


class LedgerFileError(MediatorError):
    """A ledger file that cannot be imported at all (nothing is imported)."""


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def _ole_kind(path: Path) -> str:
    """``encrypted``, ``xls`` or ``other`` for an OLE compound file, by the names in its
    directory (the names are UTF-16 in the directory sectors)."""
    with path.open("rb") as f:
        data = f.read(MAX_FILE_BYTES)
    if _utf16("EncryptedPackage") in data or _utf16("EncryptionInfo") in data:
        return "encrypted"
    if _utf16("Workbook") in data or _utf16("Book") in data:
        return "xls"
    return "other"


def sniff(path: Path) -> str:
    """What the file is: ``xlsx`` or ``xlsm`` (raises :class:`LedgerFileError` otherwise)."""
    check_file(path, MAX_FILE_BYTES, WHAT)
    name = safe_name(path)
    with path.open("rb") as f:
        head = f.read(8)
    if head == OLE_MAGIC:
        kind = _ole_kind(path)
        if kind == "encrypted":
            raise LedgerFileError(f"台账文件设置了打开密码，无法读取：{name}。请在 Excel 或 WPS 中"
                                  "打开，取消密码（文件→信息→保护工作簿→用密码进行加密，清空）"
                                  "后另存为 .xlsx 再导入。未导入任何案件。")
        if kind == "xls":
            raise LedgerFileError(f"这是旧版 Excel 97-2003 格式（.xls）的文件：{name}。"
                                  "请在 Excel 或 WPS 中打开，“另存为”Excel 工作簿（.xlsx）"
                                  "后再导入。未导入任何案件。")
        raise LedgerFileError(f"这是旧版 Office 格式的文件，不是 Excel 工作簿（.xlsx）：{name}。"
                              "未导入任何案件。")
    if head[:4] != ZIP_MAGIC:
        raise LedgerFileError(f"不是 Excel 工作簿（.xlsx）：{name}。请导入用 Excel 或 WPS 保存的"
                              " .xlsx 台账文件。未导入任何案件。")
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise LedgerFileError(f"台账文件已损坏，无法读取：{name}。未导入任何案件。") from None
    if "xl/workbook.xml" not in names:
        if "content.xml" in names:
            raise LedgerFileError(f"这是 OpenDocument 表格（.ods）：{name}。请另存为 Excel 工作簿"
                                  "（.xlsx）后再导入。未导入任何案件。")
        raise LedgerFileError(f"这是压缩文件，但不是 Excel 工作簿（.xlsx）：{name}。"
                              "未导入任何案件。")
    return "xlsm" if "xl/vbaProject.bin" in names else "xlsx"


@dataclass
class SheetChoice:
    title: str
    guess: HeaderGuess | None
    first_rows: list[tuple[Cell, ...]]


@dataclass
class LedgerBook:
    """An opened ledger: the sheet chosen, its header and the proposed mapping.

    Holds the workbook open (read-only) until :meth:`close`; use it as a context
    manager.  ``notes`` are lines for the report (macros ignored, hidden sheets)."""

    path: Path
    sheet: str
    guess: HeaderGuess
    sheets: list[str]  # the visible sheets, in order
    notes: list[str] = field(default_factory=list)
    _wb: Any = None
    _fh: Any = None

    def __enter__(self) -> LedgerBook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._wb is not None:
            self._wb.close()
            self._wb = None
        if self._fh is not None:
            self._fh.close()  # openpyxl leaves a file object it was given open
            self._fh = None

    @property
    def data_start(self) -> int:
        """The 0-based index of the first row below the header."""
        return self.guess.first_row + self.guess.rows

    def rows(self) -> Iterator[tuple[int, tuple[Cell, ...]]]:
        """(Excel row number, values) of every row below the header, blank rows
        included, at most :data:`MAX_DATA_ROWS` with content.  Raises
        :class:`LedgerFileError` for formulas without saved results or too many rows."""
        ws = self._wb[self.sheet]
        uncached = _uncached_formulas(self._wb, ws)
        width = max((c.index for c in self.guess.columns), default=0) + 1
        content = blank_run = 0
        for n, values in enumerate(_quiet(ws.iter_rows(values_only=True)), start=1):
            if n <= self.data_start:
                continue
            row = tuple(values[:width]) + (None,) * (width - len(values))
            if is_blank(row):
                blank_run += 1
                if blank_run >= MAX_BLANK_RUN:
                    self.notes.append(f"第 {n - blank_run + 1} 行起连续 {MAX_BLANK_RUN} 行"
                                      "为空，其后的行未读取")
                    return
                yield n, row
                continue
            blank_run = 0
            content += 1
            if content > MAX_DATA_ROWS:
                raise LedgerFileError(
                    f"工作表“{self.sheet}”的内容超过 {MAX_DATA_ROWS} 行，一次导入不了这么多："
                    "请按年度拆成几个文件分批导入。未导入任何案件。")
            if uncached and row_kind(row) == "data":
                _check_formulas(n, row, uncached, self.sheet)
            yield n, row


def _quiet(rows: Iterator[tuple[Cell, ...]]) -> Iterator[tuple[Cell, ...]]:
    """``rows`` with openpyxl's warnings (unsupported extensions …) silenced while
    each row is read only, not while the caller works between rows."""
    while True:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            row = next(rows, None)
        if row is None:
            return
        yield row


_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_REF = re.compile(rb'\sr="([A-Z]{1,3})(\d+)"')
_VALUE = re.compile(rb"<(?:\w+:)?v>[^<]")


def _uncached_formulas(wb: Any, ws: Any) -> set[tuple[int, int]]:
    """The (row, 0-based column) of every formula cell with no saved result.

    A plain scan of the sheet's XML (``<c r="A3"><f>A2+1</f></c>``: a formula and
    no ``<v>``), streamed in chunks: far cheaper than parsing the sheet a second
    time with formulas, and only formula cells are looked at."""
    try:
        src = wb._archive.open(ws._worksheet_path)  # openpyxl's own handles
    except (AttributeError, KeyError):
        return set()
    found: set[tuple[int, int]] = set()
    with src:
        rest = b""
        while True:
            chunk = src.read(1 << 22)
            buf = rest + chunk
            cut = len(buf) if not chunk else buf.rfind(b"</row>") + 1
            if cut <= 0:
                rest = buf
                continue
            part, rest = buf[:cut], buf[cut:]
            for m in _FORMULA.finditer(part):
                start = max(part.rfind(b"<c ", 0, m.start()), part.rfind(b":c ", 0, m.start()))
                end = part.find(b"c>", m.end())
                if start < 0:
                    continue
                cell = part[start:end if end > 0 else len(part)]
                ref = _REF.search(cell)
                if ref is not None and _VALUE.search(cell) is None:
                    found.add((int(ref[2]), _column_index(ref[1].decode())))
            if not chunk:
                return found


def _column_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _check_formulas(n: int, row: tuple[Cell, ...], uncached: set[tuple[int, int]],
                    sheet: str) -> None:
    for i, value in enumerate(row):
        if value is None and (n, i) in uncached:
            from mediator.domain.ledger import column_letter  # noqa: PLC0415

            raise LedgerFileError(
                f"工作表“{sheet}”第 {n} 行 {column_letter(i)} 列是公式，文件里没有保存计算结果"
                "（常见于由其他程序生成、未用 Excel 打开保存过的文件）：请在 Excel 或 WPS 中"
                "打开并保存一次，或把公式复制后“粘贴为数值”，再导入。未导入任何案件。")


def open_ledger(path: Path, *, sheet: str | None = None) -> LedgerBook:
    """Open ``path``, choose the sheet (``sheet``, or the visible sheet whose header
    is recognised best) and guess its header; raises :class:`LedgerFileError`."""
    kind = sniff(path)
    import openpyxl  # noqa: PLC0415 - heavy: only when importing a ledger

    name = safe_name(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "unsupported extension" and the like
        fh = path.open("rb")
        try:
            wb = openpyxl.load_workbook(fh, read_only=True, data_only=True, keep_links=False)
        except Exception:  # openpyxl raises many kinds for a damaged file
            fh.close()
            raise LedgerFileError(f"台账文件已损坏或不是有效的 Excel 工作簿，无法读取：{name}。"
                                  "未导入任何案件。") from None
        try:
            book = _choose_sheet(wb, path, sheet, name)
        except BaseException:
            wb.close()
            fh.close()
            raise
        book._fh = fh
    if kind == "xlsm":
        book.notes.insert(0, "文件含有宏（.xlsm）：宏不会运行，只读取单元格中保存的数值")
    return book


def _choose_sheet(wb: Any, path: Path, wanted: str | None, name: str) -> LedgerBook:
    visible = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
    hidden = [ws.title for ws in wb.worksheets if ws.sheet_state != "visible"]
    if wanted is not None:
        match = [ws for ws in wb.worksheets if ws.title == wanted]
        if not match:
            raise LedgerFileError(f"台账文件中没有名为“{wanted[:40]}”的工作表。未导入任何案件。")
        visible = match
    if not visible:
        raise LedgerFileError(f"台账文件中没有可见的工作表：{name}。未导入任何案件。")
    choices: list[SheetChoice] = []
    try:
        for ws in visible:
            ws.reset_dimensions()  # a wrong stated size must not cut the table short
            first = [tuple(r) for r in ws.iter_rows(max_row=HEADER_SCAN_ROWS, values_only=True)]
            choices.append(SheetChoice(ws.title, find_header(first), first))
    except Exception:
        raise LedgerFileError(f"台账文件已损坏，无法读取工作表：{name}。未导入任何案件。") from None
    found = [c for c in choices if c.guess is not None]
    if not found:
        where = "、".join(f"“{c.title[:30]}”" for c in choices[:5])
        raise LedgerFileError(
            f"在工作表{where}的前 {HEADER_SCAN_ROWS} 行中找不到台账的表头（如“受理日期”“当事人”"
            "“纠纷类型”等列名）。请确认这是案件台账，表头写在表格的第一行或标题下方。"
            "未导入任何案件。")
    best = max(found, key=lambda c: len(c.guess.mapping.columns) if c.guess else 0)
    assert best.guess is not None
    notes = [f"已跳过隐藏的工作表“{t[:30]}”" for t in hidden]
    others = [c.title for c in choices if c is not best]
    if others:
        notes.append(f"读取工作表“{best.title[:30]}”；未读取："
                     + "、".join(f"“{t[:30]}”" for t in others[:5]))
    return LedgerBook(path, best.title, best.guess, [ws.title for ws in visible], notes, wb)
