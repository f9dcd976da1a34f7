-- Session records (POST /api/session-records), each for a visit of its own: sessions-service takes one record per
-- visit (a second is 409). The bench writes the request bodies, one JSON object a line, to the file $BENCH_BODIES;
-- wrk's threads ($BENCH_WRK_THREADS of them) share it out, thread k taking lines k, k + n, k + 2n, ..., and each
-- request sends the thread's next line. Only answers 201 Created count as records ("created"); the first other
-- answer is kept ("failure"). A thread that has sent all its lines stops ("exhausted"): the bench then had too few
-- visits for the rate, and says so.
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")

local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_no", #threads)
end

function init(args)
  local n = tonumber(os.getenv("BENCH_WRK_THREADS"))
  bodies = {}
  local line_no = 0
  for line in io.lines(os.getenv("BENCH_BODIES")) do
    if line_no % n == thread_no - 1 then
      bodies[#bodies + 1] = line
    end
    line_no = line_no + 1
  end
  sent = 0
  created = 0
  exhausted = 0
  failure = nil
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  if sent == #bodies then
    -- Out of visits: stop this thread. wrk wants a request all the same; its answer is not counted.
    exhausted = 1
    wrk.thread:stop()
    return wrk.format(nil, nil, nil, bodies[#bodies])
  end
  sent = sent + 1
  return wrk.format(nil, nil, nil, bodies[sent])
end

function response(status, headers, body)
  if exhausted == 1 then
    return
  end
  if status == 201 then
    created = created + 1
  elseif failure == nil then
    failure = status .. " " .. string.sub(body or "", 1, 400)
  end
end

done = function(summary, latency, requests)
  local total_created, total_exhausted, first_failure = 0, 0, nil
  for _, thread in ipairs(threads) do
    total_created = total_created + thread:get("created")
    total_exhausted = total_exhausted + thread:get("exhausted")
    first_failure = first_failure or thread:get("failure")
  end
  local extra = string.format(',"created":%d,"exhausted":%d', total_created, total_exhausted)
  if first_failure then
    extra = extra .. ',"failure":' .. json_string(first_failure)
  end
  report(summary, latency, extra)
end
