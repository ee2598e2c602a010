// Crawl benchmark: 60,000 distinct catalogue URLs (minPrice varied), as a
// crawler or an attacker would send them, against `medusa start` with the
// in-memory cache. Reports every status seen and the server's RSS over time:
// each answer must be 200 and RSS must level off under the cache's budget.
//   node bench/crawl-catalogue.mjs   (CRAWL_URLS=60000 CRAWL_CONNECTIONS=8 CACHE_MEMORY_MAX_MB=128)
import { log, rssMb, saveResults, startShop, BASE } from "./lib.mjs"

const URLS = Number(process.env.CRAWL_URLS || 60_000)
const CONNECTIONS = Number(process.env.CRAWL_CONNECTIONS || 8)
const SAMPLE_EVERY = Number(process.env.CRAWL_SAMPLE_EVERY || 5_000)

async function main() {
  if (process.env.REDIS_URL) throw new Error("Unset REDIS_URL: this crawl measures the in-memory cache.")
  const shop = await startShop({ database: "skinior_bench_crawl" })
  const statuses = {}
  const samples = []
  let peak = 0
  const peakTimer = setInterval(() => (peak = Math.max(peak, rssMb(shop.pid) ?? 0)), 250)
  const started = Date.now()
  try {
    // Each URL once, so nearly every request is a miss that the cache must store.
    const first = await fetch(`${BASE}/api/v1/products?minPrice=0`).then((r) => r.json())
    log(`One answer holds ${first.data.length} products (${JSON.stringify(first).length} bytes of JSON).`)
    samples.push({ requests: 0, seconds: 0, rssMb: rssMb(shop.pid) })
    log(`Crawling ${URLS} distinct URLs at ${CONNECTIONS} connections; RSS at start ${samples[0].rssMb} MB ...`)
    let next = 0
    let done = 0
    const worker = async () => {
      while (next < URLS) {
        const i = next++
        let status
        try {
          const res = await fetch(`${BASE}/api/v1/products?minPrice=${i}`)
          await res.arrayBuffer()
          status = String(res.status)
        } catch (e) {
          status = `error ${e.cause?.code ?? e.message}`
        }
        statuses[status] = (statuses[status] ?? 0) + 1
        if (++done % SAMPLE_EVERY === 0) {
          const sample = { requests: done, seconds: Math.round((Date.now() - started) / 1000), rssMb: rssMb(shop.pid) }
          samples.push(sample)
          log(`  ${done} requests, ${sample.seconds} s, RSS ${sample.rssMb} MB, statuses ${JSON.stringify(statuses)}`)
        }
      }
    }
    await Promise.all(Array.from({ length: CONNECTIONS }, worker))
  } finally {
    clearInterval(peakTimer)
    await shop.stop()
  }
  const seconds = (Date.now() - started) / 1000
  const result = {
    urls: URLS,
    connections: CONNECTIONS,
    cacheMemoryMaxMb: Number(process.env.CACHE_MEMORY_MAX_MB) || 128,
    seconds: Math.round(seconds),
    requestsPerSecond: Math.round(URLS / seconds),
    statuses,
    peakRssMb: peak,
    samples,
  }
  console.log(
    [
      "",
      `| requests | s | RSS MB |`,
      "|---:|---:|---:|",
      ...samples.map((s) => `| ${s.requests} | ${s.seconds} | ${s.rssMb} |`),
      "",
      `statuses: ${JSON.stringify(statuses)}; peak RSS ${peak} MB; ${result.requestsPerSecond} req/s`,
    ].join("\n")
  )
  log(`Saved ${saveResults("crawl-catalogue", result)}`)
  const bad = Object.entries(statuses).filter(([s]) => s !== "200")
  if (bad.length) {
    log(`FAILED: answers other than 200: ${JSON.stringify(Object.fromEntries(bad))}`)
    process.exit(1)
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
