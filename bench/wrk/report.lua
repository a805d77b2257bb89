-- wrk script for the benchmarks (bench/run.sh): the request comes from the environment, the summary goes out as
-- one JSON line, with wrk's exact latency percentiles.
--   WRK_METHOD  GET (default) or POST
--   WRK_BODY    the request body, if any (sent with Content-Type: application/json)
-- Headers (the client key) come from wrk's own -H options.

wrk.method = os.getenv("WRK_METHOD") or "GET"
local body = os.getenv("WRK_BODY")
if body ~= nil and body ~= "" then
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end

-- Non-2xx answers, counted in each thread's own Lua state (wrk's errors.status counts only those over 399) and
-- gathered in done(), which runs in yet another state.
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

non2xx = 0
function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local non2xx = 0
  for _, thread in ipairs(threads) do
    non2xx = non2xx + thread:get("non2xx")
  end
  local seconds = summary.duration / 1000000
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"requestsPerSecond":%.2f,"p50Ms":%.3f,"p99Ms":%.3f,"maxMs":%.3f,' ..
    '"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"timeouts":%d,"non2xx":%d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect, e.read, e.write, e.timeout, non2xx))
end
