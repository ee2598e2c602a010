import { AbstractFulfillmentProviderService, MedusaError } from "@medusajs/framework/utils"
import type {
  CalculatedShippingOptionPrice,
  CalculateShippingOptionPriceContext,
  CreateFulfillmentResult,
  FulfillmentOption,
} from "@medusajs/framework/types"
import { Governorate, resolveGovernorate } from "../../../lib/jordan"
import { isShippingMethodCode, SHIPPING_METHOD_CODES, shippingMethod } from "../../../lib/shipping-methods"

export type JordanRule = { available: boolean; price: number; min_days: number; max_days: number }

/**
 * What a Jordan shipping option carries in its `data`: its method and the
 * merchant's rules for it per governorate code. The shipping-rules module is
 * the source of truth; the update-shipping-rules workflow copies its rules
 * here, so pricing on every cart refresh needs no lookup at all.
 */
export type JordanOptionData = {
  method: string
  rules: Record<string, JordanRule | null>
}

/** What a shipping method keeps in its `data` once validated (and an order's fulfillment after it). */
export type JordanMethodData = {
  method: string
  governorate: string
  min_days: number
  max_days: number
}

type Address = { province?: string | null; country_code?: string | null } | null | undefined

/** Error messages quote at most 100 characters of what the shopper typed (DESIGN.md "Input limits"). */
const quoted = (text: string) => JSON.stringify(text.length > 100 ? `${text.slice(0, 100)}…` : text)

class JordanFulfillmentProviderService extends AbstractFulfillmentProviderService {
  static identifier = "jordan-shipping"

  async getFulfillmentOptions(): Promise<FulfillmentOption[]> {
    return SHIPPING_METHOD_CODES.map((id) => ({ id, method: id, name: shippingMethod(id)!.name }))
  }

  async validateOption(data: Record<string, unknown>): Promise<boolean> {
    return isShippingMethodCode(data.method)
  }

  /**
   * Called when a calculated option is created or updated with the whole
   * option; an update that leaves `data` out keeps the method it had.
   */
  async canCalculate(option: { data?: Record<string, unknown> | null }): Promise<boolean> {
    const method = option?.data?.method
    return method === undefined || isShippingMethodCode(method)
  }

  /**
   * The governorate of a Jordanian address, read the way /api/v1 reads it:
   * storefronts send the province as the shopper typed it ("Amman", "irbid",
   * "إربد", "JO-AM"), /api/v1 stores the ISO code.
   */
  private governorateOf(address: Address): Governorate {
    const country = address?.country_code?.toLowerCase()
    if (country && country !== "jo") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Jordan delivery only ships to Jordanian addresses, not to ${quoted(country.toUpperCase())}`
      )
    }
    const province = address?.province?.trim()
    if (!province) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "The shipping address needs a governorate (province) to price Jordan delivery"
      )
    }
    const governorate = resolveGovernorate(province)
    if (!governorate) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Unknown governorate ${quoted(province)}: use one of Jordan's 12 governorates (English or Arabic name, or ISO code such as JO-AM)`
      )
    }
    return governorate
  }

  private ruleFor(optionData: Record<string, unknown>, address: Address) {
    const { method, rules } = optionData as unknown as JordanOptionData
    const governorate = this.governorateOf(address)
    const rule = rules?.[governorate.code]
    if (!rule) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `No ${method} delivery rule for governorate ${governorate.code}: add it on the Shipping rules page in Admin`
      )
    }
    return { method, governorate, rule }
  }

  async calculatePrice(
    optionData: Record<string, unknown>,
    data: Record<string, unknown>,
    context: CalculateShippingOptionPriceContext
  ): Promise<CalculatedShippingOptionPrice> {
    const { method, rule } = this.ruleFor(optionData, context.shipping_address as Address)
    // A method already on the cart is re-priced on every cart refresh with the
    // data validateFulfillmentData gave it. If the address moved to a
    // governorate where the method is not offered (same day outside Amman), no
    // amount makes Medusa drop the method, as it does for any option that no
    // longer fits the cart. A quote keeps the price: it is shown as unavailable,
    // and validateFulfillmentData refuses to add it.
    const chosen = data as Partial<JordanMethodData> | undefined
    if (!rule.available && chosen?.method === method && chosen?.governorate) {
      return { calculated_amount: undefined as unknown as number, is_calculated_price_tax_inclusive: true }
    }
    // Rule prices are Jordanian shelf prices in JOD: the 16% GST is inside them (DESIGN.md "Money").
    return { calculated_amount: rule.price, is_calculated_price_tax_inclusive: true }
  }

  async validateFulfillmentData(
    optionData: Record<string, unknown>,
    _data: Record<string, unknown>,
    context: Record<string, unknown>
  ): Promise<Record<string, unknown>> {
    const { method, governorate, rule } = this.ruleFor(optionData, context.shipping_address as Address)
    if (!rule.available) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `${shippingMethod(method)?.name ?? method} is not available in ${governorate.name} (${governorate.code})`
      )
    }
    // Only our own fields: whatever else a storefront sends is not kept on the method.
    const validated: JordanMethodData = {
      method,
      governorate: governorate.code,
      min_days: rule.min_days,
      max_days: rule.max_days,
    }
    return validated
  }

  async createFulfillment(): Promise<CreateFulfillmentResult> {
    return { data: {}, labels: [] }
  }

  async cancelFulfillment(): Promise<Record<string, unknown>> {
    return {}
  }

  async createReturnFulfillment(): Promise<CreateFulfillmentResult> {
    return { data: {}, labels: [] }
  }
}

export default JordanFulfillmentProviderService
