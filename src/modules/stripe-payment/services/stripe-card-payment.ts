import StripeProviderService from "@medusajs/payment-stripe/dist/services/stripe-provider"
import type { StripeOptions } from "@medusajs/payment-stripe/dist/types"
import { PaymentSessionStatus } from "@medusajs/framework/utils"
import type { AuthorizePaymentInput, AuthorizePaymentOutput } from "@medusajs/framework/types"
import { createStripeClient, StripeConnection } from "../../../lib/stripe"

export type StripeCardOptions = StripeOptions & Pick<StripeConnection, "host" | "port" | "protocol">

// A card not given yet, a 3-D Secure challenge under way, or a declined card
// the shopper may replace: the order exists, its payment is still to come.
const AWAITING_CARD = new Set<string>([
  PaymentSessionStatus.PENDING,
  PaymentSessionStatus.REQUIRES_MORE,
  PaymentSessionStatus.ERROR,
])

/**
 * Medusa's Stripe card provider (`pp_stripe_stripe`) with two changes:
 * its client honours STRIPE_API_HOST/PORT/PROTOCOL (tests and development
 * talk to a local fake), and an intent still waiting for its card authorizes
 * as `pending_authorization`, so completeCart makes the order first and the
 * shopper pays after (POST /api/v1/orders/:id/payment, DESIGN.md "Orders and
 * payments"); authorizePaymentSessionForOrderWorkflow picks it up once the
 * intent succeeds.
 */
export default class StripeCardPaymentService extends StripeProviderService {
  static identifier = "stripe"

  static validateOptions(options: StripeCardOptions) {
    StripeProviderService.validateOptions(options)
    const { protocol, port } = options
    if (protocol !== undefined && protocol !== "http" && protocol !== "https") {
      throw new Error("Option `protocol` of the Stripe provider must be http or https")
    }
    if (port !== undefined && !(Number.isInteger(Number(port)) && Number(port) > 0 && Number(port) < 65536)) {
      throw new Error("Option `port` of the Stripe provider must be a port number")
    }
  }

  constructor(cradle: Record<string, unknown>, options: StripeCardOptions) {
    super(cradle, options)
    this.stripe_ = createStripeClient(options) as unknown as typeof this.stripe_
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const result = await super.authorizePayment(input)
    if (AWAITING_CARD.has(result.status)) {
      return { ...result, status: PaymentSessionStatus.PENDING_AUTHORIZATION }
    }
    return result
  }
}
