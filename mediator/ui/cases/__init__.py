"""案件 — the case list (lazy model, filters, search) and the case detail view."""
