package main

import (
	"bufio"
	"crypto/x509"
	"errors"
	"math/big"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/certlife/certlife/pkce"
	"github.com/certlife/certlife/tz"
	"github.com/certlife/certlife/validity"
)

// printer writes the report of each certificate as it comes.
type printer struct {
	opt   options
	out   *bufio.Writer
	buf   []byte // the report of one certificate, reused
	name  []byte // scratch for a distinguished name, reused
	input string // name of the current input
	index int    // 1-based index of the current certificate in it
}

// pkcs12 hands the certificates of a PKCS#12 bundle to fn: the leaf (the
// certificate matching the key, PK-3), its chain towards the root, then the
// others, as package pkce orders them. Key derivations are capped (PK-4).
// The whole file is in memory, as PKCS#12 needs; its certificates are
// parsed once by pkce.
func (p *printer) pkcs12(data []byte, fn func(der []byte) error) error {
	if !p.opt.hasPass {
		return errors.New("PKCS#12 input needs -password-file")
	}
	b, err := pkce.Decode(data, string(p.opt.password))
	if err != nil {
		return err
	}
	certs := append(append([]*x509.Certificate{b.Leaf}, b.Chain...), b.Extra...)
	for _, c := range certs {
		if c == nil {
			continue
		}
		if err := fn(c.Raw); err != nil {
			return err
		}
	}
	return nil
}

// Column layout of the text report.
const (
	labelWidth = 13
	colWidth   = 26
)

// Layouts: GMT as the CA prints it (TV-2), the other zones in ISO order
// with the zone's abbreviation, JSON in RFC 3339.
const (
	gmtLayout  = "01/02/2006 15:04:05 GMT"
	zoneLayout = "2006-01-02 15:04:05 MST"
)

// header prints the instant judged, once.
func (p *printer) header() {
	b := append(p.buf[:0], "at "...)
	b = p.opt.at.AppendFormat(b, zoneLayout)
	b = append(b, " ("...)
	b = p.opt.at.In(tz.JST).AppendFormat(b, zoneLayout)
	if p.opt.zone != nil {
		b = append(b, ", "...)
		b = p.opt.at.In(p.opt.zone).AppendFormat(b, zoneLayout)
	}
	b = append(b, ")\n"...)
	p.out.Write(b)
	p.buf = b
}

// print parses one certificate and prints its report. It returns whether
// the certificate expires within -expires-within.
func (p *printer) print(der []byte) (expiring bool, err error) {
	c, err := x509.ParseCertificate(der)
	if err != nil {
		return false, err
	}
	at := p.opt.at
	j := judge(c, at)
	// A certificate expires within D when it is no longer valid at at+D
	// (TV-3: valid while notBefore <= t <= notAfter).
	expiring = p.opt.hasWithin && c.NotAfter.Before(at.Add(p.opt.within))
	if p.opt.json {
		p.buf = p.appendJSON(p.buf[:0], c, &j, expiring)
	} else {
		p.buf = p.appendText(p.buf[:0], c, &j, expiring)
	}
	_, err = p.out.Write(p.buf)
	return expiring, err
}

