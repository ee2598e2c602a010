/**
 * The one list of delivery methods the shop offers: their codes (stored in
 * shipping rules, shipping option data and type codes), names, launch days and
 * launch prices. The seed, the Jordan fulfillment provider, the shipping-rules
 * module, the /api/v1 presenter and the Admin page all read it from here.
 * Prices and days per governorate live in the shipping-rules module, where the
 * merchant edits them; the values here are only the defaults a new shop starts with.
 */
export const SHIPPING_METHOD_CODES = ["standard", "express", "same_day"] as const
export type ShippingMethodCode = (typeof SHIPPING_METHOD_CODES)[number]

export type ShippingMethodDefinition = {
  code: ShippingMethodCode
  /** What shoppers see: the /api/v1 method name and the Medusa shipping option's label. */
  name: string
  /** The short column label on the Admin Shipping rules page. */
  shortLabel: string
  /** Business days from order to delivery; 0–0 means the same day. */
  minDays: number
  maxDays: number
  /** Launch rate in Jordan, JOD in major units (a multiple of 0.01, i.e. 10 fils). */
  jodPrice: number
  /** Governorate codes offering the method at launch; undefined means all of them. */
  jordanOnlyIn?: string[]
  /** Flat rate in the United States, USD in major units; undefined: not offered there. */
  usdPrice?: number
}

export const SHIPPING_METHODS: readonly ShippingMethodDefinition[] = [
  { code: "standard", name: "Standard Delivery", shortLabel: "Standard", minDays: 3, maxDays: 5, jodPrice: 5, usdPrice: 5 },
  { code: "express", name: "Express Delivery", shortLabel: "Express", minDays: 1, maxDays: 2, jodPrice: 10, usdPrice: 10 },
  {
    code: "same_day",
    name: "Same Day Delivery",
    shortLabel: "Same day",
    minDays: 0,
    maxDays: 0,
    jodPrice: 15,
    jordanOnlyIn: ["JO-AM"],
  },
]

/** The method preselected for shoppers. */
export const DEFAULT_SHIPPING_METHOD: ShippingMethodCode = "standard"

export function isShippingMethodCode(value: unknown): value is ShippingMethodCode {
  return typeof value === "string" && (SHIPPING_METHOD_CODES as readonly string[]).includes(value)
}

export function shippingMethod(code: string | null | undefined): ShippingMethodDefinition | undefined {
  return SHIPPING_METHODS.find((method) => method.code === code)
}

/** Where a method sits in lists: standard first, as the catalogue of methods is ordered. */
export function shippingMethodRank(code: string | null | undefined): number {
  const index = SHIPPING_METHODS.findIndex((method) => method.code === code)
  return index === -1 ? SHIPPING_METHODS.length : index
}

/** "3-5", "1-2", "Same day": the contract's estimatedDays. */
export function estimatedDays(min: number, max: number): string {
  if (max === 0) return "Same day"
  return min === max ? `${min}` : `${min}-${max}`
}

/**
 * The one-line description of a delivery: "3-5 business days", or for a
 * same-day method where it is offered ("Within Amman only") when that is a
 * short list. `offeredIn` are governorate names.
 */
export function describeDelivery(min: number, max: number, offeredIn?: string[]): string {
  if (max !== 0) {
    return `${estimatedDays(min, max)} business days`
  }
  return offeredIn?.length && offeredIn.length <= 3 ? `Within ${offeredIn.join(", ")} only` : "Delivered the same day"
}

type ShippingMethodData = {
  data?: Record<string, unknown> | null
  shipping_option?: { data?: Record<string, unknown> | null } | null
}

/**
 * The method and delivery days of an order's shipping method: the Jordan
 * provider copies the governorate's days onto the method's data, flat options
 * keep theirs on the option; else the list's defaults.
 */
export function deliveryOf(method: ShippingMethodData) {
  const data = { ...(method.shipping_option?.data ?? {}), ...(method.data ?? {}) }
  const known = shippingMethod(typeof data.method === "string" ? data.method : undefined)
  const minDays = typeof data.min_days === "number" ? data.min_days : known?.minDays
  const maxDays = typeof data.max_days === "number" ? data.max_days : known?.maxDays
  return { known, minDays, maxDays }
}
