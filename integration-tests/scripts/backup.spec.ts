import { spawn } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { Client } from "pg"

jest.setTimeout(240 * 1000)

// The PostgreSQL of the other integration specs (scripts/test.mjs sets these).
const server = {
  host: process.env.DB_HOST || "localhost",
  port: Number(process.env.DB_PORT || 5432),
  user: process.env.DB_USERNAME || "postgres",
  password: process.env.DB_PASSWORD || "",
}
const ROOT = path.resolve(__dirname, "../..")
const DATABASE = `skinior_backup_spec_${process.pid}`
const credentials = encodeURIComponent(server.user) + (server.password ? `:${encodeURIComponent(server.password)}` : "")
const urlOf = (database: string) => `postgres://${credentials}@${server.host}:${server.port}/${database}`
const BACKUP_NAME = /^skinior-\d{8}-\d{6}\.dump$/

type Ran = { code: number | null; stdout: string; stderr: string }

/** Runs a command in the project as a shell would, with `input` on its stdin. */
function run(command: string, args: string[], env: Record<string, string>, input = ""): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const { REDIS_URL, DATABASE_URL, ...inherited } = process.env
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...inherited, MEDUSA_DISABLE_TELEMETRY: "true", ...env },
    })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (c) => (stdout += c))
    child.stderr.on("data", (c) => (stderr += c))
    child.on("error", reject)
    child.on("close", (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(input)
  })
}

const script = (name: string, args: string[], env: Record<string, string>, input = "") =>
  run(process.execPath, [path.join(ROOT, "scripts", `${name}.mjs`), ...args], env, input)

async function withClient<T>(database: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: urlOf(database) })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

const dropDatabase = () =>
  withClient("postgres", (c) => c.query(`drop database if exists ${c.escapeIdentifier(DATABASE)} with (force)`))

const databaseExists = () =>
  withClient("postgres", async (c) => (await c.query("select 1 from pg_database where datname = $1", [DATABASE])).rowCount === 1)

/** Rows and a digest of the rows of every table, keyed "schema.table". */
function snapshot(): Promise<Record<string, { rows: number; digest: string }>> {
  return withClient(DATABASE, async (c) => {
    const { rows: tables } = await c.query(
      `select table_schema as schema, table_name as name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
        order by 1, 2`
    )
    const result: Record<string, { rows: number; digest: string }> = {}
    for (const { schema, name } of tables) {
      // Identifiers from the catalogue, quoted by the driver: no input of anyone's reaches this SQL.
      const table = `${c.escapeIdentifier(schema)}.${c.escapeIdentifier(name)}`
      const { rows } = await c.query(
        `select count(*)::int as rows, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${table} t`
      )
      result[`${schema}.${name}`] = rows[0]
    }
    return result
  })
}

