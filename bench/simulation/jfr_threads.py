#!/usr/bin/env python3
"""Where a simulation's CPU goes: a JFR recording's execution samples counted by thread and by the top
application frame (first frame of io.encours, Drools, Jackson, BSON, the MongoDB driver or the embedded
server). Used by `PROFILE=1 bench/simulation-bench.sh`.

  jfr_threads.py FILE.jfr
"""
import json
import subprocess
import sys
from collections import Counter

PACKAGES = ("io.encours.", "org.drools.", "tools.jackson.", "org.bson.", "com.mongodb.", "de.bwaldvogel.",
            "org.h2.", "io.netty.")

events = json.loads(subprocess.run(["jfr", "print", "--json", "--events", "jdk.ExecutionSample", sys.argv[1]],
                                   capture_output=True, text=True, check=True).stdout)["recording"]["events"]
threads, frames, packages = Counter(), Counter(), Counter()
for e in events:
    v = e["values"]
    thread = (v.get("sampledThread") or {}).get("javaName") or "?"
    threads[thread.rstrip("0123456789-")] += 1
    stack = (v.get("stackTrace") or {}).get("frames") or []
    top = next((f for f in stack if f["method"]["type"]["name"].replace("/", ".").startswith(PACKAGES)
                and "$$Lambda" not in f["method"]["type"]["name"]), None)
    if top:
        name = top["method"]["type"]["name"].replace("/", ".")
        frames[thread.rstrip("0123456789-") + ": " + name.rsplit(".", 1)[-1] + "." + top["method"]["name"]] += 1
        packages[next(p for p in PACKAGES if name.startswith(p))] += 1
total = max(1, len(events))
print(f"\n=== JFR execution samples of the last simulation: {len(events)} ===")
print("by thread:   " + ", ".join(f"{t} {n * 100 // total}%" for t, n in threads.most_common(8)))
print("by package:  " + ", ".join(f"{p} {n * 100 // total}%" for p, n in packages.most_common(8)))
print("top frames:  " + ", ".join(f"{f} {n * 100 // total}%" for f, n in frames.most_common(20)))
