// Medusa's test utils, with one change for the HTTP specs: when `npm test` has
// built a template database (SKINIOR_TEST_DB_TEMPLATE, see
// integration-tests/template/build-template.spec.ts), each spec file's database
// is created as a copy of it before Medusa's runner starts. The runner then
// finds every migration and link already applied (a no-op) instead of
// migrating ~150 tables per file. Everything else is Medusa's runner as is.
// Mapped over "@medusajs/test-utils" by jest.config.js for the HTTP suite.
const real = require("@medusajs/test-utils/dist/index.js")
const { Client } = require("pg")

const connection = () => ({
  host: process.env.DB_HOST ?? "localhost",
  port: Number(process.env.DB_PORT ?? 5432),
  user: process.env.DB_USERNAME ?? "postgres",
  password: process.env.DB_PASSWORD || undefined,
  database: "postgres",
})

const quote = (name) => `"${name.replace(/"/g, '""')}"`

async function copyTemplate(template, dbName) {
  const client = new Client(connection())
  await client.connect()
  try {
    // Two workers may copy the template at the same moment; PostgreSQL can refuse one briefly.
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${quote(dbName)} TEMPLATE ${quote(template)}`)
        return
      } catch (e) {
        if (attempt >= 10 || !/being accessed by other users/.test(e.message)) throw e
        await new Promise((r) => setTimeout(r, 200 * attempt))
      }
    }
  } finally {
    await client.end()
  }
}

function medusaIntegrationTestRunner(config) {
  const template = process.env.SKINIOR_TEST_DB_TEMPLATE
  if (!template || config.dbName) return real.medusaIntegrationTestRunner(config)
  const dbName = `skinior-it-${process.env.JEST_WORKER_ID ?? "1"}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
  // Registered before the runner's own beforeAll, so it runs first.
  beforeAll(() => copyTemplate(template, dbName))
  return real.medusaIntegrationTestRunner({ ...config, dbName })
}

module.exports = { ...real, medusaIntegrationTestRunner }
