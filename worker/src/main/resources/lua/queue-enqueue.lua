-- Records refresh requests durably, coalescing: an item already waiting is not queued twice (it keeps
-- the lower score, i.e. the higher priority and the earlier event), and an item being fetched right now
-- is marked to run exactly once more after that fetch.
-- KEYS: ready, running, claimed, again
-- ARGV[1] score (priority * 10^13 + event time in ms), ARGV[2..] work items
-- Returns {queued, again, coalesced}
local score = tonumber(ARGV[1])
local queued, again, coalesced = 0, 0, 0
for i = 2, #ARGV do
  local item = ARGV[i]
  if redis.call('ZSCORE', KEYS[2], item) then
    local pending = redis.call('HGET', KEYS[4], item)
    if pending then
      coalesced = coalesced + 1
      if score < tonumber(pending) then
        redis.call('HSET', KEYS[4], item, ARGV[1])
      end
    else
      again = again + 1
      redis.call('HSET', KEYS[4], item, ARGV[1])
    end
  elseif redis.call('ZADD', KEYS[1], 'LT', ARGV[1], item) == 1 then
    queued = queued + 1
  else
    coalesced = coalesced + 1
  end
end
return {queued, again, coalesced}
