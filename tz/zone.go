package tz

import (
	"strings"
	"time"
)

// JST is Japan Standard Time, a fixed zone nine hours east of UTC named
// "JST" (TV-1). Japan has observed no daylight saving time since 1951, so a
// fixed offset is exact for every date a certificate can carry, and no
// lookup in the host's time-zone database is needed or made.
//
// JST is immutable: a *time.Location has no exported fields and no setters.
var JST = time.FixedZone("JST", 9*60*60)

// UTC is Coordinated Universal Time, the zone in which X.509 validity is
// encoded and in which CAs print it ("GMT" on the server FAQ, TV-1). It is
// [time.UTC], given here for symmetry with [JST].
var UTC = time.UTC

// A zoneEntry is an abbreviation and the one offset, in seconds east of
// UTC, that it names.
type zoneEntry struct {
	key  string // abbr in upper case, the search key
	abbr string
	off  int32
	loc  *time.Location
}

func fz(abbr string, off int32) zoneEntry {
	return zoneEntry{strings.ToUpper(abbr), abbr, off, time.FixedZone(abbr, int(off))}
}

// zoneTable holds every abbreviation that the tz database (version 2025b,
// as /usr/share/zoneinfo of Debian 12 ships it) uses in 2026 and 2027 for
// exactly one offset, in alphabetical order, plus SGT, which
// Singapore uses though the tz database writes "+08". It is filled once
// and never changed; tz/testdata/zones.tsv, written by
// tz/testdata/genzones, is the record it was checked against.
var zoneTable = [...]zoneEntry{
	fz("ACDT", 37800), fz("ACST", 34200), fz("ADT", -10800), fz("AEDT", 39600),
	fz("AEST", 36000), fz("AKDT", -28800), fz("AKST", -32400), fz("AST", -14400),
	fz("AWST", 28800), fz("CAT", 7200), fz("CEST", 7200), fz("CET", 3600),
	fz("ChST", 36000), fz("EAT", 10800), fz("EDT", -14400), fz("EEST", 10800),
	fz("EET", 7200), fz("EST", -18000), fz("HDT", -32400), fz("HKT", 28800),
	fz("HST", -36000), fz("IDT", 10800), {"JST", "JST", 32400, JST}, fz("KST", 32400),
	fz("MDT", -21600), fz("MEST", 7200), fz("MET", 3600), fz("MSK", 10800),
	fz("MST", -25200), fz("NDT", -9000), fz("NST", -12600), fz("NZDT", 46800),
	fz("NZST", 43200), fz("PDT", -25200), fz("PKT", 18000), fz("SAST", 7200),
	fz("SGT", 28800), fz("SST", -39600), fz("WAT", 3600), fz("WEST", 3600),
	fz("WET", 0), fz("WIB", 25200), fz("WIT", 32400), fz("WITA", 28800),
}

// An ambiguousEntry is an abbreviation that names more than one offset
// today, the offset RFC 5322 section 4.3 gives it (0 when none), and the
// readings, for the error message.
type ambiguousEntry struct {
	abbr     string
	us       *time.Location
	readings string
}

// ambiguousTable lists the abbreviations that the tz database (2025b) uses
// in 2026 and 2027 for more than one offset, and BST, which it uses only
// for British Summer Time but which TV-4 lists as ambiguous: Bangladesh
// calls its +06:00 Bangladesh Standard Time.
var ambiguousTable = [...]ambiguousEntry{
	{"BST", nil, "+01:00 British Summer Time, +06:00 Bangladesh"},
	{"CDT", time.FixedZone("CDT", -5*3600), "-05:00 US Central, -04:00 Cuba"},
	{"CST", time.FixedZone("CST", -6*3600), "-06:00 US Central, -05:00 Cuba, +08:00 China and Taiwan"},
	{"IST", nil, "+05:30 India, +01:00 Ireland, +02:00 Israel"},
	{"PST", time.FixedZone("PST", -8*3600), "-08:00 US Pacific, +08:00 Philippines"},
}

// zoneNames are the names of zones that tools print in words, in English
// or Japanese, and the zone each names.
var zoneNames = [...]struct {
	name string
	loc  *time.Location
}{
	{"Japan Standard Time", JST},             // Java FULL, JavaScript Date.toString (en)
	{"日本標準時", JST},                           // Java FULL, Intl (ja)
	{"日本時間", JST},                            // Japanese prose
	{"Coordinated Universal Time", time.UTC}, // Java FULL, Intl (en)
	{"協定世界時", time.UTC},                      // Java FULL, Intl (ja)
	{"世界標準時", time.UTC},                      // Japanese prose
	{"Greenwich Mean Time", time.UTC},        // Intl (en) for GMT
	{"グリニッジ標準時", time.UTC},                   // Intl (ja) for GMT
}

