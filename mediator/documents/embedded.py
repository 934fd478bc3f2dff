"""The agreement's canonical content, carried inside its own PDF.

``mediator verify`` must recompute the QR hash from the file alone (a court or
the other party has no access to our database), so the renderer attaches the
canonical content and the QR payload as an embedded file
``mediator-verify.json``.  It holds nothing the printed pages do not already
show.  It is added before signing, so the PAdES signature covers it.
"""

from __future__ import annotations

import io
import json
from typing import Any

from pyhanko.pdf_utils import embed, generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader

from mediator.documents.qr import canonical_json

EMBEDDED_NAME = "mediator-verify.json"


def attach(pdf: bytes, payload: str, content: dict[str, Any]) -> bytes:
    """Return ``pdf`` with the payload and content attached (one incremental update)."""
    data = canonical_json({"payload": payload, "content": content})
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    ef = embed.EmbeddedFileObject.from_file_data(
        writer, data=data, mime_type="application/json",
        params=embed.EmbeddedFileParams(embed_size=True, embed_checksum=False),
    )
    spec = embed.FileSpec(
        file_spec_string=EMBEDDED_NAME, file_name=EMBEDDED_NAME, embedded_data=ef,
        description="人民调解协议书核验数据 (verification data)",
    )
    embed.embed_file(writer, spec)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def read(reader: PdfFileReader) -> dict[str, Any] | None:
    """The attached {"payload", "content"} or None when the file has none."""
    try:
        names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
    except KeyError:
        return None
    for i in range(0, len(names) - 1, 2):
        if str(names[i]) != EMBEDDED_NAME:
            continue
        spec = names[i + 1]
        stream = spec["/EF"]["/F"]
        if not isinstance(stream, generic.StreamObject):
            return None
        value = json.loads(stream.data.decode("utf-8"))
        return value if isinstance(value, dict) else None
    return None
