// Package tz gives the time zones, timestamps, civil dates, day counting and
// Japanese calendar that certificate rules are judged in, without the
// host's time-zone database.
//
// # Zones (TV-1)
//
// Certificate validity is encoded and printed by CAs in UTC ("GMT"). [JST]
// is a fixed UTC+9 zone, exact for every certificate date since Japan has
// kept no daylight saving time since 1951. [Zone] maps the abbreviations
// and names that timestamps carry to fixed zones: every abbreviation the
// tz database uses today for exactly one offset (a record of version
// 2025b, not a lookup), and JST, UTC and GMT in words, English and
// Japanese. Nothing in this module reads time.Local or loads a zone
// database; where a function takes a *time.Location, nil means JST.
//
// # Timestamps (TV-4)
//
// [Parse] reads the shapes CAs, tools and people print: the CA's
// "12/10/2011 00:00:00 GMT", OpenSSL's and curl's "Dec 10 23:59:59 2012
// GMT", the Unix and Java form "Tue Dec 11 08:59:59 JST 2012" (date,
// keytool, Java's Date, GnuTLS certtool with UTC), JavaScript's and
// Java's English forms, RFC 3339 and RFC 5322, "2012/12/11 08:59:59 JST",
// and Japanese: "2012年12月11日 8時59分59秒", the ja_JP date's "2012年 12月
// 11日 火曜日 08:59:59 JST", Java's and Intl's "日本標準時". It reads
// 12-hour clocks (AM/PM, 午前/午後) and the field names tools print before
// a timestamp, Japanese era years and full-width text (below).
// tz/testdata/tools.tsv holds what date, openssl, certtool,
// gnutls-cli, keytool, Java, Node and curl print on a Debian 12 machine,
// with the script that collected it; the tests parse every line.
//
// Unlike [time.Parse], an unknown zone abbreviation is an error, never a
// silent +00:00 ([ReasonUnknownZone]), and an abbreviation that the tz
// database uses today for more than one offset is refused as ambiguous
// ([ReasonAmbiguousZone]): CDT, CST, IST and PST (see [Zone] for their
// readings), and BST, which TV-4 lists though the database now uses it for
// British Summer Time only. A [Parser] with USZones reads CST, CDT and PST
// as RFC 5322 section 4.3 does (US Central and Pacific); an offset written
// beside an ambiguous abbreviation ("+0800 CST", as Go prints China's
// time) decides by itself. Japanese text with no zone is read as JST; a
// zone that is written always wins.
//
// # Japanese era years (TV-4)
//
// Parse and [ParseDate] read dates with an era year (元号), as contracts,
// invoices and Japanese pages print them: "令和8年3月15日", "令和元年5月1日"
// (元年 is year 1), "平成31年4月30日 23時59分59秒", "令和8/3/15", and the
// abbreviations "R8.3.15", "H31/4/30". Japanese text with no zone is JST. The eras, each
// from the day its instrument names to the day before the next begins
// (read 2026-12-02):
//
//	明治 M  1873-01-01 to 1912-07-29  read from 明治6年1月1日: the 改暦ノ布告 (明治5年太政官布告第337号)
//	                                  made 明治5年12月3日 the Gregorian 1873-01-01; earlier Meiji
//	                                  dates (the era began 1868-01-25) are lunisolar and not read
//	大正 T  1912-07-30 to 1926-12-24  改元ノ詔書: "明治四十五年七月三十日以後ヲ改メテ大正元年ト為ス"
//	昭和 S  1926-12-25 to 1989-01-07  改元ノ詔書 of 1926-12-25, that day and after 昭和元年 (National
//	                                  Archives of Japan, https://www.archives.go.jp/ayumi/kobetsu/t15_1926_01.html)
//	平成 H  1989-01-08 to 2019-04-30  元号を改める政令 (昭和64年政令第1号), in force the day after 1989-01-07
//	令和 R  2019-05-01 on             元号を改める政令 (平成31年政令第143号), in force the day after
//	                                  平成31年4月30日 (e-Gov law 431CO0000000143), under 元号法 (昭和54年法律第43号)
//
// Java's java.time.chrono.JapaneseEra gives the same spans, and Node's
// Intl (ICU) prints every first and last day with the same era and year
// (the tests hold Parse to them). tz/testdata/tools.tsv holds the last
// and first seconds of 昭和, 平成 and 令和 as glibc's ja_JP %Ec, Java's
// JapaneseChronology and Intl's ja-JP-u-ca-japanese print them, and the
// tests parse every line. On the days of 1912 and 1926 the era
// changed during the day and the edicts themselves are dated in the old
// era; Parse follows their words, "以後ヲ改メテ", and gives the whole day
// to the new era. A date outside its era is refused with
// [ReasonEraRange], naming the era and its span: 平成31年5月1日 is not
// read as 令和元年5月1日.
//
// Full-width digits and punctuation (U+FF01 to U+FF5E:
// "２０２６年１２月１１日", "１０：００", "／", "－", "＋", letters) are read
// as their ASCII forms in every shape, and U+2010, U+2011, U+2012 and U+2212 as "-";
// the ideographic space U+3000 is a space. Text without them is read in
// place, with no copy and no allocation.
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
// 1970–2050 with the @holiday-jp/holiday_jp list. Future years follow the
// Act as it stands.
//
// Holidays are known from 1948-07-20, when the Act came into force, to
// 2099-12-31, where the equinox formula ends ([HolidaysKnown]). Outside
// that range [Holiday] says "not a holiday" for want of knowledge, and a
// [BusinessCalendar] says it cannot know: its methods return a
// *[RangeError] (matching [ErrOutOfRange]) for a date outside the range,
// or a count that leaves it, rather than call 2100-01-01 a business day.
//
// A BusinessCalendar's zero value closes Saturdays, Sundays and national
// holidays; [BusinessCalendar.With] adds company closing days
// ([YearEndClosing], [AnnualClosing], [ClosingDates], [ClosingRange] or any
// [Closing]). [BusinessCalendar.AddBusinessDays] counts as civil law does:
// the starting day is not counted. A calendar whose Closings close every
// day gets a *[ClosedError] (matching [ErrNoBusinessDay]), never a panic
// or an endless search.
//
// # What it does not do
//
// It does not know daylight-saving rules: an abbreviation names one fixed
// offset, and a zone in the IANA form is known only for Asia/Tokyo, Japan
// and UTC (Parse trusts the offset written beside any other). It reads no
// Meiji dates before 明治6年 and no earlier eras, no years in kanji
// numerals (令和八年), no lower-case era abbreviations and no leap
// seconds, and it reads month/day/year month first only, as the CA and en-US print it (en-GB's
// day-first 11/12/2012 would be read as November 12). A Japanese hour of
// 12 with 午前 or 午後 is refused: the 1872 proclamation makes 午前12時
// noon, glibc's ja_JP prints it for midnight. It does not read the
// National Astronomical Observatory's yearly equinox announcements (it
// uses the formula), and it knows no regional or bank holidays.
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
