package tz

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func utc(y int, m time.Month, d, h, mi, s, ns int) time.Time {
	return time.Date(y, m, d, h, mi, s, ns, time.UTC)
}

// parseCase is a case of TestParse: in is read as want, in the zone
// abbreviated zone.
type parseCase struct {
	name string
	in   string
	want time.Time
	zone string // the zone abbreviation the result is in
}

// TestParse holds Parse to the shapes of its doc comment; the era cases
// are in era_test.go (eraCases).
func TestParse(t *testing.T) {
	tests := []parseCase{
		{"TV-2 CA notBefore", "12/10/2011 00:00:00 GMT", utc(2011, 12, 10, 0, 0, 0, 0), "UTC"},
		{"TV-2 CA notAfter", "12/10/2012 23:59:59 GMT", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-4 CA single-digit month and day", "1/2/2012 3:04:05 GMT", utc(2012, 1, 2, 3, 4, 5, 0), "UTC"},
		{"TV-4 CA in JST", "12/11/2012 08:59:59 JST", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 OpenSSL", "Dec 10 23:59:59 2012 GMT", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-4 OpenSSL space-padded day", "Dec  1 00:00:00 2012 GMT", utc(2012, 12, 1, 0, 0, 0, 0), "UTC"},
		{"TV-4 OpenSSL full month name", "December 1 00:00:00 2012 GMT", utc(2012, 12, 1, 0, 0, 0, 0), "UTC"},
		{"TV-4 OpenSSL fraction", "Dec 10 23:59:59.5 2012 GMT", utc(2012, 12, 10, 23, 59, 59, 5e8), "UTC"},
		{"TV-4 RFC 3339 Z", "2012-12-10T23:59:59Z", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-4 RFC 3339 lower-case t and z", "2012-12-10t23:59:59z", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-4 RFC 3339 nanoseconds", "2012-12-10T23:59:59.999999999Z", utc(2012, 12, 10, 23, 59, 59, 999999999), "UTC"},
		{"TV-4 RFC 3339 +09:00 is JST", "2012-12-11T08:59:59+09:00", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 RFC 3339 negative offset", "2012-12-10T15:59:59-08:00", utc(2012, 12, 10, 23, 59, 59, 0), ""},
		{"TV-4 ISO space and compact offset", "2012-12-11 08:59:59+0900", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 ISO hour-only offset", "2012-12-11 08:59:59+09", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 ISO comma fraction", "2012-12-10T23:59:59,25Z", utc(2012, 12, 10, 23, 59, 59, 25e7), "UTC"},
		{"TV-4 ISO without seconds", "2012-12-11T08:59+09:00", utc(2012, 12, 10, 23, 59, 0, 0), "JST"},
		{"TV-4 ISO with abbreviation", "2012-12-11 08:59:59 JST", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 time.Time.String form", "2012-12-11 08:59:59 +0900 JST", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 offset with unknown abbreviation keeps the offset", "2012-12-11 08:59:59 +0900 XYZ", utc(2012, 12, 10, 23, 59, 59, 0), "XYZ"},
		{"TV-4 UTC plus offset", "2012-12-11 08:59:59 UTC+9", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 GMT plus offset", "2012-12-11 08:59:59 GMT+09:00", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 ISO basic", "20121210T235959Z", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-4 GeneralizedTime", "20121210235959Z", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-5 GeneralizedTime no well-defined expiration", "99991231235959Z", utc(9999, 12, 31, 23, 59, 59, 0), "UTC"},
		{"TV-5 UTCTime 49 is 2049", "491231235959Z", utc(2049, 12, 31, 23, 59, 59, 0), "UTC"},
		{"TV-5 UTCTime 50 is 1950", "500101000000Z", utc(1950, 1, 1, 0, 0, 0, 0), "UTC"},
		{"TV-4 RFC 1123", "Mon, 10 Dec 2012 23:59:59 GMT", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-4 year/month/day JST", "2012/12/11 08:59:59 JST", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 year/month/day offset", "2012/12/11 08:59:59 +09:00", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 Japanese", "2012年12月11日 8時59分59秒", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 Japanese no space", "2012年12月11日8時59分59秒", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 Japanese hours only", "2012年12月11日 9時", utc(2012, 12, 11, 0, 0, 0, 0), "JST"},
		{"TV-4 Japanese weekday", "2012年12月11日(火) 8時59分", utc(2012, 12, 10, 23, 59, 0, 0), "JST"},
		{"TV-4 Japanese full-width weekday", "2012年12月11日（火）8:59:59", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 Japanese with explicit zone", "2012年12月10日 23時59分59秒 GMT", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-4 Japanese with parenthesized zone", "2012年12月11日 8:59:59 (JST)", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 Japanese with 日本時間", "2012年12月11日 8時59分59秒（日本時間）", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 Japanese with bare 日本時間", "2012年12月11日 8:59:59 日本時間", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 Japanese with full-width (JST)", "2012年12月11日 8時59分59秒（JST）", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 Japanese bare date is JST midnight", "2012年12月11日", utc(2012, 12, 10, 15, 0, 0, 0), "JST"},
		{"TV-4 bare ISO date is JST midnight", "2012-12-11", utc(2012, 12, 10, 15, 0, 0, 0), "JST"},
		{"TV-4 bare slash date is JST midnight", "2012/12/11", utc(2012, 12, 10, 15, 0, 0, 0), "JST"},
		{"TV-4 bare basic date is JST midnight", "20121211", utc(2012, 12, 10, 15, 0, 0, 0), "JST"},
		{"TV-4 surrounding white space", "\t 2012-12-10T23:59:59Z \n", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-4 29 February in a leap year", "02/29/2024 12:00:00 GMT", utc(2024, 2, 29, 12, 0, 0, 0), "UTC"},
		{"TV-1 zone abbreviations ignore case", "2012/12/11 08:59:59 jst", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 US zone with one offset", "2012-12-10 18:59:59 EST", utc(2012, 12, 10, 23, 59, 59, 0), "EST"},
		{"TV-4 PDT has one offset today", "2012-06-30 16:59:59 PDT", utc(2012, 6, 30, 23, 59, 59, 0), "PDT"},
		{"TV-4 KST has one offset today", "2012-12-11 08:59:59 KST", utc(2012, 12, 10, 23, 59, 59, 0), "KST"},
		{"TV-4 tz database abbreviation ChST", "2012-12-11 09:59:59 chst", utc(2012, 12, 10, 23, 59, 59, 0), "ChST"},
		{"TV-4 tz database abbreviation MSK", "2012-12-11 02:59:59 MSK", utc(2012, 12, 10, 23, 59, 59, 0), "MSK"},
		{"TV-4 tz database abbreviation NZDT", "2012-12-11 12:59:59 NZDT", utc(2012, 12, 10, 23, 59, 59, 0), "NZDT"},
		{"TV-4 tz database abbreviation NST is -03:30", "2012-12-10 20:29:59 NST", utc(2012, 12, 10, 23, 59, 59, 0), "NST"},
		// The Unix and Java form: weekday, month, day, time, zone, year.
		{"TV-4 Unix date", "Tue Dec 11 08:59:59 JST 2012", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 Unix date space-padded day", "Sat Dec  1 08:59:59 JST 2012", utc(2012, 11, 30, 23, 59, 59, 0), "JST"},
		{"TV-4 Java Date zero-padded day", "Sat Dec 01 08:59:59 JST 2012", utc(2012, 11, 30, 23, 59, 59, 0), "JST"},
		{"TV-4 GnuTLS certtool UTC", "Mon Dec 10 23:59:59 UTC 2012", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-4 Java Date with GMT offset", "Tue Dec 11 08:59:59 GMT+09:00 2012", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 Ruby Time with a numeric offset", "Tue Dec 11 08:59:59 +0900 2012", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 Unix date without weekday", "Dec 11 08:59:59 JST 2012", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 full weekday and month", "Tuesday December 11 08:59:59 JST 2012", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 keytool from label", "Valid from: Sat Dec 10 09:00:00 JST 2011", utc(2011, 12, 10, 0, 0, 0, 0), "JST"},
		{"TV-4 keytool until label", "until: Tue Dec 11 08:59:59 JST 2012", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 keytool Japanese labels", "終了日: Tue Dec 11 08:59:59 JST 2012", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 certtool label", "\t\tNot After: Mon Dec 10 23:59:59 UTC 2012", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-4 curl expire date", "*  expire date: Dec 10 23:59:59 2012 GMT", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-4 curl start date", "*  start date: Dec  1 00:00:00 2011 GMT", utc(2011, 12, 1, 0, 0, 0, 0), "UTC"},
		// 12-hour clocks.
		{"TV-4 en_US date with AM", "Tue Dec 11 08:59:59 AM JST 2012", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 en_US date with PM", "Mon Dec 10 11:59:59 PM UTC 2012", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-4 12 PM is noon", "Tue Dec 11 12:05:09 PM JST 2012", utc(2012, 12, 11, 3, 5, 9, 0), "JST"},
		{"TV-4 12 AM is midnight", "Tue Dec 11 12:05:09 AM JST 2012", utc(2012, 12, 10, 15, 5, 9, 0), "JST"},
		{"TV-4 0 AM is midnight", "12/11/2012 0:05:09 AM JST", utc(2012, 12, 10, 15, 5, 9, 0), "JST"},
		{"TV-4 lower-case pm without a space", "12/10/2012 11:59:59pm GMT", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-4 p.m.", "12/10/2012 11:59:59 p.m. GMT", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-4 narrow no-break space before AM", "Dec 11, 2012, 8:59:59\u202fAM JST", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 午前", "2012年12月11日 午前8時59分59秒", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 午後0時 is noon", "2012/12/11 午後0:05:09 JST", utc(2012, 12, 11, 3, 5, 9, 0), "JST"},
		{"TV-4 午前0時 is midnight", "2012年12月11日 午前0時5分", utc(2012, 12, 10, 15, 5, 0, 0), "JST"},
		{"TV-4 午後11時", "2012/12/10 午後11:59:59 UTC", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		// JavaScript, Java and Intl.
		{"TV-4 JavaScript Date.toString", "Tue Dec 11 2012 08:59:59 GMT+0900 (Japan Standard Time)", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 JavaScript Date.toString in Japanese", "Tue Dec 11 2012 08:59:59 GMT+0900 (日本標準時)", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 JavaScript comment in another language is a comment", "Mon Dec 10 2012 18:59:59 GMT-0500 (hora estándar oriental)", utc(2012, 12, 10, 23, 59, 59, 0), ""},
		{"TV-4 JavaScript en-US toLocaleString", "12/11/2012, 8:59:59 AM GMT+9", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 JavaScript en-US long zone name", "12/11/2012, 8:59:59 AM Japan Standard Time", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 Java FULL English", "Tuesday, December 11, 2012 at 8:59:59 AM Japan Standard Time", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 Java LONG English", "December 10, 2012 at 11:59:59 PM UTC", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-4 Java FULL Coordinated Universal Time", "Monday, December 10, 2012 at 11:59:59 PM Coordinated Universal Time", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-4 Java ZonedDateTime", "2012-12-11T08:59:59+09:00[Asia/Tokyo]", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 Java ZonedDateTime in UTC", "2012-12-10T23:59:59Z[UTC]", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-4 RFC 9557 zone the table does not know", "2012-12-10T18:59:59-05:00[America/New_York]", utc(2012, 12, 10, 23, 59, 59, 0), ""},
		{"TV-4 RFC 9557 calendar annotation", "2012-12-11T08:59:59+09:00[Asia/Tokyo][u-ca=japanese]", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 RFC 5322 with offset", "Tue, 11 Dec 2012 08:59:59 +0900", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 RFC 5322 with a comment", "Tue, 11 Dec 2012 08:59:59 +0900 (JST)", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 RFC 5322 without weekday", "11 Dec 2012 08:59:59 +0900", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 RFC 5322 without seconds", "Tue, 11 Dec 2012 08:59 +0900", utc(2012, 12, 10, 23, 59, 0, 0), "JST"},
		{"TV-4 git log form: year, then offset", "Tue Dec 11 08:59:59 2012 +0900", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 certbot Expiry Date with its comment", "Expiry Date: 2012-12-10 23:59:59+00:00 (VALID: 89 days)", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-4 sslscan label", "Not valid after:  Dec 10 23:59:59 2012 GMT", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-4 openssl crl label", "        Next Update: Dec 10 23:59:59 2012 GMT", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-4 openssl ocsp label", "Produced At: Dec 10 23:59:59 2012 GMT", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-4 openssl s_client label", "NotAfter: Dec 10 23:59:59 2012 GMT", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-4 Go time.Time.String in China", "2012-12-11 07:59:59 +0800 CST", utc(2012, 12, 10, 23, 59, 59, 0), "CST"},
		{"TV-4 Go time.Time.String in Chicago", "2012-12-10 17:59:59 -0600 CST", utc(2012, 12, 10, 23, 59, 59, 0), "CST"},
		// Japanese.
		{"TV-4 ja_JP date", "2012年 12月 11日 火曜日 08:59:59 JST", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 ja_JP date with padded month and day", "2026年  3月  2日 月曜日 05:05:09 JST", utc(2026, 3, 1, 20, 5, 9, 0), "JST"},
		{"TV-4 ja_JP date in UTC", "2012年 12月 10日 月曜日 23:59:59 UTC", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-4 Java FULL Japanese", "2012年12月11日火曜日 8時59分59秒 日本標準時", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 Java FULL Japanese in UTC", "2012年12月10日月曜日 23時59分59秒 協定世界時", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-4 Node toLocaleString ja-JP long", "2012/12/11 8:59:59 日本標準時", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 Node toLocaleString ja-JP long with 時分秒", "2012/12/11 8時59分59秒 日本標準時", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 Japanese clock after a slash date is JST", "2012/12/11 8時59分59秒", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 ideographic space between date and time", "2012年12月11日\u30008時59分59秒", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 ideographic space before the zone", "2012/12/11\u30008:59:59\u3000JST", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 Japanese weekday 火曜", "2012年12月11日(火曜日) 8:59", utc(2012, 12, 10, 23, 59, 0, 0), "JST"},
		{"TV-4 グリニッジ標準時", "2012年12月10日 23時59分59秒 グリニッジ標準時", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-4 slash date with a Japanese weekday is JST", "2012/12/11(火) 8:59:59", utc(2012, 12, 10, 23, 59, 59, 0), "JST"},
		{"TV-4 slash date with a full-width weekday", "2012/12/11（火）8:59", utc(2012, 12, 10, 23, 59, 0, 0), "JST"},
		{"TV-4 bare slash date with a weekday", "2012/12/11(火)", utc(2012, 12, 10, 15, 0, 0, 0), "JST"},
		{"TV-4 a written zone wins over Japanese script", "2012年12月10日 18:59:59 EST", utc(2012, 12, 10, 23, 59, 59, 0), "EST"},
		{"TV-5 year 2050", "2050-01-01T00:00:00Z", utc(2050, 1, 1, 0, 0, 0, 0), "UTC"},
		{"TV-2 CA line with its label", "Validity Start Date:12/10/2011 00:00:00 GMT", utc(2011, 12, 10, 0, 0, 0, 0), "UTC"},
		{"TV-2 CA end line with its label", "Validity End Date :12/10/2012 23:59:59 GMT", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-4 openssl -enddate line", "notAfter=Dec 10 23:59:59 2012 GMT", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-4 openssl -startdate line", "notBefore=Dec 10 00:00:00 2011 GMT", utc(2011, 12, 10, 0, 0, 0, 0), "UTC"},
		{"TV-4 openssl -text line", "            Not After : Dec 10 23:59:59 2012 GMT", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
		{"TV-4 openssl -dateopt iso_8601", "2012-12-10 23:59:59Z", utc(2012, 12, 10, 23, 59, 59, 0), "UTC"},
	}
	for _, tt := range slices.Concat(tests, eraCases) {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			if !got.Equal(tt.want) {
				t.Errorf("Parse(%q) = %v, want %v", tt.in, got, tt.want)
			}
			if zone, _ := got.Zone(); zone != tt.zone {
				t.Errorf("Parse(%q) zone = %q, want %q", tt.in, zone, tt.zone)
			}
		})
	}
}

// parseErrorCase is a case of TestParseErrors: Parse refuses in with
// want.
type parseErrorCase struct {
	name string
	in   string
	want *ParseError
}

// TestParseErrors holds Parse's errors to their Reason, Value and Offset;
// the era cases are in era_test.go (eraErrorCases).
func TestParseErrors(t *testing.T) {
	tests := []parseErrorCase{
		{"TV-4 empty", "", &ParseError{Input: "", Reason: ReasonEmpty}},
		{"TV-4 blank", "  ", &ParseError{Input: "  ", Reason: ReasonEmpty}},
		{"TV-4 unknown abbreviation is not UTC", "12/10/2011 00:00:00 XST",
			&ParseError{Input: "12/10/2011 00:00:00 XST", Reason: ReasonUnknownZone, Value: "XST", Offset: 20}},
		{"TV-4 ambiguous CST", "2012-12-10 17:59:59 CST",
			&ParseError{Input: "2012-12-10 17:59:59 CST", Reason: ReasonAmbiguousZone, Value: "CST", Offset: 20}},
		{"TV-4 ambiguous IST", "Dec 10 23:59:59 2012 IST",
			&ParseError{Input: "Dec 10 23:59:59 2012 IST", Reason: ReasonAmbiguousZone, Value: "IST", Offset: 21}},
		{"TV-4 ambiguous PST (Manila)", "Mon Dec 10 15:59:59 PST 2012",
			&ParseError{Input: "Mon Dec 10 15:59:59 PST 2012", Reason: ReasonAmbiguousZone, Value: "PST", Offset: 20}},
		{"TV-4 ambiguous CDT (Cuba)", "2012-06-30 18:59:59 CDT",
			&ParseError{Input: "2012-06-30 18:59:59 CDT", Reason: ReasonAmbiguousZone, Value: "CDT", Offset: 20}},
		{"TV-4 ambiguous BST", "Sun Jul  1 00:59:59 BST 2012",
			&ParseError{Input: "Sun Jul  1 00:59:59 BST 2012", Reason: ReasonAmbiguousZone, Value: "BST", Offset: 20}},
		{"TV-4 ambiguous in lower case", "12/10/2012 17:59:59 cst",
			&ParseError{Input: "12/10/2012 17:59:59 cst", Reason: ReasonAmbiguousZone, Value: "cst", Offset: 20}},
		{"TV-4 ambiguous in parentheses", "2012年12月11日 7:59:59 (CST)",
			&ParseError{Input: "2012年12月11日 7:59:59 (CST)", Reason: ReasonAmbiguousZone, Value: "CST", Offset: 27}},
		{"TV-4 ambiguous abbreviation with an offset it cannot mean", "2012-12-11 08:59:59 +0900 CST",
			&ParseError{Input: "2012-12-11 08:59:59 +0900 CST", Reason: ReasonBadOffset, Value: "CST", Offset: 26}},
		{"TV-4 unknown zone in the Unix form", "Tue Dec 11 08:59:59 XST 2012",
			&ParseError{Input: "Tue Dec 11 08:59:59 XST 2012", Reason: ReasonUnknownZone, Value: "XST", Offset: 20}},
		{"TV-4 Unix form without a zone (ANSIC)", "Tue Dec 11 08:59:59 2012",
			&ParseError{Input: "Tue Dec 11 08:59:59 2012", Reason: ReasonMissingZone, Offset: 24}},
		{"TV-4 Unix form with a wrong weekday", "Wed Dec 11 08:59:59 JST 2012",
			&ParseError{Input: "Wed Dec 11 08:59:59 JST 2012", Reason: ReasonBadDate}},
		{"TV-4 ja_JP date with a wrong weekday", "2012年 12月 11日 水曜日 08:59:59 JST",
			&ParseError{Input: "2012年 12月 11日 水曜日 08:59:59 JST", Reason: ReasonBadDate}},
		{"TV-4 13 PM", "Tue Dec 11 13:05:09 PM JST 2012",
			&ParseError{Input: "Tue Dec 11 13:05:09 PM JST 2012", Reason: ReasonTwelveHour, Value: "13:05:09 PM", Offset: 11}},
		{"TV-4 午前12時 is noon or midnight", "2012年12月11日 午前12時05分",
			&ParseError{Input: "2012年12月11日 午前12時05分", Reason: ReasonTwelveHour, Value: "午前12時05分", Offset: 18}},
		{"TV-4 午後12:05", "2012/12/11 午後12:05:09 JST",
			&ParseError{Input: "2012/12/11 午後12:05:09 JST", Reason: ReasonTwelveHour, Value: "午後12:05:09", Offset: 11}},
		{"TV-4 both 午後 and PM", "2012/12/11 午後1:05:09 PM JST",
			&ParseError{Input: "2012/12/11 午後1:05:09 PM JST", Reason: ReasonTwelveHour, Value: "午後1:05:09 PM", Offset: 11}},
		{"TV-4 AM after RFC 3339 speaks of the 12-hour clock", "2012-12-11T08:59:59 AM JST",
			&ParseError{Input: "2012-12-11T08:59:59 AM JST", Reason: ReasonTwelveHour, Value: "AM", Offset: 20}},
		{"TV-4 RFC 9557 zone contradicts the offset", "2012-12-11T08:59:59+08:00[Asia/Tokyo]",
			&ParseError{Input: "2012-12-11T08:59:59+08:00[Asia/Tokyo]", Reason: ReasonBadOffset, Value: "Asia/Tokyo", Offset: 26}},
		{"TV-4 JavaScript comment contradicts the offset", "Tue Dec 11 2012 07:59:59 GMT+0800 (Japan Standard Time)",
			&ParseError{Input: "Tue Dec 11 2012 07:59:59 GMT+0800 (Japan Standard Time)", Reason: ReasonBadOffset, Value: "Japan Standard Time", Offset: 35}},
		{"TV-4 zone name contradicts the offset after it", "2012-12-11 08:59:59 +0800 JST",
			&ParseError{Input: "2012-12-11 08:59:59 +0800 JST", Reason: ReasonBadOffset, Value: "JST", Offset: 26}},
		{"TV-4 unclosed RFC 9557 suffix", "2012-12-11T08:59:59+09:00[Asia/Tokyo",
			&ParseError{Input: "2012-12-11T08:59:59+09:00[Asia/Tokyo", Reason: ReasonSyntax, Offset: 25}},
		{"TV-4 missing zone in CA form", "12/10/2011 00:00:00",
			&ParseError{Input: "12/10/2011 00:00:00", Reason: ReasonMissingZone, Offset: 19}},
		{"TV-4 missing zone in RFC 3339", "2012-12-10T23:59:59",
			&ParseError{Input: "2012-12-10T23:59:59", Reason: ReasonMissingZone, Offset: 19}},
		{"TV-4 missing zone in OpenSSL form", "Dec 10 23:59:59 2012",
			&ParseError{Input: "Dec 10 23:59:59 2012", Reason: ReasonMissingZone, Offset: 20}},
		{"TV-4 30 February", "02/30/2012 00:00:00 GMT",
			&ParseError{Input: "02/30/2012 00:00:00 GMT", Reason: ReasonBadDate}},
		{"TV-4 29 February in a common year", "2023-02-29",
			&ParseError{Input: "2023-02-29", Reason: ReasonBadDate}},
		{"TV-4 month 13", "2012-13-01T00:00:00Z",
			&ParseError{Input: "2012-13-01T00:00:00Z", Reason: ReasonBadDate}},
		{"TV-4 wrong Japanese weekday", "2012年12月11日(水)",
			&ParseError{Input: "2012年12月11日(水)", Reason: ReasonBadDate}},
		{"TV-4 wrong RFC 1123 weekday", "Tue, 10 Dec 2012 23:59:59 GMT",
			&ParseError{Input: "Tue, 10 Dec 2012 23:59:59 GMT", Reason: ReasonBadDate}},
		{"TV-4 hour 24", "2012-12-10T24:00:00Z",
			&ParseError{Input: "2012-12-10T24:00:00Z", Reason: ReasonBadTime, Offset: 11}},
		{"TV-4 leap second", "2016-12-31T23:59:60Z",
			&ParseError{Input: "2016-12-31T23:59:60Z", Reason: ReasonBadTime, Offset: 11}},
		{"TV-4 Japanese minute 60", "2012年12月11日 8時60分",
			&ParseError{Input: "2012年12月11日 8時60分", Reason: ReasonBadTime, Offset: 18}},
		{"TV-4 offset out of range", "2012-12-10T23:59:59+24:00",
			&ParseError{Input: "2012-12-10T23:59:59+24:00", Reason: ReasonBadOffset, Value: "+24:00", Offset: 19}},
		{"TV-4 offset contradicts abbreviation", "2012-12-11 08:59:59 +0800 JST",
			&ParseError{Input: "2012-12-11 08:59:59 +0800 JST", Reason: ReasonBadOffset, Value: "JST", Offset: 26}},
		{"TV-4 trailing junk", "2012-12-10T23:59:59Z extra",
			&ParseError{Input: "2012-12-10T23:59:59Z extra", Reason: ReasonTrailingText, Value: " extra", Offset: 20}},
		{"TV-4 trailing junk after bare date", "2012-12-11x",
			&ParseError{Input: "2012-12-11x", Reason: ReasonSyntax, Offset: 10}},
		{"TV-4 CA form needs seconds", "12/10/2011 00:00 GMT",
			&ParseError{Input: "12/10/2011 00:00 GMT", Reason: ReasonSyntax, Offset: 16}},
		{"TV-4 month/day/year without a time is refused", "12/10/2011",
			&ParseError{Input: "12/10/2011", Reason: ReasonSyntax, Offset: 10}},
		{"TV-4 two-digit year", "12/10/11 00:00:00 GMT",
			&ParseError{Input: "12/10/11 00:00:00 GMT", Reason: ReasonSyntax, Offset: 8}},
		{"TV-4 ten fraction digits", "2012-12-10T23:59:59.1234567891Z",
			&ParseError{Input: "2012-12-10T23:59:59.1234567891Z", Reason: ReasonSyntax, Offset: 30}},
		{"TV-4 word", "tomorrow", &ParseError{Input: "tomorrow", Reason: ReasonSyntax, Offset: 0}},
		{"TV-4 label alone", "notAfter=", &ParseError{Input: "notAfter=", Reason: ReasonEmpty}},
		{"TV-4 label without separator", "notAfter Dec 10 23:59:59 2012 GMT",
			&ParseError{Input: "notAfter Dec 10 23:59:59 2012 GMT", Reason: ReasonSyntax, Offset: 0}},
		{"TV-4 unknown label", "expires: Dec 10 23:59:59 2012 GMT",
			&ParseError{Input: "expires: Dec 10 23:59:59 2012 GMT", Reason: ReasonSyntax, Offset: 0}},
		{"TV-4 unclosed full-width parenthesis", "2012年12月11日 8:59:59（日本時間",
			&ParseError{Input: "2012年12月11日 8:59:59（日本時間", Reason: ReasonTrailingText, Value: "（日本時間", Offset: 25}},
		{"TV-4 unclosed parenthesis", "2012年12月11日 8:59:59 (JST",
			&ParseError{Input: "2012年12月11日 8:59:59 (JST", Reason: ReasonSyntax, Offset: 30}},
	}
	for _, tt := range slices.Concat(tests, eraErrorCases) {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.in)
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q) = %v, %v; want *ParseError", tt.in, got, err)
			}
			if diff := cmp.Diff(tt.want, pe); diff != "" {
				t.Errorf("Parse(%q) error mismatch (-want +got):\n%s", tt.in, diff)
			}
			if !strings.HasPrefix(tt.in[pe.Offset:], pe.Value) {
				t.Errorf("Parse(%q): Value %q is not at Offset %d", tt.in, pe.Value, pe.Offset)
			}
			if !got.IsZero() {
				t.Errorf("Parse(%q) returned %v with an error; want the zero Time", tt.in, got)
			}
		})
	}
}

func TestParseErrorMessage(t *testing.T) {
	for in, want := range map[string]string{
		"12/10/2011 00:00:00 XST":      `tz: parsing "12/10/2011 00:00:00 XST": unknown zone abbreviation "XST"`,
		"Mon Dec 10 17:59:59 CST 2012": `tz: parsing "Mon Dec 10 17:59:59 CST 2012": ambiguous zone abbreviation "CST" (-06:00 US Central, -05:00 Cuba, +08:00 China and Taiwan)`,
		"2012-12-10 23:59:59 ist":      `tz: parsing "2012-12-10 23:59:59 ist": ambiguous zone abbreviation "ist" (+05:30 India, +01:00 Ireland, +02:00 Israel)`,
		"Tue Dec 11 13:05 PM JST 2012": `tz: parsing "Tue Dec 11 13:05 PM JST 2012": unrecognized timestamp syntax`,
		"12/11/2012 13:05:09 PM JST":   `tz: parsing "12/11/2012 13:05:09 PM JST": invalid 12-hour clock time "13:05:09 PM"`,
		"2012-12-11T08:59:59 AM JST":   `tz: parsing "2012-12-11T08:59:59 AM JST": invalid 12-hour clock time "AM"`,
	} {
		if _, err := Parse(in); err == nil || err.Error() != want {
			t.Errorf("TV-4 error = %v, want %s", err, want)
		}
	}
	for in, want := range eraErrorMessages {
		if _, err := Parse(in); err == nil || err.Error() != want {
			t.Errorf("TV-4 Parse(%q) error = %v, want %s", in, err, want)
		}
	}
	if got := Reason(99).String(); got != "Reason(99)" {
		t.Errorf("Reason(99).String() = %q", got)
	}
}

// TV-1: no result may depend on the host's zone. The CI runs this package
// under TZ=America/Los_Angeles and TZ=Asia/Tokyo; this test also checks that
// nothing returned is in time.Local.
func TestParseNeverLocal(t *testing.T) {
	for _, in := range []string{"2012-12-11", "2012年12月11日 8時59分59秒", "12/10/2011 00:00:00 GMT", "2012-12-11T08:59:59+05:30"} {
		got, err := Parse(in)
		if err != nil {
			t.Fatal(err)
		}
		if got.Location() == time.Local {
			t.Errorf("TV-1 Parse(%q) is in time.Local", in)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Date
		wantErr Reason
	}{
		{"ISO", "2012-12-11", Date{2012, 12, 11}, 0},
		{"slashes", "2012/12/11", Date{2012, 12, 11}, 0},
		{"basic", "20121211", Date{2012, 12, 11}, 0},
		{"Japanese", "2012年12月11日", Date{2012, 12, 11}, 0},
		{"Japanese with weekday", "2026年9月22日(火)", Date{2026, 9, 22}, 0},
		{"TV-4 ja_JP date", "2026年  9月 22日 火曜日", Date{2026, 9, 22}, 0},
		{"TV-4 Java FULL date", "2026年9月22日火曜日", Date{2026, 9, 22}, 0},
		{"TV-4 slash date with weekday", "2026/09/22(火)", Date{2026, 9, 22}, 0},
		{"TV-4 slash date with wrong weekday", "2026/09/22（水）", Date{}, ReasonBadDate},
		{"TV-4 weekday kanji alone is not a weekday", "2026年9月22日火", Date{}, ReasonTrailingText},
		{"single digits", "2024-2-9", Date{2024, 2, 9}, 0},
		{"29 February leap year", "2024-02-29", Date{2024, 2, 29}, 0},
		{"29 February common year", "2023-02-29", Date{}, ReasonBadDate},
		{"2000 was a leap year", "2000-02-29", Date{2000, 2, 29}, 0},
		{"1900 was not", "1900-02-29", Date{}, ReasonBadDate},
		{"day 0", "2024-01-00", Date{}, ReasonBadDate},
		{"basic bad date", "20230229", Date{}, ReasonBadDate},
		{"time not allowed", "2012-12-11T00:00:00Z", Date{}, ReasonTrailingText},
		{"empty", "", Date{}, ReasonEmpty},
		{"junk", "soon", Date{}, ReasonSyntax},
		{"mixed separators", "2012-12/11", Date{}, ReasonSyntax},
		// Era years and full-width text, as Parse reads them.
		{"TV-4 era date", "令和8年3月15日", Date{2026, 3, 15}, 0},
		{"TV-4 元年", "令和元年5月1日", Date{2019, 5, 1}, 0},
		{"TV-4 era date with weekday", "令和8年3月15日(日)", Date{2026, 3, 15}, 0},
		{"TV-4 abbreviation", "R8.3.15", Date{2026, 3, 15}, 0},
		{"TV-4 full-width", "２０２６／０３／１５", Date{2026, 3, 15}, 0},
		{"TV-4 full-width era date", "令和８年３月１５日", Date{2026, 3, 15}, 0},
		{"TV-4 outside its era", "平成31年5月1日", Date{}, ReasonEraRange},
		{"TV-4 a time is not a date", "令和8年3月15日 10:00", Date{}, ReasonTrailingText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			var gotReason Reason
			if err != nil {
				var pe *ParseError
				if !errors.As(err, &pe) {
					t.Fatalf("ParseDate(%q) error %v is not a *ParseError", tt.in, err)
				}
				gotReason = pe.Reason
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseDate(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
			if gotReason != tt.wantErr {
				t.Errorf("ParseDate(%q) reason = %v, want %v", tt.in, gotReason, tt.wantErr)
			}
		})
	}
}

func TestZone(t *testing.T) {
	tests := []struct {
		abbr   string
		offset int // seconds east of UTC
		ok     bool
	}{
		{"UTC", 0, true}, {"gmt", 0, true}, {"UT", 0, true}, {"Z", 0, true},
		{"JST", 9 * 3600, true}, {"KST", 9 * 3600, true}, {"PDT", -7 * 3600, true},
		{"EST", -5 * 3600, true}, {"CEST", 2 * 3600, true}, {"AEDT", 11 * 3600, true},
		{"SGT", 8 * 3600, true}, {"chst", 10 * 3600, true}, {"NST", -12600, true},
		{"CST", 0, false}, {"CDT", 0, false}, {"IST", 0, false}, {"BST", 0, false}, {"PST", 0, false},
		{"", 0, false}, {"JSTX", 0, false}, {"XST", 0, false}, {"+09", 0, false},
		{"Asia/Tokyo", 9 * 3600, true}, {"Japan", 9 * 3600, true}, {"Etc/UTC", 0, true},
		{"asia/tokyo", 0, false}, {"America/Los_Angeles", 0, false},
		{"日本標準時", 9 * 3600, true}, {"Japan Standard Time", 9 * 3600, true}, {"japan standard time", 9 * 3600, true},
		{"協定世界時", 0, true}, {"Coordinated Universal Time", 0, true}, {"グリニッジ標準時", 0, true},
	}
	for _, tt := range tests {
		t.Run("TV-4 "+tt.abbr, func(t *testing.T) {
			loc, ok := Zone(tt.abbr)
			if ok != tt.ok {
				t.Fatalf("Zone(%q) ok = %v, want %v", tt.abbr, ok, tt.ok)
			}
			if !ok {
				if loc != nil {
					t.Errorf("Zone(%q) = %v with ok false", tt.abbr, loc)
				}
				return
			}
			if _, off := time.Date(2026, 7, 1, 0, 0, 0, 0, loc).Zone(); off != tt.offset {
				t.Errorf("Zone(%q) offset = %d, want %d", tt.abbr, off, tt.offset)
			}
		})
	}
}

// TestZoneTable holds Zone and Parse to the tz database's use of
// abbreviations today (TV-4), as testdata/genzones recorded it in
// zones.tsv: an abbreviation with one offset is known with that offset; one
// with more is refused as ambiguous, by Zone and by Parse; and Zone knows
// no abbreviation the record lacks, except SGT (Singapore, +08:00), and
// refuses BST, which TV-4 lists as ambiguous. GMT and UTC are time.UTC.
func TestZoneTable(t *testing.T) {
	f, err := os.ReadFile(filepath.Join("testdata", "zones.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	record := map[string]bool{}
	ambiguous := 0
	for _, line := range strings.Split(strings.TrimSpace(string(f)), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Split(line, "\t")
		abbr, offs := fs[0], strings.Split(fs[1], ",")
		record[strings.ToUpper(abbr)] = true
		loc, ok := Zone(abbr)
		_, err := Parse("2026-07-01 00:00:00 " + abbr)
		var pe *ParseError
		switch {
		case len(offs) > 1:
			ambiguous++
			if ok || !errors.As(err, &pe) || pe.Reason != ReasonAmbiguousZone {
				t.Errorf("TV-4 %s names %v in the tz database: Zone ok = %v, Parse error %v; want ambiguous", abbr, offs, ok, err)
			}
		case abbr == "BST":
			if ok || !errors.As(err, &pe) || pe.Reason != ReasonAmbiguousZone {
				t.Errorf("TV-4 BST: Zone ok = %v, Parse error %v; want ambiguous, as TV-4 lists it", ok, err)
			}
		default:
			want, _ := strconv.Atoi(offs[0])
			if !ok {
				t.Errorf("TV-4 %s (%d s) is in the tz database but unknown to Zone", abbr, want)
				continue
			}
			if name, off := time.Date(2026, 7, 1, 0, 0, 0, 0, loc).Zone(); off != want || name != abbr && loc != time.UTC {
				t.Errorf("TV-4 Zone(%q) = %s %d, want %s %d", abbr, name, off, abbr, want)
			}
			if err != nil {
				t.Errorf("TV-4 Parse with %s: %v", abbr, err)
			}
		}
	}
	if ambiguous < 4 {
		t.Errorf("TV-4 zones.tsv records %d ambiguous abbreviations; regenerate it", ambiguous)
	}
	for _, e := range zoneTable {
		if !record[e.key] && e.abbr != "SGT" {
			t.Errorf("TV-4 Zone knows %s, which the tz database record does not have", e.abbr)
		}
	}
}

func TestParserUSZones(t *testing.T) {
	us := Parser{USZones: true}
	tests := []struct {
		name string
		in   string
		want time.Time
		err  Reason
	}{
		{"TV-4 RFC 5322 CST is US Central", "Mon Dec 10 17:59:59 CST 2012", utc(2012, 12, 10, 23, 59, 59, 0), 0},
		{"TV-4 RFC 5322 CDT is US Central daylight", "2012-06-30 18:59:59 CDT", utc(2012, 6, 30, 23, 59, 59, 0), 0},
		{"TV-4 RFC 5322 PST is US Pacific", "12/10/2012 15:59:59 PST", utc(2012, 12, 10, 23, 59, 59, 0), 0},
		{"TV-4 RFC 5322 reading in lower case", "12/10/2012 15:59:59 pst", utc(2012, 12, 10, 23, 59, 59, 0), 0},
		{"TV-4 EST reads the same either way", "12/10/2012 18:59:59 EST", utc(2012, 12, 10, 23, 59, 59, 0), 0},
		{"TV-4 an offset still decides", "2012-12-11 07:59:59 +0800 CST", utc(2012, 12, 10, 23, 59, 59, 0), 0},
		{"TV-4 IST stays ambiguous", "Tue Dec 11 05:29:59 IST 2012", time.Time{}, ReasonAmbiguousZone},
		{"TV-4 BST stays ambiguous", "Sun Jul  1 00:59:59 BST 2012", time.Time{}, ReasonAmbiguousZone},
		{"TV-4 unknown stays unknown", "12/10/2012 15:59:59 XST", time.Time{}, ReasonUnknownZone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := us.Parse(tt.in)
			var pe *ParseError
			switch {
			case tt.err != 0:
				if !errors.As(err, &pe) || pe.Reason != tt.err {
					t.Errorf("Parse(%q) = %v, %v; want %v", tt.in, got, err, tt.err)
				}
			case err != nil || !got.Equal(tt.want):
				t.Errorf("Parse(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
	// The zero Parser is Parse.
	for _, in := range []string{"Mon Dec 10 17:59:59 CST 2012", "Tue Dec 11 08:59:59 JST 2012"} {
		a, errA := Parse(in)
		b, errB := Parser{}.Parse(in)
		if !a.Equal(b) || (errA == nil) != (errB == nil) {
			t.Errorf("TV-4 Parse(%q) = %v, %v but Parser{}.Parse = %v, %v", in, a, errA, b, errB)
		}
	}
}

func TestJSTIsFixed(t *testing.T) {
	// TV-1: JST is +09:00 on every date, summer and winter, 1951 and 2099.
	for _, y := range []int{1951, 1970, 2011, 2049, 2050, 2099} {
		for _, m := range []time.Month{time.January, time.July} {
			name, off := time.Date(y, m, 1, 0, 0, 0, 0, JST).Zone()
			if name != "JST" || off != 9*3600 {
				t.Errorf("TV-1 JST in %d-%02d = %s %d", y, m, name, off)
			}
		}
	}
}

func TestZoneAllocs(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { Zone("jst") }); n != 0 {
		t.Errorf("Zone allocates %v times", n)
	}
}

// FuzzParse checks that Parse never panics, that it reads any text as it
// reads the text narrowed (see parser.init), that every error is a
// *ParseError whose Value is the caller's text at its Offset, that every
// accepted input formats as RFC 3339 and parses back to the same instant,
// that the input with its ASCII digits made full-width parses to the same
// instant, and that Parser{USZones: true} reads every input Parse reads as
// Parse does (it differs only where Parse refuses an ambiguous
// abbreviation).
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"12/10/2011 00:00:00 GMT", "Dec 10 23:59:59 2012 GMT", "2012-12-10T23:59:59.5+09:00",
		"2012/12/11 08:59:59 JST", "2012年12月11日 8時59分59秒", "2012-12-11", "20121210235959Z",
		"Mon, 10 Dec 2012 23:59:59 GMT", "2012-12-11 08:59:59 +0900 JST", "12/10/2011 00:00:00 XST",
		"令和8年3月15日", "令和元年5月1日", "平成31年4月30日 23時59分59秒", "平成31年5月1日", "R8.3.15",
		"令和８年１２月１日\u3000１０：００", "２０２６年１２月１１日", "Ｈ３１．５．１",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := Parse(s)
		// Parse reads full-width text in a second reading only when it
		// must; the result is always that of reading it narrowed.
		var q parser
		q.init(s, true, false)
		nt, nerr := q.parse()
		if !cmp.Equal(err, nerr) || !nt.Equal(got) || nt.Location().String() != got.Location().String() {
			t.Fatalf("Parse(%q) = %v, %v; narrowed first, %v, %v", s, got, err, nt, nerr)
		}
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q) error %T is not a *ParseError", s, err)
			}
			if pe.Input != s {
				t.Fatalf("Parse(%q) error has Input %q", s, pe.Input)
			}
			if pe.Offset < 0 || pe.Offset > len(s) || !strings.HasPrefix(s[pe.Offset:], pe.Value) {
				t.Fatalf("Parse(%q) error has Value %q at Offset %d", s, pe.Value, pe.Offset)
			}
			if _, err := (Parser{USZones: true}).Parse(s); err != nil && !errors.As(err, &pe) {
				t.Fatalf("Parser{USZones: true}.Parse(%q) error %T is not a *ParseError", s, err)
			}
			return
		}
		if got.Location() == time.Local {
			t.Fatalf("Parse(%q) is in time.Local", s)
		}
		if us, err := (Parser{USZones: true}).Parse(s); err != nil || !us.Equal(got) {
			t.Fatalf("Parse(%q) = %v, but with USZones %v, %v", s, got, us, err)
		}
		f := got.Format(time.RFC3339Nano)
		back, err := Parse(f)
		if err != nil {
			t.Fatalf("Parse(%q) = %v, but its RFC 3339 form %q does not parse: %v", s, got, f, err)
		}
		if !back.Equal(got) {
			t.Fatalf("Parse(%q) = %v, round trip through %q gives %v", s, got, f, back)
		}
		var b strings.Builder // s with each ASCII digit full-width, other bytes as they are
		for i := 0; i < len(s); i++ {
			if c := s[i]; '0' <= c && c <= '9' {
				b.WriteRune(rune(c-'0') + '０')
			} else {
				b.WriteByte(c)
			}
		}
		wide := b.String()
		if w, err := Parse(wide); err != nil || !w.Equal(got) {
			t.Fatalf("Parse(%q) = %v, but full-width %q gives %v, %v", s, got, wide, w, err)
		}
	})
}

// FuzzParseDate checks that ParseDate never panics, that every error is a
// *ParseError, and that an accepted date is valid and round-trips through
// String.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2012-12-11", "2012/12/11", "20121211", "2012年12月11日", "2024-02-30", "令和8年3月15日", "R8.3.15", "２０２６／０３／１５"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("ParseDate(%q) error %T is not a *ParseError", s, err)
			}
			return
		}
		if !d.IsValid() {
			t.Fatalf("ParseDate(%q) = %v, not a valid date", s, d)
		}
		back, err := ParseDate(d.String())
		if err != nil || back != d {
			t.Fatalf("ParseDate(%q) = %v; round trip gives %v, %v", s, d, back, err)
		}
	})
}

// TestFuzzCorpus checks that the seed corpora the fuzz targets start from
// are where go test looks for them, so a renamed target does not silently
// start empty.
func TestFuzzCorpus(t *testing.T) {
	for _, target := range []string{"FuzzParse", "FuzzParseDate"} {
		files, err := filepath.Glob(filepath.Join("testdata", "fuzz", target, "*"))
		if err != nil || len(files) == 0 {
			t.Errorf("no seed corpus for %s in testdata/fuzz/%s", target, target)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil || len(b) < len("go test fuzz v1") || string(b[:15]) != "go test fuzz v1" {
				t.Errorf("%s is not a go fuzz corpus file", f)
			}
		}
	}
}

func BenchmarkParse(b *testing.B) {
	for _, in := range []string{"12/10/2012 23:59:59 GMT", "Dec 10 23:59:59 2012 GMT", "2012-12-11T08:59:59+09:00", "2012年12月11日 8時59分59秒",
		"Tue Dec 11 08:59:59 JST 2012", "2012年 12月 11日 火曜日 08:59:59 JST", "Tue Dec 11 2012 08:59:59 GMT+0900 (Japan Standard Time)",
		"平成24年12月11日 8時59分59秒", "２０１２年１２月１１日 ８時５９分５９秒"} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestParseAllocs(t *testing.T) {
	for _, in := range []string{"12/10/2012 23:59:59 GMT", "Dec 10 23:59:59 2012 GMT", "2012-12-11T08:59:59+09:00", "2012年12月11日 8時59分59秒", "notAfter=Dec 10 23:59:59 2012 GMT",
		"Tue Dec 11 08:59:59 JST 2012", "Tue Dec 11 08:59:59 AM JST 2012", "2012年 12月 11日 火曜日 08:59:59 JST",
		"Tue Dec 11 2012 08:59:59 GMT+0900 (Japan Standard Time)", "2012年12月11日火曜日 8時59分59秒 日本標準時", "*  expire date: Dec 10 23:59:59 2012 GMT"} {
		if n := testing.AllocsPerRun(100, func() { _, _ = Parse(in) }); n != 0 {
			t.Errorf("Parse(%q) allocates %v times", in, n)
		}
	}
}
