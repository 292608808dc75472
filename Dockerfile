# One image for the API, the worker and the migrator; docker-compose.yml picks the command.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# The API's port, and the worker's health and metrics port (WORKER_HEALTH_PORT); compose probes /health/ready on both.
EXPOSE 3000 9464
# The tree heads' folder, owned by the services' user, so a fresh named volume mounted there is theirs too.
RUN mkdir -p /var/lib/safeguarding/tree-heads && chown -R node:node /var/lib/safeguarding
USER node
CMD ["node", "--max-old-space-size=512", "--max-semi-space-size=4", "dist/apps/api/src/main.js"]
