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
ENV NODE_ENV=production MEDUSA_DISABLE_TELEMETRY=true PORT=9000
COPY --from=build /app/.medusa/server ./
RUN npm ci --omit=dev --no-audit --no-fund
EXPOSE 9000
CMD ["npx", "medusa", "start"]
