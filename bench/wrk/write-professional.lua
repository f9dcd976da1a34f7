-- A typical write: registering a professional (POST /api/professionals) in the bench's own organisation. Each
-- request has an e-mail of its own, since e-mails are unique in the register.
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_no", threads)
end

function init(args)
  organisation = os.getenv("BENCH_ORGANISATION")
  run = os.getenv("BENCH_RUN")
  counter = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"organisationId":"%s","firstName":"Bench","lastName":"Writer %d","email":"bench-%s-%d-%d@example.fi",' ..
    '"field":"ARTS_AND_CULTURE","profession":"MUSICIAN","methods":["SINGING"],"languages":["fi"]}',
    organisation, counter, run, thread_no, counter)
  return wrk.format(nil, nil, nil, body)
end

done = function(summary, latency, requests) report(summary, latency) end
