import type { BigNumberInput, CartCreditLineDTO, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { payableRoundingMinor, roundingCreditAmount } from "../../lib/money"

/** `reference` of the one credit line that holds a cart's payable rounding. */
export const PAYABLE_ROUNDING_REFERENCE = "payable_rounding"

type CreditLineInput = {
  cart_id: string
  amount: BigNumberInput
  reference: string
  reference_id: string
  metadata: Record<string, unknown> | null
}

// The Cart module's generated credit-line methods (createCartCreditLinesWorkflow
// calls them by name); ICartModuleService does not declare them.
type CreditLineService = {
  createCreditLines(data: CreditLineInput[]): Promise<CartCreditLineDTO[]>
  deleteCreditLines(ids: string[]): Promise<void>
}

export type PayableRoundingChange = {
  cart_id: string
  /** Credit lines this run created. */
  created: string[]
  /** Credit lines this run removed, as they were. */
  removed: CreditLineInput[]
}

type CartTotals = {
  id: string
  currency_code: string
  total: BigNumberInput | null
  credit_lines?:
    | ({
        id: string
        amount: BigNumberInput
        raw_amount?: BigNumberInput | null
        reference: string | null
        reference_id: string | null
        metadata: Record<string, unknown> | null
      } | null)[]
    | null
}

const amountOf = (line: { amount: BigNumberInput; raw_amount?: BigNumberInput | null }) =>
  line.raw_amount ?? line.amount

/**
 * Keeps exactly one rounding credit line on a cart so that its total is a
 * payable amount (JOD: a multiple of 10 fils), rounded down in the customer's
 * favour by 0–9 fils; other currencies never need one. Medusa's promotions do
 * not round, and completeCartWorkflow carries credit lines into the order, so
 * the order and the amount charged equal the cart's total.
 *
 * Runs after Medusa has recomputed the cart (items, shipping, promotions) and
 * under the cart lock of the workflow that calls it.
 */
export async function roundCartToPayable(
  container: MedusaContainer,
  cartId: string
): Promise<PayableRoundingChange> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [cart],
  } = (await query.graph({
    entity: "cart",
    fields: [
      "id",
      "currency_code",
      "total",
      "credit_lines.id",
      "credit_lines.amount",
      "credit_lines.raw_amount",
      "credit_lines.reference",
      "credit_lines.reference_id",
      "credit_lines.metadata",
    ],
    filters: { id: cartId },
  })) as unknown as { data: CartTotals[] }
  const change: PayableRoundingChange = { cart_id: cartId, created: [], removed: [] }
  if (!cart) {
    return change
  }

  const ours = (cart.credit_lines ?? []).filter(
    (line): line is NonNullable<typeof line> => line?.reference === PAYABLE_ROUNDING_REFERENCE
  )
  // The total as Medusa computes it without our rounding.
  const unrounded = ours.reduce((sum, line) => MathBN.add(sum, amountOf(line)), MathBN.convert(cart.total ?? 0))
  const rounding = payableRoundingMinor(unrounded, cart.currency_code)
  const wanted = rounding ? roundingCreditAmount(rounding, cart.currency_code) : null

  const upToDate = wanted
    ? ours.length === 1 && MathBN.eq(amountOf(ours[0]), wanted)
    : ours.length === 0
  if (upToDate) {
    return change
  }

  const service = container.resolve<CreditLineService>(Modules.CART)
  if (ours.length) {
    await service.deleteCreditLines(ours.map((line) => line.id))
    change.removed = ours.map((line) => ({
      cart_id: cartId,
      amount: MathBN.convert(amountOf(line)).toString(),
      reference: PAYABLE_ROUNDING_REFERENCE,
      reference_id: line.reference_id ?? cartId,
      metadata: line.metadata,
    }))
  }
  if (wanted) {
    const [line] = await service.createCreditLines([
      {
        cart_id: cartId,
        amount: wanted,
        reference: PAYABLE_ROUNDING_REFERENCE,
        reference_id: cartId,
        metadata: { rounding_minor: rounding, currency_code: cart.currency_code },
      },
    ])
    change.created = [line.id]
  }
  return change
}

/** Puts back the rounding lines a run of roundCartToPayable replaced. */
export async function undoPayableRounding(container: MedusaContainer, change: PayableRoundingChange) {
  const service = container.resolve<CreditLineService>(Modules.CART)
  if (change.created.length) {
    await service.deleteCreditLines(change.created)
  }
  if (change.removed.length) {
    await service.createCreditLines(change.removed)
  }
}

export const roundPayableTotalStepId = "round-payable-total"

/** roundCartToPayable as a step of our own workflows, undone on compensation. */
export const roundPayableTotalStep = createStep(
  roundPayableTotalStepId,
  async (input: { cart_id: string }, { container }) => {
    const change = await roundCartToPayable(container, input.cart_id)
    return new StepResponse(change, change)
  },
  async (change, { container }) => {
    if (change) {
      await undoPayableRounding(container, change)
    }
  }
)
