#!/bin/sh
# rss.sh measures the peak memory (max RSS, /usr/bin/time -v) of the four
# example commands on large and hostile inputs: 10,000 and 100,000
# certificates, 1 GiB of zeros on standard input, /dev/zero named as a
# file, and endless lines (yes) against a -max-input limit. It builds the
# binaries without -race and prints one line per run. Run it from the
# repository root: sh examples/rss.sh
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for c in certinfo renewcheck p12check contractcheck; do
	go build -o "$dir/$c" "./examples/$c"
done
(cd examples/certinfo && go test -count=1 -run TestWriteBundle -write-bundle "$dir/10k.pem" -bundle-size 10000 . >/dev/null &&
	go test -count=1 -run TestWriteBundle -write-bundle "$dir/100k.pem" -bundle-size 100000 . >/dev/null)
pw="$PWD/examples/testdata/password.txt"
ca="$PWD/examples/testdata/ca.pem" # the issuer of the generated bundles
at=2025-06-01T00:00:00Z

# measure NAME COMMAND...: one line with the max RSS, the wall time, the
# exit code and the first line of standard error.
measure() {
	label=$1
	shift
	set +e
	/usr/bin/time -v -o "$dir/time" sh -c "$*" >/dev/null 2>"$dir/err"
	rc=$?
	set -e
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/time")
	wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$dir/time")
	printf '%-48s %8s KiB %8s exit %s  %s\n' "$label" "$rss" "$wall" "$rc" "$(head -c 110 "$dir/err" | head -n 1)"
}

cd "$dir"
measure "certinfo 10k certificates" ./certinfo -at $at 10k.pem
measure "certinfo 100k certificates" ./certinfo -at $at 100k.pem
measure "certinfo -json 100k certificates" ./certinfo -json -at $at 100k.pem
measure "certinfo 100k certificates on stdin" "./certinfo -at $at - <100k.pem"
measure "certinfo -verify 10k certificates" ./certinfo -verify -roots "$ca" -at $at 10k.pem
measure "renewcheck 10k certificates" ./renewcheck -at $at 10k.pem
measure "renewcheck 100k certificates (refused)" ./renewcheck -at $at 100k.pem
for c in certinfo renewcheck contractcheck; do
	measure "$c: 1 GiB of zeros on stdin" "head -c 1G /dev/zero | ./$c -"
	measure "$c /dev/zero" ./$c /dev/zero
done
measure "p12check: 1 GiB of zeros on stdin" "head -c 1G /dev/zero | ./p12check -password-file $pw -"
measure "p12check /dev/zero" ./p12check -password-file $pw /dev/zero
measure "p12check -password-file /dev/zero" ./p12check -password-file /dev/zero
measure "certinfo: no newline in 1 GiB" "head -c 1G /dev/zero | tr '\\000' A | ./certinfo -"
measure "certinfo -max-input 64M: yes" "yes | ./certinfo -max-input 64M -"
measure "renewcheck -max-input 64M: yes" "yes | ./renewcheck -max-input 64M -"
measure "certinfo: a DER element of 8 MiB of zeros" "{ printf '\\060\\203\\177\\377\\360'; cat /dev/zero; } | ./certinfo -"
measure "contractcheck: 1 GiB of {" "head -c 1G /dev/zero | tr '\\000' '{' | ./contractcheck -"
# A PKCS#12 bundle in BER (indefinite length) is read whole, up to the block
# limit, and handed to pkce: a BER header then endless zeros stops there.
measure "p12check: a BER PKCS#12 header then zeros" "{ printf '\\060\\200\\002\\001\\003\\060'; cat /dev/zero; } | ./p12check -password-file $pw -"
measure "certinfo: a BER PKCS#12 header then zeros" "{ printf '\\060\\200\\002\\001\\003\\060'; cat /dev/zero; } | ./certinfo -password-file $pw -"
