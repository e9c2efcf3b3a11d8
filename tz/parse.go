package tz

import (
	"strconv"
	"strings"
	"time"
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
	// (hours over 23, minutes over 59) or contradicts the abbreviation
	// written beside it.
	ReasonBadOffset
	// ReasonTrailingText results when a complete timestamp is followed by
	// more text.
	ReasonTrailingText
)

var reasonText = [...]string{
	ReasonSyntax:       "unrecognized timestamp syntax",
	ReasonEmpty:        "empty timestamp",
	ReasonUnknownZone:  "unknown zone abbreviation",
	ReasonMissingZone:  "missing time zone",
	ReasonBadDate:      "no such date",
	ReasonBadTime:      "time of day out of range",
	ReasonBadOffset:    "bad UTC offset",
	ReasonTrailingText: "unexpected text after timestamp",
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
	Value  string // the part of Input at fault, if any (a zone, trailing text)
	Offset int    // byte offset of Value (or of the fault) in Input
}

// Error returns, for example,
// `tz: parsing "12/10/2011 00:00:00 XST": unknown zone abbreviation "XST"`.
func (e *ParseError) Error() string {
	in := e.Input
	if len(in) > 64 {
		in = in[:61] + "..."
	}
	msg := "tz: parsing " + strconv.Quote(in) + ": " + e.Reason.String()
	if e.Value != "" {
		v := e.Value
		if len(v) > 32 {
			v = v[:29] + "..."
		}
		msg += " " + strconv.Quote(v)
	}
	return msg
}

