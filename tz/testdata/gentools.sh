#!/bin/sh
# gentools.sh regenerates tools.tsv, the timestamps that real tools print,
# which TestToolOutputs parses with tz.Parse (TV-4). Every line is printed
# by the tool named in its command column, on this machine; nothing is
# typed by hand. Tools: coreutils date (C, ja_JP.UTF-8 and en_US.UTF-8
# locales, several zones), openssl x509 (OpenSSL 3.0), GnuTLS certtool -i
# and gnutls-cli, keytool -printcert (English and Japanese), Java's Date,
# DateTimeFormatter and DateFormat (gentools/Dates.java, run with "java
# Dates.java"), Node's Date and Intl (gentools/dates.js), and curl -v
# against a local openssl s_server; and Japanese era years as glibc's
# ja_JP %Ec, Java's JapaneseChronology (gentools/Eras.java) and Intl's
# ja-JP-u-ca-japanese (gentools/eras.js) print them.
#
# Usage, from anywhere:
#
#	sh tz/testdata/gentools.sh
#
# The locales are compiled with Debian's localedef (package "locales")
# into a temporary directory used through LOCPATH, so nothing needs root;
# everything temporary is removed, and the s_server is stopped.
#
# Output columns, tab-separated, after a header of lines starting with "#":
#
#	id  want  command  text
#
# where text, the last column, may itself hold tabs (certtool indents
# with them); it is the line (or, for the two timestamps keytool and gnutls-cli
# print on one line, the part) the tool printed, and want is what tz.Parse
# must make of it: an RFC 3339 instant; "ambiguous", for a zone
# abbreviation the tz database uses for more than one offset; or
# "ambiguous us=INSTANT", when tz.Parser{USZones: true} reads it as that
# instant; or "twelve-hour" for a Japanese hour of 12 with 午前 or 午後.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
out="$here/tools.tsv"
tmp=$(mktemp -d)
server=
cleanup() {
	if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

# The instants: TV-2's last second, an instant in 2026 whose JST date has a
# one-digit month and day and whose JST hour is one digit (05:05:09), and a
# JST noon for the 12-hour clocks.
A=1355183999 # 2012-12-10T23:59:59Z = 2012-12-11 08:59:59 JST
B=1772395509 # 2026-03-01T20:05:09Z = 2026-03-02 05:05:09 JST
C=1355195109 # 2012-12-11T03:05:09Z = 2012-12-11 12:05:09 JST
S=1341100799 # 2012-06-30T23:59:59Z, British Summer Time in London
# The ends and beginnings of the eras 昭和, 平成 and 令和, in JST.
F=600188399  # 1989-01-07T14:59:59Z = 昭和64年1月7日 23:59:59 JST
G=600188400  # 1989-01-07T15:00:00Z = 平成元年1月8日 00:00:00 JST
D=1556636399 # 2019-04-30T14:59:59Z = 平成31年4月30日 23:59:59 JST
E=1556636400 # 2019-04-30T15:00:00Z = 令和元年5月1日 00:00:00 JST
rfc() { TZ=UTC date -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }

mkdir "$tmp/locale"
localedef -i ja_JP -f UTF-8 "$tmp/locale/ja_JP.UTF-8"
localedef -i en_US -f UTF-8 "$tmp/locale/en_US.UTF-8"
export LOCPATH="$tmp/locale"

rec() { # rec WANT COMMAND TEXT
	printf '%s\t%s\t%s\n' "$1" "$2" "$3" >>"$tmp/tools.tsv"
}

# coreutils date
for t in $A $B; do
	for z in Asia/Tokyo UTC; do
		for l in C ja_JP.UTF-8 en_US.UTF-8; do
			rec "$(rfc $t)" "TZ=$z LC_ALL=$l date -d @$t" "$(TZ=$z LC_ALL=$l date -d @$t)"
		done
	done
	for opt in -R --rfc-3339=seconds --rfc-3339=ns -Iseconds -u; do
		rec "$(rfc $t)" "TZ=Asia/Tokyo LC_ALL=C date $opt -d @$t" "$(TZ=Asia/Tokyo LC_ALL=C date $opt -d @$t)"
	done
	for z in America/New_York Asia/Seoul Australia/Sydney Europe/Berlin; do
		rec "$(rfc $t)" "TZ=$z LC_ALL=C date -d @$t" "$(TZ=$z LC_ALL=C date -d @$t)"
	done
	for z in America/Los_Angeles America/Chicago; do
		rec "ambiguous us=$(rfc $t)" "TZ=$z LC_ALL=C date -d @$t" "$(TZ=$z LC_ALL=C date -d @$t)"
	done
	for z in Asia/Shanghai Asia/Manila Asia/Kolkata America/Havana; do
		rec ambiguous "TZ=$z LC_ALL=C date -d @$t" "$(TZ=$z LC_ALL=C date -d @$t)"
	done
done
rec ambiguous "TZ=Europe/London LC_ALL=C date -d @$S" "$(TZ=Europe/London LC_ALL=C date -d @$S)"
rec "ambiguous us=$(rfc $S)" "TZ=America/Chicago LC_ALL=C date -d @$S" "$(TZ=America/Chicago LC_ALL=C date -d @$S)"
rec "$(rfc $C)" "TZ=Asia/Tokyo LC_ALL=en_US.UTF-8 date -d @$C" "$(TZ=Asia/Tokyo LC_ALL=en_US.UTF-8 date -d @$C)"
rec "$(rfc $C)" "TZ=Asia/Tokyo LC_ALL=ja_JP.UTF-8 date -d @$C" "$(TZ=Asia/Tokyo LC_ALL=ja_JP.UTF-8 date -d @$C)"
rec twelve-hour "TZ=Asia/Tokyo LC_ALL=ja_JP.UTF-8 date +'%x %r' -d @$C" "$(TZ=Asia/Tokyo LC_ALL=ja_JP.UTF-8 date +'%x %r' -d @$C)"

# Two certificates, made with certtool: TV-2's (server FAQ Q9), kept as
# gentools/q9.pem with its key (made for this test, protecting nothing),
# and one of 2026 ending at 23:59:59 JST.
certtool --generate-privkey --key-type=ecdsa --outfile "$tmp/key.pem" 2>/dev/null
mkcert() { # mkcert NAME NOTBEFORE NOTAFTER (certtool's "YYYY-MM-DD hh:mm:ss UTC")
	cat >"$tmp/$1.cfg" <<-EOF
		cn = "www.example.jp"
		dns_name = "www.example.jp"
		serial = 1
		activation_date = "$2"
		expiration_date = "$3"
		tls_www_server
	EOF
	certtool --generate-self-signed --load-privkey "$tmp/key.pem" --template "$tmp/$1.cfg" \
		--outfile "$tmp/$1.pem" >/dev/null 2>&1
}
mkcert q9 "2011-12-10 00:00:00 UTC" "2012-12-10 23:59:59 UTC"
mkcert y26 "2026-03-01 20:05:09 UTC" "2026-09-01 14:59:59 UTC"
# For TestToolsLive: the certificate, and its throwaway key for s_server.
cp "$tmp/q9.pem" "$here/gentools/q9.pem"
cp "$tmp/key.pem" "$here/gentools/q9.key"
nb_q9=2011-12-10T00:00:00Z na_q9=2012-12-10T23:59:59Z
nb_y26=2026-03-01T20:05:09Z na_y26=2026-09-01T14:59:59Z

for c in q9 y26; do
	eval nb=\$nb_$c na=\$na_$c
	f="$tmp/$c.pem"
	openssl x509 -in "$f" -noout -startdate -enddate >"$tmp/o"
	rec "$nb" "openssl x509 -noout -startdate -enddate" "$(sed -n 1p "$tmp/o")"
	rec "$na" "openssl x509 -noout -startdate -enddate" "$(sed -n 2p "$tmp/o")"
	openssl x509 -in "$f" -noout -startdate -enddate -dateopt iso_8601 >"$tmp/o"
	rec "$nb" "openssl x509 -noout -startdate -enddate -dateopt iso_8601" "$(sed -n 1p "$tmp/o")"
	rec "$na" "openssl x509 -noout -startdate -enddate -dateopt iso_8601" "$(sed -n 2p "$tmp/o")"
	openssl x509 -in "$f" -noout -text >"$tmp/o"
	rec "$nb" "openssl x509 -noout -text" "$(grep 'Not Before' "$tmp/o")"
	rec "$na" "openssl x509 -noout -text" "$(grep 'Not After' "$tmp/o")"
	certtool -i <"$f" >"$tmp/o"
	rec "$nb" "certtool -i" "$(grep 'Not Before' "$tmp/o")"
	rec "$na" "certtool -i" "$(grep 'Not After' "$tmp/o")"
	for z in Asia/Tokyo UTC; do
		line=$(TZ=$z keytool -J-Duser.language=en -J-Duser.country=US -printcert -file "$f" | grep 'Valid from')
		rec "$nb" "TZ=$z keytool -J-Duser.language=en -printcert (first field)" "${line% until: *}"
		rec "$na" "TZ=$z keytool -J-Duser.language=en -printcert (second field)" "until: ${line#* until: }"
		line=$(TZ=$z keytool -J-Duser.language=ja -J-Duser.country=JP -printcert -file "$f" | grep '有効期間の開始日')
		rec "$nb" "TZ=$z keytool -J-Duser.language=ja -printcert (first field)" "${line%%終了日: *}"
		rec "$na" "TZ=$z keytool -J-Duser.language=ja -printcert (second field)" "終了日: ${line#*終了日: }"
	done
	# curl -v and gnutls-cli against a local TLS server with the certificate.
	port=$(shuf -i 20000-60000 -n 1)
	openssl s_server -quiet -www -cert "$f" -key "$tmp/key.pem" -accept "127.0.0.1:$port" >/dev/null 2>&1 &
	server=$!
	i=0
	until curl -sk --max-time 2 "https://127.0.0.1:$port/" -o /dev/null; do
		i=$((i + 1))
		if [ $i -gt 50 ]; then echo "gentools.sh: s_server did not start" >&2; exit 1; fi
		sleep 0.1
	done
	curl -vk --max-time 5 "https://127.0.0.1:$port/" -o /dev/null 2>"$tmp/o" || true
	rec "$nb" "curl -vk https://127.0.0.1:PORT/ (openssl s_server)" "$(grep 'start date:' "$tmp/o")"
	rec "$na" "curl -vk https://127.0.0.1:PORT/ (openssl s_server)" "$(grep 'expire date:' "$tmp/o")"
	gnutls-cli --insecure -p "$port" 127.0.0.1 </dev/null >"$tmp/o" 2>&1 || true
	line=$(grep 'activated' "$tmp/o")
	rec "$nb" "gnutls-cli --insecure (text between \` and ' after activated)" "$(printf '%s' "$line" | sed "s/.*activated \`\([^']*\)'.*/\1/")"
	rec "$na" "gnutls-cli --insecure (text between \` and ' after expires)" "$(printf '%s' "$line" | sed "s/.*expires \`\([^']*\)'.*/\1/")"
	kill "$server"
	wait "$server" 2>/dev/null || true
	server=
done

# Java (JDK 17): Date.toString, DateTimeFormatter, DateFormat, ZonedDateTime.
for t in $A $B; do
	(cd "$here/gentools" && java Dates.java $t) | while IFS="$(printf '\t')" read -r zone how text; do
		rec "$(rfc $t)" "TZ=$zone java Dates.java $t: $how" "$text"
	done
done

# Node: Date and Intl, with the process's locale C and ja_JP.
for t in $A $B $C; do
	for lang in C ja_JP.UTF-8; do
		(cd "$here/gentools" && TZ=Asia/Tokyo LANG=$lang LC_ALL=$lang node dates.js $t) |
			while IFS="$(printf '\t')" read -r zone how text; do
				rec "$(rfc $t)" "TZ=Asia/Tokyo LANG=$lang node dates.js $t: $how ($zone)" "$text"
			done
	done
done

# Japanese era years: glibc's ja_JP alternative date and time (%Ec),
# Java's JapaneseChronology, and Intl's ja-JP-u-ca-japanese, at the era
# boundaries and at B. (Added after the lines above, so that their ids
# stay.)
for t in $F $G $D $E $B; do
	rec "$(rfc $t)" "TZ=Asia/Tokyo LC_ALL=ja_JP.UTF-8 date +%Ec -d @$t" "$(TZ=Asia/Tokyo LC_ALL=ja_JP.UTF-8 date +%Ec -d @$t)"
	(cd "$here/gentools" && java Eras.java $t) | while IFS="$(printf '\t')" read -r how text; do
		rec "$(rfc $t)" "java Eras.java $t: $how" "$text"
	done
	(cd "$here/gentools" && TZ=Asia/Tokyo node eras.js $t) | while IFS="$(printf '\t')" read -r how text; do
		rec "$(rfc $t)" "TZ=Asia/Tokyo node eras.js $t: $how" "$text"
	done
done

{
	echo "# Timestamps printed by real tools, for TestToolOutputs; written by"
	echo "# tz/testdata/gentools.sh on $(uname -sm) with:"
	echo "#   $(date --version | head -1); $(openssl version)"
	echo "#   $(certtool --version | head -1); $(gnutls-cli --version | head -1)"
	echo "#   $(curl --version | head -1 | cut -d' ' -f1-3); node $(node --version)"
	echo "#   $(java -version 2>&1 | head -1); keytool of the same JDK"
	echo "#   glibc locales ja_JP.UTF-8 and en_US.UTF-8 (localedef); tz database $(sed -n 's/^# version //p' /usr/share/zoneinfo/tzdata.zi)"
	echo "# Columns: id, want (RFC 3339 instant, \"ambiguous\", \"ambiguous us=INSTANT\" or \"twelve-hour\"), command, text."
	awk '{ printf "%03d\t%s\n", NR, $0 }' "$tmp/tools.tsv"
} >"$out"
echo "gentools.sh: wrote $(wc -l <"$tmp/tools.tsv") lines to $out" >&2
