"""Writes one benchmark's section of docs/performance.md, leaving the other sections as they are."""

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs" / "performance.md"
INTRO = "# Performance\n\nFigures measured on this project's machine; each section says how to re-run it.\n"


def section_write(section: str, path: Path = DOCS) -> None:
    """Replace the section whose "## " heading is `section`'s first line, or append it."""
    heading = section.lstrip("\n").splitlines()[0]
    body = section.strip("\n") + "\n"
    text = path.read_text() if path.exists() else INTRO
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.S | re.M)
    text = pattern.sub(lambda _: body + "\n", text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + body
    path.parent.mkdir(exist_ok=True)
    path.write_text(text.rstrip("\n") + "\n")
