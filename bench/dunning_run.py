#!/usr/bin/env python3
"""Loads open invoices into the ledger, runs the dunning run and prints its progress and rate (Python 3 stdlib).

  dunning_run.py BASE_URL ADMIN_USER ADMIN_PASSWORD CUSTOMERS INVOICES_PER_CUSTOMER [load|run|both]

As the administrator it creates an ERP_FEED API key and a CREDIT_MANAGER user (bench.manager). The manager
creates the customers' accounts (C-DUN-0..N-1, EUR, with a collector); the feed sends each customer's invoices
(INVOICE_ISSUED, due from 30 days ago to 7 days ahead, so that every one is overdue or within the pre-due
window) in batches of 1,000 events, one batch covering few customers. Then the manager starts a run
(POST /api/v1/collections/runs) and reads it every second until it ends, printing its progress; the rate is
the run's own (invoices evaluated / seconds from its start to its end, each evaluation recorded in the audit
trail) and the wall time seen from here.
"""
import base64
import datetime
import json
import sys
import time
import urllib.error
import urllib.request

BATCH = 1000


def call(method, url, headers, body=None, timeout=600):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    req = urllib.request.Request(url, method=method, data=data,
                                 headers={"Content-Type": "application/json", "Accept": "application/json", **headers})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            text = resp.read()
            return resp.status, json.loads(text) if text else None, dict(resp.headers)
    except urllib.error.HTTPError as e:
        text = e.read()
        try:
            return e.code, json.loads(text), dict(e.headers)
        except ValueError:
            return e.code, text, dict(e.headers)


def basic(user, password):
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


def setup(base, admin_user, admin_password):
    admin = basic(admin_user, admin_password)
    stamp = int(time.time())
    status, key, _ = call("POST", base + "/api/v1/admin/api-keys", admin,
                          {"name": f"bench-feed-{stamp}", "roles": ["ERP_FEED"]})
    assert status == 201, (status, key)
    first, final = f"Bench-Start-{stamp}-Aa1", f"Bench-Manager-{stamp}-Zz9"
    user = f"bench.manager{stamp}"
    status, body, _ = call("POST", base + "/api/v1/admin/users", admin,
                           {"username": user, "roles": ["CREDIT_MANAGER"], "password": first})
    assert status == 201, (status, body)
    status, body, _ = call("POST", base + "/api/v1/admin/me/password", basic(user, first),
                           {"currentPassword": first, "newPassword": final})
    assert status in (200, 204), (status, body)
    return {"X-API-Key": key["key"]}, basic(user, final)


def load(base, feed, manager, customers, per_customer):
    today = datetime.date.today()
    started = time.monotonic()
    for c in range(customers):
        status, body, _ = call("POST", base + "/api/v1/accounts", manager, {
            "customerId": f"C-DUN-{c}", "name": f"Bench customer {c}", "country": "FR", "sector": "MANUFACTURING",
            "legalForm": "SAS", "currency": "EUR", "standardTermsDays": 30, "collector": f"collector-{c % 10}",
            "internalLimit": {"amount": 1000000, "validFrom": "2020-01-01"},
            "assessment": {"score": 40 + c % 50, "riskClass": "ABCDE"[c % 5], "decisionId": f"bench-score-{c}"}})
        assert status in (201, 409), (status, body)
    print(f"accounts: {customers} in {time.monotonic() - started:.1f} s", flush=True)
    events = []
    sent = 0
    started = time.monotonic()
    for c in range(customers):
        for i in range(per_customer):
            due = today + datetime.timedelta(days=7 - (i * 37) % 38)  # from 30 days late to 7 days ahead
            events.append({"eventId": f"DUN-{c}-{i}", "type": "INVOICE_ISSUED", "customerId": f"C-DUN-{c}",
                           "occurredOn": str(due - datetime.timedelta(days=30)), "currency": "EUR",
                           "invoiceId": f"C-DUN-{c}/INV-{i}", "orderId": f"SO-{c}-{i}",
                           "amount": f"{100 + (c * 31 + i * 17) % 9900}.00", "dueOn": str(due)})
            if len(events) == BATCH:
                sent += post_batch(base, feed, events)
                events = []
                if sent % 10000 == 0:
                    print(f"invoices loaded: {sent} ({sent / (time.monotonic() - started):.0f}/s)", flush=True)
    if events:
        sent += post_batch(base, feed, events)
    print(f"invoices loaded: {sent} in {time.monotonic() - started:.1f} s", flush=True)


def post_batch(base, feed, events):
    status, body, _ = call("POST", base + "/api/v1/ledger/events", feed, events)
    assert status == 200, (status, str(body)[:300])
    return body["accepted"] + body["duplicates"]


def run(base, manager):
    t0 = time.monotonic()
    status, body, headers = call("POST", base + "/api/v1/collections/runs", manager, {})
    assert status == 202, (status, body)
    location = headers.get("Location") or headers.get("location")
    while True:
        time.sleep(1)
        status, body, _ = call("GET", base + location, manager)
        r = body["run"]
        print(f"t={time.monotonic() - t0:5.1f}s state={r['state']} customers={r['customers']} "
              f"found={r['invoicesFound']} evaluated={r['invoicesEvaluated']} lines={r['linesCreated']} "
              f"errors={r['errors']} rate={body['invoicesPerSecond']}/s", flush=True)
        if r["state"] != "RUNNING":
            break
    wall = time.monotonic() - t0
    print(f"RESULT state={r['state']} invoices_evaluated={r['invoicesEvaluated']} outcomes={json.dumps(r['outcomes'])} "
          f"lines={r['linesCreated']} errors={r['errors']} run_rate={body['invoicesPerSecond']}/s wall_seconds={wall:.1f}")
    if r.get("firstErrors"):
        print("first errors:", r["firstErrors"][:3])
    return r


def main():
    base, admin_user, admin_password = sys.argv[1:4]
    customers, per_customer = int(sys.argv[4]), int(sys.argv[5])
    what = sys.argv[6] if len(sys.argv) > 6 else "both"
    feed, manager = setup(base, admin_user, admin_password)
    if what in ("load", "both"):
        load(base, feed, manager, customers, per_customer)
    if what in ("run", "both"):
        run(base, manager)
        print("second run the same day (nothing new to write):", flush=True)
        run(base, manager)


if __name__ == "__main__":
    main()
