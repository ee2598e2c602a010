import { MedusaError } from "@medusajs/framework/utils"
import CodPaymentProviderService, { CodPaymentData } from "../services/cod-payment"

const provider = new CodPaymentProviderService({}, {})

async function errorOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e) => e
  )
  expect(error).toBeInstanceOf(MedusaError)
  return error as MedusaError
}

const initiated = () =>
  provider.initiatePayment({
    amount: 29.9,
    currency_code: "JOD",
    data: { session_id: "payses_1" },
    context: { idempotency_key: "payses_1" },
  })

describe("cod payment provider", () => {
  it("is pp_cod_<id> through its identifier", () => {
    expect(CodPaymentProviderService.identifier).toBe("cod")
    expect(provider.getIdentifier()).toBe("cod")
  })

  describe("validateOptions", () => {
    it("accepts no options and a list of ISO currencies", () => {
      expect(() => CodPaymentProviderService.validateOptions({})).not.toThrow()
      expect(() => CodPaymentProviderService.validateOptions({ currencies: ["jod", "USD"] })).not.toThrow()
    })

    const empty = "Option `currencies` of the cod payment provider must be a non-empty array of ISO 4217 codes"
    it.each([
      [{ currencies: [] }, empty],
      [{ currencies: "jod" }, empty],
      [{ currencies: ["jod", "xyz", 7] }, 'Option `currencies` of the cod payment provider has unknown currency codes: "xyz", 7'],
    ])("refuses %p", (options, message) => {
      let error: unknown
      try {
        CodPaymentProviderService.validateOptions(options)
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(MedusaError)
      expect([(error as MedusaError).type, (error as MedusaError).message]).toEqual([
        MedusaError.Types.INVALID_ARGUMENT,
        message,
      ])
    })
  })

  it("initiates a pending session with the cash to collect in fils, the same id for the same session", async () => {
    const first = await initiated()
    expect(first).toEqual({
      id: "cod_payses_1",
      status: "pending",
      data: {
        session_id: "payses_1",
        cod_id: "cod_payses_1",
        status: "pending",
        currency_code: "jod",
        amount: "29.9",
        amount_minor: 29900,
      },
    })
    expect(await initiated()).toEqual(first)
  })

  it("reads a total nudged a billionth below the payable amount as that amount", async () => {
    const { data } = await provider.initiatePayment({ amount: "29.899999999", currency_code: "jod", context: { idempotency_key: "k" } })
    expect(data).toMatchObject({ amount_minor: 29900, amount: "29.899999999" })
  })

  it("refuses currencies it does not collect and JOD amounts that are not whole 10 fils", async () => {
    const usd = await errorOf(provider.initiatePayment({ amount: 10, currency_code: "usd" }))
    expect([usd.type, usd.message]).toEqual([
      MedusaError.Types.INVALID_DATA,
      "Cash on delivery is not available in USD: it is collected in JOD",
    ])
    const fils = await errorOf(provider.initiatePayment({ amount: 29.905, currency_code: "jod" }))
    expect(fils.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(fils.message).toBe("Cash on delivery cannot collect 29.905 JOD: the amount must be in whole steps of 10 minor units")
    await expect(provider.initiatePayment({ amount: 0, currency_code: "jod" })).resolves.toMatchObject({
      status: "pending",
      data: { amount_minor: 0 },
    })
  })

  it("collects the currencies its options name", async () => {
    const anywhere = new CodPaymentProviderService({}, { currencies: ["USD"] })
    await expect(anywhere.initiatePayment({ amount: 12.34, currency_code: "usd" })).resolves.toMatchObject({
      data: { amount_minor: 1234, currency_code: "usd" },
    })
    await expect(errorOf(anywhere.initiatePayment({ amount: 10, currency_code: "jod" }))).resolves.toMatchObject({
      message: "Cash on delivery is not available in JOD: it is collected in USD",
    })
  })

  it("updates a pending amount, and refuses to change an authorized one", async () => {
    const { data } = await initiated()
    await expect(provider.updatePayment({ data, amount: 35, currency_code: "jod" })).resolves.toEqual({
      status: "pending",
      data: { ...data, amount: "35", amount_minor: 35000 },
    })
    const authorized = await provider.authorizePayment({ data })
    const error = await errorOf(provider.updatePayment({ data: authorized.data, amount: 35, currency_code: "jod" }))
    expect([error.type, error.message]).toEqual([
      MedusaError.Types.NOT_ALLOWED,
      "Cash on delivery payment cod_payses_1 is authorized: its amount can no longer change",
    ])
  })

  it("authorizes, captures on delivery and answers the same on a retry of either", async () => {
    const { data } = await initiated()
    const authorized = await provider.authorizePayment({ data })
    expect(authorized.status).toBe("authorized")
    expect(authorized.data).toMatchObject({ status: "authorized", amount_minor: 29900 })
    expect(Date.parse((authorized.data as CodPaymentData).authorized_at!)).not.toBeNaN()
    expect(await provider.authorizePayment({ data: authorized.data })).toEqual(authorized)
    expect(await provider.getPaymentStatus({ data: authorized.data })).toEqual({ data: authorized.data, status: "authorized" })

    const captured = await provider.capturePayment({ data: authorized.data, context: { idempotency_key: "capt_1" } })
    expect(captured.data).toMatchObject({ status: "captured", authorized_at: (authorized.data as CodPaymentData).authorized_at })
    expect(Date.parse((captured.data as CodPaymentData).captured_at!)).not.toBeNaN()
    expect(await provider.capturePayment({ data: captured.data })).toEqual(captured)
    expect(await provider.getPaymentStatus({ data: captured.data })).toEqual({ data: captured.data, status: "captured" })
    // A late authorize retry never turns collected cash back into "to collect".
    expect(await provider.authorizePayment({ data: captured.data })).toEqual({ data: captured.data, status: "authorized" })
    expect(await provider.retrievePayment({ data: captured.data })).toEqual({ data: captured.data })
  })

  it("records each cash refund once, keyed by Medusa's refund id", async () => {
    const { data } = await initiated()
    const { data: captured } = await provider.capturePayment({ data: (await provider.authorizePayment({ data })).data })
    const once = await provider.refundPayment({ data: captured, amount: { value: "5", precision: 20 }, context: { idempotency_key: "ref_1" } })
    expect((once.data as CodPaymentData).refunds).toEqual([{ id: "ref_1", amount: "5", refunded_at: expect.any(String) }])
    expect(await provider.refundPayment({ data: once.data, amount: 5, context: { idempotency_key: "ref_1" } })).toEqual(once)
    const twice = await provider.refundPayment({ data: once.data, amount: 24.9, context: { idempotency_key: "ref_2" } })
    expect((twice.data as CodPaymentData).refunds!.map((r) => [r.id, r.amount])).toEqual([
      ["ref_1", "5"],
      ["ref_2", "24.9"],
    ])
    expect((twice.data as CodPaymentData).status).toBe("captured")
  })

  it("refunds only collected cash", async () => {
    const { data } = await initiated()
    const { data: authorized } = await provider.authorizePayment({ data })
    const error = await errorOf(provider.refundPayment({ data: authorized, amount: 5 }))
    expect([error.type, error.message]).toEqual([
      MedusaError.Types.NOT_ALLOWED,
      "Cash on delivery payment cod_payses_1 is authorized: no cash was collected to refund",
    ])
  })

  it("cancels an order's cash before delivery, idempotently, and then neither collects nor re-authorizes it", async () => {
    const { data } = await initiated()
    const { data: authorized } = await provider.authorizePayment({ data })
    const canceled = await provider.cancelPayment({ data: authorized })
    expect(canceled.data).toMatchObject({ status: "canceled" })
    expect(Date.parse((canceled.data as CodPaymentData).canceled_at!)).not.toBeNaN()
    expect(await provider.cancelPayment({ data: canceled.data })).toEqual(canceled)
    expect(await provider.getPaymentStatus({ data: canceled.data })).toEqual({ data: canceled.data, status: "canceled" })
    expect(await provider.authorizePayment({ data: canceled.data })).toEqual({ data: canceled.data, status: "canceled" })
    const error = await errorOf(provider.capturePayment({ data: canceled.data }))
    expect(error.message).toBe(
      "Cash on delivery payment cod_payses_1 is canceled: only an authorized payment can be marked collected"
    )
  })

  it("does not cancel collected cash: that is a refund", async () => {
    const { data } = await initiated()
    const { data: captured } = await provider.capturePayment({ data: (await provider.authorizePayment({ data })).data })
    const error = await errorOf(provider.cancelPayment({ data: captured }))
    expect([error.type, error.message]).toEqual([
      MedusaError.Types.NOT_ALLOWED,
      "Cash on delivery payment cod_payses_1 was collected: refund it instead of cancelling it",
    ])
  })

  it("captures only an authorized payment", async () => {
    const { data } = await initiated()
    const error = await errorOf(provider.capturePayment({ data }))
    expect(error.message).toBe(
      "Cash on delivery payment cod_payses_1 is pending: only an authorized payment can be marked collected"
    )
  })

  it("refuses data that is not a cash on delivery record, and deletes without a remote call", async () => {
    const error = await errorOf(provider.authorizePayment({ data: { id: "pi_123" } }))
    expect([error.type, error.message]).toEqual([MedusaError.Types.INVALID_DATA, "Not a cash on delivery payment record"])
    await expect(provider.deletePayment({ data: { cod_id: "cod_x" } })).resolves.toEqual({ data: { cod_id: "cod_x" } })
  })

  it("has no webhooks", async () => {
    await expect(provider.getWebhookActionAndData({ data: {}, rawData: "", headers: {} })).resolves.toEqual({
      action: "not_supported",
    })
  })
})
