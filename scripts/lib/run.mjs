import { spawn } from "node:child_process"
import path from "node:path"
import { fileURLToPath } from "node:url"

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
const BIN = path.join(ROOT, "node_modules", ".bin")

/** Runs a binary of node_modules/.bin; resolves with its exit code. */
export function run(command, args, { env = process.env, onChild } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(BIN, command), args, { cwd: ROOT, env, stdio: "inherit" })
    onChild?.(child)
    child.on("error", reject)
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

/** Like run(), but a non-zero exit is an error that says what failed. */
export async function runOrFail(command, args, options) {
  const code = await run(command, args, options)
  if (code !== 0) {
    throw new Error(`\`${command} ${args.join(" ")}\` failed with exit code ${code}.`)
  }
}
