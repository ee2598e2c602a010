import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { CreateOrderDTO } from "@medusajs/framework/types"
import { formatOrderNumber, yearInAmman } from "../../src/lib/order-number"

jest.setTimeout(120 * 1000)

const order = (created_at?: Date): CreateOrderDTO =>
  ({
    currency_code: "jod",
    email: "numbers@example.com",
    ...(created_at ? { created_at } : {}),
    items: [{ title: "Vitamin C Serum", quantity: 1, unit_price: 21.5 }],
  }) as CreateOrderDTO

/** SKN-YYYY-NNNNNN numbers from the Order module's generateCustomDisplayId option. */
medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ getContainer }) => {
    it("numbers 20 parallel orders SKN-YYYY-000001…000020: unique and without gaps", async () => {
      const orders = getContainer().resolve(Modules.ORDER)
      const created = await Promise.all(Array.from({ length: 20 }, () => orders.createOrders(order())))
      const year = yearInAmman()
      const numbers = created.map((o) => o.custom_display_id).sort()
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => formatOrderNumber(year, i + 1)))
    })

    it("leaves no gap when the transaction that creates the order fails", async () => {
      const orders = getContainer().resolve(Modules.ORDER)
      const year = yearInAmman()
      const [first] = await orders.createOrders([order()])
      // The second order of the batch is invalid: the whole batch, and its numbers, roll back.
      await expect(
        orders.createOrders([order(), { ...order(), items: [{ title: null, quantity: 1, unit_price: 1 }] } as any])
      ).rejects.toThrow()
      const [next] = await orders.createOrders([order()])
      const value = (n: string) => Number(n.split("-")[2])
      expect(first.custom_display_id).toMatch(new RegExp(`^SKN-${year}-\\d{6}$`))
      expect(value(next.custom_display_id!)).toBe(value(first.custom_display_id!) + 1)
    })

    it("starts each Jordanian year at 000001, by the order's date in Asia/Amman", async () => {
      const orders = getContainer().resolve(Modules.ORDER)
      const [newYear] = await orders.createOrders([order(new Date("2031-12-31T21:30:00Z"))])
      const [stillOld] = await orders.createOrders([order(new Date("2031-12-31T20:30:00Z"))])
      expect(newYear.custom_display_id).toBe("SKN-2032-000001")
      expect(stillOld.custom_display_id).toBe("SKN-2031-000001")
      const found = await orders.listOrders({ custom_display_id: "SKN-2032-000001" } as any)
      expect(found.map((o) => o.id)).toEqual([newYear.id])
    })
  },
})
