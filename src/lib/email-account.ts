import crypto from "node:crypto"
import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { EmailLanguage, escapeHtml } from "./email-templates"

/**
 * Account emails (verification code, password reset link), English then
 * Arabic (right-to-left), like the order confirmation. The code or link is
 * the only secret in them; nothing else about the account is shown.
 */

export const VERIFY_EMAIL_TEMPLATE = "customer-verify-email"
export const PASSWORD_RESET_TEMPLATE = "customer-password-reset"

const LANGUAGES: EmailLanguage[] = ["en", "ar"]

const TEXT = {
  en: {
    verifySubject: "Confirm your Skinior email address",
    verifyIntro: "Use this code to confirm your email address:",
    verifyLink: "Or open this link:",
    verifyExpiry: (minutes: number) => `The code works once and expires in ${minutes} minutes.`,
    resetSubject: "Reset your Skinior password",
    resetIntro: "Someone (hopefully you) asked to reset the password of your Skinior account.",
    resetLink: "Choose a new password here:",
    resetToken: "Or paste this token where the shop asks for it:",
    resetExpiry: (minutes: number) => `The link works once and expires in ${minutes} minutes.`,
    ignore: "If you did not ask for this, ignore this email.",
  },
  ar: {
    verifySubject: "تأكيد بريدك الإلكتروني في Skinior",
    verifyIntro: "استخدم هذا الرمز لتأكيد بريدك الإلكتروني:",
    verifyLink: "أو افتح هذا الرابط:",
    verifyExpiry: (minutes: number) => `يعمل الرمز مرة واحدة وتنتهي صلاحيته خلال ${minutes} دقيقة.`,
    resetSubject: "إعادة تعيين كلمة المرور في Skinior",
    resetIntro: "طلب أحدهم (نأمل أن تكون أنت) إعادة تعيين كلمة مرور حسابك في Skinior.",
    resetLink: "اختر كلمة مرور جديدة من هنا:",
    resetToken: "أو الصق هذا الرمز حيث يطلبه المتجر:",
    resetExpiry: (minutes: number) => `يعمل الرابط مرة واحدة وتنتهي صلاحيته خلال ${minutes} دقيقة.`,
    ignore: "إذا لم تطلب ذلك، تجاهل هذه الرسالة.",
  },
} as const

type Text = (typeof TEXT)[EmailLanguage]

/** A secret shown left-to-right, in a monospace box, with a stable id for whoever reads the email. */
const secretBox = (name: string, value: string) =>
  `<p><code id="${name}" dir="ltr" style="font-size:18px;padding:4px 8px;background:#f3f3f3">${escapeHtml(value)}</code></p>`

const link = (href: string) => `<p><a dir="ltr" href="${escapeHtml(href)}">${escapeHtml(href)}</a></p>`

function page(subject: string, sections: (t: Text, language: EmailLanguage) => string) {
  return (
    `<!doctype html><html lang="en" dir="ltr"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="font-family:Arial,Tahoma,sans-serif;max-width:640px;margin:0 auto">` +
    LANGUAGES.map((language) => {
      const dir = language === "ar" ? "rtl" : "ltr"
      return (
        `<section lang="${language}" dir="${dir}" style="text-align:${dir === "rtl" ? "right" : "left"}">` +
        sections(TEXT[language], language) +
        `<p>${TEXT[language].ignore}</p></section>`
      )
    }).join("<hr>") +
    `</body></html>`
  )
}

/** Notification keys name a secret by a digest of it: the secret itself never reaches the notification table. */
const digest = (secret: string) => crypto.createHash("sha256").update(secret).digest("hex").slice(0, 40)

export type AccountEmail = { to: string; customerId: string | null; minutes: number; url: string }

export function verificationNotification(email: AccountEmail & { code: string }): CreateNotificationDTO {
  const subject = `${TEXT.en.verifySubject} · ${TEXT.ar.verifySubject}`
  // The code is printed once per language; the box carries an id only in the first.
  let first = true
  const html = page(subject, (t) => {
    const box = first ? secretBox("verification-code", email.code) : secretBox("verification-code-ar", email.code)
    first = false
    return `<h1>${t.verifySubject}</h1><p>${t.verifyIntro}</p>${box}<p>${t.verifyLink}</p>${link(email.url)}<p>${t.verifyExpiry(email.minutes)}</p>`
  })
  return {
    to: email.to,
    channel: "email",
    template: VERIFY_EMAIL_TEMPLATE,
    content: { subject, html },
    data: { customer_id: email.customerId },
    trigger_type: "auth.verification_requested",
    resource_type: "customer",
    resource_id: email.customerId ?? undefined,
    receiver_id: email.customerId ?? null,
    idempotency_key: `verify-email:${digest(email.code)}`,
  }
}

export function passwordResetNotification(email: AccountEmail & { token: string }): CreateNotificationDTO {
  const subject = `${TEXT.en.resetSubject} · ${TEXT.ar.resetSubject}`
  let first = true
  const html = page(subject, (t) => {
    const box = first ? secretBox("reset-token", email.token) : secretBox("reset-token-ar", email.token)
    first = false
    return `<h1>${t.resetSubject}</h1><p>${t.resetIntro}</p><p>${t.resetLink}</p>${link(email.url)}<p>${t.resetToken}</p>${box}<p>${t.resetExpiry(email.minutes)}</p>`
  })
  return {
    to: email.to,
    channel: "email",
    template: PASSWORD_RESET_TEMPLATE,
    content: { subject, html },
    data: { customer_id: email.customerId },
    trigger_type: "auth.password_reset",
    resource_type: "customer",
    resource_id: email.customerId ?? undefined,
    receiver_id: email.customerId ?? null,
    idempotency_key: `password-reset:${digest(email.token)}`,
  }
}
