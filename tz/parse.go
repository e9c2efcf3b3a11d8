package tz

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// A Reason says why [Parse] or [ParseDate] refused its input.
type Reason int

const (
	// ReasonSyntax results when the text has none of the shapes Parse
	// reads, or breaks off in the middle of one.
	ReasonSyntax Reason = iota + 1
	// ReasonEmpty results when the text is empty or only white space.
	ReasonEmpty
	// ReasonUnknownZone results when a zone abbreviation is not one that
	// [Zone] knows. The abbreviation is never taken as UTC.
	ReasonUnknownZone
	// ReasonMissingZone results when a date and time that need a zone have
	// none: "2012-12-10T23:59:59" or "12/10/2011 00:00:00".
	ReasonMissingZone
	// ReasonBadDate results when the date does not exist (02/30/2012,
	// 2023-02-29, month 13) or a weekday written beside it is wrong.
	ReasonBadDate
	// ReasonBadTime results when the hour, minute or second is out of range.
	// Leap seconds (23:59:60) and 24:00 are out of range.
	ReasonBadTime
	// ReasonBadOffset results when a numeric UTC offset is out of range
	// (hours over 23, minutes over 59) or contradicts the abbreviation or
	// zone name written beside it.
	ReasonBadOffset
	// ReasonTrailingText results when a complete timestamp is followed by
	// more text.
	ReasonTrailingText
	// ReasonAmbiguousZone results when a zone abbreviation names more than
	// one offset in the tz database today (CST: US Central -06:00, Cuba
	// -05:00, China +08:00; also CDT, IST, PST, and BST as TV-4 lists it).
	// It is refused unless the caller opts into a reading ([Parser]
	// USZones) or a numeric offset written beside it says which one.
	ReasonAmbiguousZone
	// ReasonTwelveHour results when a 12-hour clock time is invalid: its
	// hour is one its marker (AM, PM, 午前, 午後) does not allow, over 12
	// with AM or PM ("13:00:00 PM"), or 12 or more with 午前 or 午後, which
	// Japanese writes both ways ("午前12時" is noon under the 1872
	// proclamation, midnight in glibc's ja_JP); or it has two markers
	// ("午後1:05 PM"), or a marker where the form allows none
	// ("2012-12-10T08:59:59 AM").
	ReasonTwelveHour
	// ReasonEraRange results when a date written with a Japanese era year
	// is not a day of that era: "平成31年5月1日" (平成 ended on
	// 2019-04-30), "令和元年4月30日", "平成0年1月1日", "昭和64年1月8日", or
	// a 明治 date before 明治6年 (1873), when Japan took the Gregorian
	// calendar. The date is never moved into the next era. Value is the
	// date as written, and the message gives the era's span.
	ReasonEraRange
)

var reasonText = [...]string{
	ReasonSyntax:        "unrecognized timestamp syntax",
	ReasonEmpty:         "empty timestamp",
	ReasonUnknownZone:   "unknown zone abbreviation",
	ReasonMissingZone:   "missing time zone",
	ReasonBadDate:       "no such date",
	ReasonBadTime:       "time of day out of range",
	ReasonBadOffset:     "bad UTC offset",
	ReasonTrailingText:  "unexpected text after timestamp",
	ReasonAmbiguousZone: "ambiguous zone abbreviation",
	ReasonTwelveHour:    "invalid 12-hour clock time",
	ReasonEraRange:      "date outside its era",
}

// String returns the reason in words, as the error message uses it.
func (r Reason) String() string {
	if r > 0 && int(r) < len(reasonText) {
		return reasonText[r]
	}
	return "Reason(" + strconv.Itoa(int(r)) + ")"
}

// A ParseError describes text that [Parse] or [ParseDate] refused.
type ParseError struct {
	Input  string // the text as given
	Reason Reason
	Value  string // the part of Input at fault, if any (a zone, a 12-hour time, an era date, trailing text)
	Offset int    // byte offset of Value (or of the fault) in Input
}

// Error returns, for example,
// `tz: parsing "12/10/2011 00:00:00 XST": unknown zone abbreviation "XST"`
// or, for an ambiguous abbreviation, `tz: parsing "Dec 10 17:59:59 2012
// CST": ambiguous zone abbreviation "CST" (-06:00 US Central, -05:00 Cuba,
// +08:00 China and Taiwan)`, or for an era date, `tz: parsing
// "平成31年5月1日": date outside its era "平成31年5月1日" (平成 is
// 1989-01-08 to 2019-04-30)`.
func (e *ParseError) Error() string {
	msg := "tz: parsing " + strconv.Quote(shorten(e.Input, 64)) + ": " + e.Reason.String()
	if e.Value != "" {
		msg += " " + strconv.Quote(shorten(e.Value, 32))
	}
	if e.Reason == ReasonAmbiguousZone {
		if r := readings(e.Value); r != "" {
			msg += " (" + r + ")"
		}
	}
	if e.Reason == ReasonEraRange {
		if era := eraOf(e.Value); era != nil {
			msg += " (" + era.span() + ")"
		}
	}
	return msg
}

// shorten returns s if it has at most max bytes, and otherwise as much of
// it as fits in max-3 bytes without cutting a character, and "...".
func shorten(s string, max int) string {
	if len(s) <= max {
		return s
	}
	n := max - 3
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "..."
}

// A Parser reads timestamps as [Parse] does, with options. Its zero value
// is Parse's reading; set a field to change one thing:
//
//	tz.Parser{USZones: true}.Parse("Mon Dec 10 15:59:59 PST 2012")
type Parser struct {
	// USZones reads the abbreviations that RFC 5322 section 4.3 gives US
	// meanings and the tz database also uses elsewhere, CST (-06:00), CDT
	// (-05:00) and PST (-08:00), with those US meanings, where Parse
	// refuses them as ambiguous (China's CST is +08:00, Cuba's -05:00 and
	// its CDT -04:00, the Philippines' PST +08:00). EST, EDT, MST, MDT and
	// PDT have one offset each and are read either way; IST and BST stay
	// ambiguous.
	USZones bool
}

