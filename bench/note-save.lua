-- wrk script for bench/assessment.sh: saves assessment notes as a guide's browser does while typing.
-- Each thread owns its own client keys (the first save of a key creates the note, the rest update it),
-- and every request carries a slightly different text. Two modes (wrk args after "--"):
--   api      PATH KEY...   POST JSON to /api/v1/programmes/{id}/assessment/notes (cookie only)
--   autosave PATH TOKEN KEY...  POST the notes form to ?handler=Autosave with the antiforgery token
--            (the antiforgery cookie comes with the Cookie header the calling script passes)
-- Prints one RESULT line like bench/report.lua; a non-2xx answer counts as an error (numbers for
-- error pages are worthless).
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local mode, path, token
local keys = {}
local n = 0
bad = 0  -- global: done() reads it per thread with thread:get

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  mode, path = args[1], args[2]
  local first = 3
  if mode == "autosave" then token = args[3]; first = 4 end
  -- Threads take turns through the keys, so no two threads write the same note.
  local threads_total = tonumber(os.getenv("WRK_THREADS") or "2")
  local i = 0
  for k = first, #args do
    if i % threads_total == tid then table.insert(keys, args[k]) end
    i = i + 1
  end
  if #keys == 0 then keys = { args[first] } end
  bad = 0
end

-- wrk.format does not merge wrk.headers (the -H Cookie) into headers it is given: do it here.
local function with_headers(extra)
  local h = {}
  for k, v in pairs(wrk.headers) do h[k] = v end
  for k, v in pairs(extra) do h[k] = v end
  return h
end

request = function()
  n = n + 1
  local key = keys[(n % #keys) + 1]
  local text = "Elevene forteller at de leser mer i friminuttene nå, og at lærerne spør hva de har lest. Notat " .. n .. ". æøå"
  if mode == "autosave" then
    local body = "Input.ClientKey=" .. key .. "&Input.Kind=Interview&Input.Group=" .. urlencode("Elever 7. trinn (bench)") ..
      "&Input.Text=" .. urlencode(text) .. "&__RequestVerificationToken=" .. urlencode(token)
    return wrk.format("POST", path, with_headers({ ["Content-Type"] = "application/x-www-form-urlencoded", ["Accept"] = "application/json" }), body)
  end
  local body = '{"clientKey":"' .. key .. '","kind":1,"group":"Elever 7. trinn (bench)","text":"' .. text .. '","signs":[]}'
  return wrk.format("POST", path, with_headers({ ["Content-Type"] = "application/json" }), body)
end

function response(status, headers, body)
  if status < 200 or status > 299 then bad = bad + 1 end
end

done = function(summary, latency, requests)
  local secs = summary.duration / 1e6
  local errors = 0
  for _, t in ipairs(threads) do errors = errors + (t:get("bad") or 0) end
  -- Only 2xx answers make the numbers worth anything: the calling script refuses a run with non2xx > 0.
  io.write(string.format("RESULT rps=%.1f p50=%.2f p95=%.2f p99=%.2f max=%.2f errors=%d non2xx=%d requests=%d\n",
    summary.requests / secs, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    math.max(errors, summary.errors.status), summary.requests))
end
