"""`factsheet init DIR`: a new fact-sheet project, so a newsroom starts its own site without this repository.

The project files come from the installed package: `generator/scaffold/` holds this repository's own
mkdocs.yml, hand-written docs pages, theme overrides, templates and sample article. In the repository
they are symbolic links to those files, and building the package copies the files themselves in, so a
new project always starts from exactly what this one builds with: there is no second copy to keep in step.
"""

from __future__ import annotations

import os
import shutil
from importlib.resources import as_file, files
from pathlib import Path

# Package data leaves out dotfiles, so they travel under another name.
_SHIPPED_AS = {"gitignore": ".gitignore"}
# `make mermaid` puts the pinned, hash-checked Mermaid into the scaffold, so that a new site draws its diagrams
# with its own copy: without it Material loads Mermaid from a CDN.
MERMAID = Path("docs/assets/javascripts/mermaid.min.js")


class InitError(Exception):
    """The project cannot be created where asked; the message says why, for one line of output."""


def init_project(target: Path, force: bool = False) -> list[Path]:
    """Write the project files into `target` (created if missing); the paths written, relative to it.

    A folder that already holds something is refused unless `force`: then files of the same name are
    replaced and every other file is left alone. Check `MERMAID` among the paths written: an installation
    built without `make mermaid` has no copy of it to give.
    """
    if target.exists() and not target.is_dir():
        raise InitError(f"{target} is a file, not a folder")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise InitError(f"{target} is not empty (--force writes into it, replacing files of the same name)")
    written = []
    with as_file(files("generator") / "scaffold") as scaffold:
        for source, name in _project_files(scaffold):
            destination = target / name
            if destination.is_dir():
                raise InitError(f"{destination} is a folder, where the project needs a file")
            if destination.exists() and destination.samefile(source):
                continue  # `init . --force` in this repository: the file is already its own
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)
            written.append(Path(name))
    return written


def _project_files(scaffold: Path) -> list[tuple[Path, str]]:
    """Each file of the scaffold and its path in a project, in a stable order."""
    found = []
    # followlinks: in a checkout, the scaffold's folders are links to the repository's own.
    for folder, subfolders, names in os.walk(scaffold, followlinks=True):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        for name in names:
            relative = (Path(folder) / name).relative_to(scaffold).as_posix()
            found.append((Path(folder) / name, _SHIPPED_AS.get(relative, relative)))
    return sorted(found, key=lambda pair: pair[1])