// Parse reads a timestamp in one of the shapes certificate authorities,
// tools and people print, and returns it in the zone the text names (UTC
// for GMT, UTC and Z; [JST] for JST, 日本標準時 and +09:00). The shapes
// (TV-4):
//
//	12/10/2011 00:00:00 GMT                the CA's month/day/year (server FAQ Q9)
//	Dec 10 23:59:59 2012 GMT               openssl x509 -dates, curl's "expire date:" (day space-padded or not)
//	Tue Dec 11 08:59:59 JST 2012           date, keytool, Java's Date.toString, Go's UnixDate, certtool ("UTC")
//	Tue Dec 11 08:59:59 AM JST 2012        date in the en_US locale
//	Tue Dec 11 2012 08:59:59 GMT+0900 (Japan Standard Time)   JavaScript's Date.toString
//	Tue, 11 Dec 2012 08:59:59 +0900        RFC 5322 and date -R; RFC 1123 (HTTP) with GMT
//	Tuesday, December 11, 2012 at 8:59:59 AM Japan Standard Time   Java FULL (en)
//	12/11/2012, 8:59:59 AM GMT+9           JavaScript toLocaleString (en-US)
//	2012-12-10T23:59:59Z                   RFC 3339, fraction and offset allowed
//	2012-12-11T08:59:59+09:00[Asia/Tokyo]  Java's ZonedDateTime (RFC 9557 suffix)
//	2012-12-10 23:59:59+09:00              ISO 8601 with a space, offset ±hh:mm, ±hhmm or ±hh
//	2012-12-11 08:59:59 +0900 JST          time.Time.String's form
//	20121210T235959Z                       ISO 8601 basic form
//	20121210235959Z, 121210235959Z         ASN.1 GeneralizedTime and UTCTime (RFC 5280 years)
//	2012/12/11 08:59:59 JST                year/month/day with a zone
//	2012/12/11 8時59分59秒 日本標準時         JavaScript toLocaleString (ja-JP, long zone name)
//	2012年12月11日 8時59分59秒               Japanese, read as JST unless a zone follows
//	2012年 12月 11日 火曜日 08:59:59 JST     date in the ja_JP locale
//	2012年12月11日火曜日 8時59分59秒 日本標準時  Java FULL (ja)
//	令和8年3月15日 10時00分, 令和元年5月1日    Japanese era years, read as JST unless a zone follows
//	令和8/3/15, 平成31/4/30 23:59:59         the same with separators, as Intl (ja-JP-u-ca-japanese, era long) prints them
//	R8.3.15, H31/4/30, S64-1-7              era years abbreviated, as forms and Intl (ja-JP-u-ca-japanese) print them; JST too
//	2012-12-11, 2012/12/11, 20121211       a bare date: the first instant of that day in JST
//
// Era years (元号) are read from 明治6年 (1873, when Japan took the
// Gregorian calendar) on: 明治 M, 大正 T, 昭和 S, 平成 H and 令和 R, with
// 元年 for year 1 and optional white space after the era's name. A date
// outside its era, such as 平成31年5月1日 or 令和元年4月30日, is refused
// ([ReasonEraRange]), never moved into the next era. The era table and
// its sources are in the package documentation. An abbreviation is an
// upper-case letter, the year in one or two digits, the month and the day,
// separated by ".", "/" or "-"; no other shape begins with a capital
// letter and a digit, so it is never confused with one.
//
// Full-width characters, the forms of ASCII at U+FF01 to U+FF5E
// ("２０２６年１２月１１日", "１０：００", "２０２６／０３／１５"), are read
// as the ASCII characters they stand for, in every shape and mixed with
// ASCII in one string, and so are U+2010 HYPHEN, U+2011, U+2012 and U+2212
// MINUS SIGN (which ISO 8601 allows in offsets) as "-". The full-width
// parentheses （ and ） are read as themselves (a weekday "（火）", a zone
// "（JST）"). A [ParseError] still quotes the caller's text: its Input,
// Value and Offset are those of the text as given.
//
// Spaces may be ASCII spaces or tabs, U+3000 IDEOGRAPHIC SPACE (common
// between a Japanese date and time), U+00A0 or U+202F (which newer Java
// and ICU put before AM and PM).
//
// A line copied from a tool may keep the field name the tool printed before
// the timestamp, followed by ":" or "=": "Validity Start Date:" and
// "Validity End Date :" (the CA), "notBefore=" and "notAfter=" (openssl x509
// -startdate and -enddate), "Not Before:" and "Not After :" (openssl x509
// -text, certtool -i), "start date:" and "expire date:" (curl -v, with its
// leading "*"), "Valid from:" and "until:" (keytool, one field at a time),
// and keytool's Japanese "有効期間の開始日:" and "終了日:". Nothing else
// may precede the timestamp.
//
// Zones are written as an abbreviation or name that [Zone] knows, a
// numeric offset, UTC/GMT followed by an offset ("UTC+9", "GMT+09:00"),
// either of those in parentheses, or an offset followed by an abbreviation
// or a parenthesized comment, which must agree with the offset when it
// names a zone Zone knows. An abbreviation the tz database uses today for
// more than one offset (CST, CDT, IST, PST, and BST as TV-4 lists it) is
// refused with [ReasonAmbiguousZone], unless an offset beside it says
// which it means or [Parser] USZones is set. A date with a time of day but
// no zone is refused (ReasonMissingZone), except when the date or the time
// is written in Japanese ("2012年12月11日", "8時59分", "午前"), which says
// JST. A bare date, with no time of day, is read as the start of that day
// in JST. A zone that is written always wins.
//
// 12-hour clocks are read: "8:59:59 AM" (hours 0 to 12; 12 AM is midnight,
// 12 PM noon) and "午前8時59分59秒", "午後0:05:09" (hours 0 to 11). A
// Japanese hour of 12 with 午前 or 午後 is refused ([ReasonTwelveHour]):
// Japanese uses it both for noon and for midnight.
//
// Parse never consults the host's time-zone database or local zone and
// never takes an unknown abbreviation as UTC. It reads month/day/year only
// month first, as the CA and en-US print it; a day-first date such as
// en-GB's "11/12/2012" is read as November 12. It does not read Meiji
// dates before 明治6年, eras before 明治, years in kanji numerals
// (令和八年), lower-case era abbreviations, or leap seconds.
//
// Every error is a *[ParseError].
func Parse(s string) (time.Time, error) {
	return Parser{}.Parse(s)
}

// Parse reads s as the package-level [Parse] does, with o's options:
// Parser{USZones: true}.Parse("Mon Dec 10 17:59:59 CST 2012") is
// 2012-12-10T23:59:59Z, where Parse refuses CST as ambiguous. Every error
// is a *[ParseError].
func (o Parser) Parse(s string) (time.Time, error) {
	var p parser
	p.init(s, false, o.USZones)
	t, err := p.parse()
	if (err != nil || p.retry) && needsNarrowing(s) {
		p.init(s, true, o.USZones)
		t, err = p.parse()
	}
	return t, err
}

