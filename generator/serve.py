"""Live preview: `mkdocs serve`, with the fact sheets regenerated whenever an article or a template changes.

MkDocs watches `docs/` and reloads the browser when a page there changes. This watches what MkDocs cannot see,
the articles and the templates, and re-runs the build; the build rewrites only the pages whose content changed,
so those writes into the generated folder are what MkDocs picks up. Polling file times keeps this free of
platform-specific file-event APIs, and a folder of a few thousand articles is scanned in milliseconds.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from generator.build import BuildReport
from generator.config import Settings

# What identifies a version of a file: modification time and size (a rewrite within the clock's resolution
# seldom keeps the size too).
Stamp = tuple[int, int]


def snapshot(folders: Iterable[Path]) -> dict[Path, Stamp]:
    """Every file under `folders` but hidden and backup files: editors' swap files come and go as one types."""
    stamps: dict[Path, Stamp] = {}
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = [name for name in dirnames if not name.startswith(".")]
            for name in filenames:
                if name.startswith(".") or name.endswith("~"):
                    continue
                path = Path(dirpath, name)
                try:
                    stat = path.stat()
                except FileNotFoundError:  # removed between listing and looking
                    continue
                stamps[path] = (stat.st_mtime_ns, stat.st_size)
    return stamps


def changed_files(before: dict[Path, Stamp], after: dict[Path, Stamp]) -> list[Path]:
    """Files added, removed or modified between two snapshots."""
    return sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))


class SourceWatcher:
    """Tells which files under the seeds and templates folders changed since it last looked."""

    def __init__(self, settings: Settings):
        self.folders = (settings.seeds_dir, settings.templates_dir)
        self.seen = snapshot(self.folders)

    def changes(self) -> list[Path]:
        now = snapshot(self.folders)
        changed = changed_files(self.seen, now)
        self.seen = now
        return changed


def regenerate_if_changed(
    watcher: SourceWatcher,
    settings: Settings,
    run_build: Callable[[Settings], BuildReport],
    echo: Callable[[str], None],
) -> BuildReport | None:
    """Rebuild when an article or template changed; None when nothing did.

    A build that raises (say, a template saved half-edited with a syntax error) is reported and the files stay
    marked as seen: the next save changes them again and so triggers the next build.
    """
    changed = watcher.changes()
    if not changed:
        return None
    shown = ", ".join(str(path) for path in changed[:3]) + (f" and {len(changed) - 3} more" if len(changed) > 3 else "")
    echo(f"changed: {shown}")
    try:
        return run_build(settings)
    except Exception as exc:  # keep serving: the next save may fix it
        echo(f"error: build failed: {type(exc).__name__}: {exc}")
        return None


def mkdocs_serve_command(config_file: Path, dev_addr: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "serve", "--config-file", str(config_file), "--dev-addr", dev_addr]


def serve(
    settings: Settings,
    config_file: Path,
    dev_addr: str,
    interval: float,
    run_build: Callable[[Settings], BuildReport],
    echo: Callable[[str], None],
) -> int:
    """Build, start `mkdocs serve`, and rebuild on every change to an article or template until MkDocs exits.

    Returns MkDocs' exit status (0 when stopped with Ctrl-C, or by `kill`).
    """
    watcher = SourceWatcher(settings)
    run_build(settings)
    # From the config file's folder, as `make site` builds: pymdownx.snippets resolves its paths from there.
    mkdocs = subprocess.Popen(
        mkdocs_serve_command(config_file.resolve(), dev_addr),
        cwd=config_file.resolve().parent,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    # `kill` and a closed terminal stop the preview as Ctrl-C does, MkDocs with it, rather than leave it serving alone.
    stop_signals = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    on_main_thread = threading.current_thread() is threading.main_thread()
    previous = {number: signal.signal(number, _interrupt) for number in stop_signals} if on_main_thread else {}
    try:
        # Slept between looks, not waited for with a timeout: Ctrl-C landing inside Popen.wait's polling loop can leave
        # its internal lock held, and the wait for MkDocs to stop below would then block for good.
        while (status := mkdocs.poll()) is None:
            time.sleep(interval)
            regenerate_if_changed(watcher, settings, run_build, echo)
        return status
    except KeyboardInterrupt:
        return 0
    finally:
        if mkdocs.poll() is None:
            mkdocs.terminate()
            try:
                mkdocs.wait(timeout=10)
            except subprocess.TimeoutExpired:
                mkdocs.kill()
                mkdocs.wait()
        for number, handler in previous.items():
            signal.signal(number, handler)


def _interrupt(number: int, frame: object) -> None:
    raise KeyboardInterrupt
