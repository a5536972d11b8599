#!/usr/bin/env python3
"""The crates' dependency graph keeps its direction: engine -> corpus -> worker -> page.

  python3 scripts/check_layers.py      prints the graph; exits 1 if a crate depends on one it may not

The engine (pure NLP, usable natively and in the worker) may depend on no other crate of the workspace,
and its library on no batch or file-format crate (rayon is the CLI's, behind the `cli` feature); the
corpus model only on the engine; the worker on both; the Python package only on the engine; nothing on
the page (the UI crate `jiexi`).
Run by scripts/test.sh.
"""
import json
import subprocess
import sys

# crate -> the workspace crates it may depend on
ALLOWED = {
    "jiexi-engine": set(),
    "jiexi-corpus": {"jiexi-engine"},
    "jiexi-worker": {"jiexi-engine", "jiexi-corpus"},
    "jiexi": {"jiexi-engine", "jiexi-corpus", "jiexi-worker"},
    # The engine as a Python package (python/): the analysis only, as the CLI prints it.
    "jiexi-python": {"jiexi-engine"},
}

# crate -> outside crates its library may depend on only as optional (a binary's feature)
OPTIONAL_ONLY = {
    "jiexi-engine": {"rayon", "encoding_rs", "chardetng"},
}

meta = json.loads(subprocess.run(["cargo", "metadata", "--format-version", "1", "--no-deps", "--offline"],
                                 capture_output=True, text=True, check=True).stdout)
members = {p["name"] for p in meta["packages"]}
bad = []
for p in sorted(meta["packages"], key=lambda p: p["name"]):
    local = sorted({d["name"] for d in p["dependencies"] if d["name"] in members})
    print(f"{p['name']} -> {', '.join(local) or '(no workspace crate)'}")
    allowed = ALLOWED.get(p["name"])
    if allowed is None:
        bad.append(f"{p['name']}: a new crate; say in scripts/check_layers.py what it may depend on")
        continue
    bad += [f"{p['name']} must not depend on {d}" for d in local if d not in allowed]
    for d in p["dependencies"]:
        if d["name"] in OPTIONAL_ONLY.get(p["name"], ()) and d["kind"] is None and not d["optional"]:
            bad.append(f"{p['name']}: {d['name']} belongs to the CLI or the corpus model, not the library")
if bad:
    sys.exit("layers: " + "; ".join(bad))
