import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "./sdk"

/** A customer's skin profile as /admin/customers/:id/skin-profile answers it (opened for the merchant). */
export type SkinProfile = {
  customer_id: string
  skin_type: string | null
  skin_concerns: string[]
  date_of_birth: string | null
}
export type SkinProfileUpdate = Partial<Omit<SkinProfile, "customer_id">>

const KEY = ["skin-profile"] as const
const url = (customerId: string) => `/admin/customers/${customerId}/skin-profile`

export const useSkinProfile = (customerId: string) =>
  useQuery({
    queryKey: [...KEY, customerId],
    queryFn: () => sdk.client.fetch<{ skin_profile: SkinProfile }>(url(customerId)),
  })

export const useSaveSkinProfile = (customerId: string) => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: SkinProfileUpdate) =>
      sdk.client.fetch<{ skin_profile: SkinProfile }>(url(customerId), { method: "POST", body }),
    onSuccess: (data) => client.setQueryData([...KEY, customerId], data),
  })
}