// Parse reads a timestamp in one of the shapes certificate authorities,
// OpenSSL and people print, and returns it in the zone the text names (UTC
// for GMT, UTC and Z; [JST] for JST and +09:00). The shapes (TV-4):
//
//	12/10/2011 00:00:00 GMT           the CA's month/day/year (server FAQ Q9)
//	Dec 10 23:59:59 2012 GMT          OpenSSL's x509 -dates (day space-padded or not)
//	2012-12-10T23:59:59Z              RFC 3339, fraction and offset allowed
//	2012-12-10 23:59:59+09:00         ISO 8601 with a space, offset ±hh:mm, ±hhmm or ±hh
//	2012-12-11 08:59:59 +0900 JST     time.Time.String's form
//	20121210T235959Z                  ISO 8601 basic form
//	20121210235959Z, 121210235959Z    ASN.1 GeneralizedTime and UTCTime (RFC 5280 years)
//	Mon, 10 Dec 2012 23:59:59 GMT     RFC 1123 (HTTP dates)
//	2012/12/11 08:59:59 JST           year/month/day with a zone
//	2012年12月11日 8時59分59秒        Japanese, read as JST unless a zone follows ("日本時間" is JST)
//	2012-12-11, 2012/12/11, 20121211  a bare date: the first instant of that day in JST
//
// A line copied from a tool may keep the field name the tool printed before
// the timestamp, followed by ":" or "=": "Validity Start Date:" and
// "Validity End Date :" (the CA), "notBefore=" and "notAfter=" (openssl x509
// -startdate and -enddate), "Not Before:" and "Not After :" (openssl x509
// -text). Nothing else may precede the timestamp.
//
// Zones are written as an abbreviation that [Zone] knows, a numeric offset,
// or UTC/GMT followed by an offset ("UTC+9"). A date with a time of day but
// no zone is refused (ReasonMissingZone), except in the Japanese form, whose
// script says JST. A bare date, with no time of day, is read as the start
// of that day in JST. Leading and trailing white space is ignored; any other
// text after the timestamp is refused.
//
// Parse never consults the host's time-zone database or local zone and
// never takes an unknown abbreviation as UTC. It does not read era years
// (令和), full-width digits, 午前/午後, 12-hour clocks or leap seconds.
//
// Every error is a *[ParseError].
func Parse(s string) (time.Time, error) {
	p := parser{in: s, s: strings.TrimSpace(s)}
	p.base = strings.Index(s, p.s)
	p.label()
	if p.i == len(p.s) {
		return time.Time{}, &ParseError{Input: s, Reason: ReasonEmpty}
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
	"Not Before", "Not After", // openssl x509 -text
}

// label skips one field name that a tool prints before a timestamp, with
// the white space and the ":" or "=" after it, so that a line copied from
// the tool's output parses as the timestamp it holds.
func (p *parser) label() {
	for _, l := range labels {
		if len(p.s) < len(l) || !strings.EqualFold(p.s[:len(l)], l) {
			continue
		}
		i := len(l)
		for i < len(p.s) && (p.s[i] == ' ' || p.s[i] == '\t') {
			i++
		}
		if i < len(p.s) && (p.s[i] == ':' || p.s[i] == '=') {
			i++
			for i < len(p.s) && (p.s[i] == ' ' || p.s[i] == '\t') {
				i++
			}
			p.i = i
		}
		return
	}
}

// ParseDate reads a civil date: "2012-12-11", "2012/12/11", "20121211" or
// "2012年12月11日". A date that does not exist is refused (ReasonBadDate).
// Every error is a *[ParseError].
func ParseDate(s string) (Date, error) {
	p := parser{in: s, s: strings.TrimSpace(s)}
	p.base = strings.Index(s, p.s)
	if p.s == "" {
		return Date{}, &ParseError{Input: s, Reason: ReasonEmpty}
	}
	start := p.i
	y, n := p.digits(8)
	var d Date
	var err error
	switch {
	case n == 4 && (p.peekByte('-') || p.peekByte('/')):
		d, err = p.ymd(y, p.s[p.i])
	case n == 4 && p.peekString("年"):
		d, err = p.japaneseDate(y)
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
	in   string // the input as given
	s    string // the input without surrounding white space
	base int    // offset of s in in
	i    int    // position in s
}

func (p *parser) fail(r Reason, from, to int) *ParseError {
	if to > len(p.s) {
		to = len(p.s)
	}
	v := ""
	if r == ReasonUnknownZone || r == ReasonTrailingText || r == ReasonBadOffset {
		v = p.s[from:to]
	}
	return &ParseError{Input: p.in, Reason: r, Value: v, Offset: p.base + from}
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

// number reads between min and max digits.
func (p *parser) number(min, max int) (int, bool) {
	v, n := p.digits(max)
	return v, n >= min
}

func (p *parser) spaces() int {
	n := 0
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
		n++
	}
	return n
}

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// clock is a time of day.
type clock struct{ h, m, s, ns int }

func (p *parser) timestamp() (time.Time, error) {
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
		if p.i == len(p.s) {
			return d.In(JST), nil
		}
		if sep == '-' && (p.peekByte('T') || p.peekByte('t')) {
			p.i++
		} else if p.spaces() == 0 {
			return time.Time{}, p.syntax()
		}
		c, err := p.clock(false)
		if err != nil {
			return time.Time{}, err
		}
		return p.zoned(d, c, nil)
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
	}
	return time.Time{}, p.fail(ReasonSyntax, start, p.i)
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

// caStyle reads the CA's "MM/DD/YYYY hh:mm:ss ZONE" after the month.
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
	if p.spaces() == 0 {
		return time.Time{}, p.syntax()
	}
	c, err := p.clock(true)
	if err != nil {
		return time.Time{}, err
	}
	return p.zoned(date, c, nil)
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

// zone reads "Z", "±hh:mm", "±hhmm", "±hh", " ABBR", " ABBR±hh[:mm]"
// (UTC and GMT only) or " ±hhmm ABBR".
func (p *parser) zone(def *time.Location) (*time.Location, error) {
	if p.peekByte('Z') || p.peekByte('z') {
		p.i++
		return time.UTC, nil
	}
	if loc, ok, err := p.offset(); ok || err != nil {
		if err != nil {
			return nil, err
		}
		// time.Time.String's form: an abbreviation may follow the offset.
		save := p.i
		if p.spaces() > 0 && p.i < len(p.s) && isLetter(p.s[p.i]) {
			return p.abbrAfterOffset(loc)
		}
		p.i = save
		return loc, nil
	}
	save := p.i
	p.spaces()
	if p.i == len(p.s) || !(isLetter(p.s[p.i]) || p.s[p.i] == '+' || p.s[p.i] == '-' || p.s[p.i] == '(') {
		p.i = save
		if def != nil {
			return def, nil
		}
		return nil, p.fail(ReasonMissingZone, p.i, p.i)
	}
	if p.s[p.i] == '+' || p.s[p.i] == '-' {
		loc, _, err := p.offset()
		if err != nil {
			return nil, err
		}
		if p.spaces() > 0 && p.i < len(p.s) && isLetter(p.s[p.i]) {
			return p.abbrAfterOffset(loc)
		}
		return loc, nil
	}
	paren := p.accept("(")
	start := p.i
	for p.i < len(p.s) && isLetter(p.s[p.i]) {
		p.i++
	}
	abbr := p.s[start:p.i]
	loc, ok := Zone(abbr)
	if !ok {
		return nil, p.fail(ReasonUnknownZone, start, p.i)
	}
	if loc == time.UTC && (p.peekByte('+') || p.peekByte('-')) {
		off, _, err := p.offset()
		if err != nil {
			return nil, err
		}
		loc = off
	}
	if paren && !p.accept(")") {
		return nil, p.syntax()
	}
	return loc, nil
}

// abbrAfterOffset reads the abbreviation that follows a numeric offset and
// checks that the two agree when the abbreviation is known.
func (p *parser) abbrAfterOffset(off *time.Location) (*time.Location, error) {
	start := p.i
	for p.i < len(p.s) && isLetter(p.s[p.i]) {
		p.i++
	}
	abbr := p.s[start:p.i]
	_, want := (time.Time{}).In(off).Zone()
	if loc, ok := Zone(abbr); ok {
		if _, got := (time.Time{}).In(loc).Zone(); got != want {
			return nil, p.fail(ReasonBadOffset, start, p.i)
		}
		return loc, nil
	}
	return time.FixedZone(abbr, want), nil
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

var monthNames = [...]string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// month reads an English month name, three letters or in full.
func (p *parser) month() (time.Month, bool) {
	start := p.i
	for p.i < len(p.s) && isLetter(p.s[p.i]) {
		p.i++
	}
	w := p.s[start:p.i]
	for i, m := range monthNames {
		if strings.EqualFold(w, m) || strings.EqualFold(w, time.Month(i+1).String()) {
			return time.Month(i + 1), true
		}
	}
	p.i = start
	return 0, false
}

// named reads OpenSSL's "Dec 10 23:59:59 2012 GMT" and RFC 1123's
// "Mon, 10 Dec 2012 23:59:59 GMT".
func (p *parser) named() (time.Time, error) {
	start := p.i
	if m, ok := p.month(); ok {
		if p.spaces() == 0 {
			return time.Time{}, p.syntax()
		}
		d, ok := p.number(1, 2)
		if !ok || p.spaces() == 0 {
			return time.Time{}, p.syntax()
		}
		c, err := p.clock(true)
		if err != nil {
			return time.Time{}, err
		}
		if p.spaces() == 0 {
			return time.Time{}, p.syntax()
		}
		y, ok := p.number(4, 4)
		if !ok {
			return time.Time{}, p.syntax()
		}
		date := Date{y, m, d}
		if !date.IsValid() {
			return time.Time{}, p.fail(ReasonBadDate, start, p.i)
		}
		return p.zoned(date, c, nil)
	}
	// RFC 1123: weekday, comma, day, month, year, time, zone.
	for p.i < len(p.s) && isLetter(p.s[p.i]) {
		p.i++
	}
	wd, ok := weekdayNamed(p.s[start:p.i])
	if !ok || !p.accept(",") || p.spaces() == 0 {
		return time.Time{}, p.fail(ReasonSyntax, start, p.i)
	}
	d, ok := p.number(1, 2)
	if !ok || p.spaces() == 0 {
		return time.Time{}, p.syntax()
	}
	m, ok := p.month()
	if !ok || p.spaces() == 0 {
		return time.Time{}, p.syntax()
	}
	y, ok := p.number(4, 4)
	if !ok || p.spaces() == 0 {
		return time.Time{}, p.syntax()
	}
	date := Date{y, m, d}
	if !date.IsValid() || date.Weekday() != wd {
		return time.Time{}, p.fail(ReasonBadDate, start, p.i)
	}
	c, err := p.clock(true)
	if err != nil {
		return time.Time{}, err
	}
	return p.zoned(date, c, nil)
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

// japaneseDate reads "年M月D日" after the year, and an optional weekday in
// ASCII or full-width parentheses.
func (p *parser) japaneseDate(y int) (Date, error) {
	start := p.i - 4
	p.accept("年")
	m, ok := p.number(1, 2)
	if !ok || !p.accept("月") {
		return Date{}, p.syntax()
	}
	d, ok := p.number(1, 2)
	if !ok || !p.accept("日") {
		return Date{}, p.syntax()
	}
	date := Date{y, time.Month(m), d}
	if !date.IsValid() {
		return Date{}, p.fail(ReasonBadDate, start, p.i)
	}
	save := p.i
	p.spaces()
	if p.accept("(") || p.accept("（") {
		r, size := utf8.DecodeRuneInString(p.s[p.i:])
		wd := strings.IndexRune("日月火水木金土", r)
		if wd < 0 {
			return Date{}, p.syntax()
		}
		p.i += size
		if !(p.accept(")") || p.accept("）")) {
			return Date{}, p.syntax()
		}
		if time.Weekday(wd/3) != date.Weekday() {
			return Date{}, p.fail(ReasonBadDate, start, p.i)
		}
	} else {
		p.i = save
	}
	return date, nil
}

// japanese reads "2012年12月11日 8時59分59秒" (or "8:59:59") after the
// year, optionally followed by a zone; JST when none is written.
func (p *parser) japanese(y int) (time.Time, error) {
	date, err := p.japaneseDate(y)
	if err != nil {
		return time.Time{}, err
	}
	if p.i == len(p.s) {
		return date.In(JST), nil
	}
	p.spaces()
	start := p.i
	h, ok := p.number(1, 2)
	if !ok {
		return time.Time{}, p.syntax()
	}
	var c clock
	if p.accept("時") {
		c.h = h
		if m, ok := p.number(1, 2); ok {
			if !p.accept("分") {
				return time.Time{}, p.syntax()
			}
			c.m = m
			if s, ok := p.number(1, 2); ok {
				if !p.accept("秒") {
					return time.Time{}, p.syntax()
				}
				c.s = s
			}
		}
		if err := p.checkClock(c, start); err != nil {
			return time.Time{}, err
		}
	} else {
		p.i = start
		if c, err = p.clock(false); err != nil {
			return time.Time{}, err
		}
	}
	if p.japaneseZone() {
		return time.Date(date.Year, date.Month, date.Day, c.h, c.m, c.s, c.ns, JST), nil
	}
	return p.zoned(date, c, JST)
}

// japaneseZone reads the zone as Japanese text writes it, "日本時間" or
// "JST" in full-width parentheses, or "日本時間" bare or in ASCII
// parentheses, and reports whether it did; the zone is then JST.
func (p *parser) japaneseZone() bool {
	save := p.i
	p.spaces()
	switch {
	case p.accept("（"):
		if (p.accept("日本時間") || p.accept("JST")) && p.accept("）") {
			return true
		}
	case p.accept("("):
		if p.accept("日本時間") && p.accept(")") {
			return true
		}
	case p.accept("日本時間"):
		return true
	}
	p.i = save
	return false
}
