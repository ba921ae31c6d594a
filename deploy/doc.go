// Package deploy holds actord's deployment files: systemd units,
// supervisord configs, the Dockerfile, the compose cluster, Prometheus
// configuration, alert rules with their unit tests, and the Grafana
// dashboard. It has no Go code; its test runs check.sh, which validates
// those files with every validator installed (promtool, systemd-analyze,
// supervisord's parser, docker compose, JSON and YAML parsers), so
// `make test` catches a broken deploy file.
package deploy
