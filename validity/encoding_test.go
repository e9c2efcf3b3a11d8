package validity_test

import (
	"crypto/x509"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/certlife/certlife/validity"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/fuzz seed files")

// finding builds an expected Finding.
func finding(field, typ, raw string, t time.Time, c validity.Code, s validity.Severity) validity.Finding {
	return validity.Finding{Field: field, Type: typ, Raw: raw, Time: t, Code: c, Severity: s}
}

const (
	nb = "notBefore"
	na = "notAfter"
	ut = "UTCTime"
	gt = "GeneralizedTime"
)

var (
	errS  = validity.SeverityError
	infoS = validity.SeverityInfo
	okNB  = utcTime("121210000000Z") // a correct notBefore
)

// encodingCases are hand-built validities, with the findings expected.
// They are also the seeds of FuzzEncodingFindings.
var encodingCases = []struct {
	name  string
	times []asn1Time
	want  []validity.Finding
}{
	{"TV-5 correct UTCTime", []asn1Time{okNB, utcTime("121210235959Z")}, nil},
	{"TV-5 UTCTime 2049-12-31 23:59:59", []asn1Time{okNB, utcTime("491231235959Z")}, nil},
	{"TV-5 GeneralizedTime 2050-01-01 00:00:00", []asn1Time{okNB, generalizedTime("20500101000000Z")}, nil},
	{"TV-5 UTCTime 50 is 1950", []asn1Time{utcTime("500101000000Z"), utcTime("491231235959Z")}, nil},
	{"TV-5 UTCTime 29 February 2012", []asn1Time{utcTime("120229000000Z"), utcTime("120229235959Z")}, nil},
	{"TV-5 GeneralizedTime before 1950 has no other encoding", []asn1Time{generalizedTime("19491231235959Z"), okNB}, nil},
	{"TV-5 GeneralizedTime in 2049", []asn1Time{okNB, generalizedTime("20491231235959Z")}, []validity.Finding{
		finding(na, gt, "20491231235959Z", utc(2049, 12, 31, 23, 59, 59), validity.CodeGeneralizedTimeBefore2050, errS),
	}},
	{"TV-5 GeneralizedTime in 1950", []asn1Time{generalizedTime("19500101000000Z"), utcTime("491231235959Z")}, []validity.Finding{
		finding(nb, gt, "19500101000000Z", utc(1950, 1, 1, 0, 0, 0), validity.CodeGeneralizedTimeBefore2050, errS),
	}},
	{"TV-5 UTCTime without seconds", []asn1Time{okNB, utcTime("1212102359Z")}, []validity.Finding{
		finding(na, ut, "1212102359Z", utc(2012, 12, 10, 23, 59, 0), validity.CodeMissingSeconds, errS),
	}},
	{"TV-5 UTCTime with offset", []asn1Time{okNB, utcTime("121210235959+0900")}, []validity.Finding{
		finding(na, ut, "121210235959+0900", utc(2012, 12, 10, 14, 59, 59), validity.CodeNotZulu, errS),
	}},
	{"TV-5 UTCTime without seconds, with offset", []asn1Time{utcTime("1212100900+0900"), okNB}, []validity.Finding{
		finding(nb, ut, "1212100900+0900", utc(2012, 12, 10, 0, 0, 0), validity.CodeMissingSeconds, errS),
		finding(nb, ut, "1212100900+0900", utc(2012, 12, 10, 0, 0, 0), validity.CodeNotZulu, errS),
	}},
	{"TV-5 UTCTime reaching 2050 through an offset", []asn1Time{okNB, utcTime("491231235959-0100")}, []validity.Finding{
		finding(na, ut, "491231235959-0100", utc(2050, 1, 1, 0, 59, 59), validity.CodeNotZulu, errS),
		finding(na, ut, "491231235959-0100", utc(2050, 1, 1, 0, 59, 59), validity.CodeUTCTimeAfter2049, errS),
	}},
	{"TV-5 GeneralizedTime with fraction in 2012", []asn1Time{okNB, generalizedTime("20121210235959.5Z")}, []validity.Finding{
		finding(na, gt, "20121210235959.5Z", utc(2012, 12, 10, 23, 59, 59).Add(500*time.Millisecond), validity.CodeFractionalSeconds, errS),
		finding(na, gt, "20121210235959.5Z", utc(2012, 12, 10, 23, 59, 59).Add(500*time.Millisecond), validity.CodeGeneralizedTimeBefore2050, errS),
	}},
	{"TV-5 GeneralizedTime with fraction in 2052", []asn1Time{okNB, generalizedTime("20521210235959.123456789123Z")}, []validity.Finding{
		finding(na, gt, "20521210235959.123456789123Z", utc(2052, 12, 10, 23, 59, 59).Add(123456789), validity.CodeFractionalSeconds, errS),
	}},
	{"TV-5 GeneralizedTime without seconds", []asn1Time{okNB, generalizedTime("205212102359Z")}, []validity.Finding{
		finding(na, gt, "205212102359Z", utc(2052, 12, 10, 23, 59, 0), validity.CodeMissingSeconds, errS),
	}},
	{"TV-5 GeneralizedTime with hours only", []asn1Time{okNB, generalizedTime("2052121023Z")}, []validity.Finding{
		finding(na, gt, "2052121023Z", utc(2052, 12, 10, 23, 0, 0), validity.CodeMissingSeconds, errS),
	}},
	{"TV-5 GeneralizedTime local time", []asn1Time{okNB, generalizedTime("20521210235959")}, []validity.Finding{
		finding(na, gt, "20521210235959", utc(2052, 12, 10, 23, 59, 59), validity.CodeNotZulu, errS),
	}},
	{"TV-5 no well-defined expiration", []asn1Time{okNB, generalizedTime("99991231235959Z")}, []validity.Finding{
		finding(na, gt, "99991231235959Z", utc(9999, 12, 31, 23, 59, 59), validity.CodeNoWellDefinedExpiration, infoS),
	}},
	{"TV-5 99991231235959Z as notBefore is nothing special", []asn1Time{generalizedTime("99991231235959Z"), generalizedTime("99991231235959Z")}, []validity.Finding{
		finding(na, gt, "99991231235959Z", utc(9999, 12, 31, 23, 59, 59), validity.CodeNoWellDefinedExpiration, infoS),
	}},
	{"TV-5 UTCTime month 13", []asn1Time{okNB, utcTime("121310235959Z")}, []validity.Finding{
		finding(na, ut, "121310235959Z", time.Time{}, validity.CodeInvalidTime, errS),
	}},
	{"TV-5 UTCTime 29 February 2013", []asn1Time{okNB, utcTime("130229000000Z")}, []validity.Finding{
		finding(na, ut, "130229000000Z", time.Time{}, validity.CodeInvalidTime, errS),
	}},
	{"TV-5 UTCTime leap second", []asn1Time{okNB, utcTime("121231235960Z")}, []validity.Finding{
		finding(na, ut, "121231235960Z", time.Time{}, validity.CodeInvalidTime, errS),
	}},
	{"TV-5 UTCTime with fraction", []asn1Time{okNB, utcTime("121231235959.5Z")}, []validity.Finding{
		finding(na, ut, "121231235959.5Z", time.Time{}, validity.CodeInvalidTime, errS),
	}},
	{"TV-5 UTCTime without zone", []asn1Time{okNB, utcTime("121231235959")}, []validity.Finding{
		finding(na, ut, "121231235959", time.Time{}, validity.CodeInvalidTime, errS),
	}},
	{"TV-5 empty UTCTime", []asn1Time{okNB, utcTime("")}, []validity.Finding{
		finding(na, ut, "", time.Time{}, validity.CodeInvalidTime, errS),
	}},
	{"TV-5 GeneralizedTime bad offset", []asn1Time{okNB, generalizedTime("20521210235959+2400")}, []validity.Finding{
		finding(na, gt, "20521210235959+2400", time.Time{}, validity.CodeInvalidTime, errS),
	}},
	{"TV-5 GeneralizedTime empty fraction", []asn1Time{okNB, generalizedTime("20521210235959.Z")}, []validity.Finding{
		finding(na, gt, "20521210235959.Z", time.Time{}, validity.CodeInvalidTime, errS),
	}},
}

