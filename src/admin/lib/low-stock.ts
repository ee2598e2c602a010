import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "./sdk"

/** Shared by the variant widget and the low-stock list: one cache key, so saving a threshold updates both. */

export type LowStockThreshold = { variant_id: string; low_stock_threshold: number }
export type LowStockVariant = LowStockThreshold & {
  product_id: string
  product_title: string | null
  variant_title: string
  sku: string | null
  inventory_count: number
}

const KEY = ["low-stock"] as const

export const useLowStockThreshold = (variantId: string) =>
  useQuery({
    queryKey: [...KEY, "variant", variantId],
    queryFn: () =>
      sdk.client.fetch<{ low_stock: LowStockThreshold }>(`/admin/variants/${variantId}/low-stock-threshold`),
  })

export const useLowStockVariants = () =>
  useQuery({
    queryKey: [...KEY, "list"],
    queryFn: () => sdk.client.fetch<{ variants: LowStockVariant[]; count: number }>("/admin/low-stock"),
  })

export const useSetLowStockThreshold = (variantId: string) => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (low_stock_threshold: number) =>
      sdk.client.fetch<{ low_stock: LowStockThreshold }>(`/admin/variants/${variantId}/low-stock-threshold`, {
        method: "POST",
        body: { low_stock_threshold },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  })
}
