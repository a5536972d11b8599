"""Shared fixtures: the repository's bundled documents and the `jiexi` CLI built by cargo."""

import json
import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "python" / "spark"))

#: The documents the app bundles: the seed pages and the sample article.
BUNDLED = sorted(ROOT.glob("seeds/*.txt")) + sorted(ROOT.glob("samples/*.txt"))


def read_text(path: pathlib.Path) -> str:
    """A file as the CLI reads it: UTF-8, a leading BOM dropped."""
    return path.read_bytes().decode("utf-8-sig")


@pytest.fixture(scope="session")
def cli() -> str:
    """The `jiexi` binary cargo builds (a no-op after `cargo test`; CARGO_TARGET_DIR honoured),
    or JIEXI_CLI when set."""
    if os.environ.get("JIEXI_CLI"):
        return os.environ["JIEXI_CLI"]
    out = subprocess.run(
        ["cargo", "build", "--quiet", "--offline", "-p", "jiexi-engine", "--bin", "jiexi",
         "--message-format=json"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    for line in out.splitlines():
        message = json.loads(line)
        if message.get("reason") == "compiler-artifact" and message.get("executable"):
            return message["executable"]
    pytest.fail("cargo built no jiexi binary")


def run_cli(cli: str, *args: str, stdin: bytes = b"") -> bytes:
    return subprocess.run([cli, *args], input=stdin, capture_output=True, check=True).stdout


def to_json(value) -> str:
    """JSON as serde_json writes it: no spaces, non-ASCII as is."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
