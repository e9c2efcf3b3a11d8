// Package tz gives the time zones, timestamps, civil dates, day counting and
// Japanese calendar that certificate rules are judged in, without the
// host's time-zone database.
//
// # Zones (TV-1)
//
// Certificate validity is encoded and printed by CAs in UTC ("GMT"). [JST]
// is a fixed UTC+9 zone, exact for every certificate date since Japan has
// kept no daylight saving time since 1951. [Zone] maps the abbreviations
// that timestamps carry to fixed zones and refuses ambiguous or unknown
// ones. Nothing in this module reads time.Local or loads a zone database;
// where a function takes a *time.Location, nil means JST.
//
// # Timestamps (TV-4)
//
// [Parse] reads the shapes CAs, OpenSSL and people print: the CA's
// "12/10/2011 00:00:00 GMT", OpenSSL's "Dec 10 23:59:59 2012 GMT", RFC 3339,
// "2012/12/11 08:59:59 JST", Japanese "2012年12月11日 8時59分59秒", ASN.1
// times and bare dates. Unlike [time.Parse], an unknown zone abbreviation is
// an error, never a silent +00:00.
//
// # Civil dates and civil-law periods
//
// A [Date] is a day on the calendar. [DaysAfter] and [MonthsAfter] count
// periods as the Japanese Civil Code does (arts. 140 to 143): the day of the
// event is not counted, and the period is over at the first instant of the
// day after its last day ([Date.EndIn]). Rules RN-3, RN-6 and CT-8 count
// this way.
//
// # Holidays and business days (TV-7)
//
// [Holiday] says whether a date is a Japanese national holiday, computed
// from the National Holidays Act, and [BusinessCalendar] counts business
// days around weekends, holidays and company closing days.
//
// # What it does not do
//
// It does not know daylight-saving zones beyond fixed abbreviations, and it
// reads no era years (令和, 平成), 12-hour clocks or leap seconds.
package tz
