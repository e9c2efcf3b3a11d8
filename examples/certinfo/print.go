package main

import (
	"crypto/x509"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/certlife/certlife/examples/internal/cli"
	"github.com/certlife/certlife/examples/internal/input"
	"github.com/certlife/certlife/examples/internal/x509text"
	"github.com/certlife/certlife/tz"
	"github.com/certlife/certlife/validity"
)

// printer writes the report of each certificate as it comes.
type printer struct {
	opt options
	out *cli.Writer
	buf []byte // the report of one certificate, reused
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

// print prints the report of one certificate; inter holds the
// intermediates for -verify. It returns whether the certificate's answer
// is "no": it expires within -expires-within, or its chain does not verify.
func (p *printer) print(it *input.Item, inter *x509.CertPool) (negative bool, err error) {
	c := it.Cert
	at := p.opt.at
	j := judge(c, at)
	// A certificate expires within D when it is no longer valid at at+D
	// (TV-3: valid while notBefore <= t <= notAfter).
	expiring := p.opt.hasWithin && c.NotAfter.Before(at.Add(p.opt.within))
	var v *verdict
	if p.opt.verify {
		v = verifyChain(c, p.opt.roots, inter, at)
	}
	d := &details{it: it, c: c, j: &j, expiring: expiring, verify: v}
	if p.opt.json {
		p.buf = p.appendJSON(p.buf[:0], d)
	} else {
		p.buf = p.appendText(p.buf[:0], d)
	}
	_, err = p.out.Write(p.buf)
	return expiring || (v != nil && !v.ok), err
}

// details is what is printed of one certificate.
type details struct {
	it       *input.Item
	c        *x509.Certificate
	j        *judgement
	expiring bool
	verify   *verdict // nil without -verify
}

func (p *printer) appendText(b []byte, d *details) []byte {
	c, j := d.c, d.j
	b = append(b, '\n')
	b = append(b, d.it.File...)
	b = append(b, ": certificate "...)
	b = strconv.AppendInt(b, int64(d.it.Index), 10)
	b = append(b, '\n')
	b = line(b, "subject", x509text.Name(c.RawSubject, &c.Subject))
	b = line(b, "issuer", x509text.Name(c.RawIssuer, &c.Issuer))
	b = line(b, "serial", x509text.Serial(c.SerialNumber))
	b = line(b, "SANs", x509text.Join(x509text.SANs(c)))
	b = line(b, "public key", x509text.PublicKey(c))
	b = line(b, "signature", c.SignatureAlgorithm.String())
	b = line(b, "key usage", x509text.Join(x509text.KeyUsage(c)))
	b = line(b, "ext usage", x509text.Join(x509text.ExtKeyUsage(c)))
	if bc := x509text.BasicConstraints(c); bc != "" {
		b = line(b, "constraints", bc)
	}
	b = line(b, "SHA-256", x509text.Fingerprint(c.Raw))
	if r := d.it.Bundle; r != nil {
		b = line(b, "in PKCS#12", bundleText(r))
	}

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
		if d.expiring {
			b = append(b, "within "...)
		} else {
			b = append(b, "not within "...)
		}
		b = appendDuration(b, int64(p.opt.within/time.Second))
		b = append(b, '\n')
	}

	// TV-3 length; TV-6 limit, the length as the step measures it, the
	// verdict; the successor's clientAuth.
	b = label(b, "length")
	b = appendDays(b, j.days, j.length)
	b = append(b, ", notAfter - notBefore + 1 s, TV-3)\n"...)
	b = label(b, "TV-6 limit")
	if j.limit.MaxDays == 0 {
		b = append(b, "none known for certificates issued before "...)
		b = j.limit.Until.AppendFormat(b, time.DateOnly)
	} else {
		b = append(b, j.limit.Source...)
	}
	b = append(b, '\n')
	if j.measured {
		b = label(b, "TV-6 length")
		b = appendDays(b, j.tv6Days, j.tv6Seconds)
		if j.limit.Inclusive {
			b = append(b, ", notAfter - notBefore + 1 s, as the steps from 2020-09-01 measure)\n"...)
		} else {
			b = append(b, ", notAfter - notBefore, as the steps before 2020-09-01 measure, BR 1.6.1)\n"...)
		}
	}
	b = label(b, "verdict")
	b = append(b, j.verdict...)
	if j.reason != "" && j.verdict != verdictNoLimit {
		b = append(b, ": "...)
		b = append(b, j.reason...)
	}
	b = append(b, '\n')
	if j.hasClientAuth && j.clientAuth.Outcome != validity.OutcomeNotApplicable {
		b = label(b, "clientAuth")
		b = appendClientAuth(b, j, p.opt.at)
		b = append(b, '\n')
	}

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
	if v := d.verify; v != nil {
		b = label(b, "verify")
		if v.ok {
			b = append(b, "ok at -at: a chain to a root of "...)
			b = append(b, p.opt.rootsName...)
			for _, n := range v.chain[1:] {
				b = append(b, '\n')
				b = label(b, "")
				b = append(b, "issued by "...)
				b = append(b, n...)
			}
		} else {
			b = append(b, "fails: "...)
			b = append(b, v.err...)
		}
		b = append(b, '\n')
	}
	return b
}

