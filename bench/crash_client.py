#!/usr/bin/env python3
"""Load client of bench/crash-safety.sh (Python 3 standard library only).

  crash_client.py load   --base URL --body FILE --out DIR [--duration S] [--concurrency N] [--api-key K]
  crash_client.py verify --base URL --body FILE --out DIR [--api-key K]

load: N threads, each on its own keep-alive connection, send order checks with a unique Idempotency-Key
for at most --duration seconds. Every 200 answer's (Idempotency-Key, decisionId) goes to DIR/answered.txt;
a request that gets no answer (the service was killed under it) goes to DIR/in-flight.txt and ends its
thread. Prints one progress line a second and a summary line at the end.

verify: reads DIR/answered.txt and asks GET /api/v1/decisions/{id} for each: found only if it answers 200
with the same decision id and request id. Then resends each in-flight request with its own key: an
"Idempotent-Replayed: true" answer means the service had recorded it before dying without answering
(allowed: no answer was given); a fresh decision means it was never recorded (allowed too). Exits 1 if
any answered decision is missing.
"""
import argparse
import http.client
import json
import sys
import threading
import time
import urllib.parse
from collections import Counter


def connection(base):
    url = urllib.parse.urlsplit(base)
    return http.client.HTTPConnection(url.hostname, url.port, timeout=15)


def headers(api_key, key=None):
    h = {"Content-Type": "application/json", "Accept": "application/json", "X-Caller": "bench-crash"}
    if key:
        h["Idempotency-Key"] = key
    if api_key:
        h["X-API-Key"] = api_key
    return h


def load(args):
    body = open(args.body, "rb").read()
    deadline = time.monotonic() + args.duration
    lock = threading.Lock()
    answered = []          # (key, decisionId)
    in_flight = []         # keys sent without an answer
    statuses = Counter()
    sent = [0]

    def worker(w):
        conn = connection(args.base)
        n = 0
        while time.monotonic() < deadline:
            n += 1
            key = f"{args.run_id}-{w}-{n}"
            with lock:
                sent[0] += 1
            try:
                conn.request("POST", "/api/v1/decisions/order-check", body=body, headers=headers(args.api_key, key))
                resp = conn.getresponse()
                data = resp.read()
            except (OSError, http.client.HTTPException) as e:
                with lock:
                    in_flight.append((key, type(e).__name__))
                conn.close()
                return  # the service is gone: this thread's last request had no answer
            with lock:
                statuses[resp.status] += 1
                if resp.status == 200:
                    answered.append((key, json.loads(data)["decisionId"]))

    threads = [threading.Thread(target=worker, args=(w,), daemon=True) for w in range(args.concurrency)]
    start = time.monotonic()
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads) and time.monotonic() < deadline + 20:
        time.sleep(1)
        with lock:
            print(f"t={time.monotonic() - start:5.1f}s sent={sent[0]} answered200={len(answered)} "
                  f"no-answer={len(in_flight)}", flush=True)
    with lock:
        with open(f"{args.out}/answered.txt", "w") as f:
            f.writelines(f"{k} {d}\n" for k, d in answered)
        with open(f"{args.out}/in-flight.txt", "w") as f:
            f.writelines(f"{k} {err}\n" for k, err in in_flight)
        other = {s: c for s, c in statuses.items() if s != 200}
        print(f"LOAD sent={sent[0]} answered200={len(answered)} other_status={other or 'none'} "
              f"no_answer_at_kill={len(in_flight)} still_running_threads={sum(t.is_alive() for t in threads)} "
              f"seconds={time.monotonic() - start:.1f}", flush=True)


def verify(args):
    body = open(args.body, "rb").read()
    answered = [line.split() for line in open(f"{args.out}/answered.txt") if line.strip()]
    in_flight = [line.split()[0] for line in open(f"{args.out}/in-flight.txt") if line.strip()]
    lock = threading.Lock()
    found, missing = [0], []

    def check(chunk):
        conn = connection(args.base)
        for key, decision_id in chunk:
            conn.request("GET", f"/api/v1/decisions/{decision_id}", headers=headers(args.api_key))
            resp = conn.getresponse()
            data = resp.read()
            ok = False
            if resp.status == 200:
                doc = json.loads(data)
                ok = doc.get("decisionId") == decision_id and doc.get("requestId") == key
            with lock:
                if ok:
                    found[0] += 1
                else:
                    missing.append(f"{decision_id} (key {key}, HTTP {resp.status})")
        conn.close()

    parts = [answered[i::4] for i in range(4)]
    threads = [threading.Thread(target=check, args=(p,)) for p in parts]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=600)

    recorded, not_recorded, other = 0, 0, Counter()
    conn = connection(args.base)
    for key in in_flight:
        conn.request("POST", "/api/v1/decisions/order-check", body=body, headers=headers(args.api_key, key))
        resp = conn.getresponse()
        resp.read()
        if resp.status == 200 and resp.getheader("Idempotent-Replayed") == "true":
            recorded += 1
        elif resp.status == 200:
            not_recorded += 1
        else:
            other[resp.status] += 1
    conn.close()

    for m in missing[:20]:
        print(f"MISSING {m}")
    print(f"VERIFY answered200={len(answered)} found_after_restart={found[0]} missing={len(missing)}")
    print(f"IN_FLIGHT no_answer_at_kill={len(in_flight)} recorded_before_kill={recorded} "
          f"never_recorded={not_recorded}" + (f" other={dict(other)}" if other else ""))
    return 1 if missing or not answered else 0


def main():
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=["load", "verify"])
    p.add_argument("--base", required=True)
    p.add_argument("--body", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--duration", type=float, default=20)
    p.add_argument("--concurrency", type=int, default=16)
    p.add_argument("--api-key", default="")
    p.add_argument("--run-id", default=f"crash-{int(time.time())}")
    args = p.parse_args()
    if args.mode == "load":
        load(args)
        return 0
    return verify(args)


if __name__ == "__main__":
    sys.exit(main())