// parse reads the whole of p.s as a timestamp.
func (p *parser) parse() (time.Time, error) {
	p.label()
	if p.i == len(p.s) {
		return time.Time{}, &ParseError{Input: p.in, Reason: ReasonEmpty}
	}
	t, err := p.timestamp()
	if err != nil {
		return time.Time{}, err
	}
	if p.i < len(p.s) {
		return time.Time{}, p.fail(ReasonTrailingText, p.i, len(p.s))
	}
	return t, nil
}

// labels are the field names that tools print before a timestamp, longest
// first where one is a prefix of another.
var labels = [...]string{
	"Validity Start Date", "Validity End Date", // the CA's form (server FAQ Q9)
	"notBefore", "notAfter", // openssl x509 -startdate / -enddate
	"Not Before", "Not After", // openssl x509 -text, certtool -i
	"start date", "expire date", // curl -v
	"Valid from", "until", // keytool -printcert, -list -v
	"有効期間の開始日", "終了日", // keytool in Japanese
	"Not valid before", "Not valid after", // sslscan, nmap ssl-cert
	"Expiry Date",                               // certbot certificates
	"Last Update", "Next Update", "This Update", // openssl crl -text, openssl ocsp -text
	"Produced At", "Revocation Time", "Revocation Date", // openssl ocsp -text, openssl crl -text
}

// label skips one field name that a tool prints before a timestamp, with
// the white space and the ":" or "=" after it, and curl's "*" before it,
// so that a line copied from the tool's output parses as the timestamp it
// holds.
func (p *parser) label() {
	i := 0
	if strings.HasPrefix(p.s, "*") {
		i = 1
		for i < len(p.s) && (p.s[i] == ' ' || p.s[i] == '\t') {
			i++
		}
	}
	if i == len(p.s) || !isLetter(p.s[i]) && p.s[i] < utf8.RuneSelf {
		return // every label begins with a letter
	}
	for _, l := range labels {
		if len(p.s)-i < len(l) || p.s[i]|0x20 != l[0]|0x20 || !strings.EqualFold(p.s[i:i+len(l)], l) {
			continue
		}
		j := i + len(l)
		for j < len(p.s) && (p.s[j] == ' ' || p.s[j] == '\t') {
			j++
		}
		if j < len(p.s) && (p.s[j] == ':' || p.s[j] == '=') {
			j++
			for j < len(p.s) && (p.s[j] == ' ' || p.s[j] == '\t') {
				j++
			}
			p.i = j
		}
		return
	}
}

// ParseDate reads a civil date: "2012-12-11", "2012/12/11", "20121211",
// "2012年12月11日" or "2012年 12月 11日 火曜日" (the ja_JP date), with an
// optional Japanese weekday ("2012/12/11(火)", "2012年12月11日（火）"),
// and the era dates and full-width text [Parse] reads ("令和8年3月15日",
// "R8.3.15", "２０２６／０３／１５"). A date that does not exist, or a
// weekday that does not match it, is refused (ReasonBadDate); an era date
// outside its era, [ReasonEraRange]. Every error is a *[ParseError].
func ParseDate(s string) (Date, error) {
	var p parser
	p.init(s, false, false)
	d, err := p.date()
	if err != nil && needsNarrowing(s) {
		p.init(s, true, false)
		d, err = p.date()
	}
	return d, err
}

// date reads the whole of p.s as a civil date.
func (p *parser) date() (Date, error) {
	if p.s == "" {
		return Date{}, &ParseError{Input: p.in, Reason: ReasonEmpty}
	}
	start := p.i
	var d Date
	var era bool
	var err error
	if p.mayBeEra() {
		d, era, err = p.eraDate()
	}
	var y, n int
	if !era {
		y, n = p.digits(8)
	}
	switch {
	case era:
	case n == 4 && (p.peekByte('-') || p.peekByte('/')):
		if d, err = p.ymd(y, p.s[p.i]); err == nil {
			_, err = p.japaneseWeekday(d, start, true)
		}
	case n == 4 && p.peekString("年"):
		d, err = p.japaneseDate(y, start, nil)
	case n == 8:
		d = Date{y / 10000, time.Month(y / 100 % 100), y % 100}
		if !d.IsValid() {
			err = p.fail(ReasonBadDate, start, p.i)
		}
	default:
		err = p.fail(ReasonSyntax, start, p.i)
	}
	if err != nil {
		return Date{}, err
	}
	if p.i < len(p.s) {
		return Date{}, p.fail(ReasonTrailingText, p.i, len(p.s))
	}
	return d, nil
}

type parser struct {
	in     string // the input as given
	s      string // the input, narrowed if narrow, without surrounding white space
	base   int    // offset of s in the (narrowed) input
	narrow bool   // whether s is narrowed (see narrowByte)
	retry  bool   // whether text skipped as a comment held full-width characters
	i      int    // position in s
	us     bool   // Parser.USZones
}

// init makes p a parser of s, or with narrowed of a copy of s narrowed to
// ASCII (see narrowByte).
//
// Parse and ParseDate read the text as given first, which costs ASCII
// text nothing, and read it again narrowed only when that fails, or when
// a comment it skipped held full-width characters, and the text holds
// any. Elsewhere a character that narrowing changes makes the first
// reading fail, so the result is always that of the narrowed text.
func (p *parser) init(s string, narrowed, us bool) {
	*p = parser{in: s, us: us}
	n := s
	if narrowed {
		n, p.narrow = narrow(s), true
	}
	p.s = strings.TrimSpace(n)
	// The offset of s in n: what TrimSpace cut at the left. (Searching n
	// for s can find it inside a character: "\u0085\x85".)
	if n != "" && n[0] > ' ' && n[0] < utf8.RuneSelf {
		p.base = 0
	} else {
		p.base = len(n) - len(strings.TrimLeftFunc(n, unicode.IsSpace))
	}
}

