import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ORDER_NUMBER_PATTERN } from "../../src/lib/order-number"
import { seedShop } from "../helpers/catalogue"

jest.setTimeout(600 * 1000)

const anyStatus = { validateStatus: () => true }

/** Runs `make(0..count-1)` at most `size` at a time: preparing hundreds of carts must not be a storm itself. */
async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>) {
  const out: T[] = []
  for (let i = 0; i < count; i += size) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(size, count - i) }, (_, j) => make(i + j)))))
  }
  return out
}

/** The variant's inventory item, its stock set to `stocked` (nothing reserved yet). */
async function stockVariant(container: MedusaContainer, variantId: string, stocked: number) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [variant],
  } = await query.graph({ entity: "product_variant", fields: ["inventory_items.inventory_item_id"], filters: { id: variantId } })
  const inventoryItemId = variant.inventory_items![0]!.inventory_item_id as string
  const inventory = container.resolve(Modules.INVENTORY)
  const [level] = await inventory.listInventoryLevels({ inventory_item_id: inventoryItemId })
  expect(Number(level.reserved_quantity)).toBe(0)
  await inventory.updateInventoryLevels([
    { inventory_item_id: inventoryItemId, location_id: level.location_id, stocked_quantity: stocked },
  ])
  return { inventoryItemId, locationId: level.location_id }
}

/**
 * Every order in the database with its lines, to count what a storm made (orphans included).
 * An order line's quantity lives on its detail (order_item): Query leaves `items.quantity` out without it.
 */
async function allOrders(container: MedusaContainer) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "items.id", "items.variant_id", "items.detail.quantity"] })
  type Row = { id: string; items: { id: string; variant_id: string; detail: { quantity: any } }[] }
  return (data as Row[]).map((order) => ({
    id: order.id,
    items: order.items.map((item) => ({
      id: item.id,
      variant_id: item.variant_id,
      quantity: MathBN.convert(item.detail.quantity).toNumber(),
    })),
  }))
}

/** What the inventory module holds for an item after a storm: its level and its reservations. */
async function stockAfter(container: MedusaContainer, inventoryItemId: string) {
  const inventory = container.resolve(Modules.INVENTORY)
  const [level] = await inventory.listInventoryLevels({ inventory_item_id: inventoryItemId })
  const reservations = await inventory.listReservationItems({ inventory_item_id: inventoryItemId })
  return {
    reserved: Number(level.reserved_quantity),
    reservedSum: reservations.reduce((sum, r) => sum + MathBN.convert(r.quantity).toNumber(), 0),
    reservedLines: reservations.map((r) => r.line_item_id as string).sort(),
  }
}

/**
 * Issue 10's storm: many shoppers check out the last units of one variant at
 * the same moment. Stock is the only limit: exactly as many orders as units,
 * every other shopper a clean refusal, reservations equal to the orders,
 * never a 5xx.
 */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let shop: Awaited<ReturnType<typeof seedShop>>

    beforeAll(async () => {
      shop = await seedShop(getContainer())
    })

    it("200 parallel POST /api/v1/orders of 200 carts on 10 units → 10 orders, 190 INVENTORY_ERROR 409s, 10 reserved", async () => {
      const container = getContainer()
      const toner = shop.variant("SKN-TON-RW-200")
      const { inventoryItemId } = await stockVariant(container, toner.id, 10)

      const carts = await inBatches(200, 10, async () => {
        const cart = (await api.post("/api/v1/cart", { currency: "JOD" })).data.data
        const added = await api.post(
          `/api/v1/cart/${cart.id}/items`,
          { productId: toner.productId, variantId: toner.id, quantity: 1 },
          anyStatus
        )
        expect(added.status).toBe(200)
        return cart.id as string
      })
      const ordersBefore = (await allOrders(container)).length

      const started = Date.now()
      const answers = await Promise.all(
        carts.map((cartId, i) =>
          api.post(
            "/api/v1/orders",
            {
              cartId,
              shippingAddress: {
                firstName: "Storm",
                lastName: `Shopper ${i}`,
                email: `storm.${i}@example.com`,
                phone: "+962791234567",
                country: "JO",
                city: "Amman",
                governorate: "Amman",
                postalCode: "11118",
                street: "Queen Rania Street",
              },
              billingAddress: "same",
              shippingMethod: "standard",
              paymentMethod: "cash_on_delivery",
            },
            anyStatus
          )
        )
      )
      const elapsed = Date.now() - started
      console.log(`storm /api/v1/orders: 200 checkouts in ${elapsed} ms, ${(elapsed / 200).toFixed(1)} ms per checkout`)

      // Anything but an order or a refusal shows itself with its body.
      expect(answers.filter((a) => a.status !== 201 && a.status !== 409).map((a) => [a.status, a.data])).toEqual([])
      const placed = answers.filter((a) => a.status === 201).map((a) => a.data.data)
      const refused = answers.filter((a) => a.status === 409)
      expect(placed).toHaveLength(10)
      expect(refused).toHaveLength(190)

      const numbers = placed.map((o) => o.orderNumber as string)
      expect(new Set(numbers).size).toBe(10)
      for (const number of numbers) expect(number).toMatch(ORDER_NUMBER_PATTERN)
      for (const order of placed) {
        expect(order.items).toEqual([expect.objectContaining({ variantId: toner.id, quantity: 1 })])
      }
      for (const { data } of refused) {
        expect(data.error).toEqual({
          code: "INVENTORY_ERROR",
          message: "Insufficient inventory",
          details: [
            {
              field: "variantId",
              message: `Only 0 of variant ${toner.id} available, 1 requested`,
              variantId: toner.id,
              available: 0,
              requested: 1,
            },
          ],
          requestId: expect.any(String),
        })
      }

      // Exactly the 10 answered orders exist (no orphan order of a refused cart), and they hold the reservations.
      const orders = await allOrders(container)
      expect(orders).toHaveLength(ordersBefore + 10)
      const ours = orders.filter((o) => placed.some((p) => p.id === o.id))
      expect(ours).toHaveLength(10)
      const lines = ours.flatMap((o) => o.items).filter((item) => item.variant_id === toner.id)
      expect(lines.reduce((sum, item) => sum + item.quantity, 0)).toBe(10)
      expect(await stockAfter(container, inventoryItemId)).toEqual({
        reserved: 10,
        reservedSum: 10,
        reservedLines: lines.map((item) => item.id).sort(),
      })

      const stock = await api.get(`/api/v1/inventory/${toner.productId}/variants/${toner.id}`)
      expect(stock.status).toBe(200)
      expect(stock.data.data).toMatchObject({ variantId: toner.id, inventoryCount: 0, available: false })
    })
  },
})
