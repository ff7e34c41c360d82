-- Extends the leases of the items a live worker is still fetching.
-- KEYS: ready, running, claimed, again
-- ARGV[1] lease in ms, ARGV[2] owner, ARGV[3..] items
local t = redis.call('TIME')
local deadline = string.format('%.0f', tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[1]))
local renewed = 0
for i = 3, #ARGV do
  local claimed = redis.call('HGET', KEYS[3], ARGV[i])
  if claimed and string.sub(claimed, -(#ARGV[2] + 1)) == '|' .. ARGV[2] then
    redis.call('ZADD', KEYS[2], 'XX', deadline, ARGV[i])
    renewed = renewed + 1
  end
end
return renewed
