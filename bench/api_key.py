#!/usr/bin/env python3
"""Creates an API key for the benchmarks through the admin API and prints it (Python 3 standard library).

  api_key.py BASE_URL ADMIN_USER ADMIN_PASSWORD

Used by bench/service-lib.sh when the service has Spring Security: the service is started with
encours.security.bootstrap.admin-password, this logs in as that administrator (HTTP Basic) and creates a
key named bench-<time> with the role ORDER_SYSTEM (may ask for decisions and read them back) through
POST /api/v1/admin/api-keys (docs/security.md). The path and the request fields are taken from the service's
own OpenAPI description when it has them, so that a renamed field does not break the benchmarks.
"""
import base64
import json
import os
import sys
import time
import urllib.error
import urllib.request

DEFAULT_PATH = "/api/v1/admin/api-keys"
ROLE = os.environ.get("BENCH_KEY_ROLE", "ORDER_SYSTEM")  # e.g. ERP_FEED for the ledger intake


def call(method, url, auth, body=None):
    req = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json", "Accept": "application/json",
                                          "Authorization": auth})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def find_endpoint(base):
    """The admin POST endpoint that creates API keys and its request body's property names, from OpenAPI."""
    try:
        with urllib.request.urlopen(base + "/v3/api-docs", timeout=30) as resp:
            doc = json.load(resp)
    except (OSError, ValueError):
        return DEFAULT_PATH, None
    schemas = doc.get("components", {}).get("schemas", {})
    for path, ops in doc.get("paths", {}).items():
        if path.startswith("/api/v1/admin") and "key" in path.lower() and "{" not in path and "post" in ops:
            content = ops["post"].get("requestBody", {}).get("content", {})
            schema = next(iter(content.values()), {}).get("schema", {})
            if "$ref" in schema:
                schema = schemas.get(schema["$ref"].rsplit("/", 1)[-1], {})
            return path, schema.get("properties")
    return DEFAULT_PATH, None


def find_key(value):
    """The secret in the creation answer: a field named like a key whose value starts with enc_, or any."""
    if isinstance(value, dict):
        for name in ("key", "apiKey", "secret", "token", "value"):
            if isinstance(value.get(name), str):
                return value[name]
        for v in value.values():
            found = find_key(v)
            if found:
                return found
    if isinstance(value, str) and value.startswith("enc_"):
        return value
    return None


def main():
    base, user, password = sys.argv[1:4]
    auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
    path, props = find_endpoint(base)
    body = {"name": f"bench-{int(time.time())}", "roles": [ROLE]}
    if props:
        for name, schema in props.items():
            if name not in body and (schema.get("type") == "array" or "role" in name.lower()):
                body[name] = [ROLE]
            elif name not in body and name.lower() in ("description", "comment", "label"):
                body[name] = "benchmarks (bench/)"
    status, answer = call("POST", base + path, auth, body)
    if status not in (200, 201):
        sys.exit(f"api_key.py: POST {path} {json.dumps(body)} answered {status}: {answer[:500]!r}")
    key = find_key(json.loads(answer))
    if not key:
        sys.exit(f"api_key.py: no key in the answer of POST {path}: {answer[:500]!r}")
    print(key)


if __name__ == "__main__":
    main()
