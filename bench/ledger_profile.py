#!/usr/bin/env python3
"""Where the ledger intake's time goes: async-profiler's collapsed stacks (thread name first, sample count last)
of one bench/ledger-intake.sh run, bucketed by phase of the intake. Used by bench/ledger-intake.sh (PROFILE=cpu).

  ledger_profile.py FILE.collapsed EVENTS SERVICE_CPU_SECONDS [--top N]

Each sample goes to the innermost phase it is in (walking the stack from the thread down). The request thread's
phases and the embedded server's threads are reported apart: the server does the store's work (wire protocol,
H2 maps, indexes), the request thread waits for it. Figures: share of samples, and microseconds of service CPU
per event (the share times the service CPU measured from /proc for the same run).
"""
import re
import sys
from collections import Counter

PHASES = [
    ("HTTP, Spring MVC, security (request thread, outside the intake)", r"org/apache/coyote/AbstractProtocol\$ConnectionHandler\.process"),
    ("request JSON to events", r"readWithMessageConverters$"),
    ("response JSON", r"writeWithMessageConverters$"),
    ("intake: the rest (grouping, outcomes)", r"io/encours/service/ledger/Ledger\.record$"),
    ("intake: parse and check fields", r"LedgerEventParser\.parse$"),
    ("intake: read accounts", r"CreditAccounts\.(find|findAll)$"),
    ("intake: read positions", r"LedgerStore\.(position|positions|existingPosition)$"),
    ("intake: read event ids (duplicates elsewhere)", r"LedgerStore\.events$"),
    ("intake: read invoice owners", r"LedgerStore\.(invoiceOwner|invoiceOwners)$"),
    ("intake: restore a ledger from the store", r"LedgerStore\.state$|CustomerLedger\.restore$"),
    ("intake: copy a ledger's state", r"CustomerLedger\.state$"),
    ("intake: apply events (domain, fingerprints)", r"CustomerLedger\.apply$"),
    ("intake: find changed documents", r"LedgerDocuments\.(changed|toDocuments)$"),
    ("intake: commit point (position update with the pending batch)", r"LedgerStore\.(commit|commitAll)$"),
    ("intake: write out (events, documents, pending removed)", r"LedgerStore\.(complete|completeAll)$"),
    ("intake: durable (commit and fsync)", r"makeAcknowledgedWritesDurable$"),
]
THREADS = [
    ("embedded server: insert", r"^\[mongo-server", r"handleInsert|insertDocuments"),
    ("embedded server: update / replace", r"^\[mongo-server", r"handleUpdate|updateDocuments"),
    ("embedded server: find", r"^\[mongo-server", r"handleQuery|handleFind|commandFind|queryDocuments"),
    ("embedded server: other (wire protocol, netty)", r"^\[mongo-server", None),
    ("GC threads", r"^\[(GC Thread|G1 |VM Thread)", None),
    ("JIT compiler threads", r"^\[C[12] CompilerThre", None),
]
COMPILED = [(n, re.compile(f)) for n, f in PHASES]
REQUEST_THREAD = re.compile(r"^\[(http-nio-\d+-exec-\d+|ForkJoinPool-\d+-worker-\d+|tomcat-handler-\d+)")


def phase_of(frames):
    thread = frames[0]
    for name, t, f in THREADS:
        if re.search(t, thread) and (f is None or any(re.search(f, x) for x in frames)):
            return name
    if not REQUEST_THREAD.search(thread):
        return "other threads"
    phase = "request thread: outside the phases"
    for frame in frames[1:]:
        for name, rx in COMPILED:
            if rx.search(frame):
                phase = name
    return phase


def main(argv):
    top = 20
    if "--top" in argv:
        i = argv.index("--top")
        top = int(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    path, events, cpu = argv[0], int(argv[1]), float(argv[2])
    phases, leaves, total = Counter(), Counter(), 0
    for line in open(path):
        stack, _, count = line.rstrip("\n").rpartition(" ")
        if not stack:
            continue
        n = int(count)
        frames = stack.split(";")
        total += n
        phases[phase_of(frames)] += n
        leaves[frames[-1]] += n
    order = [n for n, _ in PHASES] + ["request thread: outside the phases"] + [n for n, _, _ in THREADS] + ["other threads"]
    width = max(len(n) for n in order)
    print(f"{'phase':<{width}}  samples   share  us CPU/event")
    for name in order:
        if phases[name]:
            share = phases[name] / total
            print(f"{name:<{width}}  {phases[name]:7d}  {100 * share:5.1f}%  {share * cpu * 1e6 / events:10.1f}")
    print(f"{'total':<{width}}  {total:7d}  100.0%  {cpu * 1e6 / events:10.1f}")
    print(f"\ntop {top} sampled frames (self, % of samples)")
    for frame, n in leaves.most_common(top):
        print(f"  {100.0 * n / total:5.1f}%  {frame[:150]}")


if __name__ == "__main__":
    main(sys.argv[1:])
