import { MedusaError } from "@medusajs/framework/utils"
import { toMinorUnits } from "../../../lib/money"
import type { UpdateShippingRulesBody } from "./validators"

type Existing = { id: string; min_days: number; max_days: number }

/** Prices in whole multiples of 10 fils, min ≤ max days after the edit, only known rules. */
export function assertValidRuleEdits(edits: UpdateShippingRulesBody["rules"], existing: Existing[]) {
  const problems: string[] = []
  for (const edit of edits) {
    const current = existing.find((rule) => rule.id === edit.id)
    if (!current) {
      problems.push(`Unknown shipping rule ${edit.id}`)
      continue
    }
    if (edit.price !== undefined) {
      const fils = edit.price * 1000
      if (Math.abs(fils - Math.round(fils)) > 1e-6 || toMinorUnits(edit.price, "jod") % 10 !== 0) {
        problems.push(`${edit.id}: price ${edit.price} JOD must be a multiple of 10 fils (0.01 JOD)`)
      }
    }
    const min = edit.min_days ?? current.min_days
    const max = edit.max_days ?? current.max_days
    if (min > max) {
      problems.push(`${edit.id}: min_days (${min}) must not exceed max_days (${max})`)
    }
  }
  if (problems.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
  }
}
