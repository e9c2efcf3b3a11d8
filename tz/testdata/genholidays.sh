#!/bin/sh
# genholidays.sh regenerates the TV-7 fixtures that holiday_test.go compares
# the computed calendar with. Both come from the npm registry and are
# installed into a temporary directory; nothing is left behind.
#
# holidays_1970_2050.tsv (TestHolidayFixture): the days of the npm package
# @holiday-jp/holiday_jp (MIT licence, https://github.com/holiday-jp/holiday_jp-js).
# Its names follow the Cabinet Office's list, quirks included ("休日",
# "休日（祝日扱い）", "体育の日（スポーツの日）"), and it tells substitute
# holidays ("元日 振替休日") from citizens' holidays ("休日"). The Cabinet
# Office publishes its list only up to the next year; the package's later
# years are projections from the Act, as ours are. Version 2.5.1 lists 1329
# days from 1970-01-01 to 2050-11-23, i.e. all of 1970 to 2050 (no holiday
# falls after 23 November).
#
# holidays_cabinet_office.tsv (TestHolidayCabinetOffice): the Cabinet
# Office's own list, syukujitsu.csv, as the npm package
# japanese-public-holidays (MIT licence) ships it, converted to UTF-8.
# Version 3.2.38 lists 1050 days from 1955-01-01 to 2026-11-23. It names
# both substitute and citizens' holidays plain "休日".
#
# Usage, from anywhere:
#
#	sh tz/testdata/genholidays.sh
#
# Output: one line per holiday, sorted,
#
#	YYYY-MM-DD<TAB>Japanese name<TAB>English name (holiday_jp only)
#
# after a header of lines starting with "#" that names the package version
# and the first and last dates it lists.
set -eu

holiday_jp=2.5.1
public_holidays=3.2.38
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$tmp"
npm init -y >/dev/null 2>&1
npm install --no-audit --no-fund --silent \
	"@holiday-jp/holiday_jp@$holiday_jp" \
	"japanese-public-holidays@$public_holidays" >/dev/null

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
' "$holiday_jp" >"$here/holidays_1970_2050.tsv"

node -e '
const version = process.argv[1];
const hs = require("japanese-public-holidays");
const list = hs.holidays
	.map((h) => [String(h.date).slice(0, 10), h.name])
	.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const out = [];
out.push("# Japanese national holidays as the Cabinet Office lists them (syukujitsu.csv; TV-7 fixture).");
out.push("# Source: npm japanese-public-holidays@" + version + ", which lists " +
	list.length + " days from " + list[0][0] + " to " + list[list.length - 1][0] + ".");
out.push("# Regenerate with: sh tz/testdata/genholidays.sh");
out.push("# Columns: date<TAB>Japanese name");
for (const [d, name] of list) out.push(d + "\t" + name);
process.stdout.write(out.join("\n") + "\n");
' "$public_holidays" >"$here/holidays_cabinet_office.tsv"
