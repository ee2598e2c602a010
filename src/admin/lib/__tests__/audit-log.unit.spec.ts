import { actorLabel, auditQueryOf, EMPTY_AUDIT_FILTERS } from "../audit-log"

describe("auditQueryOf (Admin's audit log filters)", () => {
  it("asks for one page and nothing else when no filter is set", () => {
    expect(auditQueryOf(EMPTY_AUDIT_FILTERS, 0, 50)).toEqual({ limit: 50, offset: 0 })
    expect(auditQueryOf(EMPTY_AUDIT_FILTERS, 3, 50)).toEqual({ limit: 50, offset: 150 })
  })

  it("passes actor, entity and method, trimmed; dates become the start of the first day and the end of the last", () => {
    const query = auditQueryOf(
      { actor_type: "api_key", actor_id: " apk_1 ", entity_id: "prod_1 ", method: "POST", from: "2026-12-01", to: "2026-12-05" },
      0,
      20
    )
    expect(query).toEqual({
      limit: 20,
      offset: 0,
      actor_type: "api_key",
      actor_id: "apk_1",
      entity_id: "prod_1",
      method: "POST",
      from: new Date(2026, 11, 1, 0, 0, 0, 0).toISOString(),
      to: new Date(2026, 11, 5, 23, 59, 59, 999).toISOString(),
    })
  })

  it("ignores a half-typed date and blank ids", () => {
    expect(auditQueryOf({ ...EMPTY_AUDIT_FILTERS, from: "2026-1", actor_id: "  " }, 0, 20)).toEqual({ limit: 20, offset: 0 })
  })

  it("labels the actor", () => {
    expect(actorLabel({ actor_type: "api_key", actor_id: "apk_1" })).toBe("api key apk_1")
    expect(actorLabel({ actor_type: "system", actor_id: null })).toBe("system")
  })
})
