-- Replace one package x connector document if this fetch started later than the stored one.
-- KEYS[1] document hash, KEYS[2] package metadata hash
-- ARGV: version, envelope JSON, connector id, refreshedAt, status, notice channel, notice JSON, then for a
-- document kept per branch: pairs of field (body@<branch>) and that branch's envelope JSON
local current = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
local version = tonumber(ARGV[1])
if current >= version then
  return 0
end
-- replaced whole: a branch the package left has no field afterwards
redis.call('DEL', KEYS[1])
local fields = {'v', ARGV[1], 'body', ARGV[2]}
for i = 8, #ARGV - 1, 2 do
  fields[#fields + 1] = ARGV[i]
  fields[#fields + 1] = ARGV[i + 1]
end
redis.call('HSET', KEYS[1], unpack(fields))
local c = ARGV[3]
redis.call('HSET', KEYS[2], c .. ':version', ARGV[1], c .. ':refreshedAt', ARGV[4], c .. ':status', ARGV[5])
-- a failure of a fetch that started later than this one still stands
local errorVersion = tonumber(redis.call('HGET', KEYS[2], c .. ':errorVersion') or '0')
if errorVersion <= version then
  redis.call('HDEL', KEYS[2], c .. ':error', c .. ':errorVersion')
end
redis.call('PUBLISH', ARGV[6], ARGV[7])
return 1
