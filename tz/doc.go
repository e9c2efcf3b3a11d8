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
// # Holidays and business days (TV-7, CT-7)
//
// [Holiday] and [HolidayJa] report whether a date is a Japanese national
// holiday and give its English or Japanese name; [Holidays] lists a year.
// Nothing is a table of dates: the holidays are computed from the National
// Holidays Act and the special acts — the fixed days and their changes over
// the years, the Happy Monday days, the equinox days by the standard
// approximation for 1900–2099, substitute holidays (the next day from
// 1973-04-12; the next day that is not a holiday from 2007), the citizens'
// holiday (from 1985-12-27, first 1988-05-04) and the one-off days of 1959,
// 1989, 1990, 1993, 2019 and the 2020/2021 Olympic moves. Tests compare
// every day of 1955–2026 with the Cabinet Office's list and every day of
// 1970–2050 with the @holiday-jp/holiday_jp list. Dates before 1948-07-20
// or after 2099 are never holidays; future years follow the Act as it
// stands.
//
// A [BusinessCalendar]'s zero value closes Saturdays, Sundays and national
// holidays; [BusinessCalendar.With] adds company closing days
// ([YearEndClosing], [AnnualClosing], [ClosingDates], [ClosingRange] or any
// [Closing]). [BusinessCalendar.AddBusinessDays] counts as civil law does:
// the starting day is not counted.
//
// # What it does not do
//
// It does not know daylight-saving zones beyond fixed abbreviations, and it
// reads no era years (令和, 平成), 12-hour clocks or leap seconds. It does
// not read the National Astronomical Observatory's yearly equinox
// announcements (it uses the formula), and it knows no regional or bank
// holidays.
//
// # Example program
//
// The command [github.com/certlife/certlife/examples/certinfo] shows this
// package at work: it prints each certificate's validity in GMT and JST side
// by side and reads -at with [Parse];
// [github.com/certlife/certlife/examples/contractcheck] counts business days
// with [BusinessCalendar]. Run it with no arguments on its embedded sample:
//
//	go run ./examples/certinfo
package tz
