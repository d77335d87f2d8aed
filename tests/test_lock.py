"""requirements.lock is a closed set: `make setup` installs it with --no-deps, resolving nothing, so every requirement
of every locked distribution (the extras asked for included) must itself be locked, at a version that satisfies it.
A dependency added to pyproject.toml without `make lock`, or a lock edited by hand, fails here rather than on a fresh
machine."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
PINNED = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.M)


def locked_versions(lock_text: str) -> dict[str, Version]:
    return {canonicalize_name(name): Version(version) for name, version in PINNED.findall(lock_text)}


def lock_gaps(locked: dict[str, Version], roots: Iterable[str], requires_of: Callable[[str], list[str]]) -> list[str]:
    """What the lock lacks for `roots` and everything they need: one line per requirement that no locked version meets.

    Follows extras: a requirement `lxml[html_clean]` asks for lxml's requirements under the marker `extra == "html_clean"`.
    """
    gaps: list[str] = []
    asked: dict[str, set[str]] = {}
    pending = [(None, Requirement(root)) for root in roots]
    while pending:
        wanted_by, requirement = pending.pop()
        name = canonicalize_name(requirement.name)
        who = f"{requirement} (required by {wanted_by or 'pyproject.toml'})"
        if name not in locked:
            gaps.append(f"{who}: not in the lock")
            continue
        if not requirement.specifier.contains(locked[name], prereleases=True):
            gaps.append(f"{who}: the lock has {locked[name]}")
            continue
        new_extras = ({""} | set(requirement.extras)) - asked.get(name, set())
        if not new_extras:
            continue
        asked.setdefault(name, set()).update(new_extras)
        for line in requires_of(name):
            needed = Requirement(line)
            if needed.marker is None or any(needed.marker.evaluate({"extra": extra}) for extra in new_extras):
                pending.append((f"{name} {locked[name]}", needed))
    return sorted(set(gaps))


def _project_requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [*project["dependencies"], *(line for extra in project.get("optional-dependencies", {}).values() for line in extra)]


def _installed_requires(locked: dict[str, Version]) -> Callable[[str], list[str]]:
    """Requirements from the installed distribution's metadata, which must be the locked version's."""

    def requires_of(name: str) -> list[str]:
        installed = importlib.metadata.distribution(name)
        assert Version(installed.version) == locked[name], f"{name} {installed.version} is installed, the lock has {locked[name]}: run `make setup`"
        return installed.requires or []

    return requires_of


def test_every_requirement_of_the_project_and_of_each_locked_package_is_locked():
    locked = locked_versions((ROOT / "requirements.lock").read_text(encoding="utf-8"))
    gaps = lock_gaps(locked, _project_requirements(), _installed_requires(locked))
    assert not gaps, "requirements.lock is not closed (run `make lock`):\n" + "\n".join(gaps)


def test_every_lock_entry_carries_a_hash():
    entries = re.split(r"\n(?=[A-Za-z0-9])", (ROOT / "requirements.lock").read_text(encoding="utf-8"))
    unhashed = [entry.split()[0] for entry in entries if PINNED.match(entry) and "--hash=sha256:" not in entry]
    assert not unhashed


INVENTED_METADATA = {
    "paper": ["ink>=2", "glue[strong]; python_version >= '3'"],
    "ink": [],
    "glue": ["resin; extra == 'strong'", "solvent; extra == 'fast'"],
    "resin": [],
}


@pytest.mark.parametrize(
    ("locked", "gap"),
    [
        ({"paper": "1", "ink": "2", "glue": "1", "resin": "1"}, None),
        ({"paper": "1", "ink": "1", "glue": "1", "resin": "1"}, "ink>=2 (required by paper 1): the lock has 1"),
        ({"paper": "1", "ink": "2", "resin": "1"}, "glue[strong]; python_version >= \"3\" (required by paper 1): not in the lock"),
        # Only the extra someone asks for counts: glue's `fast` extra needs a solvent nobody locked, and that is fine.
        ({"paper": "1", "ink": "2", "glue": "1"}, "resin; extra == \"strong\" (required by glue 1): not in the lock"),
    ],
)
def test_lock_gaps_follow_requirements_and_the_extras_asked_for(locked, gap):
    versions = {name: Version(version) for name, version in locked.items()}
    assert lock_gaps(versions, ["paper"], INVENTED_METADATA.__getitem__) == ([gap] if gap else [])
