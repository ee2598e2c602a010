import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Checkbox, Container, Heading, Input, Label, Select, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { SkinProfileUpdate, useSaveSkinProfile, useSkinProfile } from "../lib/skin-profile"
import { CONCERNS, SKIN_TYPES } from "../../modules/skincare/vocabulary"

const NONE = "none"

const toggle = (list: string[], value: string, on: boolean) =>
  on ? [...new Set([...list, value])] : list.filter((v) => v !== value)

/** The customer's skin type, concerns and date of birth (stored encrypted; recommendations use them). */
const CustomerSkinProfileWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data, isLoading } = useSkinProfile(customer.id)
  const save = useSaveSkinProfile(customer.id)
  const [form, setForm] = useState<Required<SkinProfileUpdate>>({ skin_type: null, skin_concerns: [], date_of_birth: null })

  useEffect(() => {
    if (data) {
      const { skin_type, skin_concerns, date_of_birth } = data.skin_profile
      setForm({ skin_type, skin_concerns, date_of_birth })
    }
  }, [data])

  const submit = () =>
    save.mutate(form, {
      onSuccess: () => toast.success("Skin profile saved"),
      onError: (e) => toast.error((e as Error).message),
    })

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Skin profile</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Stored encrypted. Product recommendations are chosen from it.
        </Text>
      </div>
      <div className="flex flex-col gap-4 px-6 py-4">
        <div>
          <Label>Skin type</Label>
          <Select
            value={form.skin_type ?? NONE}
            onValueChange={(value) => setForm({ ...form, skin_type: value === NONE ? null : value })}
            disabled={isLoading}
          >
            <Select.Trigger>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={NONE}>Not given</Select.Item>
              {SKIN_TYPES.map((type) => (
                <Select.Item key={type} value={type}>
                  {type}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
        <div>
          <Label>Concerns</Label>
          <div className="flex flex-wrap gap-3">
            {CONCERNS.map((concern) => (
              <label key={concern} className="flex items-center gap-1 text-sm">
                <Checkbox
                  checked={form.skin_concerns.includes(concern)}
                  disabled={isLoading}
                  onCheckedChange={(on) =>
                    setForm({ ...form, skin_concerns: toggle(form.skin_concerns, concern, on === true) })
                  }
                />
                {concern}
              </label>
            ))}
          </div>
        </div>
        <div>
          <Label htmlFor="skin-profile-dob">Date of birth</Label>
          <Input
            id="skin-profile-dob"
            type="date"
            disabled={isLoading}
            value={form.date_of_birth ?? ""}
            onChange={(e) => setForm({ ...form, date_of_birth: e.target.value || null })}
          />
        </div>
        <Button size="small" onClick={submit} isLoading={save.isPending} disabled={isLoading}>
          Save
        </Button>
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerSkinProfileWidget
