-- Requests for bench/loadtest.sh, by share: HEAVY_PERCENT heavy queries (default 5), LOOKUP_PERCENT
-- resource lookups (default 25), the rest tag-table queries (together: the light requests). With
-- HEAVY_UNIQUE=1 every heavy query has a text of its own. CONCEPTS_FILE lists the vault paths of the
-- concept notes to ask for, one per line (default: concepts of data/vault).
local function encode(s, keep)
  return (s:gsub("[^%w%-_%.~" .. (keep or "") .. "]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local prefix = "PREFIX vg: <https://w3id.org/vaultgraph/ns#> PREFIX dcterms: <http://purl.org/dc/terms/> "
local tagTable = prefix .. "SELECT ?insight ?name ?statement ?created WHERE { ?concept vg:linkKey ?key . "
  .. "FILTER(?key = LCASE(\"%s\")) ?insight a vg:Insight ; vg:linksTo ?concept ; vg:name ?name . "
  .. "OPTIONAL { ?insight vg:statement ?statement } OPTIONAL { ?insight dcterms:created ?created } } ORDER BY DESC(?created)"
-- A cartesian product, counted so that no row streams before the timeout stops it.
local heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(?c != ?i) }"
local heavyUnique = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(?c != ?i && ?c != \"%d\") }"
local unique = os.getenv("HEAVY_UNIQUE") == "1"

local heavyPercent = tonumber(os.getenv("HEAVY_PERCENT") or "5")
local lookupPercent = tonumber(os.getenv("LOOKUP_PERCENT") or "25")
local paths = {}
local file = os.getenv("CONCEPTS_FILE")
if file and file ~= "" then
  for line in io.lines(file) do if line ~= "" then table.insert(paths, line) end end
else
  for _, name in ipairs({ "Hypoxic-Cultured Autologous Mesenchymal Stem Cells (MSCs)", "L4-L5", "L5-S1",
      "Annulus Fibrosus", "Nucleus Pulposus", "Intervertebral Disc (IVD)" }) do
    table.insert(paths, "Research/Tags/" .. name .. ".md")
  end
end
local concepts, resources = {}, { "/ns" }
for _, path in ipairs(paths) do
  local stem = path:gsub("%.md$", "")
  table.insert(concepts, (stem:gsub("^.*/", "")))
  table.insert(resources, "/note/" .. encode(stem, "/"))
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counts = {}
  light = 0
  heavyAnswers = 0
end

function request()
  local r = math.random(100)
  if r <= heavyPercent then
    local q = unique and string.format(heavyUnique, math.random(1000000000)) or heavy
    return wrk.format("GET", "/vault/sparql?query=" .. encode(q), { Accept = "application/sparql-results+json" })
  elseif r <= heavyPercent + lookupPercent then
    return wrk.format("GET", resources[math.random(#resources)], { Accept = "text/turtle" })
  end
  local q = string.format(tagTable, concepts[math.random(#concepts)])
  return wrk.format("GET", "/vault/sparql?query=" .. encode(q), { Accept = "application/sparql-results+json" })
end

-- wrk does not say which request an answer is for; the answer tells: a heavy query's count ("n"), or its
-- 503 for running out of time; everything else answers a light request.
function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
  local isHeavy = body:find('"n"', 1, true) or (status == 503 and (body:find("out of time", 1, true) or body:find("timed out", 1, true)))
  if isHeavy then
    heavyAnswers = heavyAnswers + 1
  elseif status == 200 then
    light = light + 1
  end
end

function done(summary, latency, requests)
  local total = {}
  local lightTotal, heavyTotal = 0, 0
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for status, n in pairs(c) do total[status] = (total[status] or 0) + n end
    lightTotal = lightTotal + thread:get("light")
    heavyTotal = heavyTotal + thread:get("heavyAnswers")
  end
  io.write("answers by status:")
  for status, n in pairs(total) do io.write(string.format(" %d: %d", status, n)) end
  io.write(string.format("\nsocket errors: connect %d, read %d, write %d, timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  io.write(string.format("p50 %.2f ms, p99 %.2f ms, %.0f requests/s\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
  io.write(string.format("light answers (200): %d, %.0f/s; heavy answers: %d\n", lightTotal, lightTotal / (summary.duration / 1e6), heavyTotal))
end
