import { MedusaService } from "@medusajs/framework/utils"
import { openPii, piiKeyring, PiiKeyring, sealPii } from "../../lib/pii"
import SkinProfile from "./models/skin-profile"

/** What a profile holds, in the clear. */
export type SkinProfileData = {
  skin_type: string | null
  skin_concerns: string[]
  date_of_birth: string | null
}

export const EMPTY_SKIN_PROFILE: SkinProfileData = { skin_type: null, skin_concerns: [], date_of_birth: null }

type SealedRow = { customer_id: string; key_id: string; sealed: string }

class SkinProfileModuleService extends MedusaService({ SkinProfile }) {
  // Read once when the module loads: production without a key refuses to start.
  private readonly keyring: PiiKeyring = piiKeyring()

  /** The sealed columns of a profile (what is stored). */
  async seal(customerId: string, data: SkinProfileData) {
    const { keyId, value } = sealPii(JSON.stringify(data), customerId, this.keyring)
    return { customer_id: customerId, key_id: keyId, sealed: value }
  }

  /** The clear profile of a stored row. */
  async open(row: SealedRow): Promise<SkinProfileData> {
    const data = JSON.parse(openPii({ keyId: row.key_id, value: row.sealed }, row.customer_id, this.keyring))
    return { ...EMPTY_SKIN_PROFILE, ...data }
  }

  /** Clear profiles of these customers, by customer id (absent when they have none). */
  async readProfiles(customerIds: string[]): Promise<Map<string, SkinProfileData>> {
    const rows = customerIds.length ? await this.listSkinProfiles({ customer_id: customerIds }, { take: null }) : []
    return new Map(await Promise.all(rows.map(async (row) => [row.customer_id, await this.open(row)] as const)))
  }
}

export default SkinProfileModuleService
