# The whole integration and security suites once through the container path (testcontainers), on a
# Postgres image built locally from the host's PostgreSQL 15 (no image registry is reachable from CI).
# The PgBouncer tests are left out here: they run in 40-pgbouncer against the local cluster. Their
# harness gives PgBouncer an auth file with empty passwords and logs in as a role without one, which
# the local cluster trusts on loopback; the container asks for scram-sha-256 passwords, so every
# server login failed (each case ~107 s in a trial run).
# Uses a Docker engine that already answers on the default socket; else installs docker.io if
# needed and starts a private dockerd (own socket, data and exec roots), stopped at the end. Other
# test runs on the machine never see that socket, and the harness only uses containers when
# STOCKSYNC_TEST_BACKEND=container asks for them.
container_image=postgres:15-alpine # DEFAULT_POSTGRES_IMAGE in src/testing/container.ts
ci_docker_run=/run/stocksync-ci-docker
ci_docker_host="unix://$ci_docker_run/docker.sock"
containers_ready=yes
if docker info >/dev/null 2>&1; then
  echo "A Docker engine answers on the default socket: using it."
  ci_docker_host="${DOCKER_HOST:-unix:///var/run/docker.sock}"
  ci_docker_shared=yes
else
  ci_docker_shared=no
  if ! command -v dockerd >/dev/null 2>&1; then
    log "installing docker.io"
    # No service start during the install (policy-rc.d 101): the engine CI starts is private.
    policy_added=no
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null && $SUDO chmod 755 /usr/sbin/policy-rc.d && policy_added=yes
    fi
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq docker.io >/dev/null
    [ "$policy_added" = yes ] && $SUDO rm -f /usr/sbin/policy-rc.d
  fi
  if ! command -v dockerd >/dev/null 2>&1; then
    fail "install docker.io"; containers_ready=no
  else
    log "starting a private dockerd ($ci_docker_host)"
    $SUDO mkdir -p "$ci_docker_run" /var/lib/stocksync-ci/docker
    $SUDO dockerd --host "$ci_docker_host" --data-root /var/lib/stocksync-ci/docker \
      --exec-root "$ci_docker_run/exec" --pidfile "$ci_docker_run/dockerd.pid" --storage-driver overlay2 \
      >"$results_dir/dockerd.log" 2>&1 &
    on_exit 'stop_ci_dockerd'
    stop_ci_dockerd() {
      local pid
      pid="$(cat "$ci_docker_run/dockerd.pid" 2>/dev/null)" || return 0
      echo "stopping the private dockerd ($pid)"
      DOCKER_HOST="$ci_docker_host" docker ps -aq 2>/dev/null | xargs -r env DOCKER_HOST="$ci_docker_host" docker rm -f >/dev/null 2>&1
      $SUDO kill "$pid" 2>/dev/null
      for _ in $(seq 1 60); do $SUDO kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
      $SUDO kill -9 "$pid" 2>/dev/null
    }
    for _ in $(seq 1 60); do DOCKER_HOST="$ci_docker_host" docker info >/dev/null 2>&1 && break; sleep 1; done
    if ! DOCKER_HOST="$ci_docker_host" docker info >/dev/null 2>&1; then
      tail -20 "$results_dir/dockerd.log"; fail "start dockerd"; containers_ready=no
    fi
  fi
fi
if [ "$containers_ready" = yes ]; then
  if [ "$ci_docker_shared" = yes ] && DOCKER_HOST="$ci_docker_host" docker image inspect "$container_image" >/dev/null 2>&1; then
    echo "$container_image exists on the shared engine: not rebuilt."
  else
    check "build the Postgres image $container_image from the host's PostgreSQL 15" \
      env DOCKER_HOST="$ci_docker_host" bash .ci/postgres-image/build.sh "$container_image" 15 || true
  fi
  DOCKER_HOST="$ci_docker_host" TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=localhost \
    STOCKSYNC_TEST_BACKEND=container run_vitest "integration and security through a container ($container_image)" "" --project integration --project security --exclude 'test/integration/pooler/**'
fi
