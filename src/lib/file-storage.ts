/**
 * Where uploaded files (product images from Admin and the seed) live.
 *
 * Medusa's file module is configured here explicitly rather than left to its
 * default, because the default local provider writes URLs for
 * http://localhost:9000 whatever the shop's real address or port: on any other
 * port or host every image would be a broken link.
 *
 * - Default: `@medusajs/medusa/file-local`, files under `static/` of the
 *   working directory, which Medusa serves at `/static`. Their URLs start with
 *   MEDUSA_BACKEND_URL (or http://localhost:PORT). Fine for development and a
 *   single machine; files are not shared between machines.
 * - S3_BUCKET set: `@medusajs/medusa/file-s3` (AWS S3 or a compatible store
 *   through S3_ENDPOINT), public URLs under S3_FILE_URL.
 */

type Env = NodeJS.ProcessEnv

const S3_REQUIRED = ["S3_FILE_URL", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const

/** The shop's own public address, without a trailing slash. */
export function backendUrlFromEnv(env: Env = process.env): string {
  const configured = env.MEDUSA_BACKEND_URL?.trim()
  if (configured) {
    if (!/^https?:\/\/[^\s/]+/.test(configured)) {
      throw new Error(`MEDUSA_BACKEND_URL must be an http(s) URL, not "${configured.slice(0, 60)}"`)
    }
    return configured.replace(/\/+$/, "")
  }
  const port = env.PORT?.trim() || "9000"
  if (!/^\d{1,5}$/.test(port)) {
    throw new Error(`PORT must be a port number, not "${port.slice(0, 20)}"`)
  }
  return `http://localhost:${port}`
}

/** The file module's entry for medusa-config's `modules`. */
export function fileModuleFromEnv(env: Env = process.env) {
  const bucket = env.S3_BUCKET?.trim()
  if (!bucket) {
    return {
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/file-local",
            id: "local",
            options: { backend_url: `${backendUrlFromEnv(env)}/static` },
          },
        ],
      },
    }
  }
  const missing = S3_REQUIRED.filter((name) => !env[name]?.trim())
  if (missing.length) {
    throw new Error(`S3_BUCKET is set, so ${missing.join(", ")} must be set too`)
  }
  return {
    resolve: "@medusajs/medusa/file",
    options: {
      providers: [
        {
          resolve: "@medusajs/medusa/file-s3",
          id: "s3",
          options: {
            bucket,
            file_url: env.S3_FILE_URL!.trim().replace(/\/+$/, ""),
            region: env.S3_REGION!.trim(),
            access_key_id: env.S3_ACCESS_KEY_ID!.trim(),
            secret_access_key: env.S3_SECRET_ACCESS_KEY!.trim(),
            // S3-compatible stores (MinIO, Cloudflare R2, DigitalOcean Spaces).
            endpoint: env.S3_ENDPOINT?.trim() || undefined,
            prefix: env.S3_PREFIX?.trim() || undefined,
          },
        },
      ],
    },
  }
}
