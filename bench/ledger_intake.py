#!/usr/bin/env python3
"""Posts ledger events in batches and prints the intake rate (Python 3 standard library).

  ledger_intake.py BASE_URL API_KEY CUSTOMERS BATCHES BATCH_SIZE [WARMUP_BATCHES]

WARMUP_BATCHES (default 0) batches are sent first and not counted (a warm JVM: its JIT has compiled the intake).

Customers C-BENCH-0..N-1 must have accounts (EUR). Each event is an ORDER_BOOKED of its own order, spread
round-robin over the customers, so each batch touches every customer (the worst case for a per-customer commit).
Every batch is answered only once its events are durable (the service's contract), so the rate is of durable events.
"""
import json
import sys
import time
import urllib.request


def post(url, key, events):
    req = urllib.request.Request(url, method="POST", data=json.dumps(events).encode(),
                                 headers={"Content-Type": "application/json", "X-API-Key": key})
    with urllib.request.urlopen(req, timeout=600) as resp:
        return json.load(resp)


def main():
    base, key, customers, batches, size = sys.argv[1], sys.argv[2], *map(int, sys.argv[3:6])
    warmup = int(sys.argv[6]) if len(sys.argv) > 6 else 0
    today = time.strftime("%Y-%m-%d")
    url = base + "/api/v1/ledger/events"
    for w in range(warmup):
        post(url, key, [{"eventId": f"WARM-{w}-{i}", "type": "ORDER_BOOKED", "customerId": f"C-BENCH-{i % customers}",
                         "occurredOn": today, "currency": "EUR", "orderId": f"SO-W{w}-{i}", "amount": 100}
                        for i in range(size)])
    if warmup:
        print(f"warm-up: {warmup} batches of {size}, not counted", flush=True)
    accepted = 0
    started = time.monotonic()
    for b in range(batches):
        events = [{"eventId": f"BENCH-{b}-{i}", "type": "ORDER_BOOKED", "customerId": f"C-BENCH-{i % customers}",
                   "occurredOn": today, "currency": "EUR", "orderId": f"SO-{b}-{i}", "amount": 100 + i % 900}
                  for i in range(size)]
        t = time.monotonic()
        answer = post(url, key, events)
        outcomes = [e.get("outcome") for e in answer.get("events", answer.get("results", []))]
        ok = sum(1 for o in outcomes if o == "ACCEPTED")
        accepted += ok
        print(f"batch {b + 1}/{batches}: {ok}/{size} accepted in {time.monotonic() - t:.2f} s", flush=True)
    elapsed = time.monotonic() - started
    print(f"RESULT events={batches * size} accepted={accepted} seconds={elapsed:.1f} "
          f"events_per_second={batches * size / elapsed:.0f}")


if __name__ == "__main__":
    main()
