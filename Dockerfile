# paybridge container image: build with Maven, run on a slim JRE as a non-root user.
#   docker build -t paybridge .
#   docker run -p 8080:8080 -p 9876:9876 -e PAYBRIDGE_KAFKA_BROKERS=kafka:9092 -e BLUEPAY_API_SECRET=... paybridge
#
# Configuration, in increasing precedence: the application.properties in the jar; files mounted
# under /etc/paybridge (application.properties from a ConfigMap, secrets/credentials.properties
# from a Secret; PAYBRIDGE_CONFIG_DIR moves that folder); environment variables (PAYBRIDGE_*,
# provider secrets such as BLUEPAY_API_SECRET). Nothing is baked into the image.
#
# Startup: the image carries an AppCDS archive (/app/paybridge.jsa) made while the image is built,
# by one training run of the bundle (src/main/docker/cds-archive.sh, which needs neither Kafka nor
# PostgreSQL). The JVM maps the classes from it instead of loading and verifying each one: about
# 40 % less CPU and a third less time until ready (docs/performance.md). -Xshare:auto: were the archive unusable
# (another JVM, a changed jar), the JVM starts without it, only slower.
#
# Health: the JRE image has no curl or wget, so there is no Docker HEALTHCHECK instruction; the
# orchestrator probes the management port instead (Kubernetes httpGet on
# :9876/observe/health/live and /observe/health/ready, see deploy/). Metrics: :9876/observe/metrics.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src src
COPY routes routes
COPY docs/schemas docs/schemas
COPY docs/openapi.yaml docs/openapi.yaml
COPY application.properties .
RUN mvn -B -ntp -q package -DskipTests

FROM eclipse-temurin:17-jre
# A fixed numeric uid/gid, so Kubernetes can verify runAsNonRoot without a runAsUser.
RUN groupadd --system --gid 10001 paybridge \
 && useradd --system --uid 10001 --gid paybridge --home-dir /app --shell /usr/sbin/nologin paybridge
WORKDIR /app
# Dependencies first: they change less often than the application jar, so the layer is reused.
COPY --from=build /src/target/lib/ lib/
COPY --from=build /src/target/paybridge.jar paybridge.jar
# /app/data holds the H2 ledger of local runs only (production uses PostgreSQL); /tmp is where
# Vert.x and file uploads write. Both can be emptyDir volumes under a read-only root filesystem.
RUN mkdir -p /app/data /etc/paybridge/secrets && chown -R 10001:10001 /app/data
# 8080: REST intake, callbacks, admin, /openapi.yaml. 9876: health and Prometheus metrics.
EXPOSE 8080 9876
# Container-aware heap; add your own flags with JAVA_TOOL_OPTIONS (the JVM reads it itself) or
# JAVA_OPTS, which is appended here so the defaults need not be repeated.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    PAYBRIDGE_CONFIG_DIR=/etc/paybridge
# The archive is made here, in the final stage, with the JVM and the jar paths it will run with:
# an archive only serves the exact JVM build and class path it was dumped from.
COPY --from=build /src/src/main/docker/cds-archive.sh /tmp/cds-archive.sh
RUN bash /tmp/cds-archive.sh /app/paybridge.jar /app/paybridge.jsa \
 && chmod 0444 /app/paybridge.jsa && rm /tmp/cds-archive.sh
USER 10001:10001
ENTRYPOINT ["sh", "-c", "exec java -XX:SharedArchiveFile=/app/paybridge.jsa -Xshare:auto $JAVA_OPTS -jar /app/paybridge.jar \"$@\"", "paybridge"]
