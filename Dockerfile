# paybridge container image: build with Maven, run on a slim JRE as a non-root user.
#   docker build -t paybridge .
#   docker run -p 8080:8080 -e PAYBRIDGE_KAFKA_BROKERS=kafka:9092 -e BLUEPAY_API_SECRET=... paybridge

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src src
COPY routes routes
COPY docs/schemas docs/schemas
COPY application.properties .
RUN mvn -B -ntp -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN groupadd --system paybridge && useradd --system --gid paybridge --home-dir /app paybridge
WORKDIR /app
# Dependencies first: they change less often than the application jar, so the layer is reused.
COPY --from=build /src/target/lib/ lib/
COPY --from=build /src/target/paybridge.jar paybridge.jar
RUN mkdir -p /app/data && chown -R paybridge:paybridge /app
USER paybridge
EXPOSE 8080
# Configuration comes from environment variables (PAYBRIDGE_*, provider secrets) or a mounted
# application.properties (add -Dcamel.main.properties-location or mount over the classpath copy).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/paybridge.jar"]
