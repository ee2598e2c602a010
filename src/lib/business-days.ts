/**
 * Jordan's business days: Friday and Saturday are the weekend, and the
 * public holidays the merchant lists (YYYY-MM-DD, Asia/Amman) are off too.
 * Dates here are calendar dates in Asia/Amman, as `YYYY-MM-DD` strings.
 */

const AMMAN_DATE = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Amman",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
})

const FRIDAY = 5
const SATURDAY = 6
const DAY_MS = 24 * 60 * 60 * 1000

/** The calendar date of a moment in Asia/Amman. */
export function dateInAmman(at: Date | string | number): string {
  return AMMAN_DATE.format(new Date(at))
}

// Calendar arithmetic on the date alone (noon UTC keeps clear of any DST edge).
const toDay = (date: string) => new Date(`${date}T12:00:00Z`)
const fromDay = (day: Date) => day.toISOString().slice(0, 10)

export function isBusinessDay(date: string, holidays: ReadonlySet<string> = new Set()) {
  const weekday = toDay(date).getUTCDay()
  return weekday !== FRIDAY && weekday !== SATURDAY && !holidays.has(date)
}

/** The date `days` business days after `date` (the day itself not counted). */
export function addBusinessDays(date: string, days: number, holidays: ReadonlySet<string> = new Set()) {
  let day = toDay(date)
  let left = days
  while (left > 0) {
    day = new Date(day.getTime() + DAY_MS)
    if (isBusinessDay(fromDay(day), holidays)) left--
  }
  return fromDay(day)
}

/**
 * `estimatedDelivery` of an order: the earliest day of its delivery range,
 * counted in business days from the order's date in Asia/Amman.
 */
export function estimatedDelivery(
  orderedAt: Date | string | number,
  minDays: number,
  holidays: Iterable<string> = []
) {
  return addBusinessDays(dateInAmman(orderedAt), minDays, new Set(holidays))
}