// fail returns the error for the text of s from from to to. Its Offset
// and Value are those of the caller's text, full-width or not.
func (p *parser) fail(r Reason, from, to int) *ParseError {
	if to > len(p.s) {
		to = len(p.s)
	}
	from, to = p.base+from, p.base+to
	if p.narrow {
		from, to = wideOffset(p.in, from), wideOffset(p.in, to)
	}
	v := ""
	switch r {
	case ReasonUnknownZone, ReasonAmbiguousZone, ReasonTrailingText, ReasonBadOffset, ReasonTwelveHour, ReasonEraRange:
		v = p.in[from:to]
	}
	return &ParseError{Input: p.in, Reason: r, Value: v, Offset: from}
}

func (p *parser) syntax() *ParseError { return p.fail(ReasonSyntax, p.i, p.i) }

func (p *parser) peekByte(c byte) bool { return p.i < len(p.s) && p.s[p.i] == c }

func (p *parser) peekString(x string) bool { return strings.HasPrefix(p.s[p.i:], x) }

func (p *parser) accept(x string) bool {
	if p.peekString(x) {
		p.i += len(x)
		return true
	}
	return false
}

// digits reads up to max ASCII digits and returns their value and count.
func (p *parser) digits(max int) (v, n int) {
	for n < max && p.i < len(p.s) && '0' <= p.s[p.i] && p.s[p.i] <= '9' {
		v = v*10 + int(p.s[p.i]-'0')
		p.i++
		n++
	}
	return v, n
}

// countDigits returns how many ASCII digits follow, without reading them.
func (p *parser) countDigits() int {
	n := 0
	for p.i+n < len(p.s) && '0' <= p.s[p.i+n] && p.s[p.i+n] <= '9' {
		n++
	}
	return n
}

// number reads between min and max digits.
func (p *parser) number(min, max int) (int, bool) {
	v, n := p.digits(max)
	return v, n >= min
}

// spaces reads white space: ASCII spaces and tabs, U+3000 IDEOGRAPHIC
// SPACE, U+00A0 NO-BREAK SPACE and U+202F NARROW NO-BREAK SPACE. It
// returns the number of characters read.
func (p *parser) spaces() int {
	n := 0
	for p.i < len(p.s) {
		switch {
		case p.s[p.i] == ' ' || p.s[p.i] == '\t':
			p.i++
		case p.accept("\u3000"), p.accept("\u00a0"), p.accept("\u202f"):
		default:
			return n
		}
		n++
	}
	return n
}

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// letterAt reports whether s has an ASCII letter at i.
func letterAt(s string, i int) bool { return i < len(s) && isLetter(s[i]) }

// clock is a time of day.
type clock struct{ h, m, s, ns int }

func (p *parser) timestamp() (time.Time, error) {
	if p.mayBeEra() {
		if d, ok, err := p.eraDate(); ok || err != nil {
			if err != nil {
				return time.Time{}, err
			}
			return p.japaneseTime(d)
		}
	}
	if isLetter(p.s[p.i]) {
		return p.named()
	}
	start := p.i
	v, n := p.digits(14)
	switch {
	case n == 0:
		return time.Time{}, p.syntax()
	case n == 4 && (p.peekByte('-') || p.peekByte('/')):
		sep := p.s[p.i]
		d, err := p.ymd(v, sep)
		if err != nil {
			return time.Time{}, err
		}
		ja, err := p.japaneseWeekday(d, start, true)
		if err != nil {
			return time.Time{}, err
		}
		if p.i == len(p.s) {
			return d.In(JST), nil
		}
		if !ja && sep == '-' && (p.peekByte('T') || p.peekByte('t')) {
			p.i++
			c, err := p.clock(false)
			if err != nil {
				return time.Time{}, err
			}
			return p.zoned(d, c, nil)
		}
		if p.spaces() == 0 && !ja {
			return time.Time{}, p.syntax()
		}
		c, jaClock, err := p.timeOfDay(false)
		if err != nil {
			return time.Time{}, err
		}
		return p.zoned(d, c, japaneseDefault(ja || jaClock))
	case n == 4 && p.peekString("年"):
		return p.japanese(v)
	case n <= 2 && p.peekByte('/'):
		return p.caStyle(v, start)
	case n == 8:
		d := Date{v / 10000, time.Month(v / 100 % 100), v % 100}
		if !d.IsValid() {
			return time.Time{}, p.fail(ReasonBadDate, start, p.i)
		}
		if p.i == len(p.s) {
			return d.In(JST), nil
		}
		if !(p.peekByte('T') || p.peekByte('t')) {
			return time.Time{}, p.syntax()
		}
		p.i++
		c, err := p.compactClock()
		if err != nil {
			return time.Time{}, err
		}
		return p.zoned(d, c, nil)
	case n == 12 || n == 14:
		// ASN.1 UTCTime or GeneralizedTime, as RFC 5280 writes them.
		p.i = start
		y := 0
		if n == 12 {
			yy, _ := p.digits(2)
			// RFC 5280 4.1.2.5.1: YY >= 50 is 19YY, YY < 50 is 20YY.
			y = 2000 + yy
			if yy >= 50 {
				y = 1900 + yy
			}
		} else {
			y, _ = p.digits(4)
		}
		mo, _ := p.digits(2)
		dd, _ := p.digits(2)
		d := Date{y, time.Month(mo), dd}
		if !d.IsValid() {
			return time.Time{}, p.fail(ReasonBadDate, start, p.i)
		}
		c, err := p.compactClock()
		if err != nil {
			return time.Time{}, err
		}
		return p.zoned(d, c, nil)
	case n <= 2:
		// RFC 5322 and RFC 1123 without the weekday: "10 Dec 2012 ...".
		p.i = start
		return p.named()
	}
	return time.Time{}, p.fail(ReasonSyntax, start, p.i)
}

// japaneseDefault returns JST when the text was written in Japanese, whose
// script says JST, and nil (a zone is required) otherwise.
func japaneseDefault(ja bool) *time.Location {
	if ja {
		return JST
	}
	return nil
}

// ymd reads "-MM-DD" or "/MM/DD" after a four-digit year.
func (p *parser) ymd(y int, sep byte) (Date, error) {
	start := p.i - 4
	p.i++
	m, ok := p.number(1, 2)
	if !ok || !p.peekByte(sep) {
		return Date{}, p.syntax()
	}
	p.i++
	d, ok := p.number(1, 2)
	if !ok {
		return Date{}, p.syntax()
	}
	date := Date{y, time.Month(m), d}
	if !date.IsValid() {
		return Date{}, p.fail(ReasonBadDate, start, p.i)
	}
	return date, nil
}

