-- wrk script for bench/agenda.sh: posts "Lag dagsorden" (the session page's DraftAgenda handler) with the
-- form's antiforgery token (wrk args after "--": TOKEN), as the guide's browser does. The answer is the
-- session page with the draft in its form (200); reports one RESULT line like bench/report.lua.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  not200 = 0
  wrk.method = "POST"
  wrk.body = "__RequestVerificationToken=" .. args[1]:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end)
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

function response(status, headers, body)
  if status ~= 200 then not200 = not200 + 1 end
end

done = function(summary, latency, requests)
  local secs = summary.duration / 1e6
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + (t:get("not200") or 0) end
  io.write(string.format("RESULT rps=%.1f p50=%.2f p95=%.2f p99=%.2f max=%.2f errors=%d non2xx=%d not200=%d requests=%d\n",
    summary.requests / secs, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, bad, summary.requests))
end
