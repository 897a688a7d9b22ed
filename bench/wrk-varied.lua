-- wrk script of bench/simulation-bench.sh: the four decision types in turn, each request a new decision with
-- its own Idempotency-Key ($RUN_ID-<wrk thread>-<counter>) and varied figures, so that the recorded decisions
-- have varied outcomes and reasons: the external score, incidents, days late, exposure and amounts are drawn
-- at random (seeded per thread) into the API's example bodies ($EXAMPLES_DIR/<type>.json).
-- $API_KEY goes in X-API-Key. At the end it prints the same WRK_SUMMARY line as wrk-post.lua.
local counter = 0
local next_thread = 0
local types = { "order-check", "customer-score", "payment-terms", "dunning" }

function setup(thread)
  next_thread = next_thread + 1
  thread:set("thread_no", next_thread)
end

function init(args)
  bodies = {}
  for _, t in ipairs(types) do
    local f = assert(io.open(os.getenv("EXAMPLES_DIR") .. "/" .. t .. ".json", "rb"))
    bodies[t] = f:read("*a")
    f:close()
  end
  prefix = (os.getenv("RUN_ID") or tostring(os.time())) .. "-" .. tostring(thread_no) .. "-"
  headers = { ["Content-Type"] = "application/json", ["X-Caller"] = "bench-wrk" }
  local key = os.getenv("API_KEY")
  if key and key ~= "" then headers["X-API-Key"] = key end
  math.randomseed(os.time() + thread_no * 7919)
end

local function amount(min, max)
  return string.format("%d.%02d", math.random(min, max), math.random(0, 99))
end

local function varied(t)
  local b = bodies[t]
  b = b:gsub('"score": 72', '"score": ' .. math.random(5, 95))
  b = b:gsub('"incidentsLast12Months": 0', '"incidentsLast12Months": ' .. math.random(0, 4))
  b = b:gsub('"averageDaysLate": 2', '"averageDaysLate": ' .. math.random(0, 45))
  b = b:gsub('"id": "C%-1000"', '"id": "C-' .. math.random(1000, 9999) .. '"')
  if t == "order-check" then
    b = b:gsub('"openInvoices": 30000', '"openInvoices": ' .. amount(0, 120000))
    b = b:gsub('"amount": 20000.00', '"amount": ' .. amount(500, 90000))
  elseif t == "payment-terms" then
    b = b:gsub('"days": 60', '"days": ' .. (30 + 10 * math.random(0, 6)))
    b = b:gsub('"orderAmount": 20000.00', '"orderAmount": ' .. amount(500, 90000))
  elseif t == "dunning" then
    b = b:gsub('"amount": 5000.00', '"amount": ' .. amount(100, 30000))
  end
  return b
end

function request()
  counter = counter + 1
  local t = types[(counter % 4) + 1]
  headers["Idempotency-Key"] = prefix .. counter
  return wrk.format("POST", "/api/v1/decisions/" .. t, headers, varied(t))
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
