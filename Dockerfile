# syntax=docker/dockerfile:1
# Builds the bridge from source and runs it from Spring Boot's extracted layers:
#   docker build -t kube-event-bridge:0.1.0-SNAPSHOT .

# The build uses the project's Java version; the runtime the current LTS JRE (25), which runs Java 17 bytecode and is
# supported by Spring Boot 4.0. Pin both by digest in your registry for reproducible builds.
ARG BUILD_IMAGE=eclipse-temurin:17-jdk-noble
# Keep a glibc base (Ubuntu, Debian, UBI), not musl (Alpine): zstd-jni's native library in the jar, which compresses
# the informer cache, is built for glibc (x86_64 and aarch64 among others). Without it the cache stays uncompressed.
ARG RUNTIME_IMAGE=eclipse-temurin:25-jre-noble

FROM ${BUILD_IMAGE} AS build
WORKDIR /build

# The wrapper (distributionType only-script) fetches Maven itself; the cache mount keeps Maven and the dependencies
# between builds without putting them into any layer.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY application.yaml ./
COPY src/ src/
# Tests and the formatter check run in CI (./mvnw verify), not in the image build.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -DskipTests -Dspotless.check.skip=true package \
    && cp target/kube-event-bridge-*.jar app.jar

# dependencies/, spring-boot-loader/, snapshot-dependencies/ and application/, each an exploded part of the jar.
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted


# A JRE only: no JDK, no Maven, no sources in the final image.
FROM ${RUNTIME_IMAGE}

LABEL org.opencontainers.image.title="kube-event-bridge" \
      org.opencontainers.image.description="Kubernetes resources to CloudEvents on Kafka, with a read-only cache API"

RUN groupadd --gid 10001 bridge \
    && useradd --uid 10001 --gid bridge --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin bridge

WORKDIR /app
# Least to most frequently changing, so a code change rebuilds only the last layer. Owned by root, read-only to the
# bridge's user.
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./

# Numeric, so Kubernetes can verify runAsNonRoot without a runAsUser.
USER 10001:10001
# 8080: the query API; the Helm chart moves the actuator to 8081 (management.server.port).
EXPOSE 8080 8081
# The heap follows the container's memory limit (the JVM reads the cgroup limit); leave a quarter for metaspace,
# threads, direct buffers (Kafka, Netty) and the code cache. An OutOfMemoryError ends the process, so Kubernetes
# restarts it rather than leaving a half-working bridge. Add JVM options through JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp", \
            "org.springframework.boot.loader.launch.JarLauncher"]
