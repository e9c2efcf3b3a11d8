package validity

import (
	"crypto/x509"
	"strconv"
	"time"

	"golang.org/x/crypto/cryptobyte"
	"golang.org/x/crypto/cryptobyte/asn1"
)

// A Code names a finding about how a validity time is encoded (TV-5,
// RFC 5280 4.1.2.5).
type Code int

const (
	// CodeGeneralizedTimeBefore2050 results when a time from 1950 through
	// 2049 (in UTC) is encoded as GeneralizedTime; RFC 5280 4.1.2.5
	// requires UTCTime through 2049. Times before 1950, which UTCTime
	// cannot express, are not reported. SeverityError.
	CodeGeneralizedTimeBefore2050 Code = iota + 1
	// CodeUTCTimeAfter2049 results when a UTCTime denotes an instant in
	// 2050 or later, which RFC 5280 4.1.2.5 requires as GeneralizedTime.
	// UTCTime's two-digit year reads 50-99 as 1950-1999, so this happens
	// only through a UTC offset ("491231235959-0100"), itself
	// [CodeNotZulu]. SeverityError.
	CodeUTCTimeAfter2049
	// CodeMissingSeconds results when a UTCTime or GeneralizedTime has no
	// seconds ("1212102359Z"); RFC 5280 4.1.2.5.1 and 4.1.2.5.2 require
	// them, even when zero. SeverityError.
	CodeMissingSeconds
	// CodeNotZulu results when a time is not in UTC with the "Z" suffix: it
	// has an offset ("121210235959+0900") or no zone at all; RFC 5280
	// 4.1.2.5.1 and 4.1.2.5.2. SeverityError.
	CodeNotZulu
	// CodeFractionalSeconds results when a GeneralizedTime has a fraction
	// of a second ("20121210235959.5Z"), which RFC 5280 4.1.2.5.2 forbids.
	// SeverityError.
	CodeFractionalSeconds
	// CodeInvalidTime results when the content of a UTCTime or
	// GeneralizedTime is not a time of that type at all (letters, month 13,
	// 30 February, a leap second). SeverityError.
	CodeInvalidTime
	// CodeNoWellDefinedExpiration results when notAfter is the
	// GeneralizedTime 99991231235959Z, which RFC 5280 4.1.2.5 reserves for
	// a certificate with no well-defined expiration date. It breaks no
	// rule. SeverityInfo.
	CodeNoWellDefinedExpiration
)

var codeText = [...]string{
	CodeGeneralizedTimeBefore2050: "GeneralizedTime before 2050",
	CodeUTCTimeAfter2049:          "UTCTime in 2050 or later",
	CodeMissingSeconds:            "time without seconds",
	CodeNotZulu:                   "time not in UTC with Z",
	CodeFractionalSeconds:         "fractional seconds",
	CodeInvalidTime:               "invalid time",
	CodeNoWellDefinedExpiration:   "no well-defined expiration",
}

// String returns the code in words, such as "fractional seconds";
// "Code(n)" for a value not listed.
func (c Code) String() string {
	if c > 0 && int(c) < len(codeText) {
		return codeText[c]
	}
	return "Code(" + strconv.Itoa(int(c)) + ")"
}

// A Finding is one observation about the encoding of notBefore or notAfter
// (TV-5).
type Finding struct {
	Field    string    // "notBefore" or "notAfter"
	Type     string    // "UTCTime" or "GeneralizedTime", the ASN.1 type used
	Raw      string    // the content octets as encoded, such as "1212102359Z"
	Time     time.Time // the instant Raw denotes, in UTC; zero for CodeInvalidTime
	Code     Code
	Severity Severity
}

// String returns, for example,
// `notAfter UTCTime "1212102359Z": error: time without seconds`.
func (f Finding) String() string {
	return f.Field + " " + f.Type + " " + strconv.Quote(f.Raw) + ": " + f.Severity.String() + ": " + f.Code.String()
}

// An EncodingError reports a TBSCertificate that could not be read
// ([ReasonMalformed], matching [ErrMalformed]), or validity times whose
// encoding breaks RFC 5280 4.1.2.5 ([ReasonEncoding]).
type EncodingError struct {
	Reason Reason
	// Findings are all the findings, including informational ones, when
	// Reason is ReasonEncoding; nil for ReasonMalformed.
	Findings []Finding
	// Detail says, for ReasonMalformed, which part could not be read.
	Detail string
}

// Error returns, for example,
// `validity: bad time encoding: notAfter UTCTime "1212102359Z": error: time without seconds`
// or `validity: malformed: validity is not a SEQUENCE`. Only findings of
// SeverityWarning or above are listed.
func (e *EncodingError) Error() string {
	msg := "validity: " + e.Reason.String()
	if e.Detail != "" {
		msg += ": " + e.Detail
	}
	sep := ": "
	for _, f := range e.Findings {
		if f.Severity >= SeverityWarning {
			msg += sep + f.String()
			sep = "; "
		}
	}
	return msg
}

