/** Caller input as quoted in messages: at most `max` characters, never a 100 KB echo. */
export function quoteInput(input: unknown, max = 100): string {
  const text = String(input ?? "")
  return text.length > max ? `${text.slice(0, max)}…` : text
}