/** npm run backup, drop the database, npm run restore: every table comes back with the same rows. */
describe("npm run backup / npm run restore", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "skinior-backups-"))
  const env = { DATABASE_URL: urlOf(DATABASE), BACKUP_DIR: dir, BACKUP_RETENTION_DAYS: "30" }
  let before: Awaited<ReturnType<typeof snapshot>>
  let dump: string

  beforeAll(async () => {
    await dropDatabase()
    await withClient("postgres", (c) => c.query(`create database ${c.escapeIdentifier(DATABASE)}`))
    // The shop's real schema: Medusa's and our modules' migrations (~160 tables, some with rows).
    const migrated = await run(path.join(ROOT, "node_modules", ".bin", "medusa"), ["db:migrate"], { DATABASE_URL: urlOf(DATABASE) })
    expect(migrated.code).toBe(0)
    // Rows of our own in types a dump must carry exactly, in a second schema too.
    await withClient(DATABASE, async (c) => {
      await c.query(`create schema reports`)
      await c.query(`create table reports.probe (
        id serial primary key, name text not null, doc jsonb, amount numeric(12, 3), blob bytea, at timestamptz)`)
      await c.query(
        `insert into reports.probe (name, doc, amount, blob, at) values
          ('سيروم فيتامين سي', '{"skin": ["dry", "oily"]}', 21.500, '\\x00ff10', '2025-01-15T09:30:00Z'),
          ('line\nbreak, "quotes" and \\ backslash', null, 0.005, null, null),
          ('🧴 emoji', '[]', -1, '\\x', '1999-12-31T23:59:59Z')`
      )
      await c.query(`insert into currency (code, symbol, symbol_native, name, decimal_digits, rounding, raw_rounding)
                     values ('xts', 'XTS', 'XTS', 'Testing code', 2, 0, '{"value": "0", "precision": 20}')`)
    })
    before = await snapshot()
  })

  afterAll(async () => {
    await dropDatabase()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it("has a migrated database with rows to protect", () => {
    expect(Object.keys(before).length).toBeGreaterThan(150)
    expect(before["reports.probe"].rows).toBe(3)
    expect(before["public.mikro_orm_migrations"].rows).toBeGreaterThan(0)
    expect(before["public.currency"].rows).toBeGreaterThan(100)
  })

  it("writes a timestamped custom-format dump, prints its size, checks it and deletes dumps past retention", async () => {
    const day = 24 * 60 * 60 * 1000
    const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15)
    const old = `skinior-${stamp(Date.now() - 31 * day)}.dump`
    const recent = `skinior-${stamp(Date.now() - 29 * day)}.dump`
    for (const name of [old, recent, "notes.txt"]) fs.writeFileSync(path.join(dir, name), "not a dump")

    const res = await script("backup", [], env)
    expect(res.stderr).toBe("")
    expect(res.code).toBe(0)
    const dumps = fs.readdirSync(dir).filter((f) => BACKUP_NAME.test(f) && f !== recent)
    expect(dumps).toHaveLength(1)
    dump = path.join(dir, dumps[0])
    // pg_dump's custom format starts with "PGDMP".
    expect(fs.readFileSync(dump).subarray(0, 5).toString()).toBe("PGDMP")
    expect(fs.statSync(dump).mode & 0o777).toBe(0o600)
    expect(res.stdout).toContain(`Backing up "${DATABASE}" on ${server.host}:${server.port}`)
    expect(res.stdout).toMatch(new RegExp(`Wrote ${dump.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: \\d+(\\.\\d)? (KB|MB)`))
    expect(res.stdout).toMatch(new RegExp(`Checked: pg_restore reads it \\(\\d+ entries, data of ${Object.keys(before).length} tables\\)`))
    expect(res.stdout).toContain(`Deleted ${old} (older than 30 days).`)
    expect(fs.readdirSync(dir).sort()).toEqual([dumps[0], "notes.txt", recent].sort())
    fs.rmSync(path.join(dir, recent))
    fs.rmSync(path.join(dir, "notes.txt"))
  })

  it("asks for the database name: a wrong or missing answer restores nothing", async () => {
    await dropDatabase()
    const wrong = await script("restore", [dump], env, "skinior\n")
    expect(wrong.code).toBe(1)
    expect(wrong.stdout).toContain(`Type the database name (${DATABASE}) to go on:`)
    expect(wrong.stderr.trim()).toBe("Not the database name: nothing restored.")
    const none = await script("restore", [dump], env, "")
    expect(none.code).toBe(1)
    expect(none.stderr.trim()).toBe("No answer: nothing restored. (--yes skips the question in scripts.)")
    expect(await databaseExists()).toBe(false)
  })

  it("restores into the dropped database: every table has the same rows", async () => {
    const res = await script("restore", [path.basename(dump)], env, `${DATABASE}\n`)
    expect(res.stderr).toBe("")
    expect(res.code).toBe(0)
    expect(res.stdout).toContain(`Created database "${DATABASE}".`)
    expect(res.stdout).toContain(`Done: "${DATABASE}" on ${server.host}:${server.port} now holds the backup.`)
    expect(await snapshot()).toEqual(before)
    // Sequences come back where they were: the next id follows the restored rows.
    const next = await withClient(DATABASE, (c) => c.query("insert into reports.probe (name) values ('next') returning id"))
    expect(next.rows[0].id).toBe(4)
  })

  it("restores over a changed database with --yes, in one go", async () => {
    await withClient(DATABASE, async (c) => {
      await c.query("delete from currency where code = 'xts'")
      await c.query("create table public.added_later (id int)")
    })
    const res = await script("restore", [dump, "--yes"], env)
    expect(res.code).toBe(0)
    expect(res.stdout).not.toContain("Type the database name")
    const after = await snapshot()
    // --clean drops what the dump holds; a table made after the dump is left alone.
    expect(after["public.added_later"]).toEqual({ rows: 0, digest: "d41d8cd98f00b204e9800998ecf8427e" })
    delete after["public.added_later"]
    expect(after).toEqual(before)
    await withClient(DATABASE, (c) => c.query("drop table public.added_later"))
  })

  it("says what to do when DATABASE_URL is unset, pg_dump is missing or the file is no backup", async () => {
    const unset = await script("backup", [], { ...env, DATABASE_URL: "" })
    expect(unset.code).toBe(1)
    expect(unset.stderr).toContain("DATABASE_URL is not set, so there is no database to work on.")
    const missing = await script("backup", [], { ...env, PG_BIN_DIR: "/nonexistent" })
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain("pg_dump was not found in PG_BIN_DIR (/nonexistent).")
    expect(missing.stderr).toContain("sudo apt-get install postgresql-client")
    const retention = await script("backup", [], { ...env, BACKUP_RETENTION_DAYS: "a month" })
    expect(retention.code).toBe(1)
    expect(retention.stderr).toContain('BACKUP_RETENTION_DAYS must be a whole number of days (0 keeps every backup); it is "a month".')
    const notDump = await script("restore", [path.join(ROOT, "package.json"), "--yes"], env)
    expect(notDump.code).toBe(1)
    expect(notDump.stderr).toContain("is not a readable pg_dump archive (custom format).")
    const noFile = await script("restore", [], env)
    expect(noFile.code).toBe(1)
    expect(noFile.stderr).toContain("Which backup? Name its file.")
    // Nothing above touched the database.
    expect(await snapshot()).toEqual(before)
  })
})