// Is reports whether target is [ErrMalformed] and e's Reason is
// [ReasonMalformed].
func (e *EncodingError) Is(target error) bool {
	return target == ErrMalformed && e.Reason == ReasonMalformed
}

// CheckEncoding checks how cert encodes its validity times (TV-5, RFC 5280
// 4.1.2.5), reading cert.RawTBSCertificate since crypto/x509 keeps no trace
// of the encoding. It returns nil when every finding of [EncodingFindings]
// is informational (a notAfter of 99991231235959Z is not an error), and
// otherwise an *[EncodingError] with Reason [ReasonEncoding] holding all
// the findings. A nil cert, or one whose RawTBSCertificate cannot be read,
// gives an *EncodingError with Reason [ReasonMalformed].
func CheckEncoding(cert *x509.Certificate) error {
	if cert == nil {
		return &EncodingError{Reason: ReasonMalformed, Detail: "nil certificate"}
	}
	fs, err := EncodingFindings(cert.RawTBSCertificate)
	if err != nil {
		return err
	}
	for _, f := range fs {
		if f.Severity >= SeverityWarning {
			return &EncodingError{Reason: ReasonEncoding, Findings: fs}
		}
	}
	return nil
}

// EncodingFindings reads the DER of a TBSCertificate (as in
// x509.Certificate.RawTBSCertificate) up to its validity and returns the
// findings about the encoding of notBefore and notAfter, in that order. It
// returns none when both are as RFC 5280 4.1.2.5 requires, UTCTime
// "YYMMDDHHMMSSZ" through 2049 and GeneralizedTime "YYYYMMDDHHMMSSZ" from
// 2050, except the informational [CodeNoWellDefinedExpiration] for a
// notAfter of 99991231235959Z. Each [Code] says its severity.
//
// It reads the outer SEQUENCE and the fields up to the validity (version,
// serialNumber, signature, issuer) as DER, without looking inside them, and
// does not examine the fields after the validity. Input that is not such DER
// gives an *[EncodingError] with Reason [ReasonMalformed]; it never
// panics, whatever the bytes.
func EncodingFindings(rawTBS []byte) ([]Finding, error) {
	in := cryptobyte.String(rawTBS)
	var tbs, validity cryptobyte.String
	if !in.ReadASN1(&tbs, asn1.SEQUENCE) {
		return nil, malformed("TBSCertificate is not a DER SEQUENCE")
	}
	if !in.Empty() {
		return nil, malformed("data after TBSCertificate")
	}
	if !tbs.SkipOptionalASN1(asn1.Tag(0).Constructed().ContextSpecific()) {
		return nil, malformed("bad version")
	}
	if !tbs.SkipASN1(asn1.INTEGER) {
		return nil, malformed("serialNumber is not an INTEGER")
	}
	if !tbs.SkipASN1(asn1.SEQUENCE) {
		return nil, malformed("signature is not a SEQUENCE")
	}
	if !tbs.SkipASN1(asn1.SEQUENCE) {
		return nil, malformed("issuer is not a SEQUENCE")
	}
	if !tbs.ReadASN1(&validity, asn1.SEQUENCE) {
		return nil, malformed("validity is not a SEQUENCE")
	}
	var fs []Finding
	for _, field := range [2]string{"notBefore", "notAfter"} {
		var raw cryptobyte.String
		var tag asn1.Tag
		if !validity.ReadAnyASN1(&raw, &tag) {
			return nil, malformed(field + " is missing or not DER")
		}
		switch tag {
		case asn1.UTCTime:
			fs = utcTimeFindings(fs, field, raw)
		case asn1.GeneralizedTime:
			fs = generalizedTimeFindings(fs, field, raw)
		default:
			return nil, malformed(field + " is neither UTCTime nor GeneralizedTime")
		}
	}
	if !validity.Empty() {
		return nil, malformed("validity has more than two times")
	}
	return fs, nil
}

func malformed(detail string) error {
	return &EncodingError{Reason: ReasonMalformed, Detail: detail}
}

// asn1Time is a UTCTime or GeneralizedTime read leniently, so that every
// departure from RFC 5280 can be reported rather than refused.
type asn1Time struct {
	t        time.Time // in UTC
	seconds  bool      // seconds present
	fraction bool      // fraction of a second present
	zulu     bool      // ends in Z
	ok       bool      // content is a time of its type at all
}

// utcTimeFindings appends the findings for a UTCTime (RFC 5280 4.1.2.5.1).
func utcTimeFindings(fs []Finding, field string, raw []byte) []Finding {
	var t asn1Time
	if yy, ok := num(raw, 0, 2); ok {
		// RFC 5280 4.1.2.5.1: YY >= 50 is 19YY, YY < 50 is 20YY.
		year := 2000 + yy
		if yy >= 50 {
			year = 1900 + yy
		}
		t = readTime(raw[2:], year, false)
	}
	var c codes
	switch {
	case !t.ok:
		c.add(CodeInvalidTime, SeverityError)
	default:
		if !t.seconds {
			c.add(CodeMissingSeconds, SeverityError)
		}
		if !t.zulu {
			c.add(CodeNotZulu, SeverityError)
		}
		// RFC 5280 4.1.2.5: dates in 2050 or later MUST be GeneralizedTime.
		if t.t.Year() >= 2050 {
			c.add(CodeUTCTimeAfter2049, SeverityError)
		}
	}
	return c.appendTo(fs, field, "UTCTime", raw, t.t)
}

