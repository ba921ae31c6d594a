#!/usr/bin/env bash
# Validates deploy/ with every validator installed here and says which it
# skips (and what to install). Exit status 1 if any check fails.
#   promtool          Prometheus config, alert rules, rule unit tests, dashboard PromQL
#   systemd-analyze   the units (offline: `verify`, the binary stubbed)
#   supervisor        the supervisord configs, parsed as supervisord would
#   docker compose / docker-compose   compose.yaml (`config`, no engine needed)
#   python3 or jq     JSON files
set -uo pipefail
cd "$(dirname "$0")"

failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { echo "ok    $1"; }
skip() { echo "skip  $1: $2"; }
bad() {
	echo "FAIL  $1"
	failed=1
}
# run NAME CMD...: runs CMD, shows its output only when it fails.
run() {
	local name=$1 out
	shift
	if out=$("$@" 2>&1); then ok "$name"; else
		bad "$name"
		printf '%s\n' "$out" | sed 's/^/      /'
	fi
}

# A python3 that can import the given module (pyenv shims often lack
# Debian's python3-* packages, /usr/bin/python3 has them).
python_with() {
	local py
	for py in python3 /usr/bin/python3; do
		if command -v "$py" >/dev/null 2>&1 && "$py" -c "import $1" 2>/dev/null; then
			echo "$py"
			return 0
		fi
	done
	return 1
}

# --- Prometheus -------------------------------------------------------------
if command -v promtool >/dev/null 2>&1; then
	# check config also loads rule_files and the file_sd target files.
	run "promtool check config prometheus/prometheus.yml" promtool check config prometheus/prometheus.yml
	run "promtool check rules prometheus/rules/*.yml" promtool check rules prometheus/rules/*.yml
	run "promtool test rules prometheus/tests/*.yml" promtool test rules prometheus/tests/*.yml
	# Every alert in the rules has a unit test.
	missing=""
	for a in $(sed -n 's/^ *- alert: *//p' prometheus/rules/*.yml); do
		grep -q "alertname: $a\$" prometheus/tests/*.yml || missing="$missing $a"
	done
	if [ -z "$missing" ]; then ok "every alert has a rule test"; else bad "alerts without a rule test:$missing"; fi
	# The dashboard's queries, with Grafana's variables filled in, as
	# recording rules: promtool parses each one.
	if py=$(python_with json); then
		"$py" - grafana/dashboards/actord.json >"$tmp/dashboard-rules.yml" <<-'EOF'
			import json, sys
			d = json.load(open(sys.argv[1]))
			print("groups:\n  - name: dashboard\n    rules:")
			n = 0
			def walk(panels):
			    global n
			    for p in panels:
			        walk(p.get("panels", []))
			        for t in p.get("targets", []):
			            e = (t["expr"].replace("$__rate_interval", "5m").replace("$__range", "1h")
			                 .replace("$instance", ".*"))
			            n += 1
			            print("      - record: dashboard:q%d" % n)
			            print("        expr: %s" % json.dumps(e))
			walk(d["panels"])
		EOF
		run "promtool parses the dashboard's queries" promtool check rules "$tmp/dashboard-rules.yml"
	else
		skip "dashboard queries" "no python3"
	fi
else
	skip "Prometheus config, rules, rule tests" "promtool not installed (apt-get install prometheus)"
fi

# --- systemd ----------------------------------------------------------------
if command -v systemd-analyze >/dev/null 2>&1; then
	# verify insists that ExecStart exists: point the units at a stub.
	printf '#!/bin/sh\nexit 0\n' >"$tmp/actord"
	chmod +x "$tmp/actord"
	mkdir "$tmp/units"
	for f in systemd/*.service; do
		sed "s|/usr/local/bin/actord|$tmp/actord|g" "$f" >"$tmp/units/$(basename "$f")"
	done
	# The template is checked through an instance. verify reports bad
	# directives as warnings with exit 0, so any output fails too.
	if out=$(cd "$tmp/units" && systemd-analyze verify --man=false \
		./actord.service ./actord-router.service ./actord-su@1.service 2>&1) && [ -z "$out" ]; then
		ok "systemd-analyze verify systemd/*.service"
	else
		bad "systemd-analyze verify systemd/*.service"
		printf '%s\n' "$out" | sed "s|$tmp/units/||; s/^/      /"
	fi
else
	skip "systemd units" "systemd-analyze not installed (apt-get install systemd)"
fi

# --- supervisord ------------------------------------------------------------
if py=$(python_with supervisor.options); then
	# Parse each file as supervisord would, through a minimal main config;
	# the user and log directory it names need not exist here.
	mkdir -p "$tmp/sv/log"
	for f in supervisord/*.conf; do
		sed -e "s/^user=actord\$/user=$(id -un)/" -e "s|/var/log/actord/|$tmp/sv/log/|" \
			"$f" >"$tmp/sv/$(basename "$f")"
		printf '[supervisord]\nlogfile=%s/sv/supervisord.log\npidfile=%s/sv/supervisord.pid\n[include]\nfiles=%s\n' \
			"$tmp" "$tmp" "$tmp/sv/$(basename "$f")" >"$tmp/sv/main-$(basename "$f")"
		run "supervisord parses $f" "$py" -c '
import sys
from supervisor.options import ServerOptions
o = ServerOptions()
o.realize(args=["-c", sys.argv[1]])
if not any(g.process_configs for g in o.process_group_configs):
    sys.exit("no programs")
' "$tmp/sv/main-$(basename "$f")"
	done
else
	skip "supervisord configs" "the supervisor Python package is not installed (apt-get install supervisor)"
fi

# --- compose ----------------------------------------------------------------
if docker compose version >/dev/null 2>&1; then
	run "docker compose config compose.yaml" docker compose -f compose.yaml config -q
elif command -v docker-compose >/dev/null 2>&1; then
	run "docker-compose config compose.yaml" docker-compose -f compose.yaml config -q
else
	skip "compose.yaml" "neither docker compose nor docker-compose is installed (apt-get install docker-compose)"
fi

# --- Dockerfile -------------------------------------------------------------
# No linter installs offline; check what matters: the image does not run as root.
user=$(awk 'toupper($1) == "FROM" { u = "" } toupper($1) == "USER" { u = $2 } END { print u }' Dockerfile)
case "$user" in
"" | root | 0 | 0:*) bad "Dockerfile: the final stage must set a non-root USER (has '${user:-none}')" ;;
*) ok "Dockerfile runs as USER $user" ;;
esac
if command -v hadolint >/dev/null 2>&1; then
	run "hadolint Dockerfile" hadolint --failure-threshold error Dockerfile
fi

# --- JSON and YAML ----------------------------------------------------------
json=(grafana/dashboards/*.json compose/schedulers.json systemd/schedulers.json)
if py=$(python_with json); then
	for f in "${json[@]}"; do run "JSON $f" "$py" -m json.tool "$f"; done
elif command -v jq >/dev/null 2>&1; then
	for f in "${json[@]}"; do run "JSON $f" jq empty "$f"; done
else
	skip "JSON files" "neither python3 nor jq is installed"
fi
if py=$(python_with yaml); then
	for f in grafana/provisioning/*/*.yml; do
		run "YAML $f" "$py" -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1]))' "$f"
	done
else
	skip "Grafana provisioning YAML" "no python3 with PyYAML (apt-get install python3-yaml)"
fi

if ((failed)); then
	echo "deploy/check.sh: some checks failed"
	exit 1
fi
echo "deploy/check.sh: all available checks passed"
