#!/usr/bin/env python3
"""Where the service's CPU goes during a load run: a JFR recording's execution samples (Java threads in
Java code) sorted into a few categories by their stack. Used by `PROFILE=1 bench/load-test.sh`.

  jfr_summary.py FILE.jfr

A sample goes to the first category of this list that one of its frames belongs to (so the JSON written
while building an audit record counts as audit, and an evaluation called from Spring MVC as rules):
  audit and storage  io.encours.service.audit, MongoDB driver, BSON, mongo-java-server, H2 MVStore,
                     Netty (the embedded server's I/O), and every sample of the audit-writer thread
  rules evaluation   Drools, KIE, MVEL, io.encours.rules
  JSON               Jackson
  HTTP and Spring    Tomcat, Spring, Servlet API, Bean Validation, Micrometer, logging, springdoc
  other              the rest (JDK code called from nowhere above, the service's own web/decision code)
GC and JIT compiler threads are not Java threads and are not sampled: compare the sample count with the
service's CPU time to see their share.
"""
import json
import subprocess
import sys
from collections import Counter

CATEGORIES = [
    ("audit and storage", ("io.encours.service.audit.", "com.mongodb.", "org.bson.", "de.bwaldvogel.",
                           "org.h2.", "io.netty.", "io.encours.service.storage.")),
    ("rules evaluation", ("org.drools.", "org.kie.", "org.mvel2.", "io.encours.rules.")),
    ("JSON", ("tools.jackson.", "com.fasterxml.jackson.")),
    ("HTTP and Spring", ("org.apache.tomcat.", "org.apache.coyote.", "org.apache.catalina.", "org.springframework.",
                         "jakarta.servlet.", "org.hibernate.validator.", "io.micrometer.", "ch.qos.logback.", "org.slf4j.", "org.springdoc.")),
]


def category(thread, frames):
    if thread == "audit-writer":
        return "audit and storage"
    for name, prefixes in CATEGORIES:
        if any(f.startswith(prefixes) for f in frames):
            return name
    return "other"


def main():
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "200", "--events", "jdk.ExecutionSample",
                          sys.argv[1]], capture_output=True, text=True, check=True).stdout
    events = json.loads(out)["recording"]["events"]
    counts, threads, leaves = Counter(), Counter(), Counter()
    for e in events:
        v = e["values"]
        thread = (v.get("sampledThread") or {}).get("javaName") or "?"
        frames = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]
                  for f in (v.get("stackTrace") or {}).get("frames", [])]
        cat = category(thread, frames)
        counts[cat] += 1
        threads["audit-writer" if thread == "audit-writer" else
                "request threads (http-nio-*)" if thread.startswith("http-nio") else
                "embedded MongoDB server threads" if "mongo" in thread.lower() or "nio" in thread.lower() else
                "other threads"] += 1
        if frames:
            leaves[frames[0]] += 1
    total = sum(counts.values()) or 1
    print()
    print(f"=== JFR CPU profile of the service during the order checks: {total} execution samples ===")
    for name, _ in CATEGORIES + [("other", ())]:
        print(f"  {name:<20} {counts[name] / total:6.1%}")
    print("  by thread: " + ", ".join(f"{t} {c / total:.0%}" for t, c in threads.most_common()))
    print("  hottest leaf methods: " + "; ".join(f"{m} {c / total:.1%}" for m, c in leaves.most_common(8)))


if __name__ == "__main__":
    main()
