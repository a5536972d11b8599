#!/usr/bin/env python3
"""The crates' dependency graph keeps its direction: text -> engine -> worker -> page.

  python3 scripts/check_layers.py      prints the graph; exits 1 if a crate depends on one it may not

The engine (pure NLP, usable natively and in the worker) may depend on no other crate of the workspace;
the worker only on the engine; nothing on the page (the UI crate `jiexi`). Run by scripts/test.sh.
"""
import json
import subprocess
import sys

# crate -> the workspace crates it may depend on
ALLOWED = {
    "jiexi-engine": set(),
    "jiexi-worker": {"jiexi-engine"},
    "jiexi": {"jiexi-engine", "jiexi-worker"},
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
if bad:
    sys.exit("layers: " + "; ".join(bad))
