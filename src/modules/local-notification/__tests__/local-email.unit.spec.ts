import { mkdtemp, readdir, readFile, rm } from "node:fs/promises"
import os from "node:os"
import path from "node:path"
import LocalEmailNotificationService from "../services/local-email"

describe("local email notification provider", () => {
  let dir: string
  const info = jest.fn()
  const logger = { info } as any

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "skinior-emails-"))
    info.mockReset()
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it("validateOptions needs the email channel and a non-empty folder", () => {
    expect(() => LocalEmailNotificationService.validateOptions({ channels: ["email"] })).not.toThrow()
    expect(() => LocalEmailNotificationService.validateOptions({ channels: ["email"], dir: ".emails" })).not.toThrow()
    expect(() => LocalEmailNotificationService.validateOptions({ channels: ["feed"] })).toThrow(
      'Option `channels` of the local email notification provider must include "email"'
    )
    expect(() => LocalEmailNotificationService.validateOptions({})).toThrow("must include")
    expect(() => LocalEmailNotificationService.validateOptions({ channels: ["email"], dir: " " })).toThrow(
      "Option `dir` of the local email notification provider must be a non-empty folder path"
    )
    expect(() => LocalEmailNotificationService.validateOptions({ channels: ["email"], dir: 3 })).toThrow("`dir`")
  })

  it("writes the HTML as one file, logs its path and returns it as the external id", async () => {
    const provider = new LocalEmailNotificationService({ logger }, { channels: ["email"], dir })
    const html = "<!doctype html><p>مرحبا</p>"
    const result = await provider.send({
      id: "noti_1",
      to: "lina@example.com",
      channel: "email",
      template: "order-confirmation",
      content: { subject: "Your order", html },
    } as any)
    const files = await readdir(dir)
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/^\d+-order-confirmation-noti_1\.html$/)
    const file = path.join(dir, files[0])
    expect(await readFile(file, "utf8")).toBe(html)
    expect(result).toEqual({ id: file })
    expect(info).toHaveBeenCalledTimes(1)
    expect(info).toHaveBeenCalledWith(`Email "Your order" to lina@example.com written to ${file}`)
  })

  it("shows a template-only notification's data, escaped", async () => {
    const provider = new LocalEmailNotificationService({ logger }, { channels: ["email"], dir })
    await provider.send({ to: "a@b.c", channel: "email", template: "welcome", data: { name: "<b>x</b>" } } as any)
    const [file] = await readdir(dir)
    const html = await readFile(path.join(dir, file), "utf8")
    expect(html).toContain("<h1>welcome</h1>")
    expect(html).toContain("&quot;name&quot;: &quot;&lt;b&gt;x&lt;/b&gt;&quot;")
    expect(html).not.toContain("<b>x</b>")
  })

  it("refuses a notification without a recipient and writes nothing", async () => {
    const provider = new LocalEmailNotificationService({ logger }, { channels: ["email"], dir })
    await expect(provider.send({ to: "", channel: "email", template: "x" } as any)).rejects.toThrow(
      "An email needs a recipient (`to`)"
    )
    expect(await readdir(dir)).toEqual([])
  })
})