// caStyle reads the CA's "MM/DD/YYYY hh:mm:ss ZONE" after the month, and
// en-US's "MM/DD/YYYY, h:mm:ss AM ZONE".
func (p *parser) caStyle(m, start int) (time.Time, error) {
	p.i++
	d, ok := p.number(1, 2)
	if !ok || !p.peekByte('/') {
		return time.Time{}, p.syntax()
	}
	p.i++
	y, ok := p.number(4, 4)
	if !ok {
		return time.Time{}, p.syntax()
	}
	date := Date{y, time.Month(m), d}
	if !date.IsValid() {
		return time.Time{}, p.fail(ReasonBadDate, start, p.i)
	}
	comma := p.accept(",")
	if p.spaces() == 0 && !comma {
		return time.Time{}, p.syntax()
	}
	c, ja, err := p.timeOfDay(true)
	if err != nil {
		return time.Time{}, err
	}
	return p.zoned(date, c, japaneseDefault(ja))
}

// timeOfDay reads a time of day as people and tools write it:
// "h:mm[:ss[.fff]]" (see clock) or Japanese "h時[m分[s秒]]", either
// preceded by 午前 or 午後, or followed by AM or PM. With needSeconds the
// seconds are required. ja reports whether it was written in Japanese.
func (p *parser) timeOfDay(needSeconds bool) (c clock, ja bool, err error) {
	start := p.i
	half := 0 // 1 before noon, 2 after
	if p.accept("午前") {
		half, ja = 1, true
	} else if p.accept("午後") {
		half, ja = 2, true
	}
	if ja {
		p.spaces()
	}
	at := p.i
	h, ok := p.number(1, 2)
	switch {
	case !ok:
		return c, ja, p.syntax()
	case p.accept("時"):
		ja = true
		if c, err = p.japaneseClock(h, at, needSeconds); err != nil {
			return c, ja, err
		}
	default:
		p.i = at
		if c, err = p.clock(needSeconds); err != nil {
			return c, ja, err
		}
	}
	save := p.i
	p.spaces()
	switch m := p.meridiem(); {
	case m != 0 && half != 0:
		return c, ja, p.fail(ReasonTwelveHour, start, p.i) // both 午後 and PM
	case m != 0:
		// English: 0 to 12; 12 AM is midnight, 12 PM noon.
		if c.h > 12 {
			return c, ja, p.fail(ReasonTwelveHour, start, p.i)
		}
		c.h %= 12
		half = m
	case half != 0:
		p.i = save
		// Japanese: 0 to 11. 午前12時 is noon under the 1872 proclamation
		// (Dajōkan Notice No. 337) and midnight in glibc's ja_JP.
		if c.h > 11 {
			return c, ja, p.fail(ReasonTwelveHour, start, p.i)
		}
	default:
		p.i = save
	}
	if half == 2 {
		c.h += 12
	}
	return c, ja, nil
}

// meridiem reads "AM", "PM", "a.m." or "p.m." (any case) not followed by a
// letter, and returns 1 for before noon, 2 for after, 0 (reading nothing)
// for neither.
func (p *parser) meridiem() int {
	for _, m := range [...]struct {
		text string
		half int
	}{{"a.m.", 1}, {"p.m.", 2}, {"am", 1}, {"pm", 2}} {
		if len(p.s)-p.i >= len(m.text) && strings.EqualFold(p.s[p.i:p.i+len(m.text)], m.text) &&
			!letterAt(p.s, p.i+len(m.text)) {
			p.i += len(m.text)
			return m.half
		}
	}
	return 0
}

// japaneseClock reads "[m分[s秒]]" after "h時".
func (p *parser) japaneseClock(h, start int, needSeconds bool) (clock, error) {
	c := clock{h: h}
	seconds := false
	if m, ok := p.number(1, 2); ok {
		if !p.accept("分") {
			return c, p.syntax()
		}
		c.m = m
		if s, ok := p.number(1, 2); ok {
			if !p.accept("秒") {
				return c, p.syntax()
			}
			c.s, seconds = s, true
		}
	}
	if needSeconds && !seconds {
		return c, p.syntax()
	}
	return c, p.checkClock(c, start)
}

// clock reads "h:mm", "hh:mm:ss" and a fraction of a second after "." or
// ",". With needSeconds, the seconds are required.
func (p *parser) clock(needSeconds bool) (clock, error) {
	start := p.i
	var c clock
	var ok bool
	if c.h, ok = p.number(1, 2); !ok || !p.peekByte(':') {
		return c, p.syntax()
	}
	p.i++
	if c.m, ok = p.number(2, 2); !ok {
		return c, p.syntax()
	}
	if p.peekByte(':') {
		p.i++
		if c.s, ok = p.number(2, 2); !ok {
			return c, p.syntax()
		}
		if p.peekByte('.') || p.peekByte(',') {
			p.i++
			if c.ns, ok = p.fraction(); !ok {
				return c, p.syntax()
			}
		}
	} else if needSeconds {
		return c, p.syntax()
	}
	return c, p.checkClock(c, start)
}

// compactClock reads "hhmmss" with an optional fraction.
func (p *parser) compactClock() (clock, error) {
	start := p.i
	var c clock
	var ok bool
	if c.h, ok = p.number(2, 2); !ok {
		return c, p.syntax()
	}
	if c.m, ok = p.number(2, 2); !ok {
		return c, p.syntax()
	}
	if c.s, ok = p.number(2, 2); !ok {
		return c, p.syntax()
	}
	if p.peekByte('.') || p.peekByte(',') {
		p.i++
		if c.ns, ok = p.fraction(); !ok {
			return c, p.syntax()
		}
	}
	return c, p.checkClock(c, start)
}

// fraction reads one to nine digits of a second as nanoseconds.
func (p *parser) fraction() (int, bool) {
	v, n := p.digits(10)
	if n == 0 || n > 9 {
		return 0, false
	}
	for ; n < 9; n++ {
		v *= 10
	}
	return v, true
}

func (p *parser) checkClock(c clock, start int) error {
	if c.h > 23 || c.m > 59 || c.s > 59 {
		return p.fail(ReasonBadTime, start, p.i)
	}
	return nil
}

// zoned reads the zone that follows a date and time and returns the
// instant. def, when not nil, is the zone to use if none is written.
func (p *parser) zoned(d Date, c clock, def *time.Location) (time.Time, error) {
	loc, err := p.zone(def)
	if err != nil {
		return time.Time{}, err
	}
	return time.Date(d.Year, d.Month, d.Day, c.h, c.m, c.s, c.ns, loc), nil
}