// generalizedTimeFindings appends the findings for a GeneralizedTime
// (RFC 5280 4.1.2.5.2).
func generalizedTimeFindings(fs []Finding, field string, raw []byte) []Finding {
	var t asn1Time
	if year, ok := num(raw, 0, 4); ok {
		t = readTime(raw[4:], year, true)
	}
	var c codes
	switch {
	case !t.ok:
		c.add(CodeInvalidTime, SeverityError)
	default:
		if !t.seconds {
			c.add(CodeMissingSeconds, SeverityError)
		}
		if t.fraction {
			c.add(CodeFractionalSeconds, SeverityError)
		}
		if !t.zulu {
			c.add(CodeNotZulu, SeverityError)
		}
		// RFC 5280 4.1.2.5: dates through 2049 MUST be UTCTime. Those before
		// 1950 cannot be, so GeneralizedTime is the only encoding for them.
		if y := t.t.Year(); 1950 <= y && y < 2050 {
			c.add(CodeGeneralizedTimeBefore2050, SeverityError)
		}
		// RFC 5280 4.1.2.5: 99991231235959Z means no well-defined expiration.
		if field == "notAfter" && string(raw) == "99991231235959Z" {
			c.add(CodeNoWellDefinedExpiration, SeverityInfo)
		}
	}
	return c.appendTo(fs, field, "GeneralizedTime", raw, t.t)
}

// codes collects the findings about one time before any is built, so that
// a correct time costs no allocation.
type codes struct {
	n    int
	code [4]Code
	sev  [4]Severity
}

func (c *codes) add(code Code, s Severity) {
	c.code[c.n], c.sev[c.n] = code, s
	c.n++
}

func (c *codes) appendTo(fs []Finding, field, typ string, raw []byte, t time.Time) []Finding {
	if c.n == 0 {
		return fs
	}
	r := string(raw)
	for i := 0; i < c.n; i++ {
		fs = append(fs, Finding{Field: field, Type: typ, Raw: r, Time: t, Code: c.code[i], Severity: c.sev[i]})
	}
	return fs
}

// readTime reads MMDDhhmm[ss][.fff][Z|±hhmm] after the year. A
// GeneralizedTime (general) may also omit the minutes and may carry a
// fraction; a UTCTime may not. The zone is required in a UTCTime (X.680);
// a GeneralizedTime without one is local time, read here as UTC and
// reported as not Zulu.
func readTime(s []byte, year int, general bool) asn1Time {
	var r asn1Time
	month, ok1 := num(s, 0, 2)
	day, ok2 := num(s, 2, 2)
	hour, ok3 := num(s, 4, 2)
	if !ok1 || !ok2 || !ok3 {
		return r
	}
	s = s[6:]
	min, sec := 0, 0
	if m, ok := num(s, 0, 2); ok {
		min = m
		s = s[2:]
		if v, ok := num(s, 0, 2); ok {
			sec = v
			r.seconds = true
			s = s[2:]
		}
	} else if !general {
		return r
	}
	nsec := 0
	if general && r.seconds && len(s) > 0 && (s[0] == '.' || s[0] == ',') {
		i := 1
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			if i <= 9 {
				nsec = nsec*10 + int(s[i]-'0')
			}
			i++
		}
		if i == 1 {
			return r
		}
		for j := i; j <= 9; j++ {
			nsec *= 10
		}
		r.fraction = true
		s = s[i:]
	}
	offset := 0
	switch {
	case string(s) == "Z":
		r.zulu = true
	case len(s) == 0 && general:
	case len(s) == 5 && (s[0] == '+' || s[0] == '-'):
		oh, ok1 := num(s, 1, 2)
		om, ok2 := num(s, 3, 2)
		if !ok1 || !ok2 || oh > 23 || om > 59 {
			return r
		}
		offset = oh*3600 + om*60
		if s[0] == '-' {
			offset = -offset
		}
	default:
		return r
	}
	if month < 1 || month > 12 || day < 1 || day > daysIn(year, time.Month(month)) ||
		hour > 23 || min > 59 || sec > 59 {
		return r
	}
	r.t = time.Date(year, time.Month(month), day, hour, min, sec, nsec, time.UTC).Add(-time.Duration(offset) * time.Second)
	r.ok = true
	return r
}

// num reads n ASCII digits of s from i.
func num(s []byte, i, n int) (int, bool) {
	if i+n > len(s) {
		return 0, false
	}
	v := 0
	for _, c := range s[i : i+n] {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

func daysIn(year int, month time.Month) int {
	return time.Date(year, month+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
