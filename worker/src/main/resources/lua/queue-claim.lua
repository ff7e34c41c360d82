-- Hands up to ARGV[1] items of one upstream to a worker, best score first, each under a lease that the
-- worker renews while it fetches. Leases that ran out (their worker died) go back to the queue first,
-- so a killed worker loses nothing.
-- KEYS: ready, running, claimed, again
-- ARGV[1] how many, ARGV[2] lease in ms, ARGV[3] owner (worker id)
-- Returns {item, score, item, score, ...}
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, 1000)
for _, item in ipairs(expired) do
  redis.call('ZREM', KEYS[2], item)
  local claimed = redis.call('HGET', KEYS[3], item)
  redis.call('HDEL', KEYS[3], item)
  local score = claimed and string.match(claimed, '^([^|]+)')
  local again = redis.call('HGET', KEYS[4], item)
  redis.call('HDEL', KEYS[4], item)
  if again and (not score or tonumber(again) < tonumber(score)) then
    score = again
  end
  if score then
    redis.call('ZADD', KEYS[1], 'LT', score, item)
  end
end
local popped = redis.call('ZPOPMIN', KEYS[1], tonumber(ARGV[1]))
local deadline = string.format('%.0f', now + tonumber(ARGV[2]))
for i = 1, #popped, 2 do
  redis.call('ZADD', KEYS[2], deadline, popped[i])
  redis.call('HSET', KEYS[3], popped[i], popped[i + 1] .. '|' .. ARGV[3])
end
return popped
