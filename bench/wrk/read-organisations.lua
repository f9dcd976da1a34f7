-- A typical read: the first page of the organisations list, as the partner register's page loads it.
-- The path comes from the command line; the token from -H "Authorization: ...".
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")
done = function(summary, latency, requests) report(summary, latency) end
