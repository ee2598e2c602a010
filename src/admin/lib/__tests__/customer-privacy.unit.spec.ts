import { exportFile } from "../customer-privacy"

describe("exportFile (Admin's Download data)", () => {
  it("names the file like the API's download and writes pretty JSON", () => {
    const file = exportFile({ account: { id: "cus_1" }, orders: [] }, "cus_1", new Date("2026-03-04T23:30:00Z"))
    expect(file).toEqual({
      name: "skinior-customer-cus_1-2026-03-04.json",
      text: '{\n  "account": {\n    "id": "cus_1"\n  },\n  "orders": []\n}\n',
    })
  })
})
