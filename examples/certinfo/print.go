package main

import (
	"bufio"
	"crypto/x509"
	"encoding/json"
	"errors"
	"math/big"
	"strconv"
	"time"

	"github.com/certlife/certlife/tz"
)

// printer writes the report of each certificate as it comes.
type printer struct {
	opt   options
	out   *bufio.Writer
	buf   []byte // the text report of one certificate, reused
	input string // name of the current input
	index int    // 1-based index of the current certificate in it
}

// pkcs12 hands the certificates of a PKCS#12 bundle to fn.
func (p *printer) pkcs12(data []byte, fn func(der []byte) error) error {
	return errors.New("PKCS#12 input is not supported yet")
}

// Column layout of the validity table.
const (
	labelWidth = 13
	colWidth   = 26
)

// Formats of the validity table: GMT as the CA prints it (TV-2), the
// other zones in ISO order with the zone's abbreviation.
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

// status of a certificate at an instant (TV-3: valid iff notBefore <= at
// <= notAfter).
func status(c *x509.Certificate, at time.Time) string {
	switch {
	case at.Before(c.NotBefore):
		return "not_yet_valid"
	case at.After(c.NotAfter):
		return "expired"
	}
	return "valid"
}

// certJSON is one line of -json output; the field names are documented in
// the package comment and stable.
type certJSON struct {
	Input         string     `json:"input"`
	Index         int        `json:"index"`
	Subject       string     `json:"subject"`
	Issuer        string     `json:"issuer"`
	Serial        string     `json:"serial"`
	NotBefore     time.Time  `json:"not_before"`
	NotAfter      time.Time  `json:"not_after"`
	NotBeforeJST  time.Time  `json:"not_before_jst"`
	NotAfterJST   time.Time  `json:"not_after_jst"`
	Zone          string     `json:"zone,omitempty"`
	NotBeforeZone *time.Time `json:"not_before_zone,omitempty"`
	NotAfterZone  *time.Time `json:"not_after_zone,omitempty"`
	At            time.Time  `json:"at"`
	Status        string     `json:"status"`
	Remaining     int64      `json:"remaining_seconds"`
	LengthSeconds int64      `json:"length_seconds"`
	LengthDays    int64      `json:"length_days"`
	Limit         lifetime   `json:"limit"`
	Encoding      []string   `json:"encoding"`
	ExpiresWithin *bool      `json:"expires_within,omitempty"`
}

// print parses one certificate and prints its report. It returns whether
// the certificate expires within -expires-within.
func (p *printer) print(der []byte) (expiring bool, err error) {
	c, err := x509.ParseCertificate(der)
	if err != nil {
		return false, err
	}
	at := p.opt.at
	length := lengthOf(c.NotBefore, c.NotAfter)
	remaining := c.NotAfter.Sub(at)
	st := status(c, at)
	life := judgeLifetime(c)
	findings := encodingFindings(c.Raw)
	// A certificate expires within D when it is no longer valid at at+D.
	expiring = p.opt.hasWithin && c.NotAfter.Before(at.Add(p.opt.within))

	if p.opt.json {
		j := certJSON{
			Input: p.input, Index: p.index,
			Subject: c.Subject.String(), Issuer: c.Issuer.String(),
			Serial:    serialHex(c.SerialNumber),
			NotBefore: c.NotBefore.UTC(), NotAfter: c.NotAfter.UTC(),
			NotBeforeJST: c.NotBefore.In(tz.JST), NotAfterJST: c.NotAfter.In(tz.JST),
			At: at, Status: st,
			Remaining:     int64(remaining / time.Second),
			LengthSeconds: int64(length / time.Second), LengthDays: daysOf(length),
			Limit: life, Encoding: findings,
		}
		if j.Encoding == nil {
			j.Encoding = []string{}
		}
		if p.opt.zone != nil {
			nb, na := c.NotBefore.In(p.opt.zone), c.NotAfter.In(p.opt.zone)
			j.Zone, j.NotBeforeZone, j.NotAfterZone = p.opt.zoneName, &nb, &na
		}
		if p.opt.hasWithin {
			j.ExpiresWithin = &expiring
		}
		enc := json.NewEncoder(p.out)
		enc.SetEscapeHTML(false)
		return expiring, enc.Encode(j)
	}

	b := p.buf[:0]
	b = append(b, '\n')
	b = append(b, p.input...)
	b = append(b, ": certificate "...)
	b = strconv.AppendInt(b, int64(p.index), 10)
	b = append(b, '\n')
	b = field(b, "subject", c.Subject.String())
	b = field(b, "issuer", c.Issuer.String())
	b = label(b, "serial")
	b = appendSerial(b, c.SerialNumber)
	b = append(b, '\n')

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
	switch st {
	case "valid":
		b = append(b, "valid, "...)
		b = appendDuration(b, remaining)
		b = append(b, " left"...)
	case "expired":
		b = append(b, "expired "...)
		b = appendDuration(b, -remaining)
		b = append(b, " ago"...)
	default:
		b = append(b, "not yet valid, starts in "...)
		b = appendDuration(b, c.NotBefore.Sub(at))
	}
	b = append(b, '\n')
	if p.opt.hasWithin {
		b = label(b, "expires")
		if expiring {
			b = append(b, "within "...)
		} else {
			b = append(b, "not within "...)
		}
		b = appendDuration(b, p.opt.within)
		b = append(b, '\n')
	}

	b = label(b, "length")
	b = strconv.AppendInt(b, daysOf(length), 10)
	b = append(b, " days ("...)
	b = strconv.AppendInt(b, int64(length/time.Second), 10)
	b = append(b, " s, both ends included)\n"...)

	b = label(b, "TV-6 limit")
	b = append(b, life.Rule...)
	if life.Max != "" {
		b = append(b, ": MUST NOT exceed "...)
		b = append(b, life.Max...)
		if life.WarnDays > 0 {
			b = append(b, ", SHOULD NOT exceed "...)
			b = strconv.AppendInt(b, life.WarnDays, 10)
		}
	}
	b = append(b, '\n')
	b = label(b, "verdict")
	b = append(b, life.Verdict...)
	b = append(b, '\n')

	b = label(b, "encoding")
	if len(findings) == 0 {
		b = append(b, "ok (RFC 5280 4.1.2.5)\n"...)
	}
	for i, f := range findings {
		if i > 0 {
			b = label(b, "")
		}
		b = append(b, f...)
		b = append(b, '\n')
	}
	p.buf = b
	_, err = p.out.Write(b)
	return expiring, err
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

func label(b []byte, name string) []byte {
	b = append(b, "  "...)
	return pad(b, name, labelWidth)
}

func field(b []byte, name, value string) []byte {
	b = label(b, name)
	b = append(b, value...)
	return append(b, '\n')
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

// appendDuration appends d as "192 days 23:59:59" (a day is 24 hours).
func appendDuration(b []byte, d time.Duration) []byte {
	s := int64(d / time.Second)
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

const hexDigits = "0123456789abcdef"

// appendSerial appends the serial as colon-separated hex bytes, as
// openssl x509 -text does.
func appendSerial(b []byte, n *big.Int) []byte {
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

// serialHex is the serial for JSON: lower-case hex, a sign if negative.
func serialHex(n *big.Int) string { return n.Text(16) }
