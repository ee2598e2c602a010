import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Checkbox, Container, Heading, Input, Label, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { sdk } from "../lib/sdk"
import { CONCERNS, SKIN_TYPES } from "../../modules/skincare/vocabulary"

type Skincare = {
  ingredients: string[]
  skin_types: string[]
  concerns: string[]
  how_to_use: string | null
  seo_title: string | null
  seo_description: string | null
  low_stock_threshold: number
}

const toggle = (list: string[], value: string, on: boolean) =>
  on ? [...new Set([...list, value])] : list.filter((v) => v !== value)

/** Ingredients, skin types, concerns, how to use and SEO texts of this product. */
const ProductSkincareWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const url = `/admin/products/${product.id}/skincare`
  const [form, setForm] = useState<Skincare | null>(null)
  const [ingredients, setIngredients] = useState("")
  const [saving, setSaving] = useState(false)

  const load = (skincare: Skincare) => {
    setForm(skincare)
    setIngredients(skincare.ingredients.join("\n"))
  }

  useEffect(() => {
    sdk.client
      .fetch<{ skincare: Skincare }>(url)
      .then(({ skincare }) => load(skincare))
      .catch((e) => toast.error(`Could not load the skincare facts: ${e.message}`))
  }, [url])

  if (!form) {
    return null
  }
  const seoTitleTooLong = (form.seo_title ?? "").length > 70
  const seoDescriptionTooLong = (form.seo_description ?? "").length > 160

  const save = async () => {
    setSaving(true)
    try {
      const { skincare } = await sdk.client.fetch<{ skincare: Skincare }>(url, {
        method: "POST",
        body: {
          ingredients: ingredients.split("\n").map((i) => i.trim()).filter(Boolean),
          skin_types: form.skin_types,
          concerns: form.concerns,
          how_to_use: form.how_to_use || null,
          seo_title: form.seo_title || null,
          seo_description: form.seo_description || null,
          low_stock_threshold: form.low_stock_threshold,
        },
      })
      load(skincare)
      toast.success("Skincare facts saved")
    } catch (e) {
      toast.error((e as Error).message)
    } finally {
      setSaving(false)
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Skincare</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Shown on the storefront and used by its filters and search.
        </Text>
      </div>
      <div className="flex flex-col gap-4 px-6 py-4">
        <div>
          <Label>Ingredients (one per line, as on the pack)</Label>
          <Textarea rows={6} value={ingredients} onChange={(e) => setIngredients(e.target.value)} />
        </div>
        <div>
          <Label>Skin types</Label>
          <div className="flex flex-wrap gap-3">
            {SKIN_TYPES.map((type) => (
              <label key={type} className="flex items-center gap-1 text-sm">
                <Checkbox
                  checked={form.skin_types.includes(type)}
                  onCheckedChange={(on) => setForm({ ...form, skin_types: toggle(form.skin_types, type, on === true) })}
                />
                {type}
              </label>
            ))}
          </div>
        </div>
        <div>
          <Label>Concerns</Label>
          <div className="flex flex-wrap gap-3">
            {CONCERNS.map((concern) => (
              <label key={concern} className="flex items-center gap-1 text-sm">
                <Checkbox
                  checked={form.concerns.includes(concern)}
                  onCheckedChange={(on) => setForm({ ...form, concerns: toggle(form.concerns, concern, on === true) })}
                />
                {concern}
              </label>
            ))}
          </div>
        </div>
        <div>
          <Label>How to use</Label>
          <Textarea value={form.how_to_use ?? ""} onChange={(e) => setForm({ ...form, how_to_use: e.target.value })} />
        </div>
        <div>
          <Label>SEO title ({(form.seo_title ?? "").length}/70)</Label>
          <Input value={form.seo_title ?? ""} onChange={(e) => setForm({ ...form, seo_title: e.target.value })} />
        </div>
        <div>
          <Label>SEO description ({(form.seo_description ?? "").length}/160)</Label>
          <Textarea
            value={form.seo_description ?? ""}
            onChange={(e) => setForm({ ...form, seo_description: e.target.value })}
          />
        </div>
        <div>
          <Label>Low stock below</Label>
          <Input
            type="number"
            min="0"
            value={form.low_stock_threshold}
            onChange={(e) => setForm({ ...form, low_stock_threshold: Math.max(0, Math.floor(Number(e.target.value))) })}
          />
        </div>
        <Button size="small" onClick={save} isLoading={saving} disabled={seoTitleTooLong || seoDescriptionTooLong}>
          Save
        </Button>
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "product.details.side.after",
})

export default ProductSkincareWidget
