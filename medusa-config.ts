import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"
import { fileModuleFromEnv } from "./src/lib/file-storage"
import { createAppLogger } from "./src/lib/observability/logger"
import { generateOrderNumber } from "./src/lib/order-number"
import { assertProductionSecrets } from "./src/lib/secrets"
import { stripeConnectionFromEnv } from "./src/lib/stripe"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

// Every process that loads this config (server, worker, `medusa start`,
// `medusa exec`) refuses default secrets in production. A plain message and
// exit code 1: a stack would bury the one line that says what to set.
try {
  assertProductionSecrets()
} catch (e) {
  console.error((e as Error).message)
  process.exit(1)
}

const REDIS_URL = process.env.REDIS_URL
const STRIPE = stripeConnectionFromEnv()
const WORKER_MODE = (process.env.MEDUSA_WORKER_MODE ?? "shared") as
  | "shared"
  | "worker"
  | "server"

/**
 * One process needs nothing but PostgreSQL: Medusa's in-memory event bus,
 * cache, locking and workflow engine serve it. With REDIS_URL every process
 * (servers and the worker) shares Redis-backed ones instead, so several can
 * run against one database.
 */
const redisModules = REDIS_URL
  ? [
      {
        resolve: "@medusajs/medusa/event-bus-redis",
        options: { redisUrl: REDIS_URL },
      },
      {
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { url: REDIS_URL } },
      },
      {
        resolve: "@medusajs/medusa/cache-redis",
        options: { redisUrl: REDIS_URL },
      },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl: REDIS_URL },
            },
          ],
        },
      },
    ]
  : []

const cachingModule = {
  key: Modules.CACHING,
  resolve: "@medusajs/medusa/caching",
  options: REDIS_URL
    ? {
        providers: [
          {
            resolve: "@medusajs/medusa/caching-redis",
            id: "caching-redis",
            is_default: true,
            options: { redisUrl: REDIS_URL },
          },
        ],
      }
    : {
        // Our bounded LRU instead of Medusa's built-in memory cache, which
        // refuses new keys once full (every new catalogue URL answered 500).
        providers: [
          {
            resolve: "./src/modules/memory-caching",
            id: "memory-lru",
            is_default: true,
            options: { maxBytes: (Number(process.env.CACHE_MEMORY_MAX_MB) || 128) * 1024 * 1024 },
          },
        ],
      },
}

/**
 * Emails (channel "email"): SendGrid when SENDGRID_API_KEY and SENDGRID_FROM
 * are both set; otherwise our local provider, which writes each email as an
 * HTML file into LOCAL_EMAIL_DIR (default .emails/, git-ignored; a dot-folder
 * so `medusa develop` does not restart on every email) and logs its path.
 */
const SENDGRID = process.env.SENDGRID_API_KEY && process.env.SENDGRID_FROM
if (!SENDGRID && process.env.NODE_ENV === "production") {
  console.warn("SENDGRID_API_KEY or SENDGRID_FROM unset: emails are written to files, not sent")
}
const notificationModule = {
  resolve: "@medusajs/medusa/notification",
  options: {
    providers: [
      // Medusa's default "feed" provider, kept: Admin's notification feed (imports, exports) uses it.
      {
        resolve: "@medusajs/medusa/notification-local",
        id: "local",
        options: { name: "Local Notification Provider", channels: ["feed"] },
      },
      SENDGRID
        ? {
            resolve: "@medusajs/medusa/notification-sendgrid",
            id: "sendgrid",
            options: { channels: ["email"], api_key: process.env.SENDGRID_API_KEY, from: process.env.SENDGRID_FROM },
          }
        : {
            resolve: "./src/modules/local-notification",
            id: "local-email",
            options: { channels: ["email"], dir: process.env.LOCAL_EMAIL_DIR || ".emails" },
          },
    ],
  },
}

module.exports = defineConfig({
  // JSON lines with the request (or job run) id; LOG_LEVEL, LOG_FORMAT, LOG_FILE.
  logger: createAppLogger(),
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    databaseLogging: process.env.DATABASE_LOGGING === "true",
    redisUrl: REDIS_URL,
    workerMode: WORKER_MODE,
    http: {
      storeCors: process.env.STORE_CORS ?? "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS ?? "http://localhost:9000,http://localhost:5173",
      authCors:
        process.env.AUTH_CORS ?? "http://localhost:8000,http://localhost:9000,http://localhost:5173",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.DISABLE_ADMIN === "true" || WORKER_MODE === "worker",
    backendUrl: process.env.MEDUSA_BACKEND_URL,
  },
  modules: [
    ...redisModules,
    cachingModule,
    notificationModule,
    // Uploaded files: local static/ with this backend's own URLs, or S3 when S3_BUCKET is set.
    fileModuleFromEnv(),
    {
      resolve: "@medusajs/medusa/fulfillment",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/fulfillment-manual", id: "manual" },
          { resolve: "./src/modules/jordan-fulfillment", id: "jordan" },
        ],
      },
    },
    {
      // Medusa registers its system provider (pp_system_default) itself; cash on
      // delivery is pp_cod_cod, enabled per region (Jordan only, by the seed).
      // Cards (pp_stripe_stripe) only when STRIPE_API_KEY is set; payments are
      // captured as soon as the card is accepted.
      resolve: "@medusajs/medusa/payment",
      options: {
        providers: [
          { resolve: "./src/modules/cod-payment", id: "cod", options: { currencies: ["jod"] } },
          ...(STRIPE ? [{ resolve: "./src/modules/stripe-payment", id: "stripe", options: { ...STRIPE, capture: true } }] : []),
        ],
      },
    },
    { resolve: "./src/modules/cart-expiry" },
    { resolve: "./src/modules/shipping-rules" },
    { resolve: "./src/modules/promotion-minimum" },
    { resolve: "./src/modules/skincare" },
    { resolve: "./src/modules/skin-profile" },
    { resolve: "./src/modules/review" },
    { resolve: "./src/modules/catalogue" },
    { resolve: "./src/modules/order-number" },
    { resolve: "./src/modules/idempotency" },
    { resolve: "./src/modules/stripe-event" },
    { resolve: "./src/modules/inventory-hold" },
    // Customer refresh tokens (hashes, families, revocation) behind /api/v1/auth.
    { resolve: "./src/modules/customer-session" },
    // Append-only log of admin acts (who, what, when, outcome); see src/api/http/audit.ts.
    { resolve: "./src/modules/audit" },
    {
      // SKN-YYYY-NNNNNN order numbers (custom_display_id), from the order-number counter.
      key: Modules.ORDER,
      resolve: "@medusajs/medusa/order",
      options: { generateCustomDisplayId: generateOrderNumber },
    },
  ],
})
