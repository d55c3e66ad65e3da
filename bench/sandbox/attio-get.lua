-- GET /v2/objects (a read through auth, the read budget and JSON writing) (wrk -s attio-get.lua).
request = function()
  return wrk.format("GET", "/v2/objects/people/attributes", { ["Authorization"] = "Bearer attio-sandbox-key" })
end
