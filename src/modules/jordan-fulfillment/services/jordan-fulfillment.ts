import { AbstractFulfillmentProviderService, MedusaError } from "@medusajs/framework/utils"
import type {
  CalculatedShippingOptionPrice,
  CalculateShippingOptionPriceContext,
  CreateFulfillmentResult,
  FulfillmentOption,
} from "@medusajs/framework/types"

/**
 * What a Jordan shipping option carries in its `data`: its method and the
 * merchant's rules for it per governorate code. The shipping-rules module is
 * the source of truth; the update-shipping-rules workflow copies its rules
 * here, so pricing on every cart refresh needs no lookup at all.
 */
export type JordanOptionData = {
  method: string
  rules: Record<string, { available: boolean; price: number; min_days: number; max_days: number } | null>
}

const METHODS = ["standard", "express", "same_day"]

type Address = { province?: string | null; country_code?: string | null } | null | undefined

class JordanFulfillmentProviderService extends AbstractFulfillmentProviderService {
  static identifier = "jordan-shipping"

  async getFulfillmentOptions(): Promise<FulfillmentOption[]> {
    return METHODS.map((id) => ({ id, method: id }))
  }

  async validateOption(data: Record<string, unknown>): Promise<boolean> {
    return METHODS.includes(String(data.method))
  }

  async canCalculate(): Promise<boolean> {
    return true
  }

  private ruleFor(optionData: Record<string, unknown>, address: Address) {
    const { method, rules } = optionData as unknown as JordanOptionData
    const governorate = address?.province?.toUpperCase()
    if (!governorate) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "The shipping address needs a governorate (province) to price Jordan delivery"
      )
    }
    const rule = rules?.[governorate]
    if (!rule) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `No ${method} delivery rule for governorate ${governorate}: add it on the Shipping rules page in Admin`
      )
    }
    return { method, governorate, rule }
  }

  async calculatePrice(
    optionData: Record<string, unknown>,
    _data: Record<string, unknown>,
    context: CalculateShippingOptionPriceContext
  ): Promise<CalculatedShippingOptionPrice> {
    const { rule } = this.ruleFor(optionData, context.shipping_address as Address)
    // Rule prices are Jordanian shelf prices in JOD: the 16% GST is inside them (DESIGN.md "Money").
    return { calculated_amount: rule.price, is_calculated_price_tax_inclusive: true }
  }

  async validateFulfillmentData(
    optionData: Record<string, unknown>,
    data: Record<string, unknown>,
    context: Record<string, unknown>
  ): Promise<Record<string, unknown>> {
    const { method, governorate, rule } = this.ruleFor(optionData, context.shipping_address as Address)
    if (!rule.available) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `${method} delivery is not available in governorate ${governorate}`
      )
    }
    return { ...data, method, governorate, min_days: rule.min_days, max_days: rule.max_days }
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
