-- wrk script of bench/payments_bench.py: each request is the next line of the file given after `--`
-- (one signed VNPay IPN path each; the file holds more than the run can send, so each is used once).
-- Answers other than RspCode 00 are counted; done() prints one JSON line.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

paths, sent, failed = {}, 0, 0  -- globals: done() reads failed (thread:get)

function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
end

function request()
  sent = sent + 1
  return wrk.format("GET", paths[((sent - 1) % #paths) + 1])
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"RspCode":%s*"00"') then failed = failed + 1 end
end

function done(summary, latency, requests)
  local failures = 0
  for _, thread in ipairs(threads) do failures = failures + thread:get("failed") end
  io.write(string.format(
    '{"answered": %d, "failed": %d, "socket_errors": %d, "p50_us": %d, "p99_us": %d, "max_us": %d, "seconds": %.3f}\n',
    summary.requests, failures,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(99), latency.max, summary.duration / 1e6))
end
