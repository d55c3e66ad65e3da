-- PUT /v2/objects/people/records?matching_attribute=email_addresses with a new email per request:
-- every request creates one record, so a run fills the store (wrk -s attio-assert.lua). With SAME=1
-- the requests cycle over 1000 emails, so after the first thousand every assert updates a record.
-- Each wrk thread has its own Lua state; the thread number keeps the emails unique across threads.
local counter = 0
local cycle = os.getenv("SAME") == "1" and 1000 or nil
local threads = 0
prefix = "t"

setup = function(thread)
  threads = threads + 1
  thread:set("prefix", "t" .. threads .. "-" .. (os.getenv("RUN") or "0"))
end

request = function()
  counter = counter + 1
  if cycle and counter > cycle then counter = 1 end
  local email = prefix .. "-" .. counter .. "@bench" .. (counter % 997) .. ".example"
  local body = '{"data":{"values":{"email_addresses":["' .. email .. '"],'
    .. '"name":[{"first_name":"Ada","last_name":"Lovelace ' .. counter .. '","full_name":"Ada Lovelace ' .. counter .. '"}],'
    .. '"job_title":"Engineer","description":"Imported from Affinity"}}}'
  return wrk.format("PUT", "/v2/objects/people/records?matching_attribute=email_addresses",
    { ["Authorization"] = "Bearer attio-sandbox-key", ["Content-Type"] = "application/json" }, body)
end
