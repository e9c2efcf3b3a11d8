package tz

import "time"

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

// Fixed zones for the abbreviations [Zone] knows. They are created once and
// never changed.
var (
	kst  = time.FixedZone("KST", 9*60*60)
	hkt  = time.FixedZone("HKT", 8*60*60)
	sgt  = time.FixedZone("SGT", 8*60*60)
	aest = time.FixedZone("AEST", 10*60*60)
	aedt = time.FixedZone("AEDT", 11*60*60)
	cet  = time.FixedZone("CET", 1*60*60)
	cest = time.FixedZone("CEST", 2*60*60)
	est  = time.FixedZone("EST", -5*60*60)
	edt  = time.FixedZone("EDT", -4*60*60)
	cdt  = time.FixedZone("CDT", -5*60*60)
	mst  = time.FixedZone("MST", -7*60*60)
	mdt  = time.FixedZone("MDT", -6*60*60)
	pst  = time.FixedZone("PST", -8*60*60)
	pdt  = time.FixedZone("PDT", -7*60*60)
	hst  = time.FixedZone("HST", -10*60*60)
)

// Zone returns the fixed zone for a time-zone abbreviation, and whether the
// abbreviation is known. Matching ignores ASCII case. It knows:
//
//   - UTC, GMT, UT and Z (UTC, returned as [time.UTC]);
//   - JST (+09:00, returned as [JST]) and KST (+09:00);
//   - HKT and SGT (+08:00), AEST (+10:00), AEDT (+11:00);
//   - CET (+01:00), CEST (+02:00);
//   - EST, EDT, CDT, MST, MDT, PST, PDT, HST (North America and Hawaii);
//   - the IANA names Asia/Tokyo and Japan (JST: Japan has had no daylight
//     saving time since 1951, so the fixed zone is exact for every date a
//     certificate can carry) and Etc/UTC, Etc/GMT and UTC, matched exactly.
//
// Abbreviations that name more than one offset are deliberately unknown:
// CST (US Central, China, Cuba), IST (India, Ireland, Israel), BST (British
// Summer Time, Bangladesh) and the like. An unknown abbreviation is never
// taken as UTC; time.Parse does exactly that, and [Parse] refuses it.
//
// Zone consults no time-zone database, so it gives the same answer on every
// host. It does not allocate.
func Zone(abbr string) (loc *time.Location, ok bool) {
	switch abbr {
	case "Asia/Tokyo", "Japan":
		return JST, true
	case "Etc/UTC", "Etc/GMT":
		return time.UTC, true
	}
	if len(abbr) == 0 || len(abbr) > 4 {
		return nil, false
	}
	var b [4]byte
	for i := 0; i < len(abbr); i++ {
		c := abbr[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		b[i] = c
	}
	switch string(b[:len(abbr)]) {
	case "UTC", "GMT", "UT", "Z":
		return time.UTC, true
	case "JST":
		return JST, true
	case "KST":
		return kst, true
	case "HKT":
		return hkt, true
	case "SGT":
		return sgt, true
	case "AEST":
		return aest, true
	case "AEDT":
		return aedt, true
	case "CET":
		return cet, true
	case "CEST":
		return cest, true
	case "EST":
		return est, true
	case "EDT":
		return edt, true
	case "CDT":
		return cdt, true
	case "MST":
		return mst, true
	case "MDT":
		return mdt, true
	case "PST":
		return pst, true
	case "PDT":
		return pdt, true
	case "HST":
		return hst, true
	}
	return nil, false
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
