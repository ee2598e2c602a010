import { EventEmitter } from "node:events"
import { DatabaseBreaker } from "../database-breaker"

function fakeKnex(answers: boolean) {
  const pool = new EventEmitter()
  const knex = {
    client: { pool },
    up: answers,
    probes: 0,
    raw: async () => {
      knex.probes++
      if (!knex.up) throw new Error("connect ECONNREFUSED")
      return [{ "?column?": 1 }]
    },
  }
  return knex
}

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise
    return undefined
  } catch (e) {
    return e
  }
}

describe("DatabaseBreaker", () => {
  it("stays closed after one failed connect that a success follows (a restart already over)", async () => {
    let now = 0
    const breaker = new DatabaseBreaker(() => now)
    const knex = fakeKnex(true)
    breaker.watch(knex)
    knex.client.pool.emit("createFail", 1, new Error("database does not exist"))
    now += 300
    knex.client.pool.emit("createSuccess")
    now += 5000
    expect(breaker.open).toBe(false)
    await expect(breaker.admit(knex)).resolves.toBeUndefined()
  })

  it("opens once connecting has failed for a second, refuses with 503, probes once a second, and closes when the probe succeeds", async () => {
    let now = 10_000
    const breaker = new DatabaseBreaker(() => now)
    const knex = fakeKnex(false)
    breaker.watch(knex)
    knex.client.pool.emit("createFail", 1, new Error("connect ECONNREFUSED"))
    now += 999
    expect(breaker.open).toBe(false)
    now += 1
    expect(breaker.open).toBe(true)
    // The first caller probes (the database is still down), the next ones are refused without probing.
    expect(await refusal(breaker.admit(knex))).toMatchObject({ status: 503, errorCode: "SERVICE_UNAVAILABLE" })
    expect(await refusal(breaker.admit(knex))).toMatchObject({ status: 503 })
    expect(knex.probes).toBe(1)
    now += 1000
    knex.up = true
    await expect(breaker.admit(knex)).resolves.toBeUndefined()
    expect(knex.probes).toBe(2)
    expect(breaker.open).toBe(false)
  })

  it("a success from the pool closes it too, and it listens once however often it is asked", () => {
    let now = 0
    const breaker = new DatabaseBreaker(() => now)
    const knex = fakeKnex(true)
    breaker.watch(knex)
    breaker.watch(knex)
    expect(knex.client.pool.listenerCount("createFail")).toBe(1)
    knex.client.pool.emit("createFail")
    now += 2000
    expect(breaker.open).toBe(true)
    knex.client.pool.emit("createSuccess")
    expect(breaker.open).toBe(false)
  })
})
