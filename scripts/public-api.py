#!/usr/bin/env python3
"""Adds the library's undeclared public API to src/ConflictExtract/PublicAPI.Unshipped.txt.

The build reports each undeclared public symbol as RS0016 (Microsoft.CodeAnalysis.PublicApiAnalyzers) and carries its
exact API line in the diagnostic's properties; this builds once with a SARIF error log and appends those lines, sorted.
Run it after a deliberate API change, then review the diff: `python3 scripts/public-api.py`.
"""
import json, os, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
project = os.path.join(root, "src", "ConflictExtract", "ConflictExtract.csproj")
unshipped = os.path.join(root, "src", "ConflictExtract", "PublicAPI.Unshipped.txt")
log = os.path.join(tempfile.mkdtemp(), "api.sarif")
subprocess.run(["dotnet", "build", project, "-c", "Release", "-nologo", "-v", "q", f"-p:ErrorLog={log},version=2.1"],
               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
if not os.path.exists(log):
    sys.exit("the build wrote no error log")
names = set()
for run in json.load(open(log, encoding="utf-8"))["runs"]:
    for r in run.get("results", []):
        if r.get("ruleId") == "RS0016":
            name = r.get("properties", {}).get("customProperties", {}).get("APIName")
            if name:
                names.add(name)
lines = [l.rstrip("\n") for l in open(unshipped, encoding="utf-8")]
header = [l for l in lines if l.startswith("#")] or ["#nullable enable"]
body = sorted(set(l for l in lines if l and not l.startswith("#")) | names, key=str.lower)
with open(unshipped, "w", encoding="utf-8", newline="\n") as f:
    f.write("\n".join(header + body) + "\n")
print(f"{len(names)} API lines added; {len(body)} declared in PublicAPI.Unshipped.txt")