func (p *printer) appendText(b []byte, c *x509.Certificate, j *judgement, expiring bool) []byte {
	b = append(b, '\n')
	b = append(b, p.input...)
	b = append(b, ": certificate "...)
	b = strconv.AppendInt(b, int64(p.index), 10)
	b = append(b, '\n')
	b = label(b, "subject")
	b = appendName(b, c.RawSubject, &c.Subject)
	b = append(b, '\n')
	b = label(b, "issuer")
	b = appendName(b, c.RawIssuer, &c.Issuer)
	b = append(b, '\n')
	b = label(b, "serial")
	b = appendSerial(b, c.SerialNumber)
	b = append(b, '\n')

	// TV-1, TV-2: GMT and JST side by side, notAfter inclusive.
	b = label(b, "validity")
	b = pad(b, "GMT", colWidth)
	if p.opt.zone != nil {
		b = pad(b, "JST", colWidth)
		b = append(b, p.opt.zoneName...)
	} else {
		b = append(b, "JST"...)
	}
	b = append(b, '\n')
	b = p.row(b, "  not before", c.NotBefore)
	b = p.row(b, "  not after", c.NotAfter)

	b = label(b, "status")
	switch j.status {
	case validity.Valid:
		b = append(b, "valid, "...)
		b = appendDuration(b, j.remaining)
		b = append(b, " left (through notAfter inclusive)"...)
	case validity.Expired:
		b = append(b, "expired, notAfter passed "...)
		b = appendDuration(b, secondsBetween(c.NotAfter, p.opt.at))
		b = append(b, " ago"...)
	case validity.NotYetValid:
		b = append(b, "not yet valid, starts in "...)
		b = appendDuration(b, secondsBetween(p.opt.at, c.NotBefore))
	default:
		b = append(b, j.status.String()...)
	}
	b = append(b, '\n')
	if p.opt.hasWithin {
		b = label(b, "expires")
		if expiring {
			b = append(b, "within "...)
		} else {
			b = append(b, "not within "...)
		}
		b = appendDuration(b, int64(p.opt.within/time.Second))
		b = append(b, '\n')
	}

	// TV-3 length, TV-6 limit.
	b = label(b, "length")
	b = strconv.AppendInt(b, int64(j.days), 10)
	b = append(b, " days ("...)
	b = strconv.AppendInt(b, j.length, 10)
	b = append(b, " s, notAfter - notBefore + 1 s)\n"...)
	b = label(b, "TV-6 limit")
	if j.limit.MaxDays == 0 {
		b = append(b, "none known for certificates issued before "...)
		b = j.limit.Until.AppendFormat(b, time.DateOnly)
	} else {
		b = append(b, j.limit.Source...)
	}
	b = append(b, '\n')
	b = label(b, "verdict")
	b = append(b, j.verdict...)
	if j.reason != "" && j.verdict != verdictNoLimit {
		b = append(b, ": "...)
		b = append(b, j.reason...)
	}
	b = append(b, '\n')

	// TV-5.
	b = label(b, "encoding")
	switch {
	case j.findErr != nil:
		b = append(b, j.findErr.Error()...)
		b = append(b, '\n')
	case len(j.findings) == 0:
		b = append(b, "ok (RFC 5280 4.1.2.5)\n"...)
	}
	for i, f := range j.findings {
		if i > 0 {
			b = label(b, "")
		}
		b = append(b, f.String()...)
		b = append(b, '\n')
	}
	return b
}

// row prints one line of the validity table.
func (p *printer) row(b []byte, name string, t time.Time) []byte {
	b = label(b, name)
	n := len(b)
	b = t.UTC().AppendFormat(b, gmtLayout)
	if p.opt.zone == nil {
		b = append(b, "   "...)
		b = t.In(tz.JST).AppendFormat(b, zoneLayout)
	} else {
		b = padTo(b, n+colWidth)
		b = t.In(tz.JST).AppendFormat(b, zoneLayout)
		b = append(b, "   "...)
		b = t.In(p.opt.zone).AppendFormat(b, zoneLayout)
	}
	return append(b, '\n')
}

