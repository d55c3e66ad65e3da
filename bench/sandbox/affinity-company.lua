-- GET /v2/companies/{id} for ids spread over the whole dataset (wrk -s affinity-company.lua).
local companies = tonumber(os.getenv("COMPANIES") or "100000")
local n = 0
request = function()
  n = n + 1
  local id = (n * 7919) % companies + 1
  return wrk.format("GET", "/v2/companies/" .. id, { ["Authorization"] = "Bearer affinity-sandbox-key" })
end
