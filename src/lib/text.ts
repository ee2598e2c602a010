/**
 * Folds text for matching: lower case, no accents or Arabic diacritics,
 * Arabic letter variants unified (أ إ آ → ا, ة → ه, ى → ي), punctuation as
 * spaces. Used on both sides: what we index and what shoppers type.
 */
export function foldText(text: string | null | undefined): string {
  return (text ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, "")
    .replace(/[أإآ]/g, "ا")
    .replace(/ة/g, "ه")
    .replace(/ى/g, "ي")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
}

/** The distinct folded words of some texts. */
export function wordsOf(...texts: (string | null | undefined)[]): string[] {
  return [...new Set(texts.flatMap((t) => foldText(t).split(" ")).filter((w) => w.length > 1))]
}
