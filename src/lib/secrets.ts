import fs from "node:fs"
import { MedusaError } from "@medusajs/framework/utils"
import path from "node:path"
import SECRETS from "./production-secrets.json"

/**
 * The secrets production must be given. One list, read here and by
 * scripts/dev.mjs (which generates them for development).
 */
export type SecretSpec = { name: string; purpose: string }
export const PRODUCTION_SECRETS: SecretSpec[] = SECRETS

export const MIN_SECRET_LENGTH = 32

// Values that ship in documentation, templates and compose files; a secret
// anyone can read is no secret.
const KNOWN_DEFAULTS = ["supersecret", "secret", "changeme", "change-me", "change-me-jwt", "change-me-cookie", "medusa", "password"]

/** Values `.env.template` shows for `name`: copying the template must not pass for configuring. */
function templateValues(name: string, root: string): string[] {
  try {
    const text = fs.readFileSync(path.join(root, ".env.template"), "utf8")
    return text
      .split("\n")
      .map((line) => line.match(new RegExp(`^\\s*${name}\\s*=\\s*(.*?)\\s*$`))?.[1])
      .filter((v): v is string => !!v)
  } catch {
    return []
  }
}

const HOW_TO_GENERATE = `node -e "console.log(require('crypto').randomBytes(32).toString('hex'))"`

/** What is wrong with each secret in `env`, one sentence per variable; empty when all are fine. */
export function secretProblems(
  env: Record<string, string | undefined>,
  specs: SecretSpec[] = PRODUCTION_SECRETS,
  root: string = process.cwd()
): string[] {
  return specs.flatMap(({ name, purpose }) => {
    const value = env[name]?.trim()
    const defaults = [...KNOWN_DEFAULTS, ...templateValues(name, root)].map((v) => v.toLowerCase())
    const why = !value
      ? "is not set"
      : defaults.includes(value.toLowerCase())
        ? "is a published default"
        : value.length < MIN_SECRET_LENGTH
          ? `is shorter than ${MIN_SECRET_LENGTH} characters`
          : undefined
    return why ? [`${name} (${purpose}) ${why}.`] : []
  })
}

/**
 * Throws when NODE_ENV is production and a secret is missing, a known default
 * or too short. Anything else (development, test) passes: development
 * falls back to defaults, and `npm run dev` generates real ones.
 */
export function assertProductionSecrets(
  env: Record<string, string | undefined> = process.env,
  specs: SecretSpec[] = PRODUCTION_SECRETS,
  root: string = process.cwd()
) {
  if (env.NODE_ENV !== "production") return
  const problems = secretProblems(env, specs, root)
  if (!problems.length) return
  throw new MedusaError(
    MedusaError.Types.INVALID_DATA,
    [
      "Refusing to start with NODE_ENV=production:",
      ...problems.map((p) => `  - ${p}`),
      `Generate each with \`${HOW_TO_GENERATE}\` (or \`openssl rand -hex 32\`) and set it in the environment.`,
    ].join("\n")
  )
}
