-- wrk: POST the chat completion of $LADDER_BENCH_BODY; each request its own conversation
-- (x-ladder-conversation), and the x-portkey-config header when $LADDER_BENCH_PORTKEY is set.
local body = os.getenv("LADDER_BENCH_BODY")
local portkey = os.getenv("LADDER_BENCH_PORTKEY")
local threads = 0
local counter = 0
prefix = "t"

function setup(thread)
    threads = threads + 1
    thread:set("prefix", "b" .. os.time() .. "-" .. threads .. "-")
end

function request()
    counter = counter + 1
    local headers = {
        ["Content-Type"] = "application/json",
        ["Authorization"] = "Bearer bench",
        ["x-ladder-conversation"] = prefix .. counter,
    }
    if portkey then headers["x-portkey-config"] = portkey end
    return wrk.format("POST", "/v1/chat/completions", headers, body)
end
