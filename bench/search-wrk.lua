-- wrk script of the search benchmark (bench/search.sh): rotates through a list of requests and prints
-- one parseable RESULT line at the end.
--
--   wrk -t2 -c16 -d20s --latency -s bench/search-wrk.lua URL -- REQUESTS.tsv [EMPTY-MARKER]
--
-- REQUESTS.tsv: one request a line, "METHOD<TAB>PATH[<TAB>BODY]" (bench/search-queries.mjs writes them).
-- EMPTY-MARKER: a plain string whose presence in a 2xx body means "nothing found" ('"total":0,' for
-- search, '"items":[]' for suggest); such answers are counted, not failed.

local threads = {}

function setup(thread)
  -- one Lua state per thread: keep a handle on each to add up their counters in done()
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local file = args[1] or error("usage: ... -- REQUESTS.tsv [EMPTY-MARKER]")
  marker = args[2]
  if marker == "" then marker = nil end
  requests = {}
  for line in io.lines(file) do
    local method, path, body = line:match("^(%u+)\t([^\t]+)\t?(.*)$")
    if method then
      local headers = nil
      if body == "" then body = nil else headers = { ["Content-Type"] = "application/json" } end
      -- formatted once here, not per request: wrk's own cost stays the same for every list
      requests[#requests + 1] = wrk.format(method, path, headers, body)
    end
  end
  if #requests == 0 then error("no requests in " .. file) end
  -- threads start at different places in the list, so they do not ask the same query at once
  i = (id * 7919) % #requests
  non2xx, s4xx, s5xx, empty = 0, 0, 0, 0
end

function request()
  i = i % #requests + 1
  return requests[i]
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if status >= 500 then s5xx = s5xx + 1 elseif status >= 400 then s4xx = s4xx + 1 end
  elseif marker and body and body:find(marker, 1, true) then
    empty = empty + 1
  end
end

function done(summary, latency, requests)
  local n2, n4, n5, ne = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    n2 = n2 + t:get("non2xx")
    n4 = n4 + t:get("s4xx")
    n5 = n5 + t:get("s5xx")
    ne = ne + t:get("empty")
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p95_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f mean_ms=%.2f " ..
    "non2xx=%d s4xx=%d s5xx=%d empty=%d connect_err=%d read_err=%d write_err=%d timeouts=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000, latency.mean / 1000,
    n2, n4, n5, ne, e.connect, e.read, e.write, e.timeout))
end
