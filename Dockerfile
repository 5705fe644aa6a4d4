# syntax=docker/dockerfile:1
# Builds the bridge from source and runs it from Spring Boot's extracted layers:
#   docker build -t kube-event-bridge:0.1.0-SNAPSHOT .

# The build uses the project's Java version; the runtime a newer LTS JRE, which runs Java 17 bytecode.
ARG BUILD_IMAGE=eclipse-temurin:17-jdk-noble
ARG RUNTIME_IMAGE=eclipse-temurin:21-jre-noble

FROM ${BUILD_IMAGE} AS build
WORKDIR /build

# Maven, plugins and dependencies in their own layer, reused until the pom or the wrapper changes.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN ./mvnw -B -ntp dependency:go-offline

COPY application.yaml ./
COPY src/ src/
RUN ./mvnw -B -ntp -DskipTests package \
    && cp target/kube-event-bridge-*.jar app.jar

# dependencies/, spring-boot-loader/, snapshot-dependencies/ and application/, each an exploded part of the jar.
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted


FROM ${RUNTIME_IMAGE}

RUN groupadd --gid 10001 bridge \
    && useradd --uid 10001 --gid bridge --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin bridge

WORKDIR /app
# Least to most frequently changing, so a code change rebuilds only the last layer.
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./

# Numeric, so Kubernetes can verify runAsNonRoot without a runAsUser.
USER 10001:10001
EXPOSE 8080
# The heap follows the container's memory limit; add JVM options through JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "org.springframework.boot.loader.launch.JarLauncher"]
