import type { AxiosInstance } from "axios"

/** Registers a customer through Medusa's auth and store routes; answers its id and a Bearer header. */
export async function createCustomer(api: AxiosInstance, publishableKey: string, email: string) {
  const password = "correct-horse-battery"
  const registered = await api.post("/auth/customer/emailpass/register", { email, password })
  const { data } = await api.post(
    "/store/customers",
    { email, first_name: "Test", last_name: "Customer" },
    {
      headers: {
        authorization: `Bearer ${registered.data.token}`,
        "x-publishable-api-key": publishableKey,
      },
    }
  )
  const login = await api.post("/auth/customer/emailpass", { email, password })
  return { id: data.customer.id as string, headers: { authorization: `Bearer ${login.data.token}` } }
}
