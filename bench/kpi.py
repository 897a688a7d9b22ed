#!/usr/bin/env python3
"""The receivables KPIs of the sample data through a running service (Python 3 standard library).

  kpi.py BASE_URL ERP_FEED_KEY READER_KEY INVOICES_CSV [AS_OF]

Imports IBM's accounts-receivable sample (M/d/yyyy dates, 2,466 paid invoices of 100 customers; README of
../shared/data) through POST /api/v1/ledger/imports/invoices with createAccounts=true, then asks, as a
credit manager, the KPIs at AS_OF (default 2013-06-30), the series of 2012, the top of the aged balance by
customer and both exports, printing each answer (shortened) and its time.
"""
import json
import sys
import time
import urllib.error
import urllib.request


def call(method, url, key, body=None, content_type="application/json"):
    req = urllib.request.Request(url, method=method, data=body,
                                 headers={"Content-Type": content_type, "X-API-Key": key})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(req, timeout=600) as resp:
            data = resp.read()
            return resp.status, data, time.monotonic() - started
    except urllib.error.HTTPError as e:
        return e.code, e.read(), time.monotonic() - started


def main():
    base, feed, reader, csv_path = sys.argv[1:5]
    as_of = sys.argv[5] if len(sys.argv) > 5 else "2013-06-30"
    with open(csv_path, "rb") as f:
        body = f.read()
    params = ("customerId=customerID&invoiceId=invoiceNumber&issuedOn=InvoiceDate&dueOn=DueDate"
              "&amount=InvoiceAmount&paidOn=SettledDate&disputed=Disputed&dateFormat=M/d/yyyy&currency=EUR"
              "&createAccounts=true")
    status, data, took = call("POST", f"{base}/api/v1/ledger/imports/invoices?{params}", feed, body, "text/csv")
    report = json.loads(data)
    print(f"import: HTTP {status} in {took:.1f} s: " + json.dumps(
        {k: report.get(k) for k in ("lines", "imported", "duplicates", "rejected", "accountsCreated")}))
    for label, path in [
        ("first KPI request (loads the book)", f"/api/v1/kpis/receivables?asOf={as_of}"),
        ("KPIs at a month end", f"/api/v1/kpis/receivables?asOf={as_of}&top=3"),
        ("series of 2012", "/api/v1/kpis/receivables/series?from=2012-01-01&to=2012-12-31&step=month"),
        ("customers, by overdue", f"/api/v1/kpis/receivables/customers?asOf={as_of}&size=3&sort=overdue,desc"),
    ]:
        status, data, took = call("GET", base + path, reader)
        print(f"\nGET {path}: HTTP {status} in {took * 1000:.0f} ms")
        answer = json.loads(data)
        if "points" in answer:
            for p in answer["points"]:
                print(f"  {p['asOf']} receivables {p['receivables']} overdue {p['overdue']} ratio {p['overdueRatio']}"
                      f" DSO {p['dsoSimple']} count-back {p['dsoCountback']} CEI {p['cei']}")
        else:
            print(json.dumps(answer, indent=1)[:3000])
    for fmt in ("csv", "xlsx"):
        path = f"/api/v1/kpis/receivables/customers/export?asOf={as_of}&format={fmt}"
        status, data, took = call("GET", base + path, reader)
        print(f"\nGET {path}: HTTP {status}, {len(data):,} bytes in {took * 1000:.0f} ms")
        if fmt == "csv":
            print("\n".join(data.decode().splitlines()[:4]))


if __name__ == "__main__":
    main()
