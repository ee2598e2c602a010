import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Client } from "pg"

// Run by `npm test` before the HTTP suite (TEST_TYPE=integration:template): Medusa's
// own runner migrates and boots a database, snapshots it before the first test,
// and this test copies that snapshot as the template every HTTP spec file starts
// from (integration-tests/helpers/medusa-test-utils.js).
jest.setTimeout(5 * 60 * 1000)

const TEMPLATE = process.env.SKINIOR_TEST_DB_TEMPLATE ?? "skinior_it_template"
const SOURCE = `${TEMPLATE}_source`

medusaIntegrationTestRunner({
  inApp: true,
  dbName: SOURCE,
  env: {},
  testSuite: ({ getContainer }) => {
    it("copies the freshly migrated and booted database as the HTTP specs' template", async () => {
      expect(getContainer()).toBeDefined()
      const client = new Client({
        host: process.env.DB_HOST ?? "localhost",
        port: Number(process.env.DB_PORT ?? 5432),
        user: process.env.DB_USERNAME ?? "postgres",
        password: process.env.DB_PASSWORD || undefined,
        database: "postgres",
      })
      await client.connect()
      try {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(TEMPLATE)} WITH (FORCE)`)
        // The runner's snapshot of SOURCE, taken before this test, has no connections.
        await client.query(
          `CREATE DATABASE ${client.escapeIdentifier(TEMPLATE)} TEMPLATE ${client.escapeIdentifier(`${SOURCE}-template`)}`
        )
        const { rows } = await client.query("select 1 from pg_database where datname = $1", [TEMPLATE])
        expect(rows).toHaveLength(1)
      } finally {
        await client.end()
      }
    })
  },
})
