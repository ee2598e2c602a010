import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "./sdk"

export type PublicHoliday = { date: string; name: string }

const KEY = ["public-holidays"] as const

export const usePublicHolidays = () =>
  useQuery({
    queryKey: KEY,
    queryFn: () => sdk.client.fetch<{ public_holidays: PublicHoliday[] }>("/admin/public-holidays"),
  })

export const useSetPublicHolidays = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (holidays: PublicHoliday[]) =>
      sdk.client.fetch<{ public_holidays: PublicHoliday[] }>("/admin/public-holidays", {
        method: "POST",
        body: { holidays },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  })
}
