-- wrk script: rotates through the (b) parameter sets written by
--   dotnet Raccroche.Bench.dll urls --db /tmp/bench.db --out /tmp/raccroche-bench/urls.txt
-- so that the server computes a different search on every request (not one hot query).
-- Usage: wrk -t2 -c64 -d20s -s bench/wrk/varied.lua http://127.0.0.1:5099 -- /tmp/raccroche-bench/urls.txt
-- Each wrk thread starts at a different offset; non-2xx answers are counted and printed at the end.

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local file = args[1] or "/tmp/raccroche-bench/urls.txt"
  paths = {}
  for line in io.lines(file) do
    if #line > 0 then
      paths[#paths + 1] = line
    end
  end
  if #paths == 0 then
    error("no paths in " .. file)
  end
  counter = (id * 997) % #paths
  errors = 0
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + (thread:get("errors") or 0)
  end
  io.write(string.format("distinct paths: rotated through the parameter file; non-2xx responses: %d\n", total))
  io.write(string.format("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000))
end
