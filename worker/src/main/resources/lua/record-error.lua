-- Record a failed refresh next to the last good document, unless a later fetch already succeeded
-- or already recorded its own failure.
-- KEYS[1] document hash, KEYS[2] package metadata hash
-- ARGV: version, connector id, error JSON, notice channel, notice JSON
local version = tonumber(ARGV[1])
local current = tonumber(redis.call('HGET', KEYS[1], 'v') or '0')
if current >= version then
  return 0
end
local errorVersion = tonumber(redis.call('HGET', KEYS[2], ARGV[2] .. ':errorVersion') or '0')
if errorVersion >= version then
  return 0
end
redis.call('HSET', KEYS[2], ARGV[2] .. ':error', ARGV[3], ARGV[2] .. ':errorVersion', ARGV[1])
redis.call('PUBLISH', ARGV[4], ARGV[5])
return 1