// zone reads the zone after a time of day: "Z" or a numeric offset
// directly after it, or after white space a numeric offset, an
// abbreviation or name [Zone] knows, UTC/GMT with an offset, or any of
// those in ASCII or full-width parentheses. An offset may be followed by
// RFC 9557 suffixes ("[Asia/Tokyo]"), an abbreviation or a parenthesized
// comment. def, when not nil, is the zone when none is written.
func (p *parser) zone(def *time.Location) (*time.Location, error) {
	if (p.peekByte('Z') || p.peekByte('z')) && !letterAt(p.s, p.i+1) {
		p.i++
		return p.suffixes(time.UTC)
	}
	if loc, ok, err := p.offset(); ok || err != nil {
		if err != nil {
			return nil, err
		}
		return p.afterOffset(loc)
	}
	save := p.i
	p.spaces()
	if p.i == len(p.s) {
		p.i = save
		return p.noZone(def)
	}
	if p.peekByte('+') || p.peekByte('-') {
		loc, _, err := p.offset()
		if err != nil {
			return nil, err
		}
		return p.afterOffset(loc)
	}
	loc, ok, err := p.zoneWords()
	if err != nil || ok {
		return loc, err
	}
	p.i = save
	return p.noZone(def)
}

func (p *parser) noZone(def *time.Location) (*time.Location, error) {
	if def != nil {
		return def, nil
	}
	return nil, p.fail(ReasonMissingZone, p.i, p.i)
}

// zoneWords reads a zone written in words at p.i: a name or abbreviation
// Zone knows (UTC and GMT may carry an offset), bare or in ASCII or
// full-width parentheses. ok is false, and nothing is read, when none
// starts there.
func (p *parser) zoneWords() (loc *time.Location, ok bool, err error) {
	start := p.i
	closing := ""
	switch {
	case p.accept("("):
		closing = ")"
	case p.accept("（"):
		closing = "）"
	}
	loc, ok, err = p.zoneName(closing == "")
	if err != nil {
		return nil, true, err
	}
	if !ok {
		p.i = start
		return nil, false, nil
	}
	if closing != "" && !p.accept(closing) {
		if closing == "）" {
			p.i = start // not a zone after all: trailing text
			return nil, false, nil
		}
		return nil, true, p.syntax()
	}
	return loc, true, nil
}

// zoneName reads a zone name or abbreviation at p.i. With offsetAllowed,
// UTC, GMT and UT may be followed by an offset ("GMT+0900"), which may be
// followed by a parenthesized comment, as JavaScript prints.
func (p *parser) zoneName(offsetAllowed bool) (loc *time.Location, ok bool, err error) {
	for _, n := range zoneNames {
		if len(p.s)-p.i >= len(n.name) && p.s[p.i]|0x20 == n.name[0]|0x20 &&
			strings.EqualFold(p.s[p.i:p.i+len(n.name)], n.name) && !letterAt(p.s, p.i+len(n.name)) {
			p.i += len(n.name)
			return n.loc, true, nil
		}
	}
	start := p.i
	for p.i < len(p.s) && isLetter(p.s[p.i]) {
		p.i++
	}
	if p.i == start {
		return nil, false, nil
	}
	abbr := p.s[start:p.i]
	loc, kind := lookupZone(abbr)
	switch {
	case kind == zoneUnknown && (strings.EqualFold(abbr, "AM") || strings.EqualFold(abbr, "PM")):
		// A 12-hour marker where the form has none (RFC 3339's "T").
		return nil, true, p.fail(ReasonTwelveHour, start, p.i)
	case kind == zoneUnknown:
		return nil, true, p.fail(ReasonUnknownZone, start, p.i)
	case kind == zoneAmbiguous:
		if loc == nil || !p.us {
			return nil, true, p.fail(ReasonAmbiguousZone, start, p.i)
		}
	}
	if offsetAllowed && loc == time.UTC && (p.peekByte('+') || p.peekByte('-')) {
		off, _, err := p.offset()
		if err != nil {
			return nil, true, err
		}
		loc, err = p.comment(off)
		return loc, true, err
	}
	return loc, true, nil
}

// afterOffset reads what may follow a numeric offset: RFC 9557 suffixes,
// and after white space an abbreviation (time.Time.String's "+0900 JST")
// or a parenthesized comment (RFC 5322's "+0900 (JST)").
func (p *parser) afterOffset(off *time.Location) (*time.Location, error) {
	loc, err := p.suffixes(off)
	if err != nil || p.i > 0 && p.s[p.i-1] == ']' {
		return loc, err
	}
	save := p.i
	if p.spaces() > 0 && letterAt(p.s, p.i) {
		return p.abbrAfterOffset(off)
	}
	p.i = save
	return p.comment(off)
}

// abbrAfterOffset reads the abbreviation that follows a numeric offset and
// checks that the two agree when the abbreviation is known. An ambiguous
// abbreviation is accepted when the offset is one of its readings, as Go
// prints China's time ("+0800 CST"); an unknown one names the offset.
func (p *parser) abbrAfterOffset(off *time.Location) (*time.Location, error) {
	start := p.i
	for p.i < len(p.s) && isLetter(p.s[p.i]) {
		p.i++
	}
	abbr := p.s[start:p.i]
	want := offsetOf(off)
	loc, kind := lookupZone(abbr)
	switch kind {
	case zoneKnown:
		if offsetOf(loc) != want {
			return nil, p.fail(ReasonBadOffset, start, p.i)
		}
		return loc, nil
	case zoneAmbiguous:
		if !strings.Contains(readings(abbr), formatOffset(want)+" ") {
			return nil, p.fail(ReasonBadOffset, start, p.i)
		}
	}
	return time.FixedZone(abbr, want), nil
}

// comment reads an optional parenthesized comment after a numeric offset,
// as RFC 5322 and JavaScript's Date.toString write one: "(JST)",
// "(Japan Standard Time)", "(日本標準時)". A zone Zone knows must agree
// with the offset; other text, which may be a zone name in any language,
// is a comment and ignored. A comment is at most 64 bytes and has no
// nested parentheses.
func (p *parser) comment(off *time.Location) (*time.Location, error) {
	save := p.i
	p.spaces()
	if !p.accept("(") {
		p.i = save
		return off, nil
	}
	start := p.i
	end := strings.IndexByte(p.s[p.i:], ')')
	if end < 0 || end > 64 || strings.IndexByte(p.s[p.i:p.i+end], '(') >= 0 {
		p.i = save
		return off, nil
	}
	text := p.s[start : start+end]
	p.i = start + end + 1
	p.retry = p.retry || !p.narrow && needsNarrowing(text)
	loc, kind := lookupZone(text)
	switch {
	case kind == zoneKnown && offsetOf(loc) != offsetOf(off),
		kind == zoneAmbiguous && !strings.Contains(readings(text), formatOffset(offsetOf(off))+" "):
		return nil, p.fail(ReasonBadOffset, start, start+end)
	case kind == zoneKnown:
		return loc, nil
	}
	return off, nil
}