func TestEncodingFindings(t *testing.T) {
	for _, tt := range encodingCases {
		t.Run(tt.name, func(t *testing.T) {
			raw := tbsWith(tt.times...)
			got, err := validity.EncodingFindings(raw)
			if err != nil {
				t.Fatalf("EncodingFindings: %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			// CheckEncoding reports the same findings, only when one is
			// more than informational.
			err = validity.CheckEncoding(&x509.Certificate{RawTBSCertificate: raw})
			serious := false
			for _, f := range tt.want {
				serious = serious || f.Severity >= validity.SeverityWarning
			}
			if !serious {
				if err != nil {
					t.Errorf("CheckEncoding = %v, want nil", err)
				}
				return
			}
			var ee *validity.EncodingError
			if !errors.As(err, &ee) {
				t.Fatalf("CheckEncoding = %v, want *EncodingError", err)
			}
			want := &validity.EncodingError{Reason: validity.ReasonEncoding, Findings: tt.want}
			if diff := cmp.Diff(want, ee); diff != "" {
				t.Errorf("CheckEncoding (-want +got):\n%s", diff)
			}
			if errors.Is(err, validity.ErrMalformed) {
				t.Errorf("errors.Is(%v, ErrMalformed) = true", err)
			}
		})
	}
}

// TestCheckEncodingCreated checks certificates that crypto/x509 encodes,
// which follow RFC 5280: UTCTime through 2049, GeneralizedTime from 2050.
func TestCheckEncodingCreated(t *testing.T) {
	tests := []struct {
		name      string
		nb, na    time.Time
		want      []validity.Finding
		wantTypes [2]string
	}{
		{"TV-5 notAfter 2049-12-31 23:59:59 is UTCTime", utc(2026, 3, 15, 0, 0, 0), utc(2049, 12, 31, 23, 59, 59), nil, [2]string{"17", "17"}},
		{"TV-5 notAfter 2050-01-01 00:00:00 is GeneralizedTime", utc(2026, 3, 15, 0, 0, 0), utc(2050, 1, 1, 0, 0, 0), nil, [2]string{"17", "18"}},
		{"TV-5 Q9 certificate", utc(2011, 12, 10, 0, 0, 0), utc(2012, 12, 10, 23, 59, 59), nil, [2]string{"17", "17"}},
		{"TV-5 notAfter 99991231235959Z is informational", utc(2026, 3, 15, 0, 0, 0), utc(9999, 12, 31, 23, 59, 59), []validity.Finding{
			finding(na, gt, "99991231235959Z", utc(9999, 12, 31, 23, 59, 59), validity.CodeNoWellDefinedExpiration, infoS),
		}, [2]string{"17", "18"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cert := newCert(t, certOpts{notBefore: tt.nb, notAfter: tt.na})
			if err := validity.CheckEncoding(cert); err != nil {
				t.Errorf("CheckEncoding = %v, want nil", err)
			}
			got, err := validity.EncodingFindings(cert.RawTBSCertificate)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
			// The encoding is as claimed: 0x17 UTCTime, 0x18 GeneralizedTime.
			for i, tag := range tt.wantTypes {
				if !strings.Contains(fmt.Sprintf("%x", cert.RawTBSCertificate), tag+fmt.Sprintf("%02x", len(rawTime(tt.nb, tt.na, i)))+fmt.Sprintf("%x", rawTime(tt.nb, tt.na, i))) {
					t.Errorf("time %d not encoded with tag %s as %q", i, tag, rawTime(tt.nb, tt.na, i))
				}
			}
		})
	}
}

// rawTime returns the RFC 5280 encoding of the i-th end.
func rawTime(nb, na time.Time, i int) string {
	t := nb
	if i == 1 {
		t = na
	}
	if t.Year() >= 2050 {
		return t.UTC().Format("20060102150405Z")
	}
	return t.UTC().Format("060102150405Z")
}

func TestEncodingMalformed(t *testing.T) {
	valid := tbsWith(okNB, okNB)
	tests := []struct {
		name string
		raw  []byte
	}{
		{"TV-5 empty input", nil},
		{"TV-5 not a SEQUENCE", []byte{0x02, 0x01, 0x00}},
		{"TV-5 truncated", valid[:len(valid)-1]},
		{"TV-5 trailing data", append(append([]byte(nil), valid...), 0)},
		{"TV-5 one time only", tbsWith(okNB)},
		{"TV-5 three times", tbsWith(okNB, okNB, okNB)},
		{"TV-5 time of the wrong type", tbsWith(okNB, asn1Time{tag: 0x16, raw: "121210235959Z"})}, // IA5String
		{"TV-5 no validity", []byte{0x30, 0x03, 0x02, 0x01, 0x01}},
		{"TV-5 indefinite length", []byte{0x30, 0x80, 0x00, 0x00}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, err := validity.EncodingFindings(tt.raw)
			if fs != nil {
				t.Errorf("findings = %v, want nil", fs)
			}
			var ee *validity.EncodingError
			if !errors.As(err, &ee) || ee.Reason != validity.ReasonMalformed || ee.Detail == "" || ee.Findings != nil {
				t.Fatalf("EncodingFindings = %#v, want *EncodingError with ReasonMalformed and a Detail", err)
			}
			if !errors.Is(err, validity.ErrMalformed) {
				t.Errorf("errors.Is(%v, ErrMalformed) = false", err)
			}
			if err2 := validity.CheckEncoding(&x509.Certificate{RawTBSCertificate: tt.raw}); !errors.Is(err2, validity.ErrMalformed) {
				t.Errorf("CheckEncoding = %v, want ErrMalformed", err2)
			}
		})
	}
	t.Run("TV-5 nil certificate", func(t *testing.T) {
		if err := validity.CheckEncoding(nil); !errors.Is(err, validity.ErrMalformed) {
			t.Errorf("CheckEncoding(nil) = %v, want ErrMalformed", err)
		}
	})
}

func TestEncodingErrorMessage(t *testing.T) {
	err := validity.CheckEncoding(&x509.Certificate{RawTBSCertificate: tbsWith(utcTime("1212100000Z"), generalizedTime("99991231235959Z"))})
	want := `validity: bad time encoding: notBefore UTCTime "1212100000Z": error: time without seconds`
	if err == nil || err.Error() != want {
		t.Errorf("TV-5 message = %v, want %s", err, want)
	}
	_, err = validity.EncodingFindings([]byte{1})
	want = "validity: malformed: TBSCertificate is not a DER SEQUENCE"
	if err == nil || err.Error() != want {
		t.Errorf("TV-5 message = %v, want %s", err, want)
	}
}

func TestCodeSeverityReasonStrings(t *testing.T) {
	var got []string
	for c := validity.Code(0); c <= validity.CodeNoWellDefinedExpiration+1; c++ {
		got = append(got, c.String())
	}
	for s := validity.Severity(0); s <= validity.SeverityError+1; s++ {
		got = append(got, s.String())
	}
	for r := validity.Reason(0); r <= validity.ReasonClientAuthNotAllowed+1; r++ {
		got = append(got, r.String())
	}
	for _, s := range got {
		if s == "" {
			t.Errorf("empty String in %q", got)
		}
	}
	want := []string{
		"Code(0)", "GeneralizedTime before 2050", "UTCTime in 2050 or later", "time without seconds",
		"time not in UTC with Z", "fractional seconds", "invalid time", "no well-defined expiration", "Code(8)",
		"Severity(0)", "info", "warning", "error", "Severity(4)",
		"Reason(0)", "zero time", "invalid period", "not yet valid", "expired", "lifetime exceeded",
		"lifetime over recommendation", "CA certificate", "not for server authentication", "no limit known",
		"malformed", "bad time encoding", "compliant", "self-signed leaf", "serverAuth extended key usage",
		"no extended key usage", "CA/Browser Forum TLS policy", "clientAuth ends for successors",
		"clientAuth not allowed", "Reason(19)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("TV-5 String methods (-want +got):\n%s", diff)
	}
}

func FuzzEncodingFindings(f *testing.F) {
	for _, tt := range encodingCases {
		f.Add(tbsWith(tt.times...))
	}
	f.Add([]byte{})
	f.Add([]byte{0x30, 0x80, 0x00, 0x00})
	f.Fuzz(func(t *testing.T, raw []byte) {
		fs, err := validity.EncodingFindings(raw)
		if err != nil {
			var ee *validity.EncodingError
			if !errors.As(err, &ee) || ee.Reason != validity.ReasonMalformed || !errors.Is(err, validity.ErrMalformed) || fs != nil {
				t.Fatalf("error %#v (findings %v) is not a malformed *EncodingError", err, fs)
			}
			if err2 := validity.CheckEncoding(&x509.Certificate{RawTBSCertificate: raw}); !errors.Is(err2, validity.ErrMalformed) {
				t.Fatalf("CheckEncoding = %v after EncodingFindings = %v", err2, err)
			}
			return
		}
		serious := false
		for _, f := range fs {
			if f.Field != "notBefore" && f.Field != "notAfter" || f.Type != "UTCTime" && f.Type != "GeneralizedTime" {
				t.Fatalf("bad finding %+v", f)
			}
			if f.Code < validity.CodeGeneralizedTimeBefore2050 || f.Code > validity.CodeNoWellDefinedExpiration {
				t.Fatalf("bad code in %+v", f)
			}
			if (f.Code == validity.CodeInvalidTime) != f.Time.IsZero() {
				t.Fatalf("time and code disagree in %+v", f)
			}
			if !strings.Contains(string(raw), f.Raw) {
				t.Fatalf("raw %q not in input", f.Raw)
			}
			serious = serious || f.Severity >= validity.SeverityWarning
		}
		err = validity.CheckEncoding(&x509.Certificate{RawTBSCertificate: raw})
		var ee *validity.EncodingError
		if serious != (err != nil) || err != nil && (!errors.As(err, &ee) || ee.Reason != validity.ReasonEncoding || !cmp.Equal(fs, ee.Findings)) {
			t.Fatalf("CheckEncoding = %v for findings %v", err, fs)
		}
		// Round trip: a time with no finding other than its type re-encodes
		// to its raw text.
		for _, f := range fs {
			if f.Code == validity.CodeGeneralizedTimeBefore2050 && onlyFinding(fs, f) {
				if got := f.Time.Format("20060102150405Z"); got != f.Raw {
					t.Fatalf("GeneralizedTime %q re-encodes as %q", f.Raw, got)
				}
			}
		}
	})
}

// onlyFinding reports whether f is the only finding for its field.
func onlyFinding(fs []validity.Finding, f validity.Finding) bool {
	n := 0
	for _, g := range fs {
		if g.Field == f.Field {
			n++
		}
	}
	return n == 1
}

// TestFuzzCorpus checks that the seed corpus of FuzzEncodingFindings is
// present, and with -update rewrites it from encodingCases and certificates
// created by crypto/x509.
func TestFuzzCorpus(t *testing.T) {
	dir := filepath.Join("testdata", "fuzz", "FuzzEncodingFindings")
	if *update {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		seeds := map[string][]byte{}
		for i, tt := range encodingCases {
			seeds[fmt.Sprintf("case%02d", i)] = tbsWith(tt.times...)
		}
		seeds["created-2049"] = newCert(t, certOpts{notBefore: utc(2026, 3, 15, 0, 0, 0), notAfter: utc(2049, 12, 31, 23, 59, 59)}).RawTBSCertificate
		seeds["created-2050"] = newCert(t, certOpts{notBefore: utc(2026, 3, 15, 0, 0, 0), notAfter: utc(2050, 1, 1, 0, 0, 0)}).RawTBSCertificate
		seeds["created-9999"] = newCert(t, certOpts{notBefore: utc(2026, 3, 15, 0, 0, 0), notAfter: utc(9999, 12, 31, 23, 59, 59)}).RawTBSCertificate
		seeds["truncated"] = []byte{0x30, 0x10, 0xa0}
		for name, b := range seeds {
			data := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", b)
			if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil || len(files) < len(encodingCases) {
		t.Fatalf("TV-5 fuzz corpus %s has %d files (err %v), want at least %d; run go test -run TestFuzzCorpus -update", dir, len(files), err, len(encodingCases))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil || !strings.HasPrefix(string(b), "go test fuzz v1\n") {
			t.Errorf("%s is not a go test fuzz v1 file (err %v)", f, err)
		}
	}
}
