-- Shared by the bench's wrk scripts: at the end, one JSON line with the counts and the latency percentiles
-- (microseconds), which fi.voimala.bench.Wrk reads. A script may add fields of its own: `extra` is appended to the
-- object as it is (e.g. ',"created":12').
function report(summary, latency, extra)
  local e = summary.errors
  io.write(string.format(
    '{"wrk":true,"requests":%d,"duration_us":%d,"socket_errors":%d,"non_2xx_3xx":%d,' ..
    '"p50_us":%d,"p90_us":%d,"p99_us":%d,"p999_us":%d,"max_us":%d,"mean_us":%.1f%s}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
    latency.max, latency.mean, extra or ""))
end

-- A string as a JSON string literal (quotes, backslashes and control characters escaped).
function json_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
end
