#!/usr/bin/env python3
"""Today's exposure and the order check by reference of a small and a large account (Python 3 standard library).

  ledger_exposure.py BASE_URL FEED_KEY READER_KEY ORDER_KEY SMALL_ID LARGE_ID SMALL_DOCS LARGE_DOCS REQUESTS

FEED_KEY: role ERP_FEED; READER_KEY: AUDITOR (reads accounts); ORDER_KEY: ORDER_SYSTEM.

Loads SMALL_DOCS and LARGE_DOCS open invoices (INVOICE_ISSUED events, in batches of 500, through
POST /api/v1/ledger/events) on the two accounts, which must exist (EUR), then times, one request at a time
and alternating between the two accounts so that both see the same machine: today's
GET /api/v1/accounts/{id}/exposure (the default page of documents per category, and documents=10) and
POST /api/v1/decisions/order-check by reference. Prints p50, p99 and throughput of each, and the ratio
large / small of the p50s, in the same run.
"""
import datetime
import json
import sys
import time
import urllib.error
import urllib.request


def call(url, key, body=None):
    req = urllib.request.Request(url, method="POST" if body is not None else "GET",
                                 data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json", "X-API-Key": key})
    with urllib.request.urlopen(req, timeout=600) as resp:
        return json.load(resp)


def load(base, key, customer, count):
    today = datetime.date.today()
    started = time.monotonic()
    accepted = 0
    for start in range(0, count, 500):
        events = []
        for i in range(start, min(count, start + 500)):
            issued = today - datetime.timedelta(days=1 + i % 60)
            due = issued + datetime.timedelta(days=30)  # about half overdue today, half not due
            events.append({"eventId": f"{customer}-E{i}", "type": "INVOICE_ISSUED", "customerId": customer,
                           "occurredOn": issued.isoformat(), "currency": "EUR", "invoiceId": f"{customer}/INV-{i}",
                           "orderId": f"{customer}/SO-{i}", "amount": f"{100 + i % 900}.{i % 100:02d}",
                           "dueOn": due.isoformat()})
        answer = call(base + "/api/v1/ledger/events", key, events)
        accepted += answer["accepted"] + answer["duplicates"]
        if (start // 500) % 20 == 0:
            print(f"  {customer}: {start + len(events)}/{count} loaded, {time.monotonic() - started:.0f} s", flush=True)
    print(f"loaded {customer}: {accepted}/{count} invoices accepted (or already there) in {time.monotonic() - started:.1f} s",
          flush=True)


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100.0 * (len(values) - 1))))]


def timed(requests, accounts, one):
    times = {a: [] for a in accounts}
    spent = {a: 0.0 for a in accounts}
    for i in range(requests):
        for a in accounts:
            t = time.perf_counter()
            one(a, i)
            dt = time.perf_counter() - t
            times[a].append(dt * 1000)
            spent[a] += dt
    return {a: (percentile(times[a], 50), percentile(times[a], 99), requests / spent[a]) for a in accounts}


def report(name, small, large, figures, docs):
    for account, n in ((small, docs[small]), (large, docs[large])):
        p50, p99, rate = figures[account]
        print(f"RESULT {name} open_documents={n} p50_ms={p50:.2f} p99_ms={p99:.2f} per_second={rate:.0f}")
    print(f"RATIO {name} large/small p50={figures[large][0] / figures[small][0]:.2f} "
          f"p99={figures[large][1] / figures[small][1]:.2f}")


def main():
    base, feed, reader, order_key, small, large = sys.argv[1:7]
    small_docs, large_docs, requests = map(int, sys.argv[7:10])
    load(base, feed, small, small_docs)
    load(base, feed, large, large_docs)
    docs = {small: small_docs, large: large_docs}
    accounts = [small, large]
    for a in accounts:
        e = call(f"{base}/api/v1/accounts/{a}/exposure", reader)
        print(f"{a}: source={e['source']} total={e['total']} documentCounts={e['documentCounts']}")
    exposure = lambda a, i: call(f"{base}/api/v1/accounts/{a}/exposure", reader)
    page10 = lambda a, i: call(f"{base}/api/v1/accounts/{a}/exposure?documents=10", reader)
    check = lambda a, i: call(f"{base}/api/v1/decisions/order-check", order_key, {
        "customerId": a, "order": {"id": f"BENCH-{a}-{i}", "amount": 1.00, "currency": "EUR",
                                   "requestedTerms": {"days": 30, "endOfMonth": False},
                                   "paymentMethod": "BANK_TRANSFER", "purchaseOrderPresent": True,
                                   "termsAndConditionsAccepted": True}})
    timed(max(20, requests // 5), accounts, exposure)  # warm-up
    report("exposure_today", small, large, timed(requests, accounts, exposure), docs)
    report("exposure_today_documents_10", small, large, timed(requests, accounts, page10), docs)
    try:
        timed(max(20, requests // 5), accounts, check)
        report("order_check_by_reference", small, large, timed(requests, accounts, check), docs)
    except urllib.error.HTTPError as e:
        print(f"order_check_by_reference: HTTP {e.code}: {e.read().decode()[:600]}")


if __name__ == "__main__":
    main()
