-- wrk script: a mix of valid and invalid requests against the demo server's API.
-- Each connection cycles through the list; responses are counted by status.
local bodies = {}
local f = io.open(os.getenv("LOCKSTEP_LOAD_REQUESTS") or "target/load/requests.txt", "r")
for line in f:lines() do
  local path, ctype, body = line:match("^(%S+)\t(%S+)\t(.*)$")
  bodies[#bodies + 1] = { path = path, ctype = ctype, body = body }
end
f:close()

local counter = 0
request = function()
  counter = counter + 1
  local r = bodies[(counter % #bodies) + 1]
  return wrk.format("POST", r.path, { ["content-type"] = r.ctype }, r.body)
end

-- Per-thread status counts, read back by `done` through the thread objects.
local threads = {}
setup = function(thread)
  table.insert(threads, thread)
end

c2xx, c4xx, c5xx, cother = 0, 0, 0, 0
response = function(status)
  if status >= 200 and status < 300 then c2xx = c2xx + 1
  elseif status >= 400 and status < 500 then c4xx = c4xx + 1
  elseif status >= 500 then c5xx = c5xx + 1
  else cother = cother + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors connect %d read %d write %d status %d timeout %d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout))
  local t2, t4, t5, to = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    t2 = t2 + t:get("c2xx"); t4 = t4 + t:get("c4xx"); t5 = t5 + t:get("c5xx"); to = to + t:get("cother")
  end
  io.write(string.format("statuses 2xx %d, 4xx %d, 5xx %d, other %d\n", t2, t4, t5, to))
  io.write(string.format("latency p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
