// Every test sees the same zone-independent world: the product shows
// Shanghai time whatever zone the machine is in, and tests prove it by
// running under a zone far from it.
process.env.TZ = process.env.TEST_TZ ?? 'America/Los_Angeles'
