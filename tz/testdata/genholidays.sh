#!/bin/sh
# genholidays.sh regenerates holidays_1970_2050.tsv, the TV-7 fixture that
# TestHolidayFixture compares the computed calendar with.
#
# The data are the Japanese national holidays as carried by the npm package
# @holiday-jp/holiday_jp (MIT licence, https://github.com/holiday-jp/holiday_jp-js).
# Its names follow the Cabinet Office's list (syukujitsu.csv), quirks
# included ("休日", "休日（祝日扱い）", "体育の日（スポーツの日）"). The Cabinet
# Office publishes that list only up to the next year; the package's later
# years are projections from the Act, as ours are. Version 2.5.1 lists 1329
# days from 1970-01-01 to 2050-11-23, i.e. all of 1970 to 2050 (no holiday
# falls after 23 November). The package is installed into a temporary
# directory; nothing is left behind.
#
# Usage, from the module root or anywhere:
#
#	sh tz/testdata/genholidays.sh
#
# Output: one line per holiday from 1970-01-01 to 2050-12-31, sorted,
#
#	YYYY-MM-DD<TAB>Japanese name<TAB>English name
#
# after a header of lines starting with "#" that names the package version
# and the first and last dates it lists.
set -eu

version=2.5.1
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$tmp"
npm init -y >/dev/null 2>&1
npm install --no-audit --no-fund --silent "@holiday-jp/holiday_jp@$version" >/dev/null

node -e '
const version = process.argv[1];
const hs = require("@holiday-jp/holiday_jp").holidays;
const days = Object.keys(hs).sort();
const out = [];
out.push("# Japanese national holidays 1970-01-01..2050-12-31 (TV-7 fixture).");
out.push("# Source: npm @holiday-jp/holiday_jp@" + version + ", which lists " +
	days.length + " days from " + days[0] + " to " + days[days.length - 1] + ".");
out.push("# Regenerate with: sh tz/testdata/genholidays.sh");
out.push("# Columns: date<TAB>Japanese name<TAB>English name");
for (const d of days) {
	if (d < "1970-01-01" || d > "2050-12-31") continue;
	const h = hs[d];
	out.push(d + "\t" + h.name + "\t" + h.name_en);
}
process.stdout.write(out.join("\n") + "\n");
' "$version" >"$here/holidays_1970_2050.tsv"