// suffixes reads RFC 9557 suffixes after "Z" or an offset, as Java's
// ZonedDateTime prints them: "[Asia/Tokyo]", "[UTC]", "[u-ca=japanese]".
// A zone name Zone knows must agree with the offset; the offset decides
// otherwise. Each suffix is at most 64 bytes.
func (p *parser) suffixes(off *time.Location) (*time.Location, error) {
	loc := off
	for p.peekByte('[') {
		end := strings.IndexByte(p.s[p.i:], ']')
		if end < 0 || end > 66 {
			return nil, p.syntax()
		}
		text := strings.TrimPrefix(p.s[p.i+1:p.i+end], "!")
		start := p.i + 1
		p.i += end + 1
		p.retry = p.retry || !p.narrow && needsNarrowing(text)
		if strings.IndexByte(text, '=') >= 0 {
			continue // an annotation such as u-ca=japanese
		}
		if z, kind := lookupZone(text); kind == zoneKnown {
			if offsetOf(z) != offsetOf(off) {
				return nil, p.fail(ReasonBadOffset, start, start+len(text))
			}
			loc = z
		}
	}
	return loc, nil
}

// offset reads "±hh:mm", "±hhmm" or "±hh". ok is false, and nothing is
// read, when no sign follows.
func (p *parser) offset() (loc *time.Location, ok bool, err error) {
	if !(p.peekByte('+') || p.peekByte('-')) {
		return nil, false, nil
	}
	start := p.i
	sign := 1
	if p.s[p.i] == '-' {
		sign = -1
	}
	p.i++
	h, ok := p.number(1, 2)
	if !ok {
		return nil, true, p.syntax()
	}
	m := 0
	if p.accept(":") {
		if m, ok = p.number(2, 2); !ok {
			return nil, true, p.syntax()
		}
	} else if v, n := p.digits(2); n == 2 {
		m = v
	} else if n == 1 {
		return nil, true, p.syntax()
	}
	if h > 23 || m > 59 {
		return nil, true, p.fail(ReasonBadOffset, start, p.i)
	}
	return fixed(sign * (h*3600 + m*60)), true, nil
}

// fixed returns a zone for a numeric offset: UTC for zero, JST for +09:00.
func fixed(secs int) *time.Location {
	switch secs {
	case 0:
		return time.UTC
	case 9 * 3600:
		return JST
	}
	return time.FixedZone("", secs)
}

// formatOffset returns "+09:00" for 32400 seconds.
func formatOffset(secs int) string {
	sign := byte('+')
	if secs < 0 {
		sign, secs = '-', -secs
	}
	h, m := secs/3600, secs/60%60
	return string([]byte{sign, byte('0' + h/10), byte('0' + h%10), ':', byte('0' + m/10), byte('0' + m%10)})
}

