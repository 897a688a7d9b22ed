-- wrk script of bench/load-test.sh: POSTs the JSON body in $BODY_FILE to $TARGET_PATH, each request with
-- its own Idempotency-Key ($RUN_ID-<wrk thread>-<counter>), so that every order check is a new decision with
-- its own durable audit record (a repeated key would only replay the recorded one). $API_KEY, when set, goes
-- in X-API-Key. At the end it prints one machine-readable line with the latency percentiles in microseconds.
-- With $CUSTOMERS set (bench/order-by-reference.sh), __CUSTOMER__ in the body becomes one of
-- $CUSTOMER_PREFIX<0..CUSTOMERS-1>, in turn, and __ORDER__ the request's own id.
local counter = 0
local next_thread = 0

function setup(thread)
  next_thread = next_thread + 1
  thread:set("thread_no", next_thread)
end

function init(args)
  local f = assert(io.open(os.getenv("BODY_FILE"), "rb"))
  body = f:read("*a")
  f:close()
  path = os.getenv("TARGET_PATH") or "/api/v1/decisions/order-check"
  prefix = (os.getenv("RUN_ID") or tostring(os.time())) .. "-" .. tostring(thread_no) .. "-"
  headers = { ["Content-Type"] = "application/json", ["X-Caller"] = "bench-wrk" }
  customers = tonumber(os.getenv("CUSTOMERS") or "0") or 0
  customer_prefix = os.getenv("CUSTOMER_PREFIX") or "C-"
  local key = os.getenv("API_KEY")
  if key and key ~= "" then headers["X-API-Key"] = key end
end

function request()
  counter = counter + 1
  headers["Idempotency-Key"] = prefix .. counter
  if customers > 0 then
    local customer = customer_prefix .. ((counter * 7 + thread_no) % customers)
    local filled = body:gsub("__CUSTOMER__", customer):gsub("__ORDER__", prefix .. counter)
    return wrk.format("POST", path, headers, filled)
  end
  return wrk.format("POST", path, headers, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WRK_SUMMARY requests=%d duration_us=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d p999_us=%d max_us=%d " ..
    "non2xx=%d connect_err=%d read_err=%d write_err=%d timeouts=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
    latency.max, e.status, e.connect, e.read, e.write, e.timeout))
end