// appendJSON appends one JSON Lines record; the field names are documented
// in the package comment and stable.
func (p *printer) appendJSON(b []byte, c *x509.Certificate, j *judgement, expiring bool) []byte {
	b = append(b, `{"input":`...)
	b = appendJSONString(b, p.input)
	b = append(b, `,"index":`...)
	b = strconv.AppendInt(b, int64(p.index), 10)
	b = append(b, `,"subject":`...)
	p.name = appendName(p.name[:0], c.RawSubject, &c.Subject)
	b = appendJSONString(b, string(p.name))
	b = append(b, `,"issuer":`...)
	p.name = appendName(p.name[:0], c.RawIssuer, &c.Issuer)
	b = appendJSONString(b, string(p.name))
	b = append(b, `,"serial":"`...)
	b = c.SerialNumber.Append(b, 16)
	b = appendJSONTime(append(b, `","not_before":`...), c.NotBefore.UTC())
	b = appendJSONTime(append(b, `,"not_after":`...), c.NotAfter.UTC())
	b = appendJSONTime(append(b, `,"not_before_jst":`...), c.NotBefore.In(tz.JST))
	b = appendJSONTime(append(b, `,"not_after_jst":`...), c.NotAfter.In(tz.JST))
	if p.opt.zone != nil {
		b = appendJSONString(append(b, `,"zone":`...), p.opt.zoneName)
		b = appendJSONTime(append(b, `,"not_before_zone":`...), c.NotBefore.In(p.opt.zone))
		b = appendJSONTime(append(b, `,"not_after_zone":`...), c.NotAfter.In(p.opt.zone))
	}
	b = appendJSONTime(append(b, `,"at":`...), p.opt.at)
	b = append(b, `,"status":"`...)
	b = append(b, statusWord(j.status)...)
	b = append(b, `","remaining_seconds":`...)
	b = strconv.AppendInt(b, j.remaining, 10)
	b = append(b, `,"length_seconds":`...)
	b = strconv.AppendInt(b, j.length, 10)
	b = append(b, `,"length_days":`...)
	b = strconv.AppendInt(b, int64(j.days), 10)
	b = append(b, `,"limit":{"max_days":`...)
	b = strconv.AppendInt(b, int64(j.limit.MaxDays), 10)
	b = append(b, `,"warn_days":`...)
	b = strconv.AppendInt(b, int64(j.limit.WarnDays), 10)
	b = append(b, `,"max_months":`...)
	b = strconv.AppendInt(b, int64(j.limit.MaxMonths), 10)
	b = appendJSONString(append(b, `,"source":`...), j.limit.Source)
	b = append(b, `,"verdict":"`...)
	b = append(b, j.verdict...)
	b = appendJSONString(append(b, `","reason":`...), j.reason)
	b = append(b, `},"encoding":[`...)
	for i, f := range j.findings {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(append(b, `{"field":`...), f.Field)
		b = appendJSONString(append(b, `,"type":`...), f.Type)
		b = appendJSONString(append(b, `,"raw":`...), f.Raw)
		b = appendJSONString(append(b, `,"severity":`...), f.Severity.String())
		b = appendJSONString(append(b, `,"finding":`...), f.Code.String())
		b = append(b, '}')
	}
	if j.findErr != nil {
		b = appendJSONString(append(b, `{"severity":"error","finding":`...), j.findErr.Error())
		b = append(b, '}')
	}
	b = append(b, ']')
	if p.opt.hasWithin {
		b = strconv.AppendBool(append(b, `,"expires_within":`...), expiring)
	}
	return append(b, "}\n"...)
}

func appendJSONTime(b []byte, t time.Time) []byte {
	b = append(b, '"')
	b = t.AppendFormat(b, time.RFC3339Nano)
	return append(b, '"')
}

// appendJSONString appends s as a JSON string, as encoding/json would
// (invalid UTF-8 becomes U+FFFD), without its HTML escaping.
func appendJSONString(b []byte, s string) []byte {
	const hexDigits = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\t':
				b = append(b, '\\', 't')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, `\u202`...)
			b = append(b, hexDigits[r&15])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}

func label(b []byte, name string) []byte {
	b = append(b, "  "...)
	return pad(b, name, labelWidth)
}

// pad appends s and spaces up to width.
func pad(b []byte, s string, width int) []byte {
	n := len(b)
	b = append(b, s...)
	return padTo(b, n+width)
}

func padTo(b []byte, n int) []byte {
	if len(b) >= n {
		return append(b, ' ')
	}
	for len(b) < n {
		b = append(b, ' ')
	}
	return b
}

// appendDuration appends s seconds as "192 days 23:59:59" (a day is 24
// hours).
func appendDuration(b []byte, s int64) []byte {
	days := s / 86400
	s %= 86400
	b = strconv.AppendInt(b, days, 10)
	if days == 1 {
		b = append(b, " day "...)
	} else {
		b = append(b, " days "...)
	}
	h, m := s/3600, s/60%60
	s %= 60
	return append(b, byte('0'+h/10), byte('0'+h%10), ':', byte('0'+m/10), byte('0'+m%10), ':', byte('0'+s/10), byte('0'+s%10))
}

// appendSerial appends the serial as colon-separated hex bytes, as
// openssl x509 -text does.
func appendSerial(b []byte, n *big.Int) []byte {
	const hexDigits = "0123456789abcdef"
	if n.Sign() < 0 {
		b = append(b, '-')
	}
	bs := n.Bytes()
	if len(bs) == 0 {
		bs = []byte{0}
	}
	for i, x := range bs {
		if i > 0 {
			b = append(b, ':')
		}
		b = append(b, hexDigits[x>>4], hexDigits[x&15])
	}
	return b
}
