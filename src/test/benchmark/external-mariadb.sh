#!/usr/bin/env bash
# The KPI benchmark against a MariaDB server of this machine (Debian's mariadb-server) instead of the
# embedded one:
#
#   src/test/benchmark/external-mariadb.sh [LEADS] [MAVEN OPTIONS...]
#   src/test/benchmark/external-mariadb.sh 20000 -o      # a small data set, Maven offline
#
# It keeps a private server (data directory, socket, pid file, log, the kpi account's password in
# kpi.password, 600) in $KPI_BENCHMARK_MARIADB_DIR, by default ~/.cache/kpi-pipeline/benchmark-mariadb:
# about 8 GB for the default data set, outside target/ so that a build neither carries nor deletes it.
# It starts the server on 127.0.0.1 with a free port, a 2 GB
# buffer pool and local_infile=ON, creates the database kpi and the account kpi, runs
# ./mvnw -Pkpi-benchmark against it and stops the server when it ends, also on failure or Ctrl-C.
# The data stays in the data directory, so that the next run reuses it; delete the directory to free it.
# The password goes to the server on standard input and to the benchmark in KPI_DB_PASSWORD, never on
# a command line.
set -euo pipefail

leads=${1:-1050000}
shift || true
case $leads in
  '' | *[!0-9]*) echo "Usage: $0 [LEADS] [MAVEN OPTIONS...] (LEADS a number, not '$leads')" >&2; exit 2 ;;
esac

root=$(cd "$(dirname "$0")/../../.." && pwd)
base=${KPI_BENCHMARK_MARIADB_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/kpi-pipeline/benchmark-mariadb}
data=$base/data
run=$base/run
socket=$run/mariadbd.sock
mariadbd=/usr/sbin/mariadbd
for tool in "$mariadbd" mariadb-install-db mariadb mariadb-admin; do
  if ! command -v "$tool" > /dev/null; then
    echo "$tool not found: install the server first (apt-get install mariadb-server)" >&2
    exit 1
  fi
done

umask 077
mkdir -p "$data" "$run" "$base/tmp" "$base/files" "$base/home"
chmod 700 "$base" "$data" "$run" "$base/tmp" "$base/files"
user=$(id -un)
as_user=()
if [ "$user" = root ]; then
  as_user=(--user=root)
fi

if [ ! -d "$data/mysql" ]; then
  echo "Creating the server's data directory $data"
  # root@localhost and the calling user's account authenticate by the socket's peer (unix_socket)
  mariadb-install-db --no-defaults --datadir="$data" --user="$user" --skip-test-db \
    --auth-root-authentication-method=socket > "$base/install.log" 2>&1 \
    || { echo "mariadb-install-db failed, see $base/install.log" >&2; exit 1; }
fi

if [ -e "$run/mariadbd.pid" ] && kill -0 "$(cat "$run/mariadbd.pid")" 2> /dev/null; then
  echo "A server already runs on $data (pid $(cat "$run/mariadbd.pid")); stop it first" >&2
  exit 1
fi

# A free port: one nobody answers on. The server refuses to start if another process takes it meanwhile.
port=
for candidate in $(shuf -i 20000-60000 -n 50); do
  if ! (exec 3<> "/dev/tcp/127.0.0.1/$candidate") 2> /dev/null; then
    port=$candidate
    break
  fi
done
if [ -z "$port" ]; then
  echo "No free port found on 127.0.0.1" >&2
  exit 1
fi

"$mariadbd" --no-defaults "${as_user[@]}" --datadir="$data" --tmpdir="$base/tmp" \
  --socket="$socket" --pid-file="$run/mariadbd.pid" --log-error="$base/mariadbd.err" \
  --bind-address=127.0.0.1 --port="$port" --skip-name-resolve --skip-ssl \
  --character-set-server=utf8mb4 --collation-server=utf8mb4_bin \
  --innodb-buffer-pool-size=2G --innodb-log-file-size=512M --innodb-flush-log-at-trx-commit=2 \
  --local-infile=ON --secure-file-priv="$base/files" &
server=$!

stop() {
  if kill -0 "$server" 2> /dev/null; then
    echo "Stopping the MariaDB server (pid $server)"
    mariadb-admin --no-defaults --socket="$socket" -u "$user" shutdown 2> /dev/null || kill "$server" 2> /dev/null || true
    wait "$server" 2> /dev/null || true
  fi
}
trap stop EXIT
trap 'exit 130' INT TERM

for _ in $(seq 1 60); do
  if mariadb-admin --no-defaults --socket="$socket" -u "$user" ping > /dev/null 2>&1; then
    break
  fi
  if ! kill -0 "$server" 2> /dev/null; then
    echo "The MariaDB server did not start, see $base/mariadbd.err" >&2
    exit 1
  fi
  sleep 1
done
mariadb-admin --no-defaults --socket="$socket" -u "$user" ping > /dev/null \
  || { echo "The MariaDB server does not answer, see $base/mariadbd.err" >&2; exit 1; }
echo "MariaDB $("$mariadbd" --version | awk '{print $3}') runs on 127.0.0.1:$port, data in $data"

password_file=$base/kpi.password
if [ ! -s "$password_file" ]; then
  head -c 24 /dev/urandom | base64 | tr -d '/+=\n' > "$password_file"
fi
chmod 600 "$password_file"
# The password is alphanumeric, so it needs no quoting in SQL; it reaches the client on standard input.
mariadb --no-defaults --socket="$socket" -u "$user" <<SQL
CREATE DATABASE IF NOT EXISTS kpi CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS 'kpi'@'127.0.0.1';
ALTER USER 'kpi'@'127.0.0.1' IDENTIFIED BY '$(cat "$password_file")';
GRANT ALL PRIVILEGES ON kpi.* TO 'kpi'@'127.0.0.1';
SQL

KPI_DB_PASSWORD=$(cat "$password_file")
export KPI_DB_PASSWORD
export SPRING_DATASOURCE_URL="jdbc:mysql://127.0.0.1:$port/kpi?sslMode=DISABLED&allowLoadLocalInfile=true"
export SPRING_DATASOURCE_USERNAME=kpi
cd "$root"
./mvnw -B -Pkpi-benchmark -DskipTests "-Dkpi-benchmark.leads=$leads" "-Dkpi-benchmark.home=$base/home" "$@" verify
