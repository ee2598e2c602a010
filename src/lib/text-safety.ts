import { quoteInput } from "./quote"

/**
 * The longest strings the shop takes (DESIGN.md "Input limits"). Ids are
 * Medusa's (~30 characters); a review's title and body are a headline and a
 * few paragraphs, the bounds stores' review forms commonly use.
 */
export const LIMITS = {
  id: 100,
  name: 100,
  addressLine: 255,
  email: 255,
  phone: 50,
  code: 50,
  note: 1000,
  search: 200,
  reviewTitle: 120,
  reviewBody: 5000,
} as const

/** Longest id we take anywhere. */
export const MAX_ID_LENGTH = LIMITS.id

// A high surrogate not followed by a low one, or a low one without a high one
// before it: JavaScript strings allow them, but PostgreSQL's UTF-8 does not,
// and they become 500s deep inside a query.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
// C0 controls and DEL: fine inside a free text (a newline in delivery
// instructions), never inside an id or a path.
const CONTROL = /[\u0000-\u001f\u007f]/

export type UnsafeText = "nul" | "surrogate" | "control"

export const UNSAFE_TEXT_MESSAGES: Record<UnsafeText, string> = {
  nul: "must not contain NUL bytes",
  surrogate: "must not contain unpaired UTF-16 surrogates",
  control: "must not contain control characters",
}

/**
 * Why a text cannot be stored or looked up, if it cannot: a NUL byte
 * (PostgreSQL refuses it in text), an unpaired surrogate (not UTF-8), or,
 * with `controls`, any control character.
 */
export function unsafeText(text: string, { controls = false } = {}): UnsafeText | undefined {
  if (text.includes("\u0000")) return "nul"
  if (LONE_SURROGATE.test(text)) return "surrogate"
  if (controls && CONTROL.test(text)) return "control"
  return undefined
}

/**
 * Caller input made safe to print inside a message or a field name: control
 * characters and unpaired surrogates escaped as \uXXXX, at most 100
 * characters of the input kept.
 */
export function printable(input: string, max = 100): string {
  const cut = quoteInput(input, max)
  // JSON.stringify escapes controls and lone surrogates; drop its quotes.
  return JSON.stringify(cut).slice(1, -1)
}

/**
 * Percent-escapes must spell UTF-8: `%00` is fine here (the decoded text is
 * checked afterwards), `%ED%A0%80` (a UTF-8-encoded surrogate) or `%FF` is
 * not. A lone `%` is left alone, as query parsers take it literally.
 */
export function validPercentEncoding(raw: string): boolean {
  const runs = raw.match(/(?:%[0-9A-Fa-f]{2})+/g) ?? []
  return runs.every((run) => {
    try {
      decodeURIComponent(run)
      return true
    } catch {
      return false
    }
  })
}
