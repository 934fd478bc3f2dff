"""Concatenating finished PDFs into one (the dossier 卷宗: cover, contents, documents).

pyHanko is already our PDF toolkit, so no second PDF library comes in for this.
Each source's pages are deep-copied with one importer per source, so fonts and
images shared by a document's pages are copied once.  Signatures of a source
are not carried over: the dossier is a printable bundle; the signed agreement
stays its own file (``agreement.pdf``) and is the one to verify.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from typing import Any

from pyhanko.pdf_utils import generic as _generic
from pyhanko.pdf_utils import writer as _writer
from pyhanko.pdf_utils.generic import pdf_name
from pyhanko.pdf_utils.reader import PdfFileReader

from mediator.errors import DocumentError

# pyHanko is untyped; its objects are handled as Any here (mypy strict for services).
generic: Any = _generic
writer_mod: Any = _writer

# What a copied page keeps: its look, not its form fields or annotations.
_PAGE_KEYS = ("/MediaBox", "/CropBox", "/Rotate", "/Resources", "/Contents")
_INHERITED = ("/MediaBox", "/CropBox", "/Rotate", "/Resources")


def _pages(node: Any, inherited: dict[str, Any]) -> Iterator[Any]:
    inherited = {**inherited, **{k: node[k] for k in _INHERITED if k in node}}
    if node.get("/Type") == pdf_name("/Pages"):
        for kid in node["/Kids"]:
            yield from _pages(kid.get_object(), inherited)
        return
    page = generic.DictionaryObject({pdf_name("/Type"): pdf_name("/Page")})
    for key in _PAGE_KEYS:
        if key in node:
            page[pdf_name(key)] = node.raw_get(key)
        elif key in inherited:
            page[pdf_name(key)] = inherited[key]
    yield page


def page_count(pdf: bytes) -> int:
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        return int(reader.root["/Pages"]["/Count"])
    except Exception as exc:  # a damaged file can fail anywhere in the parser
        raise DocumentError("PDF文件已损坏，无法读取页数") from exc


def merge_pdfs(sources: Sequence[bytes], *, title: str = "") -> bytes:
    """One PDF with every page of ``sources`` in order."""
    if not sources:
        raise DocumentError("没有可合并的文书")
    writer = writer_mod.PdfFileWriter()
    if title:
        writer.set_info(generic.DictionaryObject(
            {pdf_name("/Title"): generic.TextStringObject(title),
             pdf_name("/Creator"): generic.TextStringObject("Mediator 调解工作台")}))
    for data in sources:
        try:
            reader = PdfFileReader(io.BytesIO(data), strict=False)
            pages = list(_pages(reader.root["/Pages"].get_object(), {}))
            importer = writer_mod._ObjectImporter(source=reader, target=writer, obj_stream=None,
                                       reference_map={})
            for page in pages:
                copied = importer.import_object(page)
                writer.insert_page(copied)
        except DocumentError:
            raise
        except Exception as exc:
            raise DocumentError("文书PDF已损坏，无法合并入卷宗") from exc
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
