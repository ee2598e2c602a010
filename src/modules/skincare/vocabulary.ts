/** The skin types and concerns a product can be tagged with (the storefront filters on them). */
export const SKIN_TYPES = ["normal", "dry", "oily", "combination", "sensitive"] as const
export type SkinType = (typeof SKIN_TYPES)[number]

export const CONCERNS = [
  "acne",
  "dark-spots",
  "fine-lines",
  "dullness",
  "redness",
  "dryness",
  "oiliness",
  "pores",
  "sensitivity",
  "uneven-texture",
  "dehydration",
  "sun-protection",
] as const
export type Concern = (typeof CONCERNS)[number]
