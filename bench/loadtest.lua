-- Requests for bench/loadtest.sh: tag-table queries, resource lookups and heavy queries (HEAVY_PERCENT,
-- default 5); the rest split 70:25 between tag tables and lookups.
local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local prefix = "PREFIX vg: <https://w3id.org/vaultgraph/ns#> PREFIX dcterms: <http://purl.org/dc/terms/> "
local tagTable = prefix .. "SELECT ?insight ?name ?statement ?created WHERE { ?concept vg:linkKey ?key . "
  .. "FILTER(?key = LCASE(\"%s\")) ?insight a vg:Insight ; vg:linksTo ?concept ; vg:name ?name . "
  .. "OPTIONAL { ?insight vg:statement ?statement } OPTIONAL { ?insight dcterms:created ?created } } ORDER BY DESC(?created)"
-- A cartesian product, counted so that no row streams before the timeout stops it.
local heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(?c != ?i) }"
local concepts = { "Hypoxic-Cultured Autologous Mesenchymal Stem Cells (MSCs)", "L4-L5", "L5-S1", "Annulus Fibrosus",
  "Nucleus Pulposus", "Quality of Life", "Intradiscal Injection", "Intervertebral Disc (IVD)" }
local resources = { "/note/Research/Tags/L4-L5", "/note/Research/Tags/L5-S1", "/tag/insight", "/ns",
  "/note/Research/Insights/2025-01-30%2014-48-20" }

local heavyPercent = tonumber(os.getenv("HEAVY_PERCENT") or "5")
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  counts = {}
end

function request()
  if math.random(100) <= heavyPercent then
    return wrk.format("GET", "/vault/sparql?query=" .. encode(heavy), { Accept = "application/sparql-results+json" })
  end
  if math.random(95) <= 70 then
    local q = string.format(tagTable, concepts[math.random(#concepts)])
    return wrk.format("GET", "/vault/sparql?query=" .. encode(q), { Accept = "application/sparql-results+json" })
  else
    return wrk.format("GET", resources[math.random(#resources)], { Accept = "text/turtle" })
  end
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for status, n in pairs(c) do total[status] = (total[status] or 0) + n end
  end
  io.write("answers by status:")
  for status, n in pairs(total) do io.write(string.format(" %d: %d", status, n)) end
  io.write(string.format("\nsocket errors: connect %d, read %d, write %d, timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  io.write(string.format("p50 %.2f ms, p99 %.2f ms, %.0f requests/s\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end
