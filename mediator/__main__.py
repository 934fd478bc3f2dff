"""``python -m mediator`` is the same as the ``mediator`` command."""

from mediator.cli import main

raise SystemExit(main())
