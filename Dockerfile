# followup-gateway in a container. docs/deploy.md explains it (volumes, environment, replicas).
#   docker build -t followup-gateway .
#   docker run -p 3000:3000 -v followup-data:/data -e PUBLIC_BASE_URL=https://gateway.example.com followup-gateway

# Build: every dependency (the build tools are dev dependencies), the gateway and its dashboard,
# then only the production dependencies are kept for the runtime image.
FROM node:20-bookworm-slim AS build
# better-sqlite3 and sqlite3 are native modules: without a prebuilt binary for the platform they
# compile at install time, which needs python3, make and a C++ compiler.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /src
ENV CI=true NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npx nx run gateway:build --output-style=static \
  && npm prune --omit=dev

# Run: the bundle (dist/apps/gateway, with the dashboard beside it in dist/apps/dashboard) and the
# production node_modules, as the unprivileged user of the node image. Same base as the build
# stage, so the native modules compiled there load here.
FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY --from=build /src/package.json ./
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/dist/apps ./dist/apps
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Ready: the store answers and every migration is applied. No curl in the slim image: Node's fetch.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (docker stop) stops claiming follow-ups, lets sends in flight finish and exits within 10 s.
STOPSIGNAL SIGTERM
CMD ["node", "dist/apps/gateway/main.js"]
