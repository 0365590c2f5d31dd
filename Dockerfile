# Schakel in three stages: front-end packages from npm, the Go build, and a
# small runtime image that holds only the binary.

FROM node:20-bookworm AS assets
WORKDIR /src
COPY Makefile package.json package-lock.json ./
COPY static ./static
RUN make assets

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
COPY --from=assets /src/static/vendor ./static/vendor
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/schakel ./cmd/schakel

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /data schakel \
 && mkdir -p /data && chown schakel /data
COPY --from=build /out/schakel /usr/local/bin/schakel
USER schakel
ENV SCHAKEL_ADDR=:8080 SCHAKEL_DATA_DIR=/data
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=3 CMD ["schakel", "health", "--url", "http://127.0.0.1:8080/readyz"]
ENTRYPOINT ["schakel"]
CMD ["serve"]
