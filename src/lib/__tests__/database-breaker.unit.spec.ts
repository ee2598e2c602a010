import { EventEmitter } from "node:events"
import { DatabaseBreaker } from "../database-breaker"

function fakeKnex() {
  const pool = Object.assign(new EventEmitter(), { acquireTimeoutMillis: 60_000 })
  return { client: { pool } }
}

describe("DatabaseBreaker", () => {
  it("stays closed while the pool connects", () => {
    const breaker = new DatabaseBreaker()
    const knex = fakeKnex()
    breaker.watch(knex)
    knex.client.pool.emit("createSuccess")
    expect(() => breaker.admit()).not.toThrow()
    expect(breaker.open).toBe(false)
  })

  it("opens on a failed connect, refuses with 503 but lets one probe through per second, and closes on success", () => {
    let now = 10_000
    const breaker = new DatabaseBreaker(() => now)
    const knex = fakeKnex()
    breaker.watch(knex)
    knex.client.pool.emit("createFail", 1, new Error("connect ECONNREFUSED"))
    expect(breaker.open).toBe(true)
    expect(() => breaker.admit()).not.toThrow() // the probe
    let refused: unknown
    try {
      breaker.admit()
    } catch (e) {
      refused = e
    }
    expect(refused).toMatchObject({ status: 503, errorCode: "SERVICE_UNAVAILABLE" })
    now += 999
    expect(() => breaker.admit()).toThrow()
    now += 1
    expect(() => breaker.admit()).not.toThrow() // the next probe
    knex.client.pool.emit("createSuccess")
    expect(breaker.open).toBe(false)
    expect(() => breaker.admit()).not.toThrow()
    expect(() => breaker.admit()).not.toThrow()
  })

  it("lowers the pool's acquire timeout and listens once however often it is asked", () => {
    const breaker = new DatabaseBreaker()
    const knex = fakeKnex()
    breaker.watch(knex, 4000)
    breaker.watch(knex, 4000)
    expect(knex.client.pool.acquireTimeoutMillis).toBe(4000)
    expect(knex.client.pool.listenerCount("createFail")).toBe(1)
  })
})
