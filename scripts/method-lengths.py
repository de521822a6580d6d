#!/usr/bin/env python3
"""The longest methods (and local functions, constructors, accessors with bodies) of the library, by line count:
  scripts/method-lengths.py [SRC_DIR] [N]
A method is a line that opens a member body ("... Name(...)" or a property accessor, then "{" on its own line or at the
end) and runs to its matching brace; lines are counted from the signature to the closing brace."""
import re, sys, os
root = sys.argv[1] if len(sys.argv) > 1 else "src/ConflictExtract"
top = int(sys.argv[2]) if len(sys.argv) > 2 else 10
sig = re.compile(r'^\s*(?:\[[^\]]*\]\s*)*(?:(?:public|private|internal|protected|static|override|virtual|sealed|async|unsafe|readonly|new|partial|extern)\s+)*[\w<>\[\],.?() ]+?\b(\w+)\s*(?:<[^>]*>)?\s*\([^;]*$')
rows = []
for dp, _, fs in os.walk(root):
    if "/obj" in dp or "/bin" in dp: continue
    for f in fs:
        if not f.endswith(".cs"): continue
        p = os.path.join(dp, f)
        lines = open(p, encoding="utf-8").read().split("\n")
        i = 0
        while i < len(lines):
            m = sig.match(lines[i])
            if m and not re.search(r'\b(class|record|struct|interface|enum)\b', lines[i]) and not lines[i].strip().startswith(("if", "for", "while", "switch", "return", "using", "catch", "foreach", "lock", "else", "new ", "var ", "//", "///")) and m.group(1) not in ("if", "for", "while", "switch", "catch", "foreach", "using", "lock", "return", "nameof", "typeof", "sizeof"):
                # find the opening brace: on this line or within the next 4 lines (signature may wrap)
                j = i
                while j < len(lines) and j < i + 5 and "{" not in lines[j] and not lines[j].rstrip().endswith(";") and "=>" not in lines[j]:
                    j += 1
                if j < len(lines) and "{" in lines[j] and "=>" not in lines[j].split("{")[0]:
                    depth = 0; k = j
                    while k < len(lines):
                        depth += lines[k].count("{") - lines[k].count("}")
                        if depth <= 0 and k >= j: break
                        k += 1
                    rows.append((k - i + 1, os.path.relpath(p), i + 1, m.group(1)))
            i += 1
rows.sort(reverse=True)
for n, p, line, name in rows[:top]:
    print(f"{n:4d}  {p}:{line}  {name}")
