import { mkdir, rename, writeFile } from "node:fs/promises"
import path from "node:path"
import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import { escapeHtml } from "../../../lib/email-templates"

export type LocalEmailOptions = {
  /** Channels this provider serves; Medusa routes one channel to one provider. */
  channels?: string[]
  /** Folder the emails are written to, relative to the working directory or absolute. */
  dir?: string
}

type InjectedDependencies = { logger: Logger }

/** `.emails`: a dot-folder, so `medusa develop`'s watcher does not restart on every email. */
export const DEFAULT_EMAIL_DIR = ".emails"

/**
 * Development and test email: each notification becomes one HTML file in
 * `dir` (git-ignored), and its path is logged, so a developer opens the email
 * a shopper would get without any mail server.
 */
class LocalEmailNotificationService extends AbstractNotificationProviderService {
  static identifier = "local-email"

  protected readonly dir_: string
  protected readonly logger_: Logger

  static validateOptions(options: Record<any, any>): void {
    const dir = options?.dir
    if (dir !== undefined && (typeof dir !== "string" || !dir.trim())) {
      throw new MedusaError(
        MedusaError.Types.INVALID_ARGUMENT,
        "Option `dir` of the local email notification provider must be a non-empty folder path"
      )
    }
    const channels = options?.channels
    if (!Array.isArray(channels) || !channels.includes("email")) {
      throw new MedusaError(
        MedusaError.Types.INVALID_ARGUMENT,
        'Option `channels` of the local email notification provider must include "email"'
      )
    }
  }

  constructor({ logger }: InjectedDependencies, options: LocalEmailOptions) {
    super()
    this.logger_ = logger
    this.dir_ = path.resolve(options?.dir?.trim() || DEFAULT_EMAIL_DIR)
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    if (!notification?.to) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "An email needs a recipient (`to`)")
    }
    const html = notification.content?.html ?? fallbackHtml(notification)
    const id = (notification as { id?: string }).id ?? `${Date.now()}`
    const file = path.join(this.dir_, `${Date.now()}-${safeName(notification.template ?? "email")}-${safeName(id)}.html`)
    await mkdir(this.dir_, { recursive: true })
    // Written beside and renamed: whoever watches the folder never reads half an email.
    await writeFile(`${file}.tmp`, html, "utf8")
    await rename(`${file}.tmp`, file)
    this.logger_.info(
      `Email "${notification.content?.subject ?? notification.template}" to ${notification.to} written to ${file}`
    )
    return { id: file }
  }
}

const safeName = (value: string) => value.replace(/[^A-Za-z0-9_-]+/g, "_").slice(0, 80)

/** A notification sent with a template name and data only (as SendGrid templates are): show the data. */
function fallbackHtml(notification: ProviderSendNotificationDTO) {
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(notification.template ?? "")}</title></head>` +
    `<body><h1>${escapeHtml(notification.template ?? "")}</h1>` +
    `<pre>${escapeHtml(JSON.stringify(notification.data ?? {}, null, 2))}</pre></body></html>`
  )
}

export default LocalEmailNotificationService
