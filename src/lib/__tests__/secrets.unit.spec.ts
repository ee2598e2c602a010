import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { assertProductionSecrets, PRODUCTION_SECRETS, secretProblems } from "../secrets"

const strong = "3f9c2a7e5b1d4c8a9e0f6b2d7c4a1e8f"
const specs = [
  { name: "JWT_SECRET", purpose: "signs tokens" },
  { name: "COOKIE_SECRET", purpose: "signs cookies" },
]
// A folder without .env.template, so only the built-in defaults apply.
const bare = fs.mkdtempSync(path.join(os.tmpdir(), "secrets-"))

describe("production secrets", () => {
  it("lists JWT_SECRET, COOKIE_SECRET and PII_ENCRYPTION_KEY", () => {
    expect(PRODUCTION_SECRETS.map((s) => s.name)).toEqual(["JWT_SECRET", "COOKIE_SECRET", "PII_ENCRYPTION_KEY"])
  })

  it("names each unset, default or short secret", () => {
    expect(secretProblems({}, specs, bare)).toEqual([
      "JWT_SECRET (signs tokens) is not set.",
      "COOKIE_SECRET (signs cookies) is not set.",
    ])
    expect(secretProblems({ JWT_SECRET: "supersecret", COOKIE_SECRET: "  " }, specs, bare)).toEqual([
      "JWT_SECRET (signs tokens) is a published default.",
      "COOKIE_SECRET (signs cookies) is not set.",
    ])
    expect(secretProblems({ JWT_SECRET: "SECRET", COOKIE_SECRET: strong.slice(0, 31) }, specs, bare)).toEqual([
      "JWT_SECRET (signs tokens) is a published default.",
      "COOKIE_SECRET (signs cookies) is shorter than 32 characters.",
    ])
    expect(secretProblems({ JWT_SECRET: strong, COOKIE_SECRET: strong.slice(0, 32) }, specs, bare)).toEqual([])
  })

  it("counts the values .env.template shows as defaults, however long", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "secrets-"))
    fs.writeFileSync(path.join(root, ".env.template"), `# comment\nJWT_SECRET=${"x".repeat(40)}\nCOOKIE_SECRET=\n`)
    expect(secretProblems({ JWT_SECRET: "x".repeat(40), COOKIE_SECRET: strong }, specs, root)).toEqual([
      "JWT_SECRET (signs tokens) is a published default.",
    ])
  })

  it("is a list: a third secret is checked once it is listed", () => {
    const withPii = [...specs, { name: "PII_ENCRYPTION_KEY", purpose: "encrypts personal data" }]
    expect(secretProblems({ JWT_SECRET: strong, COOKIE_SECRET: strong }, withPii, bare)).toEqual([
      "PII_ENCRYPTION_KEY (encrypts personal data) is not set.",
    ])
  })

  it("throws only under NODE_ENV=production, naming the variable and how to generate one", () => {
    expect(() => assertProductionSecrets({ NODE_ENV: "test" }, specs, bare)).not.toThrow()
    expect(() => assertProductionSecrets({ NODE_ENV: "development" }, specs, bare)).not.toThrow()
    expect(() =>
      assertProductionSecrets({ NODE_ENV: "production", JWT_SECRET: strong, COOKIE_SECRET: strong }, specs, bare)
    ).not.toThrow()
    expect(() => assertProductionSecrets({ NODE_ENV: "production", JWT_SECRET: strong }, specs, bare)).toThrow(
      [
        "Refusing to start with NODE_ENV=production:",
        "  - COOKIE_SECRET (signs cookies) is not set.",
        "Generate each with `node -e \"console.log(require('crypto').randomBytes(32).toString('hex'))\"` (or `openssl rand -hex 32`) and set it in the environment.",
      ].join("\n")
    )
  })
})

describe("medusa-config.ts", () => {
  const saved = { ...process.env }
  afterEach(() => {
    process.env = { ...saved }
    jest.restoreAllMocks()
  })

  function loadConfig() {
    const exit = jest.spyOn(process, "exit").mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`)
    }) as never)
    const error = jest.spyOn(console, "error").mockImplementation(() => undefined)
    let outcome = "loaded"
    jest.isolateModules(() => {
      try {
        require("../../../medusa-config")
      } catch (e) {
        outcome = (e as Error).message
      }
    })
    return { outcome, exit, printed: error.mock.calls.map((c) => String(c[0])).join("\n") }
  }

  it("exits 1 in production (server and worker alike) with the default secrets, printing what to set", () => {
    for (const mode of ["server", "worker"]) {
      process.env = { ...saved, NODE_ENV: "production", MEDUSA_WORKER_MODE: mode, JWT_SECRET: "supersecret" }
      delete process.env.COOKIE_SECRET
      const { outcome, printed } = loadConfig()
      expect(outcome).toBe("exit 1")
      expect(printed).toContain("JWT_SECRET (signs customer and admin tokens) is a published default.")
      expect(printed).toContain("COOKIE_SECRET (signs admin session cookies) is not set.")
      expect(printed).toContain("PII_ENCRYPTION_KEY (encrypts skin profiles and other personal data at rest) is not set.")
    }
  })

  it("loads in production with real secrets, and in tests without any", () => {
    process.env = {
      ...saved,
      NODE_ENV: "production",
      JWT_SECRET: strong,
      COOKIE_SECRET: strong.toUpperCase(),
      PII_ENCRYPTION_KEY: strong.split("").reverse().join(""),
    }
    const production = loadConfig()
    expect(production.outcome).toBe("loaded")
    expect(production.exit).not.toHaveBeenCalled()

    process.env = { ...saved, NODE_ENV: "test" }
    delete process.env.JWT_SECRET
    delete process.env.COOKIE_SECRET
    delete process.env.PII_ENCRYPTION_KEY
    expect(loadConfig().outcome).toBe("loaded")
  })
})
