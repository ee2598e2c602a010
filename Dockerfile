# Production image: `medusa build` output, run by `medusa start`.
# The same image serves the HTTP server (MEDUSA_WORKER_MODE=server), the
# worker (MEDUSA_WORKER_MODE=worker) and the one-shot migration job.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV MEDUSA_DISABLE_TELEMETRY=true
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx medusa build

FROM node:20-bookworm-slim
WORKDIR /app
# V8's default heap lets garbage pile up to 1.3 GB RSS under a catalogue crawl;
# capped, a server stays near 500-650 MB (docs/benchmarks.md).
ENV NODE_ENV=production MEDUSA_DISABLE_TELEMETRY=true PORT=9000 NODE_OPTIONS=--max-old-space-size=512
COPY --from=build /app/.medusa/server ./
RUN npm ci --omit=dev --no-audit --no-fund
EXPOSE 9000
CMD ["npx", "medusa", "start"]
