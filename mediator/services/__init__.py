"""Use cases: each public method is one unit of work over the store.

The UI and the CLI talk to the core only through :class:`mediator.services.workspace.Workspace`
and the data classes of :mod:`mediator.services.dto`.
"""
