#!/usr/bin/env python3
"""Prepares the order-check-by-reference benchmark (Python 3 standard library) and prints shell assignments.

  order_by_reference.py BASE_URL ADMIN_USER ADMIN_PASSWORD CUSTOMERS WORK_DIR

With the administrator (bootstrap password), it creates a credit manager (CREDIT_MANAGER, its password changed
at first login as docs/security.md asks), an ERP_FEED key and an ORDER_SYSTEM key; as the manager it opens
CUSTOMERS accounts C-REF-BENCH-0..N-1 (the OpenAPI example's sound, rated, insured customer, a limit and a cover
of 10,000,000 EUR), and as the ERP feed it gives each a ledger position (an invoice issued 10 days ago, not due,
and a booked order). It writes WORK_DIR/by-reference.json, the body of an order check by reference in which
bench/wrk-post.lua puts a customer (__CUSTOMER__) and an order id (__ORDER__) per request, then checks one order
each way and prints both outcomes, so that a run measuring refusals instead of approvals shows it at once.
Prints ORDER_KEY=... for the script to eval.
"""
import base64
import datetime
import json
import os
import sys
import time
import urllib.error
import urllib.request

ORDER = {"amount": 10.00, "currency": "EUR", "requestedTerms": {"days": 30, "endOfMonth": False},
         "paymentMethod": "BANK_TRANSFER", "purchaseOrderPresent": True, "termsAndConditionsAccepted": True}


def call(method, url, headers, body=None, content_type="application/json"):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    req = urllib.request.Request(url, method=method, data=data,
                                 headers={"Content-Type": content_type, "Accept": "application/json", **headers})
    try:
        with urllib.request.urlopen(req, timeout=120) as resp:
            text = resp.read()
            return resp.status, json.loads(text) if text else None
    except urllib.error.HTTPError as e:
        return e.code, e.read()[:500]


def expect(what, status, answer, *ok):
    if status not in ok:
        sys.exit(f"order_by_reference.py: {what} answered {status}: {answer!r}")
    return answer


def basic(user, password):
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


def account(customer, today):
    return {"customerId": customer, "name": "Ateliers Durand SAS", "country": "FR", "sector": "MANUFACTURING",
            "legalForm": "SAS", "foundingDate": "2014-06-14",
            "externalRating": {"provider": "Ellisphere", "score": 72, "ratedOn": str(today - datetime.timedelta(days=60))},
            "financials": {"totalAssets": 5000000, "totalDebts": 2500000, "equity": 2000000,
                           "netFinancialDebt": 1200000, "revenue": 800000000, "fiscalYearEnd": f"{today.year - 1}-12-31",
                           "netIncome": 150000, "operatingIncome": 400000, "interestExpense": 100000,
                           "currentAssets": 2400000, "currentLiabilities": 1600000, "cash": 300000,
                           "previousRevenue": 760000000},
            "currency": "EUR", "status": {"status": "ACTIVE"}, "internalLimit": {"amount": 10000000},
            "cover": {"insurer": "Allianz Trade", "insuredAmount": 10000000,
                      "validFrom": str(today - datetime.timedelta(days=165)),
                      "validTo": str(today + datetime.timedelta(days=200))},
            "lastReviewDate": str(today - datetime.timedelta(days=100)), "openedOn": "2020-12-23",
            "reason": "order-by-reference benchmark"}


def main():
    base, admin, admin_password, customers, work = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
    today = datetime.date.today()
    stamp = int(time.time())
    admin_auth = basic(admin, admin_password)
    keys = {}
    for role in ("ORDER_SYSTEM", "ERP_FEED"):
        answer = expect(f"key {role}", *call("POST", base + "/api/v1/admin/api-keys", admin_auth,
                                             {"name": f"bench-{role.lower()}-{stamp}", "roles": [role]}), 200, 201)
        keys[role] = answer["key"]
    manager, first, chosen = f"bench.manager.{stamp}", f"first-{stamp}-Aa1!", f"bench-manager-{stamp}-Zz9"
    expect("user", *call("POST", base + "/api/v1/admin/users", admin_auth,
                         {"username": manager, "roles": ["CREDIT_MANAGER"], "password": first}), 200, 201)
    expect("password change", *call("POST", base + "/api/v1/admin/me/password", basic(manager, first),
                                    {"currentPassword": first, "newPassword": chosen}), 200, 204)
    manager_auth = basic(manager, chosen)
    events = []
    for i in range(customers):
        customer = f"C-REF-BENCH-{i}"
        expect(f"account {customer}", *call("POST", base + "/api/v1/accounts", manager_auth, account(customer, today)),
               201)
        events.append({"eventId": f"E-{customer}-INV", "type": "INVOICE_ISSUED", "customerId": customer,
                       "occurredOn": str(today - datetime.timedelta(days=10)), "currency": "EUR",
                       "invoiceId": f"{customer}-INV-1", "orderId": f"{customer}-SO-0", "amount": 30000.00,
                       "dueOn": str(today + datetime.timedelta(days=20))})
        events.append({"eventId": f"E-{customer}-SO", "type": "ORDER_BOOKED", "customerId": customer,
                       "occurredOn": str(today - datetime.timedelta(days=5)), "currency": "EUR",
                       "orderId": f"{customer}-SO-1", "amount": 10000.00})
    for start in range(0, len(events), 500):
        answer = expect("ledger events", *call("POST", base + "/api/v1/ledger/events", {"X-API-Key": keys["ERP_FEED"]},
                                               events[start:start + 500]), 200)
        if "REJECTED" in json.dumps(answer):
            sys.exit(f"order_by_reference.py: ledger events rejected: {json.dumps(answer)[:500]}")
    body = {"customerId": "__CUSTOMER__", "order": {"id": "__ORDER__", **ORDER}}
    with open(os.path.join(work, "by-reference.json"), "w") as f:
        json.dump(body, f)
    order_key = {"X-API-Key": keys["ORDER_SYSTEM"]}
    probe = json.loads(json.dumps(body).replace("__CUSTOMER__", "C-REF-BENCH-0").replace("__ORDER__", f"SO-PROBE-{stamp}"))
    by_reference = expect("probe by reference", *call("POST", base + "/api/v1/decisions/order-check",
                                                     {**order_key, "Idempotency-Key": f"probe-ref-{stamp}"}, probe), 200)
    with open(os.environ["FULL_BODY"], "rb") as f:
        full = expect("probe full payload", *call("POST", base + "/api/v1/decisions/order-check",
                                                 {**order_key, "Idempotency-Key": f"probe-full-{stamp}"}, f.read()), 200)
    print(f"# {customers} accounts, {len(events)} ledger events; probe by reference: {by_reference['outcome']} "
          f"(exposure after order {by_reference.get('exposureAfterOrder')}), full payload: {full['outcome']}")
    print(f"ORDER_KEY={keys['ORDER_SYSTEM']}")


if __name__ == "__main__":
    main()
