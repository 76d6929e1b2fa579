#!/bin/bash
# Interleaved before/after timing of two commands: N pairs, run alternately so both see the same
# machine; prints the median of each and their ratio. Used for the before/after table in RESULTS.md.
# usage: ab.sh N label cmdA -- cmdB ; interleaved runs, prints medians
N=$1; shift; label=$1; shift
A=(); B=(); side=A
for x in "$@"; do if [ "$x" = "--" ]; then side=B; continue; fi; if [ $side = A ]; then A+=("$x"); else B+=("$x"); fi; done
ta=(); tb=()
"${A[@]}" >/dev/null 2>&1; "${B[@]}" >/dev/null 2>&1
for i in $(seq $N); do
  s=$(date +%s.%N); "${A[@]}" >/dev/null 2>&1; e=$(date +%s.%N); ta+=($(echo "$e - $s" | bc))
  s=$(date +%s.%N); "${B[@]}" >/dev/null 2>&1; e=$(date +%s.%N); tb+=($(echo "$e - $s" | bc))
done
ma=$(printf "%s\n" "${ta[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
mb=$(printf "%s\n" "${tb[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
echo "$label: before $ma s, after $mb s, ratio $(echo "scale=2; $ma / $mb" | bc)"
