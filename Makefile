# LifeOS: `make run` brings up the whole system, `make test` runs every test.
# Needs only a JDK (17+) and Maven (3.8+); everything else is fetched from Maven Central.

MVN ?= mvn
MVN_FLAGS ?= -B
JAVA ?= java
LIFEOS_HOME ?= $(CURDIR)/.lifeos
DEVSTACK_JAR := devstack/target/devstack-0.1.0-SNAPSHOT-launcher.jar
# Launcher settings, e.g. DEVSTACK_FLAGS=-Dlifeos.devstack.full-jit=true (devstack's DevStack lists them).
DEVSTACK_FLAGS ?=
DEVSTACK := $(JAVA) -Dlifeos.repo.root=$(CURDIR) -Dlifeos.home=$(LIFEOS_HOME) $(DEVSTACK_FLAGS) -jar $(DEVSTACK_JAR)

.DEFAULT_GOAL := help
.PHONY: help build run infra stop test bench clean k8s-validate images

# `make run` rebuilds only when a source, resource or pom changed since the last build.
BUILD_STAMP := target/.build-stamp
SOURCES := $(shell find . -path ./.lifeos -prune -o -path '*/target' -prune -o -path ./.git -prune -o \
	\( -name pom.xml -o -path '*/src/main/*' -o -path './devstack/keycloak/*' \) -type f -print)

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z0-9-]+:.*## / {printf "  make %-8s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

build: ## Build every module (no tests): services' fast-jars and the devstack launcher
	$(MVN) $(MVN_FLAGS) install -DskipTests
	@mkdir -p target && touch $(BUILD_STAMP)

$(BUILD_STAMP): $(SOURCES)
	$(MVN) $(MVN_FLAGS) install -DskipTests
	@mkdir -p target && touch $(BUILD_STAMP)

run: $(BUILD_STAMP) ## Start PostgreSQL, Kafka, Keycloak and all six services; Ctrl-C stops everything
	$(DEVSTACK) run

infra: $(BUILD_STAMP) ## Start only PostgreSQL, Kafka and Keycloak (run services yourself, e.g. quarkus:dev)
	$(DEVSTACK) infra

stop: ## Stop a stack started from another terminal (and anything a crashed run left)
	@if [ -f $(DEVSTACK_JAR) ]; then $(DEVSTACK) stop; else echo "LifeOS is not built, so nothing of it runs."; fi

test: ## Run every test (real PostgreSQL, Kafka and Keycloak, started by the tests themselves)
	$(MVN) $(MVN_FLAGS) verify

bench: $(BUILD_STAMP) ## Measure (own stack on free ports, Gatling): pairs in one run, table in target/bench/summary.md
	$(JAVA) --add-opens=java.base/java.lang=ALL-UNNAMED -cp "bench/target/classes:$$(cat bench/target/classpath.txt)" \
		-Dlifeos.repo.root=$(CURDIR) $(BENCH_FLAGS) org.lifeos.bench.Bench

clean: stop ## Remove .lifeos/ (databases, broker data, Keycloak) and all build output
	rm -rf $(LIFEOS_HOME)
	$(MVN) $(MVN_FLAGS) -q clean

# Deployment: k8s/ and helm/lifeos are checked without a cluster; images need a Docker daemon.
IMAGE_REGISTRY ?= registry.example.com/lifeos
IMAGE_TAG ?= $(shell git rev-parse --short HEAD 2>/dev/null || echo dev)
IMAGE_MODULES := gateway,identity-service,planning-service,finance-service,health-service,content-service

k8s-validate: ## Check k8s/ and the Helm chart: real Helm render and lint, Kubernetes and CRD schemas, policies
	$(MVN) $(MVN_FLAGS) -pl helm verify

images: ## Build an image per service and Keycloak's (needs a Docker daemon; IMAGE_REGISTRY, IMAGE_TAG; pushing is yours)
	@docker info >/dev/null 2>&1 || { echo "make images needs a running Docker daemon and a registry to push to; none is reachable here." >&2; \
		echo "Build the fast-jars with 'make build', then run this where Docker runs (docs/operations.md, \"Images\")." >&2; exit 1; }
	$(MVN) $(MVN_FLAGS) -pl $(IMAGE_MODULES) -am package -DskipTests
	@for service in $(subst $(comma), ,$(IMAGE_MODULES)); do \
		docker build -f $$service/src/main/docker/Dockerfile.jvm -t $(IMAGE_REGISTRY)/$$service:$(IMAGE_TAG) $$service || exit 1; \
		echo "built $(IMAGE_REGISTRY)/$$service:$(IMAGE_TAG)"; \
	done
	$(MVN) $(MVN_FLAGS) -pl keycloak-extensions package -DskipTests
	docker build -f keycloak-extensions/src/main/docker/Dockerfile -t $(IMAGE_REGISTRY)/keycloak:$(IMAGE_TAG) keycloak-extensions
	@echo "built $(IMAGE_REGISTRY)/keycloak:$(IMAGE_TAG) (Keycloak with the LifeOS providers)"

comma := ,
