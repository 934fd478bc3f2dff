"""Bad ledger files, made for real in a test's tmp dir (no mocks of the reader).

* :func:`ole_file` writes a genuine OLE compound file (the container of .xls and
  of password-protected Office files): header, FAT, directory, streams.
* :func:`million_row_sheet` writes a valid .xlsx whose sheet holds a million rows
  and whose stated dimension lies ("A1:C1"), straight as XML into the zip: fast
  to make, small on disk, and the reader must stream it and stop at its cap.
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

from openpyxl import Workbook

ENDOFCHAIN, FATSECT, FREESECT = 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
SECTOR = 512


def _dir_entry(name: str, kind: int, *, child: int = -1, right: int = -1, start: int = 0,
               size: int = 0) -> bytes:
    raw = (name + "\0").encode("utf-16-le")
    nosib = 0xFFFFFFFF
    return struct.pack(
        "<64sHBBIII16sIQQIII", raw.ljust(64, b"\0"), len(raw), kind, 1,
        nosib, right & 0xFFFFFFFF if right >= 0 else nosib,
        child & 0xFFFFFFFF if child >= 0 else nosib,
        b"\0" * 16, 0, 0, 0, start, size, 0)


def ole_file(path: Path, streams: dict[str, bytes]) -> Path:
    """A compound file (version 3, 512-byte sectors) holding ``streams`` (each padded
    to 4096 bytes so no mini stream is needed)."""
    names = list(streams)
    data = [streams[n].ljust(4096, b"\0") for n in names]
    sectors_per = [len(d) // SECTOR for d in data]
    fat = [FATSECT, ENDOFCHAIN]  # sector 0: the FAT, sector 1: the directory
    starts = []
    for count in sectors_per:
        start = len(fat)
        starts.append(start)
        fat += [start + i + 1 for i in range(count - 1)] + [ENDOFCHAIN]
    fat += [FREESECT] * (SECTOR // 4 - len(fat))
    entries = [_dir_entry("Root Entry", 5, child=1, start=ENDOFCHAIN)]
    for i, name in enumerate(names):
        right = i + 2 if i + 1 < len(names) else -1
        entries.append(_dir_entry(name, 2, right=right, start=starts[i], size=len(data[i])))
    directory = b"".join(entries).ljust(SECTOR, b"\0")
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\0" * 16, 0x3E, 3,
        0xFFFE, 9, 6, b"\0" * 6, 0, 1, 1, 0, 4096, ENDOFCHAIN, 0, ENDOFCHAIN, 0)
    difat = struct.pack("<I", 0) + struct.pack("<I", FREESECT) * 108
    path.write_bytes(header + difat + struct.pack(f"<{SECTOR // 4}I", *fat) + directory
                     + b"".join(data))
    return path


def xls_file(path: Path) -> Path:
    """An Excel 97-2003 workbook's container: a ``Workbook`` stream (BIFF8)."""
    return ole_file(path, {"Workbook": b"\x09\x08\x10\x00\x00\x06\x05\x00",
                           "\x05SummaryInformation": b"\xfe\xff"})


def encrypted_file(path: Path) -> Path:
    """What Excel writes for a workbook with an open password (agile encryption)."""
    return ole_file(path, {"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00<?xml",
                           "EncryptedPackage": bytes(range(256)) * 8})


def million_row_sheet(path: Path, rows: int = 1_000_000) -> Path:
    """A real .xlsx of ``rows`` ledger rows under a real header; its dimension lies."""
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
            '.org/package/2006/content-types"><Default Extension="rels" ContentType='
            '"application/vnd.openxmlformats-package.relationships+xml"/><Default Extension='
            '"xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
            'main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application'
            '/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http'
            '://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxml'
            'formats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" '
            'r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http'
            '://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>'),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for name, text in parts.items():
            z.writestr(name, text)
        with z.open("xl/worksheets/sheet1.xml", "w") as f:
            f.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                    b'openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C1"/>'
                    b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>\xe5\x8f\x97\xe7\x90'
                    b'\x86\xe6\x97\xa5\xe6\x9c\x9f</t></is></c><c r="B1" t="inlineStr"><is><t>'
                    b'\xe7\x94\xb3\xe8\xaf\xb7\xe4\xba\xba</t></is></c><c r="C1" t="inlineStr">'
                    b'<is><t>\xe8\xa2\xab\xe7\x94\xb3\xe8\xaf\xb7\xe4\xba\xba</t></is></c></row>')
            chunk = []
            for n in range(2, rows + 2):
                chunk.append(f'<row r="{n}"><c r="A{n}"><v>45721</v></c><c r="B{n}" '
                             f't="inlineStr"><is><t>甲</t></is></c><c r="C{n}" t="inlineStr">'
                             f'<is><t>乙</t></is></c></row>')
                if len(chunk) == 10_000:
                    f.write("".join(chunk).encode())
                    chunk = []
            f.write("".join(chunk).encode())
            f.write(b"</sheetData></worksheet>")
    return path


def simple_ledger(path: Path, rows: list[list[object]],
                  header: tuple[str, ...] = ("受理日期", "申请人", "被申请人", "纠纷类型",
                                             "纠纷简要情况")) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(list(header))
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def as_macro_workbook(src: Path, dest: Path) -> Path:
    """``src`` with a VBA project inside, as Excel saves a macro-enabled .xlsm."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w") as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item.filename))
        zout.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    return dest
