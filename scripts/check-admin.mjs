// `npm run check:admin`: the Admin "Shop health" and "Audit log" pages in a real browser.
// Migrates and seeds a database of its own (skinior_admin_check), places one
// order through /store so the charts have something to draw, starts the app
// with the Admin UI, logs in as the seeded admin in headless Chromium, checks
// the page's headings and charts, and saves docs/admin-shop-health.png; then
// makes one admin change and finds it on the Audit log (docs/admin-audit-log.png).
// Not part of `npm test`: it needs Debian's chromium (apt-get install -y chromium).
import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { chromium } from "playwright-core"
import {
  connectionUrl,
  ensureDatabase,
  freePort,
  isPortOpen,
  log,
  queryRows,
  startEmbeddedPostgres,
} from "./lib/postgres.mjs"
import { ROOT, runOrFail } from "./lib/run.mjs"
import { disableTelemetry } from "./lib/telemetry.mjs"

const DATABASE = "skinior_admin_check"
const SCREENSHOT = path.join(ROOT, "docs", "admin-shop-health.png")
const AUDIT_SCREENSHOT = path.join(ROOT, "docs", "admin-audit-log.png")
const ADMIN_EMAIL = process.env.ADMIN_EMAIL || "admin@skinior.com"
const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD || "skinior-admin"
const CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
// The Admin's first load compiles it with Vite: slow on a small machine.
const FIRST_LOAD_MS = 240_000

function findChromium() {
  const found = [process.env.CHROMIUM_PATH, ...CHROMIUM_CANDIDATES].find((p) => p && fs.existsSync(p))
  if (!found) {
    console.error("Chromium is not installed. On Debian/Ubuntu: sudo apt-get install -y chromium")
    console.error("(or set CHROMIUM_PATH to a Chromium or Chrome executable)")
    process.exit(1)
  }
  return found
}

async function database(env) {
  if (process.env.CHECK_DATABASE_URL) return { url: process.env.CHECK_DATABASE_URL, stop: async () => {} }
  if (await isPortOpen(5432)) return { url: `postgres://postgres@localhost:5432/${DATABASE}`, stop: async () => {} }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "skinior-admin-check-pg-"))
  fs.chmodSync(dir, 0o777)
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), persistent: false })
  return {
    url: connectionUrl(embedded, DATABASE),
    stop: async () => {
      await embedded.stop()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function startApp(env, port) {
  log(`Starting the app with the Admin UI on :${port} (NODE_ENV=development: Admin served by Vite, no build) ...`)
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "medusa"), ["start"], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), NODE_ENV: "development", LOG_LEVEL: "warn" },
    stdio: ["ignore", "inherit", "inherit"],
  })
  const started = Date.now()
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) break
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error("The app exited while starting; see its output above.")
    if (Date.now() - started > 180_000) throw new Error("The app did not answer /health within 3 minutes.")
    await new Promise((r) => setTimeout(r, 500))
  }
  log(`App up in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
  return async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM")
      await new Promise((r) => child.once("exit", r))
    }
  }
}

/** One Jordan order through Medusa's /store API (system payment), so the charts show a day with revenue. */
async function placeOrder(base, databaseUrl) {
  const [{ token }] = await queryRows(databaseUrl, "select token from api_key where type = 'publishable' and deleted_at is null limit 1")
  const call = async (method, url, body) => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { "content-type": "application/json", "x-publishable-api-key": token },
      body: body ? JSON.stringify(body) : undefined,
    })
    const data = await res.json()
    if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${JSON.stringify(data).slice(0, 200)}`)
    return data
  }
  const { regions } = await call("GET", "/store/regions")
  const region = regions.find((r) => r.currency_code === "jod")
  const { products } = await call("GET", "/store/products?limit=1")
  const { cart } = await call("POST", "/store/carts", { region_id: region.id })
  await call("POST", `/store/carts/${cart.id}/line-items`, { variant_id: products[0].variants[0].id, quantity: 1 })
  const address = { first_name: "Lina", last_name: "Haddad", address_1: "Queen Rania Street 15", city: "Amman", province: "Amman", postal_code: "11118", country_code: "jo", phone: "+962790000000" }
  await call("POST", `/store/carts/${cart.id}`, { email: "lina.check@example.com", shipping_address: address, billing_address: address })
  const { shipping_options } = await call("GET", `/store/shipping-options?cart_id=${cart.id}`)
  await call("POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id })
  const { payment_collection } = await call("POST", "/store/payment-collections", { cart_id: cart.id })
  await call("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
  const done = await call("POST", `/store/carts/${cart.id}/complete`)
  if (done.type !== "order") throw new Error(`checkout failed: ${JSON.stringify(done.error).slice(0, 200)}`)
  log(`Placed order ${done.order.id}.`)
}

async function checkPage(executablePath, base) {
  log(`Launching ${executablePath} (headless) ...`)
  const browser = await chromium.launch({ executablePath, headless: true, args: ["--no-sandbox", "--disable-dev-shm-usage"] })
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 2000 } })
    log("Opening the Admin login (the first load compiles the Admin) ...")
    await page.goto(`${base}/app/login`, { timeout: FIRST_LOAD_MS })
    await page.locator('input[name="email"]').fill(ADMIN_EMAIL, { timeout: FIRST_LOAD_MS })
    await page.locator('input[name="password"]').fill(ADMIN_PASSWORD)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => !url.pathname.endsWith("/login"), { timeout: 60_000 })
    log(`Logged in as ${ADMIN_EMAIL}.`)

    await page.getByRole("link", { name: "Shop health" }).first().waitFor({ timeout: 60_000 })
    log("Sidebar entry 'Shop health' present; opening the page ...")
    await page.goto(`${base}/app/shop-health`, { timeout: FIRST_LOAD_MS })
    for (const heading of ["Shop health", "Completion and abandonment", "Orders per day", "Latency and errors per route", "Low-stock variants"]) {
      await page.getByRole("heading", { name: heading, exact: true }).waitFor({ state: "visible", timeout: 60_000 })
      log(`  heading "${heading}" visible`)
    }
    for (const chart of ["Orders per day", "Order completion rate", "Cart abandonment rate"]) {
      await page.locator(`svg[data-chart="${chart}"]`).waitFor({ state: "visible", timeout: 30_000 })
      log(`  chart "${chart}" visible`)
    }
    const bars = await page.locator('svg[data-chart="Orders per day"] rect').count()
    if (bars !== 14) throw new Error(`"Orders per day" draws ${bars} bars, expected 14`)
    log("  14 daily bars drawn")
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true })
    await page.screenshot({ path: SCREENSHOT, fullPage: true })
    log(`Screenshot saved: ${path.relative(ROOT, SCREENSHOT)}`)
    await checkAuditLog(page, base)
  } finally {
    await browser.close()
  }
}

