"""The case workspace (办案工作台): step rail, one form page per lifecycle step, the
Today view, session mode and attachments.  Every string goes through :func:`common.tr`
(context ``Workflow``)."""