// appendDays appends "N days (S s" for a length in days and seconds.
func appendDays(b []byte, days int, seconds int64) []byte {
	b = strconv.AppendInt(b, int64(days), 10)
	b = append(b, " days ("...)
	b = strconv.AppendInt(b, seconds, 10)
	return append(b, " s"...)
}

// appendClientAuth appends the clientAuth finding: whether the
// certificate's successor may still carry clientAuth.
func appendClientAuth(b []byte, j *judgement, at time.Time) []byte {
	when := "renewed by its notAfter, "
	if j.successorAt.Equal(at) {
		when = "renewed now (at -at), "
	}
	word, _ := verdictWord(j.clientAuth)
	b = append(b, word...)
	switch j.clientAuth.Outcome {
	case validity.OutcomePass:
		b = append(b, ": "+when+"before "+clientAuthBan+", its successor may still carry clientAuth; none issued from then may ("+clientAuthSource+")"...)
	case validity.OutcomeWarning:
		b = append(b, ": "+when+"on or after "+clientAuthBan+", its successor may not carry clientAuth ("+clientAuthSource+"); "+
			"for mutual TLS, plan client certificates from a private CA"...)
	default:
		s := j.clientAuth.String()
		b = append(b, s[len(j.clientAuth.Outcome.String()):]...)
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
func (p *printer) appendJSON(b []byte, d *details) []byte {
	c, j := d.c, d.j
	b = append(b, `{"record":"certificate","input":`...)
	b = appendJSONString(b, d.it.File)
	b = append(b, `,"index":`...)
	b = strconv.AppendInt(b, int64(d.it.Index), 10)
	b = appendJSONString(append(b, `,"subject":`...), x509text.Name(c.RawSubject, &c.Subject))
	b = appendJSONString(append(b, `,"issuer":`...), x509text.Name(c.RawIssuer, &c.Issuer))
	b = appendJSONString(append(b, `,"serial":`...), x509text.Serial(c.SerialNumber))
	b = appendJSONList(append(b, `,"sans":`...), x509text.SANs(c))
	b = appendJSONString(append(b, `,"public_key":`...), x509text.PublicKey(c))
	b = appendJSONString(append(b, `,"signature_algorithm":`...), c.SignatureAlgorithm.String())
	b = appendJSONList(append(b, `,"key_usage":`...), x509text.KeyUsage(c))
	b = appendJSONList(append(b, `,"ext_key_usage":`...), x509text.ExtKeyUsage(c))
	b = appendJSONString(append(b, `,"basic_constraints":`...), x509text.BasicConstraints(c))
	b = appendJSONString(append(b, `,"sha256_fingerprint":`...), x509text.Fingerprint(c.Raw))
	if r := d.it.Bundle; r != nil {
		b = strconv.AppendInt(append(b, `,"pkcs12":{"entry":`...), int64(r.Entry), 10)
		b = appendJSONString(append(b, `,"role":`...), r.Role)
		b = appendJSONString(append(b, `,"key":`...), r.KeyType)
		b = appendJSONString(append(b, `,"alias":`...), r.Alias)
		b = append(b, '}')
	}
	b = appendJSONTime(append(b, `,"not_before":`...), c.NotBefore.UTC())
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
	b = strconv.AppendBool(append(b, `,"inclusive":`...), j.limit.Inclusive)
	b = strconv.AppendInt(append(b, `,"measured_days":`...), int64(j.tv6Days), 10)
	b = strconv.AppendInt(append(b, `,"measured_seconds":`...), j.tv6Seconds, 10)
	b = append(b, `,"verdict":"`...)
	b = append(b, j.verdict...)
	b = appendJSONString(append(b, `","reason":`...), j.reason)
	ca, reason := verdictWord(j.clientAuth)
	b = strconv.AppendBool(append(b, `},"client_auth":{"listed":`...), j.hasClientAuth)
	b = appendJSONTime(append(b, `,"successor_at":`...), j.successorAt.UTC())
	b = appendJSONString(append(b, `,"verdict":`...), ca)
	b = appendJSONString(append(b, `,"reason":`...), reason)
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
		b = strconv.AppendBool(append(b, `,"expires_within":`...), d.expiring)
	}
	if v := d.verify; v != nil {
		b = strconv.AppendBool(append(b, `,"verify":{"ok":`...), v.ok)
		b = appendJSONList(append(b, `,"chain":`...), v.chain)
		b = appendJSONString(append(b, `,"error":`...), v.err)
		b = append(b, '}')
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

// bundleText says where a certificate sits in a PKCS#12 bundle: in which
// entry (and its alias), and how it pairs with the entry's key (PK-3).
func bundleText(r *input.BundleRole) string {
	entry := "entry " + strconv.Itoa(r.Entry)
	if r.Alias != "" {
		entry += " (" + strconv.Quote(r.Alias) + ")"
	}
	switch r.Role {
	case "leaf":
		return "the leaf of " + entry + ": the entry's " + r.KeyType + " private key matches it (PK-3)"
	case "chain":
		return "the chain of " + entry + ": an issuer of its leaf"
	}
	return "the certificate of " + entry + ", a certificate entry: no private key goes with it"
}

// line appends a labelled line of text.
func line(b []byte, name, text string) []byte {
	b = label(b, name)
	b = append(b, text...)
	return append(b, '\n')
}

// appendJSONList appends a list of strings as a JSON array.
func appendJSONList(b []byte, list []string) []byte {
	b = append(b, '[')
	for i, s := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, s)
	}
	return append(b, ']')
}

// summary is the last line of -json output.
type summary struct {
	Certificates int
	Errors       int
	Skipped      []skipJSON
}

type skipJSON struct{ Path, Reason string }

// summary prints the summary line of -json output.
func (p *printer) summary(s *summary) {
	b := strconv.AppendInt(append(p.buf[:0], `{"record":"summary","certificates":`...), int64(s.Certificates), 10)
	b = strconv.AppendInt(append(b, `,"errors":`...), int64(s.Errors), 10)
	b = strconv.AppendInt(append(b, `,"skipped":`...), int64(len(s.Skipped)), 10)
	b = append(b, `,"skipped_entries":[`...)
	for i, e := range s.Skipped {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(append(b, `{"path":`...), e.Path)
		b = appendJSONString(append(b, `,"reason":`...), e.Reason)
		b = append(b, '}')
	}
	b = append(b, "]}\n"...)
	p.out.Write(b)
	p.buf = b
}
