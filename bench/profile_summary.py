#!/usr/bin/env python3
"""Where an order check's CPU goes, beside the no-op's: async-profiler's collapsed stacks (one line per
distinct stack, thread name first, sample count last) of each endpoint under load, turned into
milliseconds of service CPU per request. Used by bench/profile.sh.

  profile_summary.py LABEL=FILE.collapsed:CPU_MS_PER_REQUEST [LABEL=...] [--top N]

Each sample goes to one phase: walking its stack from the thread down to the sampled frame, every frame
that marks a phase (PHASES below, some only right under a given caller) moves the sample into that phase,
so it lands in the innermost phase it is in (the JSON written inside the audit record counts as the audit
record, not as "response JSON"). Kernel frames count in the phase that made the system call. A phase's
milliseconds are its share of the samples times the CPU per request measured from /proc for the same run.
"""
import re
import sys
from collections import Counter, defaultdict

# (phase, frame pattern, pattern the calling frame must match or None), in no particular order.
PHASES = [
    ("HTTP: Tomcat (connection, parsing, socket reads)", r"org/apache/coyote/AbstractProtocol\$ConnectionHandler\.process", None),
    ("HTTP: servlet filters (observation, encoding, request context)", r"org/apache/catalina/connector/CoyoteAdapter\.service", None),
    ("HTTP: Spring Security filters (API key)", r"org/springframework/security/web/FilterChainProxy\.doFilter$", None),
    ("Spring MVC: mapping, arguments, return value", r"org/springframework/web/servlet/DispatcherServlet\.doDispatch", None),
    ("request JSON to body", r"readWithMessageConverters$", None),
    ("Bean Validation", r"validateIfApplicable$", None),
    ("response JSON", r"AbstractMessageConverterMethodProcessor\.writeWithMessageConverters$", None),
    ("response flush (socket write)", r"ServletServerHttpResponse\.flush$", None),
    ("decision: the rest (ids, MDC, metrics, slots)", r"io/encours/service/decision/DecisionService\.decide$", None),
    ("decision: canonical request JSON + hash", r"writeValueAsString$|DecisionService\.payloadHash$", r"DecisionService\.decide$"),
    ("decision: rules evaluation (Drools)", r"io/encours/rules/policy/CompiledPolicy\.evaluate$", None),
    ("decision: audit document", r"io/encours/service/audit/AuditDocuments\.toDocument$", None),
    ("decision: audit content hash + BSON", r"io/encours/service/audit/SealedRecord\.seal$", None),
    ("decision: waiting for durability (park, wake-up)", r"java/util/concurrent/CompletableFuture\.get$", r"AuditTrail\.record$"),
    ("decision: log line", r"Logger\.info$", r"DecisionService\.decide$"),
    ("decision: response body (reasons in the caller's language)", r"DecisionResponse\.of$", None),
]
THREADS = [
    ("audit writer: insert (driver, loopback TCP)", r"^\[audit-writer", r"insertMany$"),
    ("audit writer: commit and fsync (H2 MVStore)", r"^\[audit-writer", r"makeAcknowledgedWritesDurable$"),
    ("audit writer: the rest (chain hashes, batching)", r"^\[audit-writer", None),
    ("embedded server threads (wire protocol, H2 insert, indexes)", r"^\[mongo-server", None),
    ("Tomcat poller and acceptor", r"^\[http-nio-\d+-(Poller|Acceptor)", None),
    ("GC threads", r"^\[(GC Thread|G1 |VM Thread)", None),
    ("JIT compiler threads", r"^\[C[12] CompilerThre", None),
]
COMPILED = [(name, re.compile(frame), re.compile(caller) if caller else None) for name, frame, caller in PHASES]
REQUEST_THREAD = re.compile(r"^\[(http-nio-\d+-exec-\d+|ForkJoinPool-\d+-worker-\d+|tomcat-handler-\d+)")


def phase_of(frames):
    thread = frames[0]
    for name, thread_rx, frame_rx in THREADS:
        if re.search(thread_rx, thread) and (frame_rx is None or any(re.search(frame_rx, f) for f in frames)):
            return name
    if not REQUEST_THREAD.search(thread):
        return "other threads"
    phase = "request thread: outside the phases below"
    for i, frame in enumerate(frames[1:], start=1):
        for name, frame_rx, caller_rx in COMPILED:
            if frame_rx.search(frame) and (caller_rx is None or caller_rx.search(frames[i - 1])):
                phase = name
    return phase


def read(path):
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
    return phases, leaves, total


def main(argv):
    top = 25
    if "--top" in argv:
        i = argv.index("--top")
        top = int(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    runs = []
    for arg in argv:
        label, _, rest = arg.partition("=")
        path, _, cpu = rest.rpartition(":")
        runs.append((label, float(cpu)) + read(path))
    order = [name for name, _, _ in THREADS[:4]] + [name for name, _, _ in PHASES] + \
        ["request thread: outside the phases below"] + [name for name, _, _ in THREADS[4:]] + ["other threads"]
    width = max(len(n) for n in order)
    print(f"{'ms of service CPU per request':<{width}}" + "".join(f"{label:>14}" for label, *_ in runs)
          + ("        extra" if len(runs) == 2 else ""))
    totals = defaultdict(float)
    for name in order:
        values = [cpu * phases[name] / total if total else 0.0 for _, cpu, phases, _, total in runs]
        if not any(v >= 0.0005 for v in values):
            continue
        line = f"{name:<{width}}" + "".join(f"{v:14.3f}" for v in values)
        if len(runs) == 2:
            line += f"{values[0] - values[1]:+13.3f}"
        print(line)
        for (label, *_), v in zip(runs, values):
            totals[label] += v
    print(f"{'total (CPU from /proc, profiler running)':<{width}}" + "".join(f"{cpu:14.3f}" for _, cpu, *_ in runs)
          + (f"{runs[0][1] - runs[1][1]:+13.3f}" if len(runs) == 2 else ""))
    for label, cpu, phases, leaves, total in runs:
        print(f"\n{label}: {total} samples; top {top} sampled frames (self time, % of samples)")
        for frame, n in leaves.most_common(top):
            print(f"  {100.0 * n / total:5.1f}%  {frame[:150]}")


if __name__ == "__main__":
    main(sys.argv[1:])
