import {
  createApiKeysWorkflow,
  createSalesChannelsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { SeedContext } from "./context"
import { isTaxInclusiveCurrency } from "../../lib/money"

export const STORE_NAME = "Skinior"
export const SALES_CHANNEL_NAME = "Skinior Storefront"
export const PUBLISHABLE_KEY_TITLE = "Skinior Storefront"
const MEDUSA_DEFAULT_KEY_TITLE = "Default Publishable API Key"

/** The store (USD default, JOD tax-inclusive), its sales channel and the storefront's publishable key. */
export async function seedStore({ container, report }: SeedContext) {
  const storeModule = container.resolve(Modules.STORE)
  const salesChannelModule = container.resolve(Modules.SALES_CHANNEL)
  const apiKeyModule = container.resolve(Modules.API_KEY)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const [store] = await storeModule.listStores({}, { relations: ["supported_currencies"] })

  let [channel] = await salesChannelModule.listSalesChannels({ name: SALES_CHANNEL_NAME })
  if (!channel && store.default_sales_channel_id) {
    // Medusa creates a "Default Sales Channel" on first boot: adopt it.
    ;[channel] = await salesChannelModule.listSalesChannels({ id: store.default_sales_channel_id })
    if (channel) {
      await salesChannelModule.updateSalesChannels(channel.id, {
        name: SALES_CHANNEL_NAME,
        description: "The Skinior web and mobile storefronts",
      })
    }
  }
  if (!channel) {
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: { salesChannelsData: [{ name: SALES_CHANNEL_NAME }] },
    })
    channel = result[0]
    report("sales channel", 1, 0)
  } else {
    report("sales channel", 0, 1)
  }

  const currencies = (store.supported_currencies ?? []).map((c) => c.currency_code)
  const wanted = ["usd", "jod"]
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: STORE_NAME,
        // Jordanian shelf prices include the 16% GST; US prices have tax added
        // at checkout (DESIGN.md "Money"). Medusa keeps this as a price
        // preference per currency, updated on every run.
        supported_currencies: [
          { currency_code: "usd", is_default: true, is_tax_inclusive: isTaxInclusiveCurrency("usd") },
          { currency_code: "jod", is_tax_inclusive: isTaxInclusiveCurrency("jod") },
        ],
        default_sales_channel_id: channel.id,
      },
    },
  })
  const added = wanted.filter((code) => !currencies.includes(code)).length
  report("store currencies (USD default, JOD)", added, wanted.length - added)

  let [key] = await apiKeyModule.listApiKeys({ title: PUBLISHABLE_KEY_TITLE, type: "publishable" })
  let keyCreated = 0
  if (!key) {
    // Medusa's first boot may have made a default key: adopt it rather than add a second.
    ;[key] = await apiKeyModule.listApiKeys({ title: MEDUSA_DEFAULT_KEY_TITLE, type: "publishable" })
    if (key) {
      await apiKeyModule.updateApiKeys(key.id, { title: PUBLISHABLE_KEY_TITLE })
    } else {
      const { result } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title: PUBLISHABLE_KEY_TITLE, type: "publishable", created_by: "seed" }] },
      })
      key = result[0]
      keyCreated = 1
    }
  }
  const {
    data: [linked],
  } = await query.graph({
    entity: "api_key",
    fields: ["id", "sales_channels.id"],
    filters: { id: key.id },
  })
  if (!linked?.sales_channels?.some((sc: { id?: string } | null) => sc?.id === channel.id)) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({
      input: { id: key.id, add: [channel.id] },
    })
  }
  report("publishable API key", keyCreated, 1 - keyCreated)

  return { salesChannelId: channel.id, publishableKey: key.token }
}
