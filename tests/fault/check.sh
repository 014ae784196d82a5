#!/bin/sh
# check.sh - the allocation-failure tests under `make check`: every 9th N
# only, to stay fast; CI (.ci/run) runs every N (tests/fault/run.sh).
FAULT_STRIDE=${FAULT_STRIDE:-9}
export FAULT_STRIDE
exec sh "$(dirname "$0")/run.sh"
