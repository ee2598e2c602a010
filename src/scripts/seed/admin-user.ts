import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { SeedContext } from "./context"

export const DEFAULT_ADMIN_EMAIL = "admin@skinior.com"
export const DEFAULT_ADMIN_PASSWORD = "skinior-admin"

/** An admin user for Medusa Admin, from ADMIN_EMAIL / ADMIN_PASSWORD. */
export async function seedAdminUser({ container, report }: SeedContext) {
  const email = process.env.ADMIN_EMAIL || DEFAULT_ADMIN_EMAIL
  const password = process.env.ADMIN_PASSWORD || DEFAULT_ADMIN_PASSWORD
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)

  const [user] = await userModule.listUsers({ email })
  if (user) {
    report(`admin user ${email}`, 0, 1)
    return { email, password: "(unchanged: it already existed)" }
  }
  const { authIdentity, error } = await authModule.register("emailpass", {
    body: { email, password },
  })
  if (error || !authIdentity) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Could not create the admin login for ${email}: ${error}. Set ADMIN_EMAIL to another address or remove the old auth identity.`
    )
  }
  await createUserAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity.id, userData: { email, first_name: "Skinior", last_name: "Admin" } },
  })
  report(`admin user ${email}`, 1, 0)
  return { email, password }
}
