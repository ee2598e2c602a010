import crypto from "crypto"
import { AbstractPaymentProvider, MathBN, MedusaError, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  BigNumberInput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  ProviderWebhookPayload,
  RefundPaymentInput,
  RefundPaymentOutput,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"
import { isKnownCurrency, payableStepMinor, toMinorUnits } from "../../../lib/money"

export type CodOptions = {
  /** Currencies the couriers collect (ISO 4217, any case). Default: JOD only. */
  currencies?: string[]
}

export type CodRefund = { id: string; amount: string; refunded_at: string }

/**
 * What a cash-on-delivery session, and the payment made from it, keeps in its
 * `data`. Nothing lives anywhere else: there is no remote party, so this
 * record is the whole state, and every method derives its answer from it.
 */
export type CodPaymentData = {
  cod_id: string
  status: "pending" | "authorized" | "captured" | "canceled"
  currency_code: string
  /** The amount to collect, Medusa major units as a decimal string. */
  amount: string
  /** The same amount in the currency's minor unit (fils), as the courier collects it. */
  amount_minor: number
  authorized_at?: string
  captured_at?: string
  canceled_at?: string
  refunds?: CodRefund[]
  [key: string]: unknown
}

const DEFAULT_CURRENCIES = ["jod"]

/**
 * Cash on delivery (DESIGN.md "Orders and payments"): placing the order
 * authorizes the cash to collect; the merchant captures it in Admin when the
 * courier brings the cash back; refunds of collected cash are recorded here
 * and paid out by hand. Every write is idempotent: a retried call (same
 * idempotency key, or the same target state) answers the record it already
 * wrote instead of changing it again.
 */
class CodPaymentProviderService extends AbstractPaymentProvider<CodOptions> {
  static identifier = "cod"

  static validateOptions(options: Record<any, any>): void {
    const currencies = options?.currencies
    if (currencies === undefined) {
      return
    }
    if (!Array.isArray(currencies) || currencies.length === 0) {
      throw new MedusaError(
        MedusaError.Types.INVALID_ARGUMENT,
        "Option `currencies` of the cod payment provider must be a non-empty array of ISO 4217 codes"
      )
    }
    const unknown = currencies.filter((c) => typeof c !== "string" || !isKnownCurrency(c))
    if (unknown.length) {
      throw new MedusaError(
        MedusaError.Types.INVALID_ARGUMENT,
        `Option \`currencies\` of the cod payment provider has unknown currency codes: ${unknown
          .map((c) => JSON.stringify(c))
          .join(", ")}`
      )
    }
  }

  protected readonly currencies_: ReadonlySet<string>

  constructor(cradle: Record<string, unknown>, options: CodOptions = {}) {
    super(cradle, options)
    this.currencies_ = new Set((options?.currencies ?? DEFAULT_CURRENCIES).map((c) => c.toLowerCase()))
  }

  async initiatePayment({ amount, currency_code, data, context }: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    // The payment module passes the new session's id as the idempotency key:
    // the same session always gets the same id.
    const key = context?.idempotency_key ?? (data?.session_id as string | undefined) ?? crypto.randomUUID()
    const cod_id = `cod_${key}`
    const record: CodPaymentData = {
      ...(data ?? {}),
      cod_id,
      status: "pending",
      ...this.cashToCollect(amount, currency_code),
    }
    return { id: cod_id, data: record, status: PaymentSessionStatus.PENDING }
  }

  async updatePayment({ amount, currency_code, data }: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const record = this.recordOf(data)
    if (record.status !== "pending") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Cash on delivery payment ${record.cod_id} is ${record.status}: its amount can no longer change`
      )
    }
    return { data: { ...record, ...this.cashToCollect(amount, currency_code) }, status: PaymentSessionStatus.PENDING }
  }

  /** Placing the order: the courier will collect the amount, nothing is paid yet. */
  async authorizePayment({ data }: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const record = this.recordOf(data)
    if (record.status === "canceled") {
      return { data: record, status: PaymentSessionStatus.CANCELED }
    }
    if (record.status !== "pending") {
      // Already authorized (or even captured): answer the same again.
      return { data: record, status: PaymentSessionStatus.AUTHORIZED }
    }
    return {
      data: { ...record, status: "authorized", authorized_at: new Date().toISOString() },
      status: PaymentSessionStatus.AUTHORIZED,
    }
  }

  /** The merchant marks the cash collected on delivery (Admin's Capture). */
  async capturePayment({ data }: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const record = this.recordOf(data)
    if (record.status === "captured") {
      return { data: record }
    }
    if (record.status !== "authorized") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Cash on delivery payment ${record.cod_id} is ${record.status}: only an authorized payment can be marked collected`
      )
    }
    return { data: { ...record, status: "captured", captured_at: new Date().toISOString() } }
  }

  /**
   * Cash handed back to the customer. Medusa has already checked the amount
   * against what was captured; we keep a line per refund, keyed by Medusa's
   * refund id so a retry does not record it twice.
   */
  async refundPayment({ data, amount, context }: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const record = this.recordOf(data)
    if (record.status !== "captured") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Cash on delivery payment ${record.cod_id} is ${record.status}: no cash was collected to refund`
      )
    }
    const id = context?.idempotency_key ?? crypto.randomUUID()
    const refunds = record.refunds ?? []
    if (refunds.some((r) => r.id === id)) {
      return { data: record }
    }
    const refund: CodRefund = { id, amount: MathBN.convert(amount).toString(), refunded_at: new Date().toISOString() }
    return { data: { ...record, refunds: [...refunds, refund] } }
  }

  /** An order cancelled before delivery: nothing to collect any more. */
  async cancelPayment({ data }: CancelPaymentInput): Promise<CancelPaymentOutput> {
    const record = this.recordOf(data)
    if (record.status === "canceled") {
      return { data: record }
    }
    if (record.status === "captured") {
      // Collected cash goes back through a refund, which leaves a record.
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Cash on delivery payment ${record.cod_id} was collected: refund it instead of cancelling it`
      )
    }
    return { data: { ...record, status: "canceled", canceled_at: new Date().toISOString() } }
  }

  /** Nothing remote to delete. */
  async deletePayment({ data }: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: data ?? {} }
  }

  async retrievePayment({ data }: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return { data: this.recordOf(data) }
  }

  async getPaymentStatus({ data }: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    const record = this.recordOf(data)
    const status = {
      pending: PaymentSessionStatus.PENDING,
      authorized: PaymentSessionStatus.AUTHORIZED,
      captured: PaymentSessionStatus.CAPTURED,
      canceled: PaymentSessionStatus.CANCELED,
    }[record.status]
    return { data: record, status }
  }

  /** Cash has no webhooks: the merchant acts in Admin. */
  async getWebhookActionAndData(_payload: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }

  /**
   * The amount a courier can collect: a currency the merchant collects, and a
   * whole number of the currency's payable step (JOD in 10 fils, DESIGN.md
   * "Money"). The cart rounds its JOD total; an amount that is not rounded
   * means something upstream went wrong, and a courier cannot hand back 5 fils.
   */
  private cashToCollect(amount: BigNumberInput, currency_code: string) {
    const currency = String(currency_code ?? "").toLowerCase()
    if (!this.currencies_.has(currency)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Cash on delivery is not available in ${currency.toUpperCase().slice(0, 10)}: it is collected in ${[
          ...this.currencies_,
        ]
          .map((c) => c.toUpperCase())
          .join(", ")}`
      )
    }
    const amount_minor = toMinorUnits(amount, currency)
    const step = payableStepMinor(currency)
    if (amount_minor < 0 || amount_minor % step !== 0) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Cash on delivery cannot collect ${MathBN.convert(amount).toString()} ${currency.toUpperCase()}: the amount must be in whole steps of ${step} minor units`
      )
    }
    return { currency_code: currency, amount: MathBN.convert(amount).toString(), amount_minor }
  }

  private recordOf(data: Record<string, unknown> | undefined): CodPaymentData {
    const record = data as CodPaymentData | undefined
    if (!record?.cod_id || !["pending", "authorized", "captured", "canceled"].includes(record.status)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Not a cash on delivery payment record")
    }
    return record
  }
}

export default CodPaymentProviderService
