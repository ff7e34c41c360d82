-- Ends a claim. If the item was requested again while it ran, it goes back to the queue once; with
-- ARGV[3] = 1 (the fetch could not be done now: circuit open, worker stopping) it goes back anyway.
-- A claim that is no longer this owner's (its lease ran out and another worker took it) is left alone.
-- KEYS: ready, running, claimed, again
-- ARGV[1] item, ARGV[2] owner, ARGV[3] requeue (0/1)
-- Returns 1 if the item is queued again, 0 if done, -1 if the claim was not ours
local item = ARGV[1]
local claimed = redis.call('HGET', KEYS[3], item)
if not claimed then
  return -1
end
local score, owner = string.match(claimed, '^([^|]+)|(.*)$')
if owner ~= ARGV[2] then
  return -1
end
redis.call('ZREM', KEYS[2], item)
redis.call('HDEL', KEYS[3], item)
local again = redis.call('HGET', KEYS[4], item)
redis.call('HDEL', KEYS[4], item)
local target = again
if ARGV[3] == '1' and (not target or tonumber(score) < tonumber(target)) then
  target = score
end
if target then
  redis.call('ZADD', KEYS[1], 'LT', target, item)
  return 1
end
return 0