/** The "Audit log" page: an admin change made in this browser session shows up in it. */
async function checkAuditLog(page, base) {
  await page.getByRole("link", { name: "Audit log" }).first().waitFor({ timeout: 60_000 })
  log("Sidebar entry 'Audit log' present; creating a secret key as this admin (an audited change) ...")
  const status = await page.evaluate(async () => {
    const res = await fetch("/admin/api-keys", {
      method: "POST",
      credentials: "include",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "Admin check key", type: "secret" }),
    })
    return res.status
  })
  if (status !== 200) throw new Error(`POST /admin/api-keys answered ${status}`)
  await page.goto(`${base}/app/audit-log`, { timeout: FIRST_LOAD_MS })
  await page.getByRole("heading", { name: "Audit log", exact: true }).waitFor({ state: "visible", timeout: 60_000 })
  log('  heading "Audit log" visible')
  await page.getByText("POST /admin/api-keys").first().waitFor({ state: "visible", timeout: 30_000 })
  log('  entry "POST /admin/api-keys" listed')
  await page.screenshot({ path: AUDIT_SCREENSHOT, fullPage: true })
  log(`Screenshot saved: ${path.relative(ROOT, AUDIT_SCREENSHOT)}`)
}

async function main() {
  const executablePath = findChromium()
  const env = { ...process.env }
  await disableTelemetry(env)
  const db = await database(env)
  env.DATABASE_URL = db.url
  let stopApp = async () => {}
  try {
    await ensureDatabase(env.DATABASE_URL)
    log(`Migrating ${DATABASE} (pending migrations only) ...`)
    await runOrFail("medusa", ["db:migrate"], { env: { ...env, NODE_ENV: "development" } })
    log("Seeding (idempotent; creates the admin user) ...")
    await runOrFail("medusa", ["exec", "./src/scripts/seed.ts"], { env: { ...env, NODE_ENV: "development" } })
    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    stopApp = await startApp({ ...env, MEDUSA_BACKEND_URL: base, ADMIN_CORS: base, AUTH_CORS: base, STORE_CORS: base }, port)
    await placeOrder(base, env.DATABASE_URL)
    await checkPage(executablePath, base)
    log("Admin check passed.")
  } finally {
    await stopApp()
    await db.stop()
  }
}

main().catch((e) => {
  console.error(`Admin check failed: ${e.message}`)
  process.exit(1)
})
