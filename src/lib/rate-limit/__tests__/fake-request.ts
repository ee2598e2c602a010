/** The parts of a request the limiter reads. */
export const fakeRequest = (opts: {
  path: string
  method?: string
  ip?: string
  forwardedFor?: string
  authorization?: string
  body?: unknown
}) =>
  ({
    method: opts.method ?? "GET",
    path: opts.path,
    headers: {
      ...(opts.forwardedFor ? { "x-forwarded-for": opts.forwardedFor } : {}),
      ...(opts.authorization ? { authorization: opts.authorization } : {}),
    },
    socket: { remoteAddress: opts.ip ?? "127.0.0.1" },
    body: opts.body,
  }) as any
