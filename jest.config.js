const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", decorators: true },
          target: "es2021",
        },
      },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/"],
  setupFiles: ["./integration-tests/setup.js"],
  // Coverage (on with --coverage; `npm test` turns it on in CI, scripts/coverage.mjs
  // merges the three suites). V8's own counters cost far less than babel
  // instrumentation on top of @swc/jest, and see the src code the HTTP specs
  // load in-process through Medusa's loaders (they `require` it).
  coverageProvider: "v8",
  // Admin's .tsx widgets and routes are left out: Vite bundles them for the
  // browser and no spec renders them (scripts/check-admin.mjs screenshots them).
  // Everything else in src counts, migrations and seed scripts included.
  collectCoverageFrom: [
    "src/**/*.{ts,js}",
    "!src/**/__tests__/**",
    "!src/**/*.d.ts",
  ],
  coverageReporters: ["json"],
}

// HTTP spec files start from a copy of one migrated database when `npm test`
// built it (integration-tests/helpers/medusa-test-utils.js).
const fromTemplate = { "^@medusajs/test-utils$": "<rootDir>/integration-tests/helpers/medusa-test-utils.js" }

if (process.env.TEST_TYPE === "integration:http") {
  module.exports.testMatch = [
    "**/integration-tests/http/**/*.spec.[jt]s",
    // The backup and restore scripts against a throwaway database on the same PostgreSQL.
    "**/integration-tests/scripts/**/*.spec.[jt]s",
  ]
  module.exports.moduleNameMapper = fromTemplate
  module.exports.testSequencer = "<rootDir>/integration-tests/heaviest-first.js"
  // Each spec file boots a whole Medusa app inside the worker, and not all of it
  // is freed when the file ends (vm modules, coverage counters). A worker that
  // kept every file's leftovers slowed down in GC and, late in a CI run, died of
  // V8's heap limit (SIGTRAP). A worker above this size after a file is replaced
  // by a fresh one, which costs about a second.
  module.exports.workerIdleMemoryLimit = "1GB"
} else if (process.env.TEST_TYPE === "integration:template") {
  module.exports.testMatch = ["**/integration-tests/template/*.spec.[jt]s"]
} else if (process.env.TEST_TYPE === "integration:modules") {
  module.exports.testMatch = ["**/src/modules/*/__tests__/**/*.spec.[jt]s"]
  // Unit specs beside a module run in the unit suite, not twice.
  module.exports.testPathIgnorePatterns = ["/node_modules/", "\\.unit\\.spec\\."]
} else if (process.env.TEST_TYPE === "unit") {
  module.exports.testMatch = [
    "**/src/**/__tests__/**/*.unit.spec.[jt]s",
    // Test helpers (e.g. the fake Stripe) carry their own unit specs.
    "**/integration-tests/helpers/__tests__/**/*.unit.spec.[jt]s",
  ]
}
