import type { AxiosInstance } from "axios"
import { DEFAULT_ADMIN_EMAIL, DEFAULT_ADMIN_PASSWORD } from "../../src/scripts/seed/admin-user"

/** Logs in as the seeded admin; answers the Bearer header for /admin routes. */
export async function adminHeaders(api: AxiosInstance) {
  const { data } = await api.post("/auth/user/emailpass", {
    email: DEFAULT_ADMIN_EMAIL,
    password: DEFAULT_ADMIN_PASSWORD,
  })
  return { authorization: `Bearer ${data.token}` }
}
