"""Where a problem of the registration goes on the page.

The registration service names each problem by a field path — ``summary``,
``requests[1]``, ``parties[0].id_number``, or a whole section (``requests``,
``parties``) — and :func:`place` puts its message beside that field: the red
line under the editor, a request row, a party card's field, or the section's own
line.  It returns the editor to focus (None when the page has no such field, so
the caller shows the message in the banner instead).
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QWidget

from mediator.ui.registration.fields import FieldBox
from mediator.ui.registration.parties import PartiesEditor
from mediator.ui.registration.requests_list import RequestsEditor

_PARTY_PATH = re.compile(r"^parties\[(\d+)\](?:\.(\w+))?$")
_REQUEST_PATH = re.compile(r"^requests\[(\d+)\]$")


def place(path: str, message: str, boxes: dict[str, FieldBox], requests: RequestsEditor,
          parties: PartiesEditor) -> QWidget | None:
    """Show ``message`` beside the field at ``path``; the editor to focus, if any."""
    if path in boxes:
        boxes[path].set_error(message)
        return boxes[path].editor
    if path == "requests":
        requests.section_error.setText(message)
        requests.section_error.show()
        return requests.row_edit(0)
    match = _REQUEST_PATH.match(path)
    if match:
        rows = [row for row, _t in requests.requests()]
        index = int(match.group(1))
        row = rows[index] if index < len(rows) else 0
        requests.row_box(row).set_error(message)
        return requests.row_edit(row)
    if path == "parties":
        parties.section_error.setText(message)
        parties.section_error.show()
        return parties.cards()[0].role
    match = _PARTY_PATH.match(path)
    if match:
        cards = parties.cards()
        index = int(match.group(1))
        if index < len(cards):
            return cards[index].show_problem(match.group(2) or "", message)
    return None
