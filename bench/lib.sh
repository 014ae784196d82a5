# lib.sh - what the bench/ scripts share (sourced after they set top and
# coalmap).

# landscape N: generates (seed 1, 3N ties) once into bench/out/; prints its
# folder
landscape() {
	d=$top/bench/out/load-$1-$((3 * $1))
	mkdir -p "$d"
	[ -s "$d/relationships.csv" ] || "$coalmap" generate --orgs "$1" --ties $((3 * $1)) --seed 1 -o "$d" >/dev/null
	echo "$d"
}