var monthNames = [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// month reads an English month name, three letters or in full.
func (p *parser) month() (time.Month, bool) {
	start := p.i
	for p.i < len(p.s) && isLetter(p.s[p.i]) {
		p.i++
	}
	w := p.s[start:p.i]
	for i, m := range monthNames {
		if len(w) == 3 && strings.EqualFold(w, m) || len(w) > 3 && strings.EqualFold(w, time.Month(i+1).String()) {
			return time.Month(i + 1), true
		}
	}
	p.i = start
	return 0, false
}

// named reads the English forms, which begin with a weekday, a month or a
// day of the month:
//
//	[Www[,]] Mmm D hh:mm:ss [AM] YYYY ZONE     OpenSSL, curl
//	[Www[,]] Mmm D hh:mm:ss [AM] ZONE YYYY     date, keytool, Java's Date, Go's UnixDate
//	[Www[,]] Mmm D[,] YYYY[,] [at] h:mm:ss [AM] ZONE   JavaScript, Java (en)
//	[Www[,]] D Mmm YYYY hh:mm:ss [AM] ZONE     RFC 5322, RFC 1123, date -R
//
// A weekday that is written must be the date's.
func (p *parser) named() (time.Time, error) {
	start := p.i
	wd := time.Weekday(-1)
	if _, ok := p.month(); !ok && isLetter(p.s[p.i]) {
		for p.i < len(p.s) && isLetter(p.s[p.i]) {
			p.i++
		}
		w, ok := weekdayNamed(p.s[start:p.i])
		if !ok {
			return time.Time{}, p.fail(ReasonSyntax, start, p.i)
		}
		wd = w
		comma := p.accept(",")
		if p.spaces() == 0 && !comma {
			return time.Time{}, p.syntax()
		}
	} else {
		p.i = start
	}
	var date Date
	var c clock
	var loc *time.Location
	var err error
	if m, ok := p.month(); ok {
		date, c, loc, err = p.monthFirst(m, start)
	} else {
		date, c, loc, err = p.dayFirst(start)
	}
	if err != nil {
		return time.Time{}, err
	}
	if wd >= 0 && date.Weekday() != wd {
		return time.Time{}, p.fail(ReasonBadDate, start, p.i)
	}
	return time.Date(date.Year, date.Month, date.Day, c.h, c.m, c.s, c.ns, loc), nil
}

// monthFirst reads the forms that begin "Mmm D", after the month.
func (p *parser) monthFirst(m time.Month, start int) (Date, clock, *time.Location, error) {
	var c clock
	if p.spaces() == 0 {
		return Date{}, c, nil, p.syntax()
	}
	d, ok := p.number(1, 2)
	if !ok {
		return Date{}, c, nil, p.syntax()
	}
	comma := p.accept(",")
	if p.spaces() == 0 && !comma {
		return Date{}, c, nil, p.syntax()
	}
	if p.countDigits() == 4 {
		// The year before the time: JavaScript and Java (en).
		y, _ := p.digits(4)
		date := Date{y, m, d}
		if !date.IsValid() {
			return Date{}, c, nil, p.fail(ReasonBadDate, start, p.i)
		}
		comma := p.accept(",")
		if p.spaces() == 0 && !comma {
			return Date{}, c, nil, p.syntax()
		}
		if len(p.s)-p.i > 2 && strings.EqualFold(p.s[p.i:p.i+2], "at") && !letterAt(p.s, p.i+2) {
			p.i += 2
			if p.spaces() == 0 {
				return Date{}, c, nil, p.syntax()
			}
		}
		c, _, err := p.timeOfDay(false)
		if err != nil {
			return Date{}, c, nil, err
		}
		loc, err := p.zone(nil)
		return date, c, loc, err
	}
	c, _, err := p.timeOfDay(true)
	if err != nil {
		return Date{}, c, nil, err
	}
	if p.spaces() == 0 {
		return Date{}, c, nil, p.syntax()
	}
	var loc *time.Location
	yearFirst := p.countDigits() == 4
	if !yearFirst {
		// The Unix form: the zone, then the year.
		if loc, ok, err = p.unixZone(); err != nil {
			return Date{}, c, nil, err
		} else if !ok || p.spaces() == 0 {
			return Date{}, c, nil, p.syntax()
		}
	}
	y, ok := p.number(4, 4)
	if !ok {
		return Date{}, c, nil, p.syntax()
	}
	date := Date{y, m, d}
	if !date.IsValid() {
		return Date{}, c, nil, p.fail(ReasonBadDate, start, p.i)
	}
	if yearFirst {
		loc, err = p.zone(nil)
	}
	return date, c, loc, err
}

// unixZone reads the zone of the Unix form, which comes before the year:
// an abbreviation or name, "GMT+09:00", or a numeric offset. ok is false
// when none is there.
func (p *parser) unixZone() (*time.Location, bool, error) {
	if loc, ok, err := p.offset(); ok || err != nil {
		return loc, true, err
	}
	return p.zoneWords()
}

// dayFirst reads "D Mmm YYYY hh:mm:ss ZONE".
func (p *parser) dayFirst(start int) (Date, clock, *time.Location, error) {
	var c clock
	d, ok := p.number(1, 2)
	if !ok || p.spaces() == 0 {
		return Date{}, c, nil, p.syntax()
	}
	m, ok := p.month()
	if !ok || p.spaces() == 0 {
		return Date{}, c, nil, p.syntax()
	}
	y, ok := p.number(4, 4)
	if !ok {
		return Date{}, c, nil, p.syntax()
	}
	date := Date{y, m, d}
	if !date.IsValid() {
		return Date{}, c, nil, p.fail(ReasonBadDate, start, p.i)
	}
	comma := p.accept(",")
	if p.spaces() == 0 && !comma {
		return Date{}, c, nil, p.syntax()
	}
	c, _, err := p.timeOfDay(false) // RFC 5322: the seconds are optional
	if err != nil {
		return Date{}, c, nil, err
	}
	loc, err := p.zone(nil)
	return date, c, loc, err
}

func weekdayNamed(w string) (time.Weekday, bool) {
	for d := time.Sunday; d <= time.Saturday; d++ {
		full := d.String()
		if strings.EqualFold(w, full) || strings.EqualFold(w, full[:3]) {
			return d, true
		}
	}
	return 0, false
}

// japaneseDate reads "年M月D日" after the year, with optional spaces
// before the month and day numbers (the ja_JP date prints "2012年 12月
// 11日"), and an optional weekday: "(火)", "（火）", "火曜日", "(火曜日)".
//
// start is where the date began, and e, when not nil, the era whose year y
// is (in the Gregorian calendar): a date outside it is refused.
func (p *parser) japaneseDate(y, start int, e *era) (Date, error) {
	p.accept("年")
	p.spaces()
	m, ok := p.number(1, 2)
	if !ok || !p.accept("月") {
		return Date{}, p.syntax()
	}
	p.spaces()
	d, ok := p.number(1, 2)
	if !ok || !p.accept("日") {
		return Date{}, p.syntax()
	}
	date := Date{y, time.Month(m), d}
	if err := p.checkEraDate(date, e, start); err != nil {
		return Date{}, err
	}
	if _, err := p.japaneseWeekday(date, start, false); err != nil {
		return Date{}, err
	}
	return date, nil
}

// japaneseWeekday reads an optional Japanese weekday after a date:
// "(火)", "（火）", "(火曜日)", "火曜日" or "火曜", after optional white
// space; with parensOnly (after "2012/12/11"), only the parenthesized
// forms. It reports whether it read one, and refuses one that is not
// date's weekday (ReasonBadDate, at dateStart).
func (p *parser) japaneseWeekday(date Date, dateStart int, parensOnly bool) (bool, error) {
	start := p.i
	p.spaces()
	closing := ""
	switch {
	case p.accept("("):
		closing = ")"
	case p.accept("（"):
		closing = "）"
	}
	r, size := utf8.DecodeRuneInString(p.s[p.i:])
	wd := strings.IndexRune("日月火水木金土", r)
	if wd < 0 || closing == "" && parensOnly {
		if closing != "" {
			return false, p.syntax()
		}
		p.i = start
		return false, nil
	}
	p.i += size
	long := p.accept("曜日") || p.accept("曜")
	switch {
	case closing != "" && !p.accept(closing):
		return false, p.syntax()
	case closing == "" && !long:
		p.i = start // "日" alone is not a weekday
		return false, nil
	}
	if time.Weekday(wd/3) != date.Weekday() {
		return false, p.fail(ReasonBadDate, dateStart, p.i)
	}
	return true, nil
}

// japanese reads "2012年12月11日 8時59分59秒" (or "8:59:59", "午前8時")
// after the year, optionally followed by a zone; JST when none is written.
func (p *parser) japanese(y int) (time.Time, error) {
	date, err := p.japaneseDate(y, p.i-4, nil)
	if err != nil {
		return time.Time{}, err
	}
	return p.japaneseTime(date)
}

// japaneseTime reads what may follow a date written in Japanese: nothing
// (the first instant of the day in JST), or a time of day and an optional
// zone, JST when none is written.
func (p *parser) japaneseTime(date Date) (time.Time, error) {
	if p.i == len(p.s) {
		return date.In(JST), nil
	}
	p.spaces()
	c, _, err := p.timeOfDay(false)
	if err != nil {
		return time.Time{}, err
	}
	return p.zoned(date, c, JST)
}
