"""Sync in the desktop: enrolment dialog, status-bar widget, conflict resolution page.

Self-contained widgets: each takes the workspace and the app's TaskRunner (database
work); network rounds run on a second runner of their own, so a slow server never
holds up a save.  The main window places them (status bar, a page, a menu entry).
"""

from mediator.ui.sync.conflicts import ConflictsPage
from mediator.ui.sync.enrol import EnrolDialog
from mediator.ui.sync.status import SyncStatusWidget

__all__ = ["ConflictsPage", "EnrolDialog", "SyncStatusWidget"]