// Zone returns the fixed zone for a time-zone abbreviation or name, and
// whether it is known. Abbreviations match ignoring ASCII case. It knows:
//
//   - UTC, GMT, UT and Z (returned as [time.UTC]) and JST (returned as
//     [JST]);
//   - every abbreviation the tz database uses today for exactly one offset:
//     ACDT, ACST, ADT, AEDT, AEST, AKDT, AKST, AST, AWST, CAT, CEST, CET,
//     ChST, EAT, EDT, EEST, EET, EST, HDT, HKT, HST, IDT, KST, MDT, MEST,
//     MET, MSK, MST, NDT, NST, NZDT, NZST, PDT, PKT, SAST, SST, WAT, WEST,
//     WET, WIB, WIT, WITA (tz database 2025b, years 2026 and 2027), and SGT
//     (+08:00), which Singapore uses though the database does not;
//   - the names Japan Standard Time, 日本標準時 and 日本時間 (JST),
//     Coordinated Universal Time, 協定世界時, 世界標準時, Greenwich Mean
//     Time and グリニッジ標準時 (UTC), as Java, JavaScript and people
//     write them;
//   - the IANA names Asia/Tokyo and Japan (JST: Japan has had no daylight
//     saving time since 1951, so the fixed zone is exact for every date a
//     certificate can carry) and Etc/UTC, Etc/GMT and UTC, matched exactly.
//
// An abbreviation that the tz database uses today for more than one offset
// is ambiguous and unknown to Zone: CDT (US Central -05:00, Cuba -04:00),
// CST (US Central -06:00, Cuba -05:00, China and Taiwan +08:00), IST
// (India +05:30, Ireland +01:00, Israel +02:00) and PST (US Pacific
// -08:00, Philippines +08:00), and BST, which TV-4 lists (British Summer
// Time +01:00; Bangladesh Standard Time +06:00). KST is not among them:
// Seoul and Pyongyang both keep +09:00 since 2018. [Parse] refuses these
// with [ReasonAmbiguousZone]; [Parser] can read CST, CDT and PST as RFC
// 5322 does. An unknown abbreviation is never taken as UTC; time.Parse
// does exactly that, and Parse refuses it.
//
// The table is a record of the tz database 2025b, not a lookup in it: Zone
// gives the same answer on every host, and does not allocate.
func Zone(abbr string) (loc *time.Location, ok bool) {
	loc, kind := lookupZone(abbr)
	if kind != zoneKnown {
		return nil, false
	}
	return loc, true
}

type zoneKind int

const (
	zoneUnknown zoneKind = iota
	zoneKnown
	zoneAmbiguous
)

// lookupZone is Zone that tells an ambiguous abbreviation from an unknown
// one; for an ambiguous one it returns the RFC 5322 reading, or nil.
func lookupZone(abbr string) (*time.Location, zoneKind) {
	if len(abbr) == 0 {
		return nil, zoneUnknown
	}
	if len(abbr) > 4 {
		switch abbr {
		case "Asia/Tokyo", "Japan":
			return JST, zoneKnown
		case "Etc/UTC", "Etc/GMT":
			return time.UTC, zoneKnown
		}
		for _, n := range zoneNames {
			if len(abbr) == len(n.name) && strings.EqualFold(abbr, n.name) {
				return n.loc, zoneKnown
			}
		}
		return nil, zoneUnknown
	}
	var b [4]byte
	for i := 0; i < len(abbr); i++ {
		c := abbr[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		b[i] = c
	}
	up := b[:len(abbr)]
	switch string(up) {
	case "UTC", "GMT", "UT", "Z":
		return time.UTC, zoneKnown
	}
	for i := range ambiguousTable {
		if ambiguousTable[i].abbr == string(up) {
			return ambiguousTable[i].us, zoneAmbiguous
		}
	}
	for i := range zoneTable {
		if zoneTable[i].key == string(up) {
			return zoneTable[i].loc, zoneKnown
		}
	}
	return nil, zoneUnknown
}

// readings returns the readings of an ambiguous abbreviation, for the
// error message: "-06:00 US Central, -05:00 Cuba, +08:00 China and
// Taiwan" for CST.
func readings(abbr string) string {
	for _, e := range ambiguousTable {
		if strings.EqualFold(e.abbr, abbr) {
			return e.readings
		}
	}
	return ""
}

// offsetOf returns the UTC offset of a fixed zone, in seconds.
func offsetOf(loc *time.Location) int {
	_, off := (time.Time{}).In(loc).Zone()
	return off
}

// orJST returns loc, or JST when loc is nil. Functions in this module that
// count days take a nil zone to mean JST, the zone the Japanese rules count
// in; none of them ever falls back to time.Local.
func orJST(loc *time.Location) *time.Location {
	if loc == nil {
		return JST
	}
	return loc
}
