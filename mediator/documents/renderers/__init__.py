"""One renderer module per official document; each exposes ``render(input) -> bytes``."""
