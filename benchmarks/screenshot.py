"""The README's picture: the sample article's fact sheet, built and photographed in headless Chromium.

Not a benchmark, but it uses the same local site and browser as benchmarks/search.py. Refresh the picture after
changing the templates or the styles: `.venv/bin/python benchmarks/screenshot.py` (writes assets/factsheet.png, the README's picture).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

# Run as a script: this folder is on the import path.
from browser import chromium, serve_folder
from corpus import ROOT, make_project

OUTPUT = ROOT / "assets" / "factsheet.png"
PAGE = "facts/articles/putin-trump-call/"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUTPUT, help=f"PNG file to write (default: {OUTPUT.relative_to(ROOT)})")
    parser.add_argument("--width", type=int, default=1280)
    # Tall enough for the sample's summary and its whole relationship diagram.
    parser.add_argument("--height", type=int, default=1160)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="factsheet-screenshot-") as folder:
        site = build_sample_site(Path(folder))
        with serve_folder(site) as url, chromium() as browser:
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            response = page.goto(url + PAGE)
            # Material swaps a diagram's code block (pre.mermaid) for the drawing (div.mermaid) once Mermaid has run.
            if 'class="mermaid"' in response.text():
                page.locator("div.mermaid").first.wait_for()
            page.wait_for_load_state("networkidle")
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out))
    print(f"wrote {args.out} ({args.out.stat().st_size / 1000:.0f} kB)")
    return 0


def build_sample_site(folder: Path) -> Path:
    project = make_project(folder / "project", 1)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "generator", "build", "--templates", str(ROOT / "templates")], cwd=project, env=env, check=True)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", "site"], cwd=project, env=env, check=True)
    return project / "site"


if __name__ == "__main__":
    sys.exit(main())
