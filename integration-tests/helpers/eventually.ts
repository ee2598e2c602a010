/** Retries an assertion until it passes (subscribers run just after the request that fired them). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15000): Promise<T> {
  const started = Date.now()
  for (;;) {
    try {
      return await check()
    } catch (e) {
      if (Date.now() - started > timeoutMs) throw e
      await new Promise((r) => setTimeout(r, 200))
    }
  }
}
