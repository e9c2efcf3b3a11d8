package tz

import (
	"testing"
	"time"
)

// jstMidnight is the first instant of a day in JST, in UTC.
func jstMidnight(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, JST).UTC()
}

// eraCases are TestParse's cases for era years and full-width text
// (TV-4): the eras' first and last days, whose spans are those of the
// instruments cited in era.go; Node 20's Intl (ICU, ja-JP-u-ca-japanese)
// prints each boundary day with the same era and year, as the "Intl"
// cases copy it, and Java's JapaneseEra documents the same spans.
var eraCases = []parseCase{
	{"TV-4 明治 first day read: 明治6年 is the Gregorian calendar's first year (Intl)", "明治6年1月1日", jstMidnight(1873, 1, 1), "JST"},
	{"TV-4 明治 last day (Intl)", "明治45年7月29日", jstMidnight(1912, 7, 29), "JST"},
	{"TV-4 大正 first day is 元年 (Intl)", "大正元年7月30日", jstMidnight(1912, 7, 30), "JST"},
	{"TV-4 大正 last day (Intl)", "大正15年12月24日", jstMidnight(1926, 12, 24), "JST"},
	{"TV-4 昭和 first day (Intl)", "昭和元年12月25日", jstMidnight(1926, 12, 25), "JST"},
	{"TV-4 昭和 last day (Intl)", "昭和64年1月7日", jstMidnight(1989, 1, 7), "JST"},
	{"TV-4 平成 first day (Intl)", "平成元年1月8日", jstMidnight(1989, 1, 8), "JST"},
	{"TV-4 平成 last day (Intl)", "平成31年4月30日", jstMidnight(2019, 4, 30), "JST"},
	{"TV-4 令和 first day (Intl)", "令和元年5月1日", jstMidnight(2019, 5, 1), "JST"},
	{"TV-4 令和 year 8 (Intl)", "令和8年3月15日", jstMidnight(2026, 3, 15), "JST"},
	{"TV-4 元年 may also be written 1年", "令和1年5月1日", jstMidnight(2019, 5, 1), "JST"},
	{"TV-4 a zero-padded era year", "令和08年03月15日", jstMidnight(2026, 3, 15), "JST"},
	{"TV-4 space after the era name, as forms print it", "令和 8年 3月 15日", jstMidnight(2026, 3, 15), "JST"},
	{"TV-4 space after the era name before 元年", "平成 元年1月8日", jstMidnight(1989, 1, 8), "JST"},
	{"TV-4 last second of 平成, to the nanosecond", "平成31年4月30日 23時59分59秒", utc(2019, 4, 30, 14, 59, 59, 0), "JST"},
	{"TV-4 first instant of 令和", "令和元年5月1日 0時0分0秒", utc(2019, 4, 30, 15, 0, 0, 0), "JST"},
	{"TV-4 era date with a weekday and a 12-hour clock", "令和8年3月15日(日) 午後1時05分", utc(2026, 3, 15, 4, 5, 0, 0), "JST"},
	{"TV-4 era date with Java FULL's weekday", "令和8年3月15日日曜日 10:00:00 日本標準時", utc(2026, 3, 15, 1, 0, 0, 0), "JST"},
	{"TV-4 a written zone wins over the era's JST", "令和8年3月15日 10:00 UTC", utc(2026, 3, 15, 10, 0, 0, 0), "UTC"},
	{"TV-4 era date after keytool's Japanese label", "終了日: 令和8年3月15日 23:59:59", utc(2026, 3, 15, 14, 59, 59, 0), "JST"},
	// Abbreviations: a capital letter and a digit begin no other shape.
	{"TV-4 abbreviation with dots", "R8.3.15", jstMidnight(2026, 3, 15), "JST"},
	{"TV-4 abbreviation with slashes, as Intl prints it", "R8/3/15", jstMidnight(2026, 3, 15), "JST"},
	{"TV-4 abbreviation with hyphens", "H31-4-30", jstMidnight(2019, 4, 30), "JST"},
	{"TV-4 abbreviation zero-padded", "R08.03.15", jstMidnight(2026, 3, 15), "JST"},
	{"TV-4 abbreviation 昭和 last day (Intl)", "S64/1/7", jstMidnight(1989, 1, 7), "JST"},
	{"TV-4 abbreviation 大正 (Intl)", "T1/7/30", jstMidnight(1912, 7, 30), "JST"},
	{"TV-4 abbreviation 明治 (Intl)", "M45/7/29", jstMidnight(1912, 7, 29), "JST"},
	{"TV-4 abbreviation with a weekday and a time", "R8.3.15(日) 10:00", utc(2026, 3, 15, 1, 0, 0, 0), "JST"},
	{"TV-4 era name with slashes, as Intl prints ja-JP-u-ca-japanese with era long", "平成31/4/30 23:59:59", utc(2019, 4, 30, 14, 59, 59, 0), "JST"},
	{"TV-4 era name with slashes in 令和's first year, written 1 (Intl)", "令和1/5/1 0:00:00", utc(2019, 4, 30, 15, 0, 0, 0), "JST"},
	{"TV-4 era name with dots and 元", "令和元.5.1", jstMidnight(2019, 5, 1), "JST"},
	// Full-width text.
	{"TV-4 full-width digits", "２０２６年１２月１１日", jstMidnight(2026, 12, 11), "JST"},
	{"TV-4 full-width era date and clock with U+3000", "令和８年１２月１日\u3000１０：００", utc(2026, 12, 1, 1, 0, 0, 0), "JST"},
	{"TV-4 full-width and ASCII mixed in one string", "令和8年１２月1日 10：00:５９", utc(2026, 12, 1, 1, 0, 59, 0), "JST"},
	{"TV-4 full-width 時分秒 clock", "２０２６年１２月１１日　１０時３０分", utc(2026, 12, 11, 1, 30, 0, 0), "JST"},
	{"TV-4 full-width slashes and zone letters", "２０１２／１２／１１ ０８：５９：５９ ＪＳＴ", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
	{"TV-4 full-width abbreviation", "Ｒ８．３．１５", jstMidnight(2026, 3, 15), "JST"},
	{"TV-4 full-width RFC 3339 (every shape reads full-width)", "２０１２－１２－１０Ｔ２３：５９：５９Ｚ", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
	{"TV-4 full-width hyphen-minus in an offset", "2012-12-11 08:59:59 ＋０９：００", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
	{"TV-4 U+2212 MINUS SIGN in an offset, as ISO 8601 allows", "2012-12-10T18:59:59\u221205:00", utc(2012, 12, 10, 23, 59, 59, 0), ""},
	{"TV-4 U+2010 HYPHEN in a date", "2012\u201012\u201011", jstMidnight(2012, 12, 11), "JST"},
	{"TV-4 full-width colon after a label", "終了日：２０２６年３月１５日", jstMidnight(2026, 3, 15), "JST"},
	{"TV-4 full-width weekday parentheses stay as they are", "令和８年３月１５日（日）", jstMidnight(2026, 3, 15), "JST"},
	{"TV-4 a full-width comment after an offset is read narrowed", "2012-12-11 08:59:59 +0900 (ＪＳＴ)", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
	{"TV-4 a full-width RFC 9557 suffix is read narrowed", "2012-12-11T08:59:59+09:00[Ａｓｉａ/Ｔｏｋｙｏ]", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
}

// outsideEra is the error for in, whose era date value at offset is not
// a day of its era.
func outsideEra(in, value string, offset int) *ParseError {
	return &ParseError{Input: in, Reason: ReasonEraRange, Value: value, Offset: offset}
}

// eraErrorCases are TestParseErrors' cases for era years and full-width
// text (TV-4): one day outside each era's span, and the Value and Offset
// of errors in full-width text, which quote the caller's text.
var eraErrorCases = []parseErrorCase{
	{"TV-4 明治 before the Gregorian calendar", "明治5年12月31日", outsideEra("明治5年12月31日", "明治5年12月31日", 0)},
	{"TV-4 明治 has no 元年 Parse reads", "明治元年9月8日", outsideEra("明治元年9月8日", "明治元年9月8日", 0)},
	{"TV-4 era name with slashes outside its era", "平成31/5/1 0:00:00", outsideEra("平成31/5/1 0:00:00", "平成31/5/1", 0)},
	{"TV-4 明治 one day after its last", "明治45年7月30日", outsideEra("明治45年7月30日", "明治45年7月30日", 0)},
	{"TV-4 大正 one day before its first", "大正元年7月29日", outsideEra("大正元年7月29日", "大正元年7月29日", 0)},
	{"TV-4 大正 one day after its last", "大正15年12月25日", outsideEra("大正15年12月25日", "大正15年12月25日", 0)},
	{"TV-4 昭和 one day before its first", "昭和元年12月24日", outsideEra("昭和元年12月24日", "昭和元年12月24日", 0)},
	{"TV-4 昭和 one day after its last", "昭和64年1月8日", outsideEra("昭和64年1月8日", "昭和64年1月8日", 0)},
	{"TV-4 平成 one day before its first", "平成元年1月7日", outsideEra("平成元年1月7日", "平成元年1月7日", 0)},
	{"TV-4 平成 one day after its last is not rolled into 令和", "平成31年5月1日", outsideEra("平成31年5月1日", "平成31年5月1日", 0)},
	{"TV-4 平成 a year after its last", "平成32年1月1日", outsideEra("平成32年1月1日", "平成32年1月1日", 0)},
	{"TV-4 令和 one day before its first", "令和元年4月30日", outsideEra("令和元年4月30日", "令和元年4月30日", 0)},
	{"TV-4 year 0 is no year of an era", "平成0年1月8日", outsideEra("平成0年1月8日", "平成0年1月8日", 0)},
	{"TV-4 outside with a time: Value is the date", "平成31年5月1日 0時0分", outsideEra("平成31年5月1日 0時0分", "平成31年5月1日", 0)},
	{"TV-4 outside after a label: Offset is the date's", "終了日：令和元年4月30日", outsideEra("終了日：令和元年4月30日", "令和元年4月30日", 12)},
	{"TV-4 outside, abbreviated", "H31.5.1", outsideEra("H31.5.1", "H31.5.1", 0)},
	{"TV-4 outside, full-width: Value and Offset are the caller's text", " Ｈ３１．５．１", outsideEra(" Ｈ３１．５．１", "Ｈ３１．５．１", 1)},
	{"TV-4 outside with its weekday: Value is the date", "平成31年5月1日(水)", outsideEra("平成31年5月1日(水)", "平成31年5月1日", 0)},
	{"TV-4 an era date that does not exist", "令和元年2月29日", &ParseError{Input: "令和元年2月29日", Reason: ReasonBadDate}},
	{"TV-4 an era date with a wrong weekday", "令和8年3月15日(月)", &ParseError{Input: "令和8年3月15日(月)", Reason: ReasonBadDate}},
	{"TV-4 an era year without 年", "令和8", &ParseError{Input: "令和8", Reason: ReasonSyntax, Offset: 7}},
	{"TV-4 an era without a year", "令和年3月15日", &ParseError{Input: "令和年3月15日", Reason: ReasonSyntax, Offset: 6}},
	{"TV-4 an era year of four digits", "令和2026年3月15日", &ParseError{Input: "令和2026年3月15日", Reason: ReasonSyntax, Offset: 9}},
	{"TV-4 abbreviation with mixed separators", "R8.3/15", &ParseError{Input: "R8.3/15", Reason: ReasonSyntax, Offset: 4}},
	{"TV-4 abbreviation in lower case is not read", "r8.3.15", &ParseError{Input: "r8.3.15", Reason: ReasonSyntax, Offset: 0}},
	{"TV-4 abbreviation 元 is not read", "R元.5.1", &ParseError{Input: "R元.5.1", Reason: ReasonSyntax, Offset: 0}},
	{"TV-4 full-width unknown zone quotes the caller's text", "２０１２／１２／１１ ０８：５９：５９ ＸＳＴ",
		&ParseError{Input: "２０１２／１２／１１ ０８：５９：５９ ＸＳＴ", Reason: ReasonUnknownZone, Value: "ＸＳＴ", Offset: 56}},
	{"TV-4 full-width trailing text quotes the caller's text", "令和８年３月１５日 １０：００ まで",
		&ParseError{Input: "令和８年３月１５日 １０：００ まで", Reason: ReasonTrailingText, Value: " まで", Offset: 43}},
	{"TV-4 a full-width comment is checked against the offset", "2012-12-11 08:59:59 +0900 (ＣＳＴ)",
		&ParseError{Input: "2012-12-11 08:59:59 +0900 (ＣＳＴ)", Reason: ReasonBadOffset, Value: "ＣＳＴ", Offset: 27}},
	{"TV-4 a full-width suffix is checked against the offset", "2012-12-11T08:59:59+08:00[Ａｓｉａ/Ｔｏｋｙｏ]",
		&ParseError{Input: "2012-12-11T08:59:59+08:00[Ａｓｉａ/Ｔｏｋｙｏ]", Reason: ReasonBadOffset, Value: "Ａｓｉａ/Ｔｏｋｙｏ", Offset: 26}},
	{"TV-4 full-width time out of range", "２０２６年３月１５日 ２４：００",
		&ParseError{Input: "２０２６年３月１５日 ２４：００", Reason: ReasonBadTime, Offset: 31}},
}

// eraErrorMessages are TestParseErrorMessage's cases for era dates and
// full-width text.
var eraErrorMessages = map[string]string{
	"平成31年5月1日":     `tz: parsing "平成31年5月1日": date outside its era "平成31年5月1日" (平成 is 1989-01-08 to 2019-04-30)`,
	"令和元年4月30日":     `tz: parsing "令和元年4月30日": date outside its era "令和元年4月30日" (令和 began on 2019-05-01)`,
	"明治5年12月31日":    `tz: parsing "明治5年12月31日": date outside its era "明治5年12月31日" (明治 is read from 1873-01-01, when Japan took the Gregorian calendar, to 1912-07-29)`,
	"Ｈ３１．５．１":       `tz: parsing "Ｈ３１．５．１": date outside its era "Ｈ３１．５．１" (平成 is 1989-01-08 to 2019-04-30)`,
	"S64/1/8 10:00": `tz: parsing "S64/1/8 10:00": date outside its era "S64/1/8" (昭和 is 1926-12-25 to 1989-01-07)`,
	// A long input is shortened between characters, never inside one.
	"２０１２／１２／１１ ０８：５９：５９ ＸＳＴ": `tz: parsing "２０１２／１２／１１ ０８：５９：５９ Ｘ...": unknown zone abbreviation "ＸＳＴ"`,
}

// TestParseEraAllocs: era dates written in ASCII digits cost no
// allocation, like every other shape; full-width text costs two, the
// error of the first reading and the narrowed copy.
func TestParseEraAllocs(t *testing.T) {
	for _, in := range []string{"令和8年3月15日 8時59分59秒", "R8.3.15", "平成31年4月30日(火) 23:59:59 JST"} {
		if n := testing.AllocsPerRun(100, func() { _, _ = Parse(in) }); n != 0 {
			t.Errorf("Parse(%q) allocates %v times", in, n)
		}
	}
	in := "令和８年１２月１日\u3000１０：００"
	if n := testing.AllocsPerRun(100, func() { _, _ = Parse(in) }); n > 2 {
		t.Errorf("Parse(%q) allocates %v times, want at most 2", in, n)
	}
}
