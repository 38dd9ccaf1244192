FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Build the studio into the image so containers start without building.
RUN npx vite build
RUN mkdir -p /data && chown node:node /data
EXPOSE 3000
USER node
CMD ["npx", "tsx", "server/main.ts"]
