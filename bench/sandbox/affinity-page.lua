-- GET one page of 100 persons, or with FIELDS=1 the same page with every global field (wrk -s affinity-page.lua).
local path = "/v2/persons?limit=100"
if os.getenv("FIELDS") == "1" then path = path .. "&fieldTypes=global" end
request = function()
  return wrk.format("GET", path, { ["Authorization"] = "Bearer affinity-sandbox-key" })
end
