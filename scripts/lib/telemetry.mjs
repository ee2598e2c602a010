import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { run } from "./run.mjs"

/**
 * MEDUSA_DISABLE_TELEMETRY stops Medusa's events, but the CLI still forks a
 * sender that tries the network unless telemetry is disabled in the user's
 * Medusa config: do that once per machine.
 */
export async function disableTelemetry(env) {
  env.MEDUSA_DISABLE_TELEMETRY = "true"
  const file = path.join(os.homedir(), ".config", "medusa", "config.json")
  try {
    if (JSON.parse(fs.readFileSync(file, "utf8"))?.telemetry?.enabled === false) {
      return
    }
  } catch {
    // no config yet: the command below writes it
  }
  await run("medusa", ["telemetry", "--disable"], { env })
}
